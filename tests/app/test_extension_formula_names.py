"""The context-extension lesson (deck scene 33) names the scaling each formula is in the interface language, beside the
formula: written into the formulas, "linear:", "NTK:" and "dynamic:" stayed English in Chinese."""

import re

import pytest

from posenc_gui.app import i18n, style
from posenc_gui.app.state import Scene, StateModel
from posenc_gui.app.views import applies
from posenc_gui.app.views.lessons import ContextExtensionLesson
from posenc_gui.paths import resource

WORDS = re.compile(r"\\mathrm\{[^}]*[A-Za-z]{3}")  # a word set upright in a formula's source: "\mathrm{linear"


@pytest.mark.parametrize("code, names", [
    ("en", ["linear (position interpolation):", "NTK-aware:", "dynamic NTK:", "YaRN, Llama 3:"]),
    ("zh", ["线性（位置插值）：", "NTK-aware：", "动态 NTK：", "YaRN、Llama 3："])])
def test_each_extension_formula_is_named_in_the_interface_language(qtbot, qapp, code, names):
    assert i18n.install(qapp, code) == code
    try:
        model = StateModel(Scene(method="rope", view="context_extension"), views=applies())
        view = ContextExtensionLesson(model)
        qtbot.addWidget(view)
        view.resize(1280, 720)
        view.set_look(style.theme_named("light"), style.BASE_POINTS)
        view.show()
        assert [name.text() for name in view.formula_names] == names
        for name, formula in zip(view.formula_names, view.formula_labels):
            assert name.isVisible() and formula.isVisible() and name.parentWidget() is formula.parentWidget()
            assert not WORDS.search(resource("formulas", f"{formula.name}.tex").read_text(encoding="utf-8"))
    finally:
        i18n.install(qapp, "en")
