"""Look of the app: themes, font sizes, colour maps and the styling of pyqtgraph plots.

Pure layout: nothing here computes anything a view shows.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QImage, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleFactory

from . import compat

BASE_POINTS = 13.0  # readable from the back of a hall on a 1080p projector
PRESENTATION_SCALE = 1.6
DRAWINGS_KEPT = 64  # axis pictures kept for axes drawn alike (GridAxis.paint): a few hundred kB at most
MIN_SCALE, MAX_SCALE = 0.6, 3.0
TICK_SCALE = 0.9  # tick names' size against the text's
NAME_LINES = 3  # lines that the names of a horizontal axis may be staggered on before they are thinned (GridAxis._apart)
NAMES_ANYWHERE = 100_000  # pixels past its ends that pyqtgraph lets an axis place names (GridAxis.generateDrawSpecs)
INDICATOR_EM = 0.7  # a check box's square, in lines of text

# Okabe-Ito: distinguishable with the common colour-vision deficiencies.
CURVE_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000")
# Colour maps pyqtgraph ships (no matplotlib needed), each readable with the common colour-vision
# deficiencies; the first of each is the default. Sequential: dark to light, for values from 0 up.
# Diverging: light at 0 (the middle), blue below against yellow or red above, for signed values.
SEQUENTIAL_MAPS = ("CET-CBL1", "CET-CBL2", "viridis", "cividis", "magma")
DIVERGING_MAPS = ("CET-CBD1", "CET-D1", "CET-D1A")
_chosen_maps = {False: SEQUENTIAL_MAPS[0], True: DIVERGING_MAPS[0]}


@dataclass(frozen=True)
class Theme:
    name: str
    background: str
    foreground: str
    window: str
    base: str
    highlight: str
    curve_black: str
    masked: str  # the hatching of masked cells: at least UI_CONTRAST against the background


THEMES = {
    "light": Theme("light", "#ffffff", "#000000", "#f2f2f2", "#ffffff", "#0057b8", "#000000", "#767676"),
    "dark": Theme("dark", "#121212", "#f0f0f0", "#202020", "#3a3a3a", "#4da3ff", "#f0f0f0", "#9a9a9a"),
}
# WCAG's least contrast for the parts of a graphic that must be seen (1.4.11, non-text contrast)
UI_CONTRAST = 3.0
# A matrix's edge, drawn round its cells: the end colours of the maps (black, white) would otherwise merge with the
# background of one theme or the other; this grey stands at least UI_CONTRAST from both backgrounds and both ends.
MATRIX_EDGE = "#808080"


def theme_named(name: str) -> Theme:
    return THEMES.get(name, THEMES["light"])


def set_symbol_look(curve: pg.PlotDataItem, brush, pen=(200, 200, 200)) -> None:
    """Give ``curve``'s symbols a brush and an outline (pyqtgraph's default outline unless told), kept as
    QBrush and QPen objects. pyqtgraph's symbol atlas keys a symbol by those objects: given as a colour
    name or a tuple, they became new objects at every ``setData``, and the atlas of a curve updated often
    gained two symbols per update, without end (200 after 100 updates)."""
    curve.setSymbolBrush(brush)
    curve.setSymbolPen(pen)


def curve_colour(index: int, theme: Theme) -> str:
    colour = CURVE_COLOURS[index % len(CURVE_COLOURS)]
    return theme.curve_black if colour == "#000000" else colour


def apply_app_theme(app: QApplication, theme: Theme, points: float) -> None:
    """Palette and base font of the whole application. The Fusion style is set once, and the Fusion style already in
    use is kept as its base: setting a style deletes the old one, and graphics layouts made before still pointed at it
    (a segfault in their next size computation)."""
    if not isinstance(app.style(), TextSizedStyle):  # wraps the Fusion style in use, which so lives on as its base
        current = app.style()
        app.setStyle(TextSizedStyle(current if current.name().lower() == "fusion" else QStyleFactory.create("Fusion")))
    palette = QPalette()
    fg, window, base = QColor(theme.foreground), QColor(theme.window), QColor(theme.base)
    # buttons, slider handles and spin-box arrows stand out from a dark window (Fusion shades them from Button)
    button = window.lighter(180) if window.lightness() < 128 else window
    for role, colour in ((QPalette.Window, window), (QPalette.WindowText, fg), (QPalette.Base, base),
                         (QPalette.AlternateBase, window), (QPalette.Text, fg), (QPalette.Button, button),
                         (QPalette.ButtonText, fg), (QPalette.ToolTipBase, base), (QPalette.ToolTipText, fg),
                         (QPalette.Highlight, QColor(theme.highlight)),
                         (QPalette.HighlightedText, QColor("#000000" if QColor(theme.highlight).lightness() > 140
                                                           else "#ffffff"))):
        palette.setColor(role, colour)
    palette.setColor(QPalette.Disabled, QPalette.Text, QColor("#808080"))
    palette.setColor(QPalette.Disabled, QPalette.WindowText, QColor("#808080"))
    palette.setColor(QPalette.Disabled, QPalette.ButtonText, QColor("#808080"))
    app.setPalette(palette)
    font = QFont(app.font())
    font.setPointSizeF(points)
    app.setFont(font)
    pg.setConfigOption("background", theme.background)
    pg.setConfigOption("foreground", theme.foreground)


class TextSizedStyle(QProxyStyle):
    """Fusion, with every check box's square as large as the text beside it: Fusion draws it at a fixed size
    (about 13 px at any text size, a speck beside x1.6 text on a projector) and draws it scaled in a larger room.
    Measured from each widget's own font, so it follows every text size change. Menu entries are a line's height
    wider than Fusion asks: in large type its margins fall short of what it draws, and it elided the entries to fit
    ("简体中文" showed as "简…文" at x1.3)."""

    # Qt asks the style for a metric dozens of times per change of scene, each call a trip into Python: the metrics
    # changed are looked up once here (a lookup of ``QStyle.PM_...`` makes a new enum member each time)
    MENU_ITEM = QStyle.CT_MenuItem
    INDICATOR_SIDES = frozenset((QStyle.PM_IndicatorWidth, QStyle.PM_IndicatorHeight))

    def sizeFromContents(self, kind, option, size, widget=None):  # noqa: N802 - Qt's name
        size = super().sizeFromContents(kind, option, size, widget)
        if kind == self.MENU_ITEM:
            size.setWidth(size.width() + option.fontMetrics.height())
        return size

    def pixelMetric(self, metric, option=None, widget=None):
        if metric not in self.INDICATOR_SIDES:
            return super().pixelMetric(metric, option, widget)
        fixed = super().pixelMetric(metric, option, widget)
        metrics = widget.fontMetrics() if widget is not None else QFontMetricsF(QApplication.font())
        return max(fixed, round(INDICATOR_EM * metrics.height()))


class GridAxis(pg.AxisItem):
    """An axis whose grid lines are drawn opaque, in the colour the translucent line shows over
    ``background``: Qt's raster engine draws a translucent 1-pixel line much slower than an opaque one."""

    background = QColor("black")
    cells = False  # an axis of matrix cells: see cell_ticks
    cell_count: int | None = None  # how many cells the axis numbers: no tick names a cell beyond (square cells)
    name_lines = NAME_LINES  # lines its names may be staggered on (1 where height is scarcer than names, see _apart)
    drawings: OrderedDict = OrderedDict()  # look -> (picture, room, stagger): the latest DRAWINGS_KEPT, all views (paint)
    _text_room: float | None = None  # the room the names last drawn asked for (see paint)
    _placing = False  # pyqtgraph is placing the names: the room they take is known once they are set apart (_apart)
    _placed_room: float | None = None  # the room pyqtgraph measured for them meanwhile
    _stagger = 0.0  # the height that further lines of names add to a horizontal axis (see _apart)
    _measured: tuple | None = None  # (what the drawing depends on, draw specs, room asked for): see measure_names
    _kept_room = 0.0  # a vertical axis's widest room for its names in this range and font (see _forget_kept_room)

    def paint(self, p, opt, widget):
        """Draw as pyqtgraph does, but play the picture of an axis drawn alike before when there is one (see
        ``_look``): the blank axes between small multiples are all one drawing, and a grid re-arranged, or a
        view shown again, mostly draws axes it drew before (two in three of the named axes redrawn in the
        slowest changes of a soak), and pyqtgraph's drawing of an axis is slow. A picture
        played brings the room its names asked for when drawn (pyqtgraph sizes an axis to its names while
        drawing them). Not for axes with grid lines: theirs span the plot."""
        if self.picture is None and self.grid is False:
            look = self._look()
            drawn = self.drawings.get(look)
            if drawn is None:
                self._text_room = None
                super().paint(p, opt, widget)
                self.drawings[look] = (self.picture, self._text_room, self._stagger)
                if len(self.drawings) > DRAWINGS_KEPT:
                    self.drawings.popitem(last=False)
                return
            self.drawings.move_to_end(look)
            picture, room, stagger = drawn
            self._set_stagger(stagger)
            if room is not None:
                compat.make_label_room(self, room)  # (which forgets the picture when it resizes the axis)
            self.picture = picture
        super().paint(p, opt, widget)

    def _updateMaxTextSize(self, x):
        if self._placing:
            self._placed_room = x
            return
        self._text_room = x
        if self.orientation in ("left", "right"):
            x = self._kept_room = max(x, self._kept_room)
        super()._updateMaxTextSize(x)

    def _forget_kept_room(self) -> None:
        """A vertical axis's room for its names grows, never shrinks, while it numbers the same range in the same font:
        a taller plot adds a finer level of names ('-0.5' between '-1' and '0'), and the room a shorter one gives back
        can make it taller again. A plot whose widened axis made its other axis's names stagger onto a line more (the
        encoding view's lower curve plot) swung between the two sizes for good, caught by a paint with '-0.5' under the
        axis's name. New numbers, names or font are measured afresh."""
        self._kept_room = 0.0

    def _updateHeight(self):
        """pyqtgraph's height, and further lines of names when they are staggered (whether the axis sizes itself to
        its names or has a set room for them, as a top axis with a title has)."""
        super()._updateHeight()
        if self._stagger and self.fixedHeight is None and self.isVisible() and self.style["showValues"]:
            height = self.maximumHeight() + self._stagger
            self.setMaximumHeight(height)
            self.setMinimumHeight(height)

    def setTicks(self, ticks):
        """New names: the room for lines of them is measured anew (see generateDrawSpecs). The same names again (a grid
        re-arranged) keep it: measured anew, it cost a layout and a paint more."""
        if ticks != compat.tick_levels(self):
            self._set_stagger(0.0)
            self._forget_kept_room()
        super().setTicks(ticks)
        self.measure_names()

    def setStyle(self, **kwargs):
        if "tickFont" in kwargs and kwargs["tickFont"] != self.style["tickFont"]:  # lines of another height
            self._set_stagger(0.0)
            self._forget_kept_room()
        super().setStyle(**kwargs)
        self.measure_names()

    def resizeEvent(self, ev=None):
        """Names set on a horizontal axis are measured at its new width now: the lines they are staggered on make the
        axis taller, and measured only when painted, they were drawn over the axis's name until the layout caught up
        (never, for panels below the fold: the layout check found 'chases' over 'key' in the real model's panels)."""
        super().resizeEvent(ev)
        if (ev is not None and ev.oldSize().width() != ev.newSize().width() and self.orientation in ("top", "bottom")
                and self._named() and self.scene() is not None and self.isVisible()):
            measure_names(self)

    def _set_stagger(self, stagger: float) -> None:
        if stagger != self._stagger:
            self._stagger = stagger
            compat.size_axis_again(self)

    # pyqtgraph measures an axis's tick names only while painting them, and grows the axis then: the first picture
    # after a change of range, font or length drew the names in the old room, over the axis's name ('dimension' over
    # '60', 'value' over '0.5'), until the layout caught up. GridAxis measures them at the change, and its next paint
    # draws what was measured (see generateDrawSpecs), so the names are measured once either way.
    def setRange(self, mn, mx):
        before = list(getattr(self, "range", ()))  # (none yet while pyqtgraph builds the axis)
        super().setRange(mn, mx)
        # side by side, the names' room does not depend on what they say; a plot resized sets the same range again
        if self.orientation in ("left", "right") and list(self.range) != before:
            self._forget_kept_room()
            self.measure_names()

    def measure_names(self) -> None:
        """Size the axis now for the tick names its next paint will draw (nothing while it is hidden or unplaced).
        Side by side, one-line names need a line's room whatever they say (as pyqtgraph counts it: 0.8 of a line),
        so a bottom or top axis is sized from its font alone, without making its names (at once, placed or not)."""
        if getattr(self, "label", None) is None:  # (not yet while pyqtgraph builds the axis, nor once it is closed)
            return
        if self.orientation in ("left", "right"):
            if self.scene() is not None and self.isVisible():
                measure_names(self)
        else:
            line = QFontMetricsF(self.style["tickFont"] or QFont()).boundingRect(QRectF(0, 0, 100, 100),
                                                                                  Qt.AlignCenter, "0")
            compat.make_label_room(self, 0.8 * line.height())

    def _look(self) -> tuple:
        """All that the drawing of an axis without grid lines depends on."""
        pen, tick_pen, font = self.pen(), self.tickPen(), self.style["tickFont"]
        levels = compat.tick_levels(self)
        ticks = None if levels is None else tuple(tuple(level) for level in levels)
        # whole pixels: names measured on an image and on the screen size axes alike a hundredth of a pixel apart
        return (self.orientation, tuple(round(side) for side in self.size().toTuple()), tuple(self.range), ticks,
                self.cells, self.cell_count, self.name_lines, self.logMode,
                self.scale, self.autoSIPrefixScale, compat.tick_spacing(self) and tuple(compat.tick_spacing(self)),
                pen.color().rgba(), pen.widthF(), tick_pen.color().rgba(), tick_pen.widthF(),
                self.textPen().color().rgba(), font.key() if font else None,
                *(self.style[name] for name in ("tickLength", "maxTickLevel", "maxTextLevel", "showValues",
                                                "hideOverlappingLabels")),
                tuple(self.style["tickTextOffset"]), tuple(self.style["textFillLimits"]))

    def tickValues(self, minVal, maxVal, size):
        """pyqtgraph's tick levels; on an axis of cells only the levels of whole numbers (cells are numbered by
        whole numbers: a tick at 0.2 marks nothing, and the 40 such ticks of a 10-cell axis were most of its
        drawing time), or a tick per cell when even the coarsest level is finer."""
        levels = super().tickValues(minVal, maxVal, size)
        if not self.cells:
            return levels
        whole = [(spacing, values) for spacing, values in levels if spacing >= 1]
        low, high = sorted((minVal, maxVal))
        whole = whole or [(1.0, list(range(math.ceil(low), math.floor(high) + 1)))]
        if self.cell_count is None:
            return whole
        return [(spacing, [v for v in values if 0 <= v < self.cell_count]) for spacing, values in whole]

    def generateDrawSpecs(self, p):
        """pyqtgraph's, names kept apart (``_apart``), and grid lines opaque; the last measured is kept, for the paint
        that follows a measure with nothing changed."""
        # an axis with grid lines spans its plot: its drawing depends on the plot's box as well (boundingRect)
        key = (self._look(), self.grid, self.boundingRect().getRect(), p.device().logicalDpiX(),
               p.device().logicalDpiY(), p.font().key())
        measured = self._measured
        if measured is not None and measured[0] == key:
            self._text_room = measured[2]
            return measured[1]
        self._text_room = None
        specs = self._specs(p)
        self._measured = (key, specs, self._text_room)
        return specs

    def _specs(self, p):
        # names set for the ticks (tokens) on a horizontal axis: staggered, and kept inside its ends; numbers are thinned
        # (every other number of a scale can be told from its neighbours, every other token not)
        names = self.orientation in ("top", "bottom") and self._named()
        ends = QRectF(0, 0, self.size().width(), self.size().height()) if names and self.cells else None
        hides = self.style["hideOverlappingLabels"]
        self._placing, self._placed_room = True, None
        try:
            if ends is not None:  # every name, to move those past the ends inward (_within)
                self.style["hideOverlappingLabels"] = NAMES_ANYWHERE
            specs = super().generateDrawSpecs(p)
        finally:
            self._placing = False
            self.style["hideOverlappingLabels"] = hides
        if specs is None:
            return specs
        axis, ticks, texts = specs
        if ends is not None:
            texts = self._within(texts, ends)
        texts, stagger = self._apart(texts, names)
        if names:  # the room grows, never shrinks, until new names or a new font (see setTicks): names that took
            self._set_stagger(max(stagger, self._stagger))  # fewer lines in larger cells would give them back, and so on
        if self._placed_room is not None:
            compat.make_label_room(self, self._placed_room)
        if not self.grid:
            return axis, ticks, texts
        lines = {}  # a finer level's line where a coarser one is drawn (log axes) would paint over it
        for pen, start, end in ticks:
            lines.setdefault((round(start.x(), 1), round(start.y(), 1), round(end.x(), 1), round(end.y(), 1)),
                             (self._opaque(pen), start, end))
        return axis, list(lines.values()), texts

    def _named(self) -> bool:
        """Whether the ticks were given names other than numbers (``setTicks``)."""
        levels = compat.tick_levels(self)
        return levels is not None and not all(is_number(str(text)) for level in levels for _, text in level)

    def _within(self, texts: list, ends: QRectF) -> list:
        """The names of a horizontal axis of cells inside its ends ``ends``: those that reach past them moved inward, as
        long as they still span their ticks; those that would not are left out, as pyqtgraph leaves out names far past
        the ends (the last token of an attention matrix went unnamed, and names allowed past the end ran into the
        colour bar beside the last column, or the corner left of the cells, which is the first row's name's)."""
        kept = []
        for rect, flags, text in texts:
            move = max(ends.left() - rect.left(), 0.0) - max(rect.right() - ends.right(), 0.0)
            if abs(move) <= rect.width() / 2 and rect.width() <= ends.width():
                kept.append((rect.translated(move, 0), flags, text))
        return kept

    def _apart(self, texts: list, staggered: bool) -> tuple[list, float]:
        """``texts`` (pyqtgraph's (rect, flags, text) tick labels) with a gap between neighbours, and the height the lines
        after the first take (0 on one line): pyqtgraph draws every name it is given, so twelve tokens over a narrow
        panel ran into each other ("amouse", "overthe"). ``staggered`` names that do not fit side by side are staggered
        on up to ``name_lines`` lines, every other one a line further from the plot, so that every token stays named; only
        when those do not hold them either are they thinned to every k-th (on as few lines as hold them), k the
        smallest that leaves the gap. Every cell keeps its tick; hovering a cell names it."""
        vertical = self.orientation in ("left", "right")
        span = (lambda rect: (rect.top(), rect.bottom())) if vertical else (lambda rect: (rect.left(), rect.right()))
        if self.orientation == "top" and self.cells:  # the corner left of the cells is the first row's name's
            texts = [spec for spec in texts if spec[0].left() >= -1]  # ('[CLS]' and 'chased' ran into each other)
        ordered = sorted(texts, key=lambda spec: sum(span(spec[0])))  # by their middles: a long name starts first
        spans = [span(rect) for rect, _, _ in ordered]
        # side by side, names need a space between them; stacked, pyqtgraph's boxes (0.8 of a line) leave room already
        metrics = QFontMetricsF(self.style["tickFont"] or QFont())
        gap = 0.0 if vertical else metrics.horizontalAdvance(" ")

        def apart(kept: list) -> bool:
            return all(end + gap <= start for (_, end), (start, _) in zip(kept, kept[1:]))

        line = math.ceil(metrics.height())
        away = -line if self.orientation == "top" else line  # further lines are further from the plot
        for step in range(1, len(ordered) + 1):
            kept = spans[::step]
            for lines in range(1, self.name_lines + 1 if staggered else 2):
                if all(apart(kept[first::lines]) for first in range(lines)):
                    return [(rect.translated(0, away * (index % lines)), flags, text)
                            for index, (rect, flags, text) in enumerate(ordered[::step])], float(line * (lines - 1))
        return ordered, 0.0

    def expect_labels(self, strings: list[str]) -> None:
        """Make room now for tick labels ``strings``, measured as ``generateDrawSpecs`` will measure them: an axis
        that first finds its labels wider while painting grows, and the whole view is laid out and painted again."""
        metrics = QFontMetricsF(self.style["tickFont"] or QFont())
        rects = [metrics.boundingRect(QRectF(0, 0, 100, 100), Qt.AlignCenter, text) for text in strings]
        vertical = self.orientation in ("left", "right")
        if rects:
            compat.make_label_room(self, max(rect.width() if vertical else 0.8 * rect.height() for rect in rects))
        if not vertical and self._named() and self.size().width() > 0:
            measure_names(self)  # the lines they are staggered on, at the width the axis has now

    def _opaque(self, pen: QPen) -> QPen:
        colour, under = pen.color(), self.background
        alpha = colour.alphaF()
        if alpha >= 1.0:
            return pen
        pen = QPen(pen)
        pen.setColor(QColor.fromRgbF(*(alpha * getattr(colour, part)() + (1 - alpha) * getattr(under, part)()
                                       for part in ("redF", "greenF", "blueF"))))
        return pen


