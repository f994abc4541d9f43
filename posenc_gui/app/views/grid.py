"""Small multiples: equal image panels in a grid sharing one colour bar, and the layout moves that arrange them."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF, QTextDocument
from PySide6.QtWidgets import QCheckBox
from superqt.utils import signals_blocked

from ..state import Scene
from .. import compat, i18n, style
from .cell_numbers import CellTexts
from .images import ImageItem, colour_bar_ahead, count_cells, float32_pixels
from .matrix_panels import set_name_lines

if TYPE_CHECKING:
    from .base import View


def place(graphics: pg.GraphicsLayoutWidget, item: pg.GraphicsWidget, row: int, col: int,
          rowspan: int = 1) -> None:
    """Put ``item`` in a cell of the layout, or move it there from another, and show it. The item becomes a child of
    the layout's item, which owns it from then on, and is in pyqtgraph's records as if its addItem had placed it (so
    its removeItem and clear() work on the item)."""
    unplace(graphics, item, hide=False)
    compat.enter_layout(graphics.ci, item, row, col, rowspan)
    item.setVisible(True)


def unplace(graphics: pg.GraphicsLayoutWidget, item: pg.GraphicsWidget, hide: bool = True) -> None:
    """Take ``item`` out of its cells (see ``place``); it stays in the scene, hidden unless ``hide`` is False. Not
    pyqtgraph's removeItem: that takes the item out of the scene and hands it back to Python, and a PlotItem that
    Python freed while Qt still held it crashed a later layout pass."""
    compat.leave_layout(graphics.ci, item)
    item.setVisible(not hide)


class ImageGrid:
    """Equal image panels in a grid of ``view.graphics`` (row 0 at the top, column labels on top, as in a
    matrix) and one colour bar on the right, shared by all. The plots, images and bar are built once and
    kept: a new matrix shape, titles or tick labels are written into them, a new panel or column count
    moves them in the layout (building a PlotItem costs far more than moving one)
    and a new look restyles them. Panels not shown wait, hidden, for a larger count."""

    def __init__(self, view: View, row_label: str, column_label: str, bar_label: str = ""):
        self.view = view
        self.row_label, self.column_label, self.bar_label = row_label, column_label, bar_label
        self.pool: list[tuple[pg.PlotItem, pg.ImageItem]] = []  # the first ``count`` are shown
        self.count = self.columns = 0
        self.bar: pg.ColorBarItem | None = None
        self.look = None
        self.shape = self.pixel_shape = self.ticks = self.levels = None
        # every panel's image is given the map itself: handing the shown images to the bar (setImageItem) at each new
        # arrangement re-coloured them all, and the bar needs none of them (the levels are set with the pixels)
        self.cmap: pg.ColorMap | None = None
        self.gutter = 0.0  # pixels between columns of panels (``_fit_axes``)
        self._documents: tuple = (None, [])  # the titles' texts to wrap on trial (``_title_documents``)
        self._filled: tuple | None = None  # what ``fill_room`` last arranged the panels for
        self.titles: list[str] = []
        self.texts: dict[pg.PlotItem, CellTexts] = {}
        # columns chosen for the room (``fill_room``), keeping content / position pairs side by side
        self.fills = self.pairs = False
        view.grids.append(self)

    @property
    def plots(self) -> list[pg.PlotItem]:
        return [plot for plot, _ in self.pool[:self.count]]

    def name_axes(self, row_label: str, column_label: str) -> None:
        """Name the axes of every panel: rows (in the first column), columns (on top)."""
        if (row_label, column_label) == (self.row_label, self.column_label):
            return
        self.row_label, self.column_label = row_label, column_label
        for plot, _ in self.pool:
            for side, name in (("left", row_label), ("top", column_label)):
                if plot.getAxis(side).labelText:  # the panels that name this axis (_share_axes)
                    style.label(plot, side, name, self.view.theme, self.view.points)
        self._fit_axes()

    def show(self, panels: list[tuple[str, np.ndarray]], columns: int | None, cmap: pg.ColorMap,
             levels: tuple[float, float], ticks: list | None = None, pixels: tuple | None = None,
             square: bool = False, panel_levels: tuple | None = None, pairs: bool = False) -> None:
        """Draw (title, matrix) panels of equal shape in ``columns`` columns, coloured by ``cmap`` between
        ``levels``; ``columns`` None: as many as make the panels largest in the room the page has (``fill_room``),
        ``pairs`` of panels (content and position parts) side by side. ``ticks`` (pyqtgraph's list of tick levels)
        labels both axes; None numbers them. ``pixels``, one array per panel (a ``Picture``'s), are drawn instead of
        the matrices when given. ``square``: both axes are positions (query and key), so cells are drawn square rather
        than stretched to the panel. ``panel_levels``, one (low, high) per panel, colour each panel over its own range
        instead; the shared colour bar, which no longer holds, is hidden."""
        for _panel in self.showing(panels, columns, cmap, levels, ticks, pixels, square, panel_levels, pairs):
            pass

    def showing(self, panels: list[tuple[str, np.ndarray]], columns: int | None, cmap: pg.ColorMap,
                levels: tuple[float, float], ticks: list | None = None, pixels: tuple | None = None,
                square: bool = False, panel_levels: tuple | None = None, pairs: bool = False):
        """``show``, yielding after each panel drawn and before the panels are moved to fill the room (a generator
        for the window's idle build-ahead: the ranges and names of a grid of eight heads were the longest slice of its
        drawing). Stopped half-way, the next ``show`` draws every panel again."""
        view = self.view
        if self.bar is None:
            self.bar = pg.ColorBarItem(values=(0, 1), colorMap=cmap, interactive=False, width=18)
        restyled = (view.theme, view.points) != self.look
        if restyled:
            self._restyle(view.theme, view.points)
        while len(self.pool) < len(panels):
            self.pool.append(self._new_panel())
        self.fills, self.pairs = columns is None, pairs
        if columns is None:  # first as drawn before (or about square); ``fill_room`` measures and moves them then
            columns = self.columns if self.count == len(panels) else grid_columns(len(panels), pairs)
        arranged = (len(panels), columns) != (self.count, self.columns)
        if arranged:
            self._arrange(len(panels), columns)
        if self.cmap is None or cmap.name != self.cmap.name:
            self.bar.setColorMap(cmap)
            for _, image in self.pool:
                image.setColorMap(cmap)
            self.cmap = cmap
        shown = self.pool[:self.count]
        shape = np.shape(panels[0][1])
        rows, cols = shape
        pixels = pixels or [float32_pixels(matrix) for _, matrix in panels]
        pixel_shape = np.shape(pixels[0])
        for index, ((plot, image), cells) in enumerate(zip(shown, pixels)):
            plot.vb.small_multiple = self.fills and len(panels) > 1  # kept readable as such (``smallest_plot_height``)
            # names over the columns of small multiples on one line, thinned (hovering names a cell): staggered, the
            # first row's further lines made its panels a line shorter than the others'
            set_name_lines(plot.getAxis("top"), 1 if len(panels) > 1 else style.NAME_LINES)
            if plot.vb.state["aspectLocked"] != (1.0 if square else False):
                plot.setAspectLocked(square)
            hug_cells(plot, *(shape if square else (0, 0)))
            image.setImage(cells, levels=levels if panel_levels is None else panel_levels[index])
            if arranged or (shape, pixel_shape) != (self.shape, self.pixel_shape):  # the rect scales the pixels set
                image.setRect(-0.5, -0.5, cols, rows)
                plot.setRange(xRange=(-0.5, cols - 0.5), yRange=(-0.5, rows - 0.5), padding=0)
                count_cells(plot, rows, cols)
            if arranged or ticks != self.ticks:
                for side in ("left", "top"):
                    plot.getAxis(side).setTicks(ticks)
            yield
        self.bar.setVisible(panel_levels is None)
        if levels != self.levels:  # unchanged levels leave the bar's axis as drawn
            self.bar.setLevels(levels)
            style.measure_names(self.bar.getAxis("right"))
            self.levels = levels
        refit = restyled or arranged or ticks != self.ticks or (ticks is None and shape != self.shape)
        self.shape, self.pixel_shape, self.ticks = shape, pixel_shape, ticks
        if refit:
            self._fit_axes()
        titles = [title for title, _ in panels]
        if arranged or titles != self.titles:
            for (plot, _), name in zip(shown, titles):
                if plot.titleLabel.text != name:  # a new look re-titles every panel (style_plot)
                    style.title(plot, name, view.theme, view.points)
            self.titles = titles
            view.fit_titles()
        yield
        self.fill_room()

    def fill_room(self) -> bool:
        """Move the panels, when they fill the room (``show`` without columns), into the number of columns that makes
        them largest in the room the page has now (``best_columns``); True when they moved. A grid of heads about
        square left half a wide screen empty and put its last row below the fold."""
        if not (self.fills and self.count):
            return False
        first = self.pool[0][0]
        room = (self.count, self.shape, tuple(self.titles), self.look, self.pairs, self.view.plot_room(),
                self.bar.isVisible() and self.bar.effectiveSizeHint(Qt.PreferredSize).width(), self.gutter,
                first.getAxis("left").maximumWidth(), first.getAxis("top").maximumHeight())
        if room == self._filled:  # arranged for this room already (a redraw of new values)
            return False
        self._filled = room
        smallest = self._smallest_area()
        columns = best_columns(self.count, self.panel_area, self.shape if self._square() else None, smallest,
                               self.pairs)
        moved = columns != self.columns
        if moved:
            self._arrange(self.count, columns)
            self._fit_axes()
            self.view.fit_titles()
        self._cap_panels(*self.panel_area(columns), smallest)
        return moved

    def _cap_panels(self, width: float, height: float, smallest: tuple[float, float]) -> None:
        """Hold every panel's plot area to the same ``width`` x ``height``, its share of the room: the layout gave
        the first column and row, which carry the names, more than the others (panels of one grid unequal by a tenth).
        No cap on the height when the page scrolls: the rows then stand at their smallest, equal, height."""
        in_sight = width >= smallest[0] and height >= smallest[1]
        if not in_sight:  # the page scrolls: the rows stand at their smallest height
            height = max(height, smallest[1])
        if self._square():  # no taller or wider than the matrix, whose names would stand off from it
            rows, cols = self.shape
            width, height = min(width, height * cols / rows), min(height, width * rows / cols)
        # in sight, the titles wrap to the matrix's width (``View.fit_titles``); on a scrolled page, to their column's;
        # wrapped before the heights are capped, which count them
        title_width = width if in_sight and self._square() else None
        if any(getattr(plot.vb, "title_width", None) != title_width for plot, _ in self.pool[:self.count]):
            for plot, _ in self.pool[:self.count]:
                plot.vb.title_width = title_width
            self.view.fit_titles()
        for plot, _ in self.pool[:self.count]:
            plot.vb.width_cap = width
            fit_width_to_cells(plot)
            above = plot.titleLabel.maximumHeight() if plot.titleLabel.text else 0.0
            inner_left, inner_top, inner_right, inner_bottom = plot.layout.getContentsMargins()
            cap = above + plot.getAxis("top").maximumHeight() + inner_top + inner_bottom + height
            plot.setMaximumHeight(cap if in_sight else QWIDGETSIZE_MAX)
        self.view.fit_layout_to_view()

    def panel_area(self, columns: int) -> tuple[float, float]:
        """(width, height) of each panel's plot area with the grid in ``columns`` columns in the room the page has
        without scrolling (``View.plot_room``): what the layout's margins and spacing, the colour bar, the names along
        the first column and the first row (``_share_axes``), and each panel's title (wrapped to its column) leave."""
        room_width, room_height = self.view.plot_room()
        rows = -(-self.count // columns)
        layout = self.view.graphics.ci.layout
        left, top, right, bottom = layout.getContentsMargins()
        across, down = max(layout.horizontalSpacing(), 0.0), max(layout.verticalSpacing(), 0.0)
        beside = self.bar.effectiveSizeHint(Qt.PreferredSize).width() + across if self.bar.isVisible() else 0.0
        plot = self.pool[0][0]  # the first panel, which names both axes
        inner_left, inner_top, inner_right, inner_bottom = plot.layout.getContentsMargins()
        names_width = plot.getAxis("left").maximumWidth()
        names_height = plot.getAxis("top").maximumHeight()
        width = (room_width - left - right - beside - (across + self.gutter) * (columns - 1) - names_width) / columns \
            - inner_left - inner_right
        title_width = width + (names_width if columns == 1 else 0.0) - self.view.points
        title = self._title_height(title_width)
        height = (room_height - top - bottom - down * (rows - 1) - names_height) / rows \
            - title - inner_top - inner_bottom
        if self._square():  # the titles wrap to the matrix's width (``_cap_panels``), on more lines when it is narrower
            cells_rows, cells_cols = self.shape
            for _ in range(2):  # the height the wrapped titles leave, and the width that height gives the matrix
                side = min(width, height * cells_cols / cells_rows)
                wrapped = self._title_height(min(title_width, max(side - self.view.points,
                                                                  self.view.title_wrap_floor())))
                height, title = height + title - wrapped, wrapped
        return width, height

    def _title_height(self, width: float) -> float:
        """The height of the tallest panel title wrapped to ``width`` (as ``View.fit_titles`` wraps them)."""
        tallest = 0.0
        for document, natural_width, natural_height in self._title_documents():
            if natural_width > width:
                document.setTextWidth(max(width, 1.0))
                tallest = max(tallest, document.size().height())
            else:
                tallest = max(tallest, natural_height)
        return tallest

    def _title_documents(self) -> list[tuple[QTextDocument, float, float]]:
        """A copy of each distinct panel title's text (to wrap at trial widths) with its unwrapped width and height;
        kept while the titles and the text size stay (copying them for every trial of every arrangement cost a
        tenth of a second for sixteen heads)."""
        key = (tuple(plot.titleLabel.text for plot, _ in self.pool[:self.count]), self.view.points)
        if self._documents[0] != key:
            documents, seen = [], set()
            for plot, _ in self.pool[:self.count]:
                if plot.titleLabel.text and plot.titleLabel.text not in seen:
                    seen.add(plot.titleLabel.text)
                    document = plot.titleLabel.item.document().clone()
                    document.setTextWidth(-1)
                    documents.append((document, document.idealWidth(), document.size().height()))
            self._documents = (key, documents)
        return self._documents[1]

    def _square(self) -> bool:
        return bool(self.pool[0][0].vb.state["aspectLocked"])

    def _smallest_area(self) -> tuple[float, float]:
        """The smallest readable plot area of a panel: a matrix of square cells at least ``readable_cells_width`` (of
        small multiples, when there are several) on its longer side; another plot area the view's readable width and
        ``MIN_PLOT``'s height; as wide as the titles at their narrowest."""
        view = self.view
        if self._square():
            rows, cols = self.shape
            side = view.readable_cells_width(self.count > 1)
            width, height = side * min(1.0, cols / rows), side * min(1.0, rows / cols)
        else:
            width, height = view.readable_plot_width(), view.smallest_plot_height(self.pool[0][0])
        # and no narrower than the titles above them wrap to (``View.fit_titles``): eight heads' titles with their
        # sinks' shares held four columns wider than the page, and the colour bar went past its edge
        titles = max((natural for _, natural, _ in self._title_documents()), default=0.0)
        return max(width, min(titles, view.title_wrap_floor())), height

    def build_ahead(self, count: int) -> bool:
        """Build one more panel for the pool while it holds fewer than ``count`` (the view calls it while
        the window is idle: a scene with more panels than shown so far then only places them); True
        when it built one. The colour bar comes first: making it costs as much as a panel."""
        if self.bar is None and count:
            self.bar = colour_bar_ahead()
            return True
        if self.look is None and count:  # the bar in the view's look, as the panels are made: ``show`` restyles none
            self._restyle(self.view.theme, self.view.points)
            return True
        if len(self.pool) >= count:
            return False
        self.pool.append(self._new_panel())
        return True

    def write_cells(self, labels: list[list[tuple[int, int, str, str]]], font: QFont) -> None:
        """Write (row, column, text, colour) labels into the cells of the first panels, one list per panel;
        the other panels show none."""
        rows, cols = self.shape
        for index, (plot, _) in enumerate(self.pool):
            texts = self.texts.get(plot)
            if index < len(labels):
                if texts is None:
                    texts = self.texts[plot] = CellTexts([], rows, cols, font)
                    plot.addItem(texts)
                texts.set_labels(labels[index], rows, cols, font)
                texts.setVisible(True)
            elif texts is not None:
                texts.setVisible(False)

    def detach(self) -> None:
        """Hide the panels and the bar and take them out of the layout (kept for the next ``show``)."""
        for plot, _ in self.pool[:self.count]:
            unplace(self.view.graphics, plot)
        if self.count:
            unplace(self.view.graphics, self.bar)
        self.count = self.columns = 0
        self.view.plots = []

    def _restyle(self, theme: style.Theme, points: float) -> None:
        """Pens, fonts and label sizes of every panel and the bar for a new look."""
        for plot, _ in self.pool:
            style.style_plot(plot, theme, points)
        axis = self.bar.getAxis("right")
        axis.setPen(pg.mkPen(theme.foreground))
        axis.setTextPen(pg.mkPen(theme.foreground))
        font = self.view.font()
        font.setPointSizeF(points * 0.85)
        axis.setStyle(tickFont=font)
        if self.bar_label:
            style.bar_label(self.bar, self.bar_label, theme, points)
        style.fit_bar_axis(self.bar)
        self.look = (theme, points)
        self.titles = []  # the titles (re-set by style_plot) are fitted again to the new text size

    def _new_panel(self) -> tuple[pg.PlotItem, pg.ImageItem]:
        view = self.view
        # no menu built (a third of a plot's making)
        plot = pg.PlotItem(viewBox=pg.ViewBox(enableMenu=False), axisItems=style.grid_axes(("left", "top")))
        plot.setMenuEnabled(False)
        plot.hideButtons()
        image = ImageItem(axisOrder="row-major")
        image.setAutoDownsample(True)
        if self.cmap is not None:
            image.setColorMap(self.cmap)
        plot.addItem(image)
        style.edge_matrix(plot)
        plot.invertY(True)
        plot.setMouseEnabled(False, False)
        plot.showAxis("top")
        plot.hideAxis("bottom")
        plot.getAxis("top").setStyle(hideOverlappingLabels=False)  # the last name may reach into the gutter
        style.cell_ticks(plot)
        style.label(plot, "top", self.column_label, view.theme, view.points)
        style.style_plot(plot, view.theme, view.points)
        return plot, image

    def _arrange(self, count: int, columns: int) -> None:
        """Lay out the first ``count`` panels in ``columns`` columns and the bar to their right."""
        for _placed in self._arranging(count, columns):
            pass

    def _arranging(self, count: int, columns: int):
        """``_arrange``, yielding after each panel placed. Stopped half-way, the next ``_arrange`` moves the panels
        placed (``place`` takes an item out of its cell first)."""
        graphics = self.view.graphics
        for plot, _ in self.pool[count:self.count]:
            unplace(graphics, plot)
        kept = [plot for plot, _ in self.pool[:min(count, self.count)]] + ([self.bar] if self.count else [])
        for item in kept:  # out of their cells first, so that no move lands on a cell still taken
            unplace(graphics, item, hide=False)
        for index, (plot, _) in enumerate(self.pool[:count]):
            row, col = divmod(index, columns)
            self._share_axes(plot, row == 0, col == 0)
            place(graphics, plot, row, col)
            yield
        place(graphics, self.bar, 0, columns, rowspan=max(1, -(-count // columns)))
        self.count, self.columns = count, columns
        self.view.plots = self.plots

    def _share_axes(self, plot: pg.PlotItem, first_row: bool, first_column: bool) -> None:
        """Small multiples share their axes, as every panel shows the same rows and columns: the row names and
        the rows' axis title in the first column only, the column names and title in the first row only
        (repeated on every panel, they crowded the inner panels and each cost a text layout per redraw)."""
        for side, shown, name in (("left", first_column, self.row_label), ("top", first_row, self.column_label)):
            axis = plot.getAxis(side)
            if axis.style["showValues"] != shown:
                axis.setStyle(showValues=shown)
            if shown and name and not axis.labelText:
                style.label(plot, side, name, self.view.theme, self.view.points)
            elif not shown and axis.labelText:
                axis.setLabel("")

    def _fit_axes(self) -> None:
        """Size the axes before anything is drawn: the first column's and first row's for their names (the tick
        labels, or the largest row and column numbers); the other panels' take no room (their panels grow by it)
        but a gutter between columns, as wide as half the first and last column names and a margin, so that the
        names atop neighbouring panels stay apart. An axis that found its names wider only while painting grew, and
        the whole view was laid out and painted a second time."""
        if not self.count:
            return
        rows, cols = self.shape
        self.gutter = 0.0
        for side, last, fix in (("top", cols - 1, pg.AxisItem.setHeight), ("left", rows - 1, pg.AxisItem.setWidth)):
            names = [text for _, text in self.ticks[0]] if self.ticks else [str(last)]
            axes = [plot.getAxis(side) for plot, _ in self.pool[:self.count]]
            for axis in axes:
                if axis.style["showValues"]:  # the first row's or column's
                    fix(axis, None)  # sized by its names and title
                    axis.expect_labels(names)
                    if side == "top":  # numbers, centred on the end cells, reach past them by half; token names
                        metrics = QFontMetricsF(axis.style["tickFont"] or QFont())  # stay inside the ends (_within)
                        reach = 0.0 if self.ticks else (metrics.horizontalAdvance(names[0])
                                                        + metrics.horizontalAdvance(names[-1])) / 2
                        self.gutter = reach + self.view.points / (1 if self.ticks else 2)
                else:
                    fix(axis, None if side == "top" else self.gutter)


def best_columns(count: int, area: Callable[[int], tuple[float, float]], cells: tuple[int, int] | None,
                 smallest: tuple[float, float], pairs: bool = False) -> int:
    """The number of columns for ``count`` panels whose plot areas are ``area(columns)`` (width, height) each: of the
    arrangements whose areas are all at least ``smallest`` (width, height), the one that shows the largest matrix
    (``cells``, rows x columns of square cells, as large as both sides allow; None: a plot that fills its area, as
    large as its smaller side), the fewest columns among equals. When none fits, the page scrolls: the fewest rows
    of panels still ``smallest`` wide, in the fewest columns that give them. ``pairs`` stay side by side in a row."""
    choices = [columns for columns in range(1, count + 1) if columns == 1 or not pairs or columns % 2 == 0]
    areas = {columns: area(columns) for columns in choices}

    def size(columns: int) -> float:
        width, height = areas[columns]
        return min(width / cells[1], height / cells[0]) if cells else min(width, height)

    in_sight = [columns for columns in choices if areas[columns][0] >= smallest[0] and areas[columns][1] >= smallest[1]]
    if in_sight:
        return max(in_sight, key=lambda columns: (size(columns), -columns))
    wide = [columns for columns in choices if areas[columns][0] >= smallest[0]] or [1]
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


def own_scales_switch(view: View) -> QCheckBox:
    """The check box that gives each head of a view's small multiples its own colour scale (scene option
    "own_scales"): shown by ``sync_own_scales`` only where there are several heads."""
    switch = QCheckBox(i18n.translate("View", "Each head its own colours"))
    switch.setToolTip(i18n.translate("View", "Colour each head over its own range (its title gives the range), so "
                                     "that a head of small values is not drawn blank; off: one scale for all, to "
                                     "compare heads"))
    switch.toggled.connect(lambda on: view.model.set_option("own_scales", on))
    return switch


def sync_own_scales(switch: QCheckBox, scene: Scene, panels: int) -> None:
    with signals_blocked(switch):
        switch.setChecked(bool(scene.option("own_scales", False)))
    switch.setVisible(panels > 1)


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
    if abs(plot.maximumWidth() - wanted) > 1:
        plot.setMaximumWidth(wanted)
