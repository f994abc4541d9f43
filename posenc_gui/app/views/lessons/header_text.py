"""The texts of a lesson's header as the hall and the lecturer get them: rich text as plain text (a tooltip), and
rich text folded to its first sentence (``LessonView.fit_header``)."""

from __future__ import annotations

import re

from PySide6.QtGui import QTextDocument

# a sentence's end in rich text: a full stop, or a stop before white space (past any tags), outside a tag
SENTENCE_END = re.compile(r"<[^>]*>|[。！？]|[.!?](?=(?:<[^>]*>)*\s)")
TAG = re.compile(r"<(/?)([a-zA-Z0-9]+)[^>]*?(/?)>")


def plain_text(rich: str) -> str:
    document = QTextDocument()
    document.setHtml(rich)
    return document.toPlainText().strip()


def first_sentence(rich: str) -> str:
    """The first sentence of rich text ``rich``, still rich (a folded intro shown as plain text wrote p·ω·2<sup>−t</sup>
    as "p·ω·2−t"), with the tags it leaves open closed."""
    end = next((found.end() for found in SENTENCE_END.finditer(rich) if not found.group().startswith("<")), len(rich))
    opened = []
    for tag in TAG.finditer(rich[:end]):
        closing, name, empty = tag.groups()
        if closing and name in opened:
            opened.remove(name)
        elif not closing and not empty and name.lower() != "br":
            opened.append(name)
    return rich[:end] + "".join(f"</{name}>" for name in reversed(opened))