def is_number(text: str) -> bool:
    """Whether a tick name reads as a number (a minus sign written as such too)."""
    try:
        float(text.replace("\u2212", "-"))
    except ValueError:
        return False
    return True


def grid_axes(sides=("left", "bottom")) -> dict[str, GridAxis]:
    """Axes for a new PlotItem (``axisItems=``): grids drawn opaque (see GridAxis), and two levels of ticks:
    pyqtgraph draws a third, finer one (40 ticks 4 px apart on a panel of 100 cells; 23 ticks and grid lines
    from -1.1 to 1.1 on a curve plot, 5 with two levels), which cost a fifth of each axis's drawing."""
    axes = {side: GridAxis(side) for side in sides}
    for axis in axes.values():
        axis.setStyle(maxTickLevel=1)
    return axes



def cell_ticks(plot: pg.PlotItem) -> None:
    """Ticks at whole numbers only on ``plot``'s axes, whose values number the cells of a matrix."""
    for name in ("left", "bottom", "top", "right"):
        axis = plot.getAxis(name)
        if isinstance(axis, GridAxis):
            axis.cells = True


def hatch_masked(plot: pg.PlotItem, on: bool, theme: Theme) -> None:
    """Cells without a value (masked: NaN, which images leave transparent) hatched in the theme's ``masked`` grey, so
    that they differ from a value at either end of the colour map; off where nothing is masked (the hatching costs a
    paint)."""
    plot.vb.setBackgroundColor(QBrush(QColor(theme.masked), Qt.BDiagPattern) if on else None)


