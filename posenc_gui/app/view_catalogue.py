"""The catalogue of views as the menus and the toolbar list them: each view's class and translated title, and the
views grouped for navigation (Explore, Learn, Reference)."""

from __future__ import annotations

from . import i18n
from .views import VIEWS

GROUPS = ("explore", "learn", "reference")


def view_class(key: str):
    return VIEWS[key][2]


def view_title(key: str) -> str:
    """The view's title in the interface language (translated in the context of its class)."""
    cls = view_class(key)
    return i18n.translate(cls.__name__, cls.title)


def grouped_views() -> list[tuple[str, list[str]]]:
    """(group, view keys) in navigation order: Explore, Learn, Reference, then any other group;
    within a group, the order of ``VIEWS``."""
    groups: dict[str, list[str]] = {group: [] for group in GROUPS}
    for key in VIEWS:
        groups.setdefault(getattr(view_class(key), "group", "explore"), []).append(key)
    return [(group, keys) for group, keys in groups.items() if keys]


def view_keys() -> list[str]:
    """Every view's key, in the order of ``VIEWS``."""
    return list(VIEWS)


def view_applies(key: str, method) -> bool:
    """Whether view ``key`` can show ``method``."""
    return VIEWS[key][1](method)
