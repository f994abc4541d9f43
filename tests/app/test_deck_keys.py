"""Clicker keys, decks and presenting, driven by real key events: each key is sent to the widget that has
the focus (``press``), so that it takes the same route as a key on the keyboard (shortcut override, the
focused widget, its parents, the window's shortcuts). Then one run on a real X server (Xvfb, two screens,
openbox) with xdotool's key presses."""

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDoubleSpinBox, QLineEdit, QSlider, QSpinBox

from posenc_gui.app import presenting
from posenc_gui.app.clicker import clicker_command
from posenc_gui.app.deck_navigator import DeckNavigator
from posenc_gui.app.presenter import choose_screens, elapsed_text
from posenc_gui.app.state import Deck, Scene
from posenc_gui.app.views import applies
from posenc_gui.app.view_catalogue import view_title
from posenc_gui.app.window import MainWindow
from posenc_gui.paths import resource
from tests.app.xcb_support import wait_for_state

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DECK = resource("decks", "default.posdeck")
DEFAULT_SCENES = json.loads(DEFAULT_DECK.read_text(encoding="utf-8"))["scenes"]
COUNT = len(DEFAULT_SCENES)
LAST = COUNT - 1  # index of the default deck's last scene


@pytest.fixture
def window(qtbot, tmp_path):
    """A new window, as the app starts (no deck)."""
    win = MainWindow(settings=QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    return win


@pytest.fixture(scope="module")
def shared_window(qapp, tmp_path_factory):
    """One window for the deck tests, so that the views of the deck's scenes are built once, not per test."""
    win = MainWindow(settings=QSettings(str(tmp_path_factory.mktemp("deck_keys") / "settings.ini"),
                                        QSettings.IniFormat))
    win.show()
    yield win
    win.set_presenting(False)
    win.close()
    win.deleteLater()


@pytest.fixture
def deck_window(shared_window, qtbot):
    """The shared window with the default deck at its first scene, windowed, the focus in the view."""
    win = shared_window
    win.set_presenting(False)
    win.presentation.set_blank(False)
    if win.dock.isHidden():  # closed by a test: back with the next view that uses the method
        win.panel_dock.hidden_for_view = True
    assert win.open_deck(DEFAULT_DECK)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    focus(qtbot, view_focus(win))
    return win


def press(qtbot, window, key, text_modifiers=Qt.NoModifier):
    """Press ``key`` on whatever has the focus, as a keyboard would."""
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, key, text_modifiers)
    QApplication.processEvents()


def view_focus(window):
    """What in the view shown takes the focus: its plots, or the page when it shows no plots."""
    view = window.current_view
    return view.graphics if view.graphics.isVisible() else view


