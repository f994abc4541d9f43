"""Pictures whose shape tells the truth: bits drawn as steps, square cells where both axes are positions (no
tick naming a cell that does not exist), timeline years kept whole."""

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtGui import QTextTable

from posenc_gui.app import style
from posenc_gui.app.views.attention import AttentionView
from posenc_gui.app.views.encoding import EncodingView
from posenc_gui.app.views.lessons import LearnedTableLesson, MultiHeadLesson
from posenc_gui.app.views.outputs import OutputsView
from posenc_gui.app.views.reference import TimelinePage
from posenc_gui.app.views.relative import BiasView
from tests.app.view_helpers import open_view

LIGHT = style.theme_named("light")


def test_bits_are_drawn_as_steps_and_sinusoids_as_lines(qtbot):
    model, view = open_view(qtbot, EncodingView, LIGHT, method="binary")
    model.update(dims=[0, 2])
    curve = view.curves[0]
    x, y = curve.xData, curve.yData
    assert curve.opts["stepMode"] == "center" and len(x) == len(y) + 1  # edges around each position
    assert x[0] == -0.5 and set(np.unique(y)) == {0.0, 1.0}
    model.set_method("sinusoidal")
    curve = view.curves[0]
    assert curve.opts["stepMode"] is None and len(curve.xData) == len(curve.yData)


def locked(plot) -> bool:
    return plot.vb.state["aspectLocked"] == 1.0


def test_query_by_key_panels_have_square_cells(qtbot):
    for cls, method in ((AttentionView, "sinusoidal"), (BiasView, "alibi")):
        _model, view = open_view(qtbot, cls, LIGHT, method=method)
        assert view.plots and all(locked(plot) for plot in view.plots), cls.__name__


def test_every_output_has_square_cells_only_where_both_axes_are_positions(qtbot):
    model, view = open_view(qtbot, OutputsView, LIGHT, method="t5")
    assert all(locked(plot) for plot in view.plots)  # buckets: query by key
    model.set_method("sinusoidal")
    assert not any(locked(plot) for plot in view.plots)  # encoding: position by dimension


def test_the_cosine_matrices_are_square_and_name_no_cell_beyond_the_table(qtbot):
    _model, view = open_view(qtbot, LearnedTableLesson, LIGHT)
    similarity = view.plots[2:]
    assert all(locked(plot) for plot in similarity) and not any(locked(plot) for plot in view.plots[:2])
    axis = similarity[0].getAxis("bottom")
    low, high = axis.range
    assert low < -1 or high > 512  # the square leaves room beside the cells...
    ticks = [value for _spacing, values in axis.tickValues(low, high, axis.width()) for value in values]
    assert ticks and min(ticks) >= 0 and max(ticks) < 512  # ...where no tick names a position


def test_timeline_years_are_not_broken(qtbot):
    _model, view = open_view(qtbot, TimelinePage, LIGHT)
    view.resize(1000, 700)  # the left column at its narrowest: 1280 wide with the panel
    document = view.browser.document()
    document.setTextWidth(view.browser.viewport().width())
    document.documentLayout().documentSize()  # laid out now
    table = next(frame for frame in document.rootFrame().childFrames() if isinstance(frame, QTextTable))
    years = [table.cellAt(row, 0).firstCursorPosition().block() for row in range(1, table.rows())]
    written = [block for block in years if block.text().strip()]
    assert written and all(block.layout().lineCount() == 1 for block in written), \
        [(block.text(), block.layout().lineCount()) for block in written if block.layout().lineCount() != 1]


def test_each_head_may_have_its_own_colour_scale(qtbot):
    model, view = open_view(qtbot, BiasView, LIGHT, method="alibi")
    assert view.grid.bar.isVisible() and view.own_scales.isVisibleTo(view)
    shared = [image.levels for _plot, image in view.grid.pool[:view.grid.count]]
    assert all(np.array_equal(levels, shared[0]) for levels in shared)  # one scale: the last heads look blank
    view.own_scales.setChecked(True)
    assert model.scene.options["own_scales"] is True
    own = [tuple(image.levels) for _plot, image in view.grid.pool[:view.grid.count]]
    bias = view.shown["bias"]
    assert own == [(float(head.min()), 0.0) for head in bias]  # ALiBi's heads: each from its own minimum to 0
    assert not view.grid.bar.isVisible()  # no shared bar holds; each title gives its range
    assert view.plots[7].titleLabel.text.startswith("head 7: ")
    model.update(head=3)
    assert not view.own_scales.isVisibleTo(view) and view.grid.bar.isVisible()


