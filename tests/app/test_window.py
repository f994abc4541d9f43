"""The main window driven through its state, menus and keys: navigation, decks, presentation, text
size, themes, language, export, settings. Settings live in an ini file under tmp_path, never the user's."""

import gc
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QObject, QSettings, Qt
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import QApplication, QLineEdit, QSlider, QWidget

from posenc_gui.app import settings as prefs, style
from posenc_gui.app.dialogs import AboutDialog, licenses_dir, versions
from benchmarks.soak import idle_first
from posenc_gui.app.views import VIEWS
from posenc_gui.app.views.base import most_default_heads
from posenc_gui.app.view_catalogue import grouped_views
from posenc_gui.app.window import MainWindow
from posenc_gui.paths import resource
from posenc_gui.look import ColourMaps


@pytest.fixture
def window(qtbot, private_settings):
    win = MainWindow(settings=QSettings())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def deck_file(tmp_path, count=3):
    scenes = [{"method": "sinusoidal", "view": "encoding", "title": f"Scene {k}", "notes": f"notes {k}",
               "position": k} for k in range(count)]
    path = tmp_path / "lecture.posdeck"
    path.write_text(json.dumps({"version": 1, "title": "Test deck", "scenes": scenes}))
    return path


# -- navigation ---------------------------------------------------------------------------------
def test_selector_lists_every_view_grouped_and_enables_those_that_apply(window):
    items = window.selector.model()
    keys = [items.item(row).data(Qt.UserRole) for row in range(items.rowCount())]
    assert [k for k in keys if k] == [key for _, group in grouped_views() for key in group]
    assert sorted(k for k in keys if k) == sorted(VIEWS)
    assert keys.count(None) == len(grouped_views())  # one header per group

    def enabled(key):
        return items.item(keys.index(key)).isEnabled()

    window.model.set_method("sinusoidal")
    assert enabled("encoding") and not enabled("bias")
    assert not window.commands["view_bias"].isEnabled()
    window.model.set_method("alibi")
    assert enabled("bias") and not enabled("encoding")
    assert window.commands["view_bias"].isEnabled()


def test_choosing_a_view_goes_through_the_state(window):
    row = window.selector.findData("attention", Qt.UserRole)
    window.selector.activated.emit(row)
    assert window.model.scene.view == "attention"
    assert window.stack.currentWidget() is window.views["attention"]
    window.commands["view_encoding"].trigger()
    assert window.model.scene.view == "encoding"
    assert window.selector.currentData(Qt.UserRole) == "encoding"
    assert window.commands["view_encoding"].isChecked()


def test_state_changes_move_the_selector(window):
    window.model.set_view("attention")
    assert window.selector.currentData(Qt.UserRole) == "attention"
    assert window.stack.currentWidget() is window.views["attention"]


def test_next_view_cycles_through_the_views_that_apply(window):
    window.model.set_method("alibi")
    visited = []
    for _ in range(len(VIEWS) + 1):
        window.commands["next_view"].trigger()
        visited.append(window.model.scene.view)
    applicable = window.applicable_views()
    assert set(visited) == set(applicable)
    assert "encoding" not in visited
    window.commands["previous_view"].trigger()
    assert window.model.scene.view == visited[-2]


def test_the_attention_switch_and_the_panel_check_box_are_one_causal_control(window):
    window.model.set_method("alibi", view="attention")
    switch = window.current_view.causal
    box = window.panel.controls["causal"]
    switch.setChecked(True)
    assert box.isChecked() and window.model.scene.params["causal"] is True
    box.setChecked(False)
    assert not switch.isChecked() and window.model.scene.causal is False



def test_a_big_order_request_is_computed_in_the_worker(window, qtbot):
    """A rotary method's order test at a large width draws millions of projection weights: off the GUI thread."""
    window.model.set_method("rope", view="order")
    assert window.hover_label.text() != window.drawer.tr("computing…")
    window.model.set_param("d_model", 512)
    assert window.hover_label.text() == window.drawer.tr("computing…")
    qtbot.waitUntil(lambda: window.hover_label.text() == "", timeout=20000)
    assert window.current_view.shown["method_a"].shape[1] == 4 * 512


