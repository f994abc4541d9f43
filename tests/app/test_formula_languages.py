"""A typeset formula with words has a variant in Chinese (``NAME.zh.tex``), shown in the Chinese interface: the
context-extension lesson's (deck scene 33) "linear:" and "dynamic:" stayed English there."""

import re

import pytest
from PySide6.QtCore import QByteArray
from PySide6.QtSvg import QSvgRenderer

from posenc_gui.app import i18n, style
from posenc_gui.app.state import Scene, StateModel
from posenc_gui.app.views import applies
from posenc_gui.app.views.lessons import ContextExtensionLesson
from posenc_gui.paths import resource

WORDS = re.compile(r"[A-Za-z]{3,}")  # a word in a formula's source outside $...$ (names as NTK, YaRN are allowed)
NAMES = {"NTK", "YaRN", "Llama"}


def size_of(file_name: str):
    return QSvgRenderer(QByteArray(resource("formulas", file_name).read_bytes())).defaultSize()


@pytest.mark.parametrize("code, suffix", [("en", ""), ("zh", ".zh")])
def test_the_extension_lesson_shows_its_formulas_in_the_interface_language(qtbot, qapp, code, suffix):
    assert i18n.install(qapp, code) == code
    try:
        view = ContextExtensionLesson(StateModel(Scene(method="rope", view="context_extension"), views=applies()))
        qtbot.addWidget(view)
        view.set_look(style.theme_named("dark"), style.BASE_POINTS)
        for label in view.formula_labels:
            assert label.renderer.defaultSize() == size_of(f"{label.name}{suffix}.svg")
            assert size_of(f"{label.name}.zh.svg") != size_of(f"{label.name}.svg")  # the variants differ
    finally:
        i18n.install(qapp, "en")


def test_the_chinese_formulas_have_no_english_words():
    sources = [path.read_text(encoding="utf-8") for path in resource("formulas").glob("*.zh.tex")]
    assert len(sources) >= 2
    for source in sources:
        words = set(WORDS.findall(re.sub(r"\$[^$]*\$", "", source)))
        assert words <= NAMES and "\\mathrm" not in re.sub(r"\$[^$]*\$", "", source), source