def focus(qtbot, widget):
    widget.setFocus(Qt.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def saved(window, index):
    return window.deck.scenes[index]


def assert_shows(window, index):
    """The window shows scene ``index`` of the deck file, everywhere at once."""
    scene = Deck.load(DEFAULT_DECK, applies()).scenes[index]
    assert window.deck.index == index
    assert window.model.scene == scene == saved(window, index)
    assert window.stack.currentWidget() is window.views[scene.view]
    assert window.selector.currentData(Qt.UserRole) == scene.view
    assert f"scene {index + 1} of {len(window.deck.scenes)}" in window.deck_label.full_text
    assert window.windowTitle() == f"{index + 1}/{len(window.deck.scenes)} · {scene.title} — PosEnc Explorer"


# -- the bugs of the trial, each first ---------------------------------------------------------
def test_the_view_selector_does_not_take_the_initial_focus(window):
    assert window.open_deck(DEFAULT_DECK)
    assert QApplication.focusWidget() is not window.selector


def test_end_in_a_windowed_deck_goes_to_the_last_scene_not_the_view_selector(deck_window, qtbot):
    focus(qtbot, deck_window.selector)
    press(qtbot, deck_window, Qt.Key_End)
    assert_shows(deck_window, LAST)


def test_end_while_presenting_shows_the_last_scene_as_saved(deck_window, qtbot):
    """The trial's way there: presenting, End, a PageDown too many, back to the start and End again."""
    press(qtbot, deck_window, Qt.Key_F11)
    assert deck_window.presenting
    focus(qtbot, deck_window.selector)  # reached by Tab: the keys are still the deck's
    for key in (Qt.Key_End, Qt.Key_PageDown, Qt.Key_Home, Qt.Key_End):
        press(qtbot, deck_window, key)
    assert_shows(deck_window, LAST)
    focus(qtbot, view_focus(deck_window))
    press(qtbot, deck_window, Qt.Key_Home)
    assert_shows(deck_window, 0)


@pytest.mark.parametrize("presenting", [False, True])
def test_a_step_past_either_end_changes_nothing(deck_window, qtbot, presenting):
    deck_window.set_presenting(presenting)
    for target, keys in ((LAST, (Qt.Key_PageDown, Qt.Key_Right, Qt.Key_Space, Qt.Key_End)),
                         (0, (Qt.Key_PageUp, Qt.Key_Left, Qt.Key_Backspace, Qt.Key_Home))):
        deck_window.go_to_scene(target)
        for widget in (deck_window.selector, view_focus(deck_window)):
            focus(qtbot, widget)
            for key in keys:
                press(qtbot, deck_window, key)
                assert_shows(deck_window, target)


def test_a_revisited_scene_is_shown_as_saved(deck_window, qtbot):
    deck_window.go_to_scene(LAST)
    deck_window.model.set_view("timeline")  # a live change on the last scene
    press(qtbot, deck_window, Qt.Key_Home)
    deck_window.model.set_option("step", 7)  # and on scene 1: the walkthrough at step 8
    press(qtbot, deck_window, Qt.Key_End)
    assert_shows(deck_window, LAST)
    press(qtbot, deck_window, Qt.Key_Home)
    assert_shows(deck_window, 0)
    assert deck_window.current_view.step == 0


def test_update_scene_keeps_the_live_changes_and_reset_scene_restores(deck_window, qtbot, tmp_path):
    deck_window.go_to_scene(4)
    original = saved(deck_window, 4)
    deck_window.model.update(position=9)
    deck_window.commands["reset_scene"].trigger()
    assert deck_window.model.scene == original
    deck_window.model.update(position=9)
    deck_window.commands["update_scene"].trigger()
    press(qtbot, deck_window, Qt.Key_PageDown)
    press(qtbot, deck_window, Qt.Key_PageUp)
    assert deck_window.model.scene.position == 9
    assert deck_window.model.scene.title == original.title and deck_window.model.scene.notes == original.notes
    deck_window.model.update(position=3)
    deck_window.commands["reset_scene"].trigger()
    assert deck_window.model.scene.position == 9  # reset goes back to the scene as last saved
    path = tmp_path / "saved.posdeck"
    deck_window.model.update(position=5)  # a live change is not written
    assert deck_window.save_deck(path)
    assert Deck.load(path, applies()).scenes[4].position == 9


def test_add_scene_copies_the_live_scene_into_the_deck(deck_window):
    deck_window.go_to_scene(4)
    deck_window.model.update(position=9)
    deck_window.deck_controls.add_scene()
    assert deck_window.deck.index == 5 and len(deck_window.deck.scenes) == COUNT + 1
    assert deck_window.deck.scenes[5].position == 9 and deck_window.deck.scenes[4].position != 9


def test_a_lesson_opens_at_the_step_its_scene_sets(deck_window, qtbot):
    deck_window.model.set_option("step", 7)
    deck_window.go_to_scene(1)  # the multi-head lesson: no step in its scene
    assert deck_window.current_view.step == 0
    assert deck_window.current_view.step_label.text().startswith("Step 1 of")
    deck_window.go_to_scene(0)
    deck_window.model.set_option("step", 7)
    deck_window.selector.activated.emit(deck_window.selector.findData("multihead", Qt.UserRole))
    assert deck_window.model.scene.view == "multihead" and deck_window.current_view.step == 0


def test_the_window_title_names_the_scene(deck_window, qtbot):
    press(qtbot, deck_window, Qt.Key_PageDown)
    press(qtbot, deck_window, Qt.Key_PageDown)
    assert deck_window.windowTitle() == f"3/{COUNT} · {DEFAULT_SCENES[2]['title']} — PosEnc Explorer"


# -- which widget keeps which key ----------------------------------------------------------------
def panel_widget(window, kind):
    return next(w for w in window.panel.findChildren(kind) if w.isVisible() and w.isEnabled())


@pytest.mark.parametrize("kind", [QSlider, QDoubleSpinBox, "selector"])
@pytest.mark.parametrize("presenting", [False, True])
def test_clicker_keys_step_the_deck_and_never_reach_the_focused_control(deck_window, qtbot, kind, presenting):
    """Scenes 5 and 6 both show the sinusoidal encoding, so the same control stays: had it taken the key
    as well, the scene shown would differ from the one saved."""
    deck_window.go_to_scene(4)
    if presenting:
        deck_window.set_presenting(True)
        assert not deck_window.controls_called
        press(qtbot, deck_window, Qt.Key_P)  # the panel back, for a live change (and a lesson's controls)
        assert deck_window.controls_called
    widget = deck_window.selector if kind == "selector" else panel_widget(deck_window, kind)
    typing = kind is QDoubleSpinBox  # Backspace deletes a digit typed into a spin box
    for key, index in ((Qt.Key_PageDown, 5), (Qt.Key_PageUp, 3), (Qt.Key_Right, 5), (Qt.Key_Left, 3),
                       (Qt.Key_Space, 5), (Qt.Key_Backspace, 4 if typing else 3), (Qt.Key_End, LAST),
                       (Qt.Key_Home, 0)):
        deck_window.go_to_scene(4)
        focus(qtbot, widget)
        press(qtbot, deck_window, key)
        if typing and key == Qt.Key_Backspace:
            assert deck_window.deck.index == 4
            continue
        assert_shows(deck_window, index)


def test_a_text_field_being_typed_into_keeps_its_keys_but_page_up_and_down(deck_window, qtbot):
    deck_window.go_to_scene(3)  # attention: the tokens are typed into a text field
    field = next(w for w in deck_window.current_view.findChildren(QLineEdit) if w.isVisible())
    focus(qtbot, field)
    field.setText("ab")
    for key in (Qt.Key_Home, Qt.Key_Right, Qt.Key_Left, Qt.Key_End, Qt.Key_Backspace, Qt.Key_Space, Qt.Key_B,
                Qt.Key_Period):
        press(qtbot, deck_window, key)
        assert deck_window.deck.index == 3 and not deck_window.presentation.blank.isVisible()
    assert field.text() == "a b."
    press(qtbot, deck_window, Qt.Key_PageDown)
    assert_shows(deck_window, 4)


def test_without_a_deck_the_keys_stay_with_the_controls(window, qtbot):
    slider = panel_widget(window, QSlider)
    focus(qtbot, slider)
    value = slider.value()
    press(qtbot, window, Qt.Key_Right)
    assert slider.value() != value
    press(qtbot, window, Qt.Key_B)
    assert not window.presentation.blank.isVisible()


def test_clicker_command_is_decided_by_the_focused_widget(qapp):
    command = clicker_command
    spin, field, combo = QSpinBox(), QLineEdit(), QComboBox()
    assert command(Qt.Key_Right, Qt.NoModifier, spin, True, False) == "next_scene"
    assert command(Qt.Key_Backspace, Qt.NoModifier, spin, True, False) is None  # typing a number
    assert command(Qt.Key_Period, Qt.NoModifier, spin, True, False) is None
    assert command(Qt.Key_B, Qt.NoModifier, spin, True, False) == "blank"
    assert command(Qt.Key_Right, Qt.NoModifier, field, True, False) is None
    assert command(Qt.Key_PageDown, Qt.NoModifier, field, True, False) == "next_scene"
    field.setReadOnly(True)
    assert command(Qt.Key_Right, Qt.NoModifier, field, True, False) == "next_scene"
    assert command(Qt.Key_End, Qt.NoModifier, combo, True, False) == "last_scene"
    combo.setEditable(True)
    assert command(Qt.Key_End, Qt.NoModifier, combo, True, False) is None
    combo.setEditable(False)
    assert command(Qt.Key_End, Qt.ControlModifier, combo, True, False) is None
    assert command(Qt.Key_PageDown, Qt.KeypadModifier, None, True, False) == "next_scene"
    assert command(Qt.Key_PageDown, Qt.NoModifier, None, False, True) is None  # presenting, no deck: nothing to step
    assert command(Qt.Key_B, Qt.NoModifier, None, False, True) == "blank"
    assert command(Qt.Key_P, Qt.NoModifier, None, True, False) is None  # the panel key is for presenting


# -- presenting ---------------------------------------------------------------------------------
def test_presenting_shows_the_audience_the_view_and_its_title_only(deck_window, qtbot):
    deck_window.go_to_scene(4)
    press(qtbot, deck_window, Qt.Key_F5)  # a clicker's slideshow button
    assert deck_window.presenting and deck_window.isFullScreen()
    for hidden in (deck_window.dock, deck_window.notes_dock, deck_window.menuBar(), deck_window.statusBar(),
                   deck_window.toolbar):
        assert hidden.isHidden()
    assert deck_window.presentation.audience_title.isVisible()
    assert deck_window.presentation.audience_title.text() == "The sinusoidal encoding"
    deck_window.set_language("zh")  # rebuilt menus and toolbar stay hidden
    assert deck_window.menuBar().isHidden() and deck_window.toolbar.isHidden()
    deck_window.set_language("en")
    press(qtbot, deck_window, Qt.Key_P)
    assert deck_window.dock.isVisible()
    press(qtbot, deck_window, Qt.Key_P)
    assert deck_window.dock.isHidden()
    press(qtbot, deck_window, Qt.Key_N)
    assert deck_window.notes_dock.isVisible() and deck_window.notes.toPlainText() == saved(deck_window, 4).notes
    press(qtbot, deck_window, Qt.Key_N)
    assert deck_window.notes_dock.isHidden()
    press(qtbot, deck_window, Qt.Key_Escape)
    assert not deck_window.presenting and not deck_window.isFullScreen()
    for shown in (deck_window.dock, deck_window.notes_dock, deck_window.menuBar(), deck_window.statusBar(),
                  deck_window.toolbar):
        assert shown.isVisible()
    assert deck_window.presentation.title_bar.isHidden()
    press(qtbot, deck_window, Qt.Key_F11)
    assert deck_window.presenting
    press(qtbot, deck_window, Qt.Key_F11)  # its key works with the menu bar hidden
    assert not deck_window.presenting


def test_a_panel_closed_by_hand_stays_closed_after_presenting(deck_window, qtbot):
    deck_window.go_to_scene(4)
    deck_window.dock.hide()  # as View > Parameters does
    deck_window.set_presenting(True)
    deck_window.set_presenting(False)
    assert deck_window.dock.isHidden()


@pytest.mark.parametrize("key", [Qt.Key_B, Qt.Key_Period])
def test_b_or_period_blanks_the_screen_until_any_key_or_click(deck_window, qtbot, key):
    deck_window.set_presenting(True)
    press(qtbot, deck_window, key)
    assert deck_window.presentation.blank.isVisible() and deck_window.presentation.blank.geometry() == deck_window.rect()
    assert deck_window.presentation.blank.grab().toImage().pixelColor(5, 5).name() == "#000000"
    press(qtbot, deck_window, Qt.Key_PageDown)  # un-blanks, does not step
    assert not deck_window.presentation.blank.isVisible() and deck_window.deck.index == 0
    press(qtbot, deck_window, key)
    qtbot.mouseClick(deck_window.presentation.blank, Qt.LeftButton, pos=QPoint(10, 10))
    assert not deck_window.presentation.blank.isVisible() and deck_window.deck.index == 0
    press(qtbot, deck_window, Qt.Key_PageDown)
    assert deck_window.deck.index == 1


def test_with_two_screens_the_presenter_window_shows_notes_scenes_and_time(deck_window, qtbot, monkeypatch):
    """Offscreen Qt has one screen: the choice is made to give the lecturer that one too (the choice itself
    is tested below, and on two real X screens in the xcb test)."""
    monkeypatch.setattr(presenting, "choose_screens", lambda sizes, primary: (0, 0))
    deck_window.go_to_scene(LAST - 1)
    deck_window.set_presenting(True)
    presenter = deck_window.presentation.presenter
    assert presenter is not None and presenter.isVisible()
    assert presenter.number.text() == f"Scene {LAST} of {COUNT}"
    assert presenter.current.text() == f"Now: {DEFAULT_SCENES[LAST - 1]['title']}"
    assert presenter.upcoming.text() == f"Next: {DEFAULT_SCENES[LAST]['title']}"
    upcoming = saved(deck_window, LAST)
    assert presenter.upcoming_view.text() == f"{view_title(upcoming.view)} · {upcoming.method_obj.title}"
    assert presenter.notes.text() == (saved(deck_window, LAST - 1).notes or "(no notes for this scene)")
    assert presenter.clock.text() == "0:00"
    qtbot.waitUntil(lambda: not presenter.shown_picture.isNull())  # what the hall sees, beside the notes
    assert presenter.picture.pixmap().width() <= presenter.picture.width()
    before = presenter.shown_picture.cacheKey()
    focus(qtbot, presenter)  # the clicker works with the lecturer's window active
    press(qtbot, presenter, Qt.Key_PageDown)
    assert deck_window.deck.index == LAST
    qtbot.waitUntil(lambda: presenter.shown_picture.cacheKey() != before)  # the next scene's picture
    assert presenter.upcoming.text() == "Next: (end of the deck)" and presenter.upcoming_view.text() == ""
    press(qtbot, presenter, Qt.Key_Escape)
    assert not deck_window.presenting and not presenter.isVisible()


def test_the_screens_chosen_for_audience_and_presenter():
    assert choose_screens([(1920, 1080)], 0) == (0, None)
    assert choose_screens([(1920, 1080), (1280, 720)], 0) == (1, 0)  # laptop primary, projector second
    assert choose_screens([(1280, 720), (1920, 1080)], 1) == (0, 1)
    assert choose_screens([(1366, 768), (1024, 768), (3840, 2160)], 0) == (2, 0)  # the largest other
    assert choose_screens([(1920, 1080), (1280, 720), (1280, 720)], 0) == (1, 0)  # the first of equals
    assert choose_screens([(800, 600), (800, 600)], 5) == (1, 0)  # no primary known: the first


def test_elapsed_time_text():
    assert [elapsed_text(s) for s in (0, 59, 61, 3599, 3600, 7384)] == \
        ["0:00", "0:59", "1:01", "59:59", "1:00:00", "2:03:04"]


def test_the_navigator_never_moves_past_either_end(qapp):
    navigator = DeckNavigator()
    moves = []
    navigator.changed.connect(lambda: moves.append(navigator.index))
    assert not navigator.step(1) and navigator.scene is None
    navigator.open(Deck(tuple(Scene(title=f"s{k}").validated(applies()) for k in range(3))))
    assert navigator.step(1) and navigator.last() and not navigator.step(1) and not navigator.last()
    assert navigator.first() and not navigator.step(-1)
    assert moves == [0, 1, 2, 0]


# -- a real X server ------------------------------------------------------------------------------
XCB_APP = Path(__file__).with_name("xcb_deck_app.py")


def free_display() -> int:
    return next(n for n in range(90, 200) if not Path(f"/tmp/.X11-unix/X{n}").exists()
                and not Path(f"/tmp/.X{n}-lock").exists())


@pytest.fixture
def x_server(tmp_path):
    """Xvfb with two screens (1920x1080 and 1280x720, two QScreens to Qt) and openbox managing the first."""
    missing = [tool for tool in ("Xvfb", "openbox", "xdotool") if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (scripts/dev.py installs them as root)")
    display = f":{free_display()}"
    server = subprocess.Popen(["Xvfb", display, "-screen", "0", "1920x1080x24", "-screen", "1", "1280x720x24",
                               "-nolisten", "tcp"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    env = {**os.environ, "DISPLAY": display}
    env.pop("QT_QPA_PLATFORM", None)
    try:
        deadline = time.monotonic() + 10
        while subprocess.run(["xdotool", "getdisplaygeometry"], env=env, capture_output=True).returncode:
            assert time.monotonic() < deadline and server.poll() is None, "Xvfb did not start"
            time.sleep(0.1)
        manager = subprocess.Popen(["openbox", "--sm-disable"], env=env, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        try:
            yield env
        finally:
            manager.terminate()
            manager.wait(10)
    finally:
        server.terminate()
        server.wait(10)


def test_clicker_keys_on_a_real_x_server_with_two_screens(x_server, tmp_path):
    state_file = tmp_path / "state.json"
    env = {**x_server, "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": str(ROOT)}
    app = subprocess.Popen([sys.executable, str(XCB_APP), str(state_file), str(DEFAULT_DECK)], env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

    def state(until, what):
        return wait_for_state(app, state_file, until, what)

    def key(name):
        subprocess.run(["xdotool", "key", "--delay", "50", name], env=x_server, check=True)

    try:
        first = state(lambda s: s["active"], "the window is active")
        assert first["screens"] == [[1920, 1080], [1280, 720]]
        assert first["index"] == 0 and first["focus"] != "view_selector"
        key("End")
        last = state(lambda s: s["index"] == LAST, "End goes to the last scene")
        assert last["view"] == last["saved_view"] == "models"
        assert last["title"] == f"{COUNT}/{COUNT} · {DEFAULT_SCENES[LAST]['title']} — PosEnc Explorer"
        key("Next")  # PageDown on the last scene
        time.sleep(0.5)
        assert state(lambda s: True, "")["view"] == "models"
        key("Home")
        state(lambda s: s["index"] == 0, "Home goes to the first scene")
        key("F5")
        shown = state(lambda s: s["presenting"] and s["presenter_visible"], "presenting on two screens")
        assert shown["window_screen"] == shown["window_size"] == [1280, 720]  # the projector, filled
        assert shown["presenter_screen"] == [1920, 1080]
        key("Next")
        state(lambda s: s["index"] == 1 and s["presenter_number"] == f"Scene 2 of {COUNT}", "PageDown steps")
        key("b")
        state(lambda s: s["blank"], "B blanks")
        key("Right")
        blank_gone = state(lambda s: not s["blank"], "any key un-blanks")
        assert blank_gone["index"] == 1
        key("Escape")
        state(lambda s: not s["presenting"] and not s["presenter_visible"], "Escape leaves presenting")
    finally:
        app.terminate()
        try:
            app.wait(10)
        except subprocess.TimeoutExpired:
            app.kill()


def test_presenting_an_error_shows_the_status_bar_until_it_is_gone(deck_window):
    """Presenting hides the status bar; a view that could not draw (a real model not installed) stood blank with the
    reason in the hidden bar. The bar comes back while there is an error, and goes again with it."""
    deck_window.set_presenting(True)
    bar = deck_window.statusBar()
    assert bar.isHidden()
    deck_window.show_error("model minilm is not installed")
    assert bar.isVisible() and deck_window.error_label.isVisible()
    deck_window.show_error("")
    assert bar.isHidden()
    deck_window.show_error("model minilm is not installed")
    deck_window.set_presenting(False)
    assert bar.isVisible()
    deck_window.show_error("")
    assert bar.isVisible()  # windowed, the bar stays
