"""Preferences kept between runs: theme, colour maps, text size, language, last deck, window layout.

Every value is checked on the way in: one that is missing, corrupt or of the wrong type falls back to
its default without a word, so a damaged settings file can never stop the app from starting. The file
itself is read only when it is a regular file of sane size (``Store``); anything else (a FIFO would block
the start for ever, a huge file would be parsed at the start and rewritten at every save) is left alone,
the app starts with defaults and says so in one line.
"""

from __future__ import annotations

import contextlib
import math
import os
import stat
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings, QStandardPaths
from PySide6.QtWidgets import QMainWindow

from ..look import DIVERGING_MAPS, SEQUENTIAL_MAPS
from . import i18n, locations, style

THEME_KEY = "look/theme"
TEXT_SCALE_KEY = "look/text_scale"
LANGUAGE_KEY = "look/language"
SEQUENTIAL_MAP_KEY = "look/sequential_map"
DIVERGING_MAP_KEY = "look/diverging_map"
LAST_DECK_KEY = "files/last_deck"
LAST_FOLDER_KEY = "files/last_folder"
RECENT_DECKS_KEY = "files/recent_decks"  # recent.RecentDecks
START_PAGE_KEY = "start/show_start_page"  # start_page: absent on a first run
NOTES_HEIGHT_KEY = "notes/height"  # deck_controls.NotesRoom
NOTES_COLLAPSED_KEY = "notes/collapsed"
GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"
OWN_KEYS = (THEME_KEY, TEXT_SCALE_KEY, LANGUAGE_KEY, SEQUENTIAL_MAP_KEY, DIVERGING_MAP_KEY, LAST_DECK_KEY,
            LAST_FOLDER_KEY, RECENT_DECKS_KEY, START_PAGE_KEY, GEOMETRY_KEY, STATE_KEY, NOTES_HEIGHT_KEY,
            NOTES_COLLAPSED_KEY)
MAX_NOTES_HEIGHT = 4320  # pixels: taller than any screen, so a larger stored height was not set by dragging
MAX_FILE_BYTES = 64 * 1024  # the app's own keys take a few KiB: a longer file was not written by the app


@dataclass
class Preferences:
    """What the user chose last time. ``language`` "" means: follow the system language."""

    theme: str = "light"
    text_scale: float = 1.0
    language: str = ""
    last_deck: str = ""
    last_folder: str = ""  # where the last file was opened or saved: the next file dialog starts there
    sequential_map: str = SEQUENTIAL_MAPS[0]
    diverging_map: str = DIVERGING_MAPS[0]
    notes_height: int = 0  # the scene notes' height as the lecturer dragged it; 0: fitted to each scene's notes
    notes_collapsed: bool = False  # the scene notes folded to their title bar


def settings_path() -> Path | None:
    """``<config folder>/<organisation>/<app>.conf``, where QSettings keeps an ini file on Linux; None when
    there is no usable config folder (``locations.usable``)."""
    folder = locations.usable(QStandardPaths.GenericConfigLocation)
    if folder is None:
        return None
    app = QCoreApplication.applicationName() or "posenc-gui"
    return folder / (QCoreApplication.organizationName() or app) / f"{app}.conf"


class Store:
    """The app's own keys (``OWN_KEYS``), read once from the settings file and held in memory; ``value``,
    ``setValue`` and ``sync`` as in QSettings, so the functions below take either.

    Reading takes a regular file of at most ``MAX_FILE_BYTES``, or a symbolic link to one (dotfile managers
    link settings; saving then writes the link's target and the link stays). Anything else leaves the
    defaults, and ``problem`` says why in one line: no usable folder, or a path that cannot be examined or
    is not a regular file (a FIFO, a folder, a device); those are never written, so the thing at the path
    stays as it was. A file over the size cap is replaced at the next save.

    Saving writes the own keys alone into a new file beside the old one and renames it over, so the file
    stays small and is never left half-written.
    """

    def __init__(self, path: str | os.PathLike | None):
        self.path = Path(path) if path is not None else None
        self.problem = ""
        self.writable = False
        self._values: dict = {}
        self._saved: dict = {}
        if self.path is None:
            self.problem = ("no usable folder for settings (is HOME an existing folder?): "
                            "default preferences, not saved")
        else:
            self._read()

    def _read(self) -> None:
        try:
            info = os.stat(self.path)  # follows a symbolic link
        except FileNotFoundError:
            self.writable = True  # a first run; a dangling link is written through to its target
            return
        except OSError as error:
            self.problem = (f"cannot examine the settings file {self.path} ({error.strerror}): "
                            "default preferences, not saved")
            return
        if not stat.S_ISREG(info.st_mode):
            self.problem = f"the settings path {self.path} is not a regular file: default preferences, not saved"
            return
        self.writable = True
        if info.st_size > MAX_FILE_BYTES:
            self.problem = (f"the settings file {self.path} is larger than {MAX_FILE_BYTES // 1024} KiB: "
                            "default preferences, written over it on closing")
            return
        stored = QSettings(str(self.path), QSettings.IniFormat)
        if stored.status() == QSettings.AccessError:
            self.writable = False
            self.problem = f"cannot read the settings file {self.path}: default preferences, not saved"
            return
        self._values = {key: stored.value(key) for key in OWN_KEYS if stored.contains(key)}
        self._saved = dict(self._values)

    def value(self, key: str):
        return self._values.get(key)

    def setValue(self, key: str, value) -> None:  # noqa: N802 - QSettings' name, so either can be passed
        self._values[key] = value

    def sync(self) -> None:
        """Write the own keys when they changed since the last read or write; a failure is told once on
        stderr and leaves the old file as it was."""
        if not self.writable or self._values == self._saved:
            return
        target = Path(os.path.realpath(self.path))
        temporary = None
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
            os.close(handle)
            fresh = QSettings(temporary, QSettings.IniFormat)
            for key, value in self._values.items():
                fresh.setValue(key, value)
            fresh.sync()
            status = fresh.status()
            del fresh
            if status != QSettings.NoError:
                raise OSError(f"Qt could not write {temporary}")
            if os.path.lexists(target) and not stat.S_ISREG(os.lstat(target).st_mode):
                raise OSError("it is no longer a regular file")
            os.replace(temporary, target)
            temporary = None
            self._saved = dict(self._values)
        except OSError as error:
            self.writable = False  # told once: no further attempt
            if sys.stderr is not None:
                print(f"posenc-gui: cannot save the settings in {target}: {error.strerror or error}", file=sys.stderr)
        finally:
            if temporary is not None:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)


