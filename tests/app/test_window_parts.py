"""The window's parts use narrow interfaces: each holds the widgets it builds or is given, and asks another part (or
the window) through its methods, never by reaching into the window's widgets (``window.notes_dock.show()``), so
that a widget has one owner and moving it touches one file."""

import ast
from pathlib import Path

from PySide6.QtWidgets import QWidget

from posenc_gui.app.views.base import View
from posenc_gui.app.window import MainWindow

APP = Path(__file__).parents[2] / "posenc_gui" / "app"
PARTS = ("menus", "file_commands", "deck_controls", "look_controls", "presenting", "panel_dock", "scene_drawer",
         "build_ahead", "status_line", "view_catalogue", "clicker")
MAX_LINES = 400


def window_chains(source: str):
    """Every chain of attributes read or written from the window in ``source``: ``window.a.b`` and ``self.window.a.b``
    as ("a", "b"), each with its line."""
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Attribute):
            continue
        names, inner = [], node
        while isinstance(inner, ast.Attribute):
            names.append(inner.attr)
            inner = inner.value
        names.reverse()
        if isinstance(inner, ast.Name) and inner.id == "self" and names[:1] == ["window"]:
            yield tuple(names[1:]), node.lineno
        elif isinstance(inner, ast.Name) and inner.id == "window":
            yield tuple(names), node.lineno


def test_no_part_reaches_into_a_widget_of_the_window_or_of_another_part(qtbot):
    window = MainWindow(settings=None)
    qtbot.addWidget(window)
    reaches = set()
    for part in PARTS:
        path = APP / f"{part}.py"
        for chain, line in window_chains(path.read_text(encoding="utf-8")):
            value = window
            for depth, name in enumerate(chain):
                value = getattr(value, name, None)
                if isinstance(value, QWidget) and not isinstance(value, View):  # views are what the parts act on
                    reaches.add(f"{path.name}:{line}: window.{'.'.join(chain[:depth + 1])}")
                    break
    assert not reaches, "\n".join(sorted(reaches))


def test_the_window_stays_a_composition():
    assert len((APP / "window.py").read_text(encoding="utf-8").splitlines()) < MAX_LINES
