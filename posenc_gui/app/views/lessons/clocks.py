"""Lesson: the sinusoid's (sin, cos) pairs as clock hands beside a binary counter at one position; with a rotary
method, the angles by which RoPE turns each pair of q and k at position m."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QFont, QFontMetricsF

from ....core import registry
from ....core.lessons import clocks
from ....core.lessons.clocks import ClockFace
from ....core.registry import Method
from ... import i18n, style
from ...state import Scene
from ..base import LAYOUT_MARGIN
from ..cell_numbers import fmt
from ..grid import place, unplace
from ..readable import MIN_PLOT
from .clock_bits import BITS_PADDING, BITS_RANGE, EVERY_AT, bits_height, bits_width, dress_bits_plot, fit_bits
from .clock_dials import CAPTION_MARGIN, DialCaptions, dress_dial
from .frequency_lesson import FrequencyLesson, period_text, show_value, spin_box


MAX_POSITION = 10**9


FACE_LINES = 2  # a dial's face is kept at least this many lines of its caption across
HALL_TEXTS = 0.7  # presenting: the captions and the bits' texts at this share of the text size (``caption_font``)
HALL_DIGITS = 1.0  # ... and the bits' digits at this (a Chinese line is a quarter taller: at 1.4 the eight lamps ran
# below the fold at 1920 x 1080 x1.6, at 1.1 the last one at 1280 x 720 x1.3)
DIAL_EMS = 5.0  # a dial shares a row when its face can be this many ems across (a hand reads at a glance)


def sinusoid_angles(scene: Scene) -> bool:
    """Whether the scene's method adds sinusoids of p * w_i with w_i = base^(-2i/d) to the input (an absolute method
    with a d_model and a base): the hands are then its own angles."""
    method = scene.method_obj
    return method.family == "absolute" and {"d_model", "base"} <= {param.name for param in method.params}


def turns_pairs(scene: Scene) -> bool:
    """Whether the scene's method turns pairs of q and k by m·θ_i with θ_i = base^(-2i/d) (a rotary method with a
    d_model and a base): the hands are then its rotation angles, not a sinusoid's values."""
    method = scene.method_obj
    return method.family == "rotary" and {"d_model", "base"} <= {param.name for param in method.params}


def bits_shown(scene: Scene, face: ClockFace) -> int:
    """How many bits the lesson shows beside the dials: none for a rotary method (RoPE counts nothing in binary)."""
    return 0 if turns_pairs(scene) else len(face.bits)


