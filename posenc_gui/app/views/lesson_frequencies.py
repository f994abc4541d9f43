"""Four guided views about frequencies: the sinusoid's pairs as clock hands beside a binary counter,
RoPE context extension with every scaling overlaid, the precision lens (low-precision angles against
float64, and the mod-2pi fix), and the trained MiniLM position table beside the sinusoid."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QFontMetricsF, QTextOption
from PySide6.QtWidgets import QGraphicsEllipseItem, QLabel, QSpinBox
from superqt.utils import signals_blocked

from ...core import clocks, extension, learned_vs_sinusoid, precision, registry, rope_scalings
from ...core.analysis import DTYPES
from ...core.registry import Method
from .. import i18n, style
from ..state import Scene, error_text
from .base import cell, colour_bar_ahead, float32_pixels, fmt, frame_cells, heatmap, listed, place, unplace
from .lesson import LessonView

MAX_POSITION = 10**9


def spin_box(low: int, high: int, tooltip: str, changed) -> QSpinBox:
    """A spin box whose edits go to ``changed`` (a state-model setter)."""
    box = QSpinBox()
    box.setRange(low, high)
    box.setToolTip(tooltip)
    box.setKeyboardTracking(False)
    box.valueChanged.connect(changed)
    return box


def show_value(box: QSpinBox, value: int) -> None:
    """Set a spin box from the state without sending the value back."""
    with signals_blocked(box):
        box.setValue(value)


SUPERSCRIPTS = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def decade_ticks(low: float, high: float) -> list:
    """Major ticks of a log axis (in log10 units, as pyqtgraph's log mode places them): 10^k for every
    whole k from ``low`` to ``high``, written with superscripts."""
    return [[(k, "1" if k == 0 else "10" + str(k).translate(SUPERSCRIPTS))
             for k in range(int(np.floor(low)), int(np.ceil(high)) + 1)], []]


def log_span(*arrays) -> tuple[float, float]:
    """(low, high) log10 range of the positive finite values of ``arrays``."""
    values = np.concatenate([np.ravel(a) for a in arrays])
    values = values[np.isfinite(values) & (values > 0)]
    return float(np.log10(values.min())), float(np.log10(values.max()))


def period_text(positions: float) -> str:
    """A number of positions for a title: one decimal below 100, whole above."""
    return f"{positions:.1f}" if positions < 100 else f"{positions:.0f}"


def positive(values: np.ndarray) -> np.ndarray:
    """The values with zeros and NaN blanked, for a logarithmic axis (NaN leaves a gap)."""
    values = np.asarray(values, dtype=np.float64)
    return np.where(values > 0, values, np.nan)


LEGEND_GAP = 24  # pixels: between a legend's columns, and an allowance for the margins around it


class FrequencyLesson(LessonView):
    """A lesson with a row of controls above the plots and a line of computed facts below them."""

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        self.control_row = self.controls_row()
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.RichText)
        self.facts.setContentsMargins(8, 4, 8, 6)
        self.page_layout.addWidget(self.facts)

    def add_control(self, text: str, widget) -> None:
        self.control_row.addWidget(QLabel(text))
        self.control_row.addWidget(widget)
        self.control_row.addSpacing(24)

    def set_look(self, theme, points) -> None:
        super().set_look(theme, points)
        font = self.facts.font()
        font.setPointSizeF(points)
        self.facts.setFont(font)

    def legend_for(self, plot: pg.PlotItem, offset: tuple[int, int]) -> pg.LegendItem:
        """A legend in the theme's colours; offset from the plot's corner (negative: from the right / bottom)."""
        legend = plot.addLegend(offset=offset, labelTextSize=f"{self.points * 0.9:.0f}pt",
                                labelTextColor=self.theme.foreground, brush=pg.mkBrush(self.theme.background),
                                pen=pg.mkPen(self.theme.foreground))
        return legend

    def legend_below(self, span: int, columns: int, row: int = 1) -> pg.LegendItem:
        """A legend in its own row (``row``) under the plots (``span`` grid columns wide, entries in ``columns``
        columns), where it covers no curve."""
        legend = pg.LegendItem(labelTextSize=f"{self.points * 0.9:.0f}pt", labelTextColor=self.theme.foreground)
        legend.setColumnCount(columns)
        self.graphics.addItem(legend, row=row, col=0, colspan=span)
        return legend

    def fit_legend_columns(self, legend: pg.LegendItem, most: int) -> None:
        """Put the legend's entries in as many columns (up to ``most``) as the page's width holds side by side."""
        entry = max((sample.boundingRect().width() + label.itemRect().width() + LEGEND_GAP
                     for sample, label in legend.items), default=0.0)
        room = self.page_width() - 2 * LEGEND_GAP  # the plots' layout's margins
        legend.setColumnCount(max(1, min(most, int(room // max(entry, 1.0)))))

    def text_item(self, text: str, anchor=(0.5, 0.5), scale: float = 1.0, colour: str | None = None) -> pg.TextItem:
        item = pg.TextItem(text, color=colour or self.theme.foreground, anchor=anchor)
        font = self.font()
        font.setPointSizeF(self.points * scale)
        item.setFont(font)
        return item


# -- 1. clocks ----------------------------------------------------------------------------------


BITS_RANGE = 3.2  # x from 0 to this in the bits' plot: the lamps span 0 to 1, their "flips every" texts start at
EVERY_AT = 1.12   # this


class ClocksView(FrequencyLesson):
    """Each (sin, cos) pair as a clock hand at angle p * w_i, with the bits of p beside them."""

    key = "clocks"
    plots_ahead = 1  # the bits' plot; the dials are built ahead whole (``build_ahead``)
    dials_ahead = 8  # as many as the default scene shows
    title = QT_TRANSLATE_NOOP("ClocksView", "Clocks and bits")
    formulas = ("clock_hands", "binary_bits")
    data_fields = ("method", "params", "position", "options")

    def explanation(self) -> str:
        return self.tr(
            "Each (sin, cos) pair of the sinusoid is a clock hand. At position <i>p</i> hand <i>i</i> has turned "
            "<i>p</i>·ω<sub>i</sub> radians, and its tip is the pair's two encoding values. The first hands race "
            "round; the last barely move. A binary counter does the same: its lowest bit flips at every step, "
            "each higher bit half as often. Sweep <b>position</b> with Play in the panel to watch both.")

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        self.position_box = spin_box(0, MAX_POSITION, self.tr("The position p the hands and bits show"),
                                     lambda p: self.model.update(position=p))
        self.hands_box = spin_box(1, clocks.MAX_HANDS, self.tr("How many pairs to draw, spread from the "
                                                               "fastest to the slowest"),
                                  lambda n: self.model.set_option("hands", n))
        self.add_control(self.tr("Position p:"), self.position_box)
        self.add_control(self.tr("Hands and bits:"), self.hands_box)
        self.control_row.addStretch(1)
        self.face: dict = {}
        # every dial made in this look (plot, hand, tip, caption); the first ``len(self.dials)`` are shown
        self.dial_pool: list[tuple[pg.PlotItem, pg.PlotDataItem, pg.ScatterPlotItem, pg.TextItem]] = []
        self.dials: list[tuple[pg.PlotItem, pg.PlotDataItem, pg.ScatterPlotItem, pg.TextItem]] = []
        self.bit_plot: pg.PlotItem | None = None
        self.lamps: pg.BarGraphItem | None = None
        self.bit_pool: list[tuple[pg.TextItem, pg.TextItem]] = []  # (digit, "flips every") of every bit made
        self.bit_texts: list[tuple[pg.TextItem, pg.TextItem]] = []
        self._layout_key = None
        self._fitted: dict[pg.PlotItem, tuple[str, float, float]] = {}  # each caption's text and dial size when fitted

    @staticmethod
    def applies_to(method: Method) -> bool:
        return True

    @staticmethod
    def settings(scene: Scene) -> tuple[int, float, int]:
        """(d_model, base, hands): the scene's sinusoid when it shows one, else the sinusoid's defaults."""
        values = scene.params if scene.method == "sinusoidal" else registry.get("sinusoidal").defaults()
        hands = min(max(int(scene.option("hands", 8)), 1), clocks.MAX_HANDS)
        return values["d_model"], values["base"], hands

    @classmethod
    def data_key(cls, scene: Scene) -> tuple:
        """Another method's parameters leave the clocks as they are."""
        return scene.position, cls.settings(scene)

    @staticmethod
    def fetch(scene: Scene):
        d_model, base, hands = ClocksView.settings(scene)
        return clocks.clock_face(scene.position, d_model, base, hands)

    def show_selection(self, scene: Scene, face: dict) -> None:
        """Nothing: the clocks show their data alone (a new look redraws them in ``set_look``)."""

    def set_look(self, theme, points) -> None:
        super().set_look(theme, points)
        self.plots = [plot for plot, *_items in self.dial_pool] + ([self.bit_plot] if self.bit_plot else [])
        self.clear_plots()  # the dials and bits are made anew in the new look
        self.dial_pool, self.dials, self.bit_pool, self.bit_texts = [], [], [], []
        self.bit_plot = self.lamps = None
        self._layout_key = None
        self._fitted = {}
        if self.face:
            self.show_data(self.model.scene, self.face)

    def build_ahead(self) -> bool:
        """A dial more while the window is idle, up to ``dials_ahead``; then the bits' plot. A dial is most of what
        drawing the clocks first costs; ``_arrange`` places the dials made ahead."""
        if len(self.dial_pool) < self.dials_ahead:
            self.dial_pool.append(self._new_dial())
            return True
        return super().build_ahead()

    def _new_dial(self) -> tuple:
        """A clock face, not yet placed: rim, twelve o'clock mark, hand, tip and caption."""
        rim = pg.mkPen(self.theme.foreground, width=2)
        rim.setCosmetic(True)
        plot = self.spare_plot()
        plot.setAspectLocked(True)
        plot.hideAxis("left")
        plot.hideAxis("bottom")
        plot.setMouseEnabled(False, False)
        plot.setRange(xRange=(-1.2, 1.2), yRange=(-1.75, 1.15), padding=0)
        circle = QGraphicsEllipseItem(-1, -1, 2, 2)
        circle.setPen(rim)
        plot.addItem(circle)
        # no dynamic range limit on the two strokes: with it every change of the dial's range re-processes them
        plot.plot([0, 0], [0.85, 1.0], pen=rim, dynamicRangeLimit=None)  # twelve o'clock: angle 0
        hand = plot.plot([0, 0], [0, 1], pen=pg.mkPen(self.theme.highlight, width=max(3.0, self.points / 3)),
                         dynamicRangeLimit=None)
        tip = pg.ScatterPlotItem(size=self.points, brush=pg.mkBrush(self.theme.highlight), pen=None)
        plot.addItem(tip)
        caption = self.text_item("", anchor=(0.5, 0))
        caption.textItem.document().setDefaultTextOption(QTextOption(Qt.AlignHCenter))
        caption.setPos(0, -1.08)
        plot.addItem(caption)
        plot.vb.sigResized.connect(lambda _box: self._fit_caption(plot, caption))
        style.style_plot(plot, self.theme, self.points)
        return plot, hand, tip, caption

    def _place(self, plot: pg.PlotItem, row: int, col: int, rowspan: int = 1) -> None:
        """Put a plot made earlier back into the grid."""
        place(self.graphics, plot, row, col, rowspan)
        self.plots.append(plot)

    def _arrange(self, dial_count: int, bit_count: int) -> None:
        """Dials in at most two rows on the left (fast hands first), the bits in a column on the right.
        Dials and bit texts made for an earlier count are reused: making a plot costs far more than
        placing one."""
        # out of the grid, kept in the scene (pyqtgraph's removeItem took each out of the scene, and its addItem
        # laid the whole grid out again for every plot put back)
        for plot in self.plots:
            unplace(self.graphics, plot)
        self.plots = []
        layout = self.graphics.ci.layout
        for col in range(layout.columnCount()):
            layout.setColumnStretchFactor(col, 0)
        wanted = dial_count if dial_count <= 4 else -(-dial_count // 2)
        # the bits' column counts as one more plot of the row: narrow, the dials wrap onto more rows
        columns = min(max(self.plots_across(wanted + 1) - 1, 1), wanted)
        for index in range(dial_count):
            row, col = divmod(index, columns)
            if index == len(self.dial_pool):
                self.dial_pool.append(self._new_dial())
            plot = self.dial_pool[index][0]
            if plot.scene() is None:  # made ahead: added as pyqtgraph adds an item, which its ``clear`` expects
                self.place_plot(plot, row, col)
            else:
                self._place(plot, row, col)
        self.dials = self.dial_pool[:dial_count]
        caption_font = self.font()
        caption_font.setPointSizeF(self.points * (0.95 if dial_count <= 8 else 0.8))
        for plot, *_items, caption in self.dials:
            caption.setFont(caption_font)
            self._fitted.pop(plot, None)
        rows = -(-dial_count // columns)
        if self.bit_plot is None:
            self.bit_plot = plot = self.new_plot(0, columns, rowspan=rows)
            plot.hideAxis("bottom")
            plot.hideAxis("left")
            plot.invertY(True)
            plot.setMouseEnabled(False, False)
            self.lamps = pg.BarGraphItem(x0=0, width=1, y=[0], height=0.86)
            plot.addItem(self.lamps)
            style.style_plot(plot, self.theme, self.points)
            plot.vb.sigResized.connect(lambda _box: self._fit_bits())
        else:
            self._place(self.bit_plot, 0, columns, rowspan=rows)
        self.bit_plot.setRange(xRange=(0, BITS_RANGE), yRange=(-0.5, bit_count - 0.5), padding=0.01)
        while len(self.bit_pool) < bit_count:
            k = len(self.bit_pool)
            digit, every = self.text_item(""), self.text_item("", anchor=(0, 0.5), scale=0.95)
            digit.setPos(0.5, k)
            every.setPos(EVERY_AT, k)
            self.bit_plot.addItem(digit)
            self.bit_plot.addItem(every)
            self.bit_pool.append((digit, every))
        digit_font = self.font()
        digit_font.setPointSizeF(self.points * (1.8 if bit_count <= 8 else 1.2))
        for k, (digit, every) in enumerate(self.bit_pool):
            digit.setVisible(k < bit_count)
            every.setVisible(k < bit_count)
            digit.setFont(digit_font)
        self.bit_texts = self.bit_pool[:bit_count]
        for col in range(columns):
            layout.setColumnStretchFactor(col, 4)
        layout.setColumnStretchFactor(columns, 5 + columns)

    def show_data(self, scene: Scene, face: dict) -> None:
        show_value(self.position_box, scene.position)
        show_value(self.hands_box, len(face["bits"]))
        key = (len(face["pairs"]), len(face["bits"]), self.theme.name, self.points, self.across)
        self.face = face
        self.shown = {name: np.asarray(face[name]) for name in ("pairs", "angles", "sin", "cos", "bits")}
        if key != self._layout_key:
            self._arrange(len(face["pairs"]), len(face["bits"]))
            for k, ((_digit, every), period) in enumerate(zip(self.bit_texts, face["flip_every"])):
                every.setText(self.tr("bit {0}: flips every {1}").format(k, int(period)), color=self.theme.foreground)
            self._layout_key = key
        for (plot, hand, tip, caption), pair, wavelength, sin, cos, made in zip(
                self.dials, face["pairs"], face["wavelengths"], face["sin"], face["cos"], face["turns"]):
            hand.setData([0.0, sin], [0.0, cos])
            tip.setData([sin], [cos])
            heading = self.tr("pair {0}").format(pair)
            if plot.titleLabel.text != heading:
                style.title(plot, heading, self.theme, self.points)
            caption.setText(self.tr("a turn every {0}\nturns made: {1}").format(period_text(wavelength), int(made)))
        for plot, _hand, _tip, caption in self.dials:
            self._fit_caption(plot, caption)
        lit, dark = self.theme.highlight, self.theme.window
        bits = face["bits"]
        self.lamps.setOpts(y=np.arange(len(bits)), brushes=[pg.mkBrush(lit if bit else dark) for bit in bits],
                           pen=pg.mkPen(self.theme.foreground))
        for (digit, _every), bit in zip(self.bit_texts, bits):
            digit.setText(str(int(bit)), color="#ffffff" if bit else self.theme.foreground)
        self._fit_bits()
        binary = "".join(str(int(bit)) for bit in bits[::-1])
        style.title(self.bit_plot, self.tr("p = {0} = {1} in binary").format(scene.position, binary),
                    self.theme, self.points)
        d_model, base, _ = self.settings(scene)
        self.facts.setText(self.tr("Sinusoid with d = {0}, base = {1}: {2} pairs, drawn {3} of them. "
                                   "Hand 0 turns once every {4} positions; the slowest shown once every {5}. Bits and hands are "
                                   "both listed fastest first.")
                           .format(d_model, f"{base:.10g}", (d_model + 1) // 2, len(face["pairs"]),
                                   period_text(face["wavelengths"][0]),
                                   period_text(face["wavelengths"][-1])))

    def _fit_bits(self) -> None:
        """Open the bits' range to the right far enough for the longest "flips every" text (which starts at
        ``EVERY_AT`` and would run past the plot's edge in large type or in Chinese)."""
        width = self.bit_plot.vb.width() if self.bit_plot is not None else 0
        longest = max((every.boundingRect().width() for _digit, every in self.bit_texts), default=0.0)
        if width <= 0 or longest >= 0.95 * width:
            return
        right = max(BITS_RANGE, EVERY_AT / (1 - longest / width) * 1.02)  # the text's units are the range's / width
        if abs(self.bit_plot.vb.viewRange()[0][1] - right) > 0.01 * right:
            self.bit_plot.setXRange(0, right, padding=0.01)

    def smallest_plot_height(self, plot: pg.PlotItem) -> float:
        """A dial: its two lines of caption (wrapped to three when narrow) under a face of two lines' height."""
        for dial, *_items, caption in self.dials:
            if dial is plot:
                return max(super().smallest_plot_height(plot), 5.5 * QFontMetricsF(caption.textItem.font()).height())
        return super().smallest_plot_height(plot)

    def _fit_caption(self, plot: pg.PlotItem, caption: pg.TextItem) -> None:
        """Keep a dial's caption at the text size (it must read from the back of a hall): wrapped to the
        dial's width when wider, and the dial's range opened downwards to make room for it. Refitted only
        when the caption or the dial's size changed (a resize signals every dial several times)."""
        width, height = plot.vb.width(), plot.vb.height()
        fitted = (caption.toPlainText(), width, height)
        if width <= 0 or height <= 0 or self._fitted.get(plot) == fitted:
            return
        self._fitted[plot] = fitted
        caption.setTextWidth(-1)
        if caption.boundingRect().width() > width:
            caption.setTextWidth(width)
        needed = caption.boundingRect().height() + self.points / 2
        # pixels per unit with the aspect locked: the face spans x -1.2 to 1.2 and y -1.08 to 1.15
        scale = min(width / 2.4, (height - needed) / 2.23)
        if scale > 0:
            plot.setRange(xRange=(-1.2, 1.2), yRange=(-1.08 - needed / scale, 1.15), padding=0)

    def hover_text(self, plot, x, y) -> str:
        face = self.face
        for index, (dial, *_rest) in enumerate(self.dials):
            if dial is plot:
                return self.tr("pair {0}: angle p·ω = {1} rad = {2} turns + {3} rad; sin {4}, cos {5}").format(
                    face["pairs"][index], fmt(face["angles"][index]), int(face["turns"][index]),
                    fmt(face["within_turn"][index]),
                    fmt(face["sin"][index]), fmt(face["cos"][index]))
        if plot is self.bit_plot:
            k = int(np.clip(round(x), 0, len(face["bits"]) - 1))
            return self.tr("bit {0} = {1}: flips every {2} positions").format(
                k, int(face["bits"][k]), int(face["flip_every"][k]))
        return ""


# -- 2. context extension ---------------------------------------------------------------------

# the Qt pen style of each line style a scaling's display style names (core.rope_scalings.LINE_STYLES)
PEN_STYLES = {"solid": Qt.SolidLine, "dash": Qt.DashLine, "dot": Qt.DotLine, "dashdot": Qt.DashDotLine,
              "dashdotdot": Qt.DashDotDotLine}
MAX_SYMBOLS = 128  # a scaling's markers are drawn when there are at most this many pairs


class ContextExtensionView(FrequencyLesson):
    """Frequencies, wavelengths and the stretch of each pair under every RoPE scaling."""

    key = "context_extension"
    plots_ahead = 3
    title = QT_TRANSLATE_NOOP("ContextExtensionView", "Context extension")
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
        self.length_box = spin_box(0, registry.get("rope").param("seq_len").maximum,
                                   self.tr("Sequence length the scalings that depend on it (dynamic NTK, LongRoPE) are "
                                           "evaluated at; s·L0 when 0"),
                                   lambda n: self.model.set_option("dynamic_length", n))
        self.length_box.setSpecialValueText(self.tr("s·L0"))
        self.add_control(self.tr("Length-dependent scalings at:"), self.length_box)
        self.control_row.addStretch(1)
        self.data: dict = {}
        self.panels: list[tuple[pg.PlotItem, str, str]] = []
        self.curves: dict[tuple[str, str], pg.PlotDataItem] = {}
        self.length_lines: list[pg.InfiniteLine] = []
        self.length_labels: dict[str, pg.LabelItem] = {}  # legend labels of the length-dependent scalings
        self.ticks: dict[str, list] = {}  # the ticks on each panel's left axis
        self.spans: dict[str, tuple[float, float]] = {}  # log10 (low, high) of each panel's values
        self._fitted: dict[str, tuple] = {}  # what each panel's range was last fitted to
        self._layout_key = None

    @staticmethod
    def applies_to(method: Method) -> bool:
        return True

    @classmethod
    def data_key(cls, scene: Scene) -> tuple:
        """The RoPE parameters when the scene shows RoPE (the facts name where they come from), else none."""
        rope = scene.method == "rope"
        return rope, scene.params if rope else None, max(int(scene.option("dynamic_length", 0)), 0)

    @staticmethod
    def fetch(scene: Scene):
        params = scene.params if scene.method == "rope" else None
        length = max(int(scene.option("dynamic_length", 0)), 0)
        data = extension.compare_scalings(params, length or None)
        data["settings"] = extension.rope_settings(params)
        return data

    def set_look(self, theme, points) -> None:
        super().set_look(theme, points)
        self._layout_key = None
        if self.data:
            self.show_data(self.model.scene, self.data)

    def show_selection(self, scene: Scene, data: dict) -> None:
        """Nothing: the lesson shows its data alone (a new look redraws it in ``set_look``)."""

    def scaling_name(self, scaling: str) -> str:
        """The registry's display name, translated; with the length it is evaluated at when that matters."""
        entry = rope_scalings.SCALINGS[scaling]
        name = i18n.translate("core", entry.title)
        if entry.length_dependent:
            return self.tr("{0} at L = {1}").format(name, self.data.get("dynamic_length", ""))
        return name

    def _build(self) -> None:
        """Three log plots with one curve per scaling, the legend and the two length lines."""
        self.clear_plots()
        panels = [
            ("frequencies", self.tr("frequency ω′ of each pair"), self.tr("frequency (rad / position)")),
            ("wavelengths", self.tr("wavelength 2π / ω′"), self.tr("wavelength (positions)")),
            ("ratio", self.tr("stretch ω′ / ω (1 = kept, 1/s = interpolated)"), self.tr("ω′ / ω")),
        ]
        self.panels, self.curves, self.ticks, self._fitted, self.length_labels = [], {}, {}, {}, {}
        width = max(2.5, self.points / 5)
        across = self.plots_across(len(panels))
        self.legend = legend = self.legend_below(span=across, columns=2, row=-(-len(panels) // across))
        for index, (what, heading, y_label) in enumerate(panels):
            plot = self.new_plot(*divmod(index, across))
            plot.setLogMode(y=True)
            plot.showGrid(x=True, y=True, alpha=0.25)
            for scaling in extension.compared_scalings():
                look = rope_scalings.SCALINGS[scaling].style
                colour, line, symbol = style.curve_colour(look.colour, self.theme), PEN_STYLES[look.line], look.symbol
                # no dynamic range limit: the values are logs of modest numbers, and with a limit every
                # change of the range re-processes every curve
                item = plot.plot([], [], pen=pg.mkPen(colour, width=width, style=line), symbol=symbol,
                                 symbolSize=self.points * 0.55, dynamicRangeLimit=None)
                style.set_symbol_look(item, colour, None)
                self.curves[what, scaling] = item
                if what == "frequencies":
                    legend.addItem(item, self.scaling_name(scaling))
                    if rope_scalings.SCALINGS[scaling].length_dependent:
                        self.length_labels[scaling] = legend.items[-1][1]
            style.title(plot, heading, self.theme, self.points)
            style.label(plot, "bottom", self.tr("pair i"), self.theme, self.points)
            style.label(plot, "left", y_label, self.theme, self.points)
            style.style_plot(plot, self.theme, self.points)
            self.panels.append((plot, what, y_label))
        self.fit_titles()
        self.length_lines = []
        for anchor in ((0, 0), (0, 1)):  # the training length's label below its line, the extended one's above
            line = pg.InfiniteLine(angle=0, pen=pg.mkPen(self.theme.foreground, width=2, style=Qt.DashLine),
                                   label="", labelOpts={"position": 0.03, "anchors": [anchor, anchor],
                                                        "color": self.theme.foreground})
            line.label.setFont(self._label_font())
            self.plots[1].addItem(line)
            self.length_lines.append(line)
        for plot, what, _ in self.panels:
            plot.vb.sigResized.connect(lambda _box, plot=plot, what=what: self._fit_range(plot, what))

    def show_data(self, scene: Scene, data: dict) -> None:
        self.shown = {f"{what}_{scaling}": data[what][scaling] for what in ("frequencies", "wavelengths", "ratio")
                      for scaling in data["frequencies"]}
        show_value(self.length_box, max(int(scene.option("dynamic_length", 0)), 0))
        key = (self.theme.name, self.points, self.across)
        self.data = data
        if key != self._layout_key:
            self._build()
            self._layout_key = key
        pairs = data["pairs"]
        with_symbols = len(pairs) <= MAX_SYMBOLS
        for (what, scaling), item in self.curves.items():
            symbol = rope_scalings.SCALINGS[scaling].style.symbol
            if symbol and (item.opts["symbol"] is not None) != with_symbols:
                item.setSymbol(symbol if with_symbols else None)
            item.setData(pairs, data[what][scaling])
        for scaling, label in self.length_labels.items():
            if label.text != self.scaling_name(scaling):  # a new text lays the legend out again
                label.setText(self.scaling_name(scaling))
        self.fit_legend_columns(self.legend, 2)
        for plot, what, _ in self.panels:
            marks = [data["original_length"], data["extended_length"]] if what == "wavelengths" else []
            span = log_span(*data[what].values(), marks)  # the length lines stay in view
            ticks = decade_ticks(*span)
            if what == "ratio":
                one_over_s = -np.log10(data["factor"])
                ticks[0] = [tick for tick in ticks[0] if abs(tick[0] - one_over_s) > 0.3]
                ticks[0].append((one_over_s, self.tr("1/s")))
            if self.ticks.get(what) != ticks:  # new ticks make the axis lay out and draw again
                plot.getAxis("left").setTicks(ticks)
                self.ticks[what] = ticks
            plot.setXRange(0, max(len(pairs) - 1, 1))
            self.spans[what] = span
        for line, length, text in zip(self.length_lines, (data["original_length"], data["extended_length"]),
                                      (self.tr("training length L0 = {0}"), self.tr("extended length s·L0 = {0}"))):
            line.setPos(np.log10(length))
            line.label.setFormat(text.format(length))
        for plot, what, _ in self.panels:
            self._fit_range(plot, what)
        settings = data["settings"]
        source = self.tr("this scene's RoPE parameters") if scene.method == "rope" else \
            self.tr("the RoPE defaults (choose RoPE in the panel to change them)")
        factors = listed(f"{self.scaling_name(name)} <b>{value:.4f}</b>"
                            for name, value in data["attention_factors"].items() if value != 1.0)
        self.facts.setText(self.tr(
            "d = {0}, base = {1}, s = {2}, L0 = {3}: {4}. Besides the frequencies, some scalings multiply cos "
            "and sin by an attention factor: {5}.").format(
            settings["d_model"], f"{settings['base']:.10g}", f"{data['factor']:.10g}", data["original_length"], source,
            factors or self.tr("none here")))

    def _fit_range(self, plot: pg.PlotItem, what: str) -> None:
        """A panel's vertical range: its values with room at both ends for half a tick label (so the end
        ticks keep their labels at any text size). The wavelength plot's also makes room above and below
        the length lines for their labels, which wrap to the plot's width. Refitted only when the values or
        the plot's size changed (a resize signals every panel several times)."""
        width, height = plot.vb.width(), plot.vb.height()
        marks = tuple((line.value(), line.label.toPlainText()) for line in self.length_lines) \
            if what == "wavelengths" else ()
        fitted = (self.spans.get(what), width, height, marks)
        if what not in self.spans or height <= 0 or self._fitted.get(what) == fitted:
            return
        self._fitted[what] = fitted
        low, high = self.spans[what]
        edge = 0.6 * self.points / height  # half a tick label, as a share of the height
        lowest, highest, below, above = low, high, edge, edge
        if what == "wavelengths":  # the training length's label below its line, the extended one's above
            for line in self.length_lines:
                line.label.setTextWidth(-1)
                if line.label.boundingRect().width() > 0.9 * width:
                    line.label.setTextWidth(0.9 * width)
            lowest, highest = (line.value() for line in self.length_lines)
            below, above = (min((line.label.boundingRect().height() + self.points) / height, 0.45)
                            for line in self.length_lines)
        bottom, top = low, high
        for _ in range(4):  # the room an end needs grows with the range it opens: settle it
            span = max(top - bottom, 1e-9)
            bottom = min(low - edge * span, lowest - below * span)
            top = max(high + edge * span, highest + above * span)
        plot.setYRange(bottom, top, padding=0)

    def _label_font(self):
        font = self.font()
        font.setPointSizeF(self.points * 0.9)
        return font

    def hover_text(self, plot, x, y) -> str:
        for item, what, y_label in self.panels:
            if item is plot:
                pair = int(np.clip(round(x), 0, len(self.data["pairs"]) - 1))
                values = listed(f"{self.scaling_name(s)} {fmt(self.data[what][s][pair])}"
                                   for s in self.data[what])
                return self.tr("pair {0}, {1}: {2}").format(pair, y_label, values)
        return ""


# -- 3. precision -----------------------------------------------------------------------------

DTYPE_COLOURS = {"float32": 0, "float16": 1, "bfloat16": 2}
CHECKED_POSITIONS = (1e3, 1e4, 1e5, 1e6)


class PrecisionView(FrequencyLesson):
    """Max |sin error| of an angle formed in float32 / float16 / bfloat16, against position."""

    key = "precision"
    plots_ahead = 1
    title = QT_TRANSLATE_NOOP("PrecisionView", "Precision lens")
    data_fields = ("method", "params")  # the step chooses the curves shown of the same data
    formulas = ("angle_precision", "angle_reduction")
    steps = (QT_TRANSLATE_NOOP("PrecisionView", "float32 angles"),
             QT_TRANSLATE_NOOP("PrecisionView", "float16 and bfloat16"),
             QT_TRANSLATE_NOOP("PrecisionView", "the fix: reduce modulo 2π in float64 first"))

    def explanation(self) -> str:
        return self.tr(
            "A float keeps a fixed number of significant bits, so the angle <i>p</i>·ω is off by about "
            "<i>p</i>·ω·2<sup>−t</sup>: the error of sin grows with the position. Once it nears 1 the "
            "encoding is noise. float16 cannot even hold a position past 65504. Reducing the angle modulo 2π "
            "in float64 before rounding keeps it below 2π, and the error stays at the format's resolution.")

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        self.control_row.addStretch(1)
        self.data: dict = {}
        self.plot: pg.PlotItem | None = None
        self.legend: pg.LegendItem | None = None
        self.curve_items: dict[tuple[str, bool], pg.PlotDataItem] = {}
        self.curves: list[tuple[str, np.ndarray]] = []  # (legend name, errors) of the curves shown, for hovering
        self._shown_step: int | None = None
        self._layout_key = None

    @staticmethod
    def applies_to(method: Method) -> bool:
        return True

    @staticmethod
    def fetch(scene: Scene):
        if "frequencies" in scene.method_obj.outputs:
            frequencies = scene.compute("frequencies", display=False)
        else:
            frequencies = registry.get("sinusoidal").compute("frequencies")
        curves = precision.precision_curves(frequencies)
        curves["checked"] = {position: precision.error_at(curves, "float32", position)
                             for position in CHECKED_POSITIONS}
        return curves

    def set_look(self, theme, points) -> None:
        super().set_look(theme, points)
        self._layout_key = None
        if self.data:
            self.show_data(self.model.scene, self.data)

    def _build(self) -> None:
        """The log-log plot with all six curves (naive and reduced, per format) and its legend."""
        self.clear_plots()
        self.plot = plot = self.new_plot(0, 0)
        plot.setLogMode(x=True, y=True)
        plot.showGrid(x=True, y=True, alpha=0.3)
        self.legend = self.legend_for(plot, offset=(-10, -10))
        width = max(2.5, self.points / 4)
        self.curve_items = {}
        for fixed in (False, True):
            for dtype in DTYPES:
                colour = style.curve_colour(DTYPE_COLOURS[dtype], self.theme)
                pen = pg.mkPen(colour, width=width, style=Qt.DashLine if fixed else Qt.SolidLine)
                self.curve_items[dtype, fixed] = plot.plot([], [], pen=pen, connect="finite")
        plot.setRange(xRange=(0, 6), yRange=(-10, 0.5), padding=0.02)
        plot.getAxis("bottom").setTicks(decade_ticks(0, 6))
        plot.getAxis("left").setTicks(decade_ticks(-10, 0))
        style.title(plot, self.tr("max |sin error| over all pairs, against float64"), self.theme, self.points)
        style.label(plot, "bottom", self.tr("position p"), self.theme, self.points)
        style.label(plot, "left", self.tr("max |sin error|"), self.theme, self.points)
        style.style_plot(plot, self.theme, self.points)
        self._shown_step = None

    def _show_step_curves(self, step: int) -> None:
        """Show the curves of ``step`` (float32 only, then every format, then the reduced ones too) and
        list them in the legend."""
        dtypes = DTYPES[:1] if step == 0 else DTYPES
        self.legend.clear()
        for (dtype, fixed), item in self.curve_items.items():
            visible = dtype in dtypes and (step == 2 or not fixed)
            item.setVisible(visible)
            if visible:
                self.legend.addItem(item, self.curve_name(dtype, fixed))
        self._shown_step = step

    def curve_name(self, dtype: str, fixed: bool) -> str:
        return self.tr("{0}, reduced mod 2π first").format(dtype) if fixed else dtype

    def show_data(self, scene: Scene, data: dict) -> None:
        self.show_step()
        step = self.step
        key = (self.theme.name, self.points)
        if key == self._layout_key and step == self._shown_step and data is self.data:
            return  # the data kept, in the same look and step: a change this lesson does not show
        self.data = data
        if key != self._layout_key:
            self._build()
            self._layout_key = key
        if step != self._shown_step:
            self._show_step_curves(step)
        positions = data["positions"]
        self.curves = []
        self.shown = {"positions": positions}
        for (dtype, fixed), item in self.curve_items.items():
            errors = data["reduced" if fixed else "naive"][dtype]
            item.setData(positions, positive(errors), connect="finite")
            if item.isVisible():
                self.curves.append((self.curve_name(dtype, fixed), errors))
                self.shown[f"{dtype}_{'reduced' if fixed else 'naive'}"] = errors
        checked = " · ".join(self.tr("p = {0}: {1}").format(f"{position:.0e}", f"{error:.1e}")
                             for position, error in data["checked"].items())
        text = self.tr("float32 angle error, computed here: {0}.").format(checked)
        if step == 2:
            text += " " + self.tr("With the reduction first: at most {0} for float32.").format(
                f"{data['worst_reduced']['float32']:.1e}")
        self.facts.setText(text)

    def hover_text(self, plot, x, y) -> str:
        if plot is not self.plot or not self.curves:
            return ""
        positions = self.data["positions"]
        index = int(np.argmin(np.abs(np.log10(positions) - x)))
        values = listed(f"{name} {fmt(errors[index])}" for name, errors in self.curves)
        return self.tr("p = {0}: {1}").format(fmt(positions[index]), values)


# -- 4. learned table -------------------------------------------------------------------------


class LearnedTableView(FrequencyLesson):
    """The trained MiniLM table and its cosine similarities beside the sinusoid's, same size."""

    uses_method = False
    key = "learned_table"
    plots_ahead = 4  # and as many colour bars (``build_ahead``)
    title = QT_TRANSLATE_NOOP("LearnedTableView", "Learned table vs sinusoid")
    data_fields = ("options",)
    formulas = ("learned_lookup", "learned_cosine")

    def explanation(self) -> str:
        return self.tr(
            "A learned encoding is a table with one trained row per position: here the real one of "
            "all-MiniLM-L6-v2, 512 positions × 384. Beside it the sinusoid of the same size. Both make nearby "
            "positions similar (the band along the diagonal), but the table only knows the rows it was "
            "trained on: raise the positions shown past 512 to see it end while the sinusoid goes on.")

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        self.length_box = spin_box(learned_vs_sinusoid.TABLE_ROWS, 2048, self.tr("Positions shown in the two "
                                                                                 "encodings (the table has 512)"),
                                   lambda n: self.model.set_option("length", n))
        self.add_control(self.tr("Positions shown:"), self.length_box)
        self.control_row.addStretch(1)
        self.data: dict = {}
        self._layout_key = None
        self.panels: list[tuple[pg.PlotItem, str, np.ndarray]] = []
        self.images: list[pg.ImageItem] = []
        self.bars: list[pg.ColorBarItem] = []
        self.sources: dict[str, np.ndarray] = {}  # the array each panel's image was made from
        self.refusal_lines: list[pg.InfiniteLine] = []
        self.refusal: pg.TextItem | None = None
        self.spare_bars: list[pg.ColorBarItem] = []

    def build_ahead(self) -> bool:
        """The four colour bars of the first drawing, one a call while the window is idle; then the plots."""
        if not self.bars and len(self.spare_bars) < self.plots_ahead:
            self.spare_bars.append(colour_bar_ahead())
            return True
        return super().build_ahead()

    @staticmethod
    def applies_to(method: Method) -> bool:
        return True

    @staticmethod
    def length(scene: Scene) -> int:
        return min(max(int(scene.option("length", learned_vs_sinusoid.TABLE_ROWS)),
                       learned_vs_sinusoid.TABLE_ROWS), 2048)

    @classmethod
    def data_key(cls, scene: Scene) -> tuple:
        return (cls.length(scene),)

    @staticmethod
    def fetch(scene: Scene):
        return learned_vs_sinusoid.compare_tables(LearnedTableView.length(scene))

    @staticmethod
    def size(scene: Scene) -> int:
        return learned_vs_sinusoid.compared_elements(LearnedTableView.length(scene))

    def set_look(self, theme, points) -> None:
        super().set_look(theme, points)
        self._layout_key = None
        if self.data:
            self.show_data(self.model.scene, self.data)

    def _build(self, data: dict) -> None:
        """The four heatmaps with their colour bars, linked in pairs, and the dashed line and text that
        mark the end of the table (shown when more positions than it has are asked for)."""
        self.clear_plots()
        self.panels, self.images, self.bars, self.refusal_lines, self.sources = [], [], [], [], {}
        across = self.plots_across(2)  # learned beside sinusoid, each with its colour bar
        for index, (name, x_label, y_label) in enumerate((
                ("learned", self.tr("dimension"), self.tr("position")),
                ("sinusoid", self.tr("dimension"), self.tr("position")),
                ("learned_similarity", self.tr("position q"), self.tr("position p")),
                ("sinusoid_similarity", self.tr("position q"), self.tr("position p")))):
            row, col = index // across, 2 * (index % across)
            plot = self.new_plot(row, col)
            self.images.append(heatmap(plot, data[name], self.theme, levels=self.levels(name, data),
                                       graphics=self.graphics, bar_row=row, bar_col=col + 1,
                                       bar=self.spare_bars.pop() if self.spare_bars else None))
            self.sources[name] = data[name]
            self.bars.append(self.graphics.getItem(row, col + 1))
            style.label(plot, "bottom", x_label, self.theme, self.points)
            style.label(plot, "left", y_label, self.theme, self.points)
            self.panels.append((plot, name, data[name]))
        learned_plot, sinusoid_plot = self.plots[0], self.plots[1]
        learned_plot.setYLink(sinusoid_plot)
        learned_plot.setXLink(sinusoid_plot)
        for plot in (learned_plot, sinusoid_plot):
            line = pg.InfiniteLine(pos=learned_vs_sinusoid.TABLE_ROWS - 0.5, angle=0,
                                   pen=pg.mkPen(self.theme.foreground, width=2, style=Qt.DashLine))
            plot.addItem(line)
            self.refusal_lines.append(line)
        self.refusal = self.text_item("", anchor=(0, 0), scale=0.9)
        self.refusal.setPos(4, learned_vs_sinusoid.TABLE_ROWS + 8)
        learned_plot.addItem(self.refusal)
        self.graphics.ci.layout.setVerticalSpacing(self.points * 2)
        self.graphics.ci.layout.setHorizontalSpacing(self.points * 2)
        self.plots[2].setXLink(self.plots[3])
        self.plots[2].setYLink(self.plots[3])
        for plot in self.plots[2:]:  # position by position: square cells, not a wide rectangle
            plot.setAspectLocked(True)
        for plot in self.plots:
            style.style_plot(plot, self.theme, self.points)

    @staticmethod
    def levels(name: str, data: dict) -> tuple[float, float]:
        """The colour range of panel ``name``: the table's is clipped where the statistics say, cosines span -1 to 1."""
        limit = data["statistics"]["colour_limit"]
        return (-limit, limit) if name == "learned" else (-1.0, 1.0)

    def show_data(self, scene: Scene, data: dict) -> None:
        length = data["sinusoid"].shape[0]
        show_value(self.length_box, length)
        key = (self.theme.name, self.points, self.across)
        if data is self.data and key == self._layout_key:
            return  # the same (cached) tables in the same look: other scene fields changed
        self.data = data
        if key != self._layout_key:
            self._build(data)
            self._layout_key = key
        self.shown = {name: data[name] for name in ("learned", "sinusoid", "learned_similarity",
                                                    "sinusoid_similarity")}
        stats = data["statistics"]
        headings = (self.tr("MiniLM table (colours clipped at ±{0})").format(fmt(stats["colour_limit"])),
                    self.tr("sinusoid, d = 384"), self.tr("MiniLM: cosine between positions"),
                    self.tr("sinusoid: cosine between positions"))
        self.panels = []
        retitled = False
        for plot, image, bar, name, heading in zip(self.plots, self.images, self.bars, self.shown, headings):
            values = data[name]
            rows, cols = values.shape
            if values is not self.sources[name]:  # the tables are cached: the same array, the same numbers
                self.sources[name] = values
                levels = self.levels(name, data)
                image.setImage(float32_pixels(values), levels=levels)
                image.setRect(-0.5, -0.5, cols, rows)
                bar.setLevels(levels)
                frame_cells(plot, rows, cols)
            if plot.titleLabel.text != heading:
                style.title(plot, heading, self.theme, self.points)
                retitled = True
            self.panels.append((plot, name, values))
        if retitled:  # wrapped to the plots' width (a long title widened its column past the window)
            self.fit_titles()
        self.plots[1].setRange(yRange=(-0.5, length - 0.5), padding=0)
        for item in (*self.refusal_lines, self.refusal):
            item.setVisible(data["refusal"] is not None)
        if data["refusal"] is not None:
            self.refusal.setText(self.tr("No row past 511. The learned method says: {0}").format(
                error_text(data["refusal"])))
            self.refusal.setTextWidth(max(200, self.width() * 0.32))
        self.facts.setText(self.tr(
            "Row 0 of the table is an outlier: norm <b>{0}</b>, while the other rows lie between {1} and {2} "
            "(5th to 95th percentile, median {3}). Neighbouring rows have mean cosine <b>{4}</b>.").format(
            f"{stats['first_norm']:.2f}", f"{stats['rest_low']:.2f}", f"{stats['rest_high']:.2f}",
            f"{stats['rest_median']:.2f}", f"{stats['neighbour_cosine']:.2f}"))

    def hover_text(self, plot, x, y) -> str:
        for item, name, values in self.panels:
            if item is plot:
                where = cell(values, x, y)
                if where is None:
                    return ""
                row, col = where
                if name.endswith("similarity"):
                    return self.tr("cosine of positions {0} and {1}: {2}").format(row, col, fmt(values[row, col]))
                return self.tr("position {0}, dimension {1}: {2}").format(row, col, fmt(values[row, col]))
        return ""
