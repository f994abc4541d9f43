"""Which key stands for which deck or presenting command, wherever the focus is: a presentation clicker sends
PageDown, PageUp, B and the like, and a lecturer's window must obey them without a click into it first."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit

# The keys a presentation clicker sends, and what they do in deck mode (blank, panel and notes while presenting
# too). The window takes them from whatever widget has the focus, except from a text field being typed into.
CLICKER_KEYS = {Qt.Key_PageDown: "next_scene", Qt.Key_Right: "next_scene", Qt.Key_Space: "next_scene",
                Qt.Key_PageUp: "previous_scene", Qt.Key_Left: "previous_scene", Qt.Key_Backspace: "previous_scene",
                Qt.Key_Home: "first_scene", Qt.Key_End: "last_scene", Qt.Key_B: "blank", Qt.Key_Period: "blank"}
PRESENTING_KEYS = {Qt.Key_P: "toggle_panel", Qt.Key_N: "toggle_notes", Qt.Key_Escape: "stop_presenting"}
STEPPING = frozenset({"next_scene", "previous_scene", "first_scene", "last_scene"})
TEXT_FIELDS = (QLineEdit, QTextEdit, QPlainTextEdit)  # keep every key but PageUp / PageDown
NUMBER_FIELDS = (QAbstractSpinBox,)  # keep the keys that type a number (NUMBER_KEYS); the others are the deck's
PAGE_KEYS = (Qt.Key_PageUp, Qt.Key_PageDown)
NUMBER_KEYS = (Qt.Key_Backspace, Qt.Key_Period)


def clicker_command(key: int, modifiers, focused, deck_open: bool, presenting: bool) -> str | None:
    """The command a key press stands for in deck mode or while presenting (a name from CLICKER_KEYS or
    PRESENTING_KEYS), or None when the key is left to ``focused``, the widget with the focus (or None): a
    text field being typed into keeps every key but PageUp / PageDown, a spin box Backspace and ".";
    sliders, the View selector, buttons and plots keep none. Stepping needs a deck."""
    if modifiers & ~Qt.KeypadModifier:
        return None
    command = CLICKER_KEYS.get(key) or (PRESENTING_KEYS.get(key) if presenting else None)
    if command is None or not (deck_open or presenting) or (command in STEPPING and not deck_open):
        return None
    typed_into = (isinstance(focused, TEXT_FIELDS) and not focused.isReadOnly()
                  or isinstance(focused, QComboBox) and focused.isEditable())
    if typed_into:
        return command if key in PAGE_KEYS else None
    if isinstance(focused, NUMBER_FIELDS) and key in NUMBER_KEYS:
        return None
    return command
