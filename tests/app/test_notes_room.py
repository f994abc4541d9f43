"""The scene notes under the view in a windowed deck: the lecturer drags their edge and every scene keeps that height
(in the settings too), folds them to their title bar, and the text never runs past the pane's right edge. Measured
with Qt's geometry at 1280 x 800 (x1.0) and 1024 x 768 (x1.3), the sizes of issue 22."""

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtTest import QTest

from posenc_gui.app import i18n, settings as prefs
from posenc_gui.app.window import MainWindow
from posenc_gui.paths import resource

DEFAULT_DECK = resource("decks", "default.posdeck")


@pytest.fixture(autouse=True)
def base_text_size(themed):
    """The tests' windows set a larger text for the whole app: back to the base size after (later tests draw in it)."""
    yield
    themed("light")
LESSON = 2  # "Why order matters": a lesson of four plots under two lines of text and a formula


def deck_window(qtbot, size, text_scale=1.0, language="en"):
    window = MainWindow(settings=QSettings(), language=language)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    if text_scale != 1.0:
        window.set_text_scale(text_scale)
    assert window.open_deck(DEFAULT_DECK)
    window.go_to_scene(LESSON)
    window.finish_work()
    qtbot.wait(10)
    return window


def drag_notes_edge(qtbot, window, by: int) -> None:
    """Drag the separator above the notes ``by`` pixels (up is negative) with the mouse, as the lecturer would."""
    x = window.width() // 2
    y = (window.centralWidget().geometry().bottom() + window.notes_dock.geometry().top()) // 2
    QTest.mousePress(window, Qt.LeftButton, Qt.NoModifier, QPoint(x, y))
    step = 10 if by > 0 else -10
    for offset in range(step, by + step, step):
        QTest.mouseMove(window, QPoint(x, y + offset))
        qtbot.wait(5)  # the main window moves its separator on a zero timer
    QTest.mouseRelease(window, Qt.LeftButton, Qt.NoModifier, QPoint(x, y + by))


def view_room(window) -> int:
    return window.centralWidget().height()


def test_the_dragged_height_is_kept_for_every_scene_and_the_next_run(qtbot, private_settings):
    window = deck_window(qtbot, (1280, 800))
    fitted = window.notes_dock.height()
    drag_notes_edge(qtbot, window, 80)  # smaller notes, more room for the plots
    dragged = window.notes_dock.height()
    assert dragged < fitted - 40
    for scene in (LESSON + 1, 12, 30):  # notes of other lengths: the view's room stays as the lecturer left it
        window.go_to_scene(scene)
        window.finish_work()
        assert window.notes_dock.height() == dragged
    window.close()
    assert QSettings().value(prefs.NOTES_HEIGHT_KEY) is not None

    again = deck_window(qtbot, (1280, 800))
    assert again.notes_dock.height() == dragged


def test_folding_gives_the_view_all_but_the_title_bar_and_is_remembered(qtbot, private_settings):
    window = deck_window(qtbot, (1024, 768), text_scale=1.3)
    room_with_notes = view_room(window)
    title = window.notes_dock.titleBarWidget()
    title.fold.click()
    qtbot.wait(10)
    assert window.notes.isHidden()
    assert window.notes_dock.height() == title.sizeHint().height()
    assert view_room(window) - room_with_notes > 100  # the notes' lines went to the view
    window.go_to_scene(LESSON + 1)  # folded they stay, scene after scene
    window.finish_work()
    assert window.notes_dock.height() == title.sizeHint().height()
    window.close()

    again = deck_window(qtbot, (1024, 768), text_scale=1.3)
    assert again.notes.isHidden() and again.notes_dock.titleBarWidget().fold.isChecked()
    again.notes_dock.titleBarWidget().fold.click()
    qtbot.wait(10)
    assert again.notes.isVisible() and again.notes_dock.height() == room_with_notes_height(again)


def room_with_notes_height(window) -> int:
    """The notes' fitted height for the scene shown (what unfolding brings back)."""
    return window.notes_room.fitted_height(window.notes_dock.titleBarWidget().sizeHint().height())


@pytest.mark.parametrize("size, text_scale", [((1280, 800), 1.0), ((1024, 768), 1.3)])
def test_fitted_notes_leave_the_view_three_quarters_of_the_window(qtbot, private_settings, size, text_scale):
    """Long notes scroll in their pane rather than take the plots' room: at most a quarter of the window (a third
    pushed the lessons' plots below the fold at 1024 x 768 x1.3)."""
    window = deck_window(qtbot, size, text_scale)
    for scene in (LESSON, 19, 30, 36):  # among the deck's longest notes
        window.go_to_scene(scene)
        window.finish_work()
        assert window.notes_dock.height() <= window.height() / 4 + 1
        assert window.notes.verticalScrollBar().maximum() <= 0 or window.notes_dock.height() >= window.height() / 4 - 1


def test_chinese_notes_wrap_inside_their_pane(qtbot, qapp, private_settings):
    """The notes were measured with the dock's width set on their document: wider than the pane, so the Chinese
    lines ran past its right edge and a sideways scroll bar covered the last line."""
    i18n.install(qapp, "zh")  # English again after the test (private_settings)
    window = deck_window(qtbot, (1024, 768), text_scale=1.3, language="zh")
    for scene in (6, 30, 36):  # notes longer than their pane: it scrolls up and down, never sideways
        window.go_to_scene(scene)
        window.finish_work()
        qtbot.wait(10)
        assert window.notes.document().size().width() <= window.notes.viewport().width()
        assert not window.notes.horizontalScrollBar().isVisible()
    assert window.notes_dock.titleBarWidget().fold.toolTip() == "把备注收起到这一栏"


def test_a_damaged_notes_height_falls_back_to_fitting(private_settings):
    store = prefs.Store(private_settings / "damaged.conf")
    for bad in ("tall", -5, 10 ** 6, True):
        store.setValue(prefs.NOTES_HEIGHT_KEY, bad)
        store.setValue(prefs.NOTES_COLLAPSED_KEY, "perhaps")
        loaded = prefs.load(store)
        assert loaded.notes_height == 0 and loaded.notes_collapsed is False
    store.setValue(prefs.NOTES_HEIGHT_KEY, "120")
    store.setValue(prefs.NOTES_COLLAPSED_KEY, "true")
    assert prefs.load(store).notes_height == 120 and prefs.load(store).notes_collapsed is True