class ClocksLesson(FrequencyLesson):
    """Each (sin, cos) pair as a clock hand at angle p * w_i, with the bits of p beside them; for a rotary method the
    hands are the angles m·θ_i its pairs of q and k turn by, and no bits (nothing in RoPE counts in binary)."""

    key = "clocks"
    controls_give_room = True
    plots_ahead = 1  # the bits' plot; the dials are built ahead whole (``build_ahead``)
    dials_ahead = 8  # as many as the default scene shows
    title = QT_TRANSLATE_NOOP("ClocksLesson", "Clocks and bits")
    formulas = ("clock_hands", "binary_bits", "rope_relative")  # the last for a rotary method, in place of the others
    data_fields = ("method", "params", "position", "options")

    def explanation(self, rotary: bool = False) -> str:
        """The intro for the sinusoid or a rotary method; the rotary one's formulas never break across lines (no-break
        spaces, a word joiner after the exponent's "/"): lines of Chinese fill to the edge, and broke "(m − / n)"."""
        if rotary:
            return self.tr(
                "RoPE adds nothing to the token: it turns each pair of channels of the query and the key. At position "
                "<i>m</i> pair <i>i</i> of q and of k turns by <i>m</i>·θ<sub>i</sub> radians, "
                "θ<sub>i</sub>&nbsp;=&nbsp;base<sup>−2i/&#8288;d</sup>: each hand is that angle. The first pairs race "
                "round; the last barely move. A query at <i>m</i> and a key at <i>n</i> differ by "
                "(<i>m</i>&nbsp;−&nbsp;<i>n</i>)·θ<sub>i</sub> in every pair, so their dot product sees only the "
                "offset. Sweep <b>position</b> with Play in the panel.")
        return self.tr(
            "Each (sin, cos) pair of the sinusoid is a clock hand. At position <i>p</i> hand <i>i</i> has turned "
            "<i>p</i>·ω<sub>i</sub> radians, and its tip is the pair's two encoding values. The first hands race "
            "round; the last barely move. A binary counter does the same: its lowest bit flips at every step, "
            "each higher bit half as often. Sweep <b>position</b> with Play in the panel to watch both.")

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        self.position_box = spin_box(0, MAX_POSITION, self.tr("The position p the hands and bits show"),
                                     lambda p: self.model.update(position=p))
        self.position_caption = self.add_control(self.tr("Position p:"), self.position_box)
        self.rotary = False  # the hands show a rotary method's angles (``turns_pairs``)
        self.hands_box = self.option_box("hands")
        self.hands_box.setKeyboardTracking(False)  # as ``option_control``, keeping the caption: RoPE has no bits
        self.hands_caption = self.add_control(self.option_caption("hands"), self.hands_box)
        self.face: ClockFace | None = None
        # every dial made in this look (plot, hand, tip, caption); the first ``len(self.dials)`` are shown
        self.dial_pool: list[tuple[pg.PlotItem, pg.PlotDataItem, pg.ScatterPlotItem, pg.TextItem]] = []
        self.dials: list[tuple[pg.PlotItem, pg.PlotDataItem, pg.ScatterPlotItem, pg.TextItem]] = []
        self.bit_plot: pg.PlotItem | None = None
        self.lamps: pg.BarGraphItem | None = None
        self.bit_pool: list[tuple[pg.TextItem, pg.TextItem]] = []  # (digit, "flips every") of every bit made
        self.bit_texts: list[tuple[pg.TextItem, pg.TextItem]] = []
        self.arranged_bits = -1  # the bits arranged beside the dials (0: none), -1 while not arranged whole
        self.captions = DialCaptions()

    @staticmethod
    def applies_to(method: Method) -> bool:
        return True

    @staticmethod
    def settings(scene: Scene) -> tuple[int, float, int]:
        """(d_model, base, hands): the scene's sinusoid or rotary method when it shows one, else the sinusoid's
        defaults."""
        own = sinusoid_angles(scene) or turns_pairs(scene)
        values = scene.params if own else registry.get("sinusoidal").defaults()
        hands = ClocksLesson.option_values(scene)["hands"]
        return values["d_model"], values["base"], hands

    @classmethod
    def data_key(cls, scene: Scene) -> tuple:
        """Another method's parameters leave the clocks as they are."""
        return scene.position, cls.settings(scene), turns_pairs(scene)

    @staticmethod
    def fetch(scene: Scene):
        d_model, base, hands = ClocksLesson.settings(scene)
        return clocks.clock_face(scene.position, d_model, base, hands)

    def show_selection(self, scene: Scene, face: ClockFace) -> None:
        """Nothing: the clocks show their data alone (a new look redraws them in ``set_look``)."""

    def set_look(self, theme, points) -> None:
        super().set_look(theme, points)
        # no axis writes names past its ends here, nor does any text sit on the edges above and below: the margins
        # kept for names took 42 px from the bits in Chinese (whose lines are a quarter taller)
        self.graphics.ci.layout.setContentsMargins(LAYOUT_MARGIN, 0, LAYOUT_MARGIN, 0)
        self.plots = [plot for plot, *_items in self.dial_pool] + ([self.bit_plot] if self.bit_plot else [])
        self.clear_plots()  # the dials and bits are made anew in the new look
        self.dial_pool, self.dials, self.bit_pool, self.bit_texts = [], [], [], []
        self.bit_plot = self.lamps = None
        self.arranged_bits = -1
        self.captions.clear()
        if self.face is not None:
            self.show_data(self.model.scene, self.face)

    def build_ahead(self) -> bool:
        """A dial more while the window is idle, up to ``dials_ahead``; then the bits' plot. A dial is most of what
        drawing the clocks first costs; ``_arranging`` places the dials made ahead."""
        if len(self.dial_pool) < self.dials_ahead:
            self.dial_pool.append(self._new_dial())
            return True
        return super().build_ahead()

    def _new_dial(self) -> tuple:
        """A clock face, not yet placed: rim, twelve o'clock mark, hand, tip and caption."""
        plot, caption = self.spare_plot(), self.text_item("", anchor=(0.5, 0))
        plot.vb.sigResized.connect(lambda _box: self.captions.fit(plot, caption, self.dial_plots(), self.points))
        return dress_dial(plot, caption, self.theme, self.points)

    def dial_plots(self) -> list[pg.PlotItem]:
        return [plot for plot, *_items in self.dials]

    def _place(self, plot: pg.PlotItem, row: int, col: int, rowspan: int = 1) -> None:
        """Put a plot made earlier back into the grid."""
        place(self.graphics, plot, row, col, rowspan)
        self.plots.append(plot)

    def _arranging(self, dial_count: int, bit_count: int):
        """Dials in at most two rows on the left (fast hands first), the bits (none when ``bit_count`` is 0) in a
        column on the right; yields after each plot placed. Dials and bit texts made for an earlier count are reused:
        making a plot costs far more than placing one."""
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
        bits_column = 1 if bit_count else 0
        columns = min(max(self.plots_across(wanted + bits_column) - bits_column, 1), wanted)
        for index in range(dial_count):
            row, col = divmod(index, columns)
            if index == len(self.dial_pool):
                self.dial_pool.append(self._new_dial())
            plot = self.dial_pool[index][0]
            if plot.scene() is None:  # made ahead: added as pyqtgraph adds an item, which its ``clear`` expects
                self.place_plot(plot, row, col)
            else:
                self._place(plot, row, col)
            yield
        self.dials = self.dial_pool[:dial_count]
        caption_font = self.caption_font(dial_count)
        for plot, *_items, caption in self.dials:
            caption.setFont(caption_font)
            self.captions.fitted.pop(plot, None)
        for col in range(columns):
            layout.setColumnStretchFactor(col, 4)
        if bit_count:
            self._place_bits(bit_count, columns, -(-dial_count // columns))

    def _place_bits(self, bit_count: int, column: int, rows: int) -> None:
        """The bits' plot in grid ``column`` beside ``rows`` rows of dials, with ``bit_count`` bits."""
        if self.bit_plot is None:
            self.bit_plot = plot = self.new_plot(0, column, rowspan=rows)
            self.lamps = dress_bits_plot(plot, self.theme, self.points)
            plot.vb.sigResized.connect(lambda _box: fit_bits(self.bit_plot, self.bit_texts))
        else:
            self._place(self.bit_plot, 0, column, rowspan=rows)
        self.bit_plot.setMinimumWidth(0)  # what a squeezed arrangement asked for (``fit_bits``) is asked anew
        self.bit_plot.setRange(xRange=(0, BITS_RANGE), yRange=(-0.5, bit_count - 0.5), padding=BITS_PADDING)
        while len(self.bit_pool) < bit_count:
            k = len(self.bit_pool)
            digit, every = self.text_item(""), self.text_item("", anchor=(0, 0.5), scale=0.95)
            digit.setPos(0.5, k)
            every.setPos(EVERY_AT, k)
            self.bit_plot.addItem(digit)
            self.bit_plot.addItem(every)
            self.bit_pool.append((digit, every))
        digit_font = self.font()
        digit_font.setPointSizeF(self.points * (1.2 if bit_count > 8 else HALL_DIGITS if self.presenting else 1.8))
        every_font = self.caption_font(bit_count)
        for k, (digit, every) in enumerate(self.bit_pool):
            digit.setVisible(k < bit_count)
            every.setVisible(k < bit_count)
            digit.setFont(digit_font)
            every.setFont(every_font)
        self.bit_texts = self.bit_pool[:bit_count]
        self.graphics.ci.layout.setColumnStretchFactor(column, 5 + column)

    def drawing_steps(self, scene: Scene, face: ClockFace):
        """Built ahead: a plot placed a step, then the drawing into them."""
        if self.arranging_needed(scene, face):
            yield from self._laying_out(scene, face)
            yield
        self.show_data(scene, face)

    def arranging_needed(self, scene: Scene, face: ClockFace) -> bool:
        """Whether the dials and bits on the grid are not those ``face`` needs: none yet (the first drawing, or a new
        look made them anew), another number of hands, the bits come or gone (a rotary method has none: RoPE counts
        nothing in binary), or the rows reflow."""
        return len(self.dials) != len(face.pairs) or self.arranged_bits != bits_shown(scene, face) or self._reflowing

    def _laying_out(self, scene: Scene, face: ClockFace):
        """The plots arranged for ``face`` and the bits' texts written, yielding after each plot placed."""
        bit_count = bits_shown(scene, face)
        self.arranged_bits = -1  # until arranged whole
        yield from self._arranging(len(face.pairs), bit_count)
        for k, ((_digit, every), period) in enumerate(zip(self.bit_texts, face.flip_every)):
            every.setText(self.tr("bit {0}: flips every {1}").format(k, int(period)), color=self.theme.foreground)
        self.arranged_bits = bit_count

    def show_data(self, scene: Scene, face: ClockFace) -> None:
        show_value(self.position_box, scene.position)
        show_value(self.hands_box, len(face.bits))
        self.rotary = turns_pairs(scene)
        self.set_intro(self.explanation(self.rotary))
        self.position_caption.setText(self.tr("Position m:") if self.rotary else self.tr("Position p:"))
        self.hands_caption.setText(self.tr("Hands:") if self.rotary else self.option_caption("hands"))
        for label, name in zip(self.formula_labels, self.formulas):
            label.setVisible((name == "rope_relative") == self.rotary)
        self.face = face
        self.shown = {"pairs": face.pairs, "angles": face.angles, "sin": face.sin, "cos": face.cos}
        if not self.rotary:
            self.shown["bits"] = face.bits
        relaid = self.arranging_needed(scene, face)
        if relaid:
            for _placed in self._laying_out(scene, face):
                pass
        for (plot, hand, tip, caption), pair, wavelength, sin, cos, made in zip(
                self.dials, face.pairs, face.wavelengths, face.sin, face.cos, face.turns):
            hand.setData([0.0, sin], [0.0, cos])
            tip.setData([sin], [cos])
            heading = self.tr("pair {0}").format(pair)
            if plot.titleLabel.text != heading:
                style.title(plot, heading, self.theme, self.points)
            self.captions.texts[plot] = self.caption_texts(period_text(wavelength), str(int(made)))
        for plot, _hand, _tip, caption in self.dials:
            self.captions.fit(plot, caption, self.dial_plots(), self.points)
        if self.rotary:
            self._show_rotary_facts(scene, face)
        else:
            self._show_bits(scene, face)
        if relaid:
            # the rows' title heights as this arrangement has them: kept from the clocks' arrangement with the bits (a
            # title of two lines in its first row), a RoPE scene drew dials of one row with faces 73 and 110 px across
            self.fit_titles()

    def align_title_rows(self) -> None:
        """Every dial's title as tall as the tallest dial's, whatever row it is in, so that all faces have one size; the
        bits' title keeps its own height (aligned with the dials of its row, its two lines took a line off their
        faces)."""
        titled = [plot for plot, *_items in self.dials if plot.titleLabel.text]
        if titled:
            tallest = max(plot.titleLabel.itemRect().height() for plot in titled)
            for plot in titled:
                plot.titleLabel.setMaximumHeight(tallest)
                plot.layout.setRowFixedHeight(0, tallest)
        if self.bit_plot is not None:
            style.fit_title_row(self.bit_plot)

    def _show_rotary_facts(self, scene: Scene, face: ClockFace) -> None:
        """The facts of a rotary method's hands (no bits: nothing in RoPE counts in binary)."""
        d_model, base, _ = self.settings(scene)
        self.facts.setText(self.tr("{0} with d = {1}, base = {2}: {3} pairs, drawn {4} of them, unscaled. Pair 0 of q "
                                   "and k turns once every {5} positions; the slowest shown once every {6}.")
                           .format(i18n.translate("core", scene.method_obj.title), d_model, f"{base:.10g}", (d_model + 1) // 2,
                                   len(face.pairs), period_text(face.wavelengths[0]),
                                   period_text(face.wavelengths[-1])))

    def _show_bits(self, scene: Scene, face: ClockFace) -> None:
        """The lamps, the binary title and the sinusoid's facts."""
        d_model, base, _ = self.settings(scene)
        lit, dark = self.theme.highlight, self.theme.window
        bits = face.bits
        self.lamps.setOpts(y=np.arange(len(bits)), brushes=[pg.mkBrush(lit if bit else dark) for bit in bits],
                           pen=pg.mkPen(self.theme.foreground))
        on_lit = style.text_colour_on(lit)  # the one contrast rule: black on the dark theme's light blue
        for (digit, _every), bit in zip(self.bit_texts, bits):
            digit.setText(str(int(bit)), color=on_lit if bit else self.theme.foreground)
        fit_bits(self.bit_plot, self.bit_texts)
        binary = "".join(str(int(bit)) for bit in bits[::-1])
        # one line over the bits (on two, "… in binary", the first row of dials took its height and the last bit
        # ran below the fold presenting at 1280 x 720 x1.3)
        style.title(self.bit_plot, self.tr("p = {0} = {1}₂").format(scene.position, binary),
                    self.theme, self.points)
        self.facts.setText(self.tr("Sinusoid with d = {0}, base = {1}: {2} pairs, drawn {3} of them. "
                                   "Hand 0 turns once every {4} positions; the slowest shown once every {5}. Bits and hands are "
                                   "both listed fastest first.")
                           .format(d_model, f"{base:.10g}", (d_model + 1) // 2, len(face.pairs),
                                   period_text(face.wavelengths[0]),
                                   period_text(face.wavelengths[-1])))

    def smallest_plot_height(self, plot: pg.PlotItem) -> float:
        """A dial: the tallest caption as fitted (two lines, or three in the narrow form) under a face of two lines' height
        (sixteen dials' captions wrapped onto four lines left faces of a dot). The bits: a line of their digits' font
        a bit, and the range's padding (with the plots at their smallest height, eight bits' digits ran together)."""
        for dial, *_items, caption in self.dials:
            if dial is plot:
                line = QFontMetricsF(caption.textItem.font()).height()
                tallest = max(other.boundingRect().height() for *_others, other in self.dials)  # ``DialCaptions.fit``
                return max(super().smallest_plot_height(plot), 4.5 * line,  # two lines of caption, a face of 2.5
                           tallest + self.points / 2 + FACE_LINES * line * 2.23 / 2)
        if plot is self.bit_plot and self.bit_texts:
            return max(super().smallest_plot_height(plot), bits_height(self.bit_texts))
        return super().smallest_plot_height(plot)

    def caption_texts(self, period: str, turns: str) -> tuple[str, str]:
        """A dial's caption on two lines, and its narrow form, short and on two lines too, broken where the language
        reads well: left to Qt, a narrow Chinese caption broke between any two characters; on three lines ("a turn
        every" / "6.3" / "turns made: 0") two rows of three dials held six of eight hands in sight presenting at 1280 x
        720 x1.3."""
        return (self.tr("a turn every {0}\nturns made: {1}").format(period, turns),
                self.tr("every {0}\n{1} turns").format(period, turns))

    def caption_font(self, count: int) -> QFont:
        """The font of the dials' captions and the bits' texts, for ``count`` of them. Presenting, smaller
        (``HALL_TEXTS``): at the text size the captions took three lines a dial and the hall saw six of eight clocks at
        1920 x 1080 x1.6; the hands and lamps are what the hall reads."""
        font = self.font()
        font.setPointSizeF(self.points * (0.8 if count > 8 else HALL_TEXTS if self.presenting else 0.95))
        return font

    def readable_plot_width(self) -> float:
        """A dial reads when its face is ``DIAL_EMS`` ems across and its caption's narrow form fits unbroken (with
        five-digit periods and four-digit turns). Ems, not lines as for other plots: a Chinese font's lines are a
        quarter taller than a Latin one's at the same size, and a row held a clock fewer in Chinese than in English."""
        em = self.points * self.logicalDpiY() / 72  # pixels
        metrics = QFontMetricsF(self.caption_font(len(self.dials) or self.dials_ahead))
        _wide, narrow = self.caption_texts("0" * 5, "0" * 4)
        caption = max(metrics.horizontalAdvance(line) for line in narrow.splitlines())
        return max(MIN_PLOT[0], DIAL_EMS * em, caption + 2 * CAPTION_MARGIN)

    def column_width(self) -> float:
        """The width ``reflow`` divides the page by to count the columns (the bits' one counts as a column of the row,
        ``_arranging``): the dials that fit beside the bits, each ``readable_plot_width`` wide. Every column as wide as
        the widest plot of the row, as for other views, held the bits' width: two dials a row presenting at 1280 x 720,
        their second row and the last bits below the fold."""
        spacing = max(self.graphics.ci.layout.horizontalSpacing(), 0.0)
        dial = self.readable_plot_width() + spacing
        beside_bits = self.page_width() - (bits_width(self.bit_texts) + spacing if self.bit_texts else 0.0)
        columns = max(int(beside_bits // dial), 1) + (1 if self.bit_texts else 0)
        return self.page_width() / (columns + 0.5)  # the page holds ``columns`` of these, and not one more

    def hover_text(self, plot, x, y) -> str:
        face = self.face
        for index, (dial, *_rest) in enumerate(self.dials):
            if dial is plot:
                template = (self.tr("pair {0}: angle m·θ = {1} rad = {2} turns + {3} rad; sin {4}, cos {5}") if self.rotary
                            else self.tr("pair {0}: angle p·ω = {1} rad = {2} turns + {3} rad; sin {4}, cos {5}"))
                return template.format(
                    face.pairs[index], fmt(face.angles[index]), int(face.turns[index]),
                    fmt(face.within_turn[index]),
                    fmt(face.sin[index]), fmt(face.cos[index]))
        if plot is self.bit_plot:
            k = int(np.clip(round(x), 0, len(face.bits) - 1))
            return self.tr("bit {0} = {1}: flips every {2} positions").format(
                k, int(face.bits[k]), int(face.flip_every[k]))
        return ""
