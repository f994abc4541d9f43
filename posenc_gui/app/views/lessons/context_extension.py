"""Lesson: RoPE context extension, the frequencies, wavelengths and stretch of each pair under every
scaling of the registry, overlaid."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QFont, QFontMetricsF

from ....core import rope_scalings
from ....core.lessons.context_extension import ScalingComparison, compare_scalings, compared_scalings
from ....core.registry import Method
from ... import i18n, style
from ...state import Scene
from ..base import listed
from ..cell_numbers import fmt
from .frequency_lesson import (LEGEND_GAP, LEGEND_SAMPLE, FrequencyLesson, columns_width, decade_ticks, log_span,
                               show_value)


# the Qt pen style of each line style a scaling's display style names (core.rope_scalings.LINE_STYLES)
PEN_STYLES = {"solid": Qt.SolidLine, "dash": Qt.DashLine, "dot": Qt.DotLine, "dashdot": Qt.DashDotLine,
              "dashdotdot": Qt.DashDotDotLine}
MAX_SYMBOLS = 128  # a scaling's markers are drawn when there are at most this many pairs
LEGEND_COLUMNS = 5  # the most entries a row of the legend holds (nine entries in two rows)
CURVES_EMS = 5.0  # a plot of these smooth curves reads this many lines of text wide (a matrix needs more, ``readable``)
LENGTH_LINES = (Qt.DashLine, Qt.DotLine)  # the training and the extended length on the wavelength plot


def unbroken(title: str) -> str:
    """A title whose units and values do not wrap inside: no line break after a slash ("rad/" ended a line) nor around
    an equals sign ("1 =" did)."""
    return title.replace(" = ", "\u00a0=\u00a0").replace("/", "/\u2060")


def scales_rope(scene: Scene) -> bool:
    """Whether the scene's method is a RoPE that takes the registry's context-extension scalings (it has a
    ``scaling`` parameter): the lesson then compares the scalings at its settings, else at RoPE's defaults."""
    return any(param.name == "scaling" for param in scene.method_obj.params)


