"""Helpers shared by the app's tests: a shown window, a view opened as the window shows it, and its pixels."""

import numpy as np
from PySide6.QtGui import QImage

from posenc_gui.app import style
from posenc_gui.app.state import Scene, StateModel
from posenc_gui.app.views import applies


def shown_window(qtbot, width: int = 1280, height: int = 720):
    """A main window at ``width`` x ``height``, shown and exposed, closed with the test."""
    from posenc_gui.app.window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    return window


def open_view(qtbot, cls, theme, options=None, method="sinusoidal"):
    """The view at 1920 x 1080, drawing the model's scene and redrawing on every change, as the window does."""
    model = StateModel(Scene(method=method, view=cls.key, options=options or {}), views=applies())
    view = cls(model)
    qtbot.addWidget(view)
    view.resize(1920, 1080)
    view.set_look(theme, style.BASE_POINTS)
    view.show()
    model.changed.connect(lambda scene: view.show_data(scene, view.fetch(scene)))
    view.show_data(model.scene, view.fetch(model.scene))
    qtbot.waitExposed(view)
    return model, view


def projector_view(qtbot, cls, scene: Scene, size: tuple[int, int], text_scale: float):
    """The view drawing ``scene`` at ``size`` as presenting shows it at ``text_scale`` (dark theme), shown and exposed."""
    model = StateModel(scene.validated(applies()), views=applies())
    view = cls(model)
    qtbot.addWidget(view)
    view.resize(*size)
    view.set_look(style.theme_named("dark"), style.BASE_POINTS * style.PRESENTATION_SCALE * text_scale)
    view.show()
    view.show_data(model.scene, view.fetch(model.scene))
    qtbot.waitExposed(view)
    return view


def pixels(widget) -> np.ndarray:
    """(height, width, 3) RGB copy of what the widget shows."""
    image = widget.grab().toImage().convertToFormat(QImage.Format_RGB32)
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes()).copy()
    return data.reshape(image.height(), image.bytesPerLine() // 4, 4)[:, :image.width(), 2::-1]