def test_a_switch_that_hides_or_shows_the_panel_lays_out_neither_view_at_a_size_it_will_not_keep(window, qapp):
    """The old view is hidden before the panel comes or goes and the new one shown after: the old view is not
    resized to the new room (it was, while still shown), and the new one only ever takes its final size."""
    sizes = {}

    class Resizes(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Resize:
                sizes.setdefault(watched, []).append(event.size())
            return False

    resizes = Resizes()
    for source, target in (("encoding", "cnn_rnn_attention"), ("cnn_rnn_attention", "encoding")):
        window.model.set_view(target)  # built and shown once
        window.model.set_view(source)
        qapp.processEvents()
        for key in (source, target):
            window.view(key).installEventFilter(resizes)
        sizes.clear()
        window.model.set_view(target)
        qapp.processEvents()
        for key in (source, target):
            window.view(key).removeEventFilter(resizes)
        final = window.stack.contentsRect()
        assert window.view(target).geometry() == final
        assert window.view(source) not in sizes
        assert all(size == final.size() for size in sizes.get(window.view(target), []))


class PaintCounter(QObject):
    """Counts the paint events of the widgets it filters."""

    def __init__(self):
        super().__init__()
        self.paints = 0

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Paint:
            self.paints += 1
        return False


@pytest.mark.parametrize("other, shown", [(("sinusoidal", "encoding"), ("sinusoidal", "clocks")),
                                           (("sinusoidal", "clocks"), ("rope", "encoding")),
                                           (("rope", "clocks"), ("video3d", "encoding"))])
def test_a_view_switched_to_is_painted_once(window, qapp, other, shown):
    """Once per switch, with a new method or not: its scene stays active while hidden (activated again on every
    show, it repainted the whole layout), and the updates the switch posts and the plots' queued changes are
    handed over before the window paints (after it, each asked for a second paint)."""
    counter = PaintCounter()
    for method, key in (other, shown, other):  # both built, drawn and shown once
        window.model.set_method(method, key)
        qapp.processEvents()
    viewport = window.view(shown[1]).graphics.viewport()
    viewport.installEventFilter(counter)
    try:
        for _ in range(3):
            window.model.set_method(*shown)
            for _ in range(3):  # as the event loop turns on (an update it posts while painting waits for the next)
                qapp.processEvents()
            window.model.set_method(*other)
            qapp.processEvents()
    finally:
        viewport.removeEventFilter(counter)
    assert counter.paints == 3


class PanelPaints(QObject):
    """Counts the paint events of each widget in ``panel`` (an application-wide filter)."""

    def __init__(self, panel):
        super().__init__()
        self.panel = panel
        self.paints = Counter()

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Paint and isinstance(watched, QWidget) and self.panel.isAncestorOf(watched):
            self.paints[watched] += 1
        return False


@pytest.mark.parametrize("before, after", [(("alibi", "bias"), ("sinusoidal", "order")),
                                           (("rope", "clocks"), ("alibi", "attention")),
                                           (("sinusoidal", "encoding"), ("rope", "encoding"))])
def test_the_parameter_panel_is_painted_once_a_change(window, qapp, before, after):
    """The panel shows a new scene before the window draws it: drawing a view paints the window, and a panel synced
    afterwards was painted again (after the old method's form). Spin boxes' line edits repaint themselves once more
    when their text is set (Qt's own doing) and are left out."""
    for method, key in (after, before):
        window.model.set_method(method, key)
        qapp.processEvents()
    counter = PanelPaints(window.panel)
    qapp.installEventFilter(counter)
    try:
        window.model.set_method(*after)
        for _ in range(3):
            qapp.processEvents()
    finally:
        qapp.removeEventFilter(counter)
    assert counter.paints
    assert [type(widget).__name__ for widget, count in counter.paints.items()
            if count > 1 and not isinstance(widget, QLineEdit)] == []


@pytest.mark.parametrize("method, key, other", [("alibi", "outputs", "relative_property"),
                                                ("t5", "clocks", "relative_property")])
def test_a_view_shown_again_at_the_size_it_had_is_not_fitted_again(window, qapp, monkeypatch, method, key, other):
    """Qt sends a view shown again a resize to the size it kept when the window moved it while hidden (the panel
    hidden beside a lesson and shown again): titles and headers fitted again to the same size changed nothing.
    A new size fits them."""
    for shown in (key, other, key, other):
        window.model.set_method(method, shown)
        qapp.processEvents()
    view = window.view(key)
    fitted = []
    fit_titles = type(view).fit_titles

    def recorded(self):
        if self is view:
            fitted.append(self.geometry().size())
        fit_titles(self)

    monkeypatch.setattr(type(view), "fit_titles", recorded)
    window.model.set_view(key)
    qapp.processEvents()
    assert fitted == []
    window.model.set_view(other)
    qapp.processEvents()
    window.resize(window.width() - 100, window.height())
    window.model.set_view(key)
    qapp.processEvents()
    assert fitted and fitted[-1] == view.geometry().size()


def test_a_new_arrangement_of_panels_is_painted_once(window, qapp):
    """Twice as many attention panels (content and position parts), with tokens in two scripts: laying the panels
    out asked for a second layout pass (pyqtgraph's items update their geometry when resized), which came after
    the paint and painted every panel again. Both passes are done before the window paints."""
    counter = PaintCounter()
    window.model.set_method("alibi", "attention")
    idle_first(window)  # built ahead now: it would add panels to the grid whenever the test paused half a second
    window.model.update(head="all", text="runs sleeps 追 追")
    qapp.processEvents()
    viewport = window.view("attention").graphics.viewport()
    viewport.installEventFilter(counter)
    try:
        for parts in (True, False, True, False):
            window.model.update(position_only=parts)
            for _ in range(3):
                qapp.processEvents()
    finally:
        viewport.removeEventFilter(counter)
    assert counter.paints == 4


def test_a_switch_away_from_a_focused_view_gives_the_focus_to_the_new_view_not_the_panel(window, qapp):
    """The old view is hidden by the window before the stack switches: the focus inside it goes to the new
    view, as the stack itself would send it, not to the next widget in the chain (the parameter panel)."""
    window.activateWindow()
    window.model.set_view("attention")
    window.current_view.text.setFocus()
    qapp.processEvents()
    assert qapp.focusWidget() is window.current_view.text
    window.model.set_view("encoding")
    qapp.processEvents()
    assert window.current_view.isAncestorOf(qapp.focusWidget())
    window.model.set_view("attention")
    qapp.processEvents()
    assert window.current_view.isAncestorOf(qapp.focusWidget())


def test_the_view_stack_never_lays_out_by_height_for_width(window):
    """Qt's stacked layout asks every page, hidden ones too, for its height at each window layout when one
    page has wrapped text: views decline, so a switch does not measure twenty views' labels."""
    for key in VIEWS:
        window.view(key)
    assert not window.stack.layout().hasHeightForWidth()


def test_a_closed_window_builds_nothing_ahead(window, qapp):
    """Closed, it stops: a window of an earlier test kept building views while later tests changed the registries
    (its lesson then drew a scaling its data did not have)."""
    window.close()
    built = set(window.views)
    assert not window.warm_up_view() and not window.warm_up_timer.isActive()
    assert set(window.views) == built


def test_an_idle_window_builds_the_views_ahead_and_they_show_as_if_built_on_demand(window, qtbot, qapp):
    """Once idle, the window builds every view that applies, one per idle moment, and draws the scene
    into it while hidden, at the size it will have (wider where the view hides the panel): shown later,
    it looks exactly as a view built on the switch. Then the views that do not apply, then spare panels;
    then it settles what it built (gc.freeze) and stops."""
    window.model.set_param("seq_len", 40)
    qtbot.waitUntil(lambda: set(window.applicable_views()) <= set(window.views), timeout=30000)
    window.warm_up_timer.stop()
    while window.warm_up_view():
        pass
    assert set(window.views) == set(VIEWS) and window.build_ahead.settled and gc.get_freeze_count() > 0
    assert len(window.view("attention").grid.pool) == 2 * most_default_heads()
    gc.unfreeze()
    cold = MainWindow(settings=QSettings())
    qtbot.addWidget(cold)
    cold.resize(window.size())
    cold.show()
    qtbot.waitExposed(cold)
    cold.model.set_param("seq_len", 40)
    for key in ("relative_property", "cnn_rnn_attention", "precision", "attention"):
        grabs = []
        for win in (window, cold):
            win.warm_up_timer.stop()
            win.model.set_view(key)
            for _ in range(3):
                qapp.processEvents()
            grabs.append(win.current_view.grab().toImage())
        assert grabs[0] == grabs[1], key


# -- decks --------------------------------------------------------------------------------------
def test_deck_navigation_by_clicker_keys(window, qtbot, tmp_path):
    assert window.open_deck(deck_file(tmp_path))
    assert window.model.scene.title == "Scene 0"
    assert "scene 1 of 3: Scene 0" in window.deck_label.full_text
    assert window.notes.toPlainText() == "notes 0"
    assert window.windowTitle() == "1/3 · Scene 0 — PosEnc Explorer"
    qtbot.keyClick(window, Qt.Key_PageDown)
    assert window.model.scene.title == "Scene 1"
    assert window.model.scene.position == 1
    qtbot.keyClick(window, Qt.Key_Right)
    assert window.deck.index == 2
    assert not window.commands["next_scene"].isEnabled()
    qtbot.keyClick(window, Qt.Key_PageUp)
    assert window.deck.index == 1
    qtbot.keyClick(window, Qt.Key_Home)
    assert window.deck.index == 0
    qtbot.keyClick(window, Qt.Key_End)
    assert window.model.scene.title == "Scene 2"
    assert "scene 3 of 3: Scene 2" in window.deck_label.full_text


def test_the_key_filter_sees_only_the_focused_widget(qtbot, tmp_path):
    """No application-wide filter: a parameter change (hundreds of paint and layout events) costs
    next to no Python calls in the filter."""
    calls = []

    class Counting(MainWindow):
        def eventFilter(self, watched, event):
            calls.append(event.type())
            return super().eventFilter(watched, event)

    win = Counting()
    qtbot.addWidget(win)
    win.show()
    win.open_deck(deck_file(tmp_path))
    slider = win.panel.findChildren(QSlider)[0]
    win.activateWindow()
    slider.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is slider)
    calls.clear()
    for k in range(10):
        win.model.set_param("seq_len", 50 + k)
        win.model.set_view("attention" if k % 2 else "encoding")
        QApplication.processEvents()
    assert len(calls) < 40


