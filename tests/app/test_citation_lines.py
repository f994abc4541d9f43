"""The parameter panel's citation breaks its lines between words, not inside a Latin word: in Chinese (whose
characters break anywhere, so lines fill to the edge) it read "(ar / Xiv:1901.02860)" and "pytorch/mem_ /
transformer.py". Only a code name longer than ``LONG_NAME`` characters may break inside (it was wider than the panel in
large type)."""

import re

import pytest
from PySide6.QtGui import QTextDocument

from posenc_gui.app import i18n
from posenc_gui.app.panel import LONG_NAME, breakable
from posenc_gui.app.state import Scene
from posenc_gui.app.window import MainWindow
from posenc_gui.core import registry

WORD = re.compile(r"[A-Za-z0-9_.:']")  # what a Latin word is made of; a space, "/", "-" or "(" ends one
NAME_END = re.compile(r"[A-Za-z0-9_.:'\u200b]+$")  # the part of a word, or of a name with its breaks, ending a line
NAME_START = re.compile(r"[A-Za-z0-9_.:'\u200b]+")


def laid_out_lines(label) -> list[str]:
    """The lines of a word-wrapped rich-text label as Qt lays them out at its width (as QLabel does: its text in a
    document of no margin as wide as the label's contents)."""
    document = QTextDocument()
    document.setDefaultFont(label.font())
    document.setDocumentMargin(0)
    document.setHtml(label.text())
    document.setTextWidth(label.contentsRect().width())
    assert round(document.size().height()) == label.heightForWidth(label.width())  # laid out as the label does
    lines = []
    block = document.begin()
    while block.isValid():
        layout = block.layout()
        for index in range(layout.lineCount()):
            line = layout.lineAt(index)
            lines.append(block.text()[line.textStart():line.textStart() + line.textLength()])
        block = block.next()
    return lines


def words_split(lines: list[str]) -> list[str]:
    """Each Latin word of at most ``LONG_NAME`` characters that ends one line and goes on on the next."""
    split = []
    for this, following in zip(lines, lines[1:]):
        end, start = this.rstrip("\u200b"), following.lstrip("\u200b")
        if end and start and WORD.match(end[-1]) and WORD.match(start[0]):
            word = (NAME_END.search(end).group(0) + NAME_START.match(start).group(0)).replace("\u200b", "")
            if len(word) <= LONG_NAME:
                split.append(f"{end[-12:]} / {start[:12]}")
    return split


@pytest.mark.parametrize("code", ["zh", "en"])
def test_no_citation_line_breaks_inside_a_latin_word(qtbot, qapp, code):
    assert i18n.install(qapp, code) == code
    try:
        window = MainWindow(Scene(method="sinusoidal", view="encoding"), language=code)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        summary = window.panel.summary
        split = {}
        for method in registry.all_methods():
            window.panel._show_method(method)
            for whole in (False, True):  # the short citation and, after "more", the whole one
                window.panel._show_summary(whole)
                qapp.processEvents()
                if words := words_split(laid_out_lines(summary)):
                    split[f"{method.name} {'whole' if whole else 'short'}"] = words
        assert split == {}
    finally:
        i18n.install(qapp, "en")


def test_a_long_code_name_may_break_and_a_short_word_not():
    assert breakable("arXiv:1901.02860, pytorch/mem_transformer.py") == \
        "arXiv:1901.02860, pytorch/\u200bmem_transformer.py"
    assert breakable("apply_multimodal_rotary_pos_emb") == "apply_\u200bmultimodal_\u200brotary_\u200bpos_\u200bemb"
    assert breakable("SandwichRelativePositionEmbedding") == "Sandwich\u200bRelative\u200bPosition\u200bEmbedding"
