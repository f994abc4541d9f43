"""Views for relative and rotary methods: the attention-bias matrix per head (ALiBi, T5, Shaw), ALiBi
slopes per head, the rotary score against the offset, and frequencies / wavelengths per pair."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel
from superqt.utils import signals_blocked

from ...core.analysis import wavelengths
from ...core.params import InputError
from ...core.registry import Method
from .. import i18n, style
from ..state import Scene
from .axis_name import keep_name_along
from .base import View, captioned, elements, most_default_heads
from .cell_numbers import fmt
from .grid import ImageGrid, grid_columns, own_scales_switch, sync_own_scales
from .images import Picture, panel_cell, picture


class BiasView(View):
    """The additive logit bias, one matrix per head (query rows, key columns)."""

    key = "bias"
    title = "Bias per head"
    data_fields = ("method", "params", "head")

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        self.panels: list[tuple[str, np.ndarray]] = []
        self.grid = ImageGrid(self, self.tr("query i"), self.tr("key j"), self.tr("bias added to the logit"))
        row = self.controls_row()  # one row ran its switch 27 px out of sight at 1024 x 768 x1.6
        self.head = QComboBox()
        self.head.setToolTip(self.tr("One head, or all heads as small multiples"))
        self.head.activated.connect(lambda i: self.model.update(head="all" if i == 0 else i - 1))
        row.addWidget(captioned(QLabel(self.tr("Head:")), self.head))
        self.own_scales = own_scales_switch(self)
        row.addWidget(self.own_scales)

    @staticmethod
    def applies_to(method: Method) -> bool:
        return "bias" in method.outputs

    @staticmethod
    def fetch(scene: Scene):
        bias = scene.compute("bias")
        if scene.head != "all" and scene.head >= bias.shape[0]:
            raise InputError(i18n.translate("BiasView", "head {0} does not exist; this method has {1} heads")
                             .format(scene.head, bias.shape[0]))
        shown = bias if scene.head == "all" else bias[scene.head:scene.head + 1]
        if scene.params.get("causal"):  # keys after the query are masked, not biased by 0: drawn hatched (no value)
            shown = np.where(np.triu(np.ones(shown.shape[1:], dtype=bool), 1), np.nan, shown)
        own = scene.head == "all" and bool(scene.option("own_scales", False))
        return bias, shown, picture(shown, grid_columns(len(shown)), own_scales=own)

    @staticmethod
    def size(scene: Scene) -> int:
        return elements(scene, "bias")

    def show_data(self, scene: Scene, data: tuple[np.ndarray, np.ndarray, Picture]) -> None:
        for _panel in self._drawing(scene, data):
            pass

    def _drawing(self, scene: Scene, data: tuple[np.ndarray, np.ndarray, Picture]):
        """The drawing of ``show_data``, yielding after each panel (``ImageGrid.showing``)."""
        bias, drawn_from, drawn = data
        heads = bias.shape[0]
        with signals_blocked(self.head):
            if self.head.count() != heads + 1:
                self.head.clear()
                self.head.addItems([self.tr("all")] + [str(h) for h in range(heads)])
            self.head.setCurrentIndex(0 if scene.head == "all" else scene.head + 1)
        shown = range(heads) if scene.head == "all" else [scene.head]
        self.shown = {"bias": bias}
        self.panels = [(self.tr("head {0}").format(h), matrix) for h, matrix in zip(shown, drawn_from)]
        titles = [title for title, _ in self.panels]
        if drawn.panel_levels is not None:  # each head its own colours: its range in its title, as no bar holds
            titles = [self.tr("{0}: {1} to {2}").format(title, fmt(low), fmt(high))
                      for title, (low, high) in zip(titles, drawn.panel_levels)]
        sync_own_scales(self.own_scales, scene, len(self.panels))
        yield from self.grid.showing(list(zip(titles, drawn_from)), None, self.colour_map(drawn.signed),
                                     drawn.levels, pixels=drawn.pixels, square=True, panel_levels=drawn.panel_levels)
        for plot in self.plots:
            style.hatch_masked(plot, bool(scene.params.get("causal")), self.theme)

    def panels_needed(self, scene: Scene, data) -> int:
        return data[0].shape[0] if scene.head == "all" else 1

    def drawing_steps(self, scene: Scene, data):
        """Built ahead: a panel drawn a step, then ``show_data``, which finds them drawn and ends as every drawing
        does."""
        yield from self._drawing(scene, data)
        yield
        self.show_data(scene, data)

    def build_ahead(self) -> bool:
        return self.grid.build_ahead(most_default_heads())  # a panel per head

    def hover_text(self, plot, x, y) -> str:
        hovered = panel_cell(self.plots, self.panels, plot, x, y)
        if hovered is None:
            return ""
        name, matrix, i, j = hovered
        if np.isnan(matrix[i, j]):
            return self.tr("{0}, query {1}, key {2}: masked (a causal query sees no later key)").format(name, i, j)
        return self.tr("{0}, query {1}, key {2} (offset j - i = {3}): bias {4}").format(
            name, i, j, j - i, fmt(float(matrix[i, j])))


class CurveView(View):
    """One or two line plots of 1-D outputs; subclasses say what to plot."""

    data_fields = ("method", "params")
    series_ahead = 0  # the plots its drawings show, built and then styled ahead while the window is idle

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        self.series: list[tuple[pg.PlotItem, str, str, np.ndarray, np.ndarray]] = []
        self.curves: list[pg.PlotDataItem] = []
        self._built_for = None  # (theme, points) the plots are styled for
        self._texts: dict[pg.PlotItem, tuple] = {}  # (title, labels, log y) each plot shows

    def plot_series(self, series: list[tuple[str, str, str, np.ndarray, np.ndarray, bool]]) -> None:
        """series: (title, x label, y label, x, y, log y) per plot, stacked top to bottom. The plots and
        their curves are built once for a number of plots, restyled for a new look, fed new values."""
        if len(series) != len(self.curves):
            self._build(len(series))
        if (self.theme, self.points) != self._built_for:
            self._restyle()
        self.series = []
        retitled = False
        for plot, curve, (name, x_label, y_label, x, y, log_y) in zip(self.plots, self.curves, series):
            if self._texts.get(plot) != (name, x_label, y_label, log_y):
                plot.setLogMode(y=log_y)
                style.label(plot, "bottom", x_label, self.theme, self.points)
                style.label(plot, "left", y_label, self.theme, self.points)
                # on two lines beside a plot shorter than it: on one, 'frequency (rad / position)' held each of the
                # frequency view's two plots 480 px tall, and the page scrolled 579 px presenting at 1280 x 720 x1.3
                keep_name_along(plot.getAxis("left"))
                style.title(plot, name, self.theme, self.points)
                self._texts[plot] = (name, x_label, y_label, log_y)
                retitled = True
            values = np.asarray(y, dtype=float)
            if log_y and not np.any(np.isfinite(values) & (values > 0)):  # nothing a log axis can show (pyqtgraph
                x, y = [], []  # warned of an all-NaN slice when bounding the points)
            curve.setData(x, y, symbol="o" if len(x) <= 64 else None)
            self.series.append((plot, x_label, y_label, np.asarray(x), np.asarray(y)))
        if retitled:
            self.fit_titles()

    def build_ahead(self) -> bool:
        """The plots of the first drawing, then their look, a slice each: the drawing only fills them in."""
        if self.series_ahead and not self.curves:
            self._build(self.series_ahead)
            return True
        if self.curves and self._built_for is None:
            self._restyle()
            return True
        return super().build_ahead()

    def _build(self, count: int) -> None:
        self.clear_plots()
        self.curves = []
        for row in range(count):
            plot = self.new_plot(row, 0)
            plot.showGrid(x=True, y=True, alpha=0.25)
            self.curves.append(plot.plot([], [], symbolSize=7))
        self._built_for = None

    def _restyle(self) -> None:
        width = max(2.0, self.points / 6)
        for row, (plot, curve) in enumerate(zip(self.plots, self.curves)):
            colour = style.curve_colour(row, self.theme)
            curve.setPen(pg.mkPen(colour, width=width))
            style.set_symbol_look(curve, colour)
            style.style_plot(plot, self.theme, self.points)
        self._texts = {}  # labels and titles set again at the new size
        self._built_for = (self.theme, self.points)

    def hover_text(self, plot, x, y) -> str:
        for item, x_label, y_label, xs, ys in self.series:
            if item is plot and len(xs):
                k = int(np.clip(np.searchsorted(xs, x), 0, len(xs) - 1))
                if k > 0 and abs(xs[k - 1] - x) < abs(xs[k] - x):
                    k -= 1
                return f"{x_label} {xs[k]:g}: {y_label} {fmt(float(ys[k]))}"
        return ""


class SlopesView(CurveView):
    key = "slopes"
    title = "Slopes per head"

    @staticmethod
    def applies_to(method: Method) -> bool:
        return "slopes" in method.outputs

    @staticmethod
    def fetch(scene: Scene):
        return scene.compute("slopes", display=False)

    def show_data(self, scene: Scene, slopes: np.ndarray) -> None:
        self.shown = {"slopes": slopes}
        heads = np.arange(len(slopes))
        if not self.plots:
            plot = self.new_plot(0, 0)
            self.bars = pg.BarGraphItem(x=heads, height=slopes, width=0.7)
            plot.addItem(self.bars)
            plot.showGrid(y=True, alpha=0.25)
        plot = self.plots[0]
        if (self.theme, self.points) != self._built_for:
            self.bars.setOpts(brush=style.curve_colour(0, self.theme))
            style.label(plot, "bottom", self.tr("head"), self.theme, self.points)
            style.label(plot, "left", self.tr("slope m"), self.theme, self.points)
            style.title(plot, self.tr("ALiBi slope per head (bias = -m × distance)"), self.theme, self.points)
            style.style_plot(plot, self.theme, self.points)
            self.fit_titles()
            self._built_for = (self.theme, self.points)
        self.bars.setOpts(x=heads, height=slopes)
        plot.getAxis("bottom").setTicks([[(h, str(h)) for h in heads]] if len(heads) <= 32 else None)
        self.series = [(plot, self.tr("head"), self.tr("slope"), heads, slopes)]


class DecayView(CurveView):
    key = "decay"
    title = "Score vs offset"
    series_ahead = 1

    @staticmethod
    def applies_to(method: Method) -> bool:
        return "decay" in method.outputs

    @staticmethod
    def fetch(scene: Scene):
        return scene.compute("decay", display=False)

    @staticmethod
    def size(scene: Scene) -> int:
        return elements(scene, "decay")

    def show_data(self, scene: Scene, decay: np.ndarray) -> None:
        self.shown = {"decay": decay}
        self.plot_series([(self.tr("score of identical rotated q and k (all ones) against their offset,"
                                   " per dimension"),
                           self.tr("offset m - n"), self.tr("score / d"), np.arange(len(decay)), decay, False)])


class FrequencyView(CurveView):
    key = "frequencies"
    title = "Frequencies"
    series_ahead = 2

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        self.length_line: pg.InfiniteLine | None = None

    @staticmethod
    def applies_to(method: Method) -> bool:
        return "frequencies" in method.outputs

    @staticmethod
    def fetch(scene: Scene):
        freq = scene.compute("frequencies", display=False)
        return {"frequencies": freq, "wavelengths": wavelengths(freq)}

    def show_data(self, scene: Scene, data: dict) -> None:
        self.shown = data
        pairs = np.arange(len(data["frequencies"]))
        title = self.tr("angular frequency of each pair (log scale)")
        if not np.any(data["frequencies"] > 0):  # a NoPE layer of a layer pattern, say
            title = self.tr("every frequency is 0: q and k are not rotated (no positions in this layer)")
        self.plot_series([
            (title, self.tr("pair i"),
             self.tr("frequency (rad / position)"), pairs, data["frequencies"], True),
            (self.tr("wavelength 2π / frequency (log scale)"), self.tr("pair i"), self.tr("wavelength (positions)"),
             pairs, data["wavelengths"], True),
        ])
        self._mark_length(scene.params.get("seq_len"), np.log10(data["wavelengths"]))

    def _mark_length(self, length: int | None, log_wavelengths: np.ndarray) -> None:
        """A dashed line at the sequence length on the wavelength plot, labelled at its left end, above the
        line in the lower half of the plot and below it in the upper half (inside the plot either way)."""
        plot = self.plots[1]
        if self.length_line is None or self.length_line not in plot.items:
            self.length_line = pg.InfiniteLine(angle=0, pen=pg.mkPen("#888888", width=2, style=Qt.DashLine),
                                               label="", labelOpts={"position": 0.02,
                                                                    "color": self.theme.foreground})
            plot.addItem(self.length_line)
        self.length_line.setVisible(bool(length))
        if not length:
            return
        position = np.log10(length)
        finite = log_wavelengths[np.isfinite(log_wavelengths)]
        anchor = (0, 0) if len(finite) and position > (finite.min() + finite.max()) / 2 else (0, 1)
        label = self.length_line.label
        label.setColor(self.theme.foreground)
        label.anchors = [anchor, anchor]
        self.length_line.setValue(position)
        text = self.tr("sequence length {0}").format(length)
        label.setFormat(text.replace("{", "{{").replace("}", "}}"))  # setFormat fills in "{value}"
