"""The parameter panel, generated from the method registry: a method picker grouped by family, one
control per parameter (labelled slider, log slider, spin box, combo or check box) and a play
button that sweeps one parameter. Every edit goes to the state model; the panel follows the model."""

from __future__ import annotations

import html
import re

import numpy as np
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QFont, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QCheckBox, QFormLayout, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout,
                               QWidget)
from superqt import QLabeledDoubleSlider, QLabeledSlider
from superqt.utils import signals_blocked

from ..core import registry
from ..core.params import Param
from ..core.registry import Method
from . import compat, i18n
from .param_widgets import ElidingComboBox, LogSlider
from .state import StateModel

SLIDER_MAX_SPAN = 100_000   # wider integer ranges get a spin box
LOG_RATIO = 100             # positive float ranges wider than this get a log slider
SWEEP_STEPS = 120
SWEEP_INTERVAL_MS = 40
CITATION_SHOWN = 120  # characters of a citation shown before "more"
LONG_NAME = 20  # characters of a name in a citation beyond which it may break inside (``breakable``)
CODE_NAME = re.compile(r"[A-Za-z0-9_.:]+")  # a name or word of a citation, up to a space, "/", "-" or bracket


def core_text(text: str) -> str:
    """A string of the Qt-free registry (title, summary, help, choice) in the interface language."""
    return i18n.translate("core", text)


def breakable(text: str) -> str:
    """``text`` with a zero-width space after every "/" that ends a folder's name, and inside a code name longer than
    ``LONG_NAME`` characters after every "_" and "." and between its CamelCase words: a wrapped label breaks only at
    spaces, and such a name (``apply_multimodal_rotary_pos_emb``, ``SandwichRelativePositionEmbedding``) in large
    type was wider than the panel and widened it, its other texts out of sight. A shorter word never breaks: lines of
    Chinese fill to the edge, and they read "(ar / Xiv:1901.02860)" and "pytorch/mem_ / transformer.py"."""
    text = re.sub(r"/(?=[^\W\d])", "/\u200b", text)
    return CODE_NAME.sub(lambda name: _breakable_name(name.group(0)), text)


def _breakable_name(name: str) -> str:
    if len(name) <= LONG_NAME:
        return name
    name = re.sub(r"([_.])(?=[^\W\d])", "\\1\u200b", name)  # not inside a number (arXiv:2409.12191)
    return re.sub(r"(?<=[a-z])(?=[A-Z][a-z])", "\u200b", name)  # nor inside an acronym (Qwen2VLModel)


def short_citation(citation: str) -> str:
    """The first work a citation names (up to its first ";"), at most ``CITATION_SHOWN`` characters: RoPE's, which
    names every scaling's paper, pushed its controls below the fold at 1280 x 720 in large type."""
    first = citation.split("; ")[0]
    if len(first) > CITATION_SHOWN:
        first = first[:CITATION_SHOWN].rsplit(" ", 1)[0] + "…"
    return first


def control_for(param: Param) -> QWidget:
    """The widget that edits one parameter (``on_edit`` connects to its value). A choice shows its
    translated names and keeps the choice itself as item data."""
    if param.kind == "bool":
        widget = QCheckBox()
    elif param.kind == "choice":
        widget = ElidingComboBox()
        for choice in param.choices:
            widget.addItem(core_text(choice), choice)
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


def number_text(value: float) -> str:
    """A bound or default as people write it: whole numbers in full (1048576, not 1.04858e+06)."""
    if float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    return f"{value:g}"


def tooltip(param: Param) -> str:
    if param.kind == "choice":
        names = i18n.translate("panel", ", ").join(core_text(c) for c in param.choices)
        extent = i18n.translate("panel", "one of {0}").format(names)
        default = core_text(param.default)
    elif param.kind == "bool":
        extent = i18n.translate("panel", "on or off")
        default = i18n.translate("panel", "on") if param.default else i18n.translate("panel", "off")
    else:
        extent = i18n.translate("panel", "from {0} to {1}").format(number_text(param.minimum),
                                                                  number_text(param.maximum))
        default = number_text(param.default)
    return i18n.translate("panel", "{0}\n({1}; default {2})").format(core_text(param.help), extent, default)


