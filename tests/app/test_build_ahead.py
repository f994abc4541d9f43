"""The window's idle build-ahead in short slices: a view's first drawing places one panel a slice, the attention view's
seeded projections are drawn a matrix a slice before its fetch, and a view shown or restyled while it is being drawn
ahead is left to the window, which draws it whole. Counted per slice (panels placed, matrices drawn), never timed."""

import numpy as np
import pyqtgraph as pg
import pytest

from posenc_gui.app import compat
from posenc_gui.app.window import MainWindow
from posenc_gui.core import registry
from posenc_gui.core.attention import drawing_projection_bank, toy


@pytest.fixture
def window(qtbot, qapp):
    win = MainWindow(settings=None)
    qtbot.addWidget(win)
    win.warm_up_timer.timeout.disconnect()  # the tests step the build-ahead themselves
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    return win


def count_placements(monkeypatch) -> list:
    """Every item put into a graphics layout (pyqtgraph's addItem, or the layout move ``compat.enter_layout``)."""
    placed = []
    add_item = pg.GraphicsLayout.addItem
    enter = compat.enter_layout

    def added(layout, item, *args, **kwargs):
        placed.append(item)
        return add_item(layout, item, *args, **kwargs)

    def entered(layout, item, *args):
        placed.append(item)
        return enter(layout, item, *args)

    monkeypatch.setattr(pg.GraphicsLayout, "addItem", added)
    monkeypatch.setattr(compat, "enter_layout", entered)
    return placed


def is_panel(item) -> bool:
    """A plot (a heatmap's colour bar, placed beside it, is part of its panel)."""
    return isinstance(item, pg.PlotItem) and not isinstance(item, pg.ColorBarItem)


@pytest.mark.parametrize("key, panels", [("learned_table", 4), ("clocks", 9), ("multihead", 6),
                                         ("relative_property", 5), ("mrope_ids", 3)])
def test_a_first_drawing_ahead_places_one_panel_a_slice(window, monkeypatch, key, panels):
    """The learned table's four heatmaps, the clocks' nine plots, the multi-head lesson's six panels, the relative
    property's five numbered panels and the M-RoPE lesson's three plots were placed in one slice, the longest of the
    build-ahead: built ahead, the drawing places one a slice."""
    placed = count_placements(monkeypatch)
    plots_per_step = []
    for _done in window.build_ahead.build(key):
        plots_per_step.append(sum(is_panel(item) for item in placed))
        placed.clear()
    plots_per_step.append(sum(is_panel(item) for item in placed))
    view = window.views[key]
    assert len(view.plots) == panels and sum(plots_per_step) == panels, plots_per_step
    assert max(plots_per_step) == 1, plots_per_step
    assert window.drawer.fetched[view][1] is not None  # drawn to the end, and known to the window as drawn


def test_the_learned_tables_comparison_is_fetched_ahead_a_part_a_slice(window, monkeypatch):
    """Its fetch made the sinusoid, both cosine matrices and the table's statistics in one slice, the longest of the
    build-ahead: a part a slice now. Counted per slice: the sinusoid, the cosine matrices, the statistics."""
    from posenc_gui.core.lessons import learned_table

    learned_table._kept.clear()
    parts = []
    similarity, statistics = learned_table.similarity, learned_table.table_statistics
    compute = registry.Method.compute

    def computed(method, kind, values=None, display=False):
        if method.name == "sinusoidal":
            parts.append("sinusoid")
        return compute(method, kind, values, display)

    monkeypatch.setattr(registry.Method, "compute", computed)
    monkeypatch.setattr(learned_table, "similarity", lambda *args: (parts.append("cosine"), similarity(*args))[1])
    monkeypatch.setattr(learned_table, "table_statistics", lambda *args: (parts.append("stats"), statistics(*args))[1])
    parts_per_step = []
    for _done in window.build_ahead.build("learned_table"):
        parts_per_step.append(len(parts))
        parts.clear()
    parts_per_step.append(len(parts))
    assert sum(parts_per_step) == 4 and max(parts_per_step) == 1, parts_per_step
    assert window.drawer.fetched[window.views["learned_table"]][1] is learned_table.compare_tables(512)


def test_a_module_imported_at_first_use_is_imported_in_a_slice_of_its_own(window, monkeypatch, tmp_path):
    """NumPy imports numpy.ma at the first np.unique (np.percentile calls it): that import fell into the slice of the
    learned table's statistics. The build-ahead imports such modules first, one a slice, and builds nothing with it."""
    import sys

    from posenc_gui.app import build_ahead

    (tmp_path / "imported_at_first_use.py").write_text("")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(build_ahead, "LAZY_IMPORTS", ("imported_at_first_use",))
    ahead = build_ahead.BuildAhead(window, window.stack)
    built = set(window.views)
    assert ahead.step() and "imported_at_first_use" in sys.modules and set(window.views) == built
    assert ahead.step() and set(window.views) != built  # then the views' turn
    monkeypatch.delitem(sys.modules, "imported_at_first_use")


