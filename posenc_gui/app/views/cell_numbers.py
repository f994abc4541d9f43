"""Numbers written in the cells of a matrix: one item for all of them, shortened to fit the cells on screen."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF


class CellTexts(pg.GraphicsObject):
    """The numbers written in a matrix's cells, drawn by one item at a fixed font size (one TextItem per
    cell is far slower once there are hundreds). Numbers too wide for their cells on screen (with ``number_gap``
    between neighbours) are written with fewer decimals, the same number for every cell, and not at all when even
    whole numbers do not fit or a line of text is taller than a cell (hovering a cell still gives its value)."""

    def __init__(self, labels: list[tuple[int, int, str, str]], rows: int, cols: int, font: QFont):
        super().__init__()
        self.labels, self.rows, self.cols, self.font = labels, rows, cols, font
        self._fitted: tuple[tuple, list] = ((), labels)  # (cell size on screen, font), labels fitted to it
        self.setZValue(5)

    def boundingRect(self) -> QRectF:
        return QRectF(-0.5, -0.5, self.cols, self.rows)

    def set_labels(self, labels: list[tuple[int, int, str, str]], rows: int, cols: int, font: QFont) -> None:
        """New (row, column, text, colour) labels for a matrix of ``rows`` x ``cols`` cells."""
        self.prepareGeometryChange()
        self.labels, self.rows, self.cols, self.font = labels, rows, cols, font
        self._fitted = ((), labels)
        self.update()

    def shown_labels(self, cell_width: float, cell_height: float) -> list[tuple[int, int, str, str]]:
        """The labels as written in cells of this size on screen (pixels)."""
        key = (round(cell_width), round(cell_height), self.font.key())
        if self._fitted[0] != key:
            self._fitted = (key, fit_numbers(self.labels, QFontMetricsF(self.font), cell_width, cell_height))
        return self._fitted[1]

    def paint(self, painter, *args) -> None:
        transform = painter.transform()
        cell = transform.mapRect(QRectF(0, 0, 1, 1))
        painter.save()
        painter.resetTransform()
        painter.setFont(self.font)
        for row, col, text, colour in self.shown_labels(cell.width(), cell.height()):
            centre = transform.map(QPointF(col, row))
            painter.setPen(QColor(colour))
            painter.drawText(QRectF(centre.x() - 500, centre.y() - 100, 1000, 200), Qt.AlignCenter, text)
        painter.restore()


CELL_PADDING = 3.0  # pixels left free, at the least, between a cell's number and its edges
GAP_IN_DIGITS = 0.4  # the room between neighbouring cells' numbers, in widths of a digit


def number_gap(metrics: QFontMetricsF) -> float:
    """The room a cell leaves free beside its number: 0.4 of a digit's width. Closer, a row of numbers reads as one
    ("0.70.00.10.2" in cells a few pixels wider than their numbers)."""
    return max(2 * CELL_PADDING, GAP_IN_DIGITS * metrics.horizontalAdvance("0"))


def fit_numbers(labels: list[tuple[int, int, str, str]], metrics: QFontMetricsF, width: float,
                height: float) -> list[tuple[int, int, str, str]]:
    """``labels`` whose texts fit cells of ``width`` x ``height`` pixels with ``number_gap`` beside them: as given,
    else every number with the most decimals that lets all fit (texts that are not numbers stay as they are), else
    none. One rule for every drawing: fewer decimals, then no numbers (never ".7" beside another drawing's "0.7")."""
    room = width - number_gap(metrics)

    def fits(texts) -> bool:
        return all(metrics.horizontalAdvance(text) <= room for text in texts)

    texts = [text for _row, _col, text, _colour in labels]
    if not labels or metrics.tightBoundingRect("0").height() > height - 1:
        return []
    if fits(texts):
        return labels
    numbers = [number_in(text) for text in texts]
    largest = max((abs(number) for number in numbers if number is not None), default=0.0)
    # whole numbers only where they keep the numbers' sense: 0.8 written "1" and 0.2 "0" misled (attention weights)
    for decimals in (3, 2, 1, 0) if largest >= WHOLE_FROM else (3, 2, 1):
        shorter = [text if number is None else written(number, decimals) for text, number in zip(texts, numbers)]
        if fits(shorter):
            return [(row, col, text, colour) for (row, col, _old, colour), text in zip(labels, shorter)]
    return []


WHOLE_FROM = 10.0  # numbers are rounded to whole ones only when the largest is at least this (an error under 5 %)


def written(number: float, decimals: int) -> str:
    """``number`` with ``decimals`` decimals; never "-0"."""
    text = f"{number:.{decimals}f}"
    return "0" if text.startswith("-") and text.strip("-0.") == "" else text


def number_in(text: str) -> float | None:
    """The finite number a cell's text writes (a minus sign may be U+2212), else None."""
    try:
        number = float(text.replace("\u2212", "-"))
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def fmt(value: float) -> str:
    return f"{value:.4g}" if np.isfinite(value) else ("-inf" if value < 0 else "inf" if value > 0 else "nan")
