"""Every output of the current method, whichever the registry lists: T5 buckets, Shaw's clipped distances
and tables, Transformer-XL's four score terms, RoPE angles, xPos scales... A 1-D output is drawn as a
curve, a 2-D one as a heatmap (with its numbers in the cells when it is small), a 3-D one as small
multiples along its first axis. The output shown is ``scene.options["output"]``."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QComboBox, QLabel

from ...core import registry
from ...core.registry import Method
from .. import i18n, style
from ..state import Scene
from .base import View, cell, elements, fmt, grid_columns, image_grid

MAX_CELL_NUMBERS = 16  # numbers are written in the cells of matrices up to this size


def chosen_kind(scene: Scene) -> str:
    """The output the scene shows: its "output" option when the method has it, else the method's first."""
    kinds = list(scene.method_obj.outputs)
    kind = scene.option("output", kinds[0])
    return kind if kind in kinds else kinds[0]


class OutputsView(View):
    key = "outputs"
    title = "Every output"

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        self.panels: list[tuple[str, np.ndarray]] = []
        self.axes = ("", "")
        row = self.controls_row()
        row.addWidget(QLabel(self.tr("Output:")))
        self.kind = QComboBox()
        self.kind.setToolTip(self.tr("Which of the method's outputs to draw"))
        self.kind.activated.connect(lambda index: self.model.set_option("output", self.kind.itemData(index)))
        row.addWidget(self.kind)
        self.meaning = QLabel()
        row.addWidget(self.meaning, 1)

    @staticmethod
    def applies_to(method: Method) -> bool:
        return bool(method.outputs)

    @staticmethod
    def fetch(scene: Scene):
        kind = chosen_kind(scene)
        return kind, scene.compute(kind, display=False)

    @staticmethod
    def size(scene: Scene) -> int:
        return elements(scene, chosen_kind(scene))

    def axis_names(self, kind: str) -> tuple[str, str]:
        """(row axis, column axis) of a 2-D panel of output ``kind``."""
        names = {
            "encoding": (self.tr("position"), self.tr("dimension")),
            "angles": (self.tr("position"), self.tr("pair i")),
            "scale": (self.tr("position"), self.tr("pair i")),
            "tables": (self.tr("clipped distance + K"), self.tr("channel")),
        }
        return names.get(kind, (self.tr("query i"), self.tr("key j")))

    def panel_titles(self, kind: str, count: int) -> list[str]:
        if kind == "terms":
            return [self.tr("(a) content · content"), self.tr("(b) content · position"),
                    self.tr("(c) global content bias u"), self.tr("(d) global position bias v")]
        if kind == "tables":
            return [self.tr("key table aᴷ"), self.tr("value table aⱽ")]
        return [self.tr("head {0}").format(h) for h in range(count)]

    def show_data(self, scene: Scene, data) -> None:
        kind, array = data
        method = scene.method_obj
        self.kind.blockSignals(True)
        self.kind.clear()
        for name in method.outputs:
            self.kind.addItem(i18n.translate("core", name), name)
        self.kind.setCurrentIndex(list(method.outputs).index(kind))
        self.kind.blockSignals(False)
        self.meaning.setText(i18n.translate("core", registry.KINDS[kind]))
        self.shown = {kind: array}
        shown = np.asarray(array, dtype=np.float64)
        if shown.ndim == 1:
            self._curve(kind, shown)
            return
        stack = shown[None] if shown.ndim == 2 else shown
        self.panels = list(zip(self.panel_titles(kind, len(stack)) if shown.ndim == 3 else [kind], stack))
        self.axes = self.axis_names(kind)
        low, high, signed = style.levels_for(stack)
        images = image_grid(self, [t for t, _ in self.panels], stack.shape[1:], grid_columns(len(stack)),
                            style.colour_map(signed), self.axes[0], self.axes[1])
        for image, (_, matrix) in zip(images, self.panels):
            image.setImage(np.ascontiguousarray(matrix, dtype=np.float32), levels=(low, high))
        self.bar.setLevels((low, high))
        if max(stack.shape[1:]) <= MAX_CELL_NUMBERS and len(stack) <= 4:
            self._write_numbers(stack, np.issubdtype(array.dtype, np.integer), low, high)

    def _curve(self, kind: str, values: np.ndarray) -> None:
        self.clear_plots()
        self.panels = []
        plot = self.new_plot(0, 0)
        plot.showGrid(x=True, y=True, alpha=0.25)
        colour = style.curve_colour(0, self.theme)
        plot.plot(np.arange(len(values)), values, pen=pg.mkPen(colour, width=max(2.0, self.points / 6)),
                  symbol="o" if len(values) <= 64 else None, symbolSize=7, symbolBrush=colour)
        style.label(plot, "bottom", self.tr("index"), self.theme, self.points)
        style.label(plot, "left", i18n.translate("core", kind), self.theme, self.points)
        style.title(plot, i18n.translate("core", registry.KINDS[kind]), self.theme, self.points)
        style.style_plot(plot, self.theme, self.points)

    def _write_numbers(self, stack: np.ndarray, integers: bool, low: float, high: float) -> None:
        font = self.font()
        font.setPointSizeF(self.points * 0.75)
        dark_below = low + (0.3 if low < 0 else 0.5) * (high - low)  # both maps are dark at their low end
        for plot, matrix in zip(self.plots, stack):
            for (r, c), value in np.ndenumerate(matrix):
                item = pg.TextItem(f"{value:.0f}" if integers else f"{value:.2f}", anchor=(0.5, 0.5))
                item.setFont(font)
                item.setColor("#ffffff" if value < dark_below else "#000000")
                item.setPos(c, r)
                plot.addItem(item)

    def hover_text(self, plot, x, y) -> str:
        if plot not in self.plots or not self.panels:
            return ""
        name, matrix = self.panels[self.plots.index(plot)]
        where = cell(matrix, x, y)
        if where is None:
            return ""
        r, c = where
        return self.tr("{0}: {1} {2}, {3} {4}: {5}").format(name, self.axes[0], r, self.axes[1], c,
                                                           fmt(float(matrix[r, c])))
