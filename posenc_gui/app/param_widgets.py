"""Two controls of the parameter panel that Qt and superqt lack: a combo box that elides instead of widening the
panel, and a slider on a logarithmic scale."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import (QComboBox, QDoubleSpinBox, QHBoxLayout, QSlider, QStyle, QStyleOptionComboBox,
                               QStylePainter, QWidget)
from superqt.utils import signals_blocked

LOG_STEPS = 1000


class ElidingComboBox(QComboBox):
    """A combo box as wide as the panel gives it, not as its longest item: a long choice or method name in large
    type widened the whole panel past the dock (its other texts out of sight). What does not fit ends in "…"; the
    open list shows it whole (and the method's summary below the picker)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(6)

    def shown_text(self) -> str:
        """The current text as drawn: elided to the edit field's width."""
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        field = self.style().subControlRect(QStyle.CC_ComboBox, option, QStyle.SC_ComboBoxEditField, self)
        return QFontMetricsF(self.font()).elidedText(self.currentText(), Qt.ElideRight, field.width())

    def paintEvent(self, event) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        option.currentText = self.shown_text()
        painter.drawComplexControl(QStyle.CC_ComboBox, option)
        painter.drawControl(QStyle.CE_ComboBoxLabel, option)


class LogSlider(QWidget):
    """A slider on a logarithmic scale with a spin box showing the real value."""

    valueChanged = Signal(float)

    def __init__(self, minimum: float, maximum: float, parent=None):
        super().__init__(parent)
        self.minimum, self.maximum = minimum, maximum
        self.slider = QSlider(Qt.Horizontal)
        self.slider.setRange(0, LOG_STEPS)
        self.box = QDoubleSpinBox()
        self.box.setRange(minimum, maximum)
        self.box.setDecimals(4 if minimum < 1 else 1)
        self.box.setKeyboardTracking(False)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.slider, 1)
        row.addWidget(self.box)
        self.slider.valueChanged.connect(self._slid)
        self.box.valueChanged.connect(self._typed)

    def value(self) -> float:
        return self.box.value()

    def setValue(self, value: float) -> None:
        self._show(value)

    def _step_of(self, value: float) -> int:
        span = math.log(self.maximum / self.minimum)
        return round(LOG_STEPS * math.log(max(value, self.minimum) / self.minimum) / span)

    def _show(self, value: float) -> None:
        with signals_blocked(self.slider), signals_blocked(self.box):
            self.box.setValue(value)
            self.slider.setValue(self._step_of(value))

    def _slid(self, step: int) -> None:
        value = self.minimum * (self.maximum / self.minimum) ** (step / LOG_STEPS)
        value = float(f"{value:.4g}")
        self._show(value)
        self.valueChanged.emit(value)

    def _typed(self, value: float) -> None:
        self._show(value)
        self.valueChanged.emit(value)