def test_the_learned_tables_heatmaps_are_styled_each_in_the_slice_that_places_it(window, monkeypatch):
    """The four heatmaps were styled together in the slice that placed the last one and linked the tables, the
    longest of the lesson's drawing; each is styled as it is placed, and the drawing into them is a slice of its own.
    Counted per slice: plots styled."""
    from posenc_gui.app import style

    styled = []
    style_plot = style.style_plot
    monkeypatch.setattr(style, "style_plot", lambda plot, *args: (styled.append(plot), style_plot(plot, *args))[1])
    styled_per_step = []
    for _done in window.build_ahead.build("learned_table"):
        styled_per_step.append(len(styled))
        styled.clear()
    styled_per_step.append(len(styled))
    assert sum(styled_per_step) >= 4 and max(styled_per_step) == 1, styled_per_step


def test_a_grid_of_heads_is_drawn_ahead_a_panel_a_slice(window, monkeypatch):
    """ALiBi's eight bias panels were framed (range, cell count, names) in one slice, the longest of the view's
    drawing, with the move of the panels to fill the room: a panel a slice, the move in a slice of its own. Counted per
    slice: panels framed (``count_cells``), arrangements that fill the room."""
    from posenc_gui.app.views import grid

    framed, filled = [], []
    count_cells, fill_room = grid.count_cells, grid.ImageGrid.fill_room
    monkeypatch.setattr(grid, "count_cells", lambda plot, *args: (framed.append(plot), count_cells(plot, *args)))
    monkeypatch.setattr(grid.ImageGrid, "fill_room", lambda self: (filled.append(self), fill_room(self))[1])
    window.model.set_method("alibi")
    framed.clear()
    filled.clear()
    per_step = []
    for _done in window.build_ahead.build("bias"):
        per_step.append((len(framed), len(filled)))
        framed.clear()
        filled.clear()
    per_step.append((len(framed), len(filled)))
    heads = window.model.scene.params["heads"]
    assert sum(count for count, _ in per_step) == heads and max(count for count, _ in per_step) == 1, per_step
    assert all(count == 0 for count, moves in per_step if moves), per_step
    assert len(window.views["bias"].plots) == heads


def test_the_view_is_made_and_laid_out_in_separate_slices(window, monkeypatch):
    """Constructing and styling a lesson, then laying it out at its size, each took about half of one slice."""
    from posenc_gui.app.views.lessons.lesson_view import LessonView

    fitted = []
    monkeypatch.setattr(LessonView, "fit_to_size", lambda view: fitted.append(view))
    steps = window.build_ahead.build("precision")
    next(steps)
    assert "precision" in window.views and fitted == []
    next(steps)
    assert fitted == [window.views["precision"]]


def test_the_projection_bank_drawn_ahead_holds_the_numbers_of_one_draw():
    """A matrix a step, from one generator: the numbers attention_for drew at once, kept for it."""
    toy._projection_bank.cache_clear()
    kept = [toy._projection_bank.holds(4) for _step in drawing_projection_bank(4)]
    assert kept == [False] * 4 and toy._projection_bank.holds(4)
    expected = np.random.default_rng(4 + 7).standard_normal((3, toy.PROJECTION_BANK, toy.PROJECTION_BANK),
                                                            dtype=np.float32).astype(np.float64)
    assert np.array_equal(toy._projection_bank(4), expected) and not toy._drawn_ahead
    assert list(drawing_projection_bank(4)) == []  # kept: nothing to draw again


def test_the_attention_view_draws_its_projections_a_matrix_a_slice_before_it_fetches(window, monkeypatch):
    """Its fetch drew the whole bank of seeded projections (3 x 768 x 768 normals) in the slice that fetched: the
    bank is drawn ahead, a matrix a slice, and the fetch draws nothing."""
    toy._projection_bank.cache_clear()
    drawn = []
    default_rng = np.random.default_rng

    class CountedGenerator:
        def __init__(self, *args):
            self.rng = default_rng(*args)

        def standard_normal(self, size=None, *args, **kwargs):
            drawn.append(int(np.prod(size or 1)))
            return self.rng.standard_normal(size, *args, **kwargs)

    monkeypatch.setattr(np.random, "default_rng", CountedGenerator)
    big = toy.PROJECTION_BANK ** 2
    per_step = []
    for _done in window.build_ahead.build("attention"):
        per_step.append(sum(size >= big for size in drawn))
        drawn.clear()
    per_step.append(sum(size >= big for size in drawn))
    assert sum(per_step) == 3 and max(per_step) == 1, per_step
    assert window.views["attention"].panels


