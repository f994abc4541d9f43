"""The four attention lessons: each draws in both themes, and Back / Next, cell clicks and the view's
controls go through the state model (``scene.options``), never kept in the widget."""

import dataclasses

import numpy as np
import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtWidgets import QGraphicsRectItem

from posenc_gui.app import style
from posenc_gui.app.state import Scene
from posenc_gui.app.views import VIEWS
from posenc_gui.app.views.lessons import MultiHeadLesson, OrderLesson, RelativePropertyLesson, WalkthroughLesson
from posenc_gui.app.views.lessons.matrix_lesson import number_text
from posenc_gui.core import registry
from posenc_gui.core.lessons.multihead import MultiHeadData
from posenc_gui.core.lessons.order import OrderData
from posenc_gui.core.lessons.relative_shift import RelativePropertyData
from posenc_gui.core.lessons.walkthrough import WalkthroughData
from posenc_gui.core.params import InputError
from posenc_gui.app.views.readable import MIN_PLOT
from view_helpers import open_view, pixels

LESSONS = (WalkthroughLesson, MultiHeadLesson, OrderLesson, RelativePropertyLesson)



@pytest.mark.parametrize("cls, typed", [(WalkthroughLesson, WalkthroughData), (MultiHeadLesson, MultiHeadData),
                                        (OrderLesson, OrderData), (RelativePropertyLesson, RelativePropertyData)])
def test_each_lesson_fetches_a_frozen_typed_result(cls, typed):
    """The fetch hands the view a frozen dataclass of the lesson's core module (read by attribute), not a dict."""
    data = cls.fetch(Scene(view=cls.key))
    assert type(data) is typed and dataclasses.is_dataclass(data)
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(data, dataclasses.fields(data)[0].name, None)

def click_cell(qtbot, view, title_start, row, col):
    """Left-click cell (row, col) of the panel whose title starts with ``title_start``."""
    plot = next(p for p in view.panels if p.titleLabel.text.startswith(title_start))
    point = view.graphics.mapFromScene(plot.vb.mapViewToScene(QPointF(col, row)))
    qtbot.mouseClick(view.graphics.viewport(), Qt.LeftButton, pos=point)


def test_keys_are_registered_as_lessons():
    for cls in LESSONS:
        assert VIEWS[cls.key][2] is cls and cls.group == "learn"
    assert [cls.key for cls in LESSONS] == ["walkthrough", "multihead", "order", "relative_property"]


@pytest.mark.parametrize("theme_name", ["light", "dark"])
@pytest.mark.parametrize("cls, options", [
    *[(WalkthroughLesson, {"step": s}) for s in range(8)],
    *[(MultiHeadLesson, {"step": s}) for s in range(3)],
    (OrderLesson, {}), (OrderLesson, {"pair": "en"}),
    *[(RelativePropertyLesson, {"step": s}) for s in range(3)]])
def test_each_view_draws_in_both_themes(qtbot, themed, cls, options, theme_name):
    theme = themed(theme_name)
    _, view = open_view(qtbot, cls, theme, options=options)
    shot = pixels(view)
    colours = len(np.unique(shot.reshape(-1, 3), axis=0))
    assert colours > 50, f"{cls.key} looks blank ({colours} colours)"
    assert (shot[0, 0].mean() > 128) == (theme_name == "light")         # the header takes the theme
    assert (shot[-1, -1].mean() > 128) == (theme_name == "light")       # ...and so do the plots
    assert view.shown and all(np.isfinite(np.asarray(a, dtype=float)).all() for a in view.shown.values())
    assert view.note.text()


def test_next_and_back_go_through_the_state(qtbot):
    model, view = open_view(qtbot, WalkthroughLesson, style.theme_named("light"))
    assert not view.back.isEnabled()
    for expected in range(1, 8):
        qtbot.mouseClick(view.next, Qt.LeftButton)
        assert model.scene.options["step"] == expected
    assert not view.next.isEnabled()
    assert [name for name, _ in view.shown.items()] == ["weights", "values", "outputs", "article_outputs"]
    qtbot.mouseClick(view.back, Qt.LeftButton)
    assert model.scene.options["step"] == 6


def test_clicking_a_score_selects_it_in_the_options_and_outlines_its_sources(qtbot):
    model, view = open_view(qtbot, WalkthroughLesson, style.theme_named("light"), options={"step": 3})
    click_cell(qtbot, view, "scores", 1, 2)
    options = model.scene.options
    assert (options["cell_panel"], options["cell_row"], options["cell_col"], options["query"]) == ("scores", 1, 2, 1)
    step = view.fetch(model.scene).step
    assert step.sources == (("queries", "row", 1), ("keys", "row", 2))
    click_cell(qtbot, view, "keys", 0, 0)          # an operand, not a result: nothing changes
    assert model.scene.options == options


