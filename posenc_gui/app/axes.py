"""Axes of the app's plots: names kept apart and measured before they are painted, grids drawn opaque, and the
pictures of axes drawn alike played again. Apart from style.py, which sets their fonts and pens."""

from __future__ import annotations

import math
from collections import OrderedDict

import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen

from . import compat
from .names_kept import names_kept
from .once_at_end import OnceAtEnd

DRAWINGS_KEPT = 64  # axis pictures kept for axes drawn alike (GridAxis.paint): a few hundred kB at most
NAME_LINES = 3  # lines that the names of a horizontal axis may be staggered on before they are thinned (GridAxis._apart)
NAMES_ANYWHERE = 100_000  # pixels past its ends that pyqtgraph lets an axis place names (GridAxis.generateDrawSpecs)


class GridAxis(pg.AxisItem):
    """An axis whose grid lines are drawn opaque, in the colour the translucent line shows over
    ``background``: Qt's raster engine draws a translucent 1-pixel line much slower than an opaque one."""

    background = QColor("black")
    cells = False  # an axis of matrix cells: see cell_ticks
    cell_count: int | None = None  # how many cells the axis numbers: no tick names a cell beyond (square cells)
    names_tokens = False  # it names the tokens of a model's text: in their Latin font in Chinese too (style_plot)
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

    def boundingRect(self):
        """pyqtgraph's, with the slack past the ends that it gives names (15 px on a vertical axis) on an axis with grid
        lines too: it bounds those by the plot's box, and dropped a name just past it (the layers lesson's '1' step)."""
        rect = super().boundingRect()
        if self.grid is False or self.linkedView() is None:
            return rect
        hides = self.style["hideOverlappingLabels"]
        slack = 0 if hides is True else 15 if hides is False else int(hides)
        ends = (0, -slack, 0, slack) if self.orientation in ("left", "right") else (-slack, 0, slack, 0)
        return rect | self.mapRectFromParent(self.geometry()).adjusted(*ends)

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
        if list(self.range) == before:  # a plot resized sets the same range again
            return
        if self.orientation in ("left", "right"):
            self._forget_kept_room()
            self.measure_names()
        # side by side, names need a line whatever they say, but the lines they are staggered on depend on where the
        # range puts them: measured only when painted, CoPE's position part stood a line below its neighbours in the
        # picture drawn (deck scene 28 after 25, at a desk at 1280 x 720 x1.6 in Chinese)
        elif not _measures.holding and self._named() and self.scene() is not None and self.isVisible():
            measure_names(self)

    def measure_names(self) -> None:
        """Size the axis now for the tick names its next paint will draw (nothing while it is hidden or unplaced).
        Side by side, one-line names need a line's room whatever they say (as pyqtgraph counts it: 0.8 of a line),
        so a bottom or top axis is sized from its font alone, without making its names (at once, placed or not).
        Within ``measured_once``, at its end."""
        if getattr(self, "label", None) is None:  # (not yet while pyqtgraph builds the axis, nor once it is closed)
            return
        if _measures.ask(self):
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
        # names set for the ticks (tokens): kept inside the axis's ends, and on a horizontal axis staggered; numbers are
        # thinned (every other number of a scale can be told from its neighbours, every other token not)
        named = self._named()
        names = self.orientation in ("top", "bottom") and named
        ends = self._cells_ends() if named and self.cells else None
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
        texts = self._in_tick_order(texts)
        if ends is not None:
            texts = self._within(texts, ends)
        if self.orientation == "top" and self.cells:  # the corner left of the cells is the first row's name's
            texts = [spec for spec in texts if spec[0].left() >= -1]  # ('[CLS]' and 'chased' ran into each other)
        shown, stagger = self._apart(texts, names)
        if names and len(shown) < len(texts) and stagger < self._stagger:  # thinned onto fewer lines than kept: held
            # to those lines, the plot takes the rest (a lone head staggered its names on three lines, was narrowed by
            # them, and thinned them onto two below a third line's empty room: three lines again in the matrix that
            # room would give, they would narrow it again)
            self.name_lines = round(stagger / self._line_height()) + 1
            self._set_stagger(stagger)
        elif names:  # the room grows, never shrinks, until new names or a new font (see setTicks): names that took
            self._set_stagger(max(stagger, self._stagger))  # fewer lines in larger cells would give them back, and so on
        texts = shown
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

    def _cells_ends(self) -> QRectF:
        """The axis's box, up to the end of its last named cell: a plot area wider than its square cells (the
        real-position lesson's 'as trained', beside the narrower 'changed') left room past them, and the names thinned
        to fit it were others than over the same cells beside it. A vertical axis's whole length: its first and last
        names, centred on rows thinner than a line, reached past the matrix's ends ('[SEP]' into the title of the
        panel below, deck scene 41 presenting at 1024 x 768 x1.6)."""
        ends = QRectF(0, 0, self.size().width(), self.size().height())
        values = [value for level in compat.tick_levels(self) or () for value, _name in level]
        low, high = self.range
        if values and high > low and self.orientation in ("top", "bottom"):
            last = (max(values) + 0.5 - low) / (high - low) * ends.width()
            if 0 < last < ends.right():
                ends.setRight(last)
        return ends

    def _within(self, texts: list, ends: QRectF) -> list:
        """The names of an axis of cells inside its ends ``ends``: those that reach past them moved inward, as long as
        they still span their ticks; those that would not are left out, as pyqtgraph leaves out names far past the ends
        (the last token of an attention matrix went unnamed, and names allowed past the end ran into the colour bar
        beside the last column, or the corner left of the cells, which is the first row's name's)."""
        vertical = self.orientation in ("left", "right")
        kept = []
        for rect, flags, text in texts:
            low, high, start, end, length, room = (
                (rect.top(), rect.bottom(), ends.top(), ends.bottom(), rect.height(), ends.height()) if vertical
                else (rect.left(), rect.right(), ends.left(), ends.right(), rect.width(), ends.width()))
            move = max(start - low, 0.0) - max(high - end, 0.0)
            if abs(move) <= length / 2 and length <= room:
                kept.append((rect.translated(0, move) if vertical else rect.translated(move, 0), flags, text))
        return kept

    def _in_tick_order(self, texts: list) -> list:
        """pyqtgraph's (rect, flags, text) tick labels in the order of their ticks along the axis (pyqtgraph gives
        them a level after another), by their middles before any is moved: sorted after ``_within`` moved the first
        and last names inward, '[CLS]' came after 'the' and 'cat', and the names thinned to every k-th were others in
        two panels of the same tokens (deck scene 41, in Chinese, whose axis reached further past the cells)."""
        vertical = self.orientation in ("left", "right")
        return sorted(texts, key=lambda spec: spec[0].center().y() if vertical else spec[0].center().x())

    def _apart(self, ordered: list, staggered: bool) -> tuple[list, float]:
        """``ordered`` (pyqtgraph's (rect, flags, text) tick labels in tick order: ``_in_tick_order``) with a gap
        between neighbours, and the height the lines after the first take (0 on one line): pyqtgraph draws every name
        it is given, so twelve tokens over a narrow panel ran into each other ("amouse", "overthe"). ``staggered`` names
        that do not fit side by side are staggered on up to ``name_lines`` lines, every other one a line further from
        the plot, so that every token stays named; only when those do not hold them either are they thinned to every
        k-th that tells the most (``names_kept``), on as few lines as hold them. Every cell keeps its tick; hovering a
        cell names it."""
        vertical = self.orientation in ("left", "right")
        span = (lambda rect: (rect.top(), rect.bottom())) if vertical else (lambda rect: (rect.left(), rect.right()))
        # side by side, names need a space between them; stacked, pyqtgraph's boxes (0.8 of a line) leave room already
        gap = 0.0 if vertical else QFontMetricsF(self.style["tickFont"] or QFont()).horizontalAdvance(" ")
        kept = names_kept([span(rect) for rect, _, _ in ordered], [str(text) for _, _, text in ordered], gap,
                          self.name_lines if staggered else 1)
        if kept is None:
            return ordered, 0.0
        step, offset, lines = kept
        line = self._line_height()
        away = -line if self.orientation == "top" else line  # further lines are further from the plot
        return [(rect.translated(0, away * (index % lines)), flags, text)
                for index, (rect, flags, text) in enumerate(ordered[offset::step])], float(line * (lines - 1))

    def _line_height(self) -> int:
        """The height of a line of names staggered (``_apart``)."""
        return math.ceil(QFontMetricsF(self.style["tickFont"] or QFont()).height())

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


_measures = OnceAtEnd(lambda axis: axis.measure_names())  # the measures ``measured_once`` holds
# axes told of a new range, new names or a new font within it are measured once, at its end, for all of them (a panel
# given a new range and new names was measured for each, the first measure wasted)
measured_once = _measures.block


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


def measure_names(axis: pg.AxisItem) -> None:
    """Size ``axis`` now for the tick names it will draw (call it after its range changed): pyqtgraph measures them
    only while painting, and an axis that grew then was drawn cut until the next paint (a colour bar's name over the
    view's edge after its levels widened). An axis that shows no names has none to measure (the inner panels of a grid
    of heads: measured at every range change, their ticks were placed for nothing)."""
    if not axis.style["showValues"]:
        return
    image = QImage(1, 1, QImage.Format_ARGB32)
    painter = QPainter(image)
    try:
        painter.setFont(axis.style["tickFont"] or QFont())
        axis.generateDrawSpecs(painter)
    finally:
        painter.end()
