"""The app's state: one scene (plain typed data with validation), decks of scenes, and the model
that holds the current scene and announces changes. Nothing here knows about widgets.

A scene's ``view`` is a string key. Which keys exist, and which methods each view applies to, is
the views' business: loaders take an optional ``views`` mapping {key: applies_to(method) -> bool}
and refuse a scene whose view is unknown or does not apply to its method.
"""

from __future__ import annotations

import codecs
import json
import math
import os
import stat
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Callable, Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Signal

from ..core import registry
from ..core.params import InputError, shown, shown_name
from ..core.registry import Method
from ..files import write_text_atomic
from . import i18n

SCENE_KEYS = (
    "method", "params", "view", "dims", "position", "head", "text", "causal", "position_only",
    "title", "notes", "options",
)
DECK_VERSION = 1
MAX_CURVES = 16
MAX_TEXT = 2000
MAX_DECK_BYTES = 4 * 1024 * 1024
MAX_OPTIONS = 32
MAX_OPTION_TEXT = 200
MAX_INDEX = 2**24              # positions, dimensions, heads: beyond any size, well inside Qt's int
MAX_OPTION_NUMBER = 1e9        # view settings: beyond any setting, well inside Qt's int
DEFAULT_TEXT = "the cat chases the mouse"

Views = Mapping[str, Callable[[Method], bool]]


def resolve_params(method: Method, values: Mapping | None = None) -> dict:
    """Every parameter of ``method``, validated: defaults filled in, types coerced, ranges and the
    method's cross-parameter check applied. Unknown names raise InputError."""
    values = dict(values or {})
    names = [p.name for p in method.params]
    unknown = sorted(set(values) - set(names), key=str)
    if unknown:
        if not names:
            raise InputError("method {0} has no parameter {1} (it has: none)",
                             method.name, ", ".join(map(shown_name, unknown)))
        raise InputError("method {0} has no parameter {1} (it has: {2})",
                         method.name, ", ".join(map(shown_name, unknown)), ", ".join(names))
    resolved = {p.name: p.coerce(values.get(p.name, p.default)) for p in method.params}
    if method.check is not None:
        method.check(**resolved)
    return resolved


