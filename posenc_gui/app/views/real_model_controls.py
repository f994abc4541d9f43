"""The real model view's controls: model, text, ablation, layer, head, the head finder's pattern and what to show,
each with its label, in a row that wraps onto more lines on a narrow or zoomed window (at 1280 x 720 in large type
one row ran 650 px past the view's edge). Each choice goes to ``scene.options``; the typed text goes to
``scene.text`` a moment after the typing pauses (a forward pass per key would queue work the student never sees).
Their strings are translated in the view's context, RealModelView."""

from __future__ import annotations

from contextlib import ExitStack

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QSpinBox
from superqt.utils import signals_blocked

from ...core import real_models
from ..i18n import translate
from ..state import Scene
from .base import captioned
from .real_model_settings import ABLATIONS, PATTERN_TITLES, SHOW, Settings

TYPING_PAUSE_MS = 300   # the text is sent this long after the last key (at once on Enter)
TEXT_CHARS = 28        # the text box's width, in average characters


class RealModelControls(QObject):
    """The controls in ``view.controls``, set from the scene by ``show_settings`` and sending each change to
    ``view.model``; ``fit`` keeps their lines in sight."""

    def __init__(self, view):
        super().__init__(view)
        self.view = view
        self.typing = QTimer(self)
        self.typing.setSingleShot(True)
        self.typing.setInterval(TYPING_PAUSE_MS)
        self.typing.timeout.connect(self.send_text)
        self.flow = view.controls_row()
        view.controls.installEventFilter(self)
        set_option = view.model.set_option
        self.model_box = QComboBox()
        for name, entry in real_models.MODELS.items():
            self.model_box.addItem(entry.title, name)
        self.model_box.activated.connect(lambda index: set_option("model", self.model_box.itemData(index)))
        self.text = QLineEdit()
        self.text.setToolTip(translate("RealModelView", "Any text; the model's own tokenizer splits it"))
        self.text.textEdited.connect(lambda _text: self.typing.start())
        self.text.returnPressed.connect(self.send_text)
        self.ablation = QComboBox()
        self.ablation.setToolTip(translate("RealModelView", "How the positions of the model on the right are changed"))
        self.ablation.setSizeAdjustPolicy(QComboBox.AdjustToContents)  # its items change with the model
        self.ablation.activated.connect(lambda index: set_option("ablation", self.ablation.itemData(index)))
        self.layer = QSpinBox()
        self.layer.valueChanged.connect(lambda value: set_option("layer", value))
        self.head = QSpinBox()
        self.head.valueChanged.connect(lambda value: set_option("head", value))
        self.find = self.choice_box("find", PATTERN_TITLES, translate(
            "RealModelView", "Rank every head by how much its queries attend this way, as trained"))
        self.show_box = self.choice_box("show", SHOW, translate(
            "RealModelView", "One head alone is what File > Export figure and Export data write"))
        labels = (translate("RealModelView", "Model:"), translate("RealModelView", "Text:"),
                  translate("RealModelView", "Ablation:"), translate("RealModelView", "Layer:"),
                  translate("RealModelView", "Head:"), translate("RealModelView", "Find heads like:"),
                  translate("RealModelView", "Show:"))
        for label, widget in zip(labels, (self.model_box, self.text, self.ablation, self.layer, self.head, self.find,
                                          self.show_box)):
            self.flow.addWidget(captioned(QLabel(label), widget))

    def choice_box(self, option: str, titles: dict[str, str], tip: str) -> QComboBox:
        """A box of the translated ``titles`` whose choice (a key of theirs) goes to the scene's ``option``."""
        box = QComboBox()
        box.setToolTip(tip)
        for key, title in titles.items():
            box.addItem(translate("RealModelView", title), key)
        box.activated.connect(lambda index: self.view.model.set_option(option, box.itemData(index)))
        return box

    def fit(self) -> None:
        """The wrapped controls as tall as their lines (left to itself the page squeezed them into one)."""
        view = self.view
        width = view.scroll.viewport().width()
        pair = self.text.parentWidget().layout()  # the box and its label, on one line (``captioned``)
        # no wider than a line, at the width the page has once it scrolls: wider, it widened the page past the view,
        # and every line below was cut at the right (fitted before the scroll bar came, by its 12 px in Chinese at
        # 1024 x 768 x1.3)
        margins = self.flow.contentsMargins()
        room = (min(width, view.page_width()) - margins.left() - margins.right()
                - pair.itemAt(0).widget().sizeHint().width() - max(pair.spacing(), 0) - 2)
        self.text.setMinimumWidth(max(min(self.text.fontMetrics().averageCharWidth() * TEXT_CHARS, room), 1))
        view.controls.setFixedHeight(self.flow.heightForWidth(width))

    def eventFilter(self, watched, event) -> bool:
        """The controls' lines counted again at the width they were given (the view's, fitted before the page's
        scroll bar showed, was 14 px wider, and their last line was left out of sight) and when their widths change
        (Qt asks their layout anew): the boxes of a model shown while the view was hidden took their widths only
        then, and the controls stood three lines tall (SmolLM2's) over two lines of MiniLM's."""
        controls = self.view.controls
        if watched is controls and (event.type() == QEvent.LayoutRequest or event.type() == QEvent.Resize
                                    and event.size().width() != event.oldSize().width()):
            height = self.flow.heightForWidth(controls.width())
            if height != controls.height():
                controls.setFixedHeight(height)
                self.view.keep_plots_readable()  # the overview fills what is left below them
        return super().eventFilter(watched, event)

    def send_text(self) -> None:
        """Send the typed text to the scene (the typing paused, or Enter), unless another view or scene is shown
        by now or the scene has that text already."""
        self.typing.stop()
        model = self.view.model
        if model.scene.view == self.view.key and model.scene.text != self.text.text():
            model.update(text=self.text.text())

    def show_settings(self, scene: Scene, settings: Settings) -> None:
        """The controls set from the scene, their signals blocked (setting them is not a choice)."""
        with ExitStack() as blocked:
            for widget in (self.model_box, self.text, self.ablation, self.layer, self.head, self.find,
                           self.show_box):
                blocked.enter_context(signals_blocked(widget))
            self._set(scene, settings, real_models.get(settings.model))

    def _set(self, scene: Scene, settings: Settings, model) -> None:
        self.model_box.setCurrentIndex(self.model_box.findData(settings.model))
        if self.text.text() != scene.text and not self.typing.isActive():
            self.text.setText(scene.text)
        if [self.ablation.itemData(i) for i in range(self.ablation.count())] != [k for k, _ in
                                                                                  ABLATIONS[settings.model]]:
            self.ablation.clear()
            for key, title in ABLATIONS[settings.model]:
                self.ablation.addItem(translate("RealModelView", title), key)
        self.ablation.setCurrentIndex(self.ablation.findData(settings.ablation))
        self.layer.setRange(0, model.layers - 1)
        self.layer.setValue(settings.layer)
        self.head.setRange(0, model.heads - 1)
        self.head.setValue(settings.head)
        self.find.setCurrentIndex(self.find.findData(settings.find))
        self.show_box.setCurrentIndex(self.show_box.findData(settings.show))
