"""An axis's name kept along its axis: on two lines when the axis is shorter than the name. pyqtgraph writes an axis's
name on one line centred on the axis, and at a large text size a grid's colour bar one row of panels tall was shorter
than 'bias added to the logit', whose ends stuck out over the view's edge (so was 'distance (tokens)' under a plot half
a 1024 px page wide, and 'query i' beside a row of small multiples)."""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument, QTextOption

NUDGE = 5  # pyqtgraph moves an axis's name this far out of the axis (AxisItem.resizeEvent)
PLAIN_MARGIN = 4.0  # Qt's margin around a document's text, kept for a name on one line
WRAPPING = QTextOption(Qt.AlignHCenter)  # the lines centred on the axis, broken between words only (Qt's default
WRAPPING.setWrapMode(QTextOption.WordWrap)  # breaks a word longer than the line)
# the side of the name's text that faces the axis's tick names: pyqtgraph turns a vertical axis's name a quarter turn
# anticlockwise, so that the text's top faces left
INNER_BOTTOM = {"left": True, "top": True, "right": False, "bottom": False}


def keep_name_along(axis: pg.AxisItem) -> None:
    """Wrap ``axis``'s name to the axis's length now and whenever the axis is laid out anew (call it after the name
    is set)."""
    if not getattr(axis, "keeps_name_along", False):
        axis.geometryChanged.connect(lambda: wrap_name(axis))
        axis.label.document().setDefaultTextOption(WRAPPING)
        axis.keeps_name_along = True
    wrap_name(axis)


def wrap_name(axis: pg.AxisItem) -> None:
    """Write an axis's name as ``name_layout`` has it for the axis's length now."""
    outer, inner, text_width, _box = name_layout(axis, axis_length(axis))
    label, frame = axis.label, axis.label.document().rootFrame()
    top, bottom = (outer, inner) if INNER_BOTTOM[axis.orientation] else (inner, outer)
    shape = frame.frameFormat()
    if (shape.topMargin(), shape.bottomMargin(), label.textWidth()) == (top, bottom, text_width):
        return
    shape.setMargin(PLAIN_MARGIN)
    shape.setTopMargin(top)
    shape.setBottomMargin(bottom)
    frame.setFrameFormat(shape)
    label.setTextWidth(text_width)
    if axis.orientation in ("left", "right"):  # pyqtgraph sizes the axis again for the name's new box (a set size
        axis.setWidth(axis.fixedWidth)  # stays)
    else:
        axis.setHeight(axis.fixedHeight)
    axis.resizeEvent(None)  # and centres the name on the axis again (pyqtgraph does it when the axis is resized)


def wrapped_width(axis: pg.AxisItem, length: float | None) -> float:
    """The width of a vertical axis (its ticks, their names and its name) ``length`` long, its name wrapped to it as
    ``keep_name_along`` would (None: as laid out now)."""
    width = axis.maximumWidth()
    if length is None or not getattr(axis, "keeps_name_along", False) or not axis.label.isVisible():
        return width
    # pyqtgraph gives a name 0.8 of its box across the axis
    return width - 0.8 * axis.label.boundingRect().height() + 0.8 * name_layout(axis, length)[3]


def axis_length(axis: pg.AxisItem) -> float:
    return axis.height() if axis.orientation in ("left", "right") else axis.width()


def name_layout(axis: pg.AxisItem, length: float) -> tuple[float, float, float, float]:
    """(outer margin, inner margin, text width, box height) of an axis's name on an axis ``length`` long: on two lines
    when the axis is shorter than the name and two lines fit it, else on one line (an axis laid out before its plots
    has next to no length, and a name wrapped to that made the axis wide for a moment, and a grid fitted then left
    room for it). The margins are those across the axis, outside and towards the tick names. pyqtgraph gives a name
    0.8 of its box's height across the axis, set one ``NUDGE`` out: a one-line name's margins, which two lines
    outgrow; the wrapped name's inner margin makes up the rest, which holds its lines clear of the tick names."""
    name = name_document(axis)
    line = name.size().height()
    if not axis.labelText or length >= name.idealWidth() or not fits_two_lines(name, length, line):
        return PLAIN_MARGIN, PLAIN_MARGIN, -1.0, line + 2 * PLAIN_MARGIN
    lines = name.size().height()
    outer = float(NUDGE)  # the lines start at the axis's outer edge and end 0.8 box from it (nudged): the inner margin
    # is at least (0.2 (lines + outer) - NUDGE) / 0.8
    inner = float(math.ceil(max(PLAIN_MARGIN, (0.2 * (lines + outer) - NUDGE) / 0.8)) + 1)
    return outer, inner, length + 2 * PLAIN_MARGIN, lines + outer + inner


def shortest_length(axis: pg.AxisItem) -> float:
    """The shortest length of an axis that holds its name on two lines (``name_layout``); 0 without a name."""
    if not axis.labelText or not axis.label.isVisible():
        return 0.0
    name = name_document(axis)
    natural, line = name.idealWidth(), name.size().height()
    length = natural / 2
    while length < natural and not fits_two_lines(name, length, line):
        length = max(name.idealWidth(), length + line / 4)  # past the longest word, or a quarter line longer
    return min(length, natural)


def name_document(axis: pg.AxisItem) -> QTextDocument:
    """The axis's name alone, without the margins and the wrapping set on it here, on one line."""
    name = QTextDocument()
    name.setDocumentMargin(0)
    name.setDefaultTextOption(WRAPPING)
    name.setDefaultFont(axis.label.font())
    name.setHtml(axis.labelString())
    return name


def fits_two_lines(name: QTextDocument, length: float, line: float) -> bool:
    """Whether ``name`` (one ``line`` high unwrapped) wrapped to ``length`` takes two lines at most, none longer: a
    word longer than the axis would stick out."""
    name.setTextWidth(length)
    return name.idealWidth() <= length and name.size().height() <= 2.5 * line
