"""Preferences kept between runs in QSettings: theme, colour maps, text size, language, last deck, window
layout.

Every value is checked on the way in: one that is missing, corrupt or of the wrong type falls back to
its default without a word, so a damaged settings file can never stop the app from starting.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow

from . import i18n, style

THEME_KEY = "look/theme"
TEXT_SCALE_KEY = "look/text_scale"
LANGUAGE_KEY = "look/language"
SEQUENTIAL_MAP_KEY = "look/sequential_map"
DIVERGING_MAP_KEY = "look/diverging_map"
LAST_DECK_KEY = "files/last_deck"
GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"


@dataclass
class Preferences:
    """What the user chose last time. ``language`` "" means: follow the system language."""

    theme: str = "light"
    text_scale: float = 1.0
    language: str = ""
    last_deck: str = ""
    sequential_map: str = style.SEQUENTIAL_MAPS[0]
    diverging_map: str = style.DIVERGING_MAPS[0]


def _text(settings: QSettings, key: str, choices=None) -> str | None:
    value = settings.value(key)
    if not isinstance(value, str) or (choices is not None and value not in choices):
        return None
    return value


def _scale(settings: QSettings) -> float | None:
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


def load(settings: QSettings) -> Preferences:
    """The stored preferences, each one replaced by its default when unusable."""
    defaults = Preferences()
    theme = _text(settings, THEME_KEY, style.THEMES)
    scale = _scale(settings)
    language = _text(settings, LANGUAGE_KEY, i18n.LANGUAGES)
    last_deck = _text(settings, LAST_DECK_KEY)
    sequential = _text(settings, SEQUENTIAL_MAP_KEY, style.SEQUENTIAL_MAPS)
    diverging = _text(settings, DIVERGING_MAP_KEY, style.DIVERGING_MAPS)
    return Preferences(
        theme=defaults.theme if theme is None else theme,
        text_scale=defaults.text_scale if scale is None else scale,
        language=defaults.language if language is None else language,
        last_deck=defaults.last_deck if last_deck is None else last_deck,
        sequential_map=defaults.sequential_map if sequential is None else sequential,
        diverging_map=defaults.diverging_map if diverging is None else diverging,
    )


def save(settings: QSettings, preferences: Preferences) -> None:
    settings.setValue(THEME_KEY, preferences.theme)
    settings.setValue(TEXT_SCALE_KEY, float(preferences.text_scale))
    settings.setValue(LANGUAGE_KEY, preferences.language)
    settings.setValue(LAST_DECK_KEY, preferences.last_deck)
    settings.setValue(SEQUENTIAL_MAP_KEY, preferences.sequential_map)
    settings.setValue(DIVERGING_MAP_KEY, preferences.diverging_map)
    settings.sync()


def save_window(settings: QSettings, window: QMainWindow) -> None:
    """Remember the window's size, position, docks and toolbars."""
    settings.setValue(GEOMETRY_KEY, window.saveGeometry())
    settings.setValue(STATE_KEY, window.saveState())
    settings.sync()


def restore_window(settings: QSettings, window: QMainWindow) -> bool:
    """Bring back the remembered layout; False (and the window untouched) when there is none usable."""
    geometry, state = settings.value(GEOMETRY_KEY), settings.value(STATE_KEY)
    if not isinstance(geometry, QByteArray) or not window.restoreGeometry(geometry):
        return False
    if isinstance(state, QByteArray):
        window.restoreState(state)
    return True
