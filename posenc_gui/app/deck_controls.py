"""The window's side of the lecture deck: opening one, the Deck menu's commands, and what shows where the lecture
is (the deck's commands enabled, the toolbar's strip, the window title, the notes, the presenter window). Where
the lecture is lives in the ``DeckNavigator``; its ``changed`` brings the saved scene here to be shown."""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QObject, Qt

from ..core.params import InputError
from ..scene import in_language
from . import i18n
from .state import Deck, error_text
from .view_catalogue import view_title
from .views import applies


class DeckControls(QObject):
    """Opens decks into ``window.deck`` and shows its scenes in ``window.model``."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        window.deck.changed.connect(self.show_saved_scene)

    def open_deck(self, path: str | Path) -> bool:
        """Load a deck and show its first scene; a bad file leaves everything as it was."""
        try:
            deck = Deck.load(path, views=applies())
        except InputError as error:
            self.window.show_error(error_text(error))
            return False
        self.set_deck(deck, path)
        return True

    def set_deck(self, deck: Deck, path: str | Path | None = None) -> None:
        """Show ``deck`` from its first scene; ``path``, when given, is remembered for the file dialogs."""
        window = self.window
        if path is not None:
            window.preferences.last_deck = str(Path(path).resolve())
            window.save_preferences()
            window.recent.add(path)
        if not window.presenting:
            window.notes_dock.show()
        window.deck.open(deck)

    def update_scene(self) -> None:
        """Deck › Update scene: the live changes become the scene's saved state (Save deck writes them)."""
        self.window.deck.update_scene(self.window.model.scene)
        self.window.tell(self.tr("Scene {0} updated").format(self.window.deck.index + 1))

    def reset_scene(self) -> None:
        """Deck › Reset scene: back to the scene as saved."""
        if self.window.deck.is_open:
            self.show_saved_scene()

    def add_scene(self) -> None:
        """Put a copy of the current scene after the current one (or start a deck with it) and go there."""
        if not self.window.presenting:
            self.window.notes_dock.show()
        self.window.deck.add_scene(self.window.model.scene)

    def current_deck(self) -> Deck:
        """The open deck as saved, or a one-scene deck of the current scene."""
        return self.window.deck.deck() or Deck((self.window.model.scene,))

    def show_saved_scene(self) -> None:
        """Show the deck's current scene as saved."""
        if not self.window.model.set_scene(self.window.deck.scene):
            self.sync()

    def sync(self) -> None:
        """The deck's controls, strip, window title, notes and presenter window after a change of scene."""
        window, deck = self.window, self.window.deck
        commands, language = window.commands, window.language
        count, index = deck.count, deck.index
        commands["next_scene"].setEnabled(count > 0 and not deck.at_last)
        commands["previous_scene"].setEnabled(count > 0 and not deck.at_first)
        commands["first_scene"].setEnabled(count > 1)
        commands["last_scene"].setEnabled(count > 1)
        for name in ("update_scene", "reset_scene"):
            commands[name].setEnabled(count > 0)
        commands["blank"].setEnabled(count > 0 or window.presenting)
        scene = window.model.scene
        scene_title, notes = scene.title_in(language), scene.notes_in(language)
        deck_title = in_language(language, deck.title, deck.title_zh)
        if count:
            text = self.tr("scene {0} of {1}").format(index + 1, count)
            if scene_title:
                text = self.tr("{0}: {1}").format(text, scene_title)
        else:
            text = self.tr("no deck open")
        title = self.tr("PosEnc Explorer")
        if count:  # where the lecture is, for window lists and assistive tools: "3/27 · Four published layouts"
            where = " · ".join(part for part in (f"{index + 1}/{count}", scene_title or deck_title) if part)
            window.setWindowTitle(self.tr("{0} — {1}").format(where, title))
        else:
            window.setWindowTitle(title)
        window.deck_label.setText(" " + text + " ")
        window.deck_label.setToolTip(notes)
        window.presentation.audience_title.setText(scene_title or view_title(scene.view))
        window.notes.setPlainText(notes or self.tr("(no notes for this scene)"))
        presenter = window.presentation.presenter
        if presenter is not None:
            upcoming = deck.next_scene
            presenter.show_scene(index + 1, count, scene_title or view_title(scene.view),
                                 None if upcoming is None else upcoming.title_in(language)
                                 or view_title(upcoming.view), notes,
                                 "" if upcoming is None else self.tr("{0} · {1}").format(
                                     view_title(upcoming.view), i18n.translate("core", upcoming.method_obj.title)))
        notes_dock = window.notes_dock
        if notes_dock.isVisible():  # just tall enough for the notes, up to a third of the window
            window.notes.document().setTextWidth(notes_dock.width())
            title_height = notes_dock.titleBarWidget().sizeHint().height()
            height = math.ceil(window.notes.document().size().height()) + title_height
            window.resizeDocks([notes_dock], [min(height, window.height() // 3)], Qt.Vertical)
