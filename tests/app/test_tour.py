"""The guided tour: each step's bubble points at the real widget (its geometry mapped into the window), the keys
step through it ahead of the deck's, it follows a resize, and it never shows while presenting."""

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication

from posenc_gui.app import i18n, tour
from posenc_gui.app.layout_check import check_window
from posenc_gui.app.window import MainWindow
from view_helpers import shown_window

DEFAULT_DECK = Path(__file__).resolve().parents[2] / "resources" / "decks" / "default.posdeck"


@pytest.fixture
def window(qtbot):
    shown = shown_window(qtbot)
    shown.activateWindow()
    qtbot.waitUntil(shown.isActiveWindow)
    return shown


@pytest.fixture
def guided(window, qtbot):
    running = tour.start(window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is running.bubble.next)
    yield running
    running.end()


def in_window(window, widget, rect=None) -> QRect:
    rect = widget.rect() if rect is None else rect
    return QRect(widget.mapTo(window, rect.topLeft()), rect.size())


def menu_title(window, command) -> QRect:
    bar = window.menuBar()
    entry = next(a for a in bar.actions() if a.menu() and window.commands[command] in a.menu().actions())
    return in_window(window, bar, bar.actionGeometry(entry))


def expected_targets(window) -> dict[str, QRect]:
    """Where each step should point, from the widgets themselves."""
    bar = window.toolbar
    arrows = [in_window(window, bar.widgetForAction(window.commands[name])) for name in ("previous_scene", "next_scene")]
    return {"panel": in_window(window, window.dock), "view_selector": in_window(window, window.selector),
            "view": in_window(window, window.stack), "deck_keys": arrows[0].united(arrows[1]),
            "export": menu_title(window, "export_png"), "start_page": menu_title(window, "start_page")}


def press(qtbot, key):
    qtbot.keyClick(QApplication.focusWidget(), key)
    QApplication.processEvents()


def test_a_short_tour_with_every_part_asked_for():
    names = [step.name for step in tour.steps()]
    assert 5 <= len(names) <= 7
    assert {"panel", "view_selector", "deck_keys", "export", "start_page"} <= set(names)


def test_each_bubble_points_at_its_widget(window, guided):
    targets = expected_targets(window)
    for index, step in enumerate(guided.steps):
        guided.go_to(index)
        target = targets[step.name]
        assert guided.target_rect() == target, step.name
        assert guided.ring.isVisible() and guided.ring.geometry().contains(target), step.name
        bubble = guided.bubble.geometry()
        assert window.rect().contains(bubble), step.name
        if step.name != "view":  # the view fills most of the window; the others leave room beside them
            assert not bubble.intersects(target), step.name
        assert guided.bubble.title.text() == step.title and f"{index + 1} of {len(guided.steps)}" in \
            guided.bubble.counter.text()


def test_the_bubble_follows_a_resize(window, guided, qtbot):
    guided.go_to([step.name for step in guided.steps].index("view"))
    before = guided.ring.geometry()
    window.resize(760, 600)
    qtbot.waitUntil(lambda: guided.target_rect() == in_window(window, window.stack))
    assert guided.ring.geometry() != before and guided.ring.geometry().contains(in_window(window, window.stack))
    assert window.rect().contains(guided.bubble.geometry())
    guided.go_to(0)
    window.resize(1280, 720)
    qtbot.waitUntil(lambda: guided.target_rect() == in_window(window, window.dock))
    assert guided.ring.geometry().contains(in_window(window, window.dock))


def test_keys_step_back_and_end(window, guided, qtbot):
    press(qtbot, Qt.Key_Right)
    assert guided.index == 1
    press(qtbot, Qt.Key_Return)
    press(qtbot, Qt.Key_PageDown)
    assert guided.index == 3
    press(qtbot, Qt.Key_Left)
    assert guided.index == 2
    bubble = guided.bubble
    press(qtbot, Qt.Key_Tab)  # Tab goes round the bubble's buttons, Space presses the one with the focus
    assert QApplication.focusWidget() is bubble.end
    press(qtbot, Qt.Key_Tab)
    assert QApplication.focusWidget() is bubble.back
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Backtab, Qt.ShiftModifier)
    assert QApplication.focusWidget() is bubble.end
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Backtab, Qt.ShiftModifier)
    assert QApplication.focusWidget() is bubble.next
    press(qtbot, Qt.Key_Space)
    assert guided.index == 3
    press(qtbot, Qt.Key_Escape)
    assert guided.ended and not bubble.isVisible()


