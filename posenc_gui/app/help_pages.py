"""Help > Keyboard shortcuts and Help > User guide.

The shortcuts are read from the window itself (its commands' shortcuts) and from the key tables the window
acts on (``CLICKER_KEYS``, ``PRESENTING_KEYS``), so the list cannot drift from what the keys do. The guide is
a page shipped in ``resources/guide/`` in each interface language, shown in a text browser."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ..paths import resource
from . import i18n

GUIDE_LANGUAGES = ("en", "zh")
MNEMONIC_IN_BRACKETS = re.compile(r"\s*[(（]&\w[)）]")


def key_name(key) -> str:
    """A key or key sequence as the platform writes it, in the interface language (Qt translates key names)."""
    return QKeySequence(key).toString(QKeySequence.NativeText)


def plain(action_text: str) -> str:
    """A menu entry's text without its mnemonic and ellipsis: "&Next scene" -> "Next scene"."""
    text = MNEMONIC_IN_BRACKETS.sub("", action_text)  # Chinese entries: 下一场景(&N)
    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.rstrip("…").strip()


def key_commands() -> dict[str, str]:
    """What each command of the deck and presenting key tables does, for those that are no menu command."""
    return {"toggle_panel": i18n.translate("help", "Parameter panel on or off"),
            "toggle_notes": i18n.translate("help", "Scene notes on or off (on one screen)"),
            "stop_presenting": i18n.translate("help", "Stop presenting")}


def shortcut_sections(window) -> list[tuple[str, list[tuple[str, str]]]]:
    """(section title, [(keys, what they do)]) of every key the window answers to."""
    from .clicker import CLICKER_KEYS, PRESENTING_KEYS

    def described(command: str) -> str:
        action = window.commands.get(command)
        return plain(action.text()) if action is not None else key_commands()[command]

    def grouped(table: dict) -> list[tuple[str, str]]:
        keys: dict[str, list[str]] = {}
        for key, command in table.items():
            keys.setdefault(command, []).append(key_name(key))
        return [(" / ".join(names), described(command)) for command, names in keys.items()]

    commands = []
    for action in window.commands.values():
        names = [name for name in dict.fromkeys(key_name(key) for key in action.shortcuts()) if name]
        if names:  # a standard key the platform has none for (Quit on Linux) is left out
            commands.append((", ".join(names), plain(action.text())))
    blank = i18n.translate("help", "Black screen; any key or click brings the picture back")
    clicker = [(keys, blank if what == described("blank") else what) for keys, what in grouped(CLICKER_KEYS)]
    return [(i18n.translate("help", "Commands"), commands),
            (i18n.translate("help", "In a deck or while presenting (also a presentation clicker)"), clicker),
            (i18n.translate("help", "While presenting"), grouped(PRESENTING_KEYS))]


def shortcuts_html(window) -> str:
    rows = []
    for title, entries in shortcut_sections(window):
        rows.append(f"<tr><th colspan=2 align=left><br>{html.escape(title)}</th></tr>")
        rows += [f"<tr><td><b>{html.escape(keys)}</b>&nbsp;&nbsp;&nbsp;</td><td>{html.escape(what)}</td></tr>"
                 for keys, what in entries]
    note = i18n.translate("help", "In a text field being typed into, only PageUp and PageDown step through the deck.")
    return f"<table cellspacing=0 cellpadding=3>{''.join(rows)}</table><p>{html.escape(note)}</p>"


def guide_html(language: str) -> str:
    """The user guide in ``language`` (English when there is none in it)."""
    code = language if language in GUIDE_LANGUAGES else "en"
    return resource("guide", f"{code}.html").read_text(encoding="utf-8")


class TextDialog(QDialog):
    """A page of rich text with a Close button, sized to the text size of its parent."""

    def __init__(self, title: str, page: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setHtml(page)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        em = self.fontMetrics().height()
        self.resize(min(46 * em, 1600), min(34 * em, 1000))
        self.setAttribute(Qt.WA_DeleteOnClose)


def shortcuts_dialog(window) -> TextDialog:
    return TextDialog(i18n.translate("help", "Keyboard shortcuts"), shortcuts_html(window), window)


def guide_dialog(window) -> TextDialog:
    return TextDialog(i18n.translate("help", "User guide"), guide_html(window.language), window)