@pytest.mark.parametrize("interruption", ["shown", "text size"])
def test_a_view_shown_or_restyled_while_drawn_ahead_is_drawn_whole_by_the_window(window, interruption):
    """Drawn ahead a panel a slice, the learned table is shown (or the text size changes) half-way: the build-ahead
    leaves it and the window's drawing has all four heatmaps with their data."""
    steps = window.build_ahead.build("learned_table")
    view = None
    for _done in steps:
        view = window.views.get("learned_table")
        if view is not None and len(view.plots) == 2:
            break
    assert view is not None and len(view.plots) == 2
    if interruption == "shown":
        window.model.set_view("learned_table")
    else:
        window.set_text_scale(1.3)
    assert next(steps, True) is True  # the build-ahead stops
    if interruption != "shown":
        window.model.set_view("learned_table")
    window.finish_work()
    view = window.views["learned_table"]
    assert len(view.plots) == 4 and len(view.images) == 4
    assert all(image.image is not None for image in view.images)


def test_a_lesson_styled_before_it_has_a_size_fits_its_header_once_it_has_one(window, monkeypatch):
    """Styled while still at Qt's default size, a lesson fitted its header there (rendering its formulas at every
    shrink), then again at its real size: now only at its size, and again when restyled. Fitting measures the
    header's height (``_header_height``); the sizes it was measured at are counted."""
    from posenc_gui.app.views.lessons.lesson_view import LessonView

    fits = []
    header_height = LessonView._header_height

    def counted(view, shown, width):
        fits.append((view.width(), view.height()))
        return header_height(view, shown, width)

    monkeypatch.setattr(LessonView, "_header_height", counted)
    steps = window.build_ahead.build("relative_property")
    next(steps)  # made and styled
    assert fits == []
    next(steps)  # laid out at its size
    view = window.views["relative_property"]
    size = (view.width(), view.height())
    assert fits and set(fits) == {size}
    fits.clear()
    view.set_look(view.theme, view.points * 1.2)
    assert fits and set(fits) == {size}


def test_a_view_shown_between_its_making_and_its_laying_out_is_left_to_the_window(window):
    steps = window.build_ahead.build("precision")
    next(steps)  # made
    window.model.set_view("precision")
    assert next(steps, True) is True
    window.finish_work()
    assert window.views["precision"].plots


@pytest.mark.parametrize("key, method", [("learned_table", "sinusoidal"), ("bias", "alibi"), ("mrope_ids", "rope"),
                                         ("model_config", "rope")])
def test_a_view_drawn_ahead_in_slices_looks_as_one_drawn_when_shown(window, qtbot, qapp, key, method):
    """Fetched and drawn a part a slice, hidden, then shown: the pixels of the view made and drawn on the switch."""
    cold = MainWindow(settings=None)
    qtbot.addWidget(cold)
    cold.warm_up_timer.timeout.disconnect()
    cold.resize(window.size())
    cold.show()
    qtbot.waitExposed(cold)
    grabs = []
    for win in (window, cold):
        win.model.set_method(method)
        if win is window:
            for _done in window.build_ahead.build(key):
                pass
            assert window.views[key] in window.drawer.fetched  # drawn ahead to the end
        win.model.set_view(key)
        for _ in range(3):
            qapp.processEvents()
        grabs.append(win.current_view.grab().toImage())
    assert grabs[0] == grabs[1]


def context_extension_shown_larger(qtbot, qapp, ahead: bool, size: tuple[int, int]) -> MainWindow:
    """A window at 880 x 700 that builds every view while idle first (``ahead``) or not, then grows to ``size`` and
    opens the context-extension lesson."""
    window = MainWindow(settings=None)
    qtbot.addWidget(window)
    window.resize(880, 700)
    window.show()
    qtbot.waitExposed(window)
    window.warm_up_timer.stop()
    while ahead and window.warm_up_view():
        qapp.processEvents()
    window.resize(*size)
    qapp.processEvents()
    window.model.set_view("context_extension")
    window.finish_work()
    for _ in range(3):
        qapp.processEvents()
    return window


def test_a_view_built_ahead_in_a_smaller_window_shows_as_if_built_at_the_size_it_is_shown(qtbot, qapp):
    """The context-extension lesson built while idle in a smaller window, then the window enlarged (the lecturer
    presses F11) and the lesson opened: its legend takes the columns the wider page holds and the plots the height
    they need there, as when built on the switch. Before, it kept the narrow window's layout: one legend column, the
    plots' page 160 px taller than the view and scrolling."""
    heights = []
    for ahead in (False, True):
        window = context_extension_shown_larger(qtbot, qapp, ahead, (1400, 820))
        view = window.current_view
        heights.append((view.graphics.minimumHeight(), view.legend.columnCount, view.page.height() - view.height()))
        window.close()
    assert heights[1] == heights[0]
    assert heights[0][2] <= 0  # the page does not scroll