@dataclass(frozen=True)
class Scene:
    """Everything one screen shows: method and parameters, view, selection, attention settings.

    ``params`` always holds every parameter of the method, validated (see ``validated``).
    ``dims``: encoding dimensions drawn as curves; ``position``: the position drawn across
    dimensions; ``head``: a head index or "all" (small multiples). ``text``, ``causal`` and
    ``position_only`` drive the attention pane. ``causal`` and a method's "causal" parameter (ALiBi,
    T5) are one setting: a validated scene has them equal, causal when either one was.
    ``title`` and ``notes`` are for decks.
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
    options: dict = field(default_factory=dict)

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
        params = resolve_params(method, _mapping("params", self.params))
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
        text = _text("text", self.text, empty_ok=True)
        if len(text) > MAX_TEXT:
            raise InputError("text is {0} characters long; at most {1}", len(text), MAX_TEXT)
        causal = _flag("causal", self.causal)
        if "causal" in params:  # one causal switch: the method's parameter and the attention's agree
            causal = params["causal"] = causal or params["causal"]
        return Scene(
            method=method.name, params=params, view=view, dims=dims,
            position=_index("position", self.position), head=head, text=text,
            causal=causal, position_only=_flag("position_only", self.position_only),
            title=_text("title", self.title, empty_ok=True), notes=_text("notes", self.notes, empty_ok=True),
            options=_options(self.options),
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


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class Term(str):
    """A value of an InputError that is the app's own English words, not the user's (the name of a
    JSON type): ``str`` as it is, translated by ``error_text`` (context "errors")."""


JSON_TYPES = {dict: QT_TRANSLATE_NOOP("errors", "an object"), list: QT_TRANSLATE_NOOP("errors", "a list"),
              str: QT_TRANSLATE_NOOP("errors", "a string"), bool: QT_TRANSLATE_NOOP("errors", "true/false"),
              int: QT_TRANSLATE_NOOP("errors", "a number"), float: QT_TRANSLATE_NOOP("errors", "a number"),
              type(None): QT_TRANSLATE_NOOP("errors", "null")}


def _json_type(value: object) -> str:
    name = JSON_TYPES.get(type(value))
    return Term(name) if name else type(value).__name__


def _text(name: str, value: object, empty_ok: bool = False) -> str:
    if not isinstance(value, str):
        raise InputError("{0} must be a string, not {1}", name, _json_type(value))
    if not empty_ok and not value.strip():
        raise InputError("{0} must not be empty", name)
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
        if isinstance(item, float) and not math.isfinite(item):
            raise InputError("option {0} must be a finite number, not {1}", shown_name(name), repr(item))
        if isinstance(item, (int, float)) and not isinstance(item, bool) and abs(item) > MAX_OPTION_NUMBER:
            raise InputError("option {0} must be from -1e9 to 1e9, not {1}", shown_name(name), shown(item))
        if isinstance(item, str) and len(item) > MAX_OPTION_TEXT:
            raise InputError("option {0} is longer than {1} characters", shown_name(name), MAX_OPTION_TEXT)
        if not isinstance(item, (bool, int, float, str)):
            raise InputError("option {0} must be a number, true/false or a string, not {1}", shown_name(name),
                             _json_type(item))
    return dict(options)


# What read_json reads, and its messages ({0} the file, {1} what it should be, {2} the detail): English
# for the command line, translated in the app.
FILE_KINDS = (QT_TRANSLATE_NOOP("files", "deck"), QT_TRANSLATE_NOOP("files", "scene"))
NOT_A_FILE = QT_TRANSLATE_NOOP("files", "{0}: not a file (a {1} is a UTF-8 JSON file)")
TOO_LARGE = QT_TRANSLATE_NOOP("files", "{0}: larger than {2} MiB; not a {1}")
UTF16 = QT_TRANSLATE_NOOP("files", "{0}: saved as UTF-16; a {1} is UTF-8 JSON (save it again as UTF-8)")
UNREADABLE = QT_TRANSLATE_NOOP("files", "cannot read {0}: {2}")
NOT_TEXT = QT_TRANSLATE_NOOP("files", "{0}: not a text file (a {1} is UTF-8 JSON)")
TOO_DEEP = QT_TRANSLATE_NOOP("files", "{0}: JSON nested too deeply")
NOT_JSON = QT_TRANSLATE_NOOP("files", "{0}: not valid JSON ({2})")


class FileProblem(InputError):
    """An InputError about a file as a whole (unreadable, too large, not JSON...), kept as an English
    template and its values: ``str(error)`` is English (the command line's), ``translated()`` is in
    the interface language. ``detail`` (an OS or JSON parser message) stays as it is."""

    def __init__(self, template: str, name: str, what: str = "", detail: str = ""):
        super().__init__(template, name, what, detail)
        self.name, self.what, self.detail = name, what, detail

    def translated(self) -> str:
        try:
            return i18n.translate("files", self.template).format(self.name, i18n.translate("files", self.what),
                                                                 self.detail)
        except (IndexError, KeyError, ValueError):  # a damaged translation
            return str(self)


SCENE_IN_DECK = QT_TRANSLATE_NOOP("errors", "scene {0}: {1}")


def error_text(error: InputError) -> str:
    """The message of any InputError in the interface language, for the window to show: a FileProblem's
    ``translated()``; otherwise the template translated in context "errors" and filled with the values
    (an InputError among them, as when a deck names the scene of a problem, given the same way; a
    Term translated too). English (``str(error)``) when the translation is damaged; the command line
    always uses ``str``."""
    if isinstance(error, FileProblem):
        return error.translated()
    values = [error_text(value) if isinstance(value, InputError)
              else i18n.translate("errors", value) if isinstance(value, Term) else value for value in error.values]
    try:
        text = i18n.translate("errors", error.template)
        return text.format(*values) if values else text
    except (IndexError, KeyError, ValueError):  # a damaged translation
        return str(error)


def read_json(path: str | os.PathLike, what: str = "deck") -> object:
    """Parsed JSON of the file at ``path``, for a ``what`` (one of FILE_KINDS) the user opened.
    FileProblem names the file for anything wrong: not a regular file (a folder, a pipe, a device),
    unreadable, over MAX_DECK_BYTES (never read whole), UTF-16, not UTF-8, not JSON, nested too
    deeply. A UTF-8 byte-order mark is accepted."""
    path = Path(path)
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            raise FileProblem(NOT_A_FILE, path.name, what)
        with path.open("rb") as handle:
            raw = handle.read(MAX_DECK_BYTES + 1)
        if len(raw) > MAX_DECK_BYTES:
            raise FileProblem(TOO_LARGE, path.name, what, str(MAX_DECK_BYTES // 1024**2))
        if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            raise FileProblem(UTF16, path.name, what)
        return json.loads(raw.decode("utf-8-sig"))
    except InputError:
        raise
    except OSError as error:
        raise FileProblem(UNREADABLE, str(path), what, str(error.strerror or error)) from None
    except UnicodeDecodeError:
        raise FileProblem(NOT_TEXT, path.name, what) from None
    except RecursionError:
        raise FileProblem(TOO_DEEP, path.name, what) from None
    except ValueError as error:
        raise FileProblem(NOT_JSON, path.name, what, str(error)) from None


@dataclass(frozen=True)
class Deck:
    """An ordered, non-empty list of scenes with a format version."""

    scenes: tuple[Scene, ...]
    title: str = ""
    version: int = DECK_VERSION

    def to_json(self) -> dict:
        return {"version": self.version, "title": self.title, "scenes": [s.to_json() for s in self.scenes]}

    @classmethod
    def from_json(cls, data: object, views: Views | None = None) -> "Deck":
        if not isinstance(data, dict):
            raise InputError("a deck must be a JSON object, not {0}", _json_type(data))
        unknown = sorted(set(data) - {"version", "title", "scenes"}, key=str)
        if unknown:
            raise InputError("unknown deck key {0}; known: version, title, scenes", shown(unknown[0]))
        version = data.get("version")
        if version != DECK_VERSION or not _is_int(version):
            raise InputError("unsupported deck version {0}; this app reads version {1}", shown(version), DECK_VERSION)
        scenes = data.get("scenes")
        if not isinstance(scenes, list):
            raise InputError("\"scenes\" must be a list, not {0}", _json_type(scenes))
        if not scenes:
            raise InputError("the deck has no scenes")
        parsed = []
        for number, scene in enumerate(scenes, 1):
            try:
                parsed.append(Scene.from_json(scene, views))
            except InputError as error:
                raise InputError(SCENE_IN_DECK, number, error) from None
        return cls(tuple(parsed), _text("title", data.get("title", ""), empty_ok=True), version)

    @classmethod
    def load(cls, path: str | os.PathLike, views: Views | None = None) -> "Deck":
        """Read a deck file; InputError (with the file name) for anything wrong with it."""
        path = Path(path)
        data = read_json(path, "deck")
        try:
            return cls.from_json(data, views)
        except InputError as error:
            raise InputError("{0}: {1}", path.name, error) from None

    def save(self, path: str | os.PathLike) -> None:
        """Write the deck as JSON through a temporary file, so a failure leaves no partial file."""
        write_text_atomic(Path(path), json.dumps(self.to_json(), indent=2, ensure_ascii=False) + "\n")


class StateModel(QObject):
    """Holds the current scene. Setters validate; a bad value leaves the state unchanged and
    emits ``error`` with a one-line message in the interface language (for the status bar).
    ``changed`` carries the new Scene after every real change."""

    changed = Signal(object)
    error = Signal(str)

    def __init__(self, scene: Scene | None = None, views: Views | None = None, parent=None):
        super().__init__(parent)
        self.views = views
        self._scene = (scene or Scene()).validated(views)

    @property
    def scene(self) -> Scene:
        return self._scene

    @property
    def method(self) -> Method:
        return registry.get(self._scene.method)

    def set_scene(self, scene: Scene) -> bool:
        """Replace the whole scene (after validation). Returns whether the state changed."""
        try:
            new = scene.validated(self.views)
        except InputError as error:
            self.error.emit(error_text(error))
            return False
        if new == self._scene:
            return False
        self._scene = new
        self.changed.emit(new)
        return True

    def update(self, **changes) -> bool:
        """Change some scene fields, e.g. ``update(position=3, head="all")``."""
        unknown = set(changes) - {f.name for f in fields(Scene)}
        if unknown:
            raise TypeError(f"Scene has no field {sorted(unknown)}")
        return self.set_scene(self._one_causal(replace(self._scene, **changes), changes))

    def _one_causal(self, scene: Scene, changes: Mapping) -> Scene:
        """``scene`` with an edit of either causal control (the attention's switch, a method's
        "causal" parameter) made to both, so that switching one off switches the setting off."""
        params = scene.params
        if not isinstance(params, dict) or "causal" not in params:
            return scene
        if "causal" in changes:
            return replace(scene, params={**params, "causal": changes["causal"]})
        if "params" in changes and params["causal"] != self._scene.params.get("causal"):
            try:
                return replace(scene, causal=registry.get(scene.method).param("causal").coerce(params["causal"]))
            except InputError:
                return scene  # validation names the problem
        return scene

    def set_param(self, name: str, value: object) -> bool:
        return self.set_params({name: value})

    def set_params(self, values: Mapping) -> bool:
        return self.update(params={**self._scene.params, **values})

    def set_method(self, name: str, view: str | None = None) -> bool:
        """Switch method; parameters it shares with the old one (by name) keep their values when
        valid. ``view`` (optional) is the view to show with it."""
        try:
            method = registry.get(name)
        except InputError as error:
            self.error.emit(error_text(error))
            return False
        kept = {}
        for p in method.params:
            if p.name in self._scene.params:
                try:
                    kept[p.name] = p.coerce(self._scene.params[p.name])
                except InputError:
                    pass
        try:
            params = resolve_params(method, kept)
        except InputError:
            params = method.defaults()
        if view is None:
            view = self._scene.view
            if self.views is not None and not (view in self.views and self.views[view](method)):
                view = next((k for k, applies in self.views.items() if applies(method)), view)
        return self.update(method=method.name, params=params, view=view)

    def set_option(self, name: str, value: object) -> bool:
        """Set one view setting of the scene (see ``Scene.options``)."""
        return self.update(options={**self._scene.options, name: value})

    def set_view(self, key: str) -> bool:
        """Show view ``key``; another view starts at its first step (a lesson's step is its own, not the
        previous lesson's)."""
        if key == self._scene.view or "step" not in self._scene.options:
            return self.update(view=key)
        options = {name: value for name, value in self._scene.options.items() if name != "step"}
        return self.update(view=key, options=options)
