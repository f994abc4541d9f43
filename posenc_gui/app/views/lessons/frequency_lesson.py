"""What the frequency lessons share: a row of controls above the plots, a line of computed facts below
them, legends in the theme's colours, and the log-axis helpers their plots use."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSpinBox
from superqt.utils import signals_blocked

from ... import compat
from ..base import captioned
from .lesson_view import LessonView


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
LEGEND_SAMPLE = 20  # pixels: the width of a legend entry's sample (pyqtgraph's ``ItemSample``)


def columns_width(entries: list[float], columns: int) -> float:
    """The width of a legend of entries ``entries`` wide in ``columns`` columns, filled row by row (pyqtgraph's
    order), each column as wide as its widest entry."""
    return sum(max(entries[column::columns]) for column in range(min(columns, len(entries))))


def legend_columns(entries: list[float], most: int, room: float) -> int:
    """The columns of a legend of entries ``entries`` wide in ``room`` pixels: the fewest rows, in as few columns as
    those rows need (at least one column, at most ``most``)."""
    if not entries:
        return 1
    fits = max((count for count in range(1, most + 1) if columns_width(entries, count) <= room), default=1)
    return math.ceil(len(entries) / math.ceil(len(entries) / fits))


class FrequencyLesson(LessonView):
    """A lesson with a row of controls above the plots and a line of computed facts below them."""

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        self.control_row = self.controls_row()  # one row widened the clocks' page past a 1024 px window
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.RichText)
        self.facts.setContentsMargins(8, 4, 8, 6)
        self.page_layout.addWidget(self.facts)

    def option_control(self, name: str) -> QSpinBox:
        """The spin box of option ``name`` (``option_box``), captioned in the row; it writes the option when the
        typing ends, not at every key (each value recomputes the lesson)."""
        box = self.option_box(name)
        box.setKeyboardTracking(False)
        self.add_control(self.option_caption(name), box)
        return box

    def add_control(self, text: str, widget) -> QLabel:
        """Put ``widget`` in the row with caption ``text``; returns the caption."""
        caption = QLabel(text)
        self.control_row.addWidget(captioned(caption, widget))  # a caption and its control wrap together
        return caption

    def keep_plots_readable(self) -> None:
        """Presenting, without the facts line: it is the lecturer's (the plots say the same to the hall), and below
        the plots it ran out of sight (the precision lesson's page scrolled 98 px at 1280 x 720 x1.3; the clocks' four
        lines took 136 of the 450 px their faces had; the context extension's, the plots' room)."""
        self.facts.setVisible(not self.presenting)
        super().keep_plots_readable()

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

    def legend_cell(self, row: int, col: int, span: int, columns: int) -> pg.LegendItem:
        """A legend in a cell of its own of the plots' grid (``span`` grid columns wide, entries in ``columns``
        columns), where it covers no curve."""
        legend = pg.LegendItem(labelTextSize=f"{self.points * 0.9:.0f}pt", labelTextColor=self.theme.foreground)
        compat.legend_margins(legend, (0, 0, 0, 0))  # no frame to keep off: the margins took 20 px of a short page
        legend.setColumnCount(columns)
        self.graphics.addItem(legend, row=row, col=col, colspan=span)
        return legend

    def fit_legend_columns(self, legend: pg.LegendItem, most: int, room: float) -> None:
        """Put the legend's entries in the fewest rows that ``room`` pixels hold side by side (up to ``most`` columns),
        its rows as full as the others: nine entries in three columns rather than in four, when three rows it takes."""
        entries = [sample.boundingRect().width() + label.itemRect().width() + LEGEND_GAP for sample, label in legend.items]
        legend.setColumnCount(legend_columns(entries, most, room))

    def text_item(self, text: str, anchor=(0.5, 0.5), scale: float = 1.0, colour: str | None = None) -> pg.TextItem:
        item = pg.TextItem(text, color=colour or self.theme.foreground, anchor=anchor)
        font = self.font()
        font.setPointSizeF(self.points * scale)
        item.setFont(font)
        return item
