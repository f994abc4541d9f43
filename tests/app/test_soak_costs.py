"""Work repeated with the same inputs in a soak of seeded changes, counted (never timed): the like-for-like soak ran at
0.58-0.77x of 2d32621's changes per CPU-second (issue 21's "no slower than before"; benchmarks/README.md)."""

import pyqtgraph as pg
from PySide6.QtWidgets import QGraphicsScene

from posenc_gui.app import axes, style
from posenc_gui.app.state import Scene
from posenc_gui.app.views import applies, colour_bar, grid_fit, readable
from posenc_gui.app.views.axis_name import keep_name_along
from posenc_gui.app.views.lessons import ClocksLesson, clock_dials
from posenc_gui.app.views.attention import AttentionView
from posenc_gui.app.views.relative import BiasView

from test_grid_fills_room import columns_of, shown_view
from test_repeats_cost_nothing import count_calls


def test_a_grid_of_square_cells_keeps_its_arrangement_for_a_new_sequence_length(qtbot, qapp, monkeypatch):
    """A new sequence length keeps the proportion of square cells, so the columns and each panel's share: the grid is
    not arranged, capped and the page laid out anew (it was at every other drawing of the attention view in a soak)."""
    scene = Scene(method="alibi", view="bias", head="all", params={"heads": 4, "seq_len": 16}).validated(applies())
    view = shown_view(qtbot, BiasView, scene, 1280, 630, 13.0)
    qapp.processEvents()
    columns = columns_of(view)
    chosen = count_calls(monkeypatch, grid_fit, "best_columns")
    capped = count_calls(monkeypatch, view.grid, "_cap_panels")
    view.model.set_param("seq_len", 24)  # two digits still: the row names as wide
    qapp.processEvents()
    assert view.grid.shape == (24, 24)
    assert chosen == [] and capped == []
    assert columns_of(view) == columns
    view.model.set_param("seq_len", 7)  # narrower row names: the room changed, the grid is fitted to it again
    qapp.processEvents()
    assert chosen and view.grid.shape == (7, 7)


def test_a_side_names_shortest_length_is_measured_once_per_name_and_font(qtbot, monkeypatch):
    """Every drawing reads the length of each plot's side names (``readable_inputs``); a name kept along its axis was
    wrapped at trial lengths each time."""
    plot = pg.PlotItem()
    axis = plot.getAxis("left")
    axis.setLabel("the weight each query gives each key")
    keep_name_along(axis)
    measured = count_calls(monkeypatch, readable, "shortest_length")
    length = readable.side_name_length(axis)
    assert readable.side_name_length(axis) == length and len(measured) == 1
    axis.setLabel("the weight each query gives each key, summed over every head")
    assert readable.side_name_length(axis) > length and len(measured) == 2
    font = axis.label.font()
    font.setPointSizeF(2 * font.pointSizeF())
    axis.label.setFont(font)
    assert len(measured) == 2 and readable.side_name_length(axis) > length and len(measured) == 3


def test_an_axis_that_shows_no_names_is_not_measured_at_a_new_range(qtbot, monkeypatch):
    """The inner panels of a grid of heads show no tick names: a new range placed their ticks for nothing."""
    plot = pg.PlotItem(axisItems=axes.grid_axes(("left", "bottom")))
    scene = QGraphicsScene()
    scene.addItem(plot)
    plot.resize(300, 300)
    left = plot.getAxis("left")
    measured = count_calls(monkeypatch, axes.GridAxis, "_specs")
    plot.setYRange(0, 10, padding=0)
    assert len(measured) == 1  # (names shown: measured at the change, see GridAxis.setRange)
    left.setStyle(showValues=False)
    measured.clear()
    plot.setYRange(0, 1000, padding=0)
    assert measured == []


def test_a_drawing_that_leaves_a_layout_waiting_reads_the_plots_room_inputs_once(qtbot, qapp, monkeypatch):
    """After a drawing, the plots' room is asked again unless nothing it reads changed: with the plots' layout left
    waiting (a size hint changed), it is asked again whatever the inputs say, so they are read once, after (they were
    read before as well, to be compared for nothing)."""
    scene = Scene(method="alibi", view="bias", head="all", params={"heads": 4, "seq_len": 16}).validated(applies())
    view = shown_view(qtbot, BiasView, scene, 1280, 630, 13.0)
    qapp.processEvents()
    view.graphics.ci.layout.invalidate()  # a layout left waiting
    read = count_calls(monkeypatch, view, "readable_inputs")
    view.keep_plots_readable_after_drawing()
    assert len(read) == 1
    qapp.processEvents()
    read.clear()
    view.keep_plots_readable_after_drawing()  # laid out: the inputs compared, nothing to do
    assert len(read) == 1


