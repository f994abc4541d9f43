"""How the app looks, apart from what it shows: theme, text scale, presentation mode, interface language and colour
maps. A value with no Qt in it (the window's ``LookModel`` holds one and says what changed), so that settings and
tests can reason about a look without a display."""

from __future__ import annotations

from dataclasses import dataclass, fields

COLOUR_MAPS = frozenset({"sequential_map", "diverging_map"})


@dataclass(frozen=True)
class Look:
    theme: str = "light"
    text_scale: float = 1.0
    presenting: bool = False
    language: str = "en"
    sequential_map: str = ""  # "" until chosen: the app's default map
    diverging_map: str = ""


@dataclass(frozen=True)
class LookChange:
    """The look before and after a change and the names of the fields that differ."""

    old: Look
    new: Look
    fields: frozenset[str]

    @classmethod
    def between(cls, old: Look, new: Look) -> "LookChange":
        return cls(old, new, frozenset(f.name for f in fields(Look) if getattr(old, f.name) != getattr(new, f.name)))
