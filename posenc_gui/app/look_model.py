"""The window's look as a model with a change signal: the menus and keys write it, the window and its views follow
what ``changed`` says changed (a colour map re-colours the images in place; the text size or theme restyles)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Signal

from ..look import Look, LookChange


class LookModel(QObject):
    """Holds the current ``Look``; ``changed`` carries a ``LookChange`` after every real change."""

    changed = Signal(object)

    def __init__(self, look: Look | None = None, parent=None):
        super().__init__(parent)
        self.value = look or Look()

    def update(self, **changes) -> bool:
        """Change some fields, e.g. ``update(theme="dark")``; returns whether the look changed."""
        new = replace(self.value, **changes)
        if new == self.value:
            return False
        old, self.value = self.value, new
        self.changed.emit(LookChange.between(old, new))
        return True
