"""How the app looks, apart from what it shows: theme, text scale, presentation mode, interface language and colour
maps. A value with no Qt in it (the window's ``LookModel`` holds one and says what changed), so that settings and
tests can reason about a look without a display."""

from __future__ import annotations

from dataclasses import dataclass, fields

COLOUR_MAPS = frozenset({"sequential_map", "diverging_map"})
# Colour maps pyqtgraph ships (no matplotlib needed), each readable with the common colour-vision
# deficiencies; the first of each is the default. Sequential: dark to light, for values from 0 up.
# Diverging: light at 0 (the middle), blue below against yellow or red above, for signed values.
SEQUENTIAL_MAPS = ("CET-CBL1", "CET-CBL2", "viridis", "cividis", "magma")
DIVERGING_MAPS = ("CET-CBD1", "CET-D1", "CET-D1A")


@dataclass(frozen=True)
class ColourMaps:
    """The names of the colour maps chosen for values from 0 up (sequential) and for signed values (diverging)."""

    sequential: str = SEQUENTIAL_MAPS[0]
    diverging: str = DIVERGING_MAPS[0]

    def name(self, signed: bool) -> str:
        return self.diverging if signed else self.sequential


@dataclass(frozen=True)
class Look:
    theme: str = "light"
    text_scale: float = 1.0
    presenting: bool = False
    language: str = "en"
    sequential_map: str = SEQUENTIAL_MAPS[0]
    diverging_map: str = DIVERGING_MAPS[0]

    @property
    def colour_maps(self) -> ColourMaps:
        return ColourMaps(self.sequential_map, self.diverging_map)


@dataclass(frozen=True)
class LookChange:
    """The look before and after a change and the names of the fields that differ."""

    old: Look
    new: Look
    fields: frozenset[str]

    @classmethod
    def between(cls, old: Look, new: Look) -> "LookChange":
        return cls(old, new, frozenset(f.name for f in fields(Look) if getattr(old, f.name) != getattr(new, f.name)))
