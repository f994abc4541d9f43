"""Export of what a view shows: PNG at a chosen width, the arrays as CSV / NPY / NPZ (``files.write_arrays``,
all written atomically), and ``render_png`` for the headless ``posenc-gui export ... --out F.png``."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice

from ..core.params import InputError

# The data formats are written as the command line writes them; the window reaches them from here.
from ..files import DATA_SUFFIXES, write_arrays, write_bytes_atomic  # noqa: F401

MAX_PNG_SIDE = 16384


def view_image(view, width: int | None = None):
    """A QImage of the view's plots; ``width`` in pixels scales the whole figure (fonts included)."""
    from pyqtgraph.exporters import ImageExporter

    if width is None:
        return view.graphics.grab().toImage()
    if not 16 <= width <= MAX_PNG_SIDE:
        raise InputError("PNG width must be from {0} to {1} pixels, not {2}", 16, MAX_PNG_SIDE, width)
    exporter = ImageExporter(view.graphics.scene())
    exporter.parameters()["width"] = int(width)
    exporter.parameters()["background"] = view.theme.background
    return exporter.export(toBytes=True)


def png_bytes(image) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise InputError("could not encode the PNG image")
    return bytes(buffer.data())


def write_png(view, path: str | os.PathLike, width: int | None = None) -> None:
    write_bytes_atomic(Path(path), png_bytes(view_image(view, width)))


# Output kind -> view key that draws it (what ``render_png`` can render).
KIND_VIEWS = {"encoding": "encoding", "bias": "bias", "slopes": "slopes", "decay": "decay",
              "frequencies": "frequencies"}


def render_png(kind: str, method: str, values: dict, path: str | os.PathLike,
               width: int = 1600, height: int = 900, theme: str = "light") -> None:
    """Draw output ``kind`` of ``method`` with ``values`` as the app's view does, headless, to ``path``."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from . import style
    from .state import Scene, StateModel
    from .views import VIEWS, applies

    if kind not in KIND_VIEWS:
        raise InputError("no figure for {0}; PNG export draws: {1}", kind, ", ".join(KIND_VIEWS))
    app = QApplication.instance() or QApplication(["posenc-gui"])
    style.apply_app_theme(app, style.theme_named(theme), style.BASE_POINTS)
    model = StateModel(Scene(method=method, params=dict(values), view=KIND_VIEWS[kind]), views=applies())
    view = VIEWS[KIND_VIEWS[kind]][2](model)
    view.set_look(style.theme_named(theme), style.BASE_POINTS)
    view.resize(width, height)
    view.show()
    view.show_data(model.scene, view.fetch(model.scene))
    app.processEvents()
    write_png(view, path, width)
    view.close()
