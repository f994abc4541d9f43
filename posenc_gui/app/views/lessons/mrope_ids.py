"""Lesson: how M-RoPE numbers text, image and video tokens (numbers from ``core.mrope_lesson``). A strip of the
sequence, one column per token coloured by what it is, with its time, row and column ids written in (token
numbers below); which id each rotated pair of the head turns by; and q.k of two equal heads against a distance in
one id."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF
from PySide6.QtWidgets import QLabel

from ....core.lessons import mrope_ids as mrope_lesson
from ....core.lessons.options import step_of
from ...state import Scene
from ... import style
from ..cell_numbers import CellTexts
from ..images import cell, count_cells, frame_cells
from .lesson_view import LessonView

TEXT_COLOUR = "#909090"
MODALITY_COLOURS = (1, 0)  # image and video: the first two curve colours (text is grey)
AXIS_COLOURS = (2, 3, 4)   # time, row, column
ID_POINTS = 0.8  # the ids' size against the text's, where the cells have room
ID_SMALLEST = 0.5  # the smallest the ids are written, against the text's (a hall's base size while presenting;
#                    smaller, they are left to hovering)
MIN_ID_POINTS = 8.0  # and never under this
ID_GAP = 0.35  # ems of space that a cell's widest id leaves beside it: with less, "10" "10" read "1010"


class IdTexts(CellTexts):
    """The ids in the strip's cells, at the largest size up to ``largest`` points at which the widest leaves
    ``ID_GAP`` of an em to spare in its cell, and none under ``smallest`` points. Written at one size, two-digit
    ids of neighbouring cells ran together ("1010101010", "1112") in the narrow cells of a projector."""

    def __init__(self, font: QFont):
        super().__init__([], 3, 1, font)
        self.largest = self.smallest = font.pointSizeF()

    def set_sizes(self, largest: float, smallest: float) -> None:
        self.largest, self.smallest = largest, smallest
        self.update()

    def shown_labels(self, cell_width: float, cell_height: float) -> list[tuple[int, int, str, str]]:
        if not self.labels:
            return []
        font = QFont(self.font)
        font.setPointSizeF(self.largest)
        metrics = QFontMetricsF(font)
        widest = max(metrics.horizontalAdvance(text) for _row, _col, text, _colour in self.labels)
        needed = widest + ID_GAP * metrics.horizontalAdvance("M")
        tall = metrics.tightBoundingRect("0").height() + ID_GAP * metrics.horizontalAdvance("M") / 2
        points = self.largest * min(1.0, cell_width / needed, cell_height / tall)
        if points < self.smallest:
            return []
        if abs(points - self.font.pointSizeF()) > 0.05:
            self.font = QFont(self.font)
            self.font.setPointSizeF(points)
        return super().shown_labels(cell_width, cell_height)

    def paint(self, painter, *args) -> None:
        cell = painter.transform().mapRect(QRectF(0, 0, 1, 1))
        self.shown_labels(cell.width(), cell.height())  # the font for these cells, before the painting takes it
        super().paint(painter, *args)


class MRopeLesson(LessonView):
    uses_method = False
    key = "mrope_ids"
    # presenting at 1280 x 720 x1.3 in Chinese, the key's line and the step line left the plots too little room:
    # the q·k curves ran 73 px below the fold
    controls_give_room = True
    title = "How M-RoPE numbers text, image and video tokens"
    plots_ahead = 3
    steps = (QT_TRANSLATE_NOOP("MRopeLesson", "Text: three equal ids, plain RoPE"),
             QT_TRANSLATE_NOOP("MRopeLesson", "An image: its rows and columns"),
             QT_TRANSLATE_NOOP("MRopeLesson", "A video: frames as well"),
             QT_TRANSLATE_NOOP("MRopeLesson", "Qwen3-VL: the ids take turns over the pairs"))

    def explanation(self) -> str:
        return self.tr(
            "Qwen2-VL gives every token three position ids: <b>time</b>, <b>row</b> and <b>column</b>. Text "
            "carries one number three times; the patches of an image carry their row and column, a video's also "
            "their frame. Each rotated pair of a head turns by one of the three ids, so how far apart two tokens "
            "are now has three parts.")

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        # the colours' key, which reading the plots needs, and the step's lesson, which folds and hides while presenting
        # when the plots need the room (``fit_header``)
        self.key = QLabel()
        self.note = QLabel()
        for label in (self.key, self.note):
            label.setWordWrap(True)
            label.setTextFormat(Qt.RichText)
            self.header.layout().addWidget(label)
        row = self.controls_row()
        self.add_option_spins(row, ("rows", "cols", "frames"))
        self.data: mrope_lesson.MRopeLesson | None = None
        self.strip_image: pg.ImageItem | None = None
        self.strip_texts: IdTexts | None = None
        self.pair_image: pg.ImageItem | None = None
        self.curves: dict[str, pg.PlotDataItem] = {}

    @staticmethod
    def fetch(scene: Scene) -> mrope_lesson.MRopeLesson:
        step = mrope_lesson.STEPS[step_of(scene.options, len(mrope_lesson.STEPS))]
        return mrope_lesson.lesson(step, **MRopeLesson.option_values(scene))

    # -- colours ------------------------------------------------------------------------------------
    def modality_colours(self) -> list[str]:
        return [TEXT_COLOUR] + [style.curve_colour(index, self.theme) for index in MODALITY_COLOURS]

    def axis_colours(self) -> list[str]:
        return [style.curve_colour(index, self.theme) for index in AXIS_COLOURS]

    @staticmethod
    def rgb(colours: list[str], which: np.ndarray) -> np.ndarray:
        """(..., 3) float colours of ``which`` (indices into ``colours``)."""
        table = np.array([QColor(colour).getRgbF()[:3] for colour in colours])
        return table[which]

    # -- drawing ------------------------------------------------------------------------------------
    def drawing_steps(self, scene: Scene, data: mrope_lesson.MRopeLesson):
        """Built ahead: the three plots placed a step each, their images and curves, then the drawing into them."""
        if not self.plots:
            yield from self._building()
            yield
        self.show_data(scene, data)

    def _build(self) -> None:
        for _placed in self._building():
            pass

    def _building(self):
        """The strip of ids, the pairs and the scores' plots, yielding after each plot placed, then their items."""
        self.strip_image = None  # until the items are made: a drawing then builds anew
        strip = self.new_plot(0, 0, colspan=2, sides=("left", "bottom"))
        yield
        pairs = self.new_plot(1, 0, sides=("left", "bottom"))
        yield
        scores = self.new_plot(1, 1, sides=("left", "bottom"))
        yield
        self.strip_image = pg.ImageItem(axisOrder="row-major")
        self.strip_texts = IdTexts(self.font())
        strip.addItem(self.strip_image)
        strip.addItem(self.strip_texts)
        strip.invertY(True)
        self.pair_image = pg.ImageItem(axisOrder="row-major")
        pairs.addItem(self.pair_image)
        pairs.invertY(True)
        scores.showGrid(x=True, y=True, alpha=0.25)
        for name in ("text", *mrope_lesson.AXES):
            self.curves[name] = scores.plot([], [])
        for plot in (strip, pairs, scores):
            plot.hideAxis("top")
            plot.showAxis("bottom")
        for plot in (strip, pairs):  # rows named in the title: at a large text size an axis left a name out
            plot.hideAxis("left")
        self.graphics.ci.layout.setRowStretchFactor(0, 1)
        self.graphics.ci.layout.setRowStretchFactor(1, 2)

    def show_data(self, scene: Scene, data: mrope_lesson.MRopeLesson) -> None:
        if len(self.plots) < 3 or self.strip_image is None:  # not built, or shown while built ahead in part
            self.clear_plots()
            self._build()
        self.data = data
        self.show_step()
        self.show_option_values(self.option_values(scene))
        strip, pairs, scores = self.plots
        tokens = data.ids.shape[1]
        cells = self.rgb(self.modality_colours(), np.broadcast_to(data.modality, data.ids.shape))
        self.strip_image.setImage(cells, levels=(0, 1))
        self.strip_image.setRect(-0.5, -0.5, tokens, 3)
        text_colours = style.text_colours_for(cells)
        font = self.font()
        self.strip_texts.set_sizes(self.points * ID_POINTS, max(self.points * ID_SMALLEST, MIN_ID_POINTS))
        self.strip_texts.set_labels([(row, col, str(data.ids[row, col]), text_colours[row, col])
                                     for row in range(3) for col in range(tokens)], 3, tokens, font)
        frame_cells(strip, 3, tokens)
        pair_count = len(data.pair_axis)
        self.pair_image.setImage(self.rgb(self.axis_colours(), data.pair_axis[None, :]), levels=(0, 1))
        self.pair_image.setRect(-0.5, -0.5, pair_count, 1)
        pairs.setRange(xRange=(-0.5, pair_count - 0.5), yRange=(-0.5, 0.5), padding=0)
        count_cells(pairs, 1, pair_count)
        width = max(2.0, self.points / 6)
        self.curves["text"].setData(data.distances, data.scores["text"])
        self.curves["text"].setPen(pg.mkPen(self.theme.foreground, width=width, style=Qt.DashLine))
        for axis, colour in zip(mrope_lesson.AXES, self.axis_colours()):
            self.curves[axis].setData(data.distances, data.scores[axis])
            self.curves[axis].setPen(pg.mkPen(colour, width=width))
        scores.enableAutoRange()
        self._label_plots()
        self.key.setText(self._key(data))
        self.set_folding(self.note, self._note(data))
        self.shown = {"time ids": data.ids[0], "row ids": data.ids[1], "column ids": data.ids[2],
                      "modality": data.modality, "pair axis": data.pair_axis, "distance": data.distances,
                      **{f"score {name}": values for name, values in data.scores.items()}}
        self.fit_titles()

    def _label_plots(self) -> None:
        strip, pairs, scores = self.plots
        style.title(strip, self.tr("ids, top to bottom: time, row, column"), self.theme, self.points)
        style.label(pairs, "bottom", self.tr("pair i (fast to slow)"), self.theme, self.points)
        style.title(pairs, self.tr("Qwen3-VL, interleaved") if self.data.interleaved else self.tr("Qwen2-VL, blocks"),
                    self.theme, self.points)
        style.label(scores, "bottom", self.tr("distance in one id"), self.theme, self.points)
        style.label(scores, "left", self.tr("q·k"), self.theme, self.points)
        # on one line beside the pairs' title (on two, the page scrolled presenting at 1280 x 720 x1.3)
        style.title(scores, self.tr("q·k, q = k (dashed: text)"), self.theme, self.points)
        for plot in self.plots:
            style.style_plot(plot, self.theme, self.points)

    def _key(self, data: mrope_lesson.MRopeLesson) -> str:
        """The colours of the tokens shown and of the pairs' ids; a line wraps between two entries, never inside one
        (a lone "pairs" took a line of its own presenting at 1280 x 720 x1.3)."""
        def key(colour: str, text: str) -> str:
            return f"<span style='color:{colour}'>■</span>&nbsp;{text.replace(' ', '&nbsp;')}"

        modality = self.modality_colours()
        axis = self.axis_colours()
        names = (self.tr("text"), self.tr("image"), self.tr("video"))
        shown = sorted(set(int(m) for m in data.modality))
        tokens = " &nbsp; ".join(key(modality[m], names[m]) for m in shown)
        # "pairs" once for the three ids: "time pairs", "row pairs", "column pairs" took a second line presenting at
        # 1280 x 720 x1.3, and the page scrolled
        ids = " &nbsp; ".join(key(colour, name) for colour, name in zip(axis, (
            self.tr("time"), self.tr("row"), self.tr("column"))))
        pairs = self.tr("pairs:")  # not inside the f-string, where lupdate does not find it
        return f"{tokens} &nbsp;|&nbsp; {pairs} {ids}"

    def _note(self, data: mrope_lesson.MRopeLesson) -> str:
        """What the step's layout of pairs does to q·k."""
        t, h, w = data.section
        if data.interleaved:
            return self.tr("Qwen3-VL lets the ids take turns (t h w t h w …): each id turns fast and slow pairs, "
                           "so a step in time, row or column lowers q·k alike.")
        return self.tr("Qwen2-VL gives time the {0} fastest pairs, rows the next {1} and columns the {2} "
                       "slowest: a step in time lowers q·k most, a step between columns least.").format(t, h, w)

    def set_look(self, theme, points) -> None:
        super().set_look(theme, points)
        for label in (self.key, self.note):
            font = label.font()
            font.setPointSizeF(points)
            label.setFont(font)
        if self.data is not None:
            self.show_data(self.model.scene, self.data)

    def hover_text(self, plot, x, y) -> str:
        if self.data is None or not self.plots:
            return ""
        if plot is self.plots[0]:
            where = cell(self.data.ids, x, y)
            if where is None:
                return ""
            token = where[1]
            names = (self.tr("text"), self.tr("image"), self.tr("video"))
            t, h, w = self.data.ids[:, token]
            return self.tr("token {0} ({1}): time {2}, row {3}, column {4}").format(
                token, names[self.data.modality[token]], t, h, w)
        if plot is self.plots[1]:
            pair = round(x)
            if not 0 <= pair < len(self.data.pair_axis):
                return ""
            names = (self.tr("time"), self.tr("row"), self.tr("column"))
            return self.tr("pair {0} turns by the {1} id").format(pair, names[self.data.pair_axis[pair]])
        distance = round(x)
        if not 0 <= distance < len(self.data.distances):
            return ""
        s = self.data.scores
        return self.tr("distance {0}: text {1:.3f}, time {2:.3f}, row {3:.3f}, column {4:.3f}").format(
            distance, s["text"][distance], s["time"][distance], s["row"][distance], s["column"][distance])
