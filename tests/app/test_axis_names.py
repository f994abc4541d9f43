"""An axis's name never meets its own tick names, at any text size: pyqtgraph finds the room its tick names need
only while painting them, so a plot laid out after a change of range or font drew the names in the old room."""

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from posenc_gui.app import axes, layout_check, plot_layout_check, style

LARGE_POINTS = style.BASE_POINTS * style.PRESENTATION_SCALE * 1.6  # presenting at text scale x1.6


def axis_name_problems(widget: pg.GraphicsLayoutWidget) -> list[str]:
    report, boxes = plot_layout_check.check_scene(widget, widget)
    return [problem for problem in report.problems + layout_check.overlaps(boxes) if "axis name" in problem]


@pytest.mark.parametrize("side, wide_range", [("left", (0, 123456)), ("bottom", (0, 300))])
def test_axis_name_clears_its_tick_names_at_large_text(qtbot, side, wide_range):
    widget = pg.GraphicsLayoutWidget()
    qtbot.addWidget(widget)
    plot = widget.addPlot(axisItems=axes.grid_axes())
    theme = style.theme_named("light")
    style.label(plot, "left", "position p", theme, LARGE_POINTS)
    style.label(plot, "bottom", "dimension", theme, LARGE_POINTS)
    widget.resize(700, 500)
    widget.show()
    QApplication.processEvents()
    style.style_plot(plot, theme, LARGE_POINTS)  # the text grows, and the range widens the tick names
    if side == "left":
        plot.setYRange(*wide_range, padding=0)
    else:
        plot.setXRange(*wide_range, padding=0)
    for _ in range(3):  # laid out as Qt does before the next paint, but not painted
        QApplication.sendPostedEvents(None, QEvent.LayoutRequest)
    assert axis_name_problems(widget) == []


def test_top_tick_names_set_before_the_plot_is_shown_clear_the_axis_name(qtbot):
    """The real model view names its overview's heads on a plot not yet in sight: its top axis took the names'
    room only when it first painted them, under 'head'."""
    theme = style.theme_named("dark")
    plot = pg.PlotItem(axisItems=axes.grid_axes(("left", "top")))
    style.style_plot(plot, theme, LARGE_POINTS)
    plot.getAxis("top").setTicks([[(index + 0.5, str(index)) for index in range(8)]])
    style.label(plot, "top", "head", theme, LARGE_POINTS)
    plot.setRange(xRange=(0, 8), yRange=(0, 8), padding=0)
    widget = pg.GraphicsLayoutWidget()
    qtbot.addWidget(widget)
    widget.addItem(plot)
    widget.resize(900, 500)
    widget.show()
    for _ in range(3):
        QApplication.sendPostedEvents(None, QEvent.LayoutRequest)
    assert axis_name_problems(widget) == []


def named_columns(qtbot, sentence: str, lines: int, width: int):
    """A shown plot whose top axis names the words of ``sentence``, one a cell, staggered on up to ``lines`` lines,
    measured as a paint measures them: (widget, plot, axis), the widget kept by the caller."""
    widget = pg.GraphicsLayoutWidget()
    qtbot.addWidget(widget)
    plot = widget.addPlot(axisItems=axes.grid_axes(("left", "top")))
    style.style_plot(plot, style.theme_named("light"), style.BASE_POINTS)
    axes.cell_ticks(plot)
    axis = plot.getAxis("top")
    axis.name_lines = lines
    plot.showAxis("top")
    words = sentence.split()
    axis.setTicks([list(enumerate(words))])
    plot.setXRange(-0.5, len(words) - 0.5, padding=0)
    widget.resize(width, 300)
    widget.show()
    qtbot.waitExposed(widget)
    QApplication.processEvents()
    axes.measure_names(axis)
    return widget, plot, axis


def test_column_names_are_staggered_for_a_new_range_before_it_is_painted(qtbot):
    """Deck scene 28 after scene 25, at a desk at 1280 x 720 x1.6 in Chinese: CoPE's position part stood 37 px (a line
    of names) below its two neighbours in the picture drawn. Its column names, staggered on two lines for the range its
    plot had before its square cells narrowed the matrix, were measured for the new range only when painted, and the
    layout caught up a picture later. A new range measures them at once, as a new width does."""
    _widget, plot, axis = named_columns(qtbot, "the cat chases the mouse", 2, 500)
    spread = axis._stagger  # five names over the width
    plot.setXRange(-0.5, 24.5, padding=0)  # over a fifth of it
    stagger = axis._stagger
    axes.measure_names(axis)  # as a paint measures them
    assert stagger == axis._stagger != spread


def test_names_let_onto_more_lines_are_measured_on_them_at_once(qtbot):
    """The real model's explore step after deck scene 44 at a desk at 1280 x 720 x1.3: its panels' column names, let
    back onto two lines after one (``set_name_lines``), were measured for them only when painted, and the second line
    stood over the axis's name 'key' in the picture drawn. Let onto more lines, they are measured at once."""
    from posenc_gui.app.views.matrix_panels import set_name_lines

    _widget, _plot, axis = named_columns(qtbot, "the cat chases the mouse around the garden", 1, 260)
    assert axis._stagger == 0  # on one line: thinned
    set_name_lines(axis, 2)
    stagger = axis._stagger
    axes.measure_names(axis)  # as a paint measures them
    assert stagger == axis._stagger > 0
