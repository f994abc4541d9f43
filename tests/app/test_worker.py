"""Heavy work off the GUI thread: large computations and exports run in a worker while the event loop keeps
turning, the newest request wins (a stale one stops at its next check), an export can be cancelled, and the
window's idle build-ahead comes in short slices."""

import threading
import time
from collections import Counter

import numpy as np
import pytest
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QPushButton

from posenc_gui.app import colour_levels, style
from posenc_gui.app.views import applies, images
from posenc_gui.app.views.base import View
from posenc_gui.app.views.grid import ImageGrid
from posenc_gui.app.views.relative import BiasView
from posenc_gui.app.scene_drawer import BACKGROUND_ELEMENTS, PANELS_AT_ONCE
from posenc_gui.app.window import MainWindow
from posenc_gui.app.worker import PROGRESS_AFTER_MS
from posenc_gui.core import cancel, registry
from posenc_gui.scene import Deck, Scene



class Ticks(QObject):
    """Counts the turns of the GUI thread's event loop: a timer ticking every 10 ms."""

    def __init__(self):
        super().__init__()
        self.count = 0
        self.timer = QTimer(self)
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        self.count += 1

    def __enter__(self):
        self.timer.start()
        return self

    def __exit__(self, *_exc):
        self.timer.stop()


def on_gui_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def record_threads(monkeypatch, owner, name, calls, size=lambda args: 0):
    """Wrap ``owner.name`` so that each call appends (on the GUI thread?, ``size(args)``) to ``calls``."""
    original = getattr(owner, name)

    def recorded(*args, **kwargs):
        calls.append((on_gui_thread(), size(args)))
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, recorded)


@pytest.fixture
def window(qtbot, qapp):
    win = MainWindow(settings=None)
    qtbot.addWidget(win)
    win.warm_up_timer.timeout.disconnect()  # no views built ahead in the middle of a measurement
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_a_large_bias_is_computed_and_drawn_while_the_gui_thread_keeps_answering(window, qtbot, monkeypatch):
    """Four heads of 4,096 x 4,096: computed, levelled and averaged down to what a screen shows in the worker; the
    GUI thread only places the pixels (levels and pixels of 67 million cells took it 0.3-1 s). How long the GUI
    thread is kept busy is measured by ``python -m benchmarks gui_thread``."""
    calls = []
    record_threads(monkeypatch, registry.Method, "compute", calls,
                   lambda args: 4 * 4096 ** 2 if len(args) > 2 and args[2] and args[2].get("seq_len") == 4096 else 0)
    record_threads(monkeypatch, colour_levels, "levels_for", calls, lambda args: np.size(args[0]))
    record_threads(monkeypatch, images, "shown_pixels", calls, lambda args: np.size(args[0]))
    window.model.set_method("alibi", "bias")
    params = {**window.model.scene.params, "heads": 4, "seq_len": 4096}
    calls.clear()
    with Ticks() as ticks:
        window.model.update(params=params, head="all")
        qtbot.waitUntil(lambda: window.current_view.shown["bias"].shape == (4, 4096, 4096), timeout=60000)
        qtbot.wait(50)  # and painted
    large = [gui for gui, size in calls if size >= 4096 ** 2]  # (windows of earlier tests may draw small scenes)
    assert len(large) >= 3 and not any(large), calls  # computed, levelled and reduced in the worker
    assert ticks.count > 0
    view = window.current_view
    assert [image.image.shape for _, image in view.grid.pool[:4]] == [(512, 512)] * 4
    bias = view.shown["bias"]
    assert view.grid.levels == (float(np.min(bias[np.isfinite(bias)])), 0.0)  # one-signed: its own range
    np.testing.assert_allclose(view.grid.pool[0][1].image[1, 2], bias[0, 8:16, 16:24].mean(), rtol=1e-6)


