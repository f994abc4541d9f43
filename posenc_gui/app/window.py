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

import shiboken6

from PySide6.QtCore import QEvent, QRect, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import (QAction, QActionGroup, QIcon, QImage, QKeySequence, QStandardItem, QStandardItemModel,
                           QTextOption)
from PySide6.QtWidgets import (QApplication, QComboBox, QDockWidget, QFileDialog, QFrame, QInputDialog, QLabel,
                               QMainWindow, QMenuBar, QProgressBar, QScrollArea, QSizePolicy, QStackedWidget, QStyle,
                               QTextEdit, QToolBar, QToolButton, QWidget)
from superqt.utils import signals_blocked

from ..core import model_config, registry
from ..core.cancel import Cancelled
from ..core.params import InputError, printable
from . import export, help_pages, i18n, memory, recent, settings as prefs, start_page, style, tour
from .deck_navigator import DeckNavigator
from .look_model import LookModel
from ..look import COLOUR_MAPS, Look, LookChange
from .dialogs import AboutDialog
from .presenter import PresenterWindow, choose_screens
from .panel import ParameterPanel
from ..files import write_bytes_atomic
from ..scene import in_language
from .state import DECK_TEXT, Deck, Scene, SceneChange, StateModel, error_text
from .views import applies
from .views.model_config import scene_for_config
from .worker import PROGRESS_AFTER_MS, LatestRunner, run_with_progress
from .clicker import clicker_command
from .view_catalogue import grouped_views, view_applies, view_class, view_keys, view_title
from .widgets import ElidedLabel, busy_cursor

