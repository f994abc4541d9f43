"""Lesson: multi-head attention as d2l writes it: the reshape into heads, ``valid_lens`` masks, the concatenation."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from ....core.lessons.multihead import MultiHeadData, MultiHeadPass, MultiHeadSettings, multihead_data
from ....core.lessons.options import MAX_HEADS, step_of
from ...state import Scene
from ... import style
from ..base import LAYOUT_MARGIN
from ..grid import overhanging_title
from ..placement import fit_width_to_cells
from .matrix_lesson import CELL_TINTS, MASKED_FILL, MatrixLesson, MatrixPanel, channel_labels


MAX_SLICES_PER_ROW = 8
STEP_COUNT = 3  # as many as ``steps`` lists (a property: its titles are translated where it is read)


def multihead_settings(scene: Scene) -> MultiHeadSettings:
    values = MultiHeadLesson.option_values(scene)
    return MultiHeadSettings(values["d_model"], values["heads"], (values["valid_len_1"], values["valid_len_2"]),
                             step_of(scene.options, STEP_COUNT))


class MultiHeadLesson(MatrixLesson):
    """d2l's multi-head attention on a batch of two sequences of four tokens: the reshape that makes
    heads a batch axis, valid_lens masks, per-head weights, concatenation and W_o."""

    uses_method = False
    key = "multihead"
    controls_give_room = True
    shrinks_to_room = True
    counts_from = 0  # as the code it follows (d2l) and its channel numbers: rows numbered from 1 beside them misled
    plots_ahead = 6
    splitting = False  # the split's panels are drawn (``fit_titles``)
    title = "Multi-head attention"
    formulas = ("multihead",)

    @property
    def steps(self) -> tuple[str, ...]:
        return (self.tr("Split into heads (transpose_qkv)"),  # one line beside Back / Next in large type
                self.tr("Mask the padding (valid_lens) and attend, head by head"),
                self.tr("Concatenate the heads and project with Wₒ"))

    def explanation(self) -> str:
        return self.tr(
            "Multi-head attention runs several small attentions side by side. The d_model channels are cut into "
            "<b>heads</b> of d_model / heads channels; the reshape makes the heads an extra batch axis, so every "
            "head of every sequence is attended in one go. Sequences padded to the same length carry a "
            "<b>valid length</b>: keys past it are masked. A batch of two sequences of four tokens.")

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        row = self.controls_row()
        self.add_option_spins(row, ("heads", "d_model", "valid_len_1", "valid_len_2"))

    def set_look(self, theme, points) -> None:
        super().set_look(theme, points)
        # a matrix's end rows keep their names within its padding (``MATRIX_PADDING``), and no axis writes names past
        # its ends: the margins kept above and below for such names took 24 px from the split's two rows of panels, and
        # the slices ran 12 px below the fold presenting at 1280 x 720 x1.3 in Chinese (whose lines are taller)
        self.graphics.ci.layout.setContentsMargins(LAYOUT_MARGIN, LAYOUT_MARGIN, LAYOUT_MARGIN, LAYOUT_MARGIN)

    @staticmethod
    def fetch(scene: Scene) -> MultiHeadData:
        return multihead_data(multihead_settings(scene))

    def _new_panel(self, row: int, col: int, rowspan: int, colspan: int, square: bool) -> MatrixPanel:
        panel = super()._new_panel(row, col, rowspan, colspan, square)
        overhanging_title(panel.plot)  # the split's titles reach past their matrices (``fit_titles``)
        return panel

    def fit_titles(self) -> None:
        """In the split, each panel hugs its matrix, centred in its column, and its title reaches over the room left
        beside it: held as wide as their titles, the panels framed small matrices (four rows in the height the page
        leaves, too small for numbers) in wide empty boxes presenting at 1280 x 720 x1.3."""
        layout, cells = self.graphics.ci.layout, self.graphics.ci.items
        columns = max((col for plot in self.plots for _row, col in cells.get(plot, [])), default=0) + 1
        left, _top, right, _bottom = layout.getContentsMargins()
        spacing = max(layout.horizontalSpacing(), 0.0)
        column = (self.page_width() - left - right - spacing * (columns - 1)) / columns
        for plot in self.plots:
            rows, cols = getattr(plot.vb, "cells_shape", (0, 0))
            overhang, held = 0.0, None
            if self.splitting and rows and plot.vb.height() > 0:
                span = len({col for _row, col in cells.get(plot, [])})
                room = column * span + spacing * (span - 1)
                held = plot.vb.height() * cols / rows
                axes = plot.getAxis("left").width() + sum(plot.layout.getContentsMargins()[::2])
                overhang = max((room - axes - held) / 2, 0.0)  # to the column's end, less ``fit_titles``'s margin
            plot.vb.title_width, plot.titleLabel.overhang = held, overhang
            layout.setAlignment(plot, Qt.AlignHCenter if self.splitting else Qt.AlignmentFlag(0))
        for index in range(columns):  # the columns keep their share of the page, the matrices in their middle
            layout.setColumnMinimumWidth(index, math.floor(column) if self.splitting else 0.0)
        super().fit_titles()
        for plot in self.plots:  # each as wide as its cells again: a wider title had held the plot's minimum, and so the
            if getattr(plot.vb, "cells_shape", None):  # width hugging kept, until the plot area resized (built ahead,
                fit_width_to_cells(plot)  # deck scene 2's slices stood in frames twice their width presenting)

    def head_fills(self, heads: np.ndarray, sequence) -> np.ndarray:
        """(..., 3) RGB of each element's head colour, paler for the second sequence."""
        colours = np.array([QColor(style.curve_colour(h, self.theme)).getRgb()[:3] for h in range(MAX_HEADS)],
                           dtype=np.float64)
        pale = 0.55 * colours + 0.45 * np.array(QColor(self.theme.background).getRgb()[:3])
        return np.where(np.asarray(sequence)[..., None] == 0, colours[heads], pale[heads]).astype(np.uint8)

    def show_data(self, scene: Scene, data: MultiHeadData) -> None:
        for _panel in self._drawing(data):
            pass

    def drawing_steps(self, scene: Scene, data: MultiHeadData):
        """Built ahead: the split's panels a step each, then ``show_data``, which finds them drawn and ends as every
        drawing does."""
        yield from self._drawing(data)
        yield
        self.show_data(scene, data)

    def _drawing(self, data: MultiHeadData):
        """The drawing of ``show_data``, yielding after each panel of the split."""
        settings, result = data.settings, data.result
        first, second = settings.valid_lens
        self.show_option_values({"d_model": settings.d_model, "heads": settings.heads, "valid_len_1": first,
                                 "valid_len_2": second})
        self.show_step()
        step, heads = settings.step, settings.heads
        batch = result.x.shape[0]
        # steps 1 and 2: every head of both sequences in a row when the page holds them (step 2's two rows of two ran
        # 148 px below the fold presenting at 1280 x 720 x1.3)
        every_head = batch * heads if batch * heads <= MAX_SLICES_PER_ROW else heads
        # step 3: presenting, the concatenations, Wₒ and the outputs in one row (in two, Chinese titles' taller lines
        # ran below the fold at 1280 x 720 x1.3)
        wanted = (every_head, every_head, 2 * batch + 1 if self.presenting else 3)[step]
        across = self.plots_across(wanted)
        self.splitting = step == 0
        with self.drawing((step, heads if step < 2 else None, across)) as fresh:  # the heads only move outlines in step 3
            if step == 0:
                yield from self.show_split(settings, result, fresh, across)
            else:
                (self.show_masks, self.show_concat)[step - 1](settings, result, fresh, across)

    def show_split(self, settings: MultiHeadSettings, result: MultiHeadPass, fresh: bool, across: int):
        """Step 1's panels, yielding after each."""
        batch, n, d = result.x.shape
        heads = settings.heads
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
                        result.channel[b], self.tr("sequence {0}: (n, d) = ({1}, {2})").format(b, n, d),
                        texts=result.channel[b], fills=self.head_fills(result.head[b], b),
                        colspan=min(heads, across), col_labels=[str(c) for c in range(d)], text_scale=1.2)
            yield
        for s in range(batch * heads):
            self.matrix(*slice_cell(s), "slice",
                        result.split_channel[s],
                        # under its sequence, its head h as the formula writes it: on one line in large type (on
                        # three, "slice 0: seq / 0, head 0", the slices ran below the fold presenting at 1280 x 720)
                        self.tr("slice {0}: h{1}").format(s, s % heads),
                        texts=result.split_channel[s],
                        fills=self.head_fills(result.split_head[s], result.split_batch[s]),
                        col_labels=[str(c) for c in range(width)], text_scale=1.2)
            yield
        self.shown = {"channel": result.channel, "split_channel": result.split_channel}

    def show_masks(self, settings: MultiHeadSettings, result: MultiHeadPass, fresh: bool,
                   across: int) -> None:
        heads = settings.heads
        self.set_note(self.tr(
            "valid_lens = {0} is repeated once per head: {1}. Keys at or past a sequence's valid length are "
            "padding: they get weight 0 (grey) and every row still sums to 1.").format(
            list(settings.valid_lens), result.lens.tolist()))
        for s in range(result.weights.shape[0]):
            weights = result.weights[s]
            texts = np.where(result.mask[s], np.vectorize(lambda v: f"{v:.2f}")(weights), "–")
            b, h = divmod(s, heads)
            row, col = divmod(s, across) if len(result.weights) <= across else \
                (b * -(-heads // across) + h // across, h % across)  # each sequence's heads from a row of their own
            plot = self.matrix(row, col, "weights", weights,
                               self.tr("seq {0}, h{1} (valid {2})").format(s // heads, s % heads,
                                                                             result.lens[s]),
                               texts=texts, fills=self._masked(weights, result.mask[s]), text_scale=1.2)
            if fresh:
                style.label(plot, "top", self.tr("key"), self.theme, self.points)
                if col == 0:
                    self.name_rows(plot, self.tr("query"))
        self.shown = {"weights": result.weights, "mask": result.mask.astype(np.int8)}

    def show_concat(self, settings: MultiHeadSettings, result: MultiHeadPass, fresh: bool,
                    across: int) -> None:
        batch, n, d = result.x.shape
        heads = settings.heads
        width = d // heads
        self.set_note(self.tr(
            "transpose_output puts the heads side by side again: ({0}, {1}, {2}) → ({3}, {1}, {4}). Then Wₒ "
            "({4} × {4}) mixes the heads: every output channel uses every head. Outlines mark the heads."
        ).format(batch * heads, n, width, batch, d))

        def texts(array, limit):
            return np.vectorize(lambda v: f"{v:.2f}")(array) if array.shape[1] <= limit else np.full(array.shape, "")

        # presenting, the concatenations, W_o and the outputs in a row; else concatenated | W_o | output side by side,
        # a row a sequence; else one above the other. Short titles: on three lines ("sequence 0: / heads / concatenated")
        # they sent the outputs below the fold presenting at 1280 x 720
        one_row, in_row = self.presenting and across >= 2 * batch + 1, across >= 3
        for b in range(batch):
            cell = (0, b) if one_row else (b, 0)
            plot = self.matrix(*cell, "concat", result.concat[b],
                               self.tr("seq {0}: concat").format(b), signed=True,
                               texts=texts(result.concat[b], 12), col_labels=channel_labels(d))
            for h in range(heads):
                self.outline(plot, 0, h * width, n, width, style.curve_colour(h, self.theme), 0.8)
            cell = (0, batch + 1 + b) if one_row else (b, 2) if in_row else (batch + 1 + b, 0)
            self.matrix(*cell, "output", result.output[b],
                        self.tr("seq {0}: output").format(b), signed=True, texts=texts(result.output[b], 12), col_labels=channel_labels(d))
        cell = (0, batch) if one_row else (0, 1) if in_row else (batch, 0)
        self.matrix(*cell, "w_o", result.w_o,
                    self.tr("Wₒ (shared)"), signed=True,
                    rowspan=batch if in_row and not one_row else 1, texts=texts(result.w_o, 8),
                    col_labels=channel_labels(d), row_labels=channel_labels(d), text_scale=0.9)
        self.shown = {"concat": result.concat, "w_o": result.w_o, "output": result.output}

    def _masked(self, weights: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """RGB fills of a weight matrix with masked keys in grey."""
        cmap = pg.ColorMap([0.0, 1.0], [QColor(self.theme.base), QColor(CELL_TINTS[self.theme.name])])
        fills = cmap.map(np.clip(weights, 0, 1).ravel(), mode="byte")[:, :3].reshape(*weights.shape, 3)
        fills[~mask] = QColor(MASKED_FILL[self.theme.name]).getRgb()[:3]
        return np.ascontiguousarray(fills, dtype=np.uint8)
