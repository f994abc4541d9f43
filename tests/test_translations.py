"""The Simplified Chinese translation is complete, current and compiled, and the app uses it."""

import ast
import html
import importlib.util
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTextBoundaryFinder
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QComboBox, QLabel

from posenc_gui.app import i18n
from posenc_gui.app.panel import ParameterPanel
from posenc_gui.app.state import JSON_TYPES, Scene, StateModel
from posenc_gui.app.views import applies
from posenc_gui.app.views.encoding import EncodingView
from posenc_gui.core import real_models, registry

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "update_translations.py"
spec = importlib.util.spec_from_file_location("update_translations", SCRIPT)
update_translations = importlib.util.module_from_spec(spec)
spec.loader.exec_module(update_translations)

TS = update_translations.ts_path("zh")
QM = update_translations.qm_path("zh")
HAN = re.compile(r"[\u4e00-\u9fff]")
PLACEHOLDER = re.compile(r"\{\d+\}|%n")


def messages():
    """(context, source, state, translated texts: one, or one per plural form) of every message."""
    for context in ET.parse(TS).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = translation.findall("numerusform")
            texts = [form.text or "" for form in forms] if forms else [translation.text or ""]
            yield context.findtext("name"), message.findtext("source"), translation.get("type"), texts


def test_every_message_is_translated_and_current():
    problems = [f"[{context}] {source!r}: {state or 'empty'}" for context, source, state, texts in messages()
                if state in ("unfinished", "vanished", "obsolete") or not all(text.strip() for text in texts)]
    assert not problems, "\n".join(problems)


def test_translations_keep_every_placeholder():
    broken = [(context, source, text) for context, source, _state, texts in messages() for text in texts
              if text and sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text))]
    assert not broken, broken


def test_the_shipped_qm_is_built_from_the_ts(tmp_path):
    fresh = tmp_path / "fresh.qm"
    subprocess.run([update_translations.tool("pyside6-lrelease"), "-silent", str(TS), "-qm", str(fresh)],
                   check=True)
    assert QM.read_bytes() == fresh.read_bytes(), "run: python scripts/update_translations.py"


def test_every_string_in_the_code_is_in_the_ts(capsys):
    status = update_translations.check()
    assert status == 0, capsys.readouterr().out


def test_shown_errors_are_templates_with_a_finished_chinese_translation_keeping_their_fields(monkeypatch):
    """The core's and the app's (scene and deck checks, export, file writing, self-test) InputErrors, and the real
    models' ModelsMissing with how to get them on each system (shown in English in the Chinese window)."""
    sources = update_translations.error_sources()
    assert {ROOT / "posenc_gui" / name for name in ("scene.py", "app/export.py", "app/handout.py", "app/selftest.py",
                                                    "files.py")} <= set(sources)
    assert ROOT / "posenc_gui" / "cli.py" not in sources  # the command line speaks English
    f_strings = [f"{source.name}:{node.lineno}" for source in sources
                 for node in ast.walk(ast.parse(source.read_text(encoding="utf-8")))
                 if isinstance(node, ast.Call) and getattr(node.func, "id", None) in update_translations.ERROR_CLASSES
                 and not (node.args and isinstance(node.args[0], (ast.Constant, ast.Name)))]
    assert not f_strings, f"InputError(template, *values), not an f-string: {f_strings}"
    templates = update_translations.error_templates()
    assert {"{0} must be at least {1}, not {2}", '"scenes" must be a list, not {0}',
            "cannot write {0}: use one of {1}", "cannot write {0}: {1}", "cannot create {0}: {1}",
            "model {0} is not installed: its files ({1}) are in none of {2}; to get them, {3}"} <= set(templates)
    terms = list(JSON_TYPES.values())  # the JSON type names error_text translates among the values
    for platform in ("linux", "win32", "darwin"):  # and how to get the real models
        monkeypatch.setattr(sys, "platform", platform)
        terms.append(real_models.base.fetch_hint())
    chinese = {source: (state, texts[0]) for context, source, state, texts in messages() if context == "errors"}
    fields = re.compile(r"\{\d+\}")
    worded = re.compile(r"[A-Za-z]{2}")  # "{0}: {1}" has no words to translate
    problems = [template for template in templates + terms if template not in chinese or chinese[template][0]
                or (worded.search(fields.sub("", template)) and not HAN.search(chinese[template][1]))
                or set(fields.findall(template)) != set(fields.findall(chinese[template][1]))]
    assert not problems, problems


