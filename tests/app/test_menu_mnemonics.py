"""Every entry of a menu has its own Alt letter, in both languages: two entries sharing one made Alt+F, D and
Alt+V, L / P move between them instead of choosing one (File: Save deck as / Export data; View: Light theme /
Larger text, Presentation mode / Parameters)."""

import re
from collections import Counter

import pytest

from posenc_gui.app import i18n
from posenc_gui.app.window import MainWindow

MNEMONIC = re.compile(r"&([^&\s])")


@pytest.mark.parametrize("language", ["en", "zh"])
def test_no_two_entries_of_a_menu_share_their_alt_letter(qtbot, qapp, language):
    assert i18n.install(qapp, language) == language
    try:
        window = MainWindow(language=language)
        qtbot.addWidget(window)
        shared = {}
        for menu_action in window.menuBar().actions():
            letters = Counter(match.group(1).lower() for action in menu_action.menu().actions()
                              if (match := MNEMONIC.search(action.text().replace("&&", ""))))
            shared[menu_action.text()] = sorted(letter for letter, count in letters.items() if count > 1)
        assert not any(shared.values()), shared
    finally:
        i18n.install(qapp, "en")
