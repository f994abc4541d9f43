"""An axis's name kept along its axis: on two lines when the axis is shorter than the name. pyqtgraph writes an axis's
name on one line centred on the axis, and at a large text size a grid's colour bar one row of panels tall was shorter
than 'bias added to the logit', whose ends stuck out over the view's edge (and 'distance (tokens)' under a plot half
a 1024 px page wide)."""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument, QTextOption

NUDGE = 5  # pyqtgraph moves an axis's name this far out of the axis (AxisItem.resizeEvent)
PLAIN_MARGIN = 4.0  # Qt's margin around a document's text, kept for a name on one line


def keep_name_along(axis: pg.AxisItem) -> None:
    """Wrap ``axis``'s name to the axis's length now and whenever the axis is laid out anew (call it after the name
    is set)."""
    if not getattr(axis, "keeps_name_along", False):
        axis.geometryChanged.connect(lambda: wrap_name(axis))
        axis.label.document().setDefaultTextOption(QTextOption(Qt.AlignHCenter))  # the lines centred on the axis
        axis.keeps_name_along = True
    wrap_name(axis)


def wrap_name(axis: pg.AxisItem) -> None:
    """Wrap an axis's name to the axis's length when it is longer (on two lines at most: an axis laid out
    before its plots has next to no length), else write it on one line. The wrapped name gets a wider margin, so that
    the room pyqtgraph gives a name (0.8 of its box's height: a one-line name's margins, which two lines outgrow) holds
    its lines clear of the tick names and inside the axis."""
    vertical = axis.orientation in ("left", "right")
    label, length = axis.label, axis.height() if vertical else axis.width()
    name = QTextDocument()  # the name alone, without the margin and wrapping set here
    name.setDocumentMargin(0)
    name.setDefaultFont(label.font())
    name.setHtml(axis.labelString())
    natural = name.idealWidth()
    if axis.labelText and 0 < length < natural:
        name.setTextWidth(max(length, natural / 2))
        # the lines start ``NUDGE`` + margin - box inside the axis's outer edge and must end 0.8 box past its ticks'
        # (on every side: pyqtgraph places the name alike)
        margin = float(math.ceil(max(NUDGE, (name.size().height() - 5 * NUDGE) / 3)) + 1)
        text_width = name.textWidth() + 2 * margin
    else:
        margin, text_width = PLAIN_MARGIN, -1.0
    document = label.document()
    if (document.documentMargin(), label.textWidth()) == (margin, text_width):
        return
    document.setDocumentMargin(margin)
    label.setTextWidth(text_width)
    if vertical:  # pyqtgraph sizes the axis again for the name's new box (a set size stays)
        axis.setWidth(axis.fixedWidth)
    else:
        axis.setHeight(axis.fixedHeight)
    axis.resizeEvent(None)  # and centres the name on the axis again (pyqtgraph does it when the axis is resized)
