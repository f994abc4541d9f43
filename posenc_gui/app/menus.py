"""The window's menu bar and navigation toolbar (the View selector, the deck's strip). Every command is a named QAction
in ``window.commands``: its keys work with the bars hidden (presenting), and the tour, the help and the tests find
commands by name. Built anew (``build``) after a language switch, in the new language."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QLabel, QMenuBar, QSizePolicy, QStyle, QToolBar

from ..core import model_config
from ..look import DIVERGING_MAPS, SEQUENTIAL_MAPS
from . import help_pages, i18n, recent, start_page, style, tour
from .dialogs import AboutDialog
from .view_catalogue import grouped_views, view_applies, view_keys, view_title
from .widgets import ElidedLabel

TEXT_SCALE_STEP = 1.15


class WindowMenus(QObject):
    """Builds the menus and the toolbar of ``window``, their actions calling the window and its parts. The View menu
    switches the two docks given (the parameters', the notes') on and off."""

    def __init__(self, window, parameters_dock, notes_dock):
        super().__init__(window)
        self.window = window
        self.parameters_dock, self.notes_dock = parameters_dock, notes_dock
        self.toolbar: QToolBar | None = None
        self.selector: QComboBox | None = None
        self.deck_label: ElidedLabel | None = None
        self.view_shown: tuple | None = None  # (selector, method, view) that show_view_chosen last showed

    def build(self) -> None:
        """A new menu bar (the old one, its menus and actions are deleted), the commands, and the toolbar."""
        self.window.setMenuBar(QMenuBar())
        self.window.commands = {}
        self._file_menu()
        self._view_menu()
        self._go_menu()
        self._deck_menu()
        self._help_menu()
        self._toolbar()
        if self.window.presenting:  # the new menu bar and toolbar stay out of the audience's sight
            self.show_bars(False)

    def show_bars(self, shown: bool) -> None:
        """The menu bar and the toolbar shown, or hidden while presenting."""
        self.window.menuBar().setVisible(shown)
        self.toolbar.setVisible(shown)

    def set_points(self, points: float) -> None:
        """The menu bar and the toolbar in type of ``points``; the selector's group headers bold."""
        for widget in (self.window.menuBar(), self.toolbar, self.selector):
            font = widget.font()
            font.setPointSizeF(points)
            widget.setFont(font)
        headers = self.selector.model()
        for row in range(headers.rowCount()):
            if not headers.item(row).data(Qt.UserRole):
                font = self.selector.font()
                font.setBold(True)
                headers.item(row).setFont(font)
        size = round(points * 1.6)
        self.toolbar.setIconSize(QSize(size, size))

    def show_deck_strip(self, text: str, notes: str) -> None:
        """Where the lecture is, in the toolbar's strip; the scene's notes in its tooltip."""
        self.deck_label.setText(" " + text + " ")
        self.deck_label.setToolTip(notes)

    def show_view_chosen(self, scene) -> None:
        """The selector and the Go menu on ``scene``'s view, the views that cannot show its method disabled. The
        window asks at every change of scene: the entries are gone through only when the method changed (or the menus
        were built anew), as most changes are not of it; a new view alone checks its entry (the entries are one
        exclusive group: the one checked before is unchecked)."""
        method = scene.method_obj
        shown = (self.selector, method, scene.view)
        if shown[:2] != (self.view_shown or ())[:2]:
            items = self.selector.model()
            for row in range(items.rowCount()):
                item = items.item(row)
                key = item.data(Qt.UserRole)
                if key:
                    item.setEnabled(view_applies(key, method))
            for key in view_keys():
                action = self.window.commands[f"view_{key}"]
                action.setEnabled(view_applies(key, method))
                action.setChecked(key == scene.view)
        elif shown != self.view_shown and f"view_{scene.view}" in self.window.commands:
            self.window.commands[f"view_{scene.view}"].setChecked(True)
        self.view_shown = shown
        row = self.selector.findData(scene.view, Qt.UserRole)
        if row >= 0:  # (also back from a group header chosen)
            self.selector.setCurrentIndex(row)

    def _view_chosen(self, row: int) -> None:
        key = self.selector.itemData(row, Qt.UserRole)
        if key:
            self.window.model.set_view(key)
        else:  # a group header: stay on the current view
            self.show_view_chosen(self.window.model.scene)
            self.window.deck_controls.sync()

    def command(self, name: str, text: str, slot, shortcuts=(), menu=None, checkable=False) -> QAction:
        action = QAction(text, self.window.menuBar())
        action.setObjectName(name)
        keys = {QKeySequence(s).toString(): QKeySequence(s) for s in shortcuts}  # standard keys may repeat ours
        action.setShortcuts(list(keys.values()))
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        if menu is not None:
            menu.addAction(action)
        self.window.commands[name] = action
        return action

    def group_title(self, group: str) -> str:
        titles = {"explore": self.tr("Explore"), "learn": self.tr("Learn"), "reference": self.tr("Reference")}
        return titles.get(group, group.capitalize())

    def _file_menu(self) -> None:
        window, files, command = self.window, self.window.files, self.command
        menu = window.menuBar().addMenu(self.tr("&File"))
        command("open_deck", self.tr("&Open deck…"), files.ask_open_deck, [QKeySequence.Open], menu)
        recent_menu = menu.addMenu(self.tr("Open &recent"))
        recent_menu.aboutToShow.connect(lambda: recent.fill_menu(recent_menu, window.recent, window.open_deck,
                                                                 window.show_error))
        command("open_scene", self.tr("Open &scene…"), files.ask_open_scene, ["Ctrl+Shift+O"], menu)
        command("save_scene", self.tr("Save scene &as…"), files.ask_save_scene, ["Ctrl+Shift+S"], menu)
        command("save_deck", self.tr("Save &deck as…"), files.ask_save_deck, [], menu)
        menu.addSeparator()
        command("open_model_config", self.tr("Open &model config…"), files.ask_open_model_config, [], menu)
        examples = menu.addMenu(self.tr("E&xample models"))
        for path in model_config.example_configs():
            command(f"example_{path.stem}", path.stem, lambda _=False, path=path: files.open_model_config(path),
                    [], examples)
        menu.addSeparator()
        command("export_png", self.tr("&Export figure (PNG, SVG, PDF)…"), files.ask_export_figure,
                [QKeySequence.Save], menu)
        command("export_data", self.tr("Export da&ta (CSV, NPY, NPZ)…"), files.ask_export_data, ["Ctrl+E"], menu)
        command("copy_figure", self.tr("&Copy figure"), files.copy_figure, ["Ctrl+Shift+C"], menu)
        command("export_handout", self.tr("Export &handout (PDF)…"), files.ask_export_handout, [], menu)
        menu.addSeparator()
        command("quit", self.tr("&Quit"), window.close, [QKeySequence.Quit, "Ctrl+Q"], menu)

    def _view_menu(self) -> None:
        window, looks, command = self.window, self.window.look_controls, self.command
        menu = window.menuBar().addMenu(self.tr("&View"))
        themes = QActionGroup(menu)
        for name, text in (("light", self.tr("Lig&ht theme (high contrast)")), ("dark", self.tr("&Dark theme"))):
            action = command(f"theme_{name}", text, lambda _on, n=name: looks.set_theme(n), [], menu, True)
            action.setChecked(window.theme.name == name)
            themes.addAction(action)
        self._colour_map_menu(menu.addMenu(self.tr("Colour &map")))
        menu.addSeparator()
        presenting = command("present", self.tr("&Presentation mode"), window.presentation.set_presenting,
                             ["F11", "F5"], menu, True)  # a clicker's "start slideshow" button sends F5
        presenting.setChecked(window.presenting)
        command("larger", self.tr("&Larger text"), lambda: looks.set_text_scale(window.text_scale * TEXT_SCALE_STEP),
                ["Ctrl+=", QKeySequence.ZoomIn], menu)
        command("smaller", self.tr("&Smaller text"),
                lambda: looks.set_text_scale(window.text_scale / TEXT_SCALE_STEP), ["Ctrl+-", QKeySequence.ZoomOut],
                menu)
        command("reset_text", self.tr("&Reset text size"), lambda: looks.set_text_scale(1.0), ["Ctrl+0"], menu)
        menu.addSeparator()
        languages = menu.addMenu(self.tr("Lan&guage"))
        group = QActionGroup(languages)
        for code, name in i18n.LANGUAGES.items():
            action = command(f"language_{code}", name, lambda _on, c=code: looks.set_language(c), [], languages,
                             True)
            action.setChecked(code == window.language)
            group.addAction(action)
        menu.addSeparator()
        notes = self.notes_dock.toggleViewAction()
        notes.setText(self.tr("Scene &notes"))
        menu.addAction(notes)
        parameters = self.parameters_dock.toggleViewAction()
        parameters.setText(self.tr("Param&eters"))
        menu.addAction(parameters)

    def _colour_map_menu(self, menu) -> None:
        side = round(self.window.points * 1.6)
        looks = self.window.look_controls
        for signed, title, names in ((False, self.tr("Sequential (values from 0 up)"), SEQUENTIAL_MAPS),
                                     (True, self.tr("Diverging (centred on 0)"), DIVERGING_MAPS)):
            menu.addSection(title)
            group = QActionGroup(menu)
            for name in names:
                action = self.command(f"map_{name}", name, lambda _on, s=signed, n=name: looks.set_colour_map(s, n),
                                      [], menu, True)
                action.setIcon(QIcon(style.colour_map_swatch(name, side, side)))
                action.setChecked(self.window.look.value.colour_maps.name(signed) == name)
                group.addAction(action)

    def _go_menu(self) -> None:
        window = self.window
        menu = window.menuBar().addMenu(self.tr("&Go"))
        self.command("next_view", self.tr("&Next view"), lambda: window.step_view(1),
                     ["Ctrl+Tab", "Ctrl+PgDown"], menu)
        self.command("previous_view", self.tr("&Previous view"), lambda: window.step_view(-1),
                     ["Ctrl+Shift+Tab", "Ctrl+PgUp"], menu)
        group = QActionGroup(menu)
        number = 0
        for name, keys in grouped_views():
            menu.addSection(self.group_title(name))
            for key in keys:
                number += 1
                shortcut = [f"Ctrl+{number}"] if number <= 9 else []
                action = self.command(f"view_{key}", view_title(key), lambda _on, k=key: window.model.set_view(k),
                                      shortcut, menu, True)
                group.addAction(action)

    def _deck_menu(self) -> None:
        window, deck, controls, command = self.window, self.window.deck, self.window.deck_controls, self.command
        menu = window.menuBar().addMenu(self.tr("&Deck"))
        style_ = window.style()
        # The keys shown here are the clicker's; the window takes them itself (clicker_command), from any widget.
        command("next_scene", self.tr("&Next scene"), lambda: deck.step(1),
                ["PgDown"], menu).setIcon(style_.standardIcon(QStyle.SP_ArrowForward))
        command("previous_scene", self.tr("&Previous scene"), lambda: deck.step(-1),
                ["PgUp"], menu).setIcon(style_.standardIcon(QStyle.SP_ArrowBack))
        command("first_scene", self.tr("&First scene"), deck.first, ["Home"], menu)
        command("last_scene", self.tr("&Last scene"), deck.last, ["End"], menu)
        command("blank", self.tr("&Blank the screen"), lambda: window.presentation.set_blank(True), ["B"], menu)
        menu.addSeparator()
        command("update_scene", self.tr("&Update scene (keep the live changes)"), controls.update_scene, [], menu)
        command("reset_scene", self.tr("&Reset scene (as saved)"), controls.reset_scene, [], menu)
        command("add_scene", self.tr("&Add this scene to the deck"), controls.add_scene, ["Ctrl+D"], menu)
        menu.addAction(window.commands["save_deck"])

    def _help_menu(self) -> None:
        window, command = self.window, self.command
        menu = window.menuBar().addMenu(self.tr("&Help"))
        command("guide", self.tr("&User guide"), lambda: help_pages.guide_dialog(window).exec(), ["F1"], menu)
        command("shortcuts", self.tr("&Keyboard shortcuts"), lambda: help_pages.shortcuts_dialog(window).exec(),
                ["Ctrl+/"], menu)
        command("start_page", self.tr("&Start page"), lambda: start_page.show(window), [], menu)
        command("tour", self.tr("Guided &tour"), lambda: tour.start(window), [], menu)
        command("about", self.tr("&About PosEnc Explorer"), lambda: AboutDialog(window).exec(), [], menu)

    def _toolbar(self) -> None:
        window = self.window
        if self.toolbar is not None:
            window.removeToolBar(self.toolbar)
            self.toolbar.deleteLater()
        bar = QToolBar(self.tr("Navigation"), window)
        bar.setObjectName("navigation")
        bar.setMovable(False)
        bar.addWidget(QLabel(self.tr("View:") + " "))
        selector = QComboBox()
        selector.setObjectName("view_selector")
        selector.setFocusPolicy(Qt.TabFocus)  # a click must not keep the deck's arrow keys
        selector.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        # when the bar is short of room, the deck strip (which elides) gives it up, not the selector
        selector.setSizePolicy(QSizePolicy.Fixed, QSizePolicy.Fixed)
        items = QStandardItemModel(selector)
        for group, keys in grouped_views():
            header = QStandardItem(self.group_title(group))
            header.setFlags(Qt.ItemIsEnabled)  # readable, not selectable
            items.appendRow(header)
            for key in keys:
                item = QStandardItem("    " + view_title(key))
                item.setData(key, Qt.UserRole)
                items.appendRow(item)
        selector.setModel(items)
        selector.activated.connect(self._view_chosen)
        self.selector = selector
        bar.addWidget(selector)
        bar.addSeparator()
        bar.addAction(window.commands["previous_scene"])
        self.deck_label = ElidedLabel()
        self.deck_label.setObjectName("deck_label")
        bar.addWidget(self.deck_label)
        bar.addAction(window.commands["next_scene"])
        window.addToolBar(Qt.TopToolBarArea, bar)
        self.toolbar = bar

