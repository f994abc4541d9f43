"""Scenes and decks: one scene (plain typed data with validation), decks of scenes, and reading and
writing them as JSON files. No Qt, so that decks can be checked and written without a display (the
app's ``StateModel`` holds a scene and announces its changes).

A scene's ``view`` is a string key. Which keys exist, and which methods each view applies to, is
the views' business: loaders take an optional ``views`` mapping {key: applies_to(method) -> bool}
and refuse a scene whose view is unknown or does not apply to its method.

Whatever a loader accepts can be written back: texts are refused when they are too long to show
(the limits below) or hold a lone UTF-16 surrogate (``"\\ud800"`` in JSON), which UTF-8 cannot hold.

Titles and notes come in the interface languages: ``title`` and ``notes`` are English (as in decks
written before there were others), ``title_zh`` and ``notes_zh`` Chinese, each optional; ``title_in``
and ``notes_in`` pick the one to show.
"""

from __future__ import annotations

import math
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Mapping

from .core import registry
from .core.lessons import options as lesson_options
from .core.params import InputError, Term, shown, shown_name
from .core.registry import Method
from .files import write_text_atomic
from .scene_files import QT_TRANSLATE_NOOP, json_text, load_file


SCENE_KEYS = (
    "method", "params", "view", "dims", "position", "head", "text", "causal", "position_only",
    "title", "notes", "title_zh", "notes_zh", "options",
)
TEXT_LANGUAGES = ("en", "zh")  # the languages a deck's titles and notes can be written in; English first
DECK_VERSION = 1
MAX_CURVES = 16
MAX_TEXT = 2000                # the attention's tokens: far past what its panels can label
MAX_TITLE = 200                # a scene's or deck's title: one line of the window's title and status
MAX_NOTES = 10_000             # a scene's notes: several screens of the notes pane
MAX_SCENES = 1000              # a deck's scenes: many lectures' worth, each validated on opening
MAX_OPTIONS = 32
MAX_OPTION_TEXT = 200
MAX_INDEX = 2**24              # positions, dimensions, heads: beyond any size, well inside Qt's int
MAX_OPTION_NUMBER = 1e9        # view settings: beyond any setting, well inside Qt's int
DEFAULT_TEXT = "the cat chases the mouse"

Views = Mapping[str, Callable[[Method], bool]]


def in_language(language: str, english: str, chinese: str) -> str:
    """The text for interface ``language``: its own when written, else English, else whichever there is,
    so that a scene never shows nothing because it was written in one language only."""
    own = chinese if language == "zh" else english
    return own or english or chinese