def edge_matrix(plot: pg.PlotItem) -> None:
    """Draw the edge of the matrix that fills ``plot`` (``MATRIX_EDGE``), so that its dark or light end cells do not
    merge with the background; two pixels wide (one was faint in a screenshot at 1920 x 1080)."""
    plot.vb.setBorder(pg.mkPen(MATRIX_EDGE, width=2))


def plain_numbers(axis: pg.AxisItem) -> None:
    """Tick labels as plain numbers, never scaled by an SI prefix. pyqtgraph's ``enableAutoSIPrefix(False)``
    still sets the prefix scale from the axis' range at that moment (a hidden view's slopes 0.5 were
    labelled 500 after a theme switch): the scale is pinned to 1."""
    axis.enableAutoSIPrefix(False)
    axis.autoSIPrefixScale = 1.0
    axis.labelUnitPrefix = ""
    axis.picture = None  # drawn again with the plain labels
    axis.update()


def style_plot(plot: pg.PlotItem, theme: Theme, points: float) -> None:
    """Axis pens, tick fonts and label sizes of one plot, for the theme and font size."""
    font = QFont()
    font.setPointSizeF(points * TICK_SCALE)
    for name in ("left", "bottom", "top", "right"):
        axis = plot.getAxis(name)
        if isinstance(axis, GridAxis):  # its opaque grid goes under the data, not over it
            axis.background = QColor(theme.background)
            axis.setZValue(-101)  # the ViewBox, holding the data, sits at -100
        axis.setPen(pg.mkPen(theme.foreground, width=max(1, round(points / 12))))
        axis.setTextPen(pg.mkPen(theme.foreground))
        axis.setStyle(tickFont=font, tickTextOffset=max(3, round(points / 3)))
        plain_numbers(axis)
        if axis.labelText:
            axis.setLabel(axis.labelText, units=axis.labelUnits, **{"font-size": f"{points:.0f}pt",
                                                                    "color": theme.foreground})
            if name == "top":  # pyqtgraph counts 80 % of the label's height: it would overlap the tick labels
                axis.setStyle(autoExpandTextSpace=False, tickTextHeight=round(
                    QFontMetricsF(font).height() + 0.25 * axis.label.boundingRect().height()))
    if plot.titleLabel.text:
        title(plot, plot.titleLabel.text, theme, points)