def test_the_last_step_ends_the_tour(window, guided, qtbot):
    guided.go_to(len(guided.steps) - 1)
    assert guided.bubble.next.text() == "Done" and not guided.bubble.end.isVisible()
    guided.bubble.next.click()
    assert guided.ended


def test_with_a_deck_open_the_tour_keys_do_not_step_the_deck(window, qtbot):
    assert window.open_deck(DEFAULT_DECK)
    window.go_to_scene(2)
    running = tour.start(window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is running.bubble.next)
    for key in (Qt.Key_Right, Qt.Key_PageDown, Qt.Key_Space, Qt.Key_Left, Qt.Key_PageUp):
        press(qtbot, key)
    assert window.deck.index == 2 and running.index == 1
    press(qtbot, Qt.Key_Escape)
    assert running.ended and window.deck.index == 2
    press(qtbot, Qt.Key_PageDown)  # after the tour, the deck's keys are the deck's again
    assert window.deck.index == 3


def test_escape_ends_the_tour_not_the_work_in_progress(window, guided, qtbot, monkeypatch):
    cancelled = []
    monkeypatch.setattr(window, "cancel_work", lambda: cancelled.append(True))
    press(qtbot, Qt.Key_Escape)
    assert guided.ended and cancelled == []


def test_not_shown_while_presenting(window, qtbot):
    window.set_presenting(True)
    assert tour.start(window) is None and window.findChildren(tour.Bubble) == []
    window.set_presenting(False)
    running = tour.start(window)
    window.set_presenting(True)
    assert running.ended and not running.bubble.isVisible()
    window.set_presenting(False)


def test_help_guided_tour_starts_one_tour(window):
    window.commands["tour"].trigger()
    window.commands["tour"].trigger()
    running = [t for t in window.findChildren(tour.Tour) if not t.ended]
    assert len(running) == 1 and running[0].bubble.isVisible()
    running[0].end()


def test_a_hidden_part_puts_the_bubble_in_the_middle(window, guided):
    window.dock.hide()
    guided.go_to(0)
    assert not guided.ring.isVisible()
    assert guided.bubble.geometry().center().x() == pytest.approx(window.rect().center().x(), abs=2)


def test_a_hidden_panel_step_says_where_the_panel_is(window, guided):
    """A lesson hides the parameter panel: the step that explains it says where it shows, not only what it does."""
    where = "View › Parameters"
    assert where not in guided.bubble.text.text()
    window.model.update(view="walkthrough")
    QApplication.processEvents()
    assert window.dock.isHidden()
    guided.go_to(0)
    assert where in guided.bubble.text.text() and not guided.ring.isVisible()
    assert check_window(window, guided.bubble).problems == []
    guided.go_to(1)
    assert where not in guided.bubble.text.text()


def test_the_tour_speaks_the_interface_language(qapp, qtbot):
    i18n.install(qapp, "zh")
    try:
        window = MainWindow(language="zh")
        qtbot.addWidget(window)
        window.resize(1280, 720)
        window.show()
        running = tour.start(window)
        assert running.bubble.title.text() == i18n.translate("Tour", "Parameters") != "Parameters"
        assert running.bubble.next.text() != "Next"
        running.end()
    finally:
        i18n.install(qapp, "en")


@pytest.mark.parametrize("scale, theme, language", [(1.6, "dark", "zh"), (1.0, "light", "en")])
def test_every_bubble_fits_at_1280x720(qapp, qtbot, scale, theme, language):
    i18n.install(qapp, language)
    try:
        window = MainWindow(language=language)
        qtbot.addWidget(window)
        window.resize(1280, 720)
        window.show()
        window.set_theme(theme)
        window.set_text_scale(scale)
        running = tour.start(window)
        for index in range(len(running.steps)):
            running.go_to(index)
            qapp.processEvents()
            report = check_window(window, running.bubble)
            assert report.problems == [] and report.texts_checked >= 5, running.step.name
            assert window.rect().contains(running.bubble.geometry())
        running.end()
        window.set_theme("light")
    finally:
        i18n.install(qapp, "en")
