"""The window's side of the lecture deck: opening one, the Deck menu's commands, and what shows where the lecture
is (the deck's commands enabled, the toolbar's strip, the window title, the notes, the presenter window). Where
the lecture is lives in the ``DeckNavigator``; its ``changed`` brings the saved scene here to be shown. The notes'
room under the view is the lecturer's to give (``NotesRoom``)."""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import QApplication, QDockWidget, QFrame, QHBoxLayout, QLabel, QTextEdit, QToolButton, QWidget

from ..core.params import InputError
from ..scene import in_language
from . import i18n
from .state import Deck, error_text
from .view_catalogue import view_title
from .views import applies
from .widgets import set_dock_title, titled_dock


NOTES_SHARE = 4  # notes fitted to their text take at most a quarter of the window: the view keeps the rest
NOTES_LINES = 2  # unless folded, the notes show at least this many lines (more scroll)
NO_MAXIMUM = (1 << 24) - 1  # Qt's QWIDGETSIZE_MAX
SAVE_DELAY_MS = 500  # a drag resizes the notes many times: the height is saved once it rests


class NotesTitle(QWidget):
    """The scene notes' title bar: a button that folds the notes to this bar (and unfolds them) beside the title,
    which ``widgets.set_dock_title`` sets through ``setText`` as it does a plain title label."""

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.fold = QToolButton(checkable=True, autoRaise=True, objectName="fold_notes")
        self.label = QLabel()
        self.label.setMargin(4)
        layout.addWidget(self.fold)
        layout.addWidget(self.label, 1)
        self.fold.toggled.connect(self._show_folded)
        self._show_folded(False)

    def setText(self, text: str) -> None:  # noqa: N802 - QLabel's name, as set_dock_title calls it
        """The title, set again after a change of language: the button's tooltip follows it."""
        self.label.setText(text)
        self._show_folded(self.fold.isChecked())

    def _show_folded(self, folded: bool) -> None:
        self.fold.setArrowType(Qt.RightArrow if folded else Qt.DownArrow)
        self.fold.setToolTip(self.tr("Show the notes") if folded else self.tr("Fold the notes to this bar"))


class NotesRoom(QObject):
    """The scene notes in their dock under the view, and how tall they are. Fitted to each scene's notes (up to
    ``1 / NOTES_SHARE`` of the window) until the lecturer drags their edge: from then on every scene keeps the height
    given, so the view's room stays the same from scene to scene; the title bar's button folds them to one line. Both
    are kept in ``preferences`` (``notes_height``, ``notes_collapsed``)."""

    def __init__(self, window, preferences):
        super().__init__(window)
        self.window, self.preferences = window, preferences
        # A read-only text pane, not a label: it breaks a word longer than a line (a URL) anywhere,
        # scrolls long notes, and so never makes the window wider than the screen. Its height is the lecturer's or
        # its notes' (``fit``), not held at the two lines its scroll bars would ask for.
        self.notes = QTextEdit(readOnly=True, focusPolicy=Qt.ClickFocus, frameShape=QFrame.NoFrame, minimumHeight=1)
        self.notes.setWordWrapMode(QTextOption.WrapAtWordBoundaryOrAnywhere)
        self.notes.document().setDocumentMargin(8)
        self.notes.viewport().setAutoFillBackground(False)
        self.dock = titled_dock(window, "notes", QDockWidget.DockWidgetMovable | QDockWidget.DockWidgetClosable)
        self.dock.setWidget(self.notes)
        window.addDockWidget(Qt.BottomDockWidgetArea, self.dock)
        self.dock.hide()
        self.shown_before_presenting = False
        self.title = NotesTitle()
        self.dock.setTitleBarWidget(self.title)
        self.notes.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)  # lines wrap: nothing to scroll sideways
        self._fitting = False
        self._save_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._save_timer.timeout.connect(window.save_preferences)
        self.title.fold.setChecked(preferences.notes_collapsed)
        self.title.fold.toggled.connect(self.set_folded)
        self.notes.setVisible(not preferences.notes_collapsed)
        self.dock.installEventFilter(self)

    @property
    def folded(self) -> bool:
        return self.preferences.notes_collapsed

    def set_title(self, title: str) -> None:
        set_dock_title(self.dock, title)

    def set_points(self, points: float) -> None:
        for widget in (self.dock, self.notes):
            font = widget.font()
            font.setPointSizeF(points)
            widget.setFont(font)

    def show_notes(self, text: str) -> None:
        """``text`` in the pane, which takes the height it needs (``fit``)."""
        if text != self.notes.toPlainText():  # most changes of scene keep the notes: their layout stays
            self.notes.setPlainText(text)
        self.fit()

    def open(self) -> None:
        """Show the notes under the view (a deck opened, a scene added), unless presenting keeps them away."""
        if not self.window.presenting:
            self.dock.show()

    def toggle(self) -> None:
        """N: the notes under the view, or away."""
        self.dock.setVisible(self.dock.isHidden())

    def start_presenting(self) -> None:
        """The hall sees no notes: hidden, and whether they showed kept for ``stop_presenting``."""
        self.shown_before_presenting = not self.dock.isHidden()
        self.dock.hide()

    def stop_presenting(self) -> None:
        self.dock.setVisible(self.shown_before_presenting)

    def set_folded(self, folded: bool) -> None:
        """Fold the notes to their title bar (the plots get the room) or unfold them."""
        self.title.fold.setChecked(folded)
        if folded == self.folded:
            return
        self.preferences.notes_collapsed = folded
        self.window.save_preferences()
        self.notes.setVisible(not folded)
        self.fit()

    def fit(self) -> None:
        """Give the notes their height: the title bar alone when folded, else the lecturer's, else their text's."""
        if self.dock.isHidden():
            return
        title_height = self.title.sizeHint().height()
        if self.folded:
            height = title_height
            self.dock.setMaximumHeight(height)  # dragging a folded bar's edge would only open an empty space
        else:
            height = self.preferences.notes_height or self.fitted_height(title_height)
            self.dock.setMaximumHeight(NO_MAXIMUM)
        self._fitting = True
        try:
            self.window.resizeDocks([self.dock], [height], Qt.Vertical)
        finally:
            self._fitting = False

    def fitted_height(self, title_height: int) -> int:
        """Just tall enough for the notes, at least ``NOTES_LINES`` lines, at most ``1 / NOTES_SHARE`` of the window.
        Measured on a copy: a width set on the shown document outlasts the pane's next resize and scrolled it sideways."""
        document = self.notes.document().clone(self)
        document.setTextWidth(self.notes.viewport().width())
        text_height = document.size().height()
        document.deleteLater()
        least = NOTES_LINES * self.notes.fontMetrics().lineSpacing() + 2 * self.notes.document().documentMargin()
        return title_height + math.ceil(max(least, min(text_height, self.window.height() / NOTES_SHARE - title_height)))

    def eventFilter(self, watched, event) -> bool:
        """A resize with the mouse button held is the lecturer dragging the notes' edge: that height is kept."""
        if (event.type() == QEvent.Resize and watched is self.dock and not self._fitting and not self.folded
                and QApplication.mouseButtons() & Qt.LeftButton and event.size().height() != event.oldSize().height()):
            self.preferences.notes_height = self.dock.height()
            self._save_timer.start()
        return False


