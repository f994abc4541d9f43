"""The window follows its look (``LookModel``): the menus and keys call the setters here, which write the model;
``changed`` says what changed, and only that is redone (a colour map re-colours the images in place; the theme or
the text size restyles every widget; the language rebuilds the translated parts)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from ..look import COLOUR_MAPS, LookChange
from . import i18n, style



class LookControls(QObject):
    """Applies ``look`` (the window's ``LookModel``) to the window, its parts and views, and keeps it in the
    preferences."""

    def __init__(self, window, look):
        super().__init__(window)
        self.window, self.look = window, look
        look.changed.connect(self._look_changed)

    def set_theme(self, name: str) -> None:
        self.look.update(theme=style.theme_named(name).name)

    def set_colour_map(self, signed: bool, name: str) -> None:
        """Use map ``name`` for signed (diverging) or unsigned (sequential) data (``_look_changed`` re-colours)."""
        self.look.update(**{"diverging_map" if signed else "sequential_map": name})

    def set_text_scale(self, scale: float) -> None:
        self.look.update(text_scale=min(max(scale, style.MIN_SCALE), style.MAX_SCALE))

    def set_language(self, code: str) -> None:
        """Switch the interface language at once: the panel, views and menus are rebuilt from the state."""
        self.look.update(language=i18n.install(QApplication.instance(), code))
        self.window.rebuild()

    def _look_changed(self, change: LookChange) -> None:
        """Follow a new theme, text size or colour map. Presenting and the language move and rebuild parts of the
        window in an order of their own: their setters do it and only record the new value in the look."""
        window, look = self.window, change.new
        preferences = window.preferences
        preferences.theme, preferences.text_scale = look.theme, look.text_scale
        preferences.sequential_map, preferences.diverging_map = look.sequential_map, look.diverging_map
        if "language" in change.fields:
            preferences.language = look.language
        if change.fields & {"theme", "text_scale", "language", *COLOUR_MAPS}:
            window.save_preferences()
        if change.fields & COLOUR_MAPS:
            self._recolour()
        if change.fields & {"theme", "text_scale"}:
            window.commands[f"theme_{look.theme}"].setChecked(True)
            self.apply()

    def _recolour(self) -> None:
        """The images of every view take the maps just chosen, in place: nothing is built or computed again. The view
        shown is drawn again from its data (the numbers written in cells take the colour that reads on the new map)."""
        window = self.window
        for view in window.views.values():
            view.recolour(self.look.value.colour_maps)
        window.refresh(window.model.scene)

    def apply(self) -> None:
        """Style the window, each of its parts (each styles its own widgets) and every view built for the theme and the
        text size, and draw the scene again."""
        window = self.window
        points = window.points
        style.apply_app_theme(QApplication.instance(), window.theme, points)
        for widget in (window, window.centralWidget()):
            font = widget.font()
            font.setPointSizeF(points)
            widget.setFont(font)
        window.menus.set_points(points)
        window.panel_dock.set_points(points)
        window.notes_room.set_points(points)
        window.status.set_look(window.theme, points)
        window.presentation.set_points(points, window.text_scale)
        for view in window.views.values():
            view.set_look(window.theme, points)
        window.refresh(window.model.scene)
