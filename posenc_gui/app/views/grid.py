"""Small multiples: equal image panels in a grid sharing one colour bar (how they fit the room: ``grid_fit``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QCheckBox
from superqt.utils import signals_blocked

from ..state import Scene
from .. import axes, i18n, style
from . import colour_bar
from .axis_name import keep_name_along
from .cell_numbers import CellTexts
from .grid_fit import GridFitting
from .images import ImageItem, colour_bar_ahead, count_cells, float32_pixels
from .matrix_panels import set_name_lines
from .placement import grid_columns, hug_cells, place, unplace

if TYPE_CHECKING:
    from .base import View


class OverhangingTitle(pg.LabelItem):
    """A panel's title that may reach ``overhang`` px past each side of its box, over half the gap to the next panel
    (``GridFitting.title_overhang``), without widening its panel: a title held to its matrix's width wrapped "column
    part: dx" onto three lines presenting at 1280 x 800 x1.6, each line taken from the matrices (129 px of 450)."""

    overhang = 0.0

    def updateMin(self) -> None:
        """pyqtgraph's, less the overhang on each side (set once: its minimum set twice, the layout was invalidated at
        every resize of the title)."""
        bounds = self.itemRect()
        width, height = max(bounds.width() - 2 * self.overhang, 0.0), bounds.height()
        self.setMinimumWidth(width)
        self.setMinimumHeight(height)
        self._sizeHint = {Qt.SizeHint.MinimumSize: (width, height), Qt.SizeHint.PreferredSize: (width, height),
                          Qt.SizeHint.MaximumSize: (-1, -1), Qt.SizeHint.MinimumDescent: (0, 0)}
        self.updateGeometry()


class ColumnTitle(OverhangingTitle):
    """A panel's title that may reach ``left`` px past its box on the left and ``right`` px on the right (over the rows'
    names and the colour bar beside a matrix, both empty at its height), centred over all of it."""

    left = right = 0.0

    def updateMin(self) -> None:
        self.overhang = (self.left + self.right) / 2
        super().updateMin()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.item.moveBy((self.right - self.left) / 2, 0)


def overhanging_title(plot: pg.PlotItem, kind: type = OverhangingTitle) -> None:
    """Give ``plot`` an ``OverhangingTitle`` (or another ``kind`` of it) in place of pyqtgraph's."""
    old = plot.titleLabel
    plot.layout.removeItem(old)
    old.setParentItem(None)
    plot.titleLabel = kind("", size="11pt", parent=plot)
    plot.layout.addItem(plot.titleLabel, 0, 1)
    plot.setTitle(None)  # hidden until titled, as pyqtgraph's