def test_a_bad_deck_leaves_everything_as_it_was(window, tmp_path):
    bad = tmp_path / "bad.posdeck"
    bad.write_text('{"version": 1, "scenes": [{"method": "no-such-method"}]}')
    scene = window.model.scene
    assert not window.open_deck(bad)
    assert "bad.posdeck" in window.error_label.text()
    assert "\n" not in window.error_label.text()
    assert window.model.scene == scene and not window.deck.scenes


def test_scene_files_round_trip(window, tmp_path):
    window.model.set_method("alibi", view="bias")
    window.model.update(head=2)
    path = tmp_path / "scene.json"
    assert window.save_scene(path)
    saved = window.model.scene
    window.model.set_method("sinusoidal", view="encoding")
    assert window.open_scene(path)
    assert window.model.scene == saved
    path.write_text("[1, 2")
    assert not window.open_scene(path)
    assert window.model.scene == saved
    assert "scene.json" in window.error_label.text()


# -- look ---------------------------------------------------------------------------------------
def test_presentation_mode_scales_text_and_escape_leaves(window, qtbot):
    normal = window.points
    window.commands["present"].trigger()
    assert window.presenting and window.isFullScreen()
    assert window.points == pytest.approx(normal * style.PRESENTATION_SCALE)
    assert window.current_view.points == pytest.approx(window.points)
    assert QApplication.font().pointSizeF() == pytest.approx(window.points)
    qtbot.keyClick(window, Qt.Key_Escape)
    assert not window.presenting and not window.isFullScreen()
    assert window.points == pytest.approx(normal)