def _text(settings: Store | QSettings, key: str, choices=None) -> str | None:
    value = settings.value(key)
    if not isinstance(value, str) or (choices is not None and value not in choices):
        return None
    return value


def _scale(settings: Store | QSettings) -> float | None:
    value = settings.value(TEXT_SCALE_KEY)
    if isinstance(value, bool):
        return None
    try:
        scale = float(value)
    except (TypeError, ValueError):
        return None
    if not math.isfinite(scale) or not style.MIN_SCALE <= scale <= style.MAX_SCALE:
        return None
    return scale


def _notes_height(settings: Store | QSettings) -> int | None:
    value = settings.value(NOTES_HEIGHT_KEY)
    if isinstance(value, bool):
        return None
    try:
        height = int(value)
    except (TypeError, ValueError):
        return None
    return height if 0 <= height <= MAX_NOTES_HEIGHT else None


def _flag(settings: Store | QSettings, key: str) -> bool | None:
    """A boolean as QSettings keeps it in an ini file (the text "true" or "false") or as it was set."""
    value = settings.value(key)
    if isinstance(value, bool):
        return value
    return {"true": True, "false": False}.get(value) if isinstance(value, str) else None


def load(settings: Store | QSettings) -> Preferences:
    """The stored preferences, each one replaced by its default when unusable."""
    defaults = Preferences()
    theme = _text(settings, THEME_KEY, style.THEMES)
    scale = _scale(settings)
    language = _text(settings, LANGUAGE_KEY, i18n.LANGUAGES)
    last_deck = _text(settings, LAST_DECK_KEY)
    last_folder = _text(settings, LAST_FOLDER_KEY)
    sequential = _text(settings, SEQUENTIAL_MAP_KEY, SEQUENTIAL_MAPS)
    diverging = _text(settings, DIVERGING_MAP_KEY, DIVERGING_MAPS)
    notes_height = _notes_height(settings)
    collapsed = _flag(settings, NOTES_COLLAPSED_KEY)
    return Preferences(
        theme=defaults.theme if theme is None else theme,
        text_scale=defaults.text_scale if scale is None else scale,
        language=defaults.language if language is None else language,
        last_deck=defaults.last_deck if last_deck is None else last_deck,
        last_folder=defaults.last_folder if last_folder is None else last_folder,
        sequential_map=defaults.sequential_map if sequential is None else sequential,
        diverging_map=defaults.diverging_map if diverging is None else diverging,
        notes_height=defaults.notes_height if notes_height is None else notes_height,
        notes_collapsed=defaults.notes_collapsed if collapsed is None else collapsed,
    )


def save(settings: Store | QSettings, preferences: Preferences) -> None:
    settings.setValue(THEME_KEY, preferences.theme)
    settings.setValue(TEXT_SCALE_KEY, float(preferences.text_scale))
    settings.setValue(LANGUAGE_KEY, preferences.language)
    settings.setValue(LAST_DECK_KEY, preferences.last_deck)
    settings.setValue(LAST_FOLDER_KEY, preferences.last_folder)
    settings.setValue(SEQUENTIAL_MAP_KEY, preferences.sequential_map)
    settings.setValue(DIVERGING_MAP_KEY, preferences.diverging_map)
    settings.setValue(NOTES_HEIGHT_KEY, int(preferences.notes_height))
    settings.setValue(NOTES_COLLAPSED_KEY, bool(preferences.notes_collapsed))
    settings.sync()


def save_window(settings: Store | QSettings, window: QMainWindow) -> None:
    """Remember the window's size, position, docks and toolbars."""
    settings.setValue(GEOMETRY_KEY, window.saveGeometry())
    settings.setValue(STATE_KEY, window.saveState())
    settings.sync()


def restore_window(settings: Store | QSettings, window: QMainWindow) -> bool:
    """Bring back the remembered layout; False (and the window untouched) when there is none usable."""
    geometry, state = settings.value(GEOMETRY_KEY), settings.value(STATE_KEY)
    if not isinstance(geometry, QByteArray) or not window.restoreGeometry(geometry):
        return False
    if isinstance(state, QByteArray):
        window.restoreState(state)
    return True