def label(plot: pg.PlotItem, side: str, text: str, theme: Theme, points: float) -> None:
    plot.setLabel(side, text, **{"font-size": f"{points:.0f}pt", "color": theme.foreground})


def bar_label(bar: pg.ColorBarItem, text: str, theme: Theme, points: float) -> None:
    """Name what a colour bar's values are (plain numbers, no SI prefix)."""
    plain_numbers(bar.getAxis("right"))
    label(bar, "right", text, theme, points)
    fit_bar_axis(bar)


def fit_bar_axis(bar: pg.ColorBarItem) -> None:
    """Let a colour bar's axis grow with its tick labels (pyqtgraph fixes it at 45 px, which drops
    the labels that do not fit at large text sizes); two levels of ticks, as on the matrices' axes, names on the
    larger only (a bar as tall as a page, or a figure's, named every tick: 21 names from -1 to 1). The colours end
    half a name (as pyqtgraph measures it, 0.4 of a line) inside the bar's box, so that the names centred on their ends
    stay in it: stacked panels put one bar's '0' over the '1.0' of the bar below (the real model's three panels in
    one column at 1024 x 768); a bar level with its heatmap (``level_bar``) ends where the heatmap does. Call it again
    when the names' font changes."""
    axis = bar.getAxis("right")
    axis.setWidth(None)
    axis.setStyle(maxTickLevel=1, maxTextLevel=0)
    measure_names(axis)
    half_name = math.ceil(0.4 * QFontMetricsF(axis.style["tickFont"] or QFont()).height()) + 1
    for end in ("top", "bottom"):  # pyqtgraph's frame lines of the bar, without names
        bar.getAxis(end).setHeight(half_name)
    if getattr(bar, "level_with", None) is not None:
        # its end names reach half a name past the colours, into the layout's margin (pyqtgraph drops one past 15 px:
        # the top '1.0' of the encoding's bar at x1.6)
        axis.setStyle(hideOverlappingLabels=max(half_name, 15))
        _keep_level(bar, bar.level_with)