def test_text_size_keys(window, qtbot):
    qtbot.keyClick(window, Qt.Key_Equal, Qt.ControlModifier)
    assert window.text_scale == pytest.approx(1.15)
    qtbot.keyClick(window, Qt.Key_Minus, Qt.ControlModifier)
    qtbot.keyClick(window, Qt.Key_Minus, Qt.ControlModifier)
    assert window.text_scale == pytest.approx(1 / 1.15)
    qtbot.keyClick(window, Qt.Key_0, Qt.ControlModifier)
    assert window.text_scale == 1.0
    for _ in range(30):
        window.commands["larger"].trigger()
    assert window.text_scale == style.MAX_SCALE
    assert window.current_view.points == pytest.approx(style.BASE_POINTS * style.MAX_SCALE)


def test_theme_switch_reaches_palette_and_views(window):
    window.commands["theme_dark"].trigger()
    dark = style.THEMES["dark"]
    assert window.theme is dark
    assert QApplication.palette().color(QPalette.Window).name() == dark.window
    assert window.current_view.theme is dark
    window.model.set_view("attention")
    assert window.views["attention"].theme is dark  # built after the switch, in the current theme
    assert prefs.load(QSettings()).theme == "dark"
    window.commands["theme_light"].trigger()
    assert QApplication.palette().color(QPalette.Window).name() == style.THEMES["light"].window


