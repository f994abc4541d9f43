"""The clocks lesson's dials: a clock face made once and re-used, and its caption kept at the text size, fitted to the
dial's width (the lesson writes the captions; the fitting is here)."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF, QTextOption
from PySide6.QtWidgets import QGraphicsEllipseItem

from ... import style
from ..readable import document_copy

CAPTION_MARGIN = 4  # pixels: QTextDocument's margin on each side of a dial's caption


def dress_dial(plot: pg.PlotItem, caption: pg.TextItem, theme: style.Theme, points: float) -> tuple:
    """Make ``plot`` (not yet placed) a clock face: rim, twelve o'clock mark, hand and tip, with ``caption`` below it.
    Returns (plot, hand, tip, caption)."""
    rim = pg.mkPen(theme.foreground, width=2)
    rim.setCosmetic(True)
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
    hand = plot.plot([0, 0], [0, 1], pen=pg.mkPen(theme.highlight, width=max(3.0, points / 3)), dynamicRangeLimit=None)
    tip = pg.ScatterPlotItem(size=points, brush=pg.mkBrush(theme.highlight), pen=None)
    plot.addItem(tip)
    caption.textItem.document().setDefaultTextOption(QTextOption(Qt.AlignHCenter))
    caption.setPos(0, -1.08)  # hanging below the face (radius 1)
    plot.addItem(caption)
    style.style_plot(plot, theme, points)
    return plot, hand, tip, caption


class DialCaptions:
    """Each dial's caption in two forms (two lines, and a narrow one broken where the language reads well), and which
    form every shown dial takes: all the wide one when every caption fits its dial on two lines, else all the narrow
    one. Each its own form, a dial whose caption wrapped onto a third line had a smaller face than its neighbour
    (70 px beside 105 px presenting at 1280 x 720), and a hall reads size as meaning."""

    def __init__(self):
        self.texts: dict[pg.PlotItem, tuple[str, str]] = {}  # each dial's caption on two lines and its narrow form
        self.fitted: dict[pg.PlotItem, tuple] = {}  # each caption's texts and dial size when fitted
        self.measured: tuple = (None, 0.0)  # what ``tallest`` last laid out, and the height it found

    def clear(self) -> None:
        self.texts, self.fitted, self.measured = {}, {}, (None, 0.0)

    def wide_fit(self, dials: list[pg.PlotItem], width: float, font: QFont) -> bool:
        """Whether every one of ``dials``' captions fits ``width`` on two lines."""
        metrics = QFontMetricsF(font)
        room = width - 2 * CAPTION_MARGIN
        return all(metrics.horizontalAdvance(line) <= room
                   for plot in dials if plot in self.texts for line in self.texts[plot][0].splitlines())

    def fit(self, plot: pg.PlotItem, caption: pg.TextItem, dials: list[pg.PlotItem], points: float) -> None:
        """Keep a dial's caption at the text size (it must read from the back of a hall): its narrow form on a dial
        too narrow for it on two lines, wrapped to the dial's width only when still wider, and the dial's range opened
        downwards to make room for it. Refitted only when the captions or the dial's size changed (a resize signals
        every dial several times)."""
        width, height = plot.vb.width(), plot.vb.height()
        texts = self.texts.get(plot)
        if texts is None or width <= 0 or height <= 0:
            return
        form = 0 if self.wide_fit(dials, width, caption.textItem.font()) else 1
        # every dial's caption in that form: another dial's longer one takes this one's room too
        fitted = (texts, width, height, tuple(self.texts[dial][form] for dial in dials if dial in self.texts))
        if self.fitted.get(plot) == fitted:
            return
        self.fitted[plot] = fitted
        caption.setTextWidth(-1)
        caption.setText(texts[form])
        caption.setTextWidth(width)  # its lines centred on the dial (one still too long wraps there)
        # the room of the tallest caption of the drawing: a longer period wrapped onto a fourth line left its dial a
        # face half the size of its neighbours' (presenting at 1280 x 720 x1.3 in Chinese)
        needed = self.tallest(dials, form, width, caption) + points / 2
        # pixels per unit with the aspect locked: the face spans x -1.2 to 1.2 and y -1.08 to 1.15
        scale = min(width / 2.4, (height - needed) / 2.23)
        if scale > 0:
            plot.setRange(xRange=(-1.2, 1.2), yRange=(-1.08 - needed / scale, 1.15), padding=0)

    def tallest(self, dials: list[pg.PlotItem], form: int, width: float, caption: pg.TextItem) -> float:
        """The height of the tallest of ``dials``' captions in ``form`` (0: two lines, 1: narrow) at ``width``, laid
        out as ``caption`` lays out its text. Kept for the same captions, width and type: every dial of a drawing asks
        (each dial's fit laid out all the captions again)."""
        original = caption.textItem.document()
        key = (tuple(self.texts[plot][form] for plot in dials if plot in self.texts), width,
               original.defaultFont().key(), original.documentMargin(), original.defaultTextOption().alignment(),
               original.defaultTextOption().wrapMode())
        if key == self.measured[0]:
            return self.measured[1]
        document = document_copy(original)
        document.setTextWidth(width)
        tallest = 0.0
        for plot in dials:
            if plot in self.texts:
                document.setPlainText(self.texts[plot][form])
                tallest = max(tallest, document.size().height())
        self.measured = (key, tallest)
        return tallest