def test_scale_switch_and_follow_input_are_options(qtbot):
    model, view = open_view(qtbot, WalkthroughLesson, style.theme_named("light"), options={"step": 4})
    view.scaled.setChecked(True)
    assert model.scene.options["scaled"] is True
    np.testing.assert_allclose(view.shown["weights"][0], [0.1361, 0.4319, 0.4319], atol=5e-5)
    assert "0.1361" in view.note.text()
    model.set_option("step", 5)
    view.query.activated.emit(2)
    assert model.scene.options["query"] == 2
    np.testing.assert_allclose(view.shown["weighted"].sum(axis=0), view.fetch(model.scene).arrays.outputs[2])


def test_softmax_step_explains_the_articles_rounding(qtbot):
    _, view = open_view(qtbot, WalkthroughLesson, style.theme_named("light"), options={"step": 4})
    for text in ("7.39", "54.60", "[0.0634, 0.4683, 0.4683]"):
        assert text in view.note.text()
    _, view = open_view(qtbot, WalkthroughLesson, style.theme_named("light"), options={"step": 7})
    assert "[2, 7, 1.5]" in view.note.text() and "[1.9366, 6.6831, 1.5951]" in view.note.text()


def test_number_text():
    assert [number_text(v) for v in (16.0, 0.5, 0.1 * 3, 0.063372, 1.1e-5)] == ["16", "0.5", "0.3", "0.0634", "0.0000"]


def test_multihead_controls_write_options_and_bad_splits_are_input_errors(qtbot):
    model, view = open_view(qtbot, MultiHeadLesson, style.theme_named("light"), options={"step": 1})
    view.spins["valid_len_2"].setValue(4)
    assert model.scene.options["valid_len_2"] == 4
    assert np.all(view.shown["mask"][2:] == 1)
    view.spins["heads"].setValue(4)
    assert model.scene.options["heads"] == 4 and view.shown["weights"].shape == (8, 4, 4)
    with pytest.raises(InputError):
        MultiHeadLesson.fetch(Scene(options={"heads": 3, "d_model": 8}))


def test_order_shows_nope_permuted_and_the_method_different(qtbot):
    model, view = open_view(qtbot, OrderLesson, style.theme_named("light"), method="alibi")
    perm = view.shown["perm"]
    np.testing.assert_allclose(view.shown["nope_b"], view.shown["nope_a"][perm], atol=1e-14)
    assert not np.allclose(view.shown["method_b"], view.shown["method_a"][perm])
    assert "Order is invisible" in view.note.text() and "Order is seen" in view.note.text()
    view.pair.activated.emit(1)
    assert model.scene.options["pair"] == "en"
    assert view.shown["nope_a"].shape[0] == 5


def test_order_applies_to_methods_with_a_way_into_attention():
    assert OrderLesson.applies_to(registry.get("rope")) and OrderLesson.applies_to(registry.get("nope"))


def test_relative_property_controls_and_residual(qtbot):
    model, view = open_view(qtbot, RelativePropertyLesson, style.theme_named("light"))
    view.spins["k"].setValue(7)
    view.spins["p"].setValue(40)
    assert (model.scene.options["k"], model.scene.options["p"]) == (7, 40)
    np.testing.assert_allclose(view.shown["moved"], view.shown["pe_pk"], atol=1e-12)
    assert "M(7)" in view.note.text()
    qtbot.mouseClick(view.next, Qt.LeftButton)
    qtbot.mouseClick(view.next, Qt.LeftButton)
    assert model.scene.options["step"] == 2
    assert np.ptp(view.shown["same_offset"]) < 1e-12 and np.ptp(view.shown["by_offset"]) > 0.1


def plot_items(view):
    """Every plot of the view with the items in it (images, cell numbers, outlines)."""
    return {plot: list(plot.items) for plot in view.plots}


@pytest.mark.parametrize("cls, options, change", [
    (WalkthroughLesson, {"step": 3, "cell_panel": "scores", "cell_row": 0, "cell_col": 0},
     {"cell_row": 2, "cell_col": 1, "query": 2}),
    (WalkthroughLesson, {"step": 5}, {"query": 2}),
    (MultiHeadLesson, {"step": 1}, {"valid_len_1": 1, "valid_len_2": 4}),
    (MultiHeadLesson, {"step": 2}, {"d_model": 16}),
    (OrderLesson, {}, {"pair": "en"}),
    *[(RelativePropertyLesson, {"step": s}, {"p": 40, "k": 7, "width": 8}) for s in range(3)]])
def test_a_change_that_keeps_the_layout_keeps_the_plots(qtbot, cls, options, change):
    model, view = open_view(qtbot, cls, style.theme_named("light"), options=options)
    before, shot = plot_items(view), pixels(view)
    model.update(options={**model.scene.options, **change})
    assert plot_items(view) == before              # the same PlotItems holding the same items...
    assert not np.array_equal(pixels(view), shot)  # ...showing the new scene
    if view.steps:
        model.update(options={**model.scene.options, "step": (view.step + 1) % len(view.steps)})
        assert not set(view.plots) & set(before)   # another step: other plots


