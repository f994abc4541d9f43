"""A lesson's options as controls: each option is a ``Param`` of ``core.lessons.options`` (range, step, help, label),
and its spin box is made from it; a lesson's view mixes this in (``LessonView``)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QSpinBox
from superqt.utils import signals_blocked

from ....core.lessons import options as lesson_options
from ....core.params import Param
from ... import i18n
from ..base import captioned
from ..flow import FlowLayout


class LessonOptions:
    """The options of the lesson ``key``; ``self.spins`` and ``self.captions`` hold their controls by name, and
    ``option_caption`` (the lesson's, translated in its context) labels them."""

    @classmethod
    def option(cls, name: str) -> Param:
        """The ``Param`` of this lesson's option ``name`` (``core.lessons.options``)."""
        return lesson_options.param(cls.key, name)

    @classmethod
    def option_values(cls, scene) -> dict:
        """{name: value} of this lesson's options in ``scene``, clamped to their ranges."""
        return lesson_options.values(cls.key, scene.options)

    def option_box(self, name: str) -> QSpinBox:
        """A spin box made from option ``name``'s ``Param``: its range, step and translated help; each edit
        writes the option to the scene."""
        param = self.option(name)
        box = QSpinBox()
        box.setRange(int(param.minimum), int(param.maximum))
        box.setSingleStep(int(param.step or 1))
        box.setToolTip(i18n.translate("core", param.help))
        box.valueChanged.connect(lambda value: self.model.set_option(name, value))
        return box

    def add_option_spins(self, row: FlowLayout, names) -> None:
        """Labelled spin boxes in ``row``, one per option name (``option_box``), each wrapping onto the next line with
        its caption. ``self.spins[name]`` is the box, ``self.captions[name]`` its label."""
        for name in names:
            caption = QLabel(self.option_caption(name))
            spin = self.option_box(name)
            row.addWidget(captioned(caption, spin))
            self.spins[name], self.captions[name] = spin, caption

    def show_option_values(self, values) -> None:
        """Set every spin box to ``values[name]`` without sending the value back to the state."""
        for name, spin in self.spins.items():
            with signals_blocked(spin):
                spin.setValue(values[name])