class DeckControls(QObject):
    """Opens decks into ``deck`` (the window's ``DeckNavigator``) and shows its scenes in ``window.model``, their notes
    in ``notes`` (a ``NotesRoom``)."""

    def __init__(self, window, deck, notes):
        super().__init__(window)
        self.window, self.deck, self.notes = window, deck, notes
        deck.changed.connect(self.show_saved_scene)

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
        self.notes.open()
        self.deck.open(deck)

    def update_scene(self) -> None:
        """Deck › Update scene: the live changes become the scene's saved state (Save deck writes them)."""
        self.deck.update_scene(self.window.model.scene)
        self.window.tell(self.tr("Scene {0} updated").format(self.deck.index + 1))

    def reset_scene(self) -> None:
        """Deck › Reset scene: back to the scene as saved."""
        if self.deck.is_open:
            self.show_saved_scene()

    def add_scene(self) -> None:
        """Put a copy of the current scene after the current one (or start a deck with it) and go there."""
        self.notes.open()
        self.deck.add_scene(self.window.model.scene)

    def current_deck(self) -> Deck:
        """The open deck as saved, or a one-scene deck of the current scene."""
        return self.deck.deck() or Deck((self.window.model.scene,))

    def show_saved_scene(self) -> None:
        """Show the deck's current scene as saved."""
        if not self.window.model.set_scene(self.deck.scene):
            self.sync()

    def sync(self) -> None:
        """The deck's controls, strip, window title, notes and presenter window after a change of scene."""
        window, deck = self.window, self.deck
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
        window.menus.show_deck_strip(text, notes)
        window.presentation.show_title(scene_title or view_title(scene.view))
        self.notes.show_notes(notes or self.tr("(no notes for this scene)"))
        if window.presentation.presenter is not None:
            upcoming = deck.next_scene
            window.presentation.show_scene(index + 1, count, scene_title or view_title(scene.view),
                                           None if upcoming is None else upcoming.title_in(language)
                                           or view_title(upcoming.view), notes,
                                           "" if upcoming is None else self.tr("{0} · {1}").format(
                                               view_title(upcoming.view),
                                               i18n.translate("core", upcoming.method_obj.title)))
