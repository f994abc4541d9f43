"""The clocks lesson's binary counter: a column of lamps, one a bit of the position, each with its digit and how often
it flips. Its plot's making and fitting; the lesson places it beside the dials and writes its texts."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QFontMetricsF

from ... import style

BITS_RANGE = 3.2  # x from 0 to this in the bits' plot: the lamps span 0 to 1, their "flips every" texts start at
EVERY_AT = 1.12   # this
LONGEST_SHARE = 0.96  # of the bits' plot width its longest "flips every" text may take (the rest: its lamp, a gap)
BITS_PADDING = 0.01  # of the bits' range, on each side
LAMP_LINES = 1.5  # a bit's lamp, in lines of its digit, beside its text (the bits' column's width)

BitTexts = list[tuple[pg.TextItem, pg.TextItem]]  # (digit, "flips every") of each bit


def dress_bits_plot(plot: pg.PlotItem, theme: style.Theme, points: float) -> pg.BarGraphItem:
    """Make ``plot`` the bits' column, bit 0 at the top; returns its lamps."""
    plot.hideAxis("bottom")
    plot.hideAxis("left")
    plot.invertY(True)
    plot.setMouseEnabled(False, False)
    lamps = pg.BarGraphItem(x0=0, width=1, y=[0], height=0.86)
    plot.addItem(lamps)
    style.style_plot(plot, theme, points)
    return lamps


def fit_bits(plot: pg.PlotItem | None, texts: BitTexts) -> None:
    """Open the bits' range to the right far enough for the longest "flips every" text (which starts at ``EVERY_AT``
    and would run past the plot's edge in large type or in Chinese)."""
    width = plot.vb.width() if plot is not None else 0
    longest = max((every.boundingRect().width() for _digit, every in texts), default=0.0)
    if width <= 0:
        return
    if width <= longest / 0.97:
        # squeezed by the dials beside it (two a row in Chinese at 1024 x 768 presenting), the texts ran up to 150 px
        # past the plot's edge: it asks for the room of its longest text and a lamp (until the next arrangement)
        plot.setMinimumWidth(longest / LONGEST_SHARE)
        return
    # the text starts at EVERY_AT of a range padded by BITS_PADDING on each side: without the padding counted, a
    # text over three quarters of the width ran 2 px past the plot's edge (Chinese at 1024 x 768)
    free = 1 - longest / width
    right = max(BITS_RANGE, EVERY_AT / (free * (1 + 2 * BITS_PADDING) - BITS_PADDING) * 1.02)
    if abs(plot.vb.viewRange()[0][1] - right) > 0.01 * right:
        plot.setXRange(0, right, padding=BITS_PADDING)


def bits_width(texts: BitTexts) -> float:
    """The width the bits' plot reads at: its longest "flips every" text and a lamp two lines of its digit wide
    (``fit_bits`` opens the range for the text); 0 without bits."""
    if not texts:
        return 0.0
    longest = max(every.boundingRect().width() for _digit, every in texts)
    return longest + LAMP_LINES * QFontMetricsF(texts[0][0].textItem.font()).height()


def bits_height(texts: BitTexts) -> float:
    """The height the bits' digits need: a line of their font a bit, and the range's padding (with the plots at their
    smallest height, eight bits' digits ran together)."""
    line = QFontMetricsF(texts[0][0].textItem.font()).height()
    return len(texts) * line * (1 + 2 * BITS_PADDING)
