"""The main window: parameter panel (left dock), a view selector grouped by Explore / Learn / Reference
in the toolbar, the current view in the middle, scene notes (bottom dock), a status bar with the value
under the cursor, and menus for files, export, look, language, lecture decks and help.

The state model is the single source of truth: the selector, the Go menu and the deck navigation all
write ``scene.view`` (or a whole scene) to it and redraw from it. Views are built the first time they
are shown; a language switch rebuilds the panel, the views and the menus from the model's scene.

The window composes: it holds the widgets and draws scenes into views; the menus (``menus``), the File menu's
work (``file_commands``), the deck (``deck_controls`` over the ``DeckNavigator``), the look (``look_controls``
over the ``LookModel``) and presenting (``presenting``) are objects of their own that it builds and calls.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QEvent, QRect, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QTextOption
from PySide6.QtWidgets import (QApplication, QDockWidget, QFrame, QLabel, QMainWindow, QProgressBar, QScrollArea,
                               QStackedWidget, QStyle, QTextEdit, QToolBar, QToolButton)
from superqt.utils import signals_blocked

from ..core import registry
from ..core.params import InputError, printable
from . import i18n, memory, recent, settings as prefs, style
from ..look import Look
from .deck_controls import DeckControls
from .deck_navigator import DeckNavigator
from .file_commands import FileCommands
from .look_controls import LookControls
from .look_model import LookModel
from .menus import WindowMenus
from .panel import ParameterPanel
from .presenting import Presentation
from .state import DECK_TEXT, Deck, Scene, SceneChange, StateModel, error_text
from .view_catalogue import grouped_views, view_applies, view_class, view_keys, view_title
from .views import applies
from .worker import PROGRESS_AFTER_MS, LatestRunner

BACKGROUND_ELEMENTS = 4_000_000  # larger requests are computed off the GUI thread
PANELS_AT_ONCE = 16  # a drawing that needs more new panels than this waits for them, built one a turn of the event loop
WARM_UP_IDLE_MS = 500  # once the window has been idle this long, build ahead what a switch needs (warm_up_view)
VIEW_REPLACED_MS = 8000  # how long the status bar says why the view changed by itself


class MainWindow(QMainWindow):
    """The app's window. ``settings`` (a QSettings) makes preferences and layout persist; without it
    the window starts with defaults and remembers nothing (the self-test runs that way)."""

    def __init__(self, scene: Scene | None = None, settings: QSettings | None = None, language: str = "en",
                 parent=None):
        super().__init__(parent)
        self.settings = settings
        self.preferences = prefs.load(settings) if settings is not None else prefs.Preferences()
        style.choose_colour_maps(self.preferences.sequential_map, self.preferences.diverging_map)
        self.look = LookModel(Look(theme=style.theme_named(self.preferences.theme).name,
                                   text_scale=self.preferences.text_scale, language=language,
                                   sequential_map=style.chosen_colour_map_name(False),
                                   diverging_map=style.chosen_colour_map_name(True)), self)
        self.look_controls = LookControls(self)
        self.deck = DeckNavigator(self)
        self.deck_controls = DeckControls(self)
        self.files = FileCommands(self)
        self.menus = WindowMenus(self)
        self.views: dict = {}
        self.fetched: dict = {}  # view -> (its data_key, the data) it was last given
        self.commands: dict[str, QAction] = {}
        self.recent = recent.RecentDecks(settings, self)  # File › Open recent and the start page
        self.panel_hidden_for_view = False
        # No animated docks: hiding the panel beside a lesson would resize and repaint the view for
        # every frame of the animation (and a projected slide should change at once).
        self.setAnimated(False)
        self.setAcceptDrops(True)  # a deck or a model config dropped on the window opens (dropEvent)

        self.model = self._new_model(scene)
        self.stack = QStackedWidget()
        # an explicit minimum: a view's wide row of controls must not push the window past the screen
        self.stack.setMinimumSize(400, 300)
        self.presentation = Presentation(self)  # its title bar above the view, its black screen over the window
        self.setCentralWidget(self.stack)
        self.dock = self._dock("parameters", QDockWidget.DockWidgetMovable | QDockWidget.DockWidgetFloatable)
        self.addDockWidget(Qt.LeftDockWidgetArea, self.dock)
        # A read-only text pane, not a label: it breaks a word longer than a line (a URL) anywhere,
        # scrolls long notes, and so never makes the window wider than the screen. Its height is set
        # for its notes (``_sync_deck``), not held at the two lines its scroll bars would ask for.
        self.notes = QTextEdit(readOnly=True, focusPolicy=Qt.ClickFocus, frameShape=QFrame.NoFrame, minimumHeight=1)
        self.notes.setWordWrapMode(QTextOption.WrapAtWordBoundaryOrAnywhere)
        self.notes.document().setDocumentMargin(8)
        self.notes.viewport().setAutoFillBackground(False)
        self.notes_dock = self._dock("notes", QDockWidget.DockWidgetMovable | QDockWidget.DockWidgetClosable)
        self.notes_dock.setWidget(self.notes)
        self.addDockWidget(Qt.BottomDockWidgetArea, self.notes_dock)
        self.notes_dock.hide()
        self.toolbar: QToolBar | None = None

        self.hover_label = QLabel()
        self.error_label = QLabel()
        self.error_label.setTextFormat(Qt.PlainText)  # a file named like HTML is shown as named
        self.statusBar().addWidget(self.hover_label, 1)
        self.statusBar().addPermanentWidget(self.error_label)
        # a computation still running after PROGRESS_AFTER_MS shows as busy, with Cancel (Esc) beside it
        self.busy_bar = QProgressBar(objectName="busy_bar", maximumWidth=120, textVisible=False)
        self.busy_bar.setRange(0, 0)
        self.cancel_button = QToolButton(objectName="cancel_work")
        for widget in (self.busy_bar, self.cancel_button):
            self.statusBar().addPermanentWidget(widget)
            widget.hide()
        self.busy_timer = QTimer(self, singleShot=True, interval=PROGRESS_AFTER_MS)
        self.busy_timer.timeout.connect(lambda: self._show_busy(self._busy()))
        self.drawn_scene: Scene | None = None  # the scene last drawn, which Cancel goes back to,
        self.drawn_deck_index = 0  # and the deck's scene it was drawn in
        self._going_back = False  # Cancel is putting the drawn scene back: nothing to fetch or draw

        self.runner = LatestRunner(self._show_result, self.show_error, self)
        self.runner.busy.connect(self.sync_busy)
        memory.use_fixed_mmap_threshold()  # a lecture lasts hours: keep the heap from fragmenting,
        self.memory_timer = QTimer(self)  # and give freed memory back as it goes
        self.memory_timer.setInterval(memory.TRIM_INTERVAL_MS)
        self.memory_timer.timeout.connect(memory.release_free_memory)
        self.memory_timer.start()
        self.warm_up_timer = QTimer(self)
        self.warm_up_timer.setSingleShot(True)
        self.warm_up_timer.setInterval(WARM_UP_IDLE_MS)
        self.warm_up_timer.timeout.connect(self.warm_up_view)
        self.settled = False  # whether the objects built ahead were settled (memory.settle_long_lived_objects)
        self.closed = False
        self._building = None  # the steps left of the view being built ahead (_build_ahead)
        self._waiting_for_panels = None  # (view, scene, data) of a drawing whose panels are being built (_build_panel)
        self.panel_timer = QTimer(self)
        self.panel_timer.setSingleShot(True)
        self.panel_timer.setInterval(0)
        self.panel_timer.timeout.connect(self._build_panel)
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

    def _dock(self, name: str, features) -> QDockWidget:
        """A dock whose title is a label, so that it scales with the text like everything else
        (the built-in dock title keeps a small fixed font)."""
        dock = QDockWidget(self)
        dock.setObjectName(name)
        dock.setFeatures(features)
        title = QLabel()
        title.setMargin(4)
        dock.setTitleBarWidget(title)
        return dock

    def _build_translated(self) -> None:
        """Everything with visible text: panel, dock titles, menus and toolbar (the window title follows the deck)."""
        for dock, title in ((self.dock, self.tr("Parameters")), (self.notes_dock, self.tr("Scene notes"))):
            dock.setWindowTitle(title)
            dock.titleBarWidget().setText(f"<b>{title}</b>")
        self.panel = ParameterPanel(self.model)
        # The panel shows a new scene before the window draws it: drawing a view paints the window, and a panel
        # synced after that painted the old method's form, then the new one (2-4 ms more for a new method).
        self.model.edited.connect(self._scene_edited)
        scroll = QScrollArea()
        scroll.setWidget(self.panel)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)  # the panel wraps; a line read sideways is cut
        old = self.dock.widget()
        self.dock.setWidget(scroll)
        if old is not None:
            old.deleteLater()
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
        self.fetched = {}
        self._building = None
        self._build_translated()
        if self.presenting:  # the new menu bar and toolbar stay out of the audience's sight
            self.menuBar().hide()
            self.toolbar.hide()
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
            view.hovered.connect(self.hover_label.setText)
            view.set_look(self.theme, self.points)
            self.stack.addWidget(view)
            self.views[key] = view
            self.settled = False
        return self.views[key]

    def _focus_view(self) -> None:
        """Give the focus to the window itself, not to the first control in the tab chain (the View selector,
        which would then take the keys a lecturer presses, and a click on it does not give the focus back).
        Not to a view or the stack: a focused view takes the focus along at every switch, a paint more."""
        self.setFocus()

    @property
    def current_view(self):
        return self.view(self.model.scene.view)

    def view_chosen(self, row: int) -> None:
        key = self.selector.itemData(row, Qt.UserRole)
        if key:
            self.model.set_view(key)
        else:  # a group header: stay on the current view
            self._sync_navigation(self.model.scene)

    def applicable_views(self) -> list[str]:
        method = self.model.method
        return [key for _, keys in grouped_views() for key in keys if view_applies(key, method)]

    def step_view(self, step: int) -> None:
        """Show the next (step 1) or previous (step -1) view that applies to the method, wrapping around."""
        keys = self.applicable_views()
        if keys:
            at = keys.index(self.model.scene.view) if self.model.scene.view in keys else 0
            self.model.set_view(keys[(at + step) % len(keys)])

    def _sync_navigation(self, scene: Scene) -> None:
        method = scene.method_obj
        items = self.selector.model()
        for row in range(items.rowCount()):
            item = items.item(row)
            key = item.data(Qt.UserRole)
            if key:
                item.setEnabled(view_applies(key, method))
                if key == scene.view:
                    self.selector.setCurrentIndex(row)
        for key in view_keys():
            action = self.commands[f"view_{key}"]
            action.setEnabled(view_applies(key, method))
            action.setChecked(key == scene.view)
        self.deck_controls.sync()

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
        self.warm_up_timer.start(WARM_UP_IDLE_MS)  # (again): views are built ahead only while nothing else happens
        self._waiting_for_panels = None  # superseded
        self._sync_navigation(scene)
        view = self.view(scene.view)
        self.panel.ignore_for_view(view.ignored_params())
        if self.stack.currentWidget() is not view:
            self._switch_to(view)
        if self._going_back:
            return  # the view still shows what it drew
        kept = self.fetched.get(view)
        if kept is not None and kept[0] == view.data_key(scene):
            self.runner.cancel()
            self._show_result((view, scene), kept[1])
            return
        try:
            big = view.size(scene) > BACKGROUND_ELEMENTS
        except InputError as error:
            self.show_error(error_text(error))
            return
        if big:
            self.runner.submit(lambda: view.fetch(scene), (view, scene))
            self.hover_label.setText(self.tr("computing…"))
            return
        self.runner.cancel()
        try:
            data = view.fetch(scene)
        except InputError as error:
            self.show_error(error_text(error))
            return
        self._show_result((view, scene), data)

    def _switch_to(self, view) -> None:
        """Show ``view`` instead of the current one. The old view is hidden before the panel comes or goes and
        the new one shown after, so that neither is laid out at a size it will not keep (the old one, still
        shown, was laid out and painted at the new room; the new one at the old room, then at the new)."""
        self.hover_label.setText("")  # it described the view that was shown before
        old = self.stack.currentWidget()
        focused = QApplication.focusWidget()
        had_focus = old is not None and focused is not None and old.isAncestorOf(focused)
        if had_focus:
            focused.clearFocus()  # hiding would hand it to the next widget in the chain: the panel's
        if old is not None:
            old.hide()
        self.show_panel_for(view)
        self.stack.setCurrentWidget(view)
        # every widget shown posts itself an update for later: one already asked for (by the panel, say) painted the
        # view first, then these painted it all again
        QApplication.sendPostedEvents(None, QEvent.UpdateLater)
        if had_focus:  # into the new view, as the stack would: its last focused widget, else its plots
            (view.focusWidget() or view.graphics).setFocus()

    def warm_up_view(self) -> bool:
        """Build ahead, once the window has been idle, what a later switch would otherwise build (a lesson's
        plots take up to 120 ms), one slice a call, the next at the next turn of the event loop (a change puts
        the rest off for another idle time). First the views that apply to the method, with the scene drawn
        into them; then the other views, with the first method they apply to; then the spare panels views
        keep for larger scenes (``View.build_ahead``). A view is built in slices (``_build_ahead``): made and
        laid out, its data fetched, its spare panels, then drawn, hidden, at the size it will have. With
        nothing left to build, the objects built are settled once (``memory.settle_long_lived_objects``).
        Returns whether it built anything."""
        if self.closed:
            return False
        if self._building is None:
            key = next((key for key in self.applicable_views() + view_keys() if key not in self.views), None)
            if key is not None:
                self._building = self._build_ahead(key)
        if self._building is not None:
            if next(self._building, True):
                self._building = None
        elif not any(view.build_ahead() for view in self.views.values()):
            if not self.settled:
                memory.settle_long_lived_objects()
                self.settled = True
            return False
        self.warm_up_timer.start(0)  # the next slice once the event loop has handled what came in meanwhile
        return True

    def _build_ahead(self, key: str):
        """Build view ``key`` and draw into it, hidden, one step a call (a generator that yields False after a step
        and True when done): the scene, or the defaults of the first method the view applies to when it does not
        apply to the scene's. A view shown meanwhile (or rebuilt) was drawn by ``refresh``: it is left alone."""
        view = self.view(key)
        view.setGeometry(self._room_for(view))  # laid out as it will be shown
        view.grab(QRect(0, 0, 1, 1))  # a hidden widget is laid out only when shown or rendered
        yield False
        while view.build_ahead():  # spare panels first, one a step: drawing then only places them
            yield False
        scene = replace(self.model.scene, view=key)
        try:
            if not view.applies_to(scene.method_obj):
                method = next(method for method in registry.all_methods() if view.applies_to(method))
                scene = replace(scene, method=method.name, params=method.defaults()).validated(applies())
            if view.size(scene) > BACKGROUND_ELEMENTS:
                return
            data = view.fetch(scene)
        except InputError:
            return  # the view says so when it is shown
        yield False
        if self.views.get(key) is view and self.stack.currentWidget() is not view:
            try:
                view.show_data(scene, data)
            except InputError:
                return
            self.fetched[view] = (view.data_key(scene), data)

    def _panel_beside(self, view) -> bool:
        """Whether the parameter panel is shown beside ``view``: hidden beside a view that ignores the
        method (``uses_method``), shown again with the next view that uses it (unless closed by hand);
        while presenting, only when asked for (P)."""
        if self.presenting:
            return view.uses_method and self.presentation.panel_while_presenting
        return view.uses_method and (not self.dock.isHidden() or self.panel_hidden_for_view)

    def _room_for(self, view) -> QRect:
        """The stack's rectangle as it will be when ``view`` is shown (wider by the panel when the view
        hides it, narrower when it brings it back)."""
        room = self.stack.contentsRect()
        panel = self.dock.width() + self.style().pixelMetric(QStyle.PM_DockWidgetSeparatorExtent)
        room.setWidth(room.width() + panel * ((not self.dock.isHidden()) - self._panel_beside(view)))
        return room

    def show_panel_for(self, view) -> None:
        """Show or hide the parameter panel as ``_panel_beside`` says. The window is laid out at once, so
        that the view shown next takes the new room when shown, not in two more layout and paint passes
        (at the old size, then the new)."""
        shown = self._panel_beside(view)
        if shown == (not self.dock.isHidden()):
            return
        self.dock.setVisible(shown)
        self.panel_hidden_for_view = not shown
        self.layout().activate()

    def finish_work(self) -> None:
        """Wait for the computation under way and finish the drawing it leads to (the self-test checks what a change
        drew)."""
        self.runner.finish()
        while self._waiting_for_panels is not None:
            self._build_panel()

    def _build_panel(self) -> None:
        """One more panel for the drawing that waits for them; the drawing once they are all built."""
        if self._waiting_for_panels is None:
            return
        view, scene, data = self._waiting_for_panels
        if view in self.views.values() and view.grid.build_ahead(view.panels_needed(scene, data)):
            self.panel_timer.start()
            return
        self._waiting_for_panels = None
        self._show_result((view, scene), data)

    def _show_result(self, tag, data) -> None:
        view, scene = tag
        if view not in self.views.values():
            return  # finished after a rebuild replaced the view
        needed = view.panels_needed(scene, data)
        if needed > PANELS_AT_ONCE and needed - len(view.grid.pool) > PANELS_AT_ONCE:
            self._waiting_for_panels = (view, scene, data)
            self.hover_label.setText(self.tr("computing…"))
            self.panel_timer.start()
            self.sync_busy()
            return
        kept = self.fetched.get(view)
        if kept is not None and kept[1] is data:  # drawn already: what changed is outside the view's data
            view.show_selection(scene, data)
        else:
            view.show_data(scene, data)
        self.fetched[view] = (view.data_key(scene), data)
        self.drawn_scene, self.drawn_deck_index = scene, self.deck.index
        self.sync_busy()  # a drawing waiting for its panels may have been superseded by this one
        self.error_label.setText("")
        self.hover_label.setText("")  # it told a value of the drawing before (or "computing…")
        view.hover_again()
        # Laid out, ranges mapped and the plots' changes handed to the view now, so that the window paints it once:
        # pyqtgraph maps ranges while painting and the scene's changes reach the view queued, each a second paint.
        # Laid out twice: pyqtgraph's items resized by a layout pass update their geometry, which may ask for another.
        QApplication.sendPostedEvents(None, QEvent.LayoutRequest)
        QApplication.sendPostedEvents(None, QEvent.LayoutRequest)
        # the updates posted by widgets shown (a new method's form; the view's in _switch_to) are handed over too:
        # after the paint, each asked for a second one
        QApplication.sendPostedEvents(None, QEvent.UpdateLater)
        view.graphics.scene().prepareForPaint()
        QApplication.sendPostedEvents(view.graphics.scene(), QEvent.MetaCall)

    def _busy(self) -> bool:
        """Whether a drawing is waiting for a computation or for its panels."""
        return self.runner.running or self._waiting_for_panels is not None

    def sync_busy(self, *_) -> None:
        """Cancel (and Esc) works while something is computed; the busy bar shows once it has taken
        PROGRESS_AFTER_MS (sooner it would only flash). While presenting, Esc leaves presenting."""
        busy = self._busy()
        self.commands["cancel_work"].setEnabled(busy and not self.presenting)
        if not busy:
            self.busy_timer.stop()
            self._show_busy(False)
        elif self.busy_bar.isHidden() and not self.busy_timer.isActive():
            self.busy_timer.start()

    def _show_busy(self, shown: bool) -> None:
        self.busy_bar.setVisible(shown)
        self.cancel_button.setVisible(shown)

    def cancel_work(self) -> None:
        """Cancel (Esc): stop the computation at its next check and go back to the scene last drawn, which the
        view still shows, so that the panel, the view and the model agree again."""
        if not self._busy():
            return
        self.runner.cancel()
        self._waiting_for_panels = None
        self._going_back = True
        try:
            if self.deck.is_open and self.deck.index != self.drawn_deck_index:
                with signals_blocked(self.deck):  # back to the scene drawn as it was drawn, not as saved
                    self.deck.go_to(self.drawn_deck_index)
            if self.drawn_scene is not None:
                self.model.set_scene(self.drawn_scene)
        finally:
            self._going_back = False
        self.deck_controls.sync()
        self.sync_busy()
        self.hover_label.setText("")
        self.tell(self.tr("Cancelled: the last scene drawn is shown again"))

    def show_error(self, message: str) -> None:
        self.error_label.setText(printable(message))  # messages quote file names: one line, no escapes

    def tell(self, message: str) -> None:
        self.error_label.setText("")
        self.statusBar().showMessage(printable(message), 5000)

    # -- decks ----------------------------------------------------------------------------------
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
    def language(self) -> str:
        return self.look.value.language

    @property
    def points(self) -> float:
        return style.BASE_POINTS * self.text_scale * (style.PRESENTATION_SCALE if self.presenting else 1.0)
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
        self.presentation.blank.setGeometry(self.rect())

    def save_preferences(self) -> None:
        if self.settings is not None:
            prefs.save(self.settings, self.preferences)

    def closeEvent(self, event) -> None:
        self.closed = True  # nothing more is built ahead for a window no one will see again
        self.warm_up_timer.stop()
        self.panel_timer.stop()
        if self.presentation.presenter is not None:
            self.presentation.presenter.close()
        if self.settings is not None:
            if self.presenting:
                self.presentation.set_presenting(False)
            if self.panel_hidden_for_view:  # the saved layout keeps the panel
                self.dock.show()
            prefs.save_window(self.settings, self)
            self.save_preferences()
        self.runner.wait(2000)
        super().closeEvent(event)