BACKGROUND_ELEMENTS = 4_000_000  # larger requests are computed off the GUI thread
PANELS_AT_ONCE = 16  # a drawing that needs more new panels than this waits for them, built one a turn of the event loop
WARM_UP_IDLE_MS = 500  # once the window has been idle this long, build ahead what a switch needs (warm_up_view)
TEXT_SCALE_STEP = 1.15
PANEL_SHARE = 0.3  # the parameter panel takes at most this share of the screen's width
SUGGESTED_PNG_WIDTH = 1920
VIEW_REPLACED_MS = 8000  # how long the status bar says why the view changed by itself
AUDIENCE_TITLE_SCALE = 1.3  # the view's title above it while presenting, larger than the text
ERROR_COLOURS = {"light": "#b00000", "dark": "#ff7070"}


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
        style.choose_colour_maps(self.preferences.sequential_map, self.preferences.diverging_map)
        self.look = LookModel(Look(theme=style.theme_named(self.preferences.theme).name,
                                   text_scale=self.preferences.text_scale, language=language,
                                   sequential_map=style.chosen_colour_map_name(False),
                                   diverging_map=style.chosen_colour_map_name(True)), self)
        self.look.changed.connect(self._look_changed)
        self.before_presenting: dict = {}  # what presenting hides or moves, to put back after
        self.panel_while_presenting = False  # brought back by a key (P) for a live change
        self.deck = DeckNavigator(self)
        self.deck.changed.connect(self._show_deck_scene)
        self.presenter: PresenterWindow | None = None
        self.focus_before_blank: QWidget | None = None
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
        self.audience_title = QLabel()  # what the hall reads above the view while presenting
        self.audience_title.setObjectName("audience_title")
        self.audience_title.setMargin(6)
        self.audience_title.setTextFormat(Qt.PlainText)  # a scene's title as written, bold by its font
        self.blank = QWidget(self)  # B or ".": a black screen until any key or click
        self.blank.setObjectName("blank_screen")
        self.blank.setStyleSheet("background: black")
        self.blank.setAttribute(Qt.WA_StyledBackground)
        self.blank.setFocusPolicy(Qt.StrongFocus)
        self.blank.setCursor(Qt.BlankCursor)  # nothing on the black screen, not even the pointer
        self.blank.installEventFilter(self)
        self.blank.hide()
        self.setCentralWidget(self.stack)
        # the title in a bar of its own above the view, not in a box around the stack: one layout more around the
        # views painted them again after a switch
        self.title_bar = QToolBar(self)
        self.title_bar.setObjectName("audience_title_bar")
        self.title_bar.setMovable(False)
        self.title_bar.toggleViewAction().setVisible(False)  # not among the window's bars to switch on
        self.title_bar.addWidget(self.audience_title)
        self.addToolBar(Qt.TopToolBarArea, self.title_bar)
        self.title_bar.hide()
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

        self.runner = LatestRunner(self._show_result, self._show_error, self)
        self.runner.busy.connect(self._sync_busy)
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
        QApplication.instance().focusChanged.connect(self._watch_focus)
        if settings is None or not prefs.restore_window(settings, self):
            self.resize(1600, 900)
        self.apply_look()
        self._focus_view()

    # -- building ---------------------------------------------------------------------------------
    def _new_model(self, scene: Scene | None) -> StateModel:
        model = StateModel(scene, views=applies(), parent=self)
        model.error.connect(self._show_error)  # changed is connected to refresh after the panel (_build_translated)
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
        self.setMenuBar(QMenuBar())  # the old bar, its menus and actions are deleted
        self.commands = {}
        self._build_file_menu()
        self._build_view_menu()
        self._build_go_menu()
        self._build_deck_menu()
        self._build_help_menu()
        self._build_toolbar()
        self.cancel_button.setDefaultAction(self._command("cancel_work", self.tr("Cancel"), self.cancel_work, ["Esc"]))
        self._sync_busy()
        for action in self.actions():  # the old menus' actions, deleted later: their keys would be ambiguous
            self.removeAction(action)
        self.addActions(list(self.commands.values()))  # their keys work with the menu bar hidden (presenting)

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
        recent_menu = menu.addMenu(self.tr("Open &recent"))
        recent_menu.aboutToShow.connect(lambda: recent.fill_menu(recent_menu, self.recent, self.open_deck,
                                                                 self._show_error))
        self._command("open_scene", self.tr("Open &scene…"), self._ask_open_scene, ["Ctrl+Shift+O"], menu)
        self._command("save_scene", self.tr("Save scene &as…"), self._ask_save_scene, ["Ctrl+Shift+S"], menu)
        self._command("save_deck", self.tr("Save &deck as…"), self._ask_save_deck, [], menu)
        menu.addSeparator()
        self._command("open_model_config", self.tr("Open &model config…"), self._ask_open_model_config, [], menu)
        examples = menu.addMenu(self.tr("E&xample models"))
        for path in model_config.example_configs():
            self._command(f"example_{path.stem}", path.stem, lambda _=False, path=path: self.open_model_config(path),
                          [], examples)
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
        # The keys shown here are the clicker's; the window takes them itself (clicker_command), from any widget.
        self._command("next_scene", self.tr("&Next scene"), lambda: self.deck.step(1),
                      ["PgDown"], menu).setIcon(style_.standardIcon(QStyle.SP_ArrowForward))
        self._command("previous_scene", self.tr("&Previous scene"), lambda: self.deck.step(-1),
                      ["PgUp"], menu).setIcon(style_.standardIcon(QStyle.SP_ArrowBack))
        self._command("first_scene", self.tr("&First scene"), self.deck.first, ["Home"], menu)
        self._command("last_scene", self.tr("&Last scene"), self.deck.last, ["End"], menu)
        self._command("blank", self.tr("&Blank the screen"), lambda: self.set_blank(True), ["B"], menu)
        menu.addSeparator()
        self._command("update_scene", self.tr("&Update scene (keep the live changes)"), self.update_scene, [], menu)
        self._command("reset_scene", self.tr("&Reset scene (as saved)"), self.reset_scene, [], menu)
        self._command("add_scene", self.tr("&Add this scene to the deck"), self.add_scene, ["Ctrl+D"], menu)
        menu.addAction(self.commands["save_deck"])

    def _build_help_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Help"))
        self._command("guide", self.tr("&User guide"), lambda: help_pages.guide_dialog(self).exec(), ["F1"], menu)
        self._command("shortcuts", self.tr("&Keyboard shortcuts"), lambda: help_pages.shortcuts_dialog(self).exec(),
                      ["Ctrl+/"], menu)
        self._command("start_page", self.tr("&Start page"), lambda: start_page.show(self), [], menu)
        self._command("tour", self.tr("Guided &tour"), lambda: tour.start(self), [], menu)
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
        # when the bar is short of room, the deck strip (which elides) gives it up, not the selector
        self.selector.setSizePolicy(QSizePolicy.Fixed, QSizePolicy.Fixed)
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
        self.deck_label = ElidedLabel()
        self.deck_label.setObjectName("deck_label")
        bar.addWidget(self.deck_label)
        bar.addAction(self.commands["next_scene"])
        self.addToolBar(Qt.TopToolBarArea, bar)
        self.toolbar = bar

    def _rebuild(self) -> None:
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
        self.apply_look()
        self._focus_view()  # the focused widget went with the old view: not to the View selector

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

    def _view_chosen(self, row: int) -> None:
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
        self._sync_deck()

    # -- state -> views -------------------------------------------------------------------------
    def _scene_edited(self, change: SceneChange) -> None:
        """A change of the deck's texts alone (a scene's title or notes) touches no view: only the deck's strip, the
        window title and the notes show it."""
        if change.fields <= DECK_TEXT:
            self._sync_deck()
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
            return view.uses_method and self.panel_while_presenting
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
            self._sync_busy()
            return
        kept = self.fetched.get(view)
        if kept is not None and kept[1] is data:  # drawn already: what changed is outside the view's data
            view.show_selection(scene, data)
        else:
            view.show_data(scene, data)
        self.fetched[view] = (view.data_key(scene), data)
        self.drawn_scene, self.drawn_deck_index = scene, self.deck.index
        self._sync_busy()  # a drawing waiting for its panels may have been superseded by this one
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

    def _sync_busy(self, *_) -> None:
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
        self._sync_deck()
        self._sync_busy()
        self.hover_label.setText("")
        self._tell(self.tr("Cancelled: the last scene drawn is shown again"))

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
            self.recent.add(path)
        if not self.presenting:
            self.notes_dock.show()
        self.deck.open(deck)

    # The deck as the rest of the app reads it (the self-test, the tests): the saved scenes and where it is.
    @property
    def deck_scenes(self) -> list[Scene]:
        return self.deck.scenes

    @property
    def deck_index(self) -> int:
        return self.deck.index

    @property
    def deck_title(self) -> str:
        return self.deck.title

    @property
    def deck_title_zh(self) -> str:
        return self.deck.title_zh

    def go_to_scene(self, index: int) -> None:
        """Show scene ``index`` as saved (the live changes of the scene left are dropped); nothing happens
        at the scene shown, so a step past the first or last scene changes nothing."""
        self.deck.go_to(index)

    def update_scene(self) -> None:
        """Deck › Update scene: the live changes become the scene's saved state (Save deck writes them)."""
        self.deck.update_scene(self.model.scene)
        self._tell(self.tr("Scene {0} updated").format(self.deck.index + 1))

    def reset_scene(self) -> None:
        """Deck › Reset scene: back to the scene as saved."""
        if self.deck.is_open:
            self._show_deck_scene()

    def add_scene(self) -> None:
        """Put a copy of the current scene after the current one (or start a deck with it) and go there."""
        if not self.presenting:
            self.notes_dock.show()
        self.deck.add_scene(self.model.scene)

    def current_deck(self) -> Deck:
        """The open deck as saved, or a one-scene deck of the current scene."""
        return self.deck.deck() or Deck((self.model.scene,))

    def _show_deck_scene(self) -> None:
        """Show the deck's current scene as saved."""
        if not self.model.set_scene(self.deck.scene):
            self._sync_deck()

    def _sync_deck(self) -> None:
        """The deck's controls, strip, window title, notes and presenter window after a change of scene."""
        count, index = self.deck.count, self.deck.index
        self.commands["next_scene"].setEnabled(count > 0 and not self.deck.at_last)
        self.commands["previous_scene"].setEnabled(count > 0 and not self.deck.at_first)
        self.commands["first_scene"].setEnabled(count > 1)
        self.commands["last_scene"].setEnabled(count > 1)
        for name in ("update_scene", "reset_scene"):
            self.commands[name].setEnabled(count > 0)
        self.commands["blank"].setEnabled(count > 0 or self.presenting)
        scene = self.model.scene
        scene_title, notes = scene.title_in(self.language), scene.notes_in(self.language)
        deck_title = in_language(self.language, self.deck.title, self.deck.title_zh)
        if count:
            text = self.tr("scene {0} of {1}").format(index + 1, count)
            if scene_title:
                text = self.tr("{0}: {1}").format(text, scene_title)
        else:
            text = self.tr("no deck open")
        title = self.tr("PosEnc Explorer")
        if count:  # where the lecture is, for window lists and assistive tools: "3/27 · Four published layouts"
            where = " · ".join(part for part in (f"{index + 1}/{count}", scene_title or deck_title) if part)
            self.setWindowTitle(self.tr("{0} — {1}").format(where, title))
        else:
            self.setWindowTitle(title)
        self.deck_label.setText(" " + text + " ")
        self.deck_label.setToolTip(notes)
        self.audience_title.setText(scene_title or view_title(scene.view))
        self.notes.setPlainText(notes or self.tr("(no notes for this scene)"))
        if self.presenter is not None:
            upcoming = self.deck.next_scene
            self.presenter.show_scene(index + 1, count, scene_title or view_title(scene.view),
                                      None if upcoming is None else upcoming.title_in(self.language)
                                      or view_title(upcoming.view), notes,
                                      "" if upcoming is None else self.tr("{0} · {1}").format(
                                          view_title(upcoming.view),
                                          i18n.translate("core", upcoming.method_obj.title)))
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

    def open_model_config(self, path: str | Path) -> bool:
        """Show the config.json at ``path``: its layer strip, and the rope method set to its first RoPE layer type;
        a file that is not a usable config (or values outside the app's ranges) leaves everything as it was."""
        try:
            scene, settings = scene_for_config(path, self.model.scene)
        except InputError as error:
            self._show_error(error_text(error))
            return False
        try:
            scene = scene.validated(applies())
        except InputError as error:  # a value outside the app's ranges (a base over 1e7, a head over 2048)
            self._show_error(self.tr("{0}: {1}").format(Path(path).name, error_text(error)))
            return False
        self.model.set_scene(scene)
        self._tell(self.tr("Opened {0}; the layer strip lists what the scene leaves out").format(Path(path).name)
                   if settings.not_simulated else self.tr("Opened {0}").format(Path(path).name))
        return True

    def dragEnterEvent(self, event) -> None:
        """A file dragged over the window: a deck (.posdeck) or a model config (any other file)."""
        if event.mimeData().hasUrls() and all(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        """Open the first file dropped: a .posdeck as a deck, anything else as a model config."""
        path = event.mimeData().urls()[0].toLocalFile()
        event.acceptProposedAction()
        if Path(path).suffix.lower() == ".posdeck":
            self.open_deck(path)
        else:
            self.open_model_config(path)

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
            with busy_cursor():
                if suffix == ".png":
                    data = export.png_bytes(self.figure(width), self.record())
                elif view.graphics.isVisible():
                    data = export.figure_bytes(view, suffix, record=self.record())
                else:
                    data = export.image_document(self.figure(), suffix, self.record())
                write_bytes_atomic(Path(path), data)
        return self._write(write, path)

    def export_data(self, path: str | Path) -> bool:
        """Write the arrays shown, in a worker (a large archive takes seconds); Cancel in its progress dialog leaves
        the old file as it was."""
        arrays, record = dict(self.current_view.shown), self.record()
        label = self.tr("Writing {0}…").format(Path(path).name)
        return self._write(lambda: run_with_progress(self, label, lambda: export.write_arrays(path, arrays, record)),
                           path)

    def export_handout(self, path: str | Path) -> bool:
        """A PDF of the deck, one page per scene, in the interface language and the light theme (for paper)."""
        def write() -> None:
            with busy_cursor():
                export.write_handout(self.current_deck(), path, self.language)
        return self._write(write, path)

    def copy_figure(self) -> None:
        QApplication.clipboard().setImage(self.figure())
        self._tell(self.tr("Figure copied to the clipboard"))

    def _write(self, write, path) -> bool:
        try:
            write()
        except InputError as error:
            self._show_error(error_text(error))
            return False
        except Cancelled:
            self._tell(self.tr("Cancelled: {0} was not written").format(Path(path).name))
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

    def _ask_open_model_config(self) -> None:
        path = self._ask_open(self.tr("Open model config"), self.tr("Model configs (*.json);;All files (*)"))
        if path:
            self.open_model_config(path)

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

    def set_theme(self, name: str) -> None:
        self.look.update(theme=style.theme_named(name).name)

    def set_colour_map(self, signed: bool, name: str) -> None:
        """Use map ``name`` for signed (diverging) or unsigned (sequential) data (``_look_changed`` re-colours)."""
        self.look.update(**{"diverging_map" if signed else "sequential_map": name})

    def set_text_scale(self, scale: float) -> None:
        self.look.update(text_scale=min(max(scale, style.MIN_SCALE), style.MAX_SCALE))

    def _look_changed(self, change: LookChange) -> None:
        """Follow a new theme, text size or colour map. Presenting and the language move and rebuild parts of the
        window in an order of their own: their setters do it and only record the new value in the look."""
        look = change.new
        self.preferences.theme, self.preferences.text_scale = look.theme, look.text_scale
        self.preferences.sequential_map, self.preferences.diverging_map = look.sequential_map, look.diverging_map
        if "language" in change.fields:
            self.preferences.language = look.language
        if change.fields & {"theme", "text_scale", "language", *COLOUR_MAPS}:
            self._save_preferences()
        if change.fields & COLOUR_MAPS:
            self._recolour(change.old)
        if change.fields & {"theme", "text_scale"}:
            self.commands[f"theme_{look.theme}"].setChecked(True)
            self.apply_look()

    def _recolour(self, old: Look) -> None:
        """The images of every view take the maps just chosen, in place: nothing is built or computed again. The view
        shown is drawn again from its data (the numbers written in cells take the colour that reads on the new map)."""
        style.choose_colour_maps(self.look.value.sequential_map, self.look.value.diverging_map)
        maps = {getattr(old, side): style.colour_map(side == "diverging_map") for side in COLOUR_MAPS
                if getattr(old, side) != getattr(self.look.value, side)}
        for view in self.views.values():
            view.recolour(maps)
        self.refresh(self.model.scene)

    def set_presenting(self, on: bool) -> None:
        """Presentation mode: the audience sees the view and its title only (no menus, toolbar, panel or notes),
        full screen, text and lines scaled by ``style.PRESENTATION_SCALE``; P brings the panel back, N the
        notes. With a second screen the view goes to the projector and the presenter window to the lecturer's
        screen (``choose_screens``). Leaving puts everything back where it was."""
        if on == self.presenting:
            return
        self.set_blank(False)
        self.look.update(presenting=on)
        self.commands["present"].setChecked(on)
        bars = (self.menuBar(), self.toolbar, self.statusBar())
        if on:
            self.before_presenting = {
                "state": self.windowState(), "geometry": self.geometry(), "screen": self.screen(),
                "notes": not self.notes_dock.isHidden(),
                "panel_closed": self.dock.isHidden() and not self.panel_hidden_for_view}
            self.panel_while_presenting = False
            for bar in bars:
                bar.hide()
            self.notes_dock.hide()
            self.title_bar.show()
            screens = QApplication.screens()
            primary = QApplication.primaryScreen()
            audience, lecturer = choose_screens([(s.size().width(), s.size().height()) for s in screens],
                                                screens.index(primary) if primary in screens else 0)
            self._move_to(screens[audience])
            self.setGeometry(screens[audience].geometry())  # what full screen is where no window manager says so
            self.showFullScreen()
            if lecturer is not None:
                self._show_presenter(screens[lecturer])
        else:
            before = self.before_presenting
            if self.presenter is not None:
                self.presenter.stop()
                self.presenter.hide()
            for bar in bars:
                bar.show()
            self.title_bar.hide()
            self.notes_dock.setVisible(before["notes"])
            self.panel_hidden_for_view = not before["panel_closed"]
            if before["panel_closed"]:
                self.dock.hide()
            self._move_to(before["screen"])
            self.setWindowState(before["state"])
            if not before["state"] & (Qt.WindowFullScreen | Qt.WindowMaximized):
                self.setGeometry(before["geometry"])
        self._show_panel_for(self.current_view)
        self._sync_busy()
        self.apply_look()

    def _move_to(self, screen) -> None:
        """Put the window on ``screen`` (a QScreen) before it goes full screen there."""
        if screen is not None and screen is not self.screen() and screen in QApplication.screens():
            self.setScreen(screen)
            self.move(screen.availableGeometry().topLeft())

    def _show_presenter(self, screen) -> None:
        """The presenter window, filling ``screen``; its clock starts from 0:00."""
        if self.presenter is None:
            self.presenter = PresenterWindow(self)
            self.presenter.installEventFilter(self)  # the clicker's keys, when the lecturer's window is active
        self.presenter.setScreen(screen)
        self.presenter.setGeometry(screen.availableGeometry())
        self.presenter.set_points(style.BASE_POINTS * self.text_scale)
        self.presenter.start()
        self.presenter.showMaximized()

    def set_blank(self, on: bool) -> None:
        """B or ".", as clickers send: the window goes black until any key or click (the presenter window
        stays, for the lecturer). The focus comes back to where it was."""
        if on == self.blank.isVisible():
            return
        if on:
            self.focus_before_blank = QApplication.focusWidget()
            self.blank.setGeometry(self.rect())
            self.blank.raise_()
            self.blank.show()
            self.blank.setFocus()
            return
        self.blank.hide()
        focused = self.focus_before_blank
        if focused is not None and shiboken6.isValid(focused) and focused.isVisible():
            focused.setFocus()

    def toggle_panel(self) -> None:
        """P while presenting: the parameter panel beside the view for a live change, or away again."""
        self.panel_while_presenting = not self.panel_while_presenting
        self._show_panel_for(self.current_view)

    def toggle_notes(self) -> None:
        """N: the scene notes under the view, or away (while presenting on one screen, the lecturer's notes)."""
        self.notes_dock.setVisible(self.notes_dock.isHidden())
        self._sync_deck()

    def set_language(self, code: str) -> None:
        """Switch the interface language at once: the panel, views and menus are rebuilt from the state."""
        self.look.update(language=i18n.install(QApplication.instance(), code))
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
        font = self.audience_title.font()
        font.setPointSizeF(points * AUDIENCE_TITLE_SCALE)
        font.setBold(True)
        self.audience_title.setFont(font)
        if self.presenter is not None:
            self.presenter.set_points(style.BASE_POINTS * self.text_scale)
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
        if new is not None and new.window() in (self, self.presenter):
            new.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        """The clicker's keys (``clicker_command``) from the focused widget, the presenter window and the black
        screen, which any key or click takes away. A widget that lost the focus is let go at its next event
        (not when it loses it: it may be being deleted then)."""
        kind = event.type()
        if watched is self.blank:
            if kind in (QEvent.KeyPress, QEvent.MouseButtonPress):
                self.set_blank(False)
                return True
            if kind == QEvent.ShortcutOverride:  # no shortcut runs behind the black screen
                event.accept()
                return True
            return False
        if kind in (QEvent.ShortcutOverride, QEvent.KeyPress):
            return self._clicker_key(event)
        if watched is not self.presenter and not watched.hasFocus():
            watched.removeEventFilter(self)
        return False

    def event(self, event) -> bool:
        """The clicker's keys when no widget has the focus: they come to the window itself."""
        if event.type() in (QEvent.ShortcutOverride, QEvent.KeyPress) and self._clicker_key(event):
            return True
        return super().event(event)

    def _clicker_key(self, event) -> bool:
        """Take a clicker key (accepted as a shortcut override, so that neither a shortcut nor the focused widget
        acts on it; run at the key press). Returns whether it was taken."""
        command = clicker_command(event.key(), event.modifiers(), QApplication.focusWidget(), self.deck.is_open,
                                  self.presenting)
        if command is None:
            return False
        event.accept()
        if event.type() == QEvent.KeyPress:
            self.run_clicker(command)
        return True

    def run_clicker(self, command: str) -> None:
        """Do what a clicker key stands for (a name from CLICKER_KEYS or PRESENTING_KEYS). A step past the first
        or last scene does nothing: the action is disabled there."""
        if command == "blank":
            self.set_blank(True)
        elif command == "toggle_panel":
            self.toggle_panel()
        elif command == "toggle_notes":
            self.toggle_notes()
        elif command == "stop_presenting":
            self.set_presenting(False)
        else:
            self.commands[command].trigger()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key_Escape and self.presenting:
            self.set_presenting(False)
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.blank.setGeometry(self.rect())

    def _save_preferences(self) -> None:
        if self.settings is not None:
            prefs.save(self.settings, self.preferences)

    def closeEvent(self, event) -> None:
        self.closed = True  # nothing more is built ahead for a window no one will see again
        self.warm_up_timer.stop()
        self.panel_timer.stop()
        if self.presenter is not None:
            self.presenter.close()
        if self.settings is not None:
            if self.presenting:
                self.set_presenting(False)
            if self.panel_hidden_for_view:  # the saved layout keeps the panel
                self.dock.show()
            prefs.save_window(self.settings, self)
            self._save_preferences()
        self.runner.wait(2000)
        super().closeEvent(event)
