"""The parameter panel, generated from the method registry: a method picker grouped by family, one
control per parameter (labelled slider, log slider, spin box, combo or check box) and a play
button that sweeps one parameter. Every edit goes to the state model; the panel follows the model."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QHBoxLayout, QLabel,
                               QPushButton, QSlider, QSpinBox, QVBoxLayout, QWidget)
from superqt import QLabeledDoubleSlider, QLabeledSlider

from ..core import registry
from ..core.params import Param
from ..core.registry import Method
from .state import StateModel

SLIDER_MAX_SPAN = 100_000   # wider integer ranges get a spin box
LOG_RATIO = 100             # positive float ranges wider than this get a log slider
LOG_STEPS = 1000
SWEEP_STEPS = 120
SWEEP_INTERVAL_MS = 40


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
        self.box.setMinimumWidth(110)
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
        for widget in (self.slider, self.box):
            widget.blockSignals(True)
        self.box.setValue(value)
        self.slider.setValue(self._step_of(value))
        for widget in (self.slider, self.box):
            widget.blockSignals(False)

    def _slid(self, step: int) -> None:
        value = self.minimum * (self.maximum / self.minimum) ** (step / LOG_STEPS)
        value = float(f"{value:.4g}")
        self._show(value)
        self.valueChanged.emit(value)

    def _typed(self, value: float) -> None:
        self._show(value)
        self.valueChanged.emit(value)


def control_for(param: Param) -> QWidget:
    """The widget that edits one parameter (its value signal is ``valueChanged``, ``currentTextChanged``
    or ``toggled``)."""
    if param.kind == "bool":
        widget = QCheckBox()
    elif param.kind == "choice":
        widget = QComboBox()
        widget.addItems(list(param.choices))
    elif param.kind == "int" and param.maximum - param.minimum <= SLIDER_MAX_SPAN:
        widget = QLabeledSlider(Qt.Horizontal)
        widget.setRange(int(param.minimum), int(param.maximum))
    elif param.kind == "int":
        widget = QSpinBox()
        widget.setRange(int(param.minimum), int(min(param.maximum, 2**31 - 1)))
        widget.setKeyboardTracking(False)
    elif param.minimum > 0 and param.maximum / param.minimum >= LOG_RATIO:
        widget = LogSlider(float(param.minimum), float(param.maximum))
    else:
        widget = QLabeledDoubleSlider(Qt.Horizontal)
        widget.setRange(float(param.minimum), float(param.maximum))
        widget.setDecimals(3)
    widget.setToolTip(tooltip(param))
    widget.setObjectName(f"param_{param.name}")
    return widget


def tooltip(param: Param) -> str:
    if param.kind == "choice":
        extent = "one of " + ", ".join(param.choices)
    elif param.kind == "bool":
        extent = "on or off"
    else:
        extent = f"from {param.minimum:g} to {param.maximum:g}"
    return f"{param.help}\n({extent}; default {param.default})"


def set_control(widget: QWidget, param: Param, value) -> None:
    widget.blockSignals(True)
    if param.kind == "bool":
        widget.setChecked(bool(value))
    elif param.kind == "choice":
        widget.setCurrentText(str(value))
    else:
        widget.setValue(value)
    widget.blockSignals(False)


def value_signal(widget: QWidget, param: Param):
    if param.kind == "bool":
        return widget.toggled
    if param.kind == "choice":
        return widget.currentTextChanged
    return widget.valueChanged


class ParameterPanel(QWidget):
    """Method picker + generated parameter controls + play button, bound to a StateModel."""

    def __init__(self, model: StateModel, parent=None):
        super().__init__(parent)
        self.model = model
        self.controls: dict[str, QWidget] = {}
        self._method = None
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Method"))
        self.picker = QComboBox()
        self.picker.setObjectName("method_picker")
        self._fill_picker()
        self.picker.activated.connect(self._picked)
        layout.addWidget(self.picker)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout.addWidget(self.summary)
        self.form_host = QWidget()
        self.form = QFormLayout(self.form_host)
        self.form.setContentsMargins(0, 6, 0, 6)
        self.form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        layout.addWidget(self.form_host)
        layout.addWidget(self._play_row())
        layout.addStretch(1)
        model.changed.connect(self.sync)
        model.error.connect(lambda _message: self.sync(model.scene))
        self.sync(model.scene)

    def _fill_picker(self) -> None:
        items = QStandardItemModel(self.picker)
        for family, methods in registry.by_family().items():
            header = QStandardItem(registry.FAMILIES[family])
            header.setFlags(Qt.NoItemFlags)
            font = QFont()
            font.setBold(True)
            header.setFont(font)
            items.appendRow(header)
            for method in methods:
                item = QStandardItem("    " + method.title)
                item.setData(method.name, Qt.UserRole)
                item.setToolTip(f"{method.summary}\n{method.citation}")
                items.appendRow(item)
        self.picker.setModel(items)

    def _picked(self, row: int) -> None:
        name = self.picker.itemData(row, Qt.UserRole)
        if name:
            self.model.set_method(name)

    def _play_row(self) -> QWidget:
        host = QWidget()
        row = QHBoxLayout(host)
        row.setContentsMargins(0, 0, 0, 0)
        self.sweep_choice = QComboBox()
        self.sweep_choice.setToolTip("The parameter the play button sweeps")
        self.play = QPushButton("▶ Play")
        self.play.setCheckable(True)
        self.play.setToolTip("Sweep the chosen parameter smoothly back and forth")
        self.play.toggled.connect(self._toggle_play)
        row.addWidget(QLabel("Sweep"))
        row.addWidget(self.sweep_choice, 1)
        row.addWidget(self.play)
        self.timer = QTimer(self)
        self.timer.setInterval(SWEEP_INTERVAL_MS)
        self.timer.timeout.connect(self._tick)
        self._sweep: list = []
        self._sweep_at = 0
        return host

    def _rebuild(self, method: Method) -> None:
        self.play.setChecked(False)
        while self.form.rowCount():
            self.form.removeRow(0)
        self.controls = {}
        for param in method.params:
            widget = control_for(param)
            value_signal(widget, param).connect(lambda value, name=param.name: self.model.set_param(name, value))
            title = QLabel(param.title)
            title.setToolTip(tooltip(param))
            self.form.addRow(title, widget)
            self.controls[param.name] = widget
        self.summary.setText(f"<b>{method.title}</b> — {method.summary}<br><i>{method.citation}</i>")
        self.sweep_choice.clear()
        self.sweep_choice.addItem("position (offset)", "position")
        for param in method.params:
            if param.kind in ("int", "float") and param.name != "seed":
                self.sweep_choice.addItem(param.title, param.name)
        self._method = method.name

    def sync(self, scene) -> None:
        """Show the model's current method and values (no edits are sent back)."""
        method = registry.get(scene.method)
        if method.name != self._method:
            self._rebuild(method)
        row = self.picker.findData(method.name, Qt.UserRole)
        if row >= 0 and row != self.picker.currentIndex():
            self.picker.setCurrentIndex(row)
        for param in method.params:
            set_control(self.controls[param.name], param, scene.params[param.name])

    # -- play -------------------------------------------------------------------------------
    def sweep_values(self, name: str) -> list:
        """The values the play button steps through for ``name``: from the current value up and
        back, log-spaced for log-scale parameters."""
        scene = self.model.scene
        if name == "position":
            length = scene.params.get("seq_len", 64)
            return _bounce([round(x) for x in _linspace(0, max(length - 1, 0), SWEEP_STEPS)])
        param = self.model.method.param(name)
        start = scene.params[name]
        if param.kind == "float" and param.minimum > 0 and param.maximum / param.minimum >= LOG_RATIO:
            end = min(param.maximum, start * 100)
            values = [float(f"{start * (end / start) ** (k / SWEEP_STEPS):.4g}") for k in range(SWEEP_STEPS + 1)]
        else:
            end = min(param.maximum, start + max(abs(start), 16 if param.kind == "int" else 1.0))
            values = _linspace(start, end, SWEEP_STEPS)
            if param.kind == "int":
                values = list(dict.fromkeys(round(v) for v in values))
        return _bounce(values)

    def _toggle_play(self, on: bool) -> None:
        if on:
            self._sweep = self.sweep_values(self.sweep_choice.currentData() or "position")
            self._sweep_at = 0
            self.play.setText("■ Stop")
            self.timer.start()
        else:
            self.timer.stop()
            self.play.setText("▶ Play")

    def _tick(self) -> None:
        if not self._sweep:
            self.play.setChecked(False)
            return
        value = self._sweep[self._sweep_at % len(self._sweep)]
        self._sweep_at += 1
        name = self.sweep_choice.currentData() or "position"
        if name == "position":
            self.model.update(position=value)
        elif not self.model.set_param(name, value) and self.model.scene.params.get(name) != value:
            self.play.setChecked(False)


def _linspace(start: float, end: float, steps: int) -> list:
    return [start + (end - start) * k / steps for k in range(steps + 1)]


def _bounce(values: list) -> list:
    return values + values[-2:0:-1]
