"""Menu entries show their whole text in Chinese in large type: Fusion's margins fell short of what it draws at x1.3
and it elided entries to fit ("简体中文" showed as "简…文", 浅色主题（高对比度） as 浅色主题（高…度）)."""

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QKeySequence

from posenc_gui.app import i18n
from posenc_gui.app.window import MainWindow

ROOM = 150  # pixels added to a menu's width: an entry drawn at the menu's own width must look the same


@pytest.fixture(autouse=True)
def base_text_size(themed):
    """The tests' windows set a larger text for the whole app: back to the base size after (later tests draw in it)."""
    yield
    themed("light")


def drawn_entries(qapp, menu, natural: int, width: int | None = None) -> dict[str, object]:
    """Each entry's text part (left of where its shortcut or submenu arrow starts at the ``natural`` width) as drawn
    at the menu's width or at ``width``."""
    menu.setMinimumWidth(width or 0)
    menu.popup(QPoint(0, 0))
    qapp.processEvents()
    image = menu.grab().toImage()
    metrics = menu.fontMetrics()
    shown = [action for action in menu.actions() if not action.isSeparator() and action.isVisible()]
    keys = max(metrics.horizontalAdvance(action.shortcut().toString(QKeySequence.NativeText)) for action in shown)
    right = natural - keys - 2 * metrics.height()  # the shortcuts' column starts there, moving with the width
    entries = {}
    for action in shown:
        box = menu.actionGeometry(action)
        entries[action.text()] = image.copy(QRect(box.left(), box.top(), right - box.left(), box.height()))
    menu.hide()
    menu.setMinimumWidth(0)
    return entries


# the offscreen platform's notes on a popup menu it cannot raise or give the keyboard to
@pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support grabbing the keyboard")
def test_menu_entries_are_not_elided_in_chinese_at_large_text(qtbot, qapp, private_settings):
    i18n.install(qapp, "zh")  # English again after the test (private_settings)
    window = MainWindow(language="zh")
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.set_text_scale(1.3)
    menus = {action.text(): action.menu() for action in window.menuBar().actions() if action.menu()}
    view = menus["视图(&V)"]
    checked = [view, menus["课件(&D)"], next(a.menu() for a in view.actions() if a.text() == "语言(&G)")]
    for menu in checked:
        natural = menu.sizeHint().width()
        as_shown = drawn_entries(qapp, menu, natural)
        with_room = drawn_entries(qapp, menu, natural, natural + ROOM)
        cut = [text for text, image in as_shown.items() if image != with_room[text]]
        assert not cut, f"elided in {menu.title()}: {cut}"
