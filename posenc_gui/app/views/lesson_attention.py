"""Guided views on attention itself: the seed-001 walkthrough step by step, multi-head attention as d2l
writes it, why word order needs a position signal, and the relative property of the sinusoid and RoPE.
Every number comes from ``core.lessons``; settings (step, chosen cell, p and k...) live in ``scene.options``."""

from __future__ import annotations

from contextlib import contextmanager

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import QCheckBox, QComboBox, QGraphicsRectItem, QLabel
from superqt.utils import signals_blocked

from ...core import lessons
from ...core.attention import how_applied
from ...core.params import InputError
from ...core.registry import Method
from ..state import Scene
from .. import i18n, style
from .base import CellTexts, cell, fmt, hug_cells
from .lesson import LessonView

MARK_COLOURS = {"light": "#D55E00", "dark": "#E69F00"}   # Okabe-Ito vermillion / orange
CELL_TINTS = {"light": "#7fb2dc", "dark": "#2f6a9e"}      # the high end of the number tables' fill
MASKED_FILL = {"light": "#b0b0b0", "dark": "#505050"}
MAX_NUMBERED = 160      # cells per panel that still get their number written in
MAX_LINED_COLUMNS = 40  # wider matrices get no lines between their columns
TOY_WIDTH = 64          # attention_for's width for a method that sets none
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
        self.graphics.scene().sigMouseClicked.connect(self._clicked)

    def set_look(self, theme, points) -> None:
        super().set_look(theme, points)
        font = self.note.font()
        font.setPointSizeF(points)
        self.note.setFont(font)
        self.fit_header()

    def set_note(self, text: str) -> None:
        if text != self.note.text():
            self.note.setText(text)
            self.fit_header()

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
            cmap = style.colour_map(True) if signed else pg.ColorMap(
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

    def smallest_plot_height(self, plot: pg.PlotItem) -> float:
        """A panel of free proportions (square cells would leave a taller one's matrix floating in empty room) also
        a line for each of its named rows (up to ``NAMED_ROWS``): each row's name then stays within its row, and
        the last one within the plot."""
        panel = next((panel for panel in self.kept.values() if panel.plot is plot), None)
        if panel is None or panel.square or panel.labels is None:
            return super().smallest_plot_height(plot)
        rows = sum(1 for name in panel.labels[0] if name)
        font = QFont(self.font())
        font.setPointSizeF(self.points * 0.9)
        return max(super().smallest_plot_height(plot), min(rows, NAMED_ROWS) * QFontMetrics(font).height())

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
        tick_font = QFont(self.font())
        tick_font.setPointSizeF(self.points * 0.9)
        widest = max(QFontMetrics(tick_font).horizontalAdvance(text) for text in row_labels)
        plot.getAxis("left").setWidth(widest + round(self.points))  # room for the labels from the first paint
        self.resized = True

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


def whole_option(scene: Scene, name: str, default: int, low: int, high: int) -> int:
    return int(min(max(int(scene.option(name, default)), low), high))


# -- 1. the seed-001 walkthrough ----------------------------------------------------------------------

class WalkthroughLesson(MatrixLesson):
    """Seed 001's eight steps of self-attention on its own numbers, with every number in its cell. Clicking
    a result cell outlines the rows and columns it is made from."""

    uses_method = False
    key = "walkthrough"
    plots_ahead = 1
    title = "Self-attention step by step"
    formulas = ("walkthrough",)

    @property
    def steps(self) -> tuple[str, ...]:
        return (self.tr("Inputs: three tokens of four features"),
                self.tr("Weights: W_key, W_query and W_value (4 × 3)"),
                self.tr("Keys, queries and values: x times each weight matrix"),
                self.tr("Scores: every query against every key"),
                self.tr("Softmax: each row of scores becomes weights"),
                self.tr("Weighted values for one input"),
                self.tr("Sum: the output of that input"),
                self.tr("All outputs: exact and as the article rounded them"))

    def explanation(self) -> str:
        return self.tr(
            "The worked example of the article: three inputs of four numbers each. Each input is projected to a "
            "<b>key</b>, a <b>query</b> and a <b>value</b>; each query is compared with every key (a dot "
            "product), the scores become weights by softmax, and the output is the weighted sum of the values. "
            "<b>Click a cell</b> of a result to outline the numbers it is made from.")

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        row = self.controls_row()
        self.scaled = QCheckBox(self.tr("Divide scores by √d (d = 3)"))
        self.scaled.setToolTip(self.tr("The article uses unscaled dot products; Transformers divide by √d"))
        self.scaled.toggled.connect(lambda on: self.model.set_option("scaled", on))
        row.addWidget(self.scaled)
        row.addSpacing(24)
        row.addWidget(QLabel(self.tr("Follow input:")))
        self.query = QComboBox()
        self.query.addItems(["1", "2", "3"])
        self.query.setToolTip(self.tr("The input whose weighted values and sum steps 6 and 7 show"))
        self.query.activated.connect(lambda index: self.model.set_option("query", index))
        row.addWidget(self.query)
        row.addStretch(1)

    @staticmethod
    def fetch(scene: Scene):
        step = whole_option(scene, "step", 0, 0, len(lessons.WALKTHROUGH_STEPS) - 1)
        scaled = bool(scene.option("scaled", False))
        selected = (scene.option("cell_panel", ""), int(scene.option("cell_row", 0)), int(scene.option("cell_col", 0)))
        return {"step": lessons.walkthrough_step(step, scaled, int(scene.option("query", 0)), selected),
                "arrays": lessons.walkthrough_arrays(scaled), "scaled": scaled,
                "query": whole_option(scene, "query", 0, 0, 2)}

    def panel_title(self, name: str, query: int) -> str:
        return {
            "x": self.tr("inputs x"), "w_key": self.tr("W_key"), "w_query": self.tr("W_query"),
            "w_value": self.tr("W_value"), "keys": self.tr("keys = x · W_key"),
            "queries": self.tr("queries = x · W_query"), "values": self.tr("values = x · W_value"),
            "scores": self.tr("scores = queries · keysᵀ"), "logits": self.tr("scores / √3"),
            "weights": self.tr("softmax, exact"), "article_weights": self.tr("softmax as the article rounded it (no scale)"),
            "weighted": self.tr("input {0}: weight × value").format(query + 1),
            "output": self.tr("output {0} = sum of the rows").format(query + 1),
            "outputs": self.tr("outputs, exact"), "article_outputs": self.tr("outputs from the article's rounded weights"),
        }[name]

    def step_note(self, data: dict) -> str:
        step, a, q = data["step"], data["arrays"], data["query"]
        name = step.name
        if name == "inputs":
            return self.tr("Each row is one input token with four features: the article's own numbers.")
        if name == "weights":
            return self.tr("Each weight matrix maps four features to three. A trained model learns them; "
                           "the article picks small integers.")
        if name == "projections":
            return self.tr("Click a cell of keys, queries or values: the row of x and the column of the "
                           "weight matrix that multiply into it are outlined.")
        if name == "scores":
            note = self.tr("scores[i, j] = query i · key j. Click a score: its query row and key row are outlined.")
            if data["scaled"]:
                note += " " + self.tr("Scaled: every score is divided by √3 = {0}.").format(number_text(np.sqrt(3)))
            return note
        if name == "softmax":
            if data["scaled"]:
                return self.tr("Divided by √3 the scores lie closer together, so the weights are flatter: input 1 "
                               "now gets {0} instead of {1}.").format(
                    vector_text(a["weights"][0]), vector_text(lessons.walkthrough_arrays()["weights"][0]))
            return self.tr("The article rounded the weights by hand: e² : e⁴ : e⁴ = {0} : {1} : {2} is not "
                           "0 : 0.5 : 0.5, since e² is small but not zero; the exact softmax is {3}.").format(
                *(number_text(v, 2) for v in a["exp"][0]), vector_text(a["weights"][0]))
        if name == "weighted":
            return self.tr("Row j is value j times input {0}'s weight for key j. Click a cell: the weight and "
                           "the value row it comes from are outlined.").format(q + 1)
        if name == "sum":
            return self.tr("Adding the weighted rows gives output {0} = {1}. Click a number: the column "
                           "it sums is outlined.").format(q + 1, vector_text(a["outputs"][q]))
        if data["scaled"]:
            return self.tr("With the 1/√3 scale output 1 is {0}; without it {1}, and from the article's rounded "
                           "(unscaled) weights {2}.").format(
                vector_text(a["outputs"][0]), vector_text(lessons.walkthrough_arrays()["outputs"][0]),
                vector_text(a["article_outputs"][0]))
        return self.tr("From the article's rounded weights output 1 is {0}; exactly it is {1}. The rounding "
                       "of the weights carries into every output.").format(
            vector_text(a["article_outputs"][0]), vector_text(a["outputs"][0]))

    def show_data(self, scene: Scene, data: dict) -> None:
        step, query = data["step"], data["query"]
        with signals_blocked(self.scaled), signals_blocked(self.query):
            self.scaled.setChecked(data["scaled"])
            self.query.setCurrentIndex(query)
        self.query.setEnabled(step.name in ("weighted", "sum"))
        self.show_step()
        self.set_note(self.step_note(data))
        with self.drawing(tuple(name for name, _ in step.panels)):
            self.draw_step(step, query)
        self.shown = dict(step.panels)

    def draw_step(self, step, query: int) -> None:
        """The step's matrices, four to a row, with the sources of the chosen cell outlined."""
        per_row = 4 if len(step.panels) > 4 else len(step.panels)
        plots = {}
        for index, (name, array) in enumerate(step.panels):
            row, col = divmod(index, per_row)
            if row:   # keys, queries and values under the weight matrices that make them
                col += 1
            row_labels = [str(query + 1)] if name == "output" else None
            plots[name] = self.matrix(row, col, name, array, self.panel_title(name, query), row_labels=row_labels,
                                      text_scale=1.5)
        for panel, kind, index in step.sources:
            plot, shape = plots[panel], dict(step.panels)[panel].shape
            if kind == "row":
                self.outline(plot, index, 0, 1, shape[1])
            elif kind == "column":
                self.outline(plot, 0, index, shape[0], 1)
            else:
                self.outline(plot, index[0], index[1], 1, 1)
        if step.selected is not None:
            panel, row, col = step.selected
            self.outline(plots[panel], row, col, 1, 1, width=1.6)

    def choose(self, panel: str, row: int, col: int) -> None:
        step = lessons.walkthrough_step(whole_option(self.model.scene, "step", 0, 0, 7))
        if panel not in step.results:
            return
        chosen = {"cell_panel": panel, "cell_row": row, "cell_col": col}
        if panel in ("scores", "logits", "weights", "outputs"):
            chosen["query"] = row
        self.model.update(options={**self.model.scene.options, **chosen})


# -- 2. multi-head attention --------------------------------------------------------------------------

MAX_HEADS, MAX_D_MODEL, TOKENS = 8, 32, 4
MAX_SLICES_PER_ROW = 8


def multihead_settings(scene: Scene) -> dict:
    return {"d_model": whole_option(scene, "d_model", 8, 1, MAX_D_MODEL),
            "heads": whole_option(scene, "heads", 2, 1, MAX_HEADS),
            "valid_lens": (whole_option(scene, "valid_len_1", 3, 1, TOKENS),
                           whole_option(scene, "valid_len_2", 2, 1, TOKENS)),
            "step": whole_option(scene, "step", 0, 0, 2)}


class MultiHeadLesson(MatrixLesson):
    """d2l's multi-head attention on a batch of two sequences of four tokens: the reshape that makes
    heads a batch axis, valid_lens masks, per-head weights, concatenation and W_o."""

    uses_method = False
    key = "multihead"
    counts_from = 0  # as the code it follows (d2l) and its channel numbers: rows numbered from 1 beside them misled
    plots_ahead = 6
    title = "Multi-head attention"
    formulas = ("multihead",)

    @property
    def steps(self) -> tuple[str, ...]:
        return (self.tr("Split d_model into heads (transpose_qkv)"),
                self.tr("Mask the padding (valid_lens) and attend, head by head"),
                self.tr("Concatenate the heads and project with W_o"))

    def explanation(self) -> str:
        return self.tr(
            "Multi-head attention runs several small attentions side by side. The d_model channels are cut into "
            "<b>heads</b> of d_model / heads channels; the reshape makes the heads an extra batch axis, so every "
            "head of every sequence is attended in one go. Sequences padded to the same length carry a "
            "<b>valid length</b>: keys past it are masked. A batch of two sequences of four tokens.")

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        row = self.wrapping_controls_row()
        self.add_option_spins(row, (
            ("heads", self.tr("Heads:"), 1, MAX_HEADS, self.tr("Number of heads; must divide d_model")),
            ("d_model", self.tr("d_model:"), 1, MAX_D_MODEL, self.tr("Channels per token")),
            ("valid_len_1", self.tr("Valid length of sequence 0:"), 1, TOKENS,
             self.tr("Tokens of sequence 0 that are real; the rest are padding")),
            ("valid_len_2", self.tr("of sequence 1:"), 1, TOKENS,
             self.tr("Tokens of sequence 1 that are real; the rest are padding"))))

    @staticmethod
    def fetch(scene: Scene):
        settings = multihead_settings(scene)
        return {"settings": settings,
                "result": lessons.multihead_lesson(settings["d_model"], settings["heads"], settings["valid_lens"],
                                                   TOKENS)}

    def head_fills(self, heads: np.ndarray, sequence) -> np.ndarray:
        """(..., 3) RGB of each element's head colour, paler for the second sequence."""
        colours = np.array([QColor(style.curve_colour(h, self.theme)).getRgb()[:3] for h in range(MAX_HEADS)],
                           dtype=np.float64)
        pale = 0.55 * colours + 0.45 * np.array(QColor(self.theme.background).getRgb()[:3])
        return np.where(np.asarray(sequence)[..., None] == 0, colours[heads], pale[heads]).astype(np.uint8)

    def show_data(self, scene: Scene, data: dict) -> None:
        settings, result = data["settings"], data["result"]
        first, second = settings["valid_lens"]
        self.show_option_values({**settings, "valid_len_1": first, "valid_len_2": second})
        self.show_step()
        step, heads = settings["step"], settings["heads"]
        batch = result["x"].shape[0]
        wanted = (batch * heads if batch * heads <= MAX_SLICES_PER_ROW else heads, heads, 3)[step]
        across = self.plots_across(wanted)
        with self.drawing((step, heads if step < 2 else None, across)) as fresh:  # the heads only move outlines in step 3
            [self.show_split, self.show_masks, self.show_concat][step](settings, result, fresh, across)

    def show_split(self, settings: dict, result: dict, fresh: bool, across: int) -> None:
        batch, n, d = result["x"].shape
        heads = settings["heads"]
        width = d // heads
        self.set_note(self.tr(
            "(batch, n, d) = ({0}, {1}, {2}) → reshape ({0}, {1}, {3}, {4}) → swap axes ({0}, {3}, {1}, {4}) → "
            "merge ({5}, {1}, {4}). Colours are heads, numbers are channel indices: slice b·{3} + h holds "
            "head h of sequence b (counting from 0, as the code does).").format(batch, n, d, heads, width, batch * heads))
        side_by_side = batch * heads <= across   # else each sequence above its own slices, in rows of ``across``
        slice_rows = -(-heads // across)

        def slice_cell(s: int) -> tuple[int, int]:
            if side_by_side:
                return 1, s
            b, h = divmod(s, heads)
            return b * (1 + slice_rows) + 1 + h // across, h % across

        for b in range(batch):
            self.matrix(0 if side_by_side else b * (1 + slice_rows), b * heads if side_by_side else 0, "x",
                        result["channel"][b], self.tr("sequence {0}: (n, d) = ({1}, {2})").format(b, n, d),
                        texts=result["channel"][b], fills=self.head_fills(result["head"][b], b),
                        colspan=min(heads, across), col_labels=[str(c) for c in range(d)], text_scale=1.2)
        for s in range(batch * heads):
            self.matrix(*slice_cell(s), "slice",
                        result["split_channel"][s],
                        self.tr("slice {0}: seq {1}, head {2}").format(s, result["split_batch"][s], s % heads),
                        texts=result["split_channel"][s],
                        fills=self.head_fills(result["split_head"][s], result["split_batch"][s]),
                        col_labels=[str(c) for c in range(width)], text_scale=1.2)
        self.shown = {"channel": result["channel"], "split_channel": result["split_channel"]}

    def show_masks(self, settings: dict, result: dict, fresh: bool, across: int) -> None:
        heads = settings["heads"]
        self.set_note(self.tr(
            "valid_lens = {0} is repeated once per head: {1}. Keys at or past a sequence's valid length are "
            "padding: they get weight 0 (grey) and every row still sums to 1.").format(
            list(settings["valid_lens"]), result["lens"].tolist()))
        for s in range(result["weights"].shape[0]):
            weights = result["weights"][s]
            texts = np.where(result["mask"][s], np.vectorize(lambda v: f"{v:.2f}")(weights), "–")
            b, h = divmod(s, heads)
            plot = self.matrix(b * -(-heads // across) + h // across, h % across, "weights", weights,
                               self.tr("seq {0}, head {1} (valid {2})").format(s // heads, s % heads,
                                                                             result["lens"][s]),
                               texts=texts, fills=self._masked(weights, result["mask"][s]), text_scale=1.2)
            if fresh:
                style.label(plot, "top", self.tr("key"), self.theme, self.points)
                if h % across == 0:
                    style.label(plot, "left", self.tr("query"), self.theme, self.points)
        self.shown = {"weights": result["weights"], "mask": result["mask"].astype(np.int8)}

    def show_concat(self, settings: dict, result: dict, fresh: bool, across: int) -> None:
        batch, n, d = result["x"].shape
        heads = settings["heads"]
        width = d // heads
        self.set_note(self.tr(
            "transpose_output puts the heads side by side again: ({0}, {1}, {2}) → ({3}, {1}, {4}). Then W_o "
            "({4} × {4}) mixes the heads: every output channel uses every head. Outlines mark the heads."
        ).format(batch * heads, n, width, batch, d))

        def texts(array, limit):
            return np.vectorize(lambda v: f"{v:.2f}")(array) if array.shape[1] <= limit else np.full(array.shape, "")

        # concatenated | W_o | output side by side, else one above the other
        in_row = across >= 3
        for b in range(batch):
            plot = self.matrix(b, 0, "concat", result["concat"][b],
                               self.tr("sequence {0}: heads concatenated").format(b), signed=True,
                               texts=texts(result["concat"][b], 12), col_labels=channel_labels(d))
            for h in range(heads):
                self.outline(plot, 0, h * width, n, width, style.curve_colour(h, self.theme), 0.8)
            self.matrix(*((b, 2) if in_row else (batch + 1 + b, 0)), "output", result["output"][b],
                        self.tr("sequence {0}: output").format(b), signed=True, texts=texts(result["output"][b], 12), col_labels=channel_labels(d))
        self.matrix(*((0, 1) if in_row else (batch, 0)), "w_o", result["w_o"],
                    self.tr("W_o (the same for every sequence)"), signed=True,
                    rowspan=batch if in_row else 1, texts=texts(result["w_o"], 8), col_labels=channel_labels(d),
                    row_labels=channel_labels(d), text_scale=0.9)
        self.shown = {"concat": result["concat"], "w_o": result["w_o"], "output": result["output"]}

    def _masked(self, weights: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """RGB fills of a weight matrix with masked keys in grey."""
        cmap = pg.ColorMap([0.0, 1.0], [QColor(self.theme.base), QColor(CELL_TINTS[self.theme.name])])
        fills = cmap.map(np.clip(weights, 0, 1).ravel(), mode="byte")[:, :3].reshape(*weights.shape, 3)
        fills[~mask] = QColor(MASKED_FILL[self.theme.name]).getRgb()[:3]
        return np.ascontiguousarray(fills, dtype=np.uint8)


# -- 3. why order matters -----------------------------------------------------------------------------

def channel_labels(count: int) -> list[str]:
    """Column labels of a wide matrix: about eight numbered channels, the rest blank."""
    every = max(1, count // 8)
    return [str(c) if c % every == 0 else "" for c in range(count)]


def order_applies(method: Method) -> bool:
    try:
        how_applied(method)
    except InputError:
        return False
    return True


class OrderLesson(MatrixLesson):
    """Two orderings of the same words through toy self-attention: with no position signal the outputs are
    the same rows moved; with the scene's method they differ."""

    key = "order"
    plots_ahead = 4
    title = "Why order matters"
    formulas = ("order",)

    def explanation(self) -> str:
        return self.tr(
            "“The cat chases the mouse” and “the mouse chases the cat” (猫追老鼠, 老鼠追猫) use the same words. Self-attention without "
            "any position signal (NoPE, no mask) sees a <b>set</b> of words: reordering the words only reorders "
            "the output rows, so both sentences mean the same to it. With a position encoding (the method chosen "
            "in the panel; try the causal switch too) the outputs really differ.")

    @staticmethod
    def applies_to(method: Method) -> bool:
        return order_applies(method)

    def ignored_params(self) -> dict[str, str]:
        return {"seq_len": self.tr("Not used here: the sentence sets the length")}

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        row = self.controls_row()
        row.addWidget(QLabel(self.tr("Sentences:")))
        self.pair = QComboBox()
        # as wide as the row allows, not as the longest pair of sentences (which pushed the page out of sight)
        self.pair.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.pair.setMinimumContentsLength(12)
        for key, (a, b) in lessons.ORDER_PAIRS.items():
            self.pair.addItem(f"{a}  /  {b}", key)
        self.pair.activated.connect(lambda index: self.model.set_option("pair", self.pair.itemData(index)))
        row.addWidget(self.pair, 1)  # the row's room: the pair of sentences whole where it fits

    @staticmethod
    def fetch(scene: Scene):
        pair = scene.option("pair", "zh")
        pair = pair if pair in lessons.ORDER_PAIRS else "zh"
        return {"pair": pair, "result": lessons.order_test(
            scene.method, scene.params, *lessons.ORDER_PAIRS[pair], heads=int(scene.params.get("heads", 4)),
            causal=scene.causal)}  # one toy model for every method and seed, as in the attention view

    @staticmethod
    def size(scene: Scene) -> int:
        """The seeded projections (3, width, width) the method's side draws and uses, as in the attention
        view: the width is heads x d_model for a rotary method (millions of numbers), d_model for an added
        encoding, ``TOY_WIDTH`` otherwise. Counted twice: drawn in float32, then made float64."""
        how = how_applied(scene.method_obj)
        width = int(scene.params.get("d_model", TOY_WIDTH)) if how in ("add", "rotate") else TOY_WIDTH
        if how == "rotate":
            width *= int(scene.params.get("heads", 4))
        return 2 * 3 * width * width

    def verdict(self, perm, difference: float) -> str:
        order = ", ".join(str(i + 1) for i in perm)
        if difference < 1e-9:
            return self.tr("B takes A's words in the order {0}. Put back in A's order, B's output rows differ from "
                           "A's by at most {1} (rounding): the same rows, only moved. Order is invisible."
                           ).format(order, f"{difference:.1e}")
        return self.tr("B takes A's words in the order {0}. Put back in A's order, B's output rows differ from "
                       "A's by up to {1}: different outputs. Order is seen.").format(order, fmt(difference))

    def show_data(self, scene: Scene, data: dict) -> None:
        result = data["result"]
        self.pair.setCurrentIndex(list(lessons.ORDER_PAIRS).index(data["pair"]))
        method = i18n.translate("core", scene.method_obj.title) + (self.tr(", causal") if scene.causal else "")
        sides = ((self.tr("NoPE, no mask"), "nope"), (method, "method"))
        sentences = lessons.ORDER_PAIRS[data["pair"]]
        across = self.plots_across(len(sides))  # the two ways side by side, else one above the other
        with self.drawing(("two sentences, two ways", across)):
            for col, (name, prefix) in enumerate(sides):
                a, b = result[f"{prefix}_a"], result[f"{prefix}_b"]
                extent = float(max(np.abs(a).max(), np.abs(b).max(), 1e-12))
                for row, (tokens, outputs, letter, text) in enumerate(((result["tokens_a"], a, "A", sentences[0]),
                                                                       (result["tokens_b"], b, "B", sentences[1]))):
                    self.matrix(*((row, col) if across > 1 else (2 * col + row, 0)), f"{prefix}_{letter}",
                                outputs,
                                self.tr("{0}: outputs of {1} “{2}”").format(name, letter, text),
                                signed=True, levels=(-extent, extent), texts=np.full(outputs.shape, ""),
                                row_labels=tokens, col_labels=channel_labels(outputs.shape[1]), square=False)
        self.set_note("<br>".join(self.tr("<b>{0}:</b> {1}").format(name, self.verdict(result["perm"], result[f"{prefix}_difference"]))
                                  for name, prefix in sides))
        self.shown = {k: result[k] for k in ("nope_a", "nope_b", "method_a", "method_b", "perm")}


# -- 4. the relative property -------------------------------------------------------------------------

SIMILARITY_POSITIONS = 32
SHOWN_BLOCKS = 3


def relative_settings(scene: Scene) -> dict:
    width = whole_option(scene, "width", 16, 2, 512)
    return {"p": whole_option(scene, "p", 3, 0, 10_000), "k": whole_option(scene, "k", 2, 0, 10_000),
            "width": width, "step": whole_option(scene, "step", 0, 0, 2)}


class RelativePropertyLesson(MatrixLesson):
    """PE(p+k) = M(k) PE(p) with M(k)'s rotation blocks, the constant diagonals of PE PE^T, and RoPE scores
    that depend only on m - n."""

    uses_method = False
    key = "relative_property"
    plots_ahead = 5
    title = "The relative property"
    formulas = ("relative_shift", "rope_relative")

    @property
    def steps(self) -> tuple[str, ...]:
        return (self.tr("A shift by k is one fixed rotation M(k)"),
                self.tr("PE(p) · PE(q) depends only on p − q"),
                self.tr("RoPE: the score depends only on m − n"))

    def explanation(self) -> str:
        return self.tr(
            "Why the sinusoid carries <b>relative</b> position: moving from position p to p + k turns each "
            "(sin, cos) pair by the angle k·ω, whatever p is. So one matrix M(k) moves every position k steps, "
            "and the dot product of two encodings depends only on their distance. RoPE builds attention on the "
            "same rotation.")

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        row = self.controls_row()
        self.add_option_spins(row, (
            ("p", self.tr("Position p:"), 0, 10_000, self.tr("The position that is shifted")),
            ("k", self.tr("Offset k:"), 0, 10_000, self.tr("How far it is shifted")),
            ("width", self.tr("Width d:"), 2, 512, self.tr("Channels of the encoding (even: sin, cos pairs)"), 2)))
        row.addStretch(1)
        self.curves: list[pg.PlotItem] = []  # the plots of curves in steps 2 and 3, beside or instead of matrices

    @staticmethod
    def fetch(scene: Scene):
        s = relative_settings(scene)
        p, k, width = s["p"], s["k"], s["width"]
        starts = np.arange(SIMILARITY_POSITIONS)
        offsets = np.arange(2 * SIMILARITY_POSITIONS)
        return {"settings": s, "shift": lessons.relative_shift(p, k, width),
                "similarity": lessons.sinusoid_similarity(SIMILARITY_POSITIONS, width),
                "rope_same_offset": lessons.rope_scores(starts + k, starts, width),
                "rope_by_offset": lessons.rope_scores(offsets, np.zeros_like(offsets), width)}

    def show_data(self, scene: Scene, data: dict) -> None:
        s = data["settings"]
        self.show_option_values(s)
        for label, name in zip(self.formula_labels, self.formulas):
            label.setVisible((name == "rope_relative") == (s["step"] == 2))
        self.show_step()
        across = self.plots_across((5, 2, 2)[s["step"]])
        with self.drawing((s["step"], across)) as fresh:
            [self.show_shift, self.show_similarity, self.show_rope][s["step"]](s, data, fresh, across)

    def show_shift(self, s: dict, data: dict, fresh: bool, across: int) -> None:
        """M(k) and its first blocks, then PE(p), M(k) PE(p) and PE(p + k): in one row, else the three vectors in a
        row of their own under the matrices (and one a row when narrower still)."""
        in_row = across >= 5

        def spot(index: int) -> tuple[int, int]:
            if in_row:
                return 0, index
            if index < 2:
                return divmod(index, min(across, 2))
            first = 2 // min(across, 2)  # the rows the two matrices take
            return divmod(index - 2, min(across, 3))[0] + first, (index - 2) % min(across, 3)

        shift = data["shift"]
        shown = min(2 * SHOWN_BLOCKS, s["width"])
        self.set_note(self.tr(
            "Block i of M({0}) turns pair i by {0}·ω_i. The first {1} of {2} channels are shown with their numbers. "
            "Over all {2} channels max |PE({3}) − M({0}) PE({4})| = {5}: equal up to rounding.").format(
            s["k"], shown, s["width"], s["p"] + s["k"], s["p"], f"{shift['residual']:.1e}"))
        self.matrix(*spot(0), "shift_all", shift["shift"], self.tr("M({0}), all {1} × {1}").format(s["k"], s["width"]),
                    signed=True, levels=(-1.0, 1.0), texts=np.full(shift["shift"].shape, ""),
                    row_labels=channel_labels(s["width"]), col_labels=channel_labels(s["width"]))
        labels = [(self.tr("sin {0}") if c % 2 == 0 else self.tr("cos {0}")).format(c // 2) for c in range(shown)]
        block = self.matrix(*spot(1), "shift", shift["shift"][:shown, :shown],
                            self.tr("its first {0} blocks").format(shown // 2), signed=True, levels=(-1.0, 1.0),
                            row_labels=labels, col_labels=[str(c) for c in range(shown)], text_scale=0.9)
        for b in range(shown // 2):
            self.outline(block, 2 * b, 2 * b, 2, 2, width=0.7)
        for col, (name, vector, title) in enumerate((
                ("pe_p", shift["pe_p"], self.tr("PE({0})").format(s["p"])),
                ("moved", shift["moved"], self.tr("M({0}) PE({1})").format(s["k"], s["p"])),
                ("pe_pk", shift["pe_pk"], self.tr("PE({0})").format(s["p"] + s["k"]))), start=2):
            self.matrix(*spot(col), name, vector[:shown, None], title, signed=True, levels=(-1.0, 1.0),
                        texts=[[number_text(v)] for v in vector[:shown]], row_labels=labels, col_labels=[""],
                        text_scale=0.9)
        if fresh:
            layout = self.graphics.ci.layout
            for col, stretch in enumerate((3, 3, 1, 1, 1) if in_row else (1, 1, 1, 1, 1)):
                layout.setColumnStretchFactor(col, stretch)
        self.shown = {k: shift[k] for k in ("shift", "pe_p", "moved", "pe_pk")}

    def show_similarity(self, s: dict, data: dict, fresh: bool, across: int) -> None:
        sim = data["similarity"]
        k = min(s["k"], SIMILARITY_POSITIONS - 1)
        self.set_note(self.tr(
            "PE(p) · PE(q) = Σ cos((p − q) ω_i): along every diagonal the value is the same. Largest spread along "
            "any diagonal: {0}. The outlined diagonal is q = p + {1}.").format(f"{sim['spread']:.1e}", k))
        matrix = sim["similarity"]
        plot = self.matrix(0, 0, "similarity", matrix, self.tr("PE · PEᵀ, positions 0 to {0}, d = {1}").format(
            SIMILARITY_POSITIONS - 1, s["width"]), signed=True, texts=np.full(matrix.shape, ""),
            row_labels=[str(i) if i % 4 == 0 else "" for i in range(SIMILARITY_POSITIONS)],
            col_labels=[str(i) if i % 4 == 0 else "" for i in range(SIMILARITY_POSITIONS)])
        for p in range(SIMILARITY_POSITIONS - k):
            self.outline(plot, p, p + k, 1, 1, width=0.5)
        colour = MARK_COLOURS[self.theme.name]
        if fresh:
            self.curves = [self.new_plot(*((0, 1) if across > 1 else (1, 0)))]
            self.curves[0].plot(pen=pg.mkPen(colour, width=3), symbol="o", symbolSize=self.points,
                                symbolBrush=colour)
            style.label(self.curves[0], "bottom", self.tr("p"), self.theme, self.points)
            style.style_plot(self.curves[0], self.theme, self.points)
        curve = self.curves[0]
        diagonal = np.diagonal(matrix, k)
        curve.listDataItems()[0].setData(np.arange(diagonal.size), diagonal)
        curve.setYRange(-s["width"] / 2, s["width"] / 2)
        self.set_title(curve, self.tr("PE(p) · PE(p + {0}) for every p: flat").format(k))
        self.shown = {"similarity": matrix, "diagonal": diagonal}

    def show_rope(self, s: dict, data: dict, fresh: bool, across: int) -> None:
        same, by_offset = data["rope_same_offset"], data["rope_by_offset"]
        self.set_note(self.tr(
            "With RoPE, q is turned by its position m and k by n; the score (R_m q) · (R_n k) sees only m − n. "
            "For m − n = {0} at every n the spread is {1}; against the offset it changes.").format(
            s["k"], f"{np.ptp(same):.1e}"))
        colour = MARK_COLOURS[self.theme.name]
        if fresh:
            left, right = self.curves = [self.new_plot(0, 0), self.new_plot(*((0, 1) if across > 1 else (1, 0)))]
            left.plot(pen=pg.mkPen(colour, width=3), symbol="o", symbolSize=self.points, symbolBrush=colour)
            style.label(left, "bottom", self.tr("n"), self.theme, self.points)
            style.label(left, "left", self.tr("score"), self.theme, self.points)
            right.plot(pen=pg.mkPen(self.theme.foreground, width=3))
            right.plot(pen=None, symbol="o", symbolSize=self.points * 1.5, symbolBrush=colour)
            style.title(right, self.tr("score against the offset m − n (n = 0)"), self.theme, self.points)
            style.label(right, "bottom", self.tr("m − n"), self.theme, self.points)
            for plot in self.curves:
                plot.showGrid(x=True, y=True, alpha=0.25)
                style.style_plot(plot, self.theme, self.points)
        left, right = self.curves
        left.listDataItems()[0].setData(np.arange(same.size), same)
        extent = float(np.abs(by_offset).max()) * 1.1
        self.set_title(left, self.tr("score at m = n + {0}, for n = 0 … {1}").format(s["k"], same.size - 1))
        line, dot = right.listDataItems()
        line.setData(np.arange(by_offset.size), by_offset)
        if s["k"] < by_offset.size:
            dot.setData([s["k"]], [by_offset[s["k"]]])
        else:
            dot.setData([], [])
        for plot in self.curves:
            plot.setYRange(-extent, extent)
        self.shown = {"same_offset": same, "by_offset": by_offset}
