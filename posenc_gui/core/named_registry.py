"""The one way the app's registries (methods, output kinds, RoPE scalings, real models, views) keep named things:
each name registered once, a duplicate refused at import (two modules claiming one name is a programming error,
not something to settle by import order), and a lookup that names what is known when a name is not."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Callable, Generic, Iterator, TypeVar

Entry = TypeVar("Entry")


def _unknown_name(noun: str) -> Callable[[str, str], Exception]:
    return lambda name, known: KeyError(f"unknown {noun} {name!r}; known: {known}")


class NamedRegistry(dict[str, Entry], Generic[Entry]):
    """A dict of ``noun`` entries by name. ``add`` refuses a name already there (``duplicate``, TypeError unless a
    registry's callers expect another type); ``find`` looks a name up and raises ``unknown(name, known names)``
    when it is missing: a registry whose names come from users passes one that builds its InputError (kept a
    literal call, so that scripts/update_translations.py extracts its template)."""

    def __init__(self, noun: str, unknown: Callable[[str, str], Exception] | None = None,
                 duplicate: type[Exception] = TypeError):
        super().__init__()
        self.noun = noun
        self.unknown = unknown or _unknown_name(noun)
        self.duplicate = duplicate

    def add(self, entry: Entry, name: str | None = None) -> Entry:
        """Register ``entry`` under ``name`` (by default its ``name`` attribute); returns it."""
        name = entry.name if name is None else name
        if name in self:
            raise self.duplicate(f"{self.noun} {name!r} registered twice")
        self[name] = entry
        return entry

    def find(self, name: str) -> Entry:
        try:
            return self[name]
        except KeyError:
            raise self.unknown(name, ", ".join(self)) from None

    @contextmanager
    def temporarily(self, entry: Entry) -> Iterator[Entry]:
        """``entry`` registered for the duration of a with-block (one a test defines), then removed."""
        self.add(entry)
        try:
            yield entry
        finally:
            self.pop(entry.name, None)