def test_the_context_extension_built_ahead_wraps_its_titles_and_spans_its_pairs_as_one_built_on_the_switch(qtbot, qapp):
    """Built while idle at 880 x 700 and shown at 1280 x 800, the lesson's titles were fitted beside axes measured for
    their names ('frequency (rad/position)' on two lines); built on the switch they were fitted before the axes were
    measured, and stayed on one. And the pairs' margin was the one for the plots' width when drawn (pyqtgraph's), so
    the grid lines stood elsewhere (compare_views --built-ahead: 9.7 % of the lesson's pixels)."""
    drawn = []
    for ahead in (False, True):
        window = context_extension_shown_larger(qtbot, qapp, ahead, (1280, 800))
        drawn.append([(plot.titleLabel.item.textWidth(), plot.vb.viewRange()[0]) for plot in window.current_view.plots])
        window.close()
    assert drawn[1] == drawn[0]


def test_the_outputs_heatmap_built_ahead_is_as_tall_as_one_built_on_the_switch(qtbot, qapp):
    """Built ahead, the outputs view's panels were restyled before the grid named their axes (the panels built as
    spares have no names), and the room under a top axis's name is given by the restyle: the heatmap's top axis was
    44 px where the same view built on the switch has 52, the heatmap 8 px taller (compare_views --built-ahead)."""
    drawn = []
    for ahead in (False, True):
        window = MainWindow(settings=None)
        qtbot.addWidget(window)
        window.resize(1200, 800)
        window.show()
        qtbot.waitExposed(window)
        window.warm_up_timer.stop()
        while ahead and window.warm_up_view():
            qapp.processEvents()
        window.model.set_view("outputs")
        window.finish_work()
        for _ in range(3):
            qapp.processEvents()
        heatmap = window.current_view.plots[0]
        drawn.append((heatmap.getAxis("top").height(), heatmap.vb.geometry().getRect()))
        window.close()
    assert drawn[1] == drawn[0]


@pytest.mark.parametrize("key", ["context_extension", "cnn_rnn_attention"])
def test_idle_build_ahead_leaves_a_lesson_already_drawn_as_it_is(window, key):
    """A lesson the lecturer opened is drawn by the window; the idle build-ahead then came to the lesson's own steps
    ahead, cleared its plots and built one again, and the next drawing wrote into legend labels already deleted
    ('Internal C++ object already deleted', the context-extension step of the self-test at 3840x2160 x1.3) or left
    the CNN/RNN lesson's new axis unfitted."""
    window.model.set_view(key)
    window.finish_work()
    view = window.views[key]
    plots = list(view.plots)
    while window.build_ahead.step():
        pass
    assert view.plots == plots and all(plot.scene() is not None for plot in plots)
    window.model.set_param("d_model", 96)  # a drawing into what is on screen
    window.finish_work()
    assert view.plots == plots


def views_drawn_in_steps():
    from posenc_gui.app.views import VIEWS
    from posenc_gui.app.views.base import View

    return [key for key, (_title, _applies, cls) in VIEWS.items() if cls.drawing_steps is not View.drawing_steps]


@pytest.mark.parametrize("key", views_drawn_in_steps())
def test_a_view_shown_at_any_step_of_its_drawing_ahead_is_drawn_whole(window, qtbot, key):
    """``drawing_steps`` may stop after any step, the view being shown meanwhile; its next drawing (the window's)
    must then draw it whole, whichever step it stopped after."""
    from posenc_gui.app.state import Scene
    from posenc_gui.app.view_catalogue import view_class
    from posenc_gui.app.views import VIEWS, applies

    applies_to = VIEWS[key][1]
    method = next(m.name for m in registry.all_methods() if applies_to(m))
    scene = Scene(method=method, view=key).validated(applies())
    whole = window.view(key)
    whole.show_data(scene, whole.fetch(scene))
    steps_in_all = 1 + sum(1 for _ in view_class(key)(window.model).drawing_steps(scene, whole.fetch(scene)))
    for stop_after in range(1, steps_in_all):
        view = view_class(key)(window.model)
        qtbot.addWidget(view)  # closed and deleted with the test, as the window's own views are
        view.resize(whole.width(), whole.height())
        view.set_look(whole.theme, whole.points)
        data = view.fetch(scene)
        steps = view.drawing_steps(scene, data)
        for _ in range(stop_after):
            next(steps, None)
        view.show_data(scene, data)  # must not raise
        assert len(view.plots) == len(whole.plots), (key, stop_after)
