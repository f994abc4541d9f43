"""What the attention lessons share: matrices drawn as labelled panels (an image, optional numbers in
the cells, row and column names), numbers written as the sources write them. Every number comes from
``core.lessons``; settings (step, chosen cell, p and k...) live in ``scene.options``."""

from __future__ import annotations

from contextlib import contextmanager

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QFontMetricsF
from PySide6.QtWidgets import QGraphicsRectItem, QLabel

from ... import style
from ..cell_numbers import CellTexts, fmt, number_gap, number_in, written
from ..grid import hug_cells
from ..images import cell
from ..readable import MIN_PLOT, side_name_length
from .lesson_view import LessonView


MARK_COLOURS = {"light": "#D55E00", "dark": "#E69F00"}   # Okabe-Ito vermillion / orange
CELL_TINTS = {"light": "#7fb2dc", "dark": "#2f6a9e"}      # the high end of the number tables' fill
MASKED_FILL = {"light": "#b0b0b0", "dark": "#505050"}
MAX_NUMBERED = 160      # cells per panel that still get their number written in
MAX_LINED_COLUMNS = 40  # wider matrices get no lines between their columns
NAMED_ROWS = 12         # a matrix is kept tall enough for this many rows' names, one a line
MATRIX_PADDING = 0.05   # room around a matrix, of its size: the end rows' names in large type reach past their cells


def number_text(value: float, decimals: int = 4) -> str:
    """A whole number as is (2, 16); a short decimal as written (0.5, 1.5); otherwise ``decimals`` places."""
    value = float(value)
    if value.is_integer():
        return str(int(value))
    text = f"{value:.{decimals}f}"
    return text.rstrip("0") if abs(value - round(value, decimals)) < 1e-12 else text


def vector_text(values, decimals: int = 4) -> str:
    return "[" + ", ".join(number_text(v, decimals) for v in np.ravel(values)) + "]"