class ImageGrid(GridFitting):
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
        self._documents: dict[tuple, tuple] = {}  # titles' texts to wrap on trial, their heights (``_titles_to_wrap``)
        self._chosen: dict[tuple, int] = {}  # the columns chosen for the last few rooms (``_best_columns``)
        self._filled: tuple | None = None  # what ``fill_room`` last arranged the panels for
        self._fitting: dict | None = None  # within ``fill_room``: the room and each arrangement's layout, once each
        self._fills_within = 0  # ``fill_room`` calls under way (one within another when a panel it resized asks)
        self.titles: list[str] = []
        self.texts: dict[pg.PlotItem, CellTexts] = {}
        # columns chosen for the room (``fill_room``), keeping content / position pairs side by side
        self.fills = self.pairs = False
        self._drawing = False  # ``showing`` is drawing the panels
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
                    self._name_axis(plot, side, name)
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
        self._drawing = True
        if self.bar is None:
            self.bar = pg.ColorBarItem(values=(0, 1), colorMap=cmap, interactive=False, width=18)
            colour_bar.level_bar(self.bar, self._explained)
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
        # names over the columns of small multiples in rows on one line, thinned (hovering names a cell): staggered, the
        # first row's further lines made its panels a line shorter than the others'. Those drawn in a row on two: on
        # one, CoPE's head and its two parts named two of five tokens presenting at 1280 x 720 x1.3; on three (a lone
        # matrix's), their cells grew too small for their numbers. Decided here, not by the arrangement that fills the
        # room: the names' lines changed the room, which changed the arrangement, and back
        name_lines = axes.NAME_LINES if len(panels) == 1 else 2 if grid_columns(len(panels), pairs) == len(panels) else 1
        for index, ((plot, image), cells) in enumerate(zip(shown, pixels)):
            plot.vb.small_multiple = self.fills and len(panels) > 1  # kept readable as such (``smallest_plot_height``)
            set_name_lines(plot.getAxis("top"), name_lines)
            if plot.vb.state["aspectLocked"] != (1.0 if square else False):
                plot.setAspectLocked(square)
            hug_cells(plot, *(shape if square else (0, 0)))
            image.setImage(cells, levels=levels if panel_levels is None else panel_levels[index])
            with axes.measured_once():  # a new range and new names: the axes measured for both at once
                if arranged or (shape, pixel_shape) != (self.shape, self.pixel_shape):  # the rect scales the pixels
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
            axes.measure_names(self.bar.getAxis("right"))
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
        self._drawing = False
        # first: its name, wrapped to the bar's length, widens it, and the panels fill what is left
        colour_bar.keep_level(self.bar)
        self.fill_room()

    def build_ahead(self, count: int) -> bool:
        """Build one more panel for the pool while it holds fewer than ``count`` (the view calls it while
        the window is idle: a scene with more panels than shown so far then only places them); True
        when it built one. The colour bar comes first: making it costs as much as a panel."""
        if self.bar is None and count:
            self.bar = colour_bar_ahead()
            colour_bar.level_bar(self.bar, self._explained)
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
            if plot.getAxis("left").labelText:  # the name in its new size wrapped anew
                keep_name_along(plot.getAxis("left"))
        axis = self.bar.getAxis("right")
        axis.setPen(pg.mkPen(theme.foreground))
        axis.setTextPen(pg.mkPen(theme.foreground))
        font = self.view.font()
        font.setPointSizeF(points * 0.85)
        axis.setStyle(tickFont=font)
        if self.bar_label:
            style.bar_label(self.bar, self.bar_label, theme, points)
            keep_name_along(self.bar.getAxis("right"))
        style.fit_bar_axis(self.bar)
        self.look = (theme, points)
        self.titles = []  # the titles (re-set by style_plot) are fitted again to the new text size

    def _new_panel(self) -> tuple[pg.PlotItem, pg.ImageItem]:
        view = self.view
        # no menu built (a third of a plot's making)
        plot = pg.PlotItem(viewBox=pg.ViewBox(enableMenu=False), axisItems=axes.grid_axes(("left", "top")))
        plot.setMenuEnabled(False)
        plot.hideButtons()
        overhanging_title(plot)
        image = ImageItem(axisOrder="row-major")
        image.setAutoDownsample(True)
        if self.cmap is not None:
            image.setColorMap(self.cmap)
        plot.addItem(image)
        style.edge_matrix(plot)
        # the title as wide as its text: a panel of four in a row presenting at 1280 x 720 x1.6 is as wide as
        # "content ·" and no wider, and the text's margins held it to two columns
        plot.titleLabel.item.document().setDocumentMargin(0)
        # the first row's panels carry the names: measured anew on fewer lines (a lone head's, thinned), they leave the
        # panels taller than fitted for; on more (a row's, staggered), shorter (the third of three stood a line short)
        plot.vb.sigResized.connect(self._refill)
        colour_bar.follow(self.bar, (plot, plot.vb))  # the plot area moves with its plot, and in it (a taller title)
        plot.invertY(True)
        plot.setMouseEnabled(False, False)
        plot.showAxis("top")
        plot.hideAxis("bottom")
        plot.getAxis("top").setStyle(hideOverlappingLabels=False)  # the last name may reach into the gutter
        axes.cell_ticks(plot)
        style.label(plot, "top", self.column_label, view.theme, view.points)
        style.style_plot(plot, view.theme, view.points)
        return plot, image

    def _explained(self) -> list[pg.ImageItem]:
        """What the bar's colours are as tall as: the panels' images, from the first row's top to the last row's
        bottom, as far as their plot areas show them (square cells may leave part of a plot area empty: levelled with
        the plot areas, the bar of eight heads stood 7 px above their images when their range came later)."""
        return [self.pool[0][1], self.pool[self.count - 1][1]] if self.count else []

    def _refill(self, _view_box=None) -> None:
        """``fill_room`` again when a panel was resized by the layout, not while the panels are being drawn
        (``showing`` fills the room when it has drawn them)."""
        if not self._drawing:
            self.fill_room()

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
                self._name_axis(plot, side, name)
            elif not shown and axis.labelText:
                axis.setLabel("")

    def _name_axis(self, plot: pg.PlotItem, side: str, name: str) -> None:
        """Name a panel's axis in the view's look, the name kept along the axis (the rows' name on two lines beside a
        short panel), a top axis's tick names given room under it as a restyle gives them."""
        view = self.view
        style.label(plot, side, name, view.theme, view.points)
        if side == "top":
            style.room_under_top_name(plot.getAxis(side), style.tick_font(view.points))
        keep_name_along(plot.getAxis(side))


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