def test_a_newer_request_stops_an_older_one_and_only_the_newest_is_drawn(window, qtbot, monkeypatch):
    """The older request (seq_len 1000) would compute for 5 s, checking between its chunks; the newer one
    (seq_len 1001) comes in meanwhile: the older stops at its next check, the newer is drawn at once after it,
    and the older's result is never drawn."""
    compute = registry.Method.compute
    chunks_of_the_older = []

    def slow_for_1000(self, kind, values=None, display=False):
        if values and values.get("seq_len") == 1000:
            for _ in range(100):
                time.sleep(0.05)
                cancel.check()
                chunks_of_the_older.append(1)
        return compute(self, kind, values, display)

    monkeypatch.setattr(registry.Method, "compute", slow_for_1000)
    drawn = []
    show_data = BiasView.show_data
    monkeypatch.setattr(BiasView, "show_data",
                        lambda self, scene, data: (drawn.append(data[0].shape[1]), show_data(self, scene, data)))
    window.model.set_method("alibi", "bias")
    params = {**window.model.scene.params, "heads": 8}
    assert BiasView.size(window.model.scene) < BACKGROUND_ELEMENTS < 8 * 1000 * 1000  # both in the worker
    drawn.clear()
    window.model.update(params={**params, "seq_len": 1000})
    qtbot.wait(200)  # the older one is computing
    window.model.update(params={**params, "seq_len": 1001})
    qtbot.waitUntil(lambda: drawn == [1001], timeout=20000)
    window.runner.finish()
    assert drawn == [1001]
    assert 0 < len(chunks_of_the_older) < 100  # it stopped at a check, not after its last chunk


def slow_savez(monkeypatch, seconds):
    """np.savez takes ``seconds`` longer (an archive of gigabytes)."""
    savez = np.savez

    def slow(*args, **kwargs):
        savez(*args, **kwargs)
        time.sleep(seconds)

    monkeypatch.setattr(np, "savez", slow)


def test_an_export_runs_while_the_gui_thread_keeps_answering(window, tmp_path, monkeypatch):
    window.model.set_method("alibi", "bias")
    slow_savez(monkeypatch, 1.0)
    calls = []
    record_threads(monkeypatch, np, "savez", calls)
    path = tmp_path / "bias.npz"
    with Ticks() as ticks:
        assert window.export_data(path)
    assert calls == [(False, 0)] and ticks.count > 10, (calls, ticks.count)  # written in the worker, loop turning
    with np.load(path) as archive:
        np.testing.assert_array_equal(archive["bias"], window.current_view.shown["bias"])


def test_a_cancelled_export_leaves_the_old_file_and_no_temporary_one(window, tmp_path, monkeypatch):
    window.model.set_method("alibi", "bias")
    slow_savez(monkeypatch, 3.0)
    path = tmp_path / "bias.npz"
    path.write_bytes(b"the previous export")
    seen = []

    def cancel_the_dialog():
        dialogs = [d for d in window.findChildren(QProgressDialog) if d.isVisible()]
        seen.extend(d.labelText() for d in dialogs)
        for dialog in dialogs:
            dialog.findChild(QPushButton).click()  # as the user does

    QTimer.singleShot(1500, cancel_the_dialog)  # after the dialog has appeared
    assert not window.export_data(path)
    assert seen == [window.tr("Writing {0}…").format("bias.npz")]
    assert path.read_bytes() == b"the previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["bias.npz"]
    assert "bias.npz" in window.statusBar().currentMessage()


def test_pixels_of_a_large_matrix_are_means_of_blocks_of_its_cells():
    """Averaged down as pyqtgraph would while painting; the last block of a row or column may be shorter."""
    from posenc_gui.app.views.images import shown_pixels

    matrix = np.arange(7 * 5, dtype=np.int64).reshape(7, 5)
    pixels = shown_pixels(matrix, 3)
    assert pixels.dtype == np.float32 and pixels.shape == (3, 3)
    assert pixels[0, 0] == matrix[:3, :2].mean() and pixels[2, 2] == matrix[6:, 4:].mean()
    assert pixels[1, 2] == matrix[3:6, 4:].mean()
    assert shown_pixels(matrix, 7) is not matrix and np.array_equal(shown_pixels(matrix, 7), matrix)


