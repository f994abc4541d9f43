"""Lesson: the relative property, PE(p+k) = M(k) PE(p) for the sinusoid and RoPE's dependence on m - n."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFont, QFontMetricsF

from ....core.lessons.options import step_of
from ....core.lessons.relative_shift import (SIMILARITY_POSITIONS, RelativePropertyData, RelativeSettings,
                                             relative_property)
from ...state import Scene
from ... import style
from ..cell_numbers import CELL_PADDING
from ..readable import MIN_PLOT
from .matrix_lesson import MARK_COLOURS, MatrixLesson, channel_labels, number_text


SHOWN_BLOCKS = 3
STEP_COUNT = 3  # as many as ``steps`` lists (a property: its titles are translated where it is read)


def relative_settings(scene: Scene) -> RelativeSettings:
    values = RelativePropertyLesson.option_values(scene)
    return RelativeSettings(values["p"], values["k"], values["width"], step_of(scene.options, STEP_COUNT))


class RelativePropertyLesson(MatrixLesson):
    """PE(p+k) = M(k) PE(p) with M(k)'s rotation blocks, the constant diagonals of PE PE^T, and RoPE scores
    that depend only on m - n."""

    uses_method = False
    key = "relative_property"
    shrinks_to_room = True
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
        row = self.controls_row()  # one row ran 6 px past a 1024 px projector's page at x1.3
        self.add_option_spins(row, ("p", "k", "width"))
        self.curves: list[pg.PlotItem] = []  # the plots of curves in steps 2 and 3, beside or instead of matrices

    @staticmethod
    def fetch(scene: Scene) -> RelativePropertyData:
        return relative_property(relative_settings(scene))

    def show_data(self, scene: Scene, data: RelativePropertyData) -> None:
        for _panel in self._drawing(data):
            pass

    def drawing_steps(self, scene: Scene, data: RelativePropertyData):
        """Built ahead: the first step's panels a step each (with their numbers, five panels are the longest drawing
        of the build-ahead), then ``show_data``, which finds them drawn and ends as every drawing does."""
        yield from self._drawing(data)
        yield
        self.show_data(scene, data)

    def _drawing(self, data: RelativePropertyData):
        """The drawing of ``show_data``, yielding after each panel of the first step."""
        s = data.settings
        self.show_option_values({"p": s.p, "k": s.k, "width": s.width})
        for label, name in zip(self.formula_labels, self.formulas):
            label.setVisible((name == "rope_relative") == (s.step == 2))
        self.show_step()
        across = self.plots_across((5, 2, 2)[s.step])
        with self.drawing((s.step, across)) as fresh:
            if s.step == 0:
                yield from self.show_shift(s, data, fresh, across)
            else:
                (self.show_similarity, self.show_rope)[s.step - 1](s, data, fresh, across)

    def show_shift(self, s: RelativeSettings, data: RelativePropertyData, fresh: bool, across: int):
        """M(k) and its first blocks, then PE(p), M(k) PE(p) and PE(p + k): in one row, else the three vectors in a
        row of their own under the matrices (and one a row when narrower still). Yields after each panel."""
        in_row = across >= 5

        def spot(index: int) -> tuple[int, int]:
            if in_row:
                return 0, index
            if index < 2:
                return divmod(index, min(across, 2))
            first = 2 // min(across, 2)  # the rows the two matrices take
            return divmod(index - 2, min(across, 3))[0] + first, (index - 2) % min(across, 3)

        shift = data.shift
        shown = min(2 * SHOWN_BLOCKS, s.width)
        self.set_note(self.tr(
            "Block i of M({0}) turns pair i by {0}·ωᵢ. The first {1} of {2} channels are shown with their numbers. "
            "Over all {2} channels max |PE({3}) − M({0}) PE({4})| = {5}: equal up to rounding.").format(
            s.k, shown, s.width, s.p + s.k, s.p, f"{shift.residual:.1e}"))
        size = self.tr("M({0}), all {1} × {1}").format(s.k, s.width).replace(" × ", "\u00a0×\u00a0")  # on one line
        whole = self.matrix(*spot(0), "shift_all", shift.shift, size,
                            signed=True, levels=(-1.0, 1.0), texts=np.full(shift.shift.shape, ""),
                            row_labels=channel_labels(s.width), col_labels=channel_labels(s.width))
        whole.vb.readable_width = self.readable_cells_width()  # no numbers in it: read as a pattern
        yield
        labels = [(self.tr("sin {0}") if c % 2 == 0 else self.tr("cos {0}")).format(c // 2) for c in range(shown)]
        block = self.matrix(*spot(1), "shift", shift.shift[:shown, :shown],
                            self.tr("its first {0} blocks").format(shown // 2), signed=True, levels=(-1.0, 1.0),
                            row_labels=labels, col_labels=[str(c) for c in range(shown)], text_scale=0.9)
        for b in range(shown // 2):
            self.outline(block, 2 * b, 2 * b, 2, 2, width=0.7)
        yield
        for col, (name, vector, title) in enumerate((
                ("pe_p", shift.pe_p, self.tr("PE({0})").format(s.p)),
                ("moved", shift.moved, self.tr("M({0}) PE({1})").format(s.k, s.p)),
                ("pe_pk", shift.pe_pk, self.tr("PE({0})").format(s.p + s.k))), start=2):
            texts = [[number_text(v)] for v in vector[:shown]]
            plot = self.matrix(*spot(col), name, vector[:shown, None], title, signed=True, levels=(-1.0, 1.0),
                               texts=texts, row_labels=labels, col_labels=[""], text_scale=0.9)
            plot.vb.readable_width = self.numbers_width(texts, 0.9)  # a column of numbers: as wide as they are
            # beside PE(p) in its row, a vector reads its rows' names there (three times they took 340 px of a row)
            named = col == 2 or spot(col)[0] != spot(2)[0]
            axis = plot.getAxis("left")
            if axis.style["showValues"] != named:
                axis.setStyle(showValues=named)
                axis.setWidth(None if named else round(self.points / 2))  # named: as wide as its names
            yield
        if fresh:
            layout = self.graphics.ci.layout
            used = min(across, 3)  # an empty column with a stretch kept a third of the width blank
            for col, stretch in enumerate((3, 3, 1, 1, 1) if in_row else [int(col < used) for col in range(5)]):
                layout.setColumnStretchFactor(col, stretch)
        self.shown = {"shift": shift.shift, "pe_p": shift.pe_p, "moved": shift.moved, "pe_pk": shift.pe_pk}

    def numbers_width(self, texts, text_scale: float) -> float:
        """The width a column of ``texts`` (a list of one-text rows) reads at: its widest number and a cell's padding
        each side, at least ``MIN_PLOT``'s width (``readable.column_width``: counted as wide as a plot of curves, the
        three vectors put the five panels onto two rows of 100 px)."""
        font = QFont(self.font())
        font.setPointSizeF(self.points * text_scale)
        metrics = QFontMetricsF(font)
        return max(float(MIN_PLOT[0]), max(metrics.horizontalAdvance(text) for text, in texts) + 2 * CELL_PADDING)

    def show_similarity(self, s: RelativeSettings, data: RelativePropertyData, fresh: bool, across: int) -> None:
        sim = data.similarity
        k = min(s.k, SIMILARITY_POSITIONS - 1)
        self.set_note(self.tr(
            "PE(p) · PE(q) = Σ cos((p − q) ωᵢ): along every diagonal the value is the same. Largest spread along "
            "any diagonal: {0}. The outlined diagonal is q = p + {1}.").format(f"{sim.spread:.1e}", k))
        matrix = sim.similarity
        plot = self.matrix(0, 0, "similarity", matrix, self.tr("PE · PEᵀ, positions 0 to {0}, d = {1}").format(
            SIMILARITY_POSITIONS - 1, s.width), signed=True, texts=np.full(matrix.shape, ""),
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
        curve.setYRange(-s.width / 2, s.width / 2)
        self.set_title(curve, self.tr("PE(p) · PE(p + {0}) for every p: flat").format(k))
        self.shown = {"similarity": matrix, "diagonal": diagonal}

    def show_rope(self, s: RelativeSettings, data: RelativePropertyData, fresh: bool, across: int) -> None:
        same, by_offset = data.rope_same_offset, data.rope_by_offset
        self.set_note(self.tr(
            "With RoPE, q is turned by its position m and k by n; the score (Rₘ q) · (Rₙ k) sees only m − n. "
            "For m − n = {0} at every n the spread is {1}; against the offset it changes.").format(
            s.k, f"{np.ptp(same):.1e}"))
        colour = MARK_COLOURS[self.theme.name]
        if fresh:
            left, right = self.curves = [self.new_plot(0, 0), self.new_plot(*((0, 1) if across > 1 else (1, 0)))]
            left.plot(pen=pg.mkPen(colour, width=3), symbol="o", symbolSize=self.points, symbolBrush=colour)
            style.label(left, "bottom", self.tr("n"), self.theme, self.points)
            style.label(left, "left", self.tr("score"), self.theme, self.points)
            right.plot(pen=pg.mkPen(self.theme.foreground, width=3))
            right.plot(pen=None, symbol="o", symbolSize=self.points * 1.5, symbolBrush=colour)
            # short, one line each beside the other ("score against the offset m − n (n = 0)" took two, in Chinese
            # broken as "(n =" / "0)", the plots 40-70 px tall presenting at 1280 x 720): the axes name the score
            style.title(right, self.tr("every m − n at n = 0"), self.theme, self.points)
            style.label(right, "bottom", self.tr("m − n"), self.theme, self.points)
            for plot in self.curves:
                plot.showGrid(x=True, y=True, alpha=0.25)
                style.style_plot(plot, self.theme, self.points)
        left, right = self.curves
        left.listDataItems()[0].setData(np.arange(same.size), same)
        extent = float(np.abs(by_offset).max()) * 1.1
        self.set_title(left, self.tr("m − n = {0} at every n").format(s.k))
        line, dot = right.listDataItems()
        line.setData(np.arange(by_offset.size), by_offset)
        if s.k < by_offset.size:
            dot.setData([s.k], [by_offset[s.k]])
        else:
            dot.setData([], [])
        for plot in self.curves:
            plot.setYRange(-extent, extent)
        self.shown = {"same_offset": same, "by_offset": by_offset}
