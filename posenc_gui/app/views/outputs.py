"""Every output of the current method, whichever the registry lists: T5 buckets, Shaw's clipped distances
and tables, Transformer-XL's four score terms, RoPE angles, xPos scales... A 1-D output is drawn as a
curve, a 2-D one as a heatmap (with its numbers in the cells when it is small), a 3-D one as small
multiples along its first axis. The output shown is ``scene.options["output"]``."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QComboBox, QLabel
from superqt.utils import signals_blocked

from ...core import registry
from ...core.registry import Method
from .. import axes, i18n, style
from ..state import Scene
from .base import View, captioned, elements, most_default_heads
from .cell_numbers import fmt
from .flow import fill_line
from .grid import ImageGrid
from .images import panel_cell, picture
from .placement import grid_columns, place, unplace

MAX_CELL_NUMBERS = 16  # numbers are written in the cells of matrices up to this size


def chosen_kind(scene: Scene) -> str:
    """The output the scene shows: its "output" option when the method has it, else the method's first."""
    kinds = list(scene.method_obj.outputs)
    kind = scene.option("output", kinds[0])
    return kind if kind in kinds else kinds[0]


class OutputsView(View):
    key = "outputs"
    title = "Every output"
    data_fields = ("method", "params", "options")  # the "output" option chooses what is computed

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        self.panels: list[tuple[str, np.ndarray]] = []
        self.axes = ("", "")
        self.grid = ImageGrid(self, "", "")
        self.curve_plot: pg.PlotItem | None = None
        self._curve_look = self._curve_texts = self._kinds = None
        row = self.controls_row()
        self.kind = QComboBox()
        self.kind.setToolTip(self.tr("Which of the method's outputs to draw"))
        self.kind.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.kind.activated.connect(lambda index: self.model.set_option("output", self.kind.itemData(index)))
        row.addWidget(captioned(QLabel(self.tr("Output:")), self.kind))
        self.meaning = QLabel()
        self.meaning.setWordWrap(True)  # a long meaning takes the rest of the line, or a line of its own, and wraps
        row.addWidget(fill_line(self.meaning))

    @staticmethod
    def applies_to(method: Method) -> bool:
        return bool(method.outputs)

    @staticmethod
    def fetch(scene: Scene):
        """(kind, array, the ``Picture`` of a 2-D or 3-D array or None)."""
        kind = chosen_kind(scene)
        array = scene.compute(kind, display=False)
        if array.ndim == 1:
            return kind, array, None
        stack = array[None] if array.ndim == 2 else array
        return kind, array, picture(stack, grid_columns(len(stack)))

    @staticmethod
    def size(scene: Scene) -> int:
        return elements(scene, chosen_kind(scene))

    @staticmethod
    def axis_names(kind: str) -> tuple[str, str]:
        """(row axis, column axis) of a 2-D panel of output ``kind``, as the kind names them."""
        return tuple(i18n.translate("core", name) for name in registry.KINDS[kind].axes)

    def panel_titles(self, kind: str, count: int) -> list[str]:
        """The titles of the ``count`` panels of a 3-D output ``kind``: the kind's own, else one a head."""
        titles = registry.KINDS[kind].panel_titles
        if titles:
            return [i18n.translate("core", title) for title in titles]
        return [self.tr("head {0}").format(h) for h in range(count)]

    def show_data(self, scene: Scene, data) -> None:
        kind, array, drawn = data
        method = scene.method_obj
        with signals_blocked(self.kind):
            if tuple(method.outputs) != self._kinds:
                self.kind.clear()
                for name in method.outputs:
                    self.kind.addItem(i18n.translate("core", name), name)
                self._kinds = tuple(method.outputs)
            self.kind.setCurrentIndex(list(method.outputs).index(kind))
        self.meaning.setText(i18n.translate("core", registry.KINDS[kind].meaning))
        self.shown = {kind: array}
        if array.ndim == 1:
            self._curve(kind, np.asarray(array, dtype=np.float64))
            return
        self._take_curve_away()
        stack = array[None] if array.ndim == 2 else array
        self.panels = list(zip(self.panel_titles(kind, len(stack)) if array.ndim == 3
                                else [i18n.translate("core", kind)], stack))
        self.axes = self.axis_names(kind)
        self.grid.name_axes(*self.axes)
        cmap = self.colour_map(drawn.signed)
        self.grid.show(self.panels, None, cmap, drawn.levels, pixels=drawn.pixels, square=registry.KINDS[kind].square)
        numbered = max(stack.shape[1:]) <= MAX_CELL_NUMBERS and len(stack) <= 4
        self._write_numbers(stack if numbered else stack[:0], np.issubdtype(array.dtype, np.integer), cmap,
                            drawn.levels)

    def _curve(self, kind: str, values: np.ndarray) -> None:
        """A 1-D output as one curve, in a plot built once and kept (restyled for a new look)."""
        self.grid.detach()
        self.panels = []
        if self.curve_plot is None:
            self.curve_plot = pg.PlotItem(viewBox=pg.ViewBox(enableMenu=False), axisItems=axes.grid_axes())
            self.curve_plot.setMenuEnabled(False)
            self.curve_plot.hideButtons()
            self.curve_plot.showGrid(x=True, y=True, alpha=0.25)
            self.curve = self.curve_plot.plot([], [], symbolSize=7)
        if self._curve_look != (self.theme, self.points):
            colour = style.curve_colour(0, self.theme)
            self.curve.setPen(pg.mkPen(colour, width=max(2.0, self.points / 6)))
            style.set_symbol_look(self.curve, colour)
            style.label(self.curve_plot, "bottom", self.tr("index"), self.theme, self.points)
            style.style_plot(self.curve_plot, self.theme, self.points)
            self._curve_look, self._curve_texts = (self.theme, self.points), None
        if self.curve_plot not in self.graphics.ci.items:
            place(self.graphics, self.curve_plot, 0, 0)
        self.plots = [self.curve_plot]
        if self._curve_texts != kind:
            style.label(self.curve_plot, "left", i18n.translate("core", kind), self.theme, self.points)
            style.title(self.curve_plot, i18n.translate("core", registry.KINDS[kind].meaning), self.theme, self.points)
            self._curve_texts = kind
            self.fit_titles()
        self.curve.setData(np.arange(len(values)), values, symbol="o" if len(values) <= 64 else None)

    def _take_curve_away(self) -> None:
        if self.curve_plot is not None and self.curve_plot in self.graphics.ci.items:
            unplace(self.graphics, self.curve_plot)

    def _write_numbers(self, stack: np.ndarray, integers: bool, cmap: pg.ColorMap, levels: tuple[float, float]) -> None:
        """The numbers in the cells of each panel of ``stack`` (none when it is empty), each in black or white, whichever
        reads on the colour ``cmap`` gives its cell between ``levels`` (the app's one rule, ``style.text_colours_on``:
        a guess that every map is dark at its low end wrote black on the dark middle of some maps)."""
        font = self.font()
        font.setPointSizeF(self.points * 0.75)
        low, high = levels
        labels = []
        for matrix in stack:
            colours = style.text_colours_on(cmap, np.nan_to_num((matrix - low) / ((high - low) or 1.0)))
            labels.append([(r, c, f"{value:.0f}" if integers else f"{value:.2f}", colours[r, c])
                           for (r, c), value in np.ndenumerate(matrix)])
        self.grid.write_cells(labels, font)

    def panels_needed(self, scene: Scene, data) -> int:
        array = data[1]
        return 0 if array.ndim == 1 else 1 if array.ndim == 2 else len(array)

    def build_ahead(self) -> bool:
        return self.grid.build_ahead(most_default_heads())  # a panel per head

    def hover_text(self, plot, x, y) -> str:
        hovered = panel_cell(self.plots, self.panels, plot, x, y)
        if hovered is None:
            return ""
        name, matrix, r, c = hovered
        return self.tr("{0}: {1} {2}, {3} {4}: {5}").format(name, self.axes[0], r, self.axes[1], c,
                                                           fmt(float(matrix[r, c])))
