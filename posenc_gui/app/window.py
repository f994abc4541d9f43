"""The main window: parameter panel (left dock), a view selector grouped by Explore / Learn / Reference
in the toolbar, the current view in the middle, scene notes (bottom dock), a status bar with the value
under the cursor, and menus for files, export, look, language, lecture decks and help.

The state model is the single source of truth: the selector, the Go menu and the deck navigation all
write ``scene.view`` (or a whole scene) to it and redraw from it. Views are built the first time they
are shown; a language switch rebuilds the panel, the views and the menus from the model's scene.
"""

from __future__ import annotations

import math
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QEvent, QRect, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import (QAction, QActionGroup, QIcon, QImage, QKeySequence, QStandardItem, QStandardItemModel,
                           QTextOption)
from PySide6.QtWidgets import (QAbstractItemView, QAbstractSlider, QAbstractSpinBox, QApplication, QComboBox,
                               QDockWidget, QFileDialog, QFrame, QInputDialog, QLabel, QLineEdit, QMainWindow, QMenuBar,
                               QPlainTextEdit, QScrollArea, QStackedWidget, QStyle, QTextEdit, QToolBar)

from ..core import registry
from ..core.params import InputError, printable
from . import export, i18n, memory, settings as prefs, style
from .dialogs import AboutDialog
from .panel import ParameterPanel
from ..files import write_bytes_atomic
from .state import Deck, Scene, StateModel, error_text
from .views import VIEWS, applies
from .worker import LatestRunner

BACKGROUND_ELEMENTS = 4_000_000  # larger requests are computed off the GUI thread
WARM_UP_IDLE_MS = 500  # once the window has been idle this long, build ahead what a switch needs (warm_up_view)
GROUPS = ("explore", "learn", "reference")
TEXT_SCALE_STEP = 1.15
PANEL_SHARE = 0.3  # the parameter panel takes at most this share of the screen's width
SUGGESTED_PNG_WIDTH = 1920
# Keys that a focused editor keeps (except while presenting, when they step through the deck).
EDITING_KEYS = (Qt.Key_Left, Qt.Key_Right, Qt.Key_Up, Qt.Key_Down, Qt.Key_Home, Qt.Key_End)
EDITORS = (QAbstractSlider, QAbstractSpinBox, QLineEdit, QTextEdit, QPlainTextEdit, QComboBox, QAbstractItemView)
ERROR_COLOURS = {"light": "#b00000", "dark": "#ff7070"}


def view_class(key: str):
    return VIEWS[key][2]


def view_title(key: str) -> str:
    """The view's title in the interface language (translated in the context of its class)."""
    cls = view_class(key)
    return i18n.translate(cls.__name__, cls.title)


def grouped_views() -> list[tuple[str, list[str]]]:
    """(group, view keys) in navigation order: Explore, Learn, Reference, then any other group;
    within a group, the order of ``VIEWS``."""
    groups: dict[str, list[str]] = {group: [] for group in GROUPS}
    for key in VIEWS:
        groups.setdefault(getattr(view_class(key), "group", "explore"), []).append(key)
    return [(group, keys) for group, keys in groups.items() if keys]


def read_scene(path: str | Path) -> Scene:
    """One scene from a JSON file; InputError (naming the file) for anything wrong with it."""
    return Scene.load(path, applies())


