"""Placing items in a pyqtgraph layout, and the sizes that keep panels of square cells readable: where an item
goes (``place`` / ``unplace``), how wide a plot of cells may grow (``hug_cells``), how many columns a grid takes."""

from __future__ import annotations

import math
from typing import Callable

import pyqtgraph as pg
from PySide6.QtCore import Qt

from .. import compat


def place(graphics: pg.GraphicsLayoutWidget, item: pg.GraphicsWidget, row: int, col: int,
          rowspan: int = 1, colspan: int = 1) -> None:
    """Put ``item`` in a cell of the layout, or move it there from another, and show it. The item becomes a child of
    the layout's item, which owns it from then on, and is in pyqtgraph's records as if its addItem had placed it (so
    its removeItem and clear() work on the item)."""
    unplace(graphics, item, hide=False)
    compat.enter_layout(graphics.ci, item, row, col, rowspan, colspan)
    item.setVisible(True)


def unplace(graphics: pg.GraphicsLayoutWidget, item: pg.GraphicsWidget, hide: bool = True) -> None:
    """Take ``item`` out of its cells (see ``place``); it stays in the scene, hidden unless ``hide`` is False. Not
    pyqtgraph's removeItem: that takes the item out of the scene and hands it back to Python, and a PlotItem that
    Python freed while Qt still held it crashed a later layout pass."""
    compat.leave_layout(graphics.ci, item)
    item.setVisible(not hide)


def best_columns(count: int, area: Callable[[int], tuple[float, float]], cells: tuple[int, int] | None,
                 smallest: tuple[float, float], pairs: bool = False,
                 area_in_sight: Callable[[int], float] | None = None) -> int:
    """The number of columns for ``count`` panels whose plot areas are ``area(columns)`` (width, height) each: of the
    arrangements whose areas are all at least ``smallest`` (width, height), the one that shows the largest matrix
    (``cells``, rows x columns of square cells, as large as both sides allow; None: a plot that fills its area, as
    large as its smaller side), the fewest columns among equals. When none fits, the page scrolls: of the panels
    still ``smallest`` wide, those that put the most plot area in sight (``area_in_sight(columns)``, when given), in
    the fewest rows, in the fewest columns that give them. ``pairs`` stay side by side in a row."""
    choices = [columns for columns in range(1, count + 1) if columns == 1 or not pairs or columns % 2 == 0]
    areas = {columns: area(columns) for columns in choices}

    def size(columns: int) -> float:
        width, height = areas[columns]
        return min(width / cells[1], height / cells[0]) if cells else min(width, height)

    in_sight = [columns for columns in choices if areas[columns][0] >= smallest[0] and areas[columns][1] >= smallest[1]]
    if in_sight:
        return max(in_sight, key=lambda columns: (size(columns), -columns))
    wide = [columns for columns in choices if areas[columns][0] >= smallest[0]] or [1]
    if area_in_sight is not None:
        seen = {columns: area_in_sight(columns) for columns in wide}
        wide = [columns for columns in wide if seen[columns] >= max(seen.values()) - 1]
    fewest_rows = min(-(-count // columns) for columns in wide)
    return min(columns for columns in wide if -(-count // columns) == fewest_rows)


def grid_columns(panels: int, pairs: bool = False) -> int:
    """Columns of a small-multiples grid: about square; content/position pairs stay side by side."""
    if panels <= 3:
        return panels
    columns = math.ceil(math.sqrt(panels))
    if pairs and columns % 2:
        columns += 1
    return columns


QWIDGETSIZE_MAX = float((1 << 24) - 1)  # Qt's "no maximum"


def hug_cells(plot: pg.PlotItem, rows: int, cols: int) -> None:
    """Keep a plot of square cells (``rows`` x ``cols``, aspect locked) no wider than its cells at its height, or
    let it fill its room again with ``rows`` 0 (up to its grid's cap, ``ImageGrid._cap_panels``): pyqtgraph widens the
    view range of a locked plot to its area, and the row names and the title stood far from a small matrix in the
    middle of a wide plot."""
    vb = plot.vb
    if not hasattr(vb, "cells_shape"):
        vb.sigResized.connect(lambda _vb: fit_width_to_cells(plot))
    vb.cells_shape = (rows, cols)
    fit_width_to_cells(plot)


def fit_width_to_cells(plot: pg.PlotItem) -> None:
    """The width ``hug_cells`` keeps: the cells' at the plot area's height, the axes beside them, and no less than
    the plot's own layout needs (the plot's minimum is capped by the maximum set here, so its layout is asked)."""
    rows, cols = plot.vb.cells_shape
    cap = getattr(plot.vb, "width_cap", QWIDGETSIZE_MAX)  # a grid's equal share (``ImageGrid._cap_panels``)
    wanted = QWIDGETSIZE_MAX
    if (rows and plot.vb.height() > 0) or cap < QWIDGETSIZE_MAX:
        beside = sum(plot.getAxis(side).maximumWidth() for side in ("left", "right") if plot.getAxis(side).isVisible())
        left, _top, right, _bottom = plot.layout.getContentsMargins()
        cells = plot.vb.height() * cols / rows if rows and plot.vb.height() > 0 else QWIDGETSIZE_MAX
        wanted = max(min(cells, cap) + beside + left + right, plot.layout.effectiveSizeHint(Qt.MinimumSize).width())
    if abs(plot.maximumWidth() - wanted) > 0.01:  # a pixel's tolerance kept what an earlier size left
        plot.setMaximumWidth(wanted)