class ContextExtensionLesson(FrequencyLesson):
    """Frequencies, wavelengths and the stretch of each pair under every RoPE scaling."""

    key = "context_extension"
    controls_give_room = True
    plots_ahead = 3
    title = QT_TRANSLATE_NOOP("ContextExtensionLesson", "Context extension")
    formulas = ("rope_extension_base", "rope_extension_blend")

    def explanation(self) -> str:
        return self.tr(
            "A model trained on L<sub>0</sub> positions has never seen a slow pair turn further than it did "
            "within L<sub>0</sub>. To reach s·L<sub>0</sub>, <b>linear</b> interpolation slows every pair by s; "
            "<b>NTK-aware</b> raises the base, so fast pairs stay and slow ones stretch; <b>dynamic NTK</b> raises "
            "it only as far as the current length needs; <b>YaRN</b> and <b>Llama 3</b> keep the fast pairs, "
            "divide the slow ones by s and blend in between; <b>LongRoPE</b> divides each pair by its own searched "
            "factor, short ones up to L<sub>0</sub> and long ones beyond.")

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        self.length_box = self.option_control("dynamic_length")
        self.length_box.setSpecialValueText(self.tr("s·L0"))
        self.data: ScalingComparison | None = None
        self.panels: list[tuple[pg.PlotItem, str, str]] = []
        self.curves: dict[tuple[str, str], pg.PlotDataItem] = {}
        self.length_lines: list[pg.InfiniteLine] = []
        self.length_names: list[pg.LabelItem] = []  # the length lines' legend labels
        self.legend: pg.LegendItem | None = None
        self.legend_beside = False  # in the cell the third plot leaves free, beside the first, rather than above
        self.scaling_labels: dict[str, pg.LabelItem] = {}  # the legend's label of each scaling
        self.ticks: dict[str, list] = {}  # the ticks on each panel's left axis
        self.spans: dict[str, tuple[float, float]] = {}  # log10 (low, high) of each panel's values
        self._fitted: dict[str, tuple] = {}  # what each panel's range was last fitted to
        self.plots_built = False  # every plot, curve and line of ``_build_steps`` is there, in the current look

    @staticmethod
    def applies_to(method: Method) -> bool:
        return True

    @classmethod
    def data_key(cls, scene: Scene) -> tuple:
        """The RoPE parameters when the scene shows RoPE (the facts name where they come from), else none."""
        rope = scales_rope(scene)
        return rope, scene.params if rope else None, ContextExtensionLesson.option_values(scene)["dynamic_length"]

    @staticmethod
    def fetch(scene: Scene):
        params = scene.params if scales_rope(scene) else None
        length = ContextExtensionLesson.option_values(scene)["dynamic_length"]
        return compare_scalings(params, length or None)

    def set_look(self, theme, points) -> None:
        """The plots are built anew in the new look."""
        super().set_look(theme, points)
        self.plots_built = False
        if self.data is not None:
            self.show_data(self.model.scene, self.data)

    def show_selection(self, scene: Scene, data: ScalingComparison) -> None:
        """Nothing: the lesson shows its data alone (a new look redraws it in ``set_look``)."""

    def scaling_name(self, scaling: str) -> str:
        """The registry's display name, translated; with the length it is evaluated at when that matters."""
        entry = rope_scalings.SCALINGS[scaling]
        name = i18n.translate("core", entry.title)
        if entry.length_dependent:
            return self.tr("{0} at L = {1}").format(name, "" if self.data is None else self.data.dynamic_length)
        return name

    @staticmethod
    def legend_name(scaling: str) -> str:
        """The scaling's short name, translated: the legend's (its full name is the entry's tooltip)."""
        return i18n.translate("core", rope_scalings.SCALINGS[scaling].legend_title)

    def length_texts(self, lengths: tuple[int, int]) -> list[tuple[str, str]]:
        """(legend name, tooltip) of the training and the extended length's lines."""
        return [(self.tr("L0 = {0}").format(lengths[0]), self.tr("training length L0 = {0}").format(lengths[0])),
                (self.tr("s·L0 = {0}").format(lengths[1]), self.tr("extended length s·L0 = {0}").format(lengths[1]))]

    def steps_ahead(self):
        """The plots, curves, legend and lines of the first drawing, a plot a step, unless a drawing came first."""
        if self.data is not None:  # drawn already (the lecturer opened it): building would clear what is shown
            return
        look = (self.theme, self.points)
        for _ in self._build_steps():
            yield
            if self.data is not None:  # drawn meanwhile: that drawing built its own
                return
        if (self.theme, self.points) != look:  # a new look came meanwhile: the drawing builds anew
            self.plots_built = False

    def built(self) -> bool:
        """Whether the plots are there, whole, for the look and the plots a row the page holds: not after a new look
        (``set_look``), nor while built ahead a plot a step, nor when the rows reflow."""
        return self.plots_built and not self._reflowing

    def _build(self) -> None:
        for _ in self._build_steps():
            pass

    def legend_width(self, columns: int) -> float:
        """The legend's width with its entries in ``columns`` columns (lengths of seven digits where it names one)."""
        font = QFont(self.font())
        font.setPointSizeF(self.points * 0.9)
        metrics = QFontMetricsF(font)
        names = [*(self.legend_name(scaling) for scaling in compared_scalings()),
                 *(name for name, _tip in self.length_texts((9999999, 9999999)))]
        return columns_width([metrics.horizontalAdvance(name) + LEGEND_SAMPLE + LEGEND_GAP for name in names], columns)

    def _build_steps(self):
        """Three log plots with one curve per scaling and a legend naming the curves and the two length lines, yielding
        after each plot. The legend is beside the first plot when two plots share a row (the cell the third leaves
        free), else above the plots: below them, it was out of sight on a projector. The left axes are named by
        symbol and the titles give the units: a longer name was cut where the plot is short."""
        self.clear_plots()
        self.plots_built = False
        panels = [
            ("frequencies", unbroken(self.tr("frequency (rad/position)")), "ω′"),
            ("wavelengths", unbroken(self.tr("wavelength (positions)")), "2π/ω′"),
            ("ratio", unbroken(self.tr("stretch (1 = kept)")), "ω′/ω"),
        ]
        self.panels, self.curves, self.ticks, self._fitted, self.scaling_labels = [], {}, {}, {}, {}
        width = max(2.5, self.points / 5)
        across = self.plots_across(len(panels))
        half = self.page_width() / 2 - 2 * LEGEND_GAP
        self.legend_beside = across == 2 and self.legend_width(2) <= half
        if self.legend_beside:  # in two columns, as tall as the plot beside it at most
            cells = [(0, 0), (1, 0), (1, 1)]
            self.legend = legend = self.legend_cell(0, 1, span=1, columns=2)
        else:
            cells = [(1 + index // across, index % across) for index in range(len(panels))]
            self.legend = legend = self.legend_cell(0, 0, span=across, columns=LEGEND_COLUMNS)
        for (what, heading, y_label), cell in zip(panels, cells):
            plot = self.new_plot(*cell)
            plot.vb.readable_width = CURVES_EMS * QFontMetricsF(self._text_font()).height()
            plot.setLogMode(y=True)
            plot.showGrid(x=True, y=True, alpha=0.25)
            for scaling in compared_scalings():
                look = rope_scalings.SCALINGS[scaling].style
                colour, line, symbol = style.curve_colour(look.colour, self.theme), PEN_STYLES[look.line], look.symbol
                # no dynamic range limit: the values are logs of modest numbers, and with a limit every
                # change of the range re-processes every curve
                item = plot.plot([], [], pen=pg.mkPen(colour, width=width, style=line), symbol=symbol,
                                 symbolSize=self.points * 0.55, dynamicRangeLimit=None)
                style.set_symbol_look(item, colour, None)
                self.curves[what, scaling] = item
                if what == "frequencies":
                    legend.addItem(item, self.legend_name(scaling))
                    self.scaling_labels[scaling] = legend.items[-1][1]
            style.title(plot, heading, self.theme, self.points)
            style.label(plot, "bottom", self.tr("pair i"), self.theme, self.points)
            style.label(plot, "left", y_label, self.theme, self.points)
            style.style_plot(plot, self.theme, self.points)
            self.panels.append((plot, what, y_label))
            yield
        self.fit_titles()
        self.length_lines, self.length_names = [], []
        for dashes in LENGTH_LINES:  # named in the legend: a label on the plot lay on the curves and wrapped
            pen = pg.mkPen(self.theme.foreground, width=2, style=dashes)  # thin: the legend's sample shows its dashes
            line = pg.InfiniteLine(angle=0, pen=pen)
            self.plots[1].addItem(line)
            self.length_lines.append(line)
            legend.addItem(pg.PlotDataItem(pen=pen), "")
            self.length_names.append(legend.items[-1][1])
        for plot, what, _ in self.panels:
            plot.vb.sigResized.connect(lambda _box, plot=plot, what=what: self._fit_range(plot, what))
        self.plots_built = True

    def keep_plots_readable(self) -> None:
        """The legend's columns first (the plots' smallest height counts its rows): after a drawing that renamed its
        entries, and at a new size (``fit_to_size``; built ahead while the window was smaller, the legend kept one
        column above the plots when shown full screen, and pushed them below the fold)."""
        self.fit_legend()
        super().keep_plots_readable()

    def fit_legend(self) -> None:
        """As many legend columns as its place's width and the entries' names hold: the page's, or beside the first
        plot half of it (in two columns at most there, the legend no taller than the plot)."""
        if self.data is not None and self.legend is not None:
            beside = self.legend_beside
            room = self.page_width() / 2 - 2 * LEGEND_GAP if beside else self.page_width() - 2 * LEGEND_GAP
            self.fit_legend_columns(self.legend, 2 if beside else LEGEND_COLUMNS, room)

    def show_data(self, scene: Scene, data: ScalingComparison) -> None:
        self.shown = {f"{what}_{scaling}": data.curves(what)[scaling] for what in ("frequencies", "wavelengths", "ratio")
                      for scaling in data.frequencies}
        show_value(self.length_box, ContextExtensionLesson.option_values(scene)["dynamic_length"])
        self.data = data
        if not self.built():
            self._build()
        pairs = data.pairs
        with_symbols = len(pairs) <= MAX_SYMBOLS
        for (what, scaling), item in self.curves.items():
            symbol = rope_scalings.SCALINGS[scaling].style.symbol
            if symbol and (item.opts["symbol"] is not None) != with_symbols:
                item.setSymbol(symbol if with_symbols else None)
            item.setData(pairs, data.curves(what)[scaling])
        lengths = (data.original_length, data.extended_length)
        named = [*((self.scaling_labels[scaling], self.legend_name(scaling), self.scaling_name(scaling))
                   for scaling in self.scaling_labels),
                 *((label, *texts) for label, texts in zip(self.length_names, self.length_texts(lengths)))]
        for label, text, tip in named:
            if label.text != text:  # a new text lays the legend out again
                label.setText(text)
            label.setToolTip(tip)
        for plot, what, _ in self.panels:
            marks = [data.original_length, data.extended_length] if what == "wavelengths" else []
            span = log_span(*data.curves(what).values(), marks)  # the length lines stay in view
            ticks = decade_ticks(*span)
            if what == "ratio":
                one_over_s = -np.log10(data.factor)
                # first: where labels overlap the axis keeps the first one's (1/s gave way to 10⁻¹ in a short plot)
                ticks[0] = [(one_over_s, self.tr("1/s")), *(tick for tick in ticks[0] if abs(tick[0] - one_over_s) > 0.3)]
            if self.ticks.get(what) != ticks:  # new ticks make the axis lay out and draw again
                plot.getAxis("left").setTicks(ticks)
                self.ticks[what] = ticks
            self.spans[what] = span
        for line, length in zip(self.length_lines, lengths):
            line.setPos(np.log10(length))
        for plot, what, _ in self.panels:
            self._fit_range(plot, what)
        settings = data.settings
        source = self.tr("this scene's RoPE parameters") if scales_rope(scene) else \
            self.tr("the RoPE defaults (choose RoPE in the panel to change them)")
        factors = listed(f"{self.scaling_name(name)} <b>{value:.4f}</b>"
                            for name, value in data.attention_factors.items() if value != 1.0)
        self.facts.setText(self.tr(
            "d = {0}, base = {1}, s = {2}, L0 = {3}: {4}. Besides the frequencies, some scalings multiply cos "
            "and sin by an attention factor: {5}.").format(
            settings["d_model"], f"{settings['base']:.10g}", f"{data.factor:.10g}", data.original_length, source,
            factors or self.tr("none here")))

    def _fit_range(self, plot: pg.PlotItem, what: str) -> None:
        """A panel's range: across, the pairs with pyqtgraph's margin for the plot's width now (set with the values,
        the margin was the one for the width the plot had then, which depended on when the lesson was built: its grid
        lines stood elsewhere built ahead than on the switch); vertically, its values (and the length lines) with room
        at both ends for half a tick label (so the end ticks keep their labels at any text size). Refitted only when
        the values or the plot's size changed (a resize signals every panel several times)."""
        width, height = plot.vb.width(), plot.vb.height()
        if what not in self.spans or height <= 0:
            return
        fitted = (self.spans[what], len(self.data.pairs), width, height)
        if self._fitted.get(what) == fitted:
            return
        self._fitted[what] = fitted
        plot.setXRange(0, max(len(self.data.pairs) - 1, 1))
        low, high = self.spans[what]
        edge = 0.6 * self.points / height  # half a tick label, as a share of the height
        span = max(high - low, 1e-9) / max(1 - 2 * edge, 0.1)
        plot.setYRange(low - edge * span, high + edge * span, padding=0)

    def hover_text(self, plot, x, y) -> str:
        for item, what, y_label in self.panels:
            if item is plot:
                pair = int(np.clip(round(x), 0, len(self.data.pairs) - 1))
                values = listed(f"{self.scaling_name(s)} {fmt(self.data.curves(what)[s][pair])}"
                                   for s in self.data.curves(what))
                return self.tr("pair {0}, {1}: {2}").format(pair, y_label, values)
        return ""
