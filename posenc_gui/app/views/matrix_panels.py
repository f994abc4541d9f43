"""Matrices of tokens drawn cell by cell, rows downwards, with token names on both axes, and how many of them fit
side by side (the real model view and the real-position lesson draw them)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from .. import axes, style
from .images import ImageItem, float32_pixels, frame_cells
from .readable import MIN_PLOT, unbreakable_width


def panel_columns(width: float, panels, spare: float = MIN_PLOT[0], spacing: float = 0.0) -> int:
    """How many (plot, colour bar) pairs fit side by side in ``width`` pixels with a plot area ``spare`` px wider than
    the smallest readable (``MIN_PLOT``; twice it unless told), ``spacing`` between every two items: a matrix of tokens
    needs room for its cells. ``width`` is the page's less its layout's margins, not the plots': placed too wide, they
    widen the plots' widget past the page, and would seem to fit (uncounted, the spacing put three 21 px past a 1024 px
    page presenting at x1.3 in Chinese). A title counts as wide as the plot area: it wraps to its column (fitted to one
    column, the titles held the three panels of a real model to one column presenting at 1280 x 720 x1.3, the page
    1,670 px taller than the screen)."""
    def needed(plot: pg.PlotItem, bar) -> float:
        area = plot.vb.effectiveSizeHint(Qt.MinimumSize).width()
        title = plot.titleLabel.effectiveSizeHint(Qt.MinimumSize).width()
        return plot.effectiveSizeHint(Qt.MinimumSize).width() - max(area, title) + area \
            + bar.effectiveSizeHint(Qt.PreferredSize).width()

    def fitting(each: float) -> int:  # n panels take n * each and 2n - 1 spacings
        return int((width + spacing) // max(each + spare + 2 * spacing, 1.0))

    count = fitting(max((needed(plot, bar) for plot, bar in panels), default=1.0))
    if count >= len(panels):
        return count
    # below the first row a title is held to its matrix (``ColumnTitle`` reaches over its neighbours in the first only),
    # at least as wide as its longest word ('difference' ran three columns 190 px past a page at 1024 x 768 x1.6)
    held = max((needed(plot, bar) - plot.vb.effectiveSizeHint(Qt.MinimumSize).width()
                + max(plot.vb.effectiveSizeHint(Qt.MinimumSize).width(), unbreakable_width(plot))
                for plot, bar in panels), default=1.0)
    return min(count, fitting(held))


def set_name_lines(axis: pg.AxisItem, lines: int) -> None:
    """Let ``axis`` stagger its names on up to ``lines`` lines, measured anew: the room its names took on more lines
    stays until the names change, and a lone head's three lines, kept over a row of heads on one, put that head's
    matrix three lines below its neighbours'."""
    if axis.name_lines != lines:
        axis.name_lines = lines
        axis._set_stagger(0.0)
        if axis.scene() is not None and axis.isVisible():
            axes.measure_names(axis)


CORNER_GAP = "\u00a0\u00a0"  # between the name in the corner and the first column's name: apart, as words are


def name_columns_in_corner(plot: pg.PlotItem, name: str, theme: style.Theme, points: float) -> bool:
    """Write the name of a lone matrix's columns in the corner left of their names, above the rows' names, instead of on
    a line of its own above them (the corner was empty, and the line came off the matrix's height: a lone head at
    1280 x 720 presenting in large type was 246 px of a 564 px room); True when it is there. A corner narrower than the
    name (rows of short names) leaves it above the names: wider, it widened the rows' names' column, which the grid's
    room does not count. An empty ``name`` takes the corner's name away (a grid of heads names the columns over its
    first row, ``ImageGrid``)."""
    corner = getattr(plot, "corner_name", None)
    if corner is None:
        corner = plot.corner_name = pg.LabelItem(justify="right")
        corner.setVisible(False)
    if name:
        corner.setText(name + CORNER_GAP, size=f"{points:.0f}pt", color=theme.foreground)
    top = plot.getAxis("top")
    if not name or corner.itemRect().width() > plot.getAxis("left").maximumWidth():
        if corner.isVisible():
            plot.layout.removeItem(corner)
            corner.setVisible(False)
        if name and not top.labelText:
            style.label(plot, "top", name, theme, points)
        return False
    if not corner.isVisible():
        plot.layout.addItem(corner, 1, 0)
        plot.layout.setAlignment(corner, Qt.AlignRight | Qt.AlignBottom)
        corner.setVisible(True)
    corner.setMaximumHeight(corner.itemRect().height())  # a line, at the foot of the corner: beside the names nearest
    corner.setMaximumWidth(corner.itemRect().width())  # the cells, on the right: read as the row of names' heading
    if top.labelText:
        top.setLabel("")
    return True


def matrix_panel(theme: style.Theme, points: float, sides: tuple[str, ...],
                 cmap: pg.ColorMap, tokens: bool = False) -> tuple[pg.PlotItem, ImageItem]:
    """A matrix panel, rows downwards, with axes on ``sides``, coloured with ``cmap`` (the real-model lesson draws the
    same); ``tokens``: its axes name the tokens of a model's text (``axes.GridAxis.names_tokens``)."""
    plot = pg.PlotItem(viewBox=pg.ViewBox(enableMenu=False), axisItems=axes.grid_axes(sides))
    plot.setMenuEnabled(False)
    plot.hideButtons()
    plot.setMouseEnabled(False, False)
    plot.invertY(True)
    plot.hideAxis("bottom")
    for side in ("left", "top"):
        plot.showAxis(side, side in sides)
    plot.getAxis("top").setStyle(hideOverlappingLabels=False)
    axes.cell_ticks(plot)
    for side in sides:
        plot.getAxis(side).names_tokens = tokens
    image = ImageItem(axisOrder="row-major")
    image.setAutoDownsample(True)
    image.setColorMap(cmap)
    plot.addItem(image)
    style.style_plot(plot, theme, points)
    return plot, image


def draw_matrix(plot: pg.PlotItem, image: ImageItem, title: str, matrix: np.ndarray, levels, ticks,
                theme: style.Theme, points: float) -> None:
    """Show ``matrix`` cell by cell in a ``matrix_panel``, with tick names (or None) on both axes."""
    rows, cols = matrix.shape
    image.setImage(float32_pixels(matrix), levels=levels)
    image.setRect(-0.5, -0.5, cols, rows)  # after setImage: the rect scales the image's pixels
    frame_cells(plot, rows, cols)
    for side in ("left", "top"):
        plot.getAxis(side).setTicks(ticks)
    if plot.titleLabel.text != title:
        style.title(plot, title, theme, points)
