"""Help > Keyboard shortcuts lists every key the window answers to, from the tables it acts on; Help > User
guide opens the guide in the interface language."""

import re

import pytest
from PySide6.QtGui import QKeySequence

from posenc_gui.app import help_pages, i18n
from posenc_gui.app.clicker import CLICKER_KEYS, PRESENTING_KEYS
from posenc_gui.app.window import MainWindow

HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def window(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    return window


def listed_keys(window, section: int | None = None) -> dict[str, str]:
    """{key name: what it does} of every row of the dialog, or of one section (a row may name several keys)."""
    found = {}
    sections = help_pages.shortcut_sections(window)
    for _title, rows in sections if section is None else sections[section:section + 1]:
        for keys, what in rows:
            for key in re.split(r" / |, ", keys):
                found.setdefault(key, what)
    return found


def test_every_key_of_the_deck_and_presenting_tables_is_listed(window):
    keys = listed_keys(window)
    for key, command in {**CLICKER_KEYS, **PRESENTING_KEYS}.items():
        assert help_pages.key_name(key) in keys, (key, command)
    clicker, presenting = listed_keys(window, 1), listed_keys(window, 2)
    assert clicker["PgDown"] == clicker["Space"] == "Next scene"
    assert "any key" in clicker["B"] and "any key" in clicker["."]
    assert presenting["P"] == "Parameter panel on or off" and presenting["Esc"] == "Stop presenting"


def test_every_command_shortcut_is_listed_with_its_menu_text(window):
    keys = listed_keys(window)
    for action in window.commands.values():
        for shortcut in action.shortcuts():
            assert help_pages.key_name(shortcut) in keys or shortcut.isEmpty(), action.text()
    assert "" not in keys
    assert keys[QKeySequence("Ctrl+E").toString(QKeySequence.NativeText)] == "Export data (CSV, NPY, NPZ)"
    assert keys["F1"] == "User guide"


def test_a_key_added_to_the_table_shows_in_the_dialog(window, monkeypatch):
    from PySide6.QtCore import Qt
    monkeypatch.setitem(PRESENTING_KEYS, Qt.Key_F9, "toggle_notes")
    assert "F9" in listed_keys(window)


def test_the_shortcuts_dialog_shows_the_table(window, qtbot):
    dialog = help_pages.shortcuts_dialog(window)
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    assert "Next scene" in text and "Stop presenting" in text and "PgDown" in text


def test_mnemonics_are_dropped_in_both_languages():
    assert help_pages.plain("&Next scene") == "Next scene"
    assert help_pages.plain("导出图像(&E)（PNG、SVG、PDF）…") == "导出图像（PNG、SVG、PDF）"
    assert help_pages.plain("Save &deck as…") == "Save deck as"


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_guide_opens_from_the_help_menu_in_the_interface_language(qtbot, qapp, language, monkeypatch):
    assert i18n.install(qapp, language) == language
    try:
        window = MainWindow(language=language)
        qtbot.addWidget(window)
        opened = []
        monkeypatch.setattr(help_pages.TextDialog, "exec", lambda dialog: opened.append(dialog) or 0)
        window.commands["guide"].trigger()
        window.commands["shortcuts"].trigger()
        guide, shortcuts = (dialog.browser.toPlainText() for dialog in opened)
        assert "PageDown" in guide and "Ctrl+/" in guide
        assert bool(HAN.search(guide)) == (language == "zh") and bool(HAN.search(shortcuts)) == (language == "zh")
        for dialog in opened:
            dialog.close()
    finally:
        i18n.install(qapp, "en")