class MainWindow(QMainWindow):
    """The app's window. ``settings`` (a QSettings) makes preferences and layout persist; without it
    the window starts with defaults and remembers nothing (the self-test runs that way)."""

    def __init__(self, scene: Scene | None = None, settings: QSettings | None = None, language: str = "en",
                 parent=None):
        super().__init__(parent)
        self.settings = settings
        self.preferences = prefs.load(settings) if settings is not None else prefs.Preferences()
        self.theme = style.theme_named(self.preferences.theme)
        style.choose_colour_maps(self.preferences.sequential_map, self.preferences.diverging_map)
        self.text_scale = self.preferences.text_scale
        self.language = language
        self.presenting = False
        self.deck_scenes: list[Scene] = []
        self.deck_title = ""
        self.deck_index = 0
        self.views: dict = {}
        self.commands: dict[str, QAction] = {}
        self.panel_hidden_for_view = False
        # No animated docks: hiding the panel beside a lesson would resize and repaint the view for
        # every frame of the animation (and a projected slide should change at once).
        self.setAnimated(False)

        self.model = self._new_model(scene)
        self.stack = QStackedWidget()
        # an explicit minimum: a view's wide row of controls must not push the window past the screen
        self.stack.setMinimumSize(400, 300)
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

        self.runner = LatestRunner(self._show_result, self._show_error, self)
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
        self._build_translated()
        QApplication.instance().focusChanged.connect(self._watch_focus)
        if settings is None or not prefs.restore_window(settings, self):
            self.resize(1600, 900)
        self.apply_look()

    # -- building ---------------------------------------------------------------------------------
    def _new_model(self, scene: Scene | None) -> StateModel:
        model = StateModel(scene, views=applies(), parent=self)
        model.error.connect(self._show_error)  # changed is connected to refresh after the panel (_build_translated)
        return model

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
        self.model.changed.connect(self.refresh)
        scroll = QScrollArea()
        scroll.setWidget(self.panel)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)  # the panel wraps; a line read sideways is cut
        old = self.dock.widget()
        self.dock.setWidget(scroll)
        if old is not None:
            old.deleteLater()
        self.setMenuBar(QMenuBar())  # the old bar, its menus and actions are deleted
        self.commands = {}
        self._build_file_menu()
        self._build_view_menu()
        self._build_go_menu()
        self._build_deck_menu()
        self._build_help_menu()
        self._build_toolbar()

    def _command(self, name: str, text: str, slot, shortcuts=(), menu=None, checkable=False) -> QAction:
        action = QAction(text, self.menuBar())
        action.setObjectName(name)
        keys = {QKeySequence(s).toString(): QKeySequence(s) for s in shortcuts}  # standard keys may repeat ours
        action.setShortcuts(list(keys.values()))
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        if menu is not None:
            menu.addAction(action)
        self.commands[name] = action
        return action

    def _build_file_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&File"))
        self._command("open_deck", self.tr("&Open deck…"), self._ask_open_deck, [QKeySequence.Open], menu)
        self._command("open_scene", self.tr("Open &scene…"), self._ask_open_scene, ["Ctrl+Shift+O"], menu)
        self._command("save_scene", self.tr("Save scene &as…"), self._ask_save_scene, ["Ctrl+Shift+S"], menu)
        self._command("save_deck", self.tr("Save &deck as…"), self._ask_save_deck, [], menu)
        menu.addSeparator()
        self._command("export_png", self.tr("&Export figure (PNG, SVG, PDF)…"), self._ask_export_figure,
                      [QKeySequence.Save], menu)
        self._command("export_data", self.tr("Export &data (CSV, NPY, NPZ)…"), self._ask_export_data, ["Ctrl+E"],
                      menu)
        self._command("copy_figure", self.tr("&Copy figure"), self.copy_figure, ["Ctrl+Shift+C"], menu)
        self._command("export_handout", self.tr("Export &handout (PDF)…"), self._ask_export_handout, [], menu)
        menu.addSeparator()
        self._command("quit", self.tr("&Quit"), self.close, [QKeySequence.Quit, "Ctrl+Q"], menu)

    def _build_view_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&View"))
        themes = QActionGroup(menu)
        for name, text in (("light", self.tr("&Light theme (high contrast)")), ("dark", self.tr("&Dark theme"))):
            action = self._command(f"theme_{name}", text, lambda _on, n=name: self.set_theme(n), [], menu, True)
            action.setChecked(self.theme.name == name)
            themes.addAction(action)
        self._build_colour_map_menu(menu.addMenu(self.tr("Colour &map")))
        menu.addSeparator()
        presenting = self._command("present", self.tr("&Presentation mode"), self.set_presenting, ["F11", "F5"], menu,
                                   True)  # a clicker's "start slideshow" button sends F5
        presenting.setChecked(self.presenting)
        self._command("larger", self.tr("&Larger text"), lambda: self.set_text_scale(self.text_scale * TEXT_SCALE_STEP),
                      ["Ctrl+=", QKeySequence.ZoomIn], menu)
        self._command("smaller", self.tr("&Smaller text"),
                      lambda: self.set_text_scale(self.text_scale / TEXT_SCALE_STEP), ["Ctrl+-", QKeySequence.ZoomOut],
                      menu)
        self._command("reset_text", self.tr("&Reset text size"), lambda: self.set_text_scale(1.0), ["Ctrl+0"], menu)
        menu.addSeparator()
        languages = menu.addMenu(self.tr("Lan&guage"))
        group = QActionGroup(languages)
        for code, name in i18n.LANGUAGES.items():
            action = self._command(f"language_{code}", name, lambda _on, c=code: self.set_language(c), [], languages,
                                   True)
            action.setChecked(code == self.language)
            group.addAction(action)
        menu.addSeparator()
        notes = self.notes_dock.toggleViewAction()
        notes.setText(self.tr("Scene &notes"))
        menu.addAction(notes)
        parameters = self.dock.toggleViewAction()
        parameters.setText(self.tr("&Parameters"))
        menu.addAction(parameters)

    def _build_colour_map_menu(self, menu) -> None:
        side = round(self.points * 1.6)
        for signed, title, names in ((False, self.tr("Sequential (values from 0 up)"), style.SEQUENTIAL_MAPS),
                                     (True, self.tr("Diverging (centred on 0)"), style.DIVERGING_MAPS)):
            menu.addSection(title)
            group = QActionGroup(menu)
            for name in names:
                action = self._command(f"map_{name}", name, lambda _on, s=signed, n=name: self.set_colour_map(s, n),
                                       [], menu, True)
                action.setIcon(QIcon(style.colour_map_swatch(name, side, side)))
                action.setChecked(style.chosen_colour_map_name(signed) == name)
                group.addAction(action)

    def group_title(self, group: str) -> str:
        titles = {"explore": self.tr("Explore"), "learn": self.tr("Learn"), "reference": self.tr("Reference")}
        return titles.get(group, group.capitalize())

    def _build_go_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Go"))
        self._command("next_view", self.tr("&Next view"), lambda: self.step_view(1),
                      ["Ctrl+Tab", "Ctrl+PgDown"], menu)
        self._command("previous_view", self.tr("&Previous view"), lambda: self.step_view(-1),
                      ["Ctrl+Shift+Tab", "Ctrl+PgUp"], menu)
        group = QActionGroup(menu)
        number = 0
        for name, keys in grouped_views():
            menu.addSection(self.group_title(name))
            for key in keys:
                number += 1
                shortcut = [f"Ctrl+{number}"] if number <= 9 else []
                action = self._command(f"view_{key}", view_title(key), lambda _on, k=key: self.model.set_view(k),
                                       shortcut, menu, True)
                group.addAction(action)

    def _build_deck_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Deck"))
        style_ = self.style()
        self._command("next_scene", self.tr("&Next scene"), lambda: self.go_to_scene(self.deck_index + 1),
                      ["PgDown", "Right", "Down"], menu).setIcon(style_.standardIcon(QStyle.SP_ArrowForward))
        self._command("previous_scene", self.tr("&Previous scene"), lambda: self.go_to_scene(self.deck_index - 1),
                      ["PgUp", "Left", "Up"], menu).setIcon(style_.standardIcon(QStyle.SP_ArrowBack))
        self._command("first_scene", self.tr("&First scene"), lambda: self.go_to_scene(0), ["Home"], menu)
        self._command("last_scene", self.tr("&Last scene"), lambda: self.go_to_scene(len(self.deck_scenes) - 1),
                      ["End"], menu)
        menu.addSeparator()
        self._command("add_scene", self.tr("&Add this scene to the deck"), self.add_scene, ["Ctrl+D"], menu)
        menu.addAction(self.commands["save_deck"])

    def _build_help_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Help"))
        self._command("about", self.tr("&About PosEnc Explorer"), lambda: AboutDialog(self).exec(), [], menu)

    def _build_toolbar(self) -> None:
        if self.toolbar is not None:
            self.removeToolBar(self.toolbar)
            self.toolbar.deleteLater()
        bar = QToolBar(self.tr("Navigation"), self)
        bar.setObjectName("navigation")
        bar.setMovable(False)
        bar.addWidget(QLabel(self.tr("View:") + " "))
        self.selector = QComboBox()
        self.selector.setObjectName("view_selector")
        self.selector.setFocusPolicy(Qt.TabFocus)  # a click must not keep the deck's arrow keys
        self.selector.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        items = QStandardItemModel(self.selector)
        for group, keys in grouped_views():
            header = QStandardItem(self.group_title(group))
            header.setFlags(Qt.ItemIsEnabled)  # readable, not selectable
            items.appendRow(header)
            for key in keys:
                item = QStandardItem("    " + view_title(key))
                item.setData(key, Qt.UserRole)
                items.appendRow(item)
        self.selector.setModel(items)
        self.selector.activated.connect(self._view_chosen)
        bar.addWidget(self.selector)
        bar.addSeparator()
        bar.addAction(self.commands["previous_scene"])
        self.deck_label = QLabel()
        self.deck_label.setObjectName("deck_label")
        bar.addWidget(self.deck_label)
        bar.addAction(self.commands["next_scene"])
        self.addToolBar(Qt.TopToolBarArea, bar)
        self.toolbar = bar

    def _rebuild(self) -> None:
        """Build panel, views and menus anew around the same scene (after a language or colour-map switch).

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
        self._build_translated()
        old_model.deleteLater()
        self.apply_look()

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

    @property
    def current_view(self):
        return self.view(self.model.scene.view)

    def _view_chosen(self, row: int) -> None:
        key = self.selector.itemData(row, Qt.UserRole)
        if key:
            self.model.set_view(key)
        else:  # a group header: stay on the current view
            self._sync_navigation(self.model.scene)

    def applicable_views(self) -> list[str]:
        method = self.model.method
        return [key for _, keys in grouped_views() for key in keys if VIEWS[key][1](method)]

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
                item.setEnabled(VIEWS[key][1](method))
                if key == scene.view:
                    self.selector.setCurrentIndex(row)
        for key in VIEWS:
            action = self.commands[f"view_{key}"]
            action.setEnabled(VIEWS[key][1](method))
            action.setChecked(key == scene.view)
        self._sync_deck()

    # -- state -> views -------------------------------------------------------------------------
    def refresh(self, scene: Scene) -> None:
        """Show the scene's view and have it fetch and draw its data (big requests in the worker)."""
        self.warm_up_timer.start()  # (again): views are built ahead only while nothing else happens
        if self.deck_scenes:
            self.deck_scenes[self.deck_index] = scene  # edits stay with the deck; Save deck writes them
        self._sync_navigation(scene)
        view = self.view(scene.view)
        if self.stack.currentWidget() is not view:
            self._switch_to(view)
        try:
            big = view.size(scene) > BACKGROUND_ELEMENTS
        except InputError as error:
            self._show_error(error_text(error))
            return
        if big:
            self.runner.submit(lambda: view.fetch(scene), (view, scene))
            self.hover_label.setText(self.tr("computing…"))
            return
        self.runner.cancel()
        try:
            data = view.fetch(scene)
        except InputError as error:
            self._show_error(error_text(error))
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
        self._show_panel_for(view)
        self.stack.setCurrentWidget(view)
        # every widget shown posts itself an update for later: one already asked for (by the panel, say) painted the
        # view first, then these painted it all again
        QApplication.sendPostedEvents(None, QEvent.UpdateLater)
        if had_focus:  # into the new view, as the stack would: its last focused widget, else its plots
            (view.focusWidget() or view.graphics).setFocus()

    def warm_up_view(self) -> bool:
        """Build ahead, while the window is idle, what a later switch would otherwise build (a lesson's plots
        take up to 120 ms): one item per idle moment, then wait for the next. First the views that apply to
        the method, with the scene drawn into them; then the other views, with the first method they apply
        to; then the spare panels views keep for larger scenes (``View.build_ahead``). Views are drawn
        hidden, at the size they will have. With nothing left to build, the objects built are settled
        once (``memory.settle_long_lived_objects``). Returns whether it built anything."""
        key = next((key for key in self.applicable_views() + list(VIEWS) if key not in self.views), None)
        if key is not None:
            self._build_ahead(key)
        elif not any(view.build_ahead() for view in self.views.values()):
            if not self.settled:
                memory.settle_long_lived_objects()
                self.settled = True
            return False
        self.warm_up_timer.start()
        return True

    def _build_ahead(self, key: str) -> None:
        """Build view ``key`` and draw into it, hidden: the scene, or the defaults of the first method the
        view applies to when it does not apply to the scene's."""
        view = self.view(key)
        view.setGeometry(self._room_for(view))  # laid out as it will be shown
        view.grab(QRect(0, 0, 1, 1))  # a hidden widget is laid out only when shown or rendered
        scene = replace(self.model.scene, view=key)
        if not view.applies_to(scene.method_obj):
            method = next(method for method in registry.all_methods() if view.applies_to(method))
            scene = replace(scene, method=method.name, params=method.defaults()).validated(applies())
        try:
            if view.size(scene) <= BACKGROUND_ELEMENTS:
                view.show_data(scene, view.fetch(scene))
        except InputError:
            pass  # the view says so when it is shown

    def _panel_beside(self, view) -> bool:
        """Whether the parameter panel is shown beside ``view``: hidden beside a view that ignores the
        method (``uses_method``), shown again with the next view that uses it (unless closed by hand)."""
        return view.uses_method and (not self.dock.isHidden() or self.panel_hidden_for_view)

    def _room_for(self, view) -> QRect:
        """The stack's rectangle as it will be when ``view`` is shown (wider by the panel when the view
        hides it, narrower when it brings it back)."""
        room = self.stack.contentsRect()
        panel = self.dock.width() + self.style().pixelMetric(QStyle.PM_DockWidgetSeparatorExtent)
        room.setWidth(room.width() + panel * ((not self.dock.isHidden()) - self._panel_beside(view)))
        return room

    def _show_panel_for(self, view) -> None:
        """Show or hide the parameter panel as ``_panel_beside`` says. The window is laid out at once, so
        that the view shown next takes the new room when shown, not in two more layout and paint passes
        (at the old size, then the new)."""
        shown = self._panel_beside(view)
        if shown == (not self.dock.isHidden()):
            return
        self.dock.setVisible(shown)
        self.panel_hidden_for_view = not shown
        self.layout().activate()

    def _show_result(self, tag, data) -> None:
        view, scene = tag
        if view not in self.views.values():
            return  # finished after a rebuild replaced the view
        view.show_data(scene, data)
        self.error_label.setText("")
        if self.hover_label.text() == self.tr("computing…"):
            self.hover_label.setText("")
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

    def _show_error(self, message: str) -> None:
        self.error_label.setText(printable(message))  # messages quote file names: one line, no escapes

    def _tell(self, message: str) -> None:
        self.error_label.setText("")
        self.statusBar().showMessage(printable(message), 5000)

    # -- decks ----------------------------------------------------------------------------------
    def open_deck(self, path: str | Path) -> bool:
        """Load a deck and show its first scene; a bad file leaves everything as it was."""
        try:
            deck = Deck.load(path, views=applies())
        except InputError as error:
            self._show_error(error_text(error))
            return False
        self.set_deck(deck, path)
        return True

    def set_deck(self, deck: Deck, path: str | Path | None = None) -> None:
        """Show ``deck`` from its first scene; ``path``, when given, is remembered for the file dialogs."""
        if path is not None:
            self.preferences.last_deck = str(Path(path).resolve())
            self._save_preferences()
        self.deck_scenes = list(deck.scenes)
        self.deck_title = deck.title
        self.deck_index = 0
        self.notes_dock.show()
        if not self.model.set_scene(self.deck_scenes[0]):
            self._sync_deck()

    def go_to_scene(self, index: int) -> None:
        if not self.deck_scenes:
            return
        self.deck_index = min(max(index, 0), len(self.deck_scenes) - 1)
        if not self.model.set_scene(self.deck_scenes[self.deck_index]):
            self._sync_deck()

    def add_scene(self) -> None:
        """Put a copy of the current scene after the current one (or start a deck with it) and go there."""
        scene = replace(self.model.scene, title="", notes="")
        if not self.deck_scenes:
            self.deck_scenes, self.deck_index = [scene], 0
        else:
            self.deck_index += 1
            self.deck_scenes.insert(self.deck_index, scene)
        self.notes_dock.show()
        if not self.model.set_scene(scene):
            self._sync_deck()

    def current_deck(self) -> Deck:
        """The open deck with its edits, or a one-scene deck of the current scene."""
        return Deck(tuple(self.deck_scenes or [self.model.scene]), self.deck_title)

    def _sync_deck(self) -> None:
        count = len(self.deck_scenes)
        self.commands["next_scene"].setEnabled(0 <= self.deck_index < count - 1)
        self.commands["previous_scene"].setEnabled(0 < self.deck_index < count)
        self.commands["first_scene"].setEnabled(count > 1)
        self.commands["last_scene"].setEnabled(count > 1)
        scene = self.model.scene
        if count:
            text = self.tr("scene {0} of {1}").format(self.deck_index + 1, count)
            if scene.title:
                text = self.tr("{0}: {1}").format(text, scene.title)
        else:
            text = self.tr("no deck open")
        title = self.tr("PosEnc Explorer")
        self.setWindowTitle(self.tr("{0} — {1}").format(self.deck_title, title) if self.deck_title else title)
        self.deck_label.setText(" " + text + " ")
        self.deck_label.setToolTip(scene.notes)
        self.notes.setPlainText(scene.notes or self.tr("(no notes for this scene)"))
        if self.notes_dock.isVisible():  # just tall enough for the notes, up to a third of the window
            self.notes.document().setTextWidth(self.notes_dock.width())
            title_height = self.notes_dock.titleBarWidget().sizeHint().height()
            height = math.ceil(self.notes.document().size().height()) + title_height
            self.resizeDocks([self.notes_dock], [min(height, self.height() // 3)], Qt.Vertical)

    # -- files ----------------------------------------------------------------------------------
    def save_scene(self, path: str | Path) -> bool:
        return self._write(lambda: self.model.scene.save(path), path)

    def open_scene(self, path: str | Path) -> bool:
        try:
            scene = read_scene(path)
        except InputError as error:
            self._show_error(error_text(error))
            return False
        self.model.set_scene(scene)
        return True

    def save_deck(self, path: str | Path) -> bool:
        return self._write(lambda: self.current_deck().save(path), path)

    def figure(self, width: int | None = None) -> QImage:
        """The current view's figure: its plots, or for a page of text (no plots shown) the page as
        shown; ``width`` in pixels scales it."""
        view = self.current_view
        if view.graphics.isVisible():
            return export.view_image(view, width)
        if width is not None and not 16 <= width <= export.MAX_PNG_SIDE:
            raise InputError(self.tr("PNG width must be from {0} to {1} pixels, not {2}").format(
                16, export.MAX_PNG_SIDE, width))
        image = view.grab().toImage()
        return image if width is None else image.scaledToWidth(width, Qt.SmoothTransformation)

    def record(self) -> str:
        """What an exported file records of how it was made: app version, method, view, parameters."""
        scene = self.model.scene
        return export.provenance(scene.method, f"{scene.view} view", scene.params)

    def export_figure(self, path: str | Path, width: int | None = None) -> bool:
        """Write the figure as .png (at ``width`` pixels), or as a vector .svg / .pdf."""
        def write() -> None:
            suffix = export.figure_suffix(path)
            view = self.current_view
            if suffix == ".png":
                data = export.png_bytes(self.figure(width), self.record())
            elif view.graphics.isVisible():
                data = export.figure_bytes(view, suffix, record=self.record())
            else:
                data = export.image_document(self.figure(), suffix, self.record())
            write_bytes_atomic(Path(path), data)
        return self._write(write, path)

    def export_data(self, path: str | Path) -> bool:
        return self._write(lambda: export.write_arrays(path, self.current_view.shown, self.record()), path)

    def export_handout(self, path: str | Path) -> bool:
        """A PDF of the deck, one page per scene, in the interface language and the light theme (for paper)."""
        return self._write(lambda: export.write_handout(self.current_deck(), path, self.language), path)

    def copy_figure(self) -> None:
        QApplication.clipboard().setImage(self.figure())
        self._tell(self.tr("Figure copied to the clipboard"))

    def _write(self, write, path) -> bool:
        try:
            write()
        except InputError as error:
            self._show_error(error_text(error))
            return False
        self._tell(self.tr("Saved {0}").format(Path(path).name))
        return True

    def _start_folder(self) -> str:
        """Where a file dialog opens: the folder of the last file opened or saved, else the last deck's."""
        for folder in (self.preferences.last_folder, self.preferences.last_deck and str(Path(self.preferences.last_deck).parent)):
            if folder and Path(folder).is_dir():
                return folder
        return str(Path.home())

    def _remember_folder(self, path: str) -> str:
        if path:
            self.preferences.last_folder = str(Path(path).resolve().parent)
            self._save_preferences()
        return path

    def _ask_open(self, title: str, filters: str) -> str:
        path, _ = QFileDialog.getOpenFileName(self, title, self._start_folder(), filters)
        return self._remember_folder(path)

    def _ask_open_deck(self) -> None:
        path = self._ask_open(self.tr("Open lecture deck"), self.tr("Lecture decks (*.posdeck *.json);;All files (*)"))
        if path:
            self.open_deck(path)

    def _ask_open_scene(self) -> None:
        path = self._ask_open(self.tr("Open scene"), self.tr("Scenes (*.json);;All files (*)"))
        if path:
            self.open_scene(path)

    def _ask_save(self, title: str, name: str, filters: str) -> tuple[str, str]:
        """The chosen path and filter; the path gets the filter's suffix when it has none of its own."""
        path, chosen = QFileDialog.getSaveFileName(self, title, str(Path(self._start_folder()) / name), filters)
        suffix = chosen[chosen.find("*.") + 1:].split()[0].rstrip(")") if "*." in chosen else ""
        if path and suffix and not Path(path).suffix:
            path += suffix
        return self._remember_folder(path), suffix

    def _ask_save_scene(self) -> None:
        path, _ = self._ask_save(self.tr("Save scene"), "scene.json", self.tr("Scenes (*.json)"))
        if path:
            self.save_scene(path)

    def _ask_save_deck(self) -> None:
        path, _ = self._ask_save(self.tr("Save deck"), "lecture.posdeck", self.tr("Lecture decks (*.posdeck *.json)"))
        if path:
            self.save_deck(path)

    def _ask_export_figure(self) -> None:
        filters = ";;".join((self.tr("PNG image (*.png)"), self.tr("SVG vector drawing (*.svg)"),
                             self.tr("PDF vector document (*.pdf)")))
        path, _ = self._ask_save(self.tr("Export figure"), self.model.scene.view, filters)
        if not path:
            return
        width = None
        if Path(path).suffix.lower() == ".png":
            width, ok = QInputDialog.getInt(
                self, self.tr("Export figure as PNG"),
                self.tr("Width in pixels (the height follows the figure; text scales with it):"),
                SUGGESTED_PNG_WIDTH, 16, export.MAX_PNG_SIDE, 100)
            if not ok:
                return
        self.export_figure(path, width)

    def _ask_export_data(self) -> None:
        filters = ";;".join((self.tr("CSV table, main array (*.csv)"), self.tr("NumPy array, main array (*.npy)"),
                             self.tr("NumPy archive, every array shown (*.npz)")))
        path, _ = self._ask_save(self.tr("Export data"), self.model.scene.view, filters)
        if path:
            self.export_data(path)

    def _ask_export_handout(self) -> None:
        path, _ = self._ask_save(self.tr("Export handout"), "handout.pdf", self.tr("PDF documents (*.pdf)"))
        if path:
            self.export_handout(path)

    # -- look -----------------------------------------------------------------------------------
    @property
    def points(self) -> float:
        return style.BASE_POINTS * self.text_scale * (style.PRESENTATION_SCALE if self.presenting else 1.0)

    def set_theme(self, name: str) -> None:
        self.theme = style.theme_named(name)
        self.commands[f"theme_{self.theme.name}"].setChecked(True)
        self.preferences.theme = self.theme.name
        self._save_preferences()
        self.apply_look()

    def set_colour_map(self, signed: bool, name: str) -> None:
        """Use map ``name`` for signed (diverging) or unsigned (sequential) data; every view is built
        anew with it (views pick their map when they draw)."""
        if signed:
            self.preferences.diverging_map = name
        else:
            self.preferences.sequential_map = name
        style.choose_colour_maps(self.preferences.sequential_map, self.preferences.diverging_map)
        self._save_preferences()
        self._rebuild()

    def set_text_scale(self, scale: float) -> None:
        self.text_scale = min(max(scale, style.MIN_SCALE), style.MAX_SCALE)
        self.preferences.text_scale = self.text_scale
        self._save_preferences()
        self.apply_look()

    def set_presenting(self, on: bool) -> None:
        """Presentation mode: full screen, text and lines scaled by ``style.PRESENTATION_SCALE``,
        and the arrow keys step through the deck wherever the focus is."""
        if on == self.presenting:
            return
        self.presenting = on
        self.commands["present"].setChecked(on)
        if on:
            self._state_before_presenting = self.windowState()
            self.showFullScreen()
        else:
            self.setWindowState(self._state_before_presenting)
        self.apply_look()

    def set_language(self, code: str) -> None:
        """Switch the interface language at once: the panel, views and menus are rebuilt from the state."""
        self.language = i18n.install(QApplication.instance(), code)
        self.preferences.language = self.language
        self._save_preferences()
        self._rebuild()

    def apply_look(self) -> None:
        app = QApplication.instance()
        points = self.points
        style.apply_app_theme(app, self.theme, points)
        for widget in (self, self.menuBar(), self.toolbar, self.selector, self.dock, self.notes_dock, self.panel,
                       self.stack, self.statusBar(), self.notes):
            font = widget.font()
            font.setPointSizeF(points)
            widget.setFont(font)
        headers = self.selector.model()
        for row in range(headers.rowCount()):
            if not headers.item(row).data(Qt.UserRole):
                font = self.selector.font()
                font.setBold(True)
                headers.item(row).setFont(font)
        # the panel as wide as it needs at this text size (nothing clipped), up to a share of the screen
        needed = self.panel.sizeHint().width() + self.style().pixelMetric(QStyle.PM_ScrollBarExtent) + 4
        self.dock.widget().setMinimumWidth(min(needed, int(self.screen().availableGeometry().width() * PANEL_SHARE)))
        size = round(points * 1.6)
        self.toolbar.setIconSize(QSize(size, size))
        self.error_label.setStyleSheet(f"color: {ERROR_COLOURS.get(self.theme.name, '#b00000')}; font-weight: bold")
        for view in self.views.values():
            view.set_look(self.theme, points)
        self.refresh(self.model.scene)

    # -- keys, closing --------------------------------------------------------------------------
    def _watch_focus(self, _old, new) -> None:
        """Filter the keys of the focused widget only (``eventFilter``): an application-wide filter
        would run Python for every paint and layout event of every widget."""
        if new is not None and new.window() is self:
            new.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        """Arrow, Home and End keys stay with a focused slider, spin box or text field, except while
        presenting: then they step through the deck (a clicker may send them). A widget that lost the
        focus is let go at its next event (not when it loses it: it may be being deleted then)."""
        if event.type() != QEvent.ShortcutOverride:
            if not watched.hasFocus():
                watched.removeEventFilter(self)
            return False
        if event.key() in EDITING_KEYS and not event.modifiers() & ~Qt.KeypadModifier and self.deck_scenes:
            if self.presenting:
                event.ignore()
                return True
            if isinstance(watched, EDITORS):
                event.accept()
                return True
        return False

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key_Escape and self.presenting:
            self.set_presenting(False)
            return
        super().keyPressEvent(event)

    def _save_preferences(self) -> None:
        if self.settings is not None:
            prefs.save(self.settings, self.preferences)

    def closeEvent(self, event) -> None:
        if self.settings is not None:
            if self.presenting:
                self.set_presenting(False)
            if self.panel_hidden_for_view:  # the saved layout keeps the panel
                self.dock.show()
            prefs.save_window(self.settings, self)
            self._save_preferences()
        self.runner.wait(2000)
        super().closeEvent(event)