def shown_value(widget: QWidget, param: Param):
    """The value ``widget`` shows, in the form ``set_control`` is given it (a choice as its text)."""
    if param.kind == "bool":
        return widget.isChecked()
    if param.kind == "choice":
        return widget.currentData()
    return widget.value()


def set_control(widget: QWidget, param: Param, value) -> None:
    """Show ``value`` on ``widget``, without sending it back; nothing when the widget shows it already (the panel follows
    every change of scene, and most change no parameter: setting each control again cost a third of the panel's
    time in a soak)."""
    if shown_value(widget, param) == {"bool": bool, "choice": str}.get(param.kind, lambda same: same)(value):
        return
    with signals_blocked(widget):
        if param.kind == "bool":
            widget.setChecked(bool(value))
        elif param.kind == "choice":
            widget.setCurrentIndex(widget.findData(str(value)))
        else:
            widget.setValue(value)


def on_edit(widget: QWidget, param: Param, callback) -> None:
    """Call ``callback(value)`` with the parameter's new value whenever ``widget`` is edited."""
    if param.kind == "bool":
        widget.toggled.connect(callback)
    elif param.kind == "choice":
        widget.currentIndexChanged.connect(lambda index: callback(widget.itemData(index)))
    else:
        widget.valueChanged.connect(callback)