def test_a_change_of_method_keeps_the_plots_of_a_lesson_that_ignores_it(qtbot):
    model, view = open_view(qtbot, WalkthroughLesson, style.theme_named("light"), options={"step": 2})
    before = plot_items(view)
    model.set_method("rope")
    assert plot_items(view) == before


@pytest.mark.parametrize("cls, options, change", [
    (WalkthroughLesson, {"step": 3}, {"cell_panel": "scores", "cell_row": 1, "cell_col": 2, "query": 1}),
    (MultiHeadLesson, {"step": 1, "valid_len_1": 4}, {"valid_len_1": 1}),
    (OrderLesson, {"pair": "en"}, {"pair": "zh"})])
def test_a_scene_drawn_into_kept_plots_looks_as_drawn_afresh(qtbot, cls, options, change):
    model, view = open_view(qtbot, cls, style.theme_named("light"), options=options)
    model.update(options={**options, **change})
    _, fresh = open_view(qtbot, cls, style.theme_named("light"), options={**options, **change})
    qtbot.wait(1)  # the kept plots are laid out again on the next turn of the event loop
    kept, afresh = pixels(view), pixels(fresh)
    rows, cols = np.nonzero(np.any(kept != afresh, axis=2))
    assert not rows.size, f"{rows.size} pixels differ in x {cols.min()}..{cols.max()}, y {rows.min()}..{rows.max()}"


def test_outlines_not_drawn_again_are_hidden(qtbot):
    model, view = open_view(qtbot, RelativePropertyLesson, style.theme_named("light"), options={"step": 1, "k": 2})

    def outlines():
        return sum(isinstance(item, QGraphicsRectItem) and item.isVisible() for item in view.plots[0].items)

    assert outlines() == 30                        # the diagonal q = p + 2 of 32 positions
    model.update(options={**model.scene.options, "k": 20})
    assert outlines() == 12
    model.update(options={**model.scene.options, "k": 0})
    assert outlines() == 32


def first_tick(plot, side):
    """The name of the first named row (left) or column (top) of a matrix panel."""
    return next(text for _value, text in plot.getAxis(side)._tickLevels[0] if text)


@pytest.mark.parametrize("step", range(3))
def test_multihead_rows_and_columns_count_alike(qtbot, themed, step):
    """Rows numbered from 1 beside channels numbered from 0 (as the code counts) read as two conventions at once."""
    _model, view = open_view(qtbot, MultiHeadLesson, themed("light"), options={"step": step})
    firsts = {(first_tick(plot, "left"), first_tick(plot, "top")) for plot in view.panels}
    assert firsts == {("0", "0")}, firsts


@pytest.mark.parametrize("cls, options, height", [(MultiHeadLesson, {"step": 0}, 680), (OrderLesson, {}, 480),
                                                  (RelativePropertyLesson, {"step": 0}, 560)])
def test_lessons_plots_shrink_to_a_short_page_rather_than_scroll(qtbot, themed, cls, options, height):
    """In a view 1024 wide and ``height`` tall, text x1.3 (a projector's window), the plots that keep every number in
    its cell need more than the page's height (the relative property's three times): they shrink to their floor and
    go side by side, and the page does not scroll. Each plot area stays at least ``MIN_PLOT``."""
    _, view = open_view(qtbot, cls, themed("dark"), options=options)
    view.resize(1024, height)
    view.set_look(themed("dark"), style.BASE_POINTS * 1.3)
    view.show_data(view.model.scene, view.fetch(view.model.scene))
    qtbot.waitUntil(lambda: view.page.height() <= view.scroll.viewport().height(), timeout=2000)
    assert view.short_of_room
    for plot in view.plots:
        assert plot.vb.height() >= MIN_PLOT[1] - 1, plot.titleLabel.text


def test_a_lesson_short_of_room_writes_every_number_again_once_the_page_is_tall(qtbot, themed):
    """Shrunk to a short page, the relative property's first step leaves out the numbers that no longer fit their
    cells; made tall again (the notes folded, a larger window) it writes all of them again."""
    _, view = open_view(qtbot, RelativePropertyLesson, themed("dark"), options={"step": 0})

    def written() -> int:
        view.grab()
        return sum(len(panel.texts.shown_labels(*cell_size(panel))) for panel in view.kept.values())

    def cell_size(panel):
        cell = panel.plot.vb.mapViewToScene(QRectF(0, 0, 1, 1)).boundingRect()
        return cell.width(), cell.height()

    everything = written()
    view.resize(1024, 560)
    view.set_look(themed("dark"), style.BASE_POINTS * 1.3)
    qtbot.waitUntil(lambda: view.short_of_room and view.page.height() <= view.scroll.viewport().height(), timeout=2000)
    assert written() < everything
    view.resize(1920, 1080)
    qtbot.waitUntil(lambda: not view.short_of_room, timeout=2000)
    assert written() == everything