def level_bar(bar: pg.ColorBarItem, plot: pg.PlotItem) -> None:
    """Keep the colours of ``bar`` (beside ``plot`` in the same rows of the layout) level with ``plot``'s view box,
    whatever title and axis names the plot has above and below it: spanning the plot's rows, the bar ran a line of
    axis names below the heatmap. The bar's own top and bottom rows take up the difference; its end names reach
    into them or the layout's margin."""
    bar.level_with = plot
    plot.vb.sigResized.connect(lambda _box: _keep_level(bar, plot))
    _keep_level(bar, plot)


def _keep_level(bar: pg.ColorBarItem, plot: pg.PlotItem) -> None:
    box, frame = plot.vb.sceneBoundingRect(), bar.sceneBoundingRect()
    if box.isEmpty() or frame.isEmpty():
        return
    _, top_margin, _, bottom_margin = bar.layout.getContentsMargins()
    gaps = {"top": box.top() - frame.top() - top_margin, "bottom": frame.bottom() - box.bottom() - bottom_margin}
    for end, gap in gaps.items():
        axis = bar.getAxis(end)
        if abs(axis.height() - max(gap, 0.0)) > 0.5:
            axis.setHeight(max(gap, 0.0))


def measure_names(axis: pg.AxisItem) -> None:
    """Size ``axis`` now for the tick names it will draw (call it after its range changed): pyqtgraph measures them
    only while painting, and an axis that grew then was drawn cut until the next paint (a colour bar's name over the
    view's edge after its levels widened)."""
    image = QImage(1, 1, QImage.Format_ARGB32)
    painter = QPainter(image)
    try:
        painter.setFont(axis.style["tickFont"] or QFont())
        axis.generateDrawSpecs(painter)
    finally:
        painter.end()


