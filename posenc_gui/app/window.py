"""The main window: parameter panel (left dock), one tab per view, status bar with the value under
the cursor, menus for scenes, decks, export, themes and presentation mode."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QMainWindow, QScrollArea, QTabWidget

from ..core.params import InputError
from . import style
from .panel import ParameterPanel
from .state import Scene, StateModel
from .views import VIEWS, applies
from .worker import LatestRunner

BACKGROUND_ELEMENTS = 4_000_000  # larger requests are computed off the GUI thread


class MainWindow(QMainWindow):
    def __init__(self, scene: Scene | None = None, parent=None):
        super().__init__(parent)
        self.setWindowTitle("PosEnc Explorer")
        self.model = StateModel(scene, views=applies(), parent=self)
        self.theme = style.theme_named("light")
        self.text_scale = 1.0
        self.presenting = False

        self.panel = ParameterPanel(self.model)
        scroll = QScrollArea()
        scroll.setWidget(self.panel)
        scroll.setWidgetResizable(True)
        self.dock = QDockWidget("Parameters", self)
        self.dock.setObjectName("parameters")
        self.dock.setWidget(scroll)
        self.dock.setFeatures(QDockWidget.DockWidgetMovable | QDockWidget.DockWidgetFloatable)
        self.addDockWidget(Qt.LeftDockWidgetArea, self.dock)

        self.tabs = QTabWidget()
        self.views = {}
        for key, (title, _applies, cls) in VIEWS.items():
            view = cls(self.model)
            view.hovered.connect(self.hover_label_set)
            self.views[key] = view
            self.tabs.addTab(view, title)
        self.tabs.currentChanged.connect(self._tab_chosen)
        self.setCentralWidget(self.tabs)

        self.hover_label = QLabel()
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #c00000; font-weight: bold")
        self.statusBar().addWidget(self.hover_label, 1)
        self.statusBar().addPermanentWidget(self.error_label)

        self.runner = LatestRunner(self._show_result, self._show_error, self)
        self.model.changed.connect(self.refresh)
        self.model.error.connect(self._show_error)
        self.apply_look()

    # -- state -> views -------------------------------------------------------------------------
    @property
    def current_view(self):
        return self.views[self.model.scene.view]

    def refresh(self, scene: Scene) -> None:
        """Sync tabs with the scene and have the current view fetch and draw its data."""
        method = scene.method_obj
        self.tabs.blockSignals(True)
        for index, (key, view) in enumerate(self.views.items()):
            self.tabs.setTabEnabled(index, VIEWS[key][1](method))
        self.tabs.setCurrentWidget(self.views[scene.view])
        self.tabs.blockSignals(False)
        view = self.views[scene.view]
        try:
            big = view.size(scene) > BACKGROUND_ELEMENTS
        except InputError as error:
            self._show_error(str(error))
            return
        if big:
            self.runner.submit(lambda: view.fetch(scene), (view, scene))
            self.hover_label.setText("computing…")
            return
        self.runner.cancel()
        try:
            data = view.fetch(scene)
        except InputError as error:
            self._show_error(str(error))
            return
        self._show_result((view, scene), data)

    def _show_result(self, tag, data) -> None:
        view, scene = tag
        view.show_data(scene, data)
        self.error_label.setText("")
        if self.hover_label.text() == "computing…":
            self.hover_label.setText("")

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)

    def hover_label_set(self, text: str) -> None:
        self.hover_label.setText(text)

    def _tab_chosen(self, index: int) -> None:
        key = list(self.views)[index]
        self.model.set_view(key)

    # -- look -----------------------------------------------------------------------------------
    @property
    def points(self) -> float:
        return style.BASE_POINTS * self.text_scale * (style.PRESENTATION_SCALE if self.presenting else 1.0)

    def apply_look(self) -> None:
        app = QApplication.instance()
        style.apply_app_theme(app, self.theme, self.points)
        for widget in (self, self.panel, self.tabs, self.statusBar()):
            font = widget.font()
            font.setPointSizeF(self.points)
            widget.setFont(font)
        for view in self.views.values():
            view.set_look(self.theme, self.points)
        self.refresh(self.model.scene)