def test_each_attention_head_may_have_its_own_colour_scale(qtbot):
    model, view = open_view(qtbot, AttentionView, LIGHT, method="alibi")
    assert view.own_scales.isVisibleTo(view) and view.grid.bar.isVisible()
    view.own_scales.setChecked(True)
    assert model.scene.options["own_scales"] is True
    own = [tuple(image.levels) for _plot, image in view.grid.pool[:view.grid.count]]
    weights = view.shown["weights"]
    assert own == [(float(head.min()), float(head.max())) for head in weights]  # each head over its own range
    assert not view.grid.bar.isVisible() and view.plots[1].titleLabel.text.startswith("head 1: ")
    model.update(head=0)
    assert not view.own_scales.isVisibleTo(view) and view.grid.bar.isVisible()


def gap_beside_cells(plot):
    """Pixels between a square-celled panel's row names (its left axis) and its cells, and the cells' width."""
    image = next(item for item in plot.vb.addedItems if isinstance(item, pg.ImageItem))
    cells = image.mapRectToScene(image.boundingRect())
    return cells.left() - plot.getAxis("left").sceneBoundingRect().right(), cells.width()


@pytest.mark.parametrize("cls, options", [(AttentionView, {}), (MultiHeadLesson, {"step": 1})])
def test_square_cells_stand_beside_their_row_names(qtbot, cls, options):
    """A panel of square cells is as wide as its cells: in a wide panel pyqtgraph centred the matrix, far from its
    row names and its neighbours."""
    _model, view = open_view(qtbot, cls, LIGHT, method="alibi", options=options)
    view.resize(1500, 800)  # room for the matrices to be wider than their titles
    qtbot.wait(20)
    gaps = [gap_beside_cells(plot) for plot in view.plots if plot.vb.state["aspectLocked"]]
    assert gaps and all(gap <= 0.1 * width + 2 for gap, width in gaps), gaps


def test_bits_drawn_as_steps_survive_more_positions_than_pixels(qtbot):
    """pyqtgraph's peak downsampling pairs x and y one to one, which a step curve (one more edge than values)
    cannot take: a long binary table made every repaint raise. Step curves are not downsampled."""
    model, view = open_view(qtbot, EncodingView, LIGHT, method="binary")
    model.set_param("seq_len", 4096)
    model.update(dims=[0, 3])
    view.grab()
    curve = view.curves[0]
    x, y = curve.curve.xData, curve.curve.yData  # what the plot draws, after any downsampling
    assert len(x) == len(y) + 1


def test_curves_across_positions_and_dimensions_tick_whole_numbers_only(qtbot):
    """Binary with 4 bits (the deck's scene): the plot across its 4 dimensions ticked 0, 0.5, 1.0, ... (a
    dimension 0.5 does not exist)."""
    model, view = open_view(qtbot, EncodingView, LIGHT, method="binary")
    model.set_params({"seq_len": 16, "bits": 4})
    view.grab()
    for plot in (view.across_positions, view.across_dims):
        axis = plot.getAxis("bottom")
        low, high = plot.vb.viewRange()[0]
        values = [value for _spacing, level in axis.tickValues(low, high, axis.width()) for value in level]
        assert values and all(float(value).is_integer() for value in values)


def test_a_long_binary_table_then_a_sinusoid_of_the_same_length_draws_both(qtbot):
    """Turning downsampling back on for a curve redraws the data it holds at once: switched on before the sinusoid's
    values went in, pyqtgraph downsampled the binary table's step edges (one more than its values) and raised
    ("cannot reshape array", found by the soak with video3d after binary)."""
    model, view = open_view(qtbot, EncodingView, LIGHT, method="binary")
    model.set_param("seq_len", 4096)
    model.update(dims=[0, 3])
    view.grab()
    model.set_method("sinusoidal")
    model.set_param("seq_len", 4096)
    view.grab()
    curve = view.curves[0]
    assert curve.opts["stepMode"] is None and len(curve.xData) == len(curve.yData) == 4096
    assert len(curve.curve.xData) < 4096  # downsampled again for the sinusoid