def test_moves_that_leave_the_rows_and_the_bar_where_they_were_do_not_level_the_bar_again(qtbot, qapp, monkeypatch):
    """The colour bar is levelled with the rows at every move of every panel, plot area and the bar itself (2N + 1
    signals a layout pass): only a move that changes the rows' box, the bar's frame or its levels levels it again."""
    scene = Scene(method="alibi", view="bias", head="all", params={"heads": 4, "seq_len": 16}).validated(applies())
    view = shown_view(qtbot, BiasView, scene, 1280, 630, 13.0)
    qapp.processEvents()
    grid = view.grid
    levelled = count_calls(monkeypatch, colour_bar, "_take_up_difference")
    named = count_calls(monkeypatch, style, "name_fewer_ticks")
    for plot in grid.plots:  # moved, as a layout pass tells, to where they stand
        plot.geometryChanged.emit()
        plot.vb.geometryChanged.emit()
    grid.bar.geometryChanged.emit()
    assert levelled == [] and named == []
    view.resize(1000, 630)  # the rows moved: levelled again, the bar's colours as tall as the rows
    qapp.processEvents()
    assert levelled and named
    first, last = (image for _plot, image in (grid.pool[0], grid.pool[grid.count - 1]))
    rows = colour_bar.explained_box([first, last])  # the images, as far as their plot areas show them
    colours = grid.bar.vb.sceneBoundingRect()
    assert abs(colours.height() - rows.height()) <= 2


def test_a_clocks_drawing_lays_the_captions_out_once_not_once_a_dial(qtbot, qapp, monkeypatch):
    """Every dial's caption fit asks for the tallest caption of the drawing: all the captions were laid out again for
    each dial (eight dials, 64 layouts a drawing). Laid out once for the same captions, width and type; a new position
    (new captions) lays them out anew, and the dials' ranges still open for the tallest."""
    scene = Scene(view="clocks", position=5, params={"d_model": 16}).validated(applies())
    view = shown_view(qtbot, ClocksLesson, scene, 1280, 630, 13.0)
    qapp.processEvents()
    copied = count_calls(monkeypatch, clock_dials, "document_copy")
    ranges = [plot.vb.viewRange()[1] for plot, *_items in view.dials]
    view.captions.fitted.clear()  # every dial fitted again
    for plot, _hand, _tip, caption in view.dials:
        view.captions.fit(plot, caption, view.dial_plots(), view.points)
    assert len(copied) <= 1
    assert [plot.vb.viewRange()[1] for plot, *_items in view.dials] == ranges
    view.model.update(position=6000)  # more turns: new captions, laid out again
    qapp.processEvents()
    assert 1 <= len(copied) <= 3


def test_a_room_the_heads_were_fitted_to_before_tries_no_column_counts_again(qtbot, qapp, monkeypatch):
    """The attention view's one head and all heads take turns in a soak, each turn a new room for the grid: the columns
    chosen for a room are remembered (each choice tried every column count, each laying out the titles at trial
    widths), as are the titles' copies and their heights, and the grid stands as it stood for that room."""
    scene = Scene(method="alibi", view="attention", head="all", params={"heads": 4, "seq_len": 8}).validated(applies())
    view = shown_view(qtbot, AttentionView, scene, 1280, 630, 13.0)
    qapp.processEvents()
    columns = columns_of(view)
    view.model.update(head=0)
    qapp.processEvents()
    assert len(view.plots) == 1
    chosen = count_calls(monkeypatch, grid_fit, "best_columns")
    wrapped = count_calls(monkeypatch, grid_fit.QTextDocument, "setTextWidth")
    view.model.update(head="all")
    qapp.processEvents()
    assert chosen == [] and wrapped == []
    assert len(view.plots) == 4 and columns_of(view) == columns


def test_a_refit_measures_the_smallest_panel_once_and_each_titles_height_once_per_width(qtbot, qapp, monkeypatch):
    """Every trial arrangement of a refit asked the smallest readable panel several times, and wrapped the titles at
    widths other fits had wrapped them at already."""
    scene = Scene(method="alibi", view="attention", head="all", params={"heads": 4, "seq_len": 8},
                  options={"own_scales": True}).validated(applies())
    view = shown_view(qtbot, AttentionView, scene, 1280, 630, 13.0)
    qapp.processEvents()
    grid = view.grid
    columns = grid.columns
    readable_width = count_calls(monkeypatch, view, "readable_cells_width")
    grid._filled, grid._chosen = None, {}  # refitted for the same room, every column count tried
    grid.fill_room()
    assert grid.columns == columns and len(readable_width) == 1
    grid._documents = {}  # the titles' heights at trial widths forgotten
    wrapped = count_calls(monkeypatch, grid_fit.QTextDocument, "setTextWidth")
    areas = [grid.panel_area(count) for count in range(1, grid.count + 1)]
    assert any(width > 0 for _document, width in wrapped)  # each head's title with its range wraps in four columns
    wrapped.clear()
    assert [grid.panel_area(count) for count in range(1, grid.count + 1)] == areas and wrapped == []
