"""The File menu's work: opening scenes and model configs, saving scenes and decks, exporting the figure, the data
and the handout, copying the figure, and the file dialogs that ask for a path (opening where the last file was).
Every write goes through ``write``: a bad path or a refused write is one line in the status bar, never a
traceback, and a cancelled one leaves the old file as it was."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog

from ..core.cancel import Cancelled
from ..core.params import InputError
from ..files import write_bytes_atomic
from . import export, handout
from .state import Scene, error_text
from .views import applies
from .views.model_config import scene_for_config
from .widgets import busy_cursor
from .worker import run_with_progress

SUGGESTED_PNG_WIDTH = 1920


def read_scene(path: str | Path) -> Scene:
    """One scene from a JSON file; InputError (naming the file) for anything wrong with it."""
    return Scene.load(path, applies())


class FileCommands(QObject):
    """Reads into and writes from ``window``: its model's scene, its current view, its deck."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window

    def save_scene(self, path: str | Path) -> bool:
        return self.write(lambda: self.window.model.scene.save(path), path)

    def open_scene(self, path: str | Path) -> bool:
        try:
            scene = read_scene(path)
        except InputError as error:
            self.window.show_error(error_text(error))
            return False
        self.window.model.set_scene(scene)
        return True

    def open_model_config(self, path: str | Path) -> bool:
        """Show the config.json at ``path``: its layer strip, and the rope method set to its first RoPE layer type;
        a file that is not a usable config (or values outside the app's ranges) leaves everything as it was."""
        window = self.window
        try:
            scene, settings = scene_for_config(path, window.model.scene)
        except InputError as error:
            window.show_error(error_text(error))
            return False
        try:
            scene = scene.validated(applies())
        except InputError as error:  # a value outside the app's ranges (a base over 1e7, a head over 2048)
            window.show_error(self.tr("{0}: {1}").format(Path(path).name, error_text(error)))
            return False
        window.model.set_scene(scene)
        window.tell(self.tr("Opened {0}; the layer strip lists what the scene leaves out").format(Path(path).name)
                    if settings.not_simulated else self.tr("Opened {0}").format(Path(path).name))
        return True

    def open_dropped(self, path: str) -> None:
        """A file dropped on the window: a .posdeck opens as a deck, anything else as a model config."""
        if Path(path).suffix.lower() == ".posdeck":
            self.window.open_deck(path)
        else:
            self.open_model_config(path)

    def save_deck(self, path: str | Path) -> bool:
        return self.write(lambda: self.window.deck_controls.current_deck().save(path), path)

    def figure(self, width: int | None = None) -> QImage:
        """The current view's figure: its plots, or for a page of text (no plots shown) the page as
        shown; ``width`` in pixels scales it."""
        view = self.window.current_view
        if view.graphics.isVisible():
            return export.view_image(view, width)
        if width is not None and not 16 <= width <= export.MAX_PNG_SIDE:
            raise InputError(self.tr("PNG width must be from {0} to {1} pixels, not {2}").format(
                16, export.MAX_PNG_SIDE, width))
        image = view.grab().toImage()
        return image if width is None else image.scaledToWidth(width, Qt.SmoothTransformation)

    def record(self) -> str:
        """What an exported file records of how it was made: app version, method, view, parameters."""
        scene = self.window.model.scene
        return export.provenance(scene.method, f"{scene.view} view", scene.params)

    def export_figure(self, path: str | Path, width: int | None = None) -> bool:
        """Write the figure as .png (at ``width`` pixels), or as a vector .svg / .pdf."""
        def write() -> None:
            suffix = export.figure_suffix(path)
            view = self.window.current_view
            with busy_cursor():
                if suffix == ".png":
                    data = export.png_bytes(self.figure(width), self.record())
                elif view.graphics.isVisible():
                    data = export.figure_bytes(view, suffix, record=self.record())
                else:
                    data = export.image_document(self.figure(), suffix, self.record())
                write_bytes_atomic(Path(path), data)
        return self.write(write, path)

    def export_data(self, path: str | Path) -> bool:
        """Write the arrays shown, in a worker (a large archive takes seconds); Cancel in its progress dialog leaves
        the old file as it was."""
        arrays, record = dict(self.window.current_view.shown), self.record()
        label = self.tr("Writing {0}…").format(Path(path).name)
        return self.write(lambda: run_with_progress(self.window, label,
                                                    lambda: export.write_arrays(path, arrays, record)), path)

    def export_handout(self, path: str | Path) -> bool:
        """A PDF of the deck, one page per scene, in the interface language, the light theme (for paper) and the
        window's colour maps."""
        def write() -> None:
            with busy_cursor():
                handout.write_handout(self.window.deck_controls.current_deck(), path, self.window.language,
                                      colour_maps=self.window.look.value.colour_maps)
        return self.write(write, path)

    def copy_figure(self) -> None:
        QApplication.clipboard().setImage(self.figure())
        self.window.tell(self.tr("Figure copied to the clipboard"))

    def write(self, write, path) -> bool:
        """Run ``write`` (which writes ``path``) and say in the status bar how it went."""
        try:
            write()
        except InputError as error:
            self.window.show_error(error_text(error))
            return False
        except Cancelled:
            self.window.tell(self.tr("Cancelled: {0} was not written").format(Path(path).name))
            return False
        self.window.tell(self.tr("Saved {0}").format(Path(path).name))
        return True

    # -- dialogs --------------------------------------------------------------------------------
    def _start_folder(self) -> str:
        """Where a file dialog opens: the folder of the last file opened or saved, else the last deck's."""
        preferences = self.window.preferences
        for folder in (preferences.last_folder, preferences.last_deck and str(Path(preferences.last_deck).parent)):
            if folder and Path(folder).is_dir():
                return folder
        return str(Path.home())

    def _remember_folder(self, path: str) -> str:
        if path:
            self.window.preferences.last_folder = str(Path(path).resolve().parent)
            self.window.save_preferences()
        return path

    def _ask_open(self, title: str, filters: str) -> str:
        path, _ = QFileDialog.getOpenFileName(self.window, title, self._start_folder(), filters)
        return self._remember_folder(path)

    def ask_open_deck(self) -> None:
        path = self._ask_open(self.tr("Open lecture deck"), self.tr("Lecture decks (*.posdeck *.json);;All files (*)"))
        if path:
            self.window.open_deck(path)

    def ask_open_scene(self) -> None:
        path = self._ask_open(self.tr("Open scene"), self.tr("Scenes (*.json);;All files (*)"))
        if path:
            self.open_scene(path)

    def ask_open_model_config(self) -> None:
        path = self._ask_open(self.tr("Open model config"), self.tr("Model configs (*.json);;All files (*)"))
        if path:
            self.open_model_config(path)

    def _ask_save(self, title: str, name: str, filters: str) -> tuple[str, str]:
        """The chosen path and filter; the path gets the filter's suffix when it has none of its own."""
        path, chosen = QFileDialog.getSaveFileName(self.window, title, str(Path(self._start_folder()) / name), filters)
        suffix = chosen[chosen.find("*.") + 1:].split()[0].rstrip(")") if "*." in chosen else ""
        if path and suffix and not Path(path).suffix:
            path += suffix
        return self._remember_folder(path), suffix

    def ask_save_scene(self) -> None:
        path, _ = self._ask_save(self.tr("Save scene"), "scene.json", self.tr("Scenes (*.json)"))
        if path:
            self.save_scene(path)

    def ask_save_deck(self) -> None:
        path, _ = self._ask_save(self.tr("Save deck"), "lecture.posdeck", self.tr("Lecture decks (*.posdeck *.json)"))
        if path:
            self.save_deck(path)

    def ask_export_figure(self) -> None:
        filters = ";;".join((self.tr("PNG image (*.png)"), self.tr("SVG vector drawing (*.svg)"),
                             self.tr("PDF vector document (*.pdf)")))
        path, _ = self._ask_save(self.tr("Export figure"), self.window.model.scene.view, filters)
        if not path:
            return
        width = None
        if Path(path).suffix.lower() == ".png":
            width, ok = QInputDialog.getInt(
                self.window, self.tr("Export figure as PNG"),
                self.tr("Width in pixels (the height follows the figure; text scales with it):"),
                SUGGESTED_PNG_WIDTH, 16, export.MAX_PNG_SIDE, 100)
            if not ok:
                return
        self.export_figure(path, width)

    def ask_export_data(self) -> None:
        filters = ";;".join((self.tr("CSV table, main array (*.csv)"), self.tr("NumPy array, main array (*.npy)"),
                             self.tr("NumPy archive, every array shown (*.npz)")))
        path, _ = self._ask_save(self.tr("Export data"), self.window.model.scene.view, filters)
        if path:
            self.export_data(path)

    def ask_export_handout(self) -> None:
        path, _ = self._ask_save(self.tr("Export handout"), "handout.pdf", self.tr("PDF documents (*.pdf)"))
        if path:
            self.export_handout(path)
