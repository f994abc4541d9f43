"""The main window: parameter panel (left dock), a view selector grouped by Explore / Learn / Reference
in the toolbar, the current view in the middle, scene notes (bottom dock), a status bar with the value
under the cursor, and menus for files, export, look, language, lecture decks and help.

The state model is the single source of truth: the selector, the Go menu and the deck navigation all
write ``scene.view`` (or a whole scene) to it and redraw from it. Views are built the first time they
are shown; a language switch rebuilds the panel, the views and the menus from the model's scene.

The window composes: it holds the state model and the views, decides which view shows, and hands the rest to parts
of its own: the menus, toolbar and View selector (``menus``), the File menu's work (``file_commands``), the deck
(``deck_controls``, over the ``DeckNavigator`` model) and the notes under the view (``NotesRoom``), the look
(``look_controls``, over the ``LookModel``), presenting and the clicker's keys (``presenting``), the parameter dock
(``panel_dock``), drawing a scene into a view (``scene_drawer``), building views ahead (``build_ahead``) and the
status bar (``status_line``). Each part holds the widgets it builds or is given; another part asks it, never
touches them (tests/app/test_window_parts.py).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget

from ..look import Look
from . import i18n, memory, recent, settings as prefs, style
from .build_ahead import BuildAhead
from .deck_controls import DeckControls, NotesRoom
from .deck_navigator import DeckNavigator
from .file_commands import FileCommands
from .look_controls import LookControls
from .look_model import LookModel
from .menus import WindowMenus
from .panel_dock import ParameterDock
from .presenting import Presentation
from .scene_drawer import SceneDrawer
from .state import DECK_TEXT, Deck, Scene, SceneChange, StateModel
from .status_line import StatusLine
from .view_catalogue import grouped_views, view_applies, view_class, view_title
from .views import applies

VIEW_REPLACED_MS = 8000  # how long the status bar says why the view changed by itself


class MainWindow(QMainWindow):
    """The app's window. ``settings`` (a QSettings) makes preferences and layout persist; without it
    the window starts with defaults and remembers nothing (the self-test runs that way)."""

    def __init__(self, scene: Scene | None = None, settings: QSettings | None = None, language: str = "en",
                 parent=None):
        super().__init__(parent)
        self.settings = settings
        self.preferences = prefs.load(settings) if settings is not None else prefs.Preferences()
        self.look = LookModel(Look(theme=style.theme_named(self.preferences.theme).name,
                                   text_scale=self.preferences.text_scale, language=language,
                                   sequential_map=self.preferences.sequential_map,
                                   diverging_map=self.preferences.diverging_map), self)
        self.look_controls = LookControls(self, self.look)
        self.deck = DeckNavigator(self)
        self.views: dict = {}
        self.commands: dict[str, QAction] = {}
        self.recent = recent.RecentDecks(settings, self)  # File › Open recent and the start page
        # No animated docks: hiding the panel beside a lesson would resize and repaint the view for
        # every frame of the animation (and a projected slide should change at once).
        self.setAnimated(False)
        self.setAcceptDrops(True)  # a deck or a model config dropped on the window opens (dropEvent)

        self.model = self._new_model(scene)
        self.stack = QStackedWidget()
        # an explicit minimum: a view's wide row of controls must not push the window past the screen
        self.stack.setMinimumSize(400, 300)
        self.presentation = Presentation(self, self.look, self.deck)  # its title bar above the view, its black screen
        self.setCentralWidget(self.stack)
        self.panel_dock = ParameterDock(self, self.stack)
        self.dock = self.panel_dock.dock
        self.notes_room = NotesRoom(self, self.preferences)
        self.notes, self.notes_dock = self.notes_room.notes, self.notes_room.dock

        self.status = StatusLine(self, lambda: self.drawer.busy(), self.presentation.busy_shown)
        self.drawer = SceneDrawer(self, self.deck, self.status)
        self.runner = self.drawer.runner  # the tests and the self-test wait for it
        # the status bar's parts, as the self-test, the start page and the tests read them
        self.hover_label, self.error_label = self.status.hover_label, self.status.error_label
        self.busy_bar, self.cancel_button = self.status.busy_bar, self.status.cancel_button
        memory.use_fixed_mmap_threshold()  # a lecture lasts hours: keep the heap from fragmenting,
        self.memory_timer = QTimer(self)  # and give freed memory back as it goes
        self.memory_timer.setInterval(memory.TRIM_INTERVAL_MS)
        self.memory_timer.timeout.connect(memory.release_free_memory)
        self.memory_timer.start()
        self.closed = False
        self.deck_controls = DeckControls(self, self.deck, self.notes_room)
        self.files = FileCommands(self)
        self.menus = WindowMenus(self, self.panel_dock.dock, self.notes_room.dock)
        self.build_ahead = BuildAhead(self, self.stack)
        self.warm_up_timer = self.build_ahead.timer  # the benchmarks and tests stop it to build ahead themselves
        self._build_translated()
        QApplication.instance().focusChanged.connect(self.presentation.watch_focus)
        if settings is None or not prefs.restore_window(settings, self):
            self.resize(1600, 900)
        self.look_controls.apply()
        self._focus_view()

    # -- building ---------------------------------------------------------------------------------
    def _new_model(self, scene: Scene | None) -> StateModel:
        model = StateModel(scene, views=applies(), parent=self)
        model.error.connect(self.show_error)  # changed is connected to refresh after the panel (_build_translated)
        model.view_replaced.connect(self._say_view_replaced)
        return model

    def _say_view_replaced(self, old: str, new: str) -> None:
        """Say why the View selector changed by itself: the method chosen cannot be shown in the old view."""
        method = i18n.translate("core", self.model.method.title)
        self.statusBar().showMessage(self.tr("{0} cannot be shown in {1}: showing {2}").format(
            method, view_title(old), view_title(new)), VIEW_REPLACED_MS)

    def _build_translated(self) -> None:
        """Everything with visible text: panel, dock titles, menus and toolbar (the window title follows the deck)."""
        self.panel_dock.build(self.model)
        self.notes_room.set_title(self.tr("Scene notes"))
        # The panel shows a new scene before the window draws it: drawing a view paints the window, and a panel
        # synced after that painted the old method's form, then the new one (a paint more for a new method).
        self.model.edited.connect(self._scene_edited)
        self.menus.build()
        self.cancel_button.setDefaultAction(self.menus.command("cancel_work", self.tr("Cancel"), self.cancel_work,
                                                               ["Esc"]))
        self.sync_busy()
        for action in self.actions():  # the old menus' actions, deleted later: their keys would be ambiguous
            self.removeAction(action)
        self.addActions(list(self.commands.values()))  # their keys work with the menu bar hidden (presenting)

    def rebuild(self) -> None:
        """Build panel, views and menus anew around the same scene (after a language switch).

        The model is replaced too, with the same scene: connections the old widgets made to it go
        away with it, so nothing can call into a deleted widget."""
        scene = self.model.scene
        old_model = self.model
        old_model.blockSignals(True)
        self.model = self._new_model(scene)
        for view in self.views.values():
            self.stack.removeWidget(view)
            view.deleteLater()
        self.views = {}
        self.drawer.fetched.clear()
        self.build_ahead.building = None
        self._build_translated()
        old_model.deleteLater()
        self.look_controls.apply()
        self._focus_view()  # the focused widget went with the old view: not to the View selector

    # -- what the CLI, the start page, the self-test and the tests call: done by the window's parts ---------------
    def open_deck(self, path: str | Path) -> bool:
        return self.deck_controls.open_deck(path)

    def set_deck(self, deck: Deck, path: str | Path | None = None) -> None:
        self.deck_controls.set_deck(deck, path)

    def go_to_scene(self, index: int) -> None:
        self.deck.go_to(index)

    def open_scene(self, path: str | Path) -> bool:
        return self.files.open_scene(path)

    def open_model_config(self, path: str | Path) -> bool:
        return self.files.open_model_config(path)

    def save_scene(self, path: str | Path) -> bool:
        return self.files.save_scene(path)

    def save_deck(self, path: str | Path) -> bool:
        return self.files.save_deck(path)

    def export_figure(self, path: str | Path, width: int | None = None) -> bool:
        return self.files.export_figure(path, width)

    def export_data(self, path: str | Path) -> bool:
        return self.files.export_data(path)

    def export_handout(self, path: str | Path) -> bool:
        return self.files.export_handout(path)

    def set_theme(self, name: str) -> None:
        self.look_controls.set_theme(name)

    def set_text_scale(self, scale: float) -> None:
        self.look_controls.set_text_scale(scale)

    def set_language(self, code: str) -> None:
        self.look_controls.set_language(code)

    def set_presenting(self, on: bool) -> None:
        self.presentation.set_presenting(on)

    def dragEnterEvent(self, event) -> None:
        """A file dragged over the window: a deck (.posdeck) or a model config (any other file)."""
        if event.mimeData().hasUrls() and all(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        """Open the first file dropped (``FileCommands.open_dropped``)."""
        path = event.mimeData().urls()[0].toLocalFile()
        event.acceptProposedAction()
        self.files.open_dropped(path)

    # -- views ----------------------------------------------------------------------------------
    def view(self, key: str):
        """The view widget for ``key``, built (and styled) the first time it is asked for."""
        if key not in self.views:
            view = view_class(key)(self.model)
            self.status.follow_hover(view.hovered)
            view.set_look(self.theme, self.points)
            view.recolour(self.look.value.colour_maps)
            self.stack.addWidget(view)
            self.views[key] = view
            self.build_ahead.settled = False
        return self.views[key]

    def _focus_view(self) -> None:
        """Give the focus to the window itself, not to the first control in the tab chain (the View selector,
        which would then take the keys a lecturer presses, and a click on it does not give the focus back).
        Not to a view or the stack: a focused view takes the focus along at every switch, a paint more."""
        self.setFocus()

    @property
    def panel(self):
        return self.panel_dock.panel

    @property
    def current_view(self):
        return self.view(self.model.scene.view)

    selector = property(lambda self: self.menus.selector)  # the View selector, the toolbar and its deck strip
    toolbar = property(lambda self: self.menus.toolbar)  # (built anew with the menus: the tour and the tests read them)
    deck_label = property(lambda self: self.menus.deck_label)

    def applicable_views(self) -> list[str]:
        method = self.model.method
        return [key for _, keys in grouped_views() for key in keys if view_applies(key, method)]

    def step_view(self, step: int) -> None:
        """Show the next (step 1) or previous (step -1) view that applies to the method, wrapping around."""
        keys = self.applicable_views()
        if keys:
            at = keys.index(self.model.scene.view) if self.model.scene.view in keys else 0
            self.model.set_view(keys[(at + step) % len(keys)])

    # -- state -> views -------------------------------------------------------------------------
    def _scene_edited(self, change: SceneChange) -> None:
        """A change of the deck's texts alone (a scene's title or notes) touches no view: only the deck's strip, the
        window title and the notes show it."""
        if change.fields <= DECK_TEXT:
            self.deck_controls.sync()
        else:
            self.refresh(change.new)

    def refresh(self, scene: Scene) -> None:
        """Show the scene's view and draw the scene in it. Its data is fetched (big requests in the worker) only when
        the scene fields it depends on changed (``View.data_key``); otherwise the view shows the selection, overlays
        and look with the data it was given last (``View.show_selection``)."""
        self.build_ahead.restart()  # views are built ahead only while nothing else happens
        self.drawer.waiting_for_panels = None  # superseded
        self.menus.show_view_chosen(scene)
        self.deck_controls.sync()
        view = self.view(scene.view)
        self.panel.ignore_for_view(view.ignored_params())
        if self.stack.currentWidget() is not view:
            self._switch_to(view)
        self.drawer.draw(view, scene)

    def _switch_to(self, view) -> None:
        """Show ``view`` instead of the current one. The old view is hidden before the panel comes or goes and
        the new one shown after, so that neither is laid out at a size it will not keep (the old one, still
        shown, was laid out and painted at the new room; the new one at the old room, then at the new)."""
        self.status.show_value("")  # it described the view that was shown before
        old = self.stack.currentWidget()
        focused = QApplication.focusWidget()
        had_focus = old is not None and focused is not None and old.isAncestorOf(focused)
        if had_focus:
            focused.clearFocus()  # hiding would hand it to the next widget in the chain: the panel's
        if old is not None:
            old.hide()
        self.panel_dock.show_for(view)
        self.stack.setCurrentWidget(view)
        # every widget shown posts itself an update for later: one already asked for (by the panel, say) painted the
        # view first, then these painted it all again
        QApplication.sendPostedEvents(None, QEvent.UpdateLater)
        if had_focus:  # into the new view, as the stack would: its last focused widget, else its plots
            (view.focusWidget() or view.graphics).setFocus()

    def warm_up_view(self) -> bool:
        """One slice of building ahead (``BuildAhead.step``); whether it built anything."""
        return self.build_ahead.step()

    def finish_work(self) -> None:
        """Wait for the computation under way and finish the drawing it leads to (the self-test checks what a change
        drew)."""
        self.drawer.finish()

    def sync_busy(self, *_) -> None:
        """Cancel (and Esc) works while something is computed; the busy bar shows once it has taken
        PROGRESS_AFTER_MS (sooner it would only flash). While presenting, Esc leaves presenting."""
        busy = self.drawer.busy()
        self.commands["cancel_work"].setEnabled(busy and not self.presenting)
        self.status.follow_busy(busy)

    def cancel_work(self) -> None:
        """Cancel (Esc): back to the scene last drawn (``SceneDrawer.cancel``)."""
        self.drawer.cancel()

    def show_error(self, message: str) -> None:
        self.status.show_error(message)

    def tell(self, message: str) -> None:
        self.status.tell(message)

    # -- look -----------------------------------------------------------------------------------
    @property
    def theme(self) -> style.Theme:
        return style.theme_named(self.look.value.theme)

    @property
    def text_scale(self) -> float:
        return self.look.value.text_scale

    @property
    def presenting(self) -> bool:
        return self.look.value.presenting

    @property
    def controls_called(self) -> bool:
        """Presenting, whether the lecturer brought the controls back (P): the parameter panel, and a lesson's own
        row of controls where it gave its room to the plots."""
        return self.presenting and self.panel_dock.while_presenting

    @property
    def language(self) -> str:
        return self.look.value.language

    @property
    def points(self) -> float:
        return style.BASE_POINTS * self.text_scale * (style.PRESENTATION_SCALE if self.presenting else 1.0)

    # -- keys, closing --------------------------------------------------------------------------
    def event(self, event) -> bool:
        """The clicker's keys when no widget has the focus: they come to the window itself."""
        if event.type() in (QEvent.ShortcutOverride, QEvent.KeyPress) and self.presentation.clicker_key(event):
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key_Escape and self.presenting:
            self.presentation.set_presenting(False)
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.presentation.fit_blank()

    def save_preferences(self) -> None:
        if self.settings is not None:
            prefs.save(self.settings, self.preferences)

    def closeEvent(self, event) -> None:
        self.closed = True  # nothing more is built ahead for a window no one will see again
        self.warm_up_timer.stop()
        self.drawer.panel_timer.stop()
        self.presentation.close_presenter()
        if self.settings is not None:
            if self.presenting:
                self.presentation.set_presenting(False)
            self.panel_dock.show_for_saving()  # the saved layout keeps the panel
            prefs.save_window(self.settings, self)
            self.save_preferences()
        self.runner.wait(2000)
        super().closeEvent(event)