def test_colour_map_menu_redraws_the_views_and_is_remembered(window, qtbot):
    def pixels():
        QApplication.processEvents()
        image = window.current_view.grab().toImage()
        return {image.pixel(x, y) for x in range(0, image.width(), 5) for y in range(0, image.height(), 5)}

    assert window.commands["map_CET-CBD1"].isChecked() and window.commands["map_CET-CBL1"].isChecked()
    before = pixels()
    window.commands["map_CET-D1"].trigger()
    assert window.look.value.colour_maps.diverging == "CET-D1" and window.commands["map_CET-D1"].isChecked()
    assert len(pixels() ^ before) > 100  # the signed heatmap is drawn in the new map
    window.commands["map_viridis"].trigger()
    assert window.current_view.colour_maps == ColourMaps("viridis", "CET-D1")
    stored = prefs.load(QSettings())
    assert (stored.sequential_map, stored.diverging_map) == ("viridis", "CET-D1")
    again = MainWindow(settings=QSettings())
    qtbot.addWidget(again)
    assert again.commands["map_viridis"].isChecked() and again.commands["map_CET-D1"].isChecked()
    assert "map" not in json.dumps(again.model.scene.to_json())  # a look, not part of any scene
    fresh = MainWindow()  # a window without settings (the self-test's) draws with the default maps,
    qtbot.addWidget(fresh)
    assert fresh.look.value.colour_maps == ColourMaps() == fresh.current_view.colour_maps
    # and the maps are each window's own: a view built now in the first window draws with its choice
    assert window.view("attention").colour_map(False).name == "viridis"