@dataclass(frozen=True)
class Scene:
    """Everything one screen shows: method and parameters, view, selection, attention settings.

    ``params`` always holds every parameter of the method, validated (see ``validated``).
    ``dims``: encoding dimensions drawn as curves; ``position``: the position drawn across
    dimensions; ``head``: a head index or "all" (small multiples). ``text``, ``causal`` and
    ``position_only`` drive the attention pane. ``causal`` and a method's "causal" parameter (ALiBi,
    T5) are one setting: a validated scene has them equal, causal when either one was.
    ``title`` and ``notes`` are for decks, in English; ``title_zh`` and ``notes_zh`` in Chinese.
    ``options`` holds view-specific settings (a lesson's step, a chosen patch...) as a flat
    {name: number, bool or short string}; each view reads it with ``option`` and clamps the value.
    """

    method: str = "sinusoidal"
    params: dict = field(default_factory=dict)
    view: str = "encoding"
    dims: tuple[int, ...] = (6, 7, 8, 9)
    position: int = 0
    head: int | str = "all"
    text: str = DEFAULT_TEXT
    causal: bool = False
    position_only: bool = False
    title: str = ""
    notes: str = ""
    title_zh: str = ""
    notes_zh: str = ""
    options: dict = field(default_factory=dict)

    def title_in(self, language: str) -> str:
        """The title to show in interface ``language`` ("en" or "zh"), see ``in_language``."""
        return in_language(language, self.title, self.title_zh)

    def notes_in(self, language: str) -> str:
        """The lecturer's notes to show in interface ``language``, see ``in_language``."""
        return in_language(language, self.notes, self.notes_zh)

    def option(self, name: str, default):
        """The view setting ``name``, or ``default`` when absent or of another type than it."""
        value = self.options.get(name, default)
        if isinstance(default, bool) != isinstance(value, bool):
            return default
        if isinstance(default, (int, float)) and not isinstance(value, (int, float)):
            return default
        if isinstance(default, str) and not isinstance(value, str):
            return default
        return value

    @property
    def method_obj(self) -> Method:
        return registry.get(self.method)

    def values_for(self, kind: str) -> dict:
        """The parameters output ``kind`` takes, ready for ``Method.compute(kind, ...)``."""
        method = self.method_obj
        return {p.name: self.params[p.name] for p in method.params_for(kind) if p.name in self.params}

    def compute(self, kind: str, display: bool = True):
        """Shortcut for views' ``data_for``: this scene's method computes output ``kind``."""
        return self.method_obj.compute(kind, self.values_for(kind), display=display)

    def validated(self, views: Views | None = None) -> "Scene":
        """A copy with every field checked and the parameters resolved; InputError otherwise."""
        method = registry.get(_text("method", self.method))
        params = method.resolve(None, _mapping("params", self.params))
        view = _text("view", self.view)
        if views is not None:
            if view not in views:
                raise InputError("unknown view {0}; known: {1}", shown(view), ", ".join(views))
            if not views[view](method):
                raise InputError("view {0} does not apply to method {1}", shown(view), repr(method.name))
        dims = _dims(self.dims)
        head = self.head
        if not (head == "all" or (_is_int(head) and 0 <= head <= MAX_INDEX)):
            raise InputError("head must be \"all\" or a head index from 0 to {0}, not {1}", MAX_INDEX, shown(head))
        causal = _flag("causal", self.causal)
        if "causal" in params:  # one causal switch: the method's parameter and the attention's agree
            causal = params["causal"] = causal or params["causal"]
        return Scene(
            method=method.name, params=params, view=view, dims=dims,
            position=_index("position", self.position), head=head,
            text=_text("text", self.text, empty_ok=True, limit=MAX_TEXT),
            causal=causal, position_only=_flag("position_only", self.position_only),
            title=_text("title", self.title, empty_ok=True, limit=MAX_TITLE),
            notes=_text("notes", self.notes, empty_ok=True, limit=MAX_NOTES),
            title_zh=_text("title_zh", self.title_zh, empty_ok=True, limit=MAX_TITLE),
            notes_zh=_text("notes_zh", self.notes_zh, empty_ok=True, limit=MAX_NOTES),
            options=lesson_options.checked(view, _options(self.options)),
        )

    def to_json(self) -> dict:
        """A JSON-ready dict (round-trips through ``from_json``)."""
        data = asdict(self)
        data["dims"] = list(self.dims)
        data["params"] = dict(self.params)
        data["options"] = dict(self.options)
        return data

    @classmethod
    def from_json(cls, data: object, views: Views | None = None) -> "Scene":
        """Build and validate a scene from parsed JSON; InputError names the first problem.

        Missing keys take their defaults; parameters not given take the method's defaults.
        """
        if not isinstance(data, dict):
            raise InputError("a scene must be a JSON object, not {0}", _json_type(data))
        unknown = sorted(set(data) - set(SCENE_KEYS), key=str)
        if unknown:
            raise InputError("unknown scene key {0}; known: {1}", shown(unknown[0]), ", ".join(SCENE_KEYS))
        if "method" not in data:
            raise InputError("a scene needs a \"method\"")
        values = dict(data)
        if isinstance(values.get("dims"), list):
            values["dims"] = tuple(values["dims"])
        return cls(**values).validated(views)

    @classmethod
    def load(cls, path: str | os.PathLike, views: Views | None = None) -> "Scene":
        """Read a scene file; InputError (with the file name) for anything wrong with it."""
        return load_file(cls, path, "scene", views)

    def save(self, path: str | os.PathLike) -> None:
        """Write the scene as JSON through a temporary file, so a failure leaves no partial file."""
        write_text_atomic(Path(path), json_text(self.to_json()))


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


JSON_TYPES = {dict: QT_TRANSLATE_NOOP("errors", "an object"), list: QT_TRANSLATE_NOOP("errors", "a list"),
              str: QT_TRANSLATE_NOOP("errors", "a string"), bool: QT_TRANSLATE_NOOP("errors", "true/false"),
              int: QT_TRANSLATE_NOOP("errors", "a number"), float: QT_TRANSLATE_NOOP("errors", "a number"),
              type(None): QT_TRANSLATE_NOOP("errors", "null")}


def _json_type(value: object) -> str:
    name = JSON_TYPES.get(type(value))
    return Term(name) if name else type(value).__name__


def _text(name: str, value: object, empty_ok: bool = False, limit: int | None = None) -> str:
    if not isinstance(value, str):
        raise InputError("{0} must be a string, not {1}", name, _json_type(value))
    if limit is not None and len(value) > limit:
        raise InputError("{0} is {1} characters long; at most {2}", name, len(value), limit)
    if not empty_ok and not value.strip():
        raise InputError("{0} must not be empty", name)
    return _writable(name, value)