class ParameterPanel(QWidget):
    """Method picker + generated parameter controls + play button, bound to a StateModel."""

    def __init__(self, model: StateModel, parent=None):
        super().__init__(parent)
        self.model = model
        self.controls: dict[str, QWidget] = {}
        self.forms: dict[str, tuple[QWidget, dict[str, QWidget]]] = {}  # method -> its form and controls
        self._method = None
        self.view_ignores: dict[str, str] = {}  # parameter -> why the shown view ignores it
        self._hidden = None  # (idle parameters, view_ignores) the rows were last shown for
        self._scaled_looks: dict[str, tuple] = {}  # method -> the look its form's slider labels were given last
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Method")))
        self.picker = ElidingComboBox()
        self.picker.setObjectName("method_picker")
        self.picker.setMinimumContentsLength(8)
        self._fill_picker()
        self.picker.activated.connect(self._picked)
        layout.addWidget(self.picker)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("method_summary")
        self.summary.setTextInteractionFlags(Qt.TextSelectableByMouse | Qt.LinksAccessibleByMouse
                                             | Qt.LinksAccessibleByKeyboard)
        self.summary.linkActivated.connect(lambda link: self._show_summary(link == "more"))
        self.whole_citation = False
        self._summarised: Method | None = None  # the method whose summary is shown
        layout.addWidget(self.summary)
        self.forms_host = QWidget()
        self.forms_layout = QVBoxLayout(self.forms_host)  # every method's form; the current one shown
        self.forms_layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.forms_host)
        layout.addWidget(self._play_row())
        layout.addStretch(1)
        model.changed.connect(self.sync)
        model.error.connect(lambda _message: self.sync(model.scene))
        self.sync(model.scene)

    def _fill_picker(self) -> None:
        items = QStandardItemModel(self.picker)
        for family, methods in registry.by_family().items():
            header = QStandardItem(core_text(registry.FAMILIES[family]))
            header.setFlags(Qt.NoItemFlags)
            font = QFont()
            font.setBold(True)
            header.setFont(font)
            items.appendRow(header)
            for method in methods:
                item = QStandardItem("    " + core_text(method.title))
                item.setData(method.name, Qt.UserRole)
                item.setToolTip(f"{core_text(method.summary)}\n{method.citation}")
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
        self.sweep_choice = ElidingComboBox()
        self.sweep_choice.setToolTip(self.tr("The parameter the play button sweeps"))
        self.play = QPushButton(self.tr("▶ Play"))
        self.play.setCheckable(True)
        self.play.setToolTip(self.tr("Sweep the chosen parameter smoothly back and forth"))
        self.play.toggled.connect(self._toggle_play)
        row.addWidget(QLabel(self.tr("Sweep")))
        row.addWidget(self.sweep_choice, 1)
        row.addWidget(self.play)
        self.timer = QTimer(self)
        self.timer.setInterval(SWEEP_INTERVAL_MS)
        self.timer.timeout.connect(self._tick)
        self._sweep: list = []
        self._sweep_at = 0
        return host

    def _form_for(self, method: Method) -> tuple[QWidget, dict[str, QWidget]]:
        """The method's form and its controls, built the first time the method is shown and kept: the
        panel switches methods often, and building the widgets anew each time cost time and, with PySide6
        6.11, leaked memory (figures in benchmarks/README.md)."""
        if method.name not in self.forms:
            host = QWidget()
            form = QFormLayout(host)
            form.setContentsMargins(0, 6, 0, 6)
            form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
            form.setRowWrapPolicy(QFormLayout.WrapLongRows)  # a field goes under its label when the panel is narrow
            controls = {}
            for param in method.params:
                widget = control_for(param)
                on_edit(widget, param, lambda value, name=param.name: self.model.set_param(name, value))
                title = QLabel(core_text(param.title))
                title.setToolTip(tooltip(param))
                form.addRow(title, widget)
                controls[param.name] = widget
            host.hide()
            self.forms_layout.addWidget(host)
            self.forms[method.name] = (host, controls)
        return self.forms[method.name]

    def _show_method(self, method: Method) -> None:
        self.play.setChecked(False)
        if self._method in self.forms:
            self.forms[self._method][0].hide()
        host, self.controls = self._form_for(method)
        if self._scaled_looks.get(method.name) != self._look():  # the look may have changed while the form was hidden
            self._scale_slider_labels(host)
            self._scaled_looks[method.name] = self._look()
        else:  # the colours only (no measuring): a hidden form's labels lost the theme's palette after a switch
            for label in host.findChildren(compat.SliderLabel):
                label.setPalette(self.palette())
        host.show()
        self._method = method.name
        self._summarised = method  # kept, not looked up again: a test's method may have left the registry since
        self._show_summary(False)
        self._hidden = None  # the rows and the sweep list follow the values (``_show_active``)

    def _show_summary(self, whole_citation: bool) -> None:
        """The method's title, summary and citation; a long citation shortened, with "more" to show it whole (and
        "less" to shorten it again), so that the controls below stay in sight."""
        self.whole_citation = whole_citation
        method = self._summarised
        short = short_citation(method.citation)
        shown, link = method.citation, ""
        if short != method.citation:
            colour = self.palette().color(QPalette.Highlight).name()
            word = self.tr("less") if whole_citation else self.tr("more")
            shown = method.citation if whole_citation else short
            link = f' <a href="{"less" if whole_citation else "more"}" style="color: {colour}">{word}</a>'
        self.summary.setText(f"<b>{core_text(method.title)}</b> — {core_text(method.summary)}"
                             f"<br><i>{breakable(html.escape(shown))}</i>{link}")

    def _scale_slider_labels(self, within: QWidget | None = None) -> None:
        """superqt's slider value labels have a style sheet, so the panel's font and colours do not reach
        them (in the forms of other methods, kept hidden, they kept the old theme's text colour): give
        them the panel's text size (and the width it needs) and palette by hand, in the form shown
        (``within``) or, after a change of look, everywhere."""
        for label in (within or self).findChildren(compat.SliderLabel):
            label.setFont(self.font())
            label.setPalette(self.palette())
            compat.fit_slider_label(label)
        if within is None:
            self._scaled_looks = dict.fromkeys(self.forms, self._look())

    def _look(self) -> tuple:
        """What the slider labels take from the panel (``_scale_slider_labels``): its font and palette."""
        return self.font().key(), self.palette().cacheKey()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.FontChange, QEvent.PaletteChange):
            self._scale_slider_labels()
        if event.type() == QEvent.PaletteChange and self._summarised is not None:
            self._show_summary(self.whole_citation)  # the link in the new theme's colour

    def sync(self, scene) -> None:
        """Show the model's current method and values (no edits are sent back)."""
        method = registry.get(scene.method)
        if method.name != self._method:
            self._show_method(method)
        row = self.picker.findData(method.name, Qt.UserRole)
        if row >= 0 and row != self.picker.currentIndex():
            self.picker.setCurrentIndex(row)
        for param in method.params:
            set_control(self.controls[param.name], param, scene.params[param.name])
        self._show_active(method, scene.params)

    def _show_active(self, method: Method, values) -> None:
        """Show only the controls that change something at ``values`` and offer only those to sweep; a
        parameter the view ignores stays visible but disabled, saying why."""
        hidden = (set(method.idle(values)), dict(self.view_ignores))
        if hidden == self._hidden:
            return
        self._hidden = hidden
        idle, ignored = hidden
        form = self.forms[method.name][0].layout()
        for param in method.params:
            control = self.controls[param.name]
            form.setRowVisible(control, param.name not in idle)
            reason = ignored.get(param.name)
            for widget in (control, form.labelForField(control)):
                widget.setEnabled(reason is None)
                widget.setToolTip(reason or tooltip(param))
        chosen = self.sweep_choice.currentData()
        with signals_blocked(self.sweep_choice):
            self.sweep_choice.clear()
            self.sweep_choice.addItem(self.tr("position (offset)"), "position")
            for param in method.params:
                if (param.kind in ("int", "float") and param.name != "seed" and param.name not in idle
                        and param.name not in ignored):
                    self.sweep_choice.addItem(core_text(param.title), param.name)
            self.sweep_choice.setCurrentIndex(max(self.sweep_choice.findData(chosen), 0))

    def ignore_for_view(self, reasons: dict[str, str]) -> None:
        """Parameters the shown view does not use, each with the reason shown on its control."""
        self.view_ignores = dict(reasons)
        self._show_active(self.model.method, self.model.scene.params)

    # -- play -------------------------------------------------------------------------------
    def sweep_values(self, name: str) -> list:
        """The values the play button steps through for ``name``: from the current value up and
        back, log-spaced for log-scale parameters."""
        scene = self.model.scene
        if name == "position":
            length = scene.params.get("seq_len", 64)
            return _bounce([round(x) for x in np.linspace(0, max(length - 1, 0), SWEEP_STEPS + 1).tolist()])
        param = self.model.method.param(name)
        start = scene.params[name]
        if param.kind == "float" and param.minimum > 0 and param.maximum / param.minimum >= LOG_RATIO:
            end = min(param.maximum, start * 100)
            values = [float(f"{value:.4g}") for value in np.geomspace(start, end, SWEEP_STEPS + 1)]
        else:
            end = min(param.maximum, start + max(abs(start), 16 if param.kind == "int" else 1.0))
            values = np.linspace(start, end, SWEEP_STEPS + 1).tolist()
            if param.kind == "int":
                values = list(dict.fromkeys(round(v) for v in values))
        return _bounce(values)

    def _toggle_play(self, on: bool) -> None:
        if on:
            self._sweep = self.sweep_values(self.sweep_choice.currentData() or "position")
            self._sweep_at = 0
            self.play.setText(self.tr("■ Stop"))
            self.timer.start()
        else:
            self.timer.stop()
            self.play.setText(self.tr("▶ Play"))

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


def _bounce(values: list) -> list:
    return values + values[-2:0:-1]