def channel_labels(count: int) -> list[str]:
    """Column labels of a wide matrix: about eight numbered channels, the rest blank."""
    every = max(1, count // 8)
    return [str(c) if c % every == 0 else "" for c in range(count)]


class MatrixPanel:
    """The items of one matrix panel, kept while the lesson's layout stays, and what they show now: a part
    that did not change is not set again (every set makes pyqtgraph lay out or paint anew)."""

    def __init__(self, plot: pg.PlotItem, image: pg.ImageItem, lines: pg.PlotCurveItem, texts: CellTexts):
        self.plot, self.image, self.lines, self.texts = plot, image, lines, texts
        self.fills: np.ndarray | None = None
        self.labels: tuple[list[str], list[str]] | None = None
        self.square = True  # cells kept square


class MatrixLesson(LessonView):
    """A lesson drawn as labelled matrices: every panel a PlotItem with an image, optional numbers in the
    cells and outlined rows, columns or cells. ``self.panels`` maps each plot to (name, array) for hovering
    and clicking; a ``note`` line under the step buttons says what the current step shows.

    ``show_data`` draws inside ``with self.drawing(layout):``; the plots are built once per layout (and
    look) and later scenes with the same layout only write their numbers, titles and outlines into them."""

    counts_from = 1  # the first row's and column's number where ``matrix`` is given no labels (the source's count)
    # The lesson's plots shrink to the room when, at the sizes that keep every number in its cell, they would not fit
    # the page without scrolling (``keep_plots_readable``): a lecture's audience cannot scroll
    shrinks_to_room = False
    # ... and places them otherwise when short of room (the order lesson's four panels in one row), so that whether they
    # fit is tried on a drawing in the roomy arrangement, whatever arrangement is drawn now
    arranged_by_room = False

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.RichText)
        self.header.layout().addWidget(self.note)
        self.panels: dict[pg.PlotItem, tuple[str, np.ndarray]] = {}
        self.kept: dict[tuple[int, int], MatrixPanel] = {}      # grid (row, col) -> its panel
        self.boxes: dict[pg.PlotItem, list[QGraphicsRectItem]] = {}
        self.boxes_used: dict[pg.PlotItem, int] = {}
        self.layout_key = None
        self.resized = False  # a kept plot's title or tick labels changed size: the grid must share anew
        self.short_of_room = False  # the plots stand at their floor, not at the size that holds their numbers
        self.drawn_short = False  # what ``short_of_room`` was when the plots were last drawn
        self.graphics.scene().sigMouseClicked.connect(self._clicked)

    def set_note(self, text: str) -> None:
        self.set_folding(self.note, text)

    def reset(self) -> None:
        self.clear_plots()
        self.panels, self.kept, self.boxes, self.boxes_used = {}, {}, {}, {}
        self.layout_key = None

    @contextmanager
    def drawing(self, layout):
        """Draw one scene. When ``layout`` (whatever decides which panels there are and where) and the look
        are those of the last scene, the ``matrix`` and ``outline`` calls inside write into the panels
        already there; otherwise the plots are built anew. Yields True when they were. Outlines that were
        not drawn again are hidden at the end, and the grid is laid out anew when a kept plot's title or
        labels changed (left alone it keeps the old shares of the width)."""
        key = (layout, self.theme.name, self.points)
        fresh = key != self.layout_key
        self.drawn_short = self.short_of_room
        if fresh:
            self.reset()
        self.panels = {}
        self.boxes_used = dict.fromkeys(self.boxes, 0)
        self.resized = False
        try:
            yield fresh
        except BaseException:
            self.layout_key = None  # half drawn: build anew next time
            raise
        self.layout_key = key
        if self.resized:
            self.graphics.ci.layout.invalidate()
        for plot, boxes in self.boxes.items():
            for box in boxes[self.boxes_used[plot]:]:
                box.setVisible(False)

    def matrix(self, row: int, col: int, name: str, data: np.ndarray, title: str, texts=None, fills=None,
               signed: bool = False, levels=None, row_labels=None, col_labels=None, rowspan: int = 1,
               colspan: int = 1, text_scale: float = 1.0, square: bool = True) -> pg.PlotItem:
        """Draw a matrix panel at grid (row, col): ``data`` coloured (``fills`` (rows, cols, 3) uint8 RGB
        overrides the colours), ``texts`` (same shape, strings) written in the cells (numbers of ``data``
        when None, none when the panel is too big), labels from ``counts_from`` unless given, cells square unless
        ``square`` is False."""
        data = np.atleast_2d(np.asarray(data, dtype=np.float64))
        rows, cols = data.shape
        if fills is None:
            cmap = self.colour_map(True) if signed else pg.ColorMap(
                [0.0, 1.0], [QColor(self.theme.base), QColor(CELL_TINTS[self.theme.name])])
            if levels is None:
                finite = data[np.isfinite(data)]
                low, high = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
                if signed:
                    extent = max(abs(low), abs(high), 1e-12)
                    low, high = -extent, extent
                levels = (low, high if high > low else low + 1.0)
            scaled = np.clip((np.nan_to_num(data, nan=levels[0]) - levels[0]) / (levels[1] - levels[0]), 0, 1)
            fills = cmap.map(scaled.ravel(), mode="byte")[:, :3].reshape(rows, cols, 3)
        fills = np.ascontiguousarray(fills, dtype=np.uint8)
        panel = self.kept.get((row, col)) or self._new_panel(row, col, rowspan, colspan, square)
        plot = panel.plot
        if panel.fills is None or panel.fills.shape != fills.shape:
            panel.image.setImage(fills, levels=(0, 255))
            panel.image.setRect(-0.5, -0.5, cols, rows)
            panel.lines.setData(*self.cell_lines(rows, cols))
            plot.setRange(xRange=(-0.5, cols - 0.5), yRange=(-0.5, rows - 0.5), padding=MATRIX_PADDING)
        elif not np.array_equal(panel.fills, fills):
            panel.image.setImage(fills, levels=(0, 255))
        panel.fills = fills
        if panel.square:
            hug_cells(plot, rows, cols)
        labels = (list(row_labels or [str(r + self.counts_from) for r in range(rows)]),
                  list(col_labels or [str(c + self.counts_from) for c in range(cols)]))
        if labels != panel.labels:
            self._label_axes(plot, *labels)
            panel.labels = labels
        self.set_title(plot, title)
        if texts is None and rows * cols <= MAX_NUMBERED:
            texts = np.vectorize(number_text)(data)
        colours = None if texts is None else style.text_colours_for(np.asarray(fills)[..., :3] / 255.0)
        cells = [] if texts is None else [
            (r, c, str(texts[r][c]), str(colours[r, c]))
            for r in range(rows) for c in range(cols) if str(texts[r][c])]
        font = self.font()
        font.setPointSizeF(self.points * text_scale)
        if (cells, rows, cols, font) != (panel.texts.labels, panel.texts.rows, panel.texts.cols, panel.texts.font):
            panel.texts.set_labels(cells, rows, cols, font)
        self.panels[plot] = (name, data)
        return plot

    def keep_plots_readable(self) -> None:
        """With ``shrinks_to_room``: first the sizes that hold every number; when the plots so need more height than
        the page has without scrolling (``plot_room``), every plot's smallest size drops to its floor
        (``short_of_room``): ``MIN_PLOT``, or one line a named row; numbers that no longer fit their cells are left
        out (``CellTexts``, the value is on hover), and more plots go side by side (``readable_plot_width``).

        The choice is made from the room and what each arrangement needs, not from the drawing on the page: a lesson
        ``arranged_by_room`` is tried drawn in its roomy arrangement, its rows counted anew (``arrange``). Measured on
        the drawing it had, the order lesson kept the rows the roomy trial's reflow gave its four panels (two of two),
        at the floors of a short page: its matrices ran 112 px below the fold at 1280 x 720 x1.3 presenting after a
        scene that fitted, and fitted after one that did not."""
        if not self.shrinks_to_room or self._reflowing:  # a reflow's drawing keeps the choice being made
            super().keep_plots_readable()
            return
        was_short = self.short_of_room
        self.arrange(short=False)
        if self.graphics.minimumHeight() > self.plot_room()[1]:
            self.arrange(short=True)
        if not self.arranged_by_room and self.short_of_room != was_short:
            self.draw_again()  # the numbers a cell holds depend on it too

    def arrange(self, short: bool) -> None:
        """Give the plots their smallest sizes ``short`` of room or not (``keep_plots_readable``), drawn in that
        arrangement first, its rows counted anew, when the lesson is ``arranged_by_room`` and drawn in the other."""
        self.short_of_room = short
        if self.arranged_by_room and self.drawn_short != short:
            self.across = 0  # the other arrangement's count of plots a row means nothing in this one
            self.draw_again()
        super().keep_plots_readable()

    def draw_again(self) -> None:
        """Draw the last scene again as a reflow does (its drawing keeps ``short_of_room``), when shown."""
        if self._last_drawing is None or not self.isVisible():
            return
        self._reflowing = True
        try:
            self.show_data(*self._last_drawing)
            self.fit_titles()
        finally:
            self._reflowing = False

    def readable_inputs(self) -> tuple:
        """Also the room the page leaves the plots (``plot_room``), on which being short of room depends."""
        return (*super().readable_inputs(), self.plot_room()) if self.shrinks_to_room else super().readable_inputs()

    def fit_to_size(self) -> None:
        """Also choose anew whether the plots are short of room (``keep_plots_readable``) at the new size."""
        super().fit_to_size()
        if self.shrinks_to_room and self.plots:
            self.keep_plots_readable()

    def readable_plot_width(self) -> float:
        """Short of room, ``MIN_PLOT``'s width a plot, or its title's at its narrowest (``title_wrap_floor``): a row
        of small matrices rather than the page scrolling."""
        if self.short_of_room:
            return max(float(MIN_PLOT[0]), self.title_wrap_floor())
        return super().readable_plot_width()

    def smallest_plot_height(self, plot: pg.PlotItem) -> float:
        """Short of room (``keep_plots_readable``): ``MIN_PLOT``'s height, the names along its sides and a line for
        each named row of a panel of free proportions (``named_rows_height``).

        Otherwise a panel of square cells with numbers in them as tall as its rows of cells wide enough for the
        numbers (with two decimals at most, as ``fit_numbers`` writes them when short of room): at the plots' smallest
        height the cells were too small for any, and the numbers a step's note promised were missing. A panel of free
        proportions (square cells would leave a taller one's matrix floating in empty room) also a line for each of
        its named rows (up to ``NAMED_ROWS``): each row's name then stays within its row, and the last one within
        the plot."""
        panel = next((panel for panel in self.kept.values() if panel.plot is plot), None)
        if self.short_of_room:
            floor = max(MIN_PLOT[1], *(side_name_length(plot.getAxis(side)) for side in ("left", "right")))
            return max(floor, self.named_rows_height(panel)) if panel is not None and not panel.square else floor
        if panel is not None and panel.square and panel.texts.labels:
            cells = panel.texts.rows * (1 + 2 * MATRIX_PADDING)  # the matrix leaves room around it
            return max(super().smallest_plot_height(plot), cells * self.number_cell(panel.texts))
        if panel is None or panel.square or panel.labels is None:
            return super().smallest_plot_height(plot)
        return max(super().smallest_plot_height(plot), self.named_rows_height(panel))

    def named_rows_height(self, panel: MatrixPanel) -> float:
        """A line for each named row of ``panel`` (up to ``NAMED_ROWS``), at the row names' size."""
        if panel.labels is None:
            return 0.0
        rows = sum(1 for name in panel.labels[0] if name)
        font = QFont(self.font())
        font.setPointSizeF(self.points * 0.9)
        return min(rows, NAMED_ROWS) * QFontMetrics(font).height()

    @staticmethod
    def number_cell(texts: CellTexts) -> float:
        """The side of a square cell that holds the widest of ``texts``' numbers written with two decimals at most."""
        metrics = QFontMetricsF(texts.font)
        widest = 0.0
        for _row, _col, text, _colour in texts.labels:
            number = number_in(text)
            short = text if number is None or len(text) <= len(written(number, 2)) else written(number, 2)
            widest = max(widest, metrics.horizontalAdvance(short))
        return max(widest + number_gap(metrics), metrics.height())

    def set_title(self, plot: pg.PlotItem, title: str) -> None:
        """Title ``plot`` unless it already has that title (a new one lays the plots out again)."""
        if title != plot.titleLabel.text:
            style.title(plot, title, self.theme, self.points)
            self.resized = True

    def _new_panel(self, row: int, col: int, rowspan: int, colspan: int, square: bool) -> MatrixPanel:
        plot = self.new_plot(row, col, sides=("left", "top", "bottom"), rowspan=rowspan, colspan=colspan)
        plot.setMouseEnabled(False, False)
        image = pg.ImageItem(axisOrder="row-major")
        plot.addItem(image)
        style.edge_matrix(plot)
        colour = QColor(self.theme.foreground)
        colour.setAlphaF(0.35)
        lines = pg.PlotCurveItem(connect="pairs", pen=pg.mkPen(colour, width=1))
        plot.addItem(lines)
        plot.invertY(True)
        plot.setAspectLocked(square)
        plot.showAxis("top")
        plot.hideAxis("bottom")
        style.style_plot(plot, self.theme, self.points)
        texts = CellTexts([], 0, 0, self.font())
        plot.addItem(texts)
        panel = self.kept[(row, col)] = MatrixPanel(plot, image, lines, texts)
        panel.square = square
        return panel

    def _label_axes(self, plot: pg.PlotItem, row_labels: list[str], col_labels: list[str]) -> None:
        """Tick labels of the rows (left) and columns (top), the left axis as wide as its labels."""
        plot.getAxis("left").setTicks([[(r, text) for r, text in enumerate(row_labels) if text]])
        plot.getAxis("top").setTicks([[(c, text) for c, text in enumerate(col_labels) if text]])
        self._fit_left_axis(plot, row_labels)
        self.resized = True

    def _fit_left_axis(self, plot: pg.PlotItem, row_labels: list[str]) -> None:
        """The left axis as wide as its tick labels, and its name's line when it has one (``name_rows``), from the
        first paint."""
        tick_font, name_font = QFont(self.font()), QFont(self.font())
        tick_font.setPointSizeF(self.points * 0.9)
        name_font.setPointSizeF(self.points)
        widest = max(QFontMetrics(tick_font).horizontalAdvance(text) for text in row_labels)
        axis = plot.getAxis("left")
        name = QFontMetricsF(name_font).height() if axis.labelText and axis.label.isVisible() else 0.0
        axis.setWidth(widest + round(self.points) + round(name))

    def name_rows(self, plot: pg.PlotItem, text: str) -> None:
        """Name a matrix's rows along its left axis, widened by the name: fitted to the tick labels alone, the
        multi-head weights' "query" lay over their 0 and 2 (presenting at 1280 x 720 x1.3)."""
        style.label(plot, "left", text, self.theme, self.points)
        panel = next(panel for panel in self.kept.values() if panel.plot is plot)
        self._fit_left_axis(plot, panel.labels[0])

    @staticmethod
    def cell_lines(rows: int, cols: int) -> tuple[np.ndarray, np.ndarray]:
        """x and y of thin lines between and around the cells (pairs of points), so that equal neighbours
        stay apart."""
        xs, ys = [], []
        for r in range(rows + 1):
            xs += [-0.5, cols - 0.5]
            ys += [r - 0.5, r - 0.5]
        for c in range(cols + 1) if cols <= MAX_LINED_COLUMNS else (0, cols):
            xs += [c - 0.5, c - 0.5]
            ys += [-0.5, rows - 0.5]
        return np.array(xs), np.array(ys)

    def outline(self, plot: pg.PlotItem, row: float, col: float, rows: float, cols: float,
                colour: str | None = None, width: float = 1.0) -> None:
        """A rectangle around cells (row ... row+rows-1, col ... col+cols-1) of a panel (a kept one when
        the last scene had one there)."""
        boxes = self.boxes.setdefault(plot, [])
        used = self.boxes_used.get(plot, 0)
        if used == len(boxes):
            box = QGraphicsRectItem()
            box.setZValue(10)
            plot.addItem(box)
            boxes.append(box)
        box = boxes[used]
        self.boxes_used[plot] = used + 1
        pen = pg.mkPen(colour or MARK_COLOURS[self.theme.name], width=width * max(3.0, self.points / 3.5))
        pen.setCosmetic(True)
        box.setPen(pen)
        box.setRect(QRectF(col - 0.5, row - 0.5, cols, rows))
        box.setVisible(True)

    def _clicked(self, event) -> None:
        if event.button() != Qt.LeftButton:
            return
        for plot, (name, data) in self.panels.items():
            if plot.vb.sceneBoundingRect().contains(event.scenePos()):
                point = plot.vb.mapSceneToView(event.scenePos())
                where = cell(data, point.x(), point.y())
                if where is not None:
                    self.choose(name, *where)
                return

    def choose(self, panel: str, row: int, col: int) -> None:
        """A click on cell (row, col) of panel ``panel``; lessons that react to clicks override this."""

    def hover_text(self, plot, x, y) -> str:
        if plot not in self.panels:
            return ""
        name, data = self.panels[plot]
        where = cell(data, x, y)
        if where is None:
            return ""
        return self.tr("{0}, row {1}, column {2}: {3}").format(
            plot.titleLabel.text, where[0] + 1, where[1] + 1, fmt(float(data[where])))

