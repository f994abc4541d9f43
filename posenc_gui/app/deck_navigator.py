"""Where the lecture is in its deck: the scenes as saved, the one shown, and the steps between them.

The deck holds the scenes as the lecturer saved them. What the lecturer changes live (a parameter, a
lesson's step) belongs to the state model only: leaving the scene drops it, so a scene revisited shows
exactly what was saved, unless ``update_scene`` saved the live scene into the deck first.
``reset_scene`` gives back the saved one. No widgets here: the window shows what ``changed`` says.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Signal

from .state import Deck, Scene


class DeckNavigator(QObject):
    """The open deck (possibly none) and the index of the scene shown. ``changed`` is emitted after every
    change of deck, index or saved scene; ``scene`` is then the saved scene to show."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.scenes: list[Scene] = []
        self.title = self.title_zh = ""
        self.index = 0

    @property
    def count(self) -> int:
        return len(self.scenes)

    @property
    def is_open(self) -> bool:
        return bool(self.scenes)

    @property
    def scene(self) -> Scene | None:
        """The saved scene at the index, None with no deck."""
        return self.scenes[self.index] if self.scenes else None

    @property
    def next_scene(self) -> Scene | None:
        return self.scenes[self.index + 1] if self.index + 1 < len(self.scenes) else None

    @property
    def at_first(self) -> bool:
        return self.index == 0

    @property
    def at_last(self) -> bool:
        return self.index >= len(self.scenes) - 1

    def open(self, deck: Deck) -> None:
        self.scenes = list(deck.scenes)
        self.title, self.title_zh = deck.title, deck.title_zh
        self.index = 0
        self.changed.emit()

    def go_to(self, index: int) -> bool:
        """Go to scene ``index`` (clamped to the deck); False, and nothing emitted, when that is where it is
        (a step past either end does nothing)."""
        if not self.scenes:
            return False
        index = min(max(index, 0), len(self.scenes) - 1)
        if index == self.index:
            return False
        self.index = index
        self.changed.emit()
        return True

    def step(self, by: int) -> bool:
        return self.go_to(self.index + by)

    def first(self) -> bool:
        return self.go_to(0)

    def last(self) -> bool:
        return self.go_to(len(self.scenes) - 1)

    def update_scene(self, live: Scene) -> None:
        """Save the live scene into the deck in place of the current one (keeping that one's title and notes
        when the live scene has none)."""
        if not self.scenes:
            return
        saved = self.scenes[self.index]
        self.scenes[self.index] = replace(live, title=live.title or saved.title, notes=live.notes or saved.notes,
                                          title_zh=live.title_zh or saved.title_zh,
                                          notes_zh=live.notes_zh or saved.notes_zh)
        self.changed.emit()

    def add_scene(self, scene: Scene) -> None:
        """Put ``scene`` (without title and notes, which belong to the scene it copies) after the current
        one, or start a deck with it, and go there."""
        scene = replace(scene, title="", notes="", title_zh="", notes_zh="")
        if not self.scenes:
            self.scenes, self.index = [scene], 0
        else:
            self.index += 1
            self.scenes.insert(self.index, scene)
        self.changed.emit()

    def deck(self) -> Deck | None:
        """The deck as saved (live edits left out), None with no deck."""
        return Deck(tuple(self.scenes), self.title, title_zh=self.title_zh) if self.scenes else None