def busy(seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass


class SlowPieces(View):
    """A view whose making, fetching and drawing take 15 ms each."""

    key = "slow_pieces"
    title = ""  # no title to translate (scripts/update_translations.py collects every view's)

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        self.drawn = None
        busy(0.015)

    @staticmethod
    def applies_to(method) -> bool:
        return True

    @staticmethod
    def fetch(scene):
        busy(0.015)
        return scene.method

    def show_data(self, scene, data) -> None:
        busy(0.015)
        self.drawn = data


def test_a_view_is_built_ahead_in_slices_of_well_under_50_ms(qtbot, monkeypatch):
    """Made, fetched and drawn in separate idle moments: the event loop answers in between (in one step it waited
    60-80 ms here)."""
    from posenc_gui.app import view_catalogue

    monkeypatch.setattr(view_catalogue, "VIEWS", {"encoding": view_catalogue.VIEWS["encoding"],
                                                  SlowPieces.key: (SlowPieces.title, SlowPieces.applies_to, SlowPieces)})
    window = MainWindow(settings=None)
    qtbot.addWidget(window)
    window.warm_up_timer.timeout.disconnect()
    window.show()
    qtbot.waitExposed(window)
    pieces = []
    monkeypatch.setattr(__name__ + ".busy", lambda seconds: pieces.append(seconds))
    pieces_per_step = []
    while window.views.get(SlowPieces.key) is None or window.views[SlowPieces.key].drawn is None:
        before = len(pieces)
        assert window.warm_up_view()
        pieces_per_step.append(len(pieces) - before)
    assert window.views[SlowPieces.key].drawn == window.model.scene.method
    assert sum(pieces_per_step) == 3 and max(pieces_per_step) == 1, pieces_per_step  # made, fetched, drawn apart


def test_many_new_attention_panels_are_built_a_turn_of_the_event_loop_each(window, qtbot, monkeypatch):
    """ALiBi with 64 heads and the content / position parts: 128 panels, built at once in 2.35 s. They are built one
    a turn of the event loop, then placed and drawn: between two new panels the event loop handles what came in
    (here a zero-time timer started as the previous panel was built)."""
    new_panel = ImageGrid._new_panel
    turns = Counter()
    turn = [0]

    def one_panel(grid):
        turns[turn[0]] += 1
        QTimer.singleShot(0, lambda: turn.__setitem__(0, turn[0] + 1))
        return new_panel(grid)

    monkeypatch.setattr(ImageGrid, "_new_panel", one_panel)
    window.model.set_method("alibi", "attention")
    params = {**window.model.scene.params, "heads": 64}
    turns.clear()
    window.model.update(params=params, head="all", position_only=True, text="a b")
    qtbot.waitUntil(lambda: len(window.current_view.plots) == 128, timeout=120000)
    assert sum(turns.values()) >= 128 - PANELS_AT_ONCE and max(turns.values()) == 1, turns
    assert window.hover_label.text() == ""


def slow_at(monkeypatch, seq_len, checks):
    """Method.compute for ``seq_len`` takes ``len(checks) * 50 ms`` more: 100 chunks of 50 ms, checking between
    them; each chunk done appends to ``checks``."""
    compute = registry.Method.compute

    def slow(self, kind, values=None, display=False):
        if values and values.get("seq_len") == seq_len:
            for _ in range(100):
                time.sleep(0.05)
                cancel.check()
                checks.append(1)
        return compute(self, kind, values, display)

    monkeypatch.setattr(registry.Method, "compute", slow)


@pytest.mark.parametrize("how", ["button", "escape"])
def test_a_slow_computation_shows_cancel_which_stops_it_and_goes_back_to_the_scene_drawn(window, qtbot, monkeypatch,
                                                                                         how):
    """A computation still running after a moment shows a busy bar and Cancel in the status bar; Cancel (or Esc)
    stops it at its next check and puts the scene last drawn back in the model, so that the panel, the view and
    the model agree; the status bar says so."""
    checks = []
    slow_at(monkeypatch, 1000, checks)
    window.model.set_method("alibi", "bias")
    window.model.update(params={**window.model.scene.params, "heads": 8, "seq_len": 48})
    drawn = window.model.scene
    assert not window.cancel_button.isVisible() and not window.commands["cancel_work"].isEnabled()
    window.model.update(params={**drawn.params, "seq_len": 1000})
    assert BiasView.size(window.model.scene) > BACKGROUND_ELEMENTS  # in the worker
    qtbot.waitUntil(window.cancel_button.isVisible, timeout=5000)
    assert window.busy_bar.isVisible() and window.commands["cancel_work"].isEnabled()
    if how == "button":
        qtbot.mouseClick(window.cancel_button, Qt.LeftButton)
    else:
        qtbot.keyClick(window, Qt.Key_Escape)
    assert window.model.scene == drawn
    assert window.panel.controls["seq_len"].value() == 48
    qtbot.waitUntil(lambda: not window.runner.running, timeout=5000)
    assert 0 < len(checks) < 100  # stopped at a check, not after its last chunk
    qtbot.wait(50)  # a result, had one come, would be drawn by now
    assert window.current_view.shown["bias"].shape == (8, 48, 48)
    assert not window.cancel_button.isVisible() and not window.busy_bar.isVisible()
    assert window.statusBar().currentMessage() == window.drawer.tr("Cancelled: the last scene drawn is shown again")


def test_a_quick_computation_in_the_worker_shows_no_cancel(window, qtbot):
    """Work that ends before the busy bar's delay shows nothing (it would only flash)."""
    window.model.set_method("alibi", "bias")
    window.model.update(params={**window.model.scene.params, "heads": 1, "seq_len": 2100})
    assert window.runner.running
    assert window.commands["cancel_work"].isEnabled()  # Esc works at once
    window.runner.finish()
    qtbot.wait(PROGRESS_AFTER_MS + 100)
    assert not window.cancel_button.isVisible() and not window.commands["cancel_work"].isEnabled()


def test_every_lesson_is_built_ahead_a_plot_a_slice_and_drawn_into_plots_built_ahead(window, monkeypatch):
    """A lesson's first drawing made all its plots at once (200-700 ms in one slice): they are built ahead, one a
    call of ``warm_up_view``, and the drawing only places them. Counted per step: plots made, not milliseconds."""
    import pyqtgraph as pg

    from posenc_gui.app.views import VIEWS
    from posenc_gui.app.views.lessons.lesson_view import LessonView

    made = []
    plot_init = pg.PlotItem.__init__

    def counted(plot, *args, **kwargs):
        made.append(type(plot))
        plot_init(plot, *args, **kwargs)

    monkeypatch.setattr(pg.PlotItem, "__init__", counted)
    lessons = [key for key, (_title, _applies, cls) in VIEWS.items() if issubclass(cls, LessonView)]
    assert len(lessons) >= 10
    for key in lessons:
        plots_per_step = []
        for _done in window.build_ahead.build(key):
            plots_per_step.append(made.count(pg.PlotItem))
            made.clear()
        plots_per_step.append(made.count(pg.PlotItem))  # the drawing
        bars_drawing = made.count(pg.ColorBarItem)
        made.clear()
        view = window.views[key]
        assert view.plots and plots_per_step[-1] == 0 and bars_drawing == 0, (key, plots_per_step, bars_drawing)
        assert max(plots_per_step) <= 1 and view.spare_plots == [], (key, plots_per_step)
    window.set_theme("dark")  # every view made anew in the new look, plots built ahead and all
    assert all(window.views[key].plots for key in lessons)


@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf"])
def test_a_figure_is_drawn_under_the_wait_cursor_which_goes_away_after(window, tmp_path, monkeypatch, suffix):
    """Qt draws a view's scene on the GUI thread only: a long figure shows the wait cursor meanwhile, and the cursor
    comes back when it is written, or when writing fails."""
    from PySide6.QtWidgets import QApplication

    from posenc_gui.app import file_commands
    from posenc_gui.core.params import InputError

    cursors = []
    write = file_commands.write_bytes_atomic

    def recorded(path, data):
        cursors.append(QApplication.overrideCursor().shape() if QApplication.overrideCursor() else None)
        write(path, data)

    monkeypatch.setattr(file_commands, "write_bytes_atomic", recorded)
    assert window.export_figure(tmp_path / f"figure{suffix}", 320 if suffix == ".png" else None)
    assert cursors == [Qt.WaitCursor] and QApplication.overrideCursor() is None
    def refuse(*_args):
        raise InputError("cannot write {0}", "here")

    monkeypatch.setattr(file_commands, "write_bytes_atomic", refuse)
    assert not window.export_figure(tmp_path / f"again{suffix}", 320 if suffix == ".png" else None)
    assert QApplication.overrideCursor() is None


def test_a_handout_is_drawn_under_the_wait_cursor(window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QApplication

    from posenc_gui.app import handout

    cursors = []
    monkeypatch.setattr(handout, "write_handout",
                        lambda *_args, **_kwargs: cursors.append(QApplication.overrideCursor().shape()))
    assert window.export_handout(tmp_path / "handout.pdf")
    assert cursors == [Qt.WaitCursor] and QApplication.overrideCursor() is None


def test_cancel_after_a_deck_step_goes_back_to_the_scene_drawn_and_its_place_in_the_deck(window, qtbot, monkeypatch):
    """A step to a slow scene, then Cancel: the deck is back at the scene drawn (strip, title and notes agree with
    the view), with the live changes it had, not at the slow scene."""
    checks = []
    slow_at(monkeypatch, 1000, checks)
    quick = Scene(title="quick", method="alibi", view="bias", params={"heads": 8, "seq_len": 48}).validated(applies())
    slow = Scene(title="slow", method="alibi", view="bias", params={"heads": 8, "seq_len": 1000}).validated(applies())
    window.set_deck(Deck((quick, slow)))
    window.model.update(params={**window.model.scene.params, "seq_len": 40})  # a live change to scene 1
    drawn = window.model.scene
    window.commands["next_scene"].trigger()
    assert window.deck.index == 1
    qtbot.waitUntil(window.cancel_button.isVisible, timeout=5000)
    qtbot.mouseClick(window.cancel_button, Qt.LeftButton)
    assert window.deck.index == 0 and window.model.scene == drawn
    assert window.windowTitle().startswith("1/2")
    assert window.commands["next_scene"].isEnabled() and not window.commands["previous_scene"].isEnabled()


@pytest.mark.parametrize("key, curves", [("context_extension", 23), ("cnn_rnn_attention", 8)])
def test_a_lessons_curves_are_built_ahead_a_plot_a_slice(window, monkeypatch, key, curves):
    """The context extension lesson's first drawing made 21 curves, their legend (with the two lengths' line samples,
    23 curve items in all) and two lines in one slice, the longest of the build-ahead (the CNN / RNN / attention
    lesson's 8): they are built ahead, a plot's curves a call of ``warm_up_view``, and the drawing only fills them in."""
    import pyqtgraph as pg

    made = []
    curve_init = pg.PlotDataItem.__init__

    def counted(curve, *args, **kwargs):
        made.append(curve)
        curve_init(curve, *args, **kwargs)

    monkeypatch.setattr(pg.PlotDataItem, "__init__", counted)
    curves_per_step = []
    for _done in window.build_ahead.build(key):
        curves_per_step.append(len(made))
        made.clear()
    assert made == [] and sum(curves_per_step) == curves, (len(made), curves_per_step)  # the drawing made none
    assert max(curves_per_step) < curves / 2, curves_per_step
    drawn = [item for plot in window.views[key].plots for item in plot.listDataItems()
             if isinstance(item, pg.PlotDataItem)]
    assert drawn and all(len(item.xData) for item in drawn)


def test_the_attention_panels_built_ahead_are_styled_once(window, monkeypatch):
    """Panels made ahead are styled in the view's look as they are made; the first drawing restyled all of them
    again (16 plots, the longest part of its slice)."""
    styled = []
    style_plot = style.style_plot
    monkeypatch.setattr(style, "style_plot", lambda plot, *args: (styled.append(plot), style_plot(plot, *args)))
    for _done in window.build_ahead.build("attention"):
        styled.clear()
    assert window.views["attention"].plots and styled == []  # the drawing restyled none


def test_a_plot_is_made_without_the_menu_it_would_never_show():
    plot = View.make_plot()
    assert plot.vb.menu is None and not plot.vb.menuEnabled()


@pytest.mark.parametrize("key, plots", [("frequencies", 2), ("decay", 1)])
def test_a_curve_views_plots_are_built_and_styled_ahead(window, monkeypatch, key, plots):
    """The frequencies view made and styled its two plots in its drawing's slice: they are made in one slice and
    styled in the next; the drawing only fills them in."""
    window.model.set_method("rope")
    styled = []
    style_plot = style.style_plot
    monkeypatch.setattr(style, "style_plot", lambda plot, *args: (styled.append(plot), style_plot(plot, *args)))
    styled_per_step = []
    for _done in window.build_ahead.build(key):
        styled_per_step.append(len(styled))
        styled.clear()
    view = window.views[key]
    assert styled == [] and plots in styled_per_step and len(view.plots) == plots, styled_per_step
    assert all(len(curve.xData) for curve in view.curves)


def test_presenting_a_slow_computation_says_so_above_the_view(window, qtbot, monkeypatch):
    """Presenting, the status bar with its busy bar is hidden: a real model's first forward pass left the hall a blank
    view for seconds with nothing said (deck scene 44 under Xvfb). The audience's title bar says "computing…" while
    the busy bar would show, and nothing once the drawing is done."""
    checks = []
    slow_at(monkeypatch, 1000, checks)
    window.model.set_method("alibi", "bias")
    window.model.update(params={**window.model.scene.params, "heads": 8, "seq_len": 48})
    window.set_presenting(True)
    busy = window.presentation.busy_label
    assert not busy.isVisible()
    window.model.update(params={**window.model.scene.params, "seq_len": 1000})
    qtbot.waitUntil(busy.isVisible, timeout=5000)
    qtbot.waitUntil(lambda: not window.runner.running, timeout=10000)
    qtbot.waitUntil(lambda: not busy.isVisible(), timeout=5000)
    window.set_presenting(False)
    assert not busy.isVisible()