def test_core_strings_include_what_the_panel_shows():
    strings = update_translations.core_strings()
    rope = registry.get("rope")
    assert {rope.title, rope.summary, rope.param("layout").help, "half", registry.FAMILIES["rotary"]} <= set(strings)


@pytest.fixture
def chinese(qapp):
    assert i18n.install(qapp, "zh") == "zh"
    yield
    i18n.install(qapp, "en")


def panel_texts(panel) -> set[str]:
    return {label.text() for label in panel.findChildren(QLabel)}


def test_the_panel_comes_up_in_chinese_and_choices_keep_their_values(qtbot, chinese):
    model = StateModel(Scene(method="rope"), views=applies())
    panel = ParameterPanel(model)
    qtbot.addWidget(panel)
    assert {"方法", "序列长度", "通道排布"} <= panel_texts(panel)
    assert HAN.search(panel.picker.itemText(panel.picker.currentIndex()))
    layout = panel.controls["layout"]
    assert isinstance(layout, QComboBox) and layout.itemText(0) == "交错"
    assert "默认" in layout.toolTip()
    layout.setCurrentIndex(layout.findData("half"))
    assert model.scene.params["layout"] == "half"
    assert layout.currentText() == "前后两半"


def test_view_titles_are_translated_in_the_context_of_their_class(chinese):
    assert i18n.translate("EncodingView", EncodingView.title) == "位置编码"
    assert ("EncodingView", EncodingView.title) in update_translations.view_strings()


def test_switching_back_to_english_restores_the_source_texts(qtbot, qapp):
    assert i18n.install(qapp, "zh") == "zh"
    assert i18n.install(qapp, "en") == "en"
    panel = ParameterPanel(StateModel(Scene(method="rope"), views=applies()))
    qtbot.addWidget(panel)
    assert {"Method", "Sequence length", "Layout"} <= panel_texts(panel)
    assert panel.controls["layout"].itemText(0) == "interleaved"
    assert QApplication.translate("core", "Layout") == "Layout"


def drawn(text: str, family: str | None = None):
    label = QLabel(text)
    font = QFont(label.font())
    if family:
        font.setFamilies([family])
    font.setPointSize(30)
    label.setFont(font)
    label.adjustSize()
    return label.grab().toImage()


def test_chinese_is_drawn_in_simplified_glyph_forms_whatever_the_locale(chinese):
    if "Noto Sans CJK SC" not in QFontDatabase.families():
        pytest.skip("needs Noto Sans CJK SC (Debian: fonts-noto-cjk)")
    # 直 and 骨 differ between the Simplified Chinese and the Japanese forms of Noto Sans CJK
    assert drawn("直骨") == drawn("直骨", "Noto Sans CJK SC")


TEX_SUBSCRIPT = re.compile(r"(?<![A-Za-z0-9_])[A-Za-zα-ω]_[a-z](?![A-Za-z0-9_])")
SCRIPT_RUN = re.compile(r"<(sup|sub)>(.*?)</\1>")


def line_breaks(text: str) -> list[int]:
    """Where Qt may break a line inside ``text`` (its ends left out)."""
    finder = QTextBoundaryFinder(QTextBoundaryFinder.Line, text)
    breaks = []
    while 0 <= (position := finder.toNextBoundary()) < len(text):
        breaks.append(position)
    return breaks


def test_chinese_writes_subscripts_as_the_hall_reads_them():
    """TeX's "ω_i" and "(R_m q)" read as an underscore on a slide (scenes 13 and 21 showed them): ωᵢ, Rₘ."""
    tex = [(source, text) for _context, source, _state, texts in messages() for text in texts
           if TEX_SUBSCRIPT.search(text)]
    assert not tex, tex


def test_no_superscript_or_subscript_in_chinese_can_be_broken_across_lines():
    """Qt breaks a line after "/": the RoPE clocks' intro showed "base⁻²ⁱᐟ" at a line's end and "ᵈ" on the next."""
    broken = [(run, text) for _context, _source, _state, texts in messages() for text in texts
              for _tag, run in SCRIPT_RUN.findall(text) if line_breaks(html.unescape(run))]
    assert not broken, broken