def title(plot: pg.PlotItem, text: str, theme: Theme, points: float) -> None:
    """Set ``plot``'s title; an empty one takes no room (pyqtgraph keeps a row for an empty text)."""
    if not text:
        plot.titleLabel.setText("")
        plot.setTitle(None)
        return
    plot.setTitle(text, size=f"{points:.0f}pt", color=theme.foreground)
    fit_title_row(plot)


def fit_title_row(plot: pg.PlotItem) -> None:
    """Make the title's row as tall as its text, on one line or wrapped (pyqtgraph fixes it at 30 px,
    which cuts off large or wrapped titles)."""
    if plot.titleLabel.text:
        height = plot.titleLabel.itemRect().height()
        plot.titleLabel.setMaximumHeight(height)
        plot.layout.setRowFixedHeight(0, height)


def choose_colour_maps(sequential: str, diverging: str) -> None:
    """Make ``colour_map`` give these maps from now on; a name not offered keeps the default."""
    _chosen_maps[False] = sequential if sequential in SEQUENTIAL_MAPS else SEQUENTIAL_MAPS[0]
    _chosen_maps[True] = diverging if diverging in DIVERGING_MAPS else DIVERGING_MAPS[0]


def chosen_colour_map_name(signed: bool) -> str:
    return _chosen_maps[signed]