THEME_SWITCHES_WITH_KEPT_LAYOUTS = """
from PySide6.QtWidgets import QApplication
app = QApplication(["themes"])
from posenc_gui.app.window import MainWindow
window = MainWindow()
window.resize(900, 700)
window.show()
for method, view, head in (("alibi", "bias", 1), ("t5", "attention", "all"), ("rope", "multihead", 0),
                           ("sinusoidal", "clocks", 0), ("learned", "learned_table", 0)):
    window.model.set_method(method, view=view)
    window.model.update(head=head)
    for theme in ("dark", "light", "dark"):
        window.commands["theme_" + theme].trigger()
        window.model.update(position=3 if theme == "dark" else 4)
        for _ in range(3):
            app.processEvents()
print("survived")
"""


def test_theme_switches_keep_the_application_style_and_kept_layouts_survive(qapp):
    """Setting a QStyle deletes the old one, and graphics layouts kept across a theme change still used it:
    the bias view showing one head segfaulted at the next event-loop pass. The style is set once now."""
    first = qapp.style()
    for theme in ("dark", "light"):
        style.apply_app_theme(qapp, style.THEMES[theme], style.BASE_POINTS)
    assert qapp.style() is first
    done = subprocess.run([sys.executable, "-X", "faulthandler", "-c", THEME_SWITCHES_WITH_KEPT_LAYOUTS],
                          capture_output=True, text=True, timeout=300,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0 and "survived" in done.stdout, done.stderr[-3000:]


def test_tick_labels_stay_plain_numbers_after_a_theme_switch(window, qapp):
    """ALiBi's slopes (0.5 down to 1/256) were labelled 500 ... after a theme switch: pyqtgraph scaled the
    hidden view's axis by an SI prefix although prefixes are off."""
    for theme in ("dark", "light"):
        window.set_theme(theme)
        window.model.set_method("alibi", "slopes")
        qapp.processEvents()
        axis = window.current_view.plots[0].getAxis("left")
        assert axis.autoSIPrefixScale == 1.0
        window.model.set_method("sinusoidal", "encoding")
        qapp.processEvents()


def test_slider_values_of_a_method_shown_again_follow_the_theme(window, qapp):
    """superqt's slider value labels have their own style sheet, so a theme switch does not reach them:
    since the panel keeps each method's form, they kept the old theme's text colour (white on white)."""
    from posenc_gui.app.compat import SliderLabel

    window.set_theme("dark")
    window.model.set_method("alibi", "slopes")
    window.set_theme("light")
    window.model.set_method("t5", "outputs")
    window.model.set_method("alibi", "slopes")
    qapp.processEvents()
    labels = [label for label in window.panel.findChildren(SliderLabel) if label.isVisible()]
    assert labels
    text = window.panel.palette().color(QPalette.WindowText)
    assert all(label.palette().color(QPalette.WindowText) == text for label in labels)


def test_light_theme_is_high_contrast():
    light = style.THEMES["light"]
    assert (light.foreground, light.background, light.base) == ("#000000", "#ffffff", "#ffffff")


def test_language_switch_rebuilds_without_losing_the_scene(window, tmp_path):
    window.open_deck(deck_file(tmp_path))
    window.go_to_scene(1)
    window.model.set_method("alibi", view="bias")
    window.model.update(head=1, text="one two three")
    scene = window.model.scene
    old_view, old_panel = window.views["bias"], window.panel
    window.commands["language_zh"].trigger()
    assert window.model.scene == scene
    assert window.views["bias"] is not old_view and window.panel is not old_panel
    assert window.stack.currentWidget() is window.views["bias"]
    assert window.deck.index == 1 and len(window.deck.scenes) == 3
    if resource("translations", "posenc_gui_zh.qm").is_file():
        assert window.language == "zh"
        assert window.commands["language_zh"].isChecked()
        assert window.menuBar().actions()[0].text() != "&File"
    else:
        assert window.language == "en"
    window.model.update(position=5)  # the rebuilt panel and views follow the new model
    window.deck_controls.update_scene()
    assert window.deck.scenes[1].position == 5
    window.commands["language_en"].trigger()
    assert window.menuBar().actions()[0].text() == "&File"
    assert window.model.scene.position == 5


def test_a_refused_value_is_told_in_the_interface_language(window, qtbot):
    window.set_language("zh")
    assert window.language == "zh"
    window.model.set_method("rope")
    assert not window.model.set_param("d_model", 7)
    assert window.error_label.text() == "RoPE 的 d_model 必须是偶数（通道两两成对旋转），而不是 7"
    window.runner.submit(lambda: window.model.method.compute("encoding", {"seq_len": 0}), None)  # the worker
    qtbot.waitUntil(lambda: window.error_label.text() == "seq_len 必须不小于 1，而不是 0")


def test_a_refused_deck_or_export_is_told_in_the_interface_language(window, tmp_path):
    window.set_language("zh")
    bad = tmp_path / "bad.posdeck"
    bad.write_text('{"version": 1, "scenes": {"method": "sinusoidal"}}')
    assert not window.open_deck(bad)
    assert window.error_label.text() == 'bad.posdeck："scenes" 必须是列表，而不是对象'
    bad.write_text('{"version": 1, "scenes": [{"method": "sinusoidal"}, {"method": "sinusoidal", "dims": [-1]}]}')
    assert not window.open_deck(bad)
    assert window.error_label.text() == "bad.posdeck：第 2 个场景：dims 中的每一项都必须是 0 到 16777216 之间的整数，而不是 -1"
    assert not window.export_data(tmp_path / "data.txt")
    assert window.error_label.text() == "无法写入 data.txt：文件扩展名必须是 .csv, .npy, .npz 之一"


# -- export -------------------------------------------------------------------------------------
def test_export_png_at_a_chosen_width(window, tmp_path):
    path = tmp_path / "figure.png"
    assert window.export_figure(path, 800)
    image = QImage(str(path))
    assert image.width() == 800 and image.height() > 0


def test_a_page_of_text_exports_as_shown(window, tmp_path):
    page = next(key for key in VIEWS if VIEWS[key][2].group == "reference")
    window.model.set_view(page)
    assert not window.current_view.graphics.isVisible()
    assert window.export_figure(tmp_path / "page.png", 640)
    image = QImage(str(tmp_path / "page.png"))
    assert image.width() == 640 and len({image.pixel(x, y) for x in range(0, 640, 7) for y in range(0, 200, 7)}) > 2
    assert not window.export_figure(tmp_path / "tiny.png", 3)
    assert "16" in window.error_label.text()


@pytest.mark.parametrize("suffix", [".csv", ".npy", ".npz"])
def test_export_data(window, tmp_path, suffix):
    path = tmp_path / f"data{suffix}"
    assert window.export_data(path)
    shown = window.current_view.shown
    main = next(iter(shown.values()))
    if suffix == ".csv":
        assert path.read_text().startswith("# PosEnc Explorer ")
        table = np.loadtxt(path, delimiter=",", skiprows=2, dtype=main.dtype)
        np.testing.assert_array_equal(table[:, 1:], main)
    elif suffix == ".npy":
        np.testing.assert_array_equal(np.load(path), main)
    else:
        with np.load(path) as archive:
            assert sorted(archive.files) == sorted(shown)


def test_a_failed_export_leaves_no_file(window, tmp_path, monkeypatch):
    import os

    def refuse(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    for name in ("figure.png", "data.npz", "data.csv"):
        write = window.export_figure if name.endswith(".png") else window.export_data
        assert not write(tmp_path / name)
        assert "No space left on device" in window.error_label.text()
    assert not [p.name for p in tmp_path.iterdir() if p.is_file()]  # neither the file nor a temporary one


def test_export_to_a_missing_folder_or_wrong_suffix_is_one_line(window, tmp_path):
    assert not window.export_data(tmp_path / "missing" / "data.npy")
    assert not window.export_data(tmp_path / "data.txt")
    assert ".csv" in window.error_label.text() and "\n" not in window.error_label.text()
    assert not (tmp_path / "data.txt").exists()


def test_copy_figure_to_the_clipboard(window):
    window.commands["copy_figure"].trigger()
    image = QApplication.clipboard().image()
    assert not image.isNull() and image.width() > 100


# -- settings -----------------------------------------------------------------------------------
def test_preferences_round_trip(private_settings):
    chosen = prefs.Preferences(theme="dark", text_scale=1.5, language="zh", last_deck="/decks/a.posdeck",
                               sequential_map="magma", diverging_map="CET-D1A")
    prefs.save(QSettings(), chosen)
    assert prefs.load(QSettings()) == chosen


def test_window_remembers_look_and_geometry(qtbot, private_settings):
    first = MainWindow(settings=QSettings())
    qtbot.addWidget(first)
    first.show()
    first.resize(780, 640)  # within the offscreen screen (800 x 800), which restoring clamps to
    first.set_theme("dark")
    first.set_text_scale(1.3)
    first.close()
    second = MainWindow(settings=QSettings())
    qtbot.addWidget(second)
    assert second.theme.name == "dark"
    assert second.text_scale == pytest.approx(1.3)
    assert (second.width(), second.height()) == (780, 640)


@pytest.mark.qt_log_ignore("QVariant::load: unknown user type")  # Qt's own note on the corrupt value fed here
def test_corrupt_settings_fall_back_to_defaults(qtbot, private_settings):
    path = Path(QSettings().fileName())
    path.parent.mkdir(parents=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("[look]\ntheme=purple\ntext_scale=nan\nlanguage=42\nsequential_map=jet\ndiverging_map=@Invalid()\n"
                     "[files]\nlast_deck=@Variant(\\0\\0\\0\\x7f\\0\\0\\0\\x2)\n"
                     "[window]\ngeometry=not a geometry\nstate=@ByteArray(garbage)\n")
    assert prefs.load(QSettings()) == prefs.Preferences()
    win = MainWindow(settings=QSettings())
    qtbot.addWidget(win)
    assert win.theme.name == "light" and win.text_scale == 1.0
    assert win.look.value.colour_maps == ColourMaps()
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("[look]\ntext_scale=99\n")
    assert prefs.load(QSettings()).text_scale == 1.0
    with open(path, "wb") as handle:
        handle.write(bytes(range(256)) * 8)
    assert prefs.load(QSettings()) == prefs.Preferences()


# -- help ---------------------------------------------------------------------------------------
def test_about_shows_versions_and_licence_texts(qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert licenses_dir() is not None
    assert dialog.files.count() == len(list(licenses_dir().glob("*.txt")))
    assert dialog.files.item(0).text().startswith("PosEnc")
    assert "MIT" in dialog.text.toPlainText()
    dialog.files.setCurrentRow(dialog.files.count() - 1)
    assert dialog.text.toPlainText() == dialog.paths[-1].read_text(encoding="utf-8", errors="replace")
    names = [name for name, _ in versions()]
    assert names == ["PosEnc Explorer", "Python", "Qt", "PySide6", "pyqtgraph", "NumPy"]


def test_a_window_larger_than_its_screen_is_shown_within_it(qtbot):
    """The first run's 1600 x 900 on a smaller screen (offscreen's is 800 x 800; seen on a 1280 x 720 X screen:
    the right part of the window, and the end of every line, off the screen) is fitted to the screen."""
    from posenc_gui.app.main import show_within_screen

    window = MainWindow()
    qtbot.addWidget(window)
    assert window.width() > window.screen().availableGeometry().width()  # the default size, on this screen
    show_within_screen(window)
    qtbot.waitExposed(window)
    available = window.screen().availableGeometry()
    assert window.isMaximized()
    assert window.width() <= available.width() and window.height() <= available.height()
