"""The app's state model: it holds the current scene (``posenc_gui.scene``, which imports no Qt) and
announces changes; ``error_text`` puts the scenes' and decks' messages in the interface language.
Nothing here knows about widgets.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Mapping

from PySide6.QtCore import QObject, Signal

from ..core import registry
from ..core.params import InputError
from ..core.registry import Method
from ..scene import (  # noqa: F401 (the app's modules and tests import the scene's names from here too)
    DECK_VERSION, JSON_TYPES, MAX_CURVES, MAX_INDEX, SCENE_KEYS, Deck, Scene, Term, Views,
)
from ..scene_files import FileProblem
from . import i18n


def error_text(error: InputError) -> str:
    """The message of any InputError in the interface language, for the window to show: a FileProblem's
    template and kind of file translated in context "files" (its detail, an OS or parser message, as it
    is); otherwise the template translated in context "errors" and filled with the values (an InputError
    among them, as when a deck names the scene of a problem, given the same way; a Term translated
    too). English (``str(error)``) when the translation is damaged; the command line always uses ``str``."""
    try:
        if isinstance(error, FileProblem):
            return i18n.translate("files", error.template).format(error.name, i18n.translate("files", error.what),
                                                                  error.detail)
        values = [error_text(value) if isinstance(value, InputError)
                  else i18n.translate("errors", value) if isinstance(value, Term) else value for value in error.values]
        text = i18n.translate("errors", error.template)
        return text.format(*values) if values else text
    except (IndexError, KeyError, ValueError):  # a damaged translation
        return str(error)


SCENE_FIELDS = tuple(f.name for f in fields(Scene))
DECK_TEXT = frozenset({"title", "notes", "title_zh", "notes_zh"})  # what a deck reads; no view draws it


@dataclass(frozen=True)
class SceneChange:
    """One change of the scene: the scene before and after and the names of the fields that differ, so that each
    listener can tell whether the change touches what it shows (a view's data, the deck's texts)."""

    old: Scene
    new: Scene
    fields: frozenset[str]

    @classmethod
    def between(cls, old: Scene, new: Scene) -> "SceneChange":
        return cls(old, new, frozenset(name for name in SCENE_FIELDS if getattr(old, name) != getattr(new, name)))


class StateModel(QObject):
    """Holds the current scene. Setters validate; a bad value leaves the state unchanged and
    emits ``error`` with a one-line message in the interface language (for the status bar).
    After every real change ``changed`` carries the new Scene, then ``edited`` the ``SceneChange``
    (what changed: the window recomputes a view's data only when the fields it depends on did);
    ``view_replaced`` (old view, new view) follows when a method chosen cannot be shown in the current
    view, so that the switch is said, not silent."""

    changed = Signal(object)
    edited = Signal(object)
    error = Signal(str)
    view_replaced = Signal(str, str)

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
        old, self._scene = self._scene, new
        self.changed.emit(new)
        self.edited.emit(SceneChange.between(old, new))
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
            params = method.resolve(None, kept)
        except InputError:
            params = method.defaults()
        old_view = self._scene.view
        if view is None:
            view = old_view
            if self.views is not None and not (view in self.views and self.views[view](method)):
                view = next((k for k, applies in self.views.items() if applies(method)), view)
            replaced = view != old_view
        else:
            replaced = False
        if not self.update(method=method.name, params=params, view=view):
            return False
        if replaced:
            self.view_replaced.emit(old_view, view)
        return True

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