def colour_map(signed: bool) -> pg.ColorMap:
    """The chosen map: diverging for signed data (levels symmetric about 0), else sequential."""
    return pg.colormap.get(_chosen_maps[signed])


def colour_map_swatch(name: str, width: int, height: int) -> QPixmap:
    """A small picture of map ``name``, left to right, for a menu."""
    colours = pg.colormap.get(name).getLookupTable(nPts=width, alpha=False).astype(np.uint8)
    image = QImage(np.ascontiguousarray(np.repeat(colours[None], height, axis=0)).data, width, height,
                   3 * width, QImage.Format_RGB888)
    return QPixmap.fromImage(image.copy())


def text_colours_on(cmap: pg.ColorMap, fractions) -> np.ndarray:
    """Black or white ("#000000" or "#ffffff") for each of ``fractions`` (0 to 1 of ``cmap``'s range), whichever
    contrasts more with the colour the map gives it (WCAG relative luminance: black text from 0.179 up).
    One vectorised pass: a cell at a time was slow for the hundreds of cells of the attention view."""
    return text_colours_for(cmap.map(np.clip(np.asarray(fractions, dtype=float), 0.0, 1.0), mode="float")[..., :3])


def text_colours_for(rgb) -> np.ndarray:
    """Black or white for text on each colour of ``rgb`` (sRGB, 0 to 1, last axis red, green, blue): the one with the
    higher WCAG contrast ratio, which is black from a relative luminance of 0.179 up. The app's one rule for it."""
    return np.where(relative_luminance(rgb) > 0.179, "#000000", "#ffffff")


def relative_luminance(rgb) -> np.ndarray:
    """WCAG relative luminance of sRGB colours (0 to 1, last axis red, green, blue)."""
    rgb = np.asarray(rgb, dtype=float)
    linear = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    return linear @ np.array([0.2126, 0.7152, 0.0722])


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast ratio of two colours given by name ("#rrggbb"), from 1 (alike) to 21 (black on white)."""
    lighter, darker = sorted((float(relative_luminance(QColor(name).getRgbF()[:3])) for name in (first, second)),
                             reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