def _writable(name: str, value: str) -> str:
    """``value`` when UTF-8 can hold it: a lone surrogate (JSON's "\\ud800" without its partner)
    reads as a str but cannot be written back, nor hashed into a token's embedding."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise InputError("{0} holds a lone surrogate ({1}) at character {2}, which is not text; remove it",
                         name, f"U+{ord(value[error.start]):04X}", error.start + 1) from None
    return value


def _mapping(name: str, value: object) -> dict:
    if not isinstance(value, dict):
        raise InputError("{0} must be an object of name: value, not {1}", name, _json_type(value))
    return value


def _flag(name: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise InputError("{0} must be true or false, not {1}", name, shown(value))
    return value


def _is_index(value: object) -> bool:
    return _is_int(value) and 0 <= value <= MAX_INDEX


def _index(name: str, value: object) -> int:
    if not _is_index(value):
        raise InputError("{0} must be a whole number from 0 to {1}, not {2}", name, MAX_INDEX, shown(value))
    return value


def _dims(value: object) -> tuple[int, ...]:
    if not isinstance(value, (tuple, list)):
        raise InputError("dims must be a list of dimension indices, not {0}", _json_type(value))
    if len(value) > MAX_CURVES:
        raise InputError("dims lists {0} dimensions; at most {1} curves", len(value), MAX_CURVES)
    for d in value:  # a sentence of its own, for the translations
        if not _is_index(d):
            raise InputError("each of dims must be a whole number from 0 to {0}, not {1}", MAX_INDEX, shown(d))
    return tuple(dict.fromkeys(value))  # drop repeats, keep order


def _options(value: object) -> dict:
    options = _mapping("options", value)
    if len(options) > MAX_OPTIONS:
        raise InputError("options has {0} entries; at most {1}", len(options), MAX_OPTIONS)
    for name, item in options.items():
        if not isinstance(name, str) or not name:
            raise InputError("option names must be non-empty strings, not {0}", shown(name))
        if len(name) > MAX_OPTION_TEXT:
            raise InputError("option name {0} is longer than {1} characters", shown(name), MAX_OPTION_TEXT)
        _writable(f"option name {shown(name)}", name)
        if isinstance(item, float) and not math.isfinite(item):
            raise InputError("option {0} must be a finite number, not {1}", shown_name(name), repr(item))
        if isinstance(item, (int, float)) and not isinstance(item, bool) and abs(item) > MAX_OPTION_NUMBER:
            raise InputError("option {0} must be from -1e9 to 1e9, not {1}", shown_name(name), shown(item))
        if isinstance(item, str) and len(item) > MAX_OPTION_TEXT:
            raise InputError("option {0} is longer than {1} characters", shown_name(name), MAX_OPTION_TEXT)
        if isinstance(item, str):
            _writable(f"option {shown_name(name)}", item)
        if not isinstance(item, (bool, int, float, str)):
            raise InputError("option {0} must be a number, true/false or a string, not {1}", shown_name(name),
                             _json_type(item))
    return dict(options)


SCENE_IN_DECK = QT_TRANSLATE_NOOP("errors", "scene {0}: {1}")


DECK_KEYS = ("version", "title", "title_zh", "scenes")


@dataclass(frozen=True)
class Deck:
    """An ordered, non-empty list of scenes with a format version; ``title`` English, ``title_zh`` Chinese."""

    scenes: tuple[Scene, ...]
    title: str = ""
    version: int = DECK_VERSION
    title_zh: str = ""

    def title_in(self, language: str) -> str:
        return in_language(language, self.title, self.title_zh)

    def to_json(self) -> dict:
        return {"version": self.version, "title": self.title, "title_zh": self.title_zh,
                "scenes": [s.to_json() for s in self.scenes]}

    @classmethod
    def from_json(cls, data: object, views: Views | None = None) -> "Deck":
        if not isinstance(data, dict):
            raise InputError("a deck must be a JSON object, not {0}", _json_type(data))
        unknown = sorted(set(data) - set(DECK_KEYS), key=str)
        if unknown:
            raise InputError("unknown deck key {0}; known: {1}", shown(unknown[0]), ", ".join(DECK_KEYS))
        version = data.get("version")
        if version != DECK_VERSION or not _is_int(version):
            raise InputError("unsupported deck version {0}; this app reads version {1}", shown(version), DECK_VERSION)
        scenes = data.get("scenes")
        if not isinstance(scenes, list):
            raise InputError("\"scenes\" must be a list, not {0}", _json_type(scenes))
        if not scenes:
            raise InputError("the deck has no scenes")
        if len(scenes) > MAX_SCENES:
            raise InputError("the deck has {0} scenes; at most {1}", len(scenes), MAX_SCENES)
        title = _text("title", data.get("title", ""), empty_ok=True, limit=MAX_TITLE)
        title_zh = _text("title_zh", data.get("title_zh", ""), empty_ok=True, limit=MAX_TITLE)
        parsed = []
        for number, scene in enumerate(scenes, 1):
            try:
                parsed.append(Scene.from_json(scene, views))
            except InputError as error:
                raise InputError(SCENE_IN_DECK, number, error) from None
        return cls(tuple(parsed), title, version, title_zh)

    @classmethod
    def load(cls, path: str | os.PathLike, views: Views | None = None) -> "Deck":
        """Read a deck file; InputError (with the file name) for anything wrong with it."""
        return load_file(cls, path, "deck", views)

    def save(self, path: str | os.PathLike) -> None:
        """Write the deck as JSON through a temporary file, so a failure leaves no partial file."""
        write_text_atomic(Path(path), json_text(self.to_json()))
