"""Building views ahead while the window is idle, so that a later switch finds them made, laid out and drawn: making
a lesson's plots is most of what its first drawing costs. One slice a turn of the event loop, so the window keeps
answering."""

from __future__ import annotations

import importlib
import sys
from dataclasses import replace

from PySide6.QtCore import QObject, QRect, QTimer

from ..core import registry
from ..core.params import InputError
from . import memory
from .view_catalogue import view_keys
from .views import applies

WARM_UP_IDLE_MS = 500  # once the window has been idle this long, build ahead what a switch needs (step)
# modules that libraries import at their first use, each in a slice of its own: NumPy imports numpy.ma at the first
# np.unique (np.percentile calls it), which made the slice that computed the learned table's statistics the longest
LAZY_IMPORTS = ("numpy.ma",)


class BuildAhead(QObject):
    """Builds the views of ``window`` ahead, hidden in ``stack``; ``restart`` (at every change) puts the rest off for
    another idle time."""

    def __init__(self, window, stack):
        super().__init__(window)
        self.window, self.stack = window, stack
        self.timer = QTimer(window)
        self.timer.setSingleShot(True)
        self.timer.setInterval(WARM_UP_IDLE_MS)
        self.timer.timeout.connect(self.step)
        self.settled = False  # whether the objects built ahead were settled (memory.settle_long_lived_objects)
        self.building = None  # the steps left of the view being built ahead (build)
        self.imports = [name for name in LAZY_IMPORTS if name not in sys.modules]

    def restart(self) -> None:
        self.timer.start(WARM_UP_IDLE_MS)

    def step(self) -> bool:
        """Build ahead what a later switch would otherwise build, one slice a call, the next at the next turn of the
        event loop. First the modules libraries import at first use (``LAZY_IMPORTS``); then the views that apply to
        the method, with the scene drawn into them; then the other views, with the first method they apply to; then
        the spare panels views keep for larger scenes (``View.build_ahead``). A view is built in slices (``build``):
        made and laid out, its spare panels, its data fetched, then drawn, hidden, at the size it will have. With
        nothing left to build, the objects built are settled once (``memory.settle_long_lived_objects``). Returns
        whether it built anything."""
        window = self.window
        if window.closed:
            return False
        if self.imports:
            importlib.import_module(self.imports.pop())
            self.timer.start(0)
            return True
        if self.building is None:
            key = next((key for key in window.applicable_views() + view_keys() if key not in window.views), None)
            if key is not None:
                self.building = self.build(key)
        if self.building is not None:
            if next(self.building, True):
                self.building = None
        elif not any(view.build_ahead() for view in window.views.values()):
            if not self.settled:
                memory.settle_long_lived_objects()
                self.settled = True
            return False
        self.timer.start(0)  # the next slice once the event loop has handled what came in meanwhile
        return True

    def build(self, key: str):
        """Build view ``key`` and draw into it, hidden, one step a call (a generator that yields a false value after a
        step and True when done): the scene, or the defaults of the first method the view applies to when it does not
        apply to the scene's. Made (constructed and styled) in one step and laid out at its size in the next, its
        spare panels a step each, its data fetched a part a step (``View.fetching_steps``), then drawn a step at a
        time (``View.drawing_steps``). A view shown meanwhile (or rebuilt, or given a new look) was drawn by
        ``refresh``: it is left alone."""
        window = self.window
        view = window.view(key)
        yield False
        if not self._left_alone(key, view, (view.theme, view.points)):
            return  # shown meanwhile: the window lays it out
        view.setGeometry(window.panel_dock.room_for(view))  # laid out as it will be shown
        view.grab(QRect(0, 0, 1, 1))  # a hidden widget is laid out only when shown or rendered
        yield False
        while view.build_ahead():  # spare panels first, one a step: drawing then only places them
            yield False
        scene = replace(window.model.scene, view=key)
        try:
            if not view.applies_to(scene.method_obj):
                method = next(method for method in registry.all_methods() if view.applies_to(method))
                scene = replace(scene, method=method.name, params=method.defaults()).validated(applies())
            if window.drawer.in_background(view, scene):
                return
            data = yield from view.fetching_steps(scene)  # its parts a step each
        except InputError:
            return  # the view says so when it is shown
        yield False
        look = (view.theme, view.points)
        if not self._left_alone(key, view, look):
            return
        try:
            for _step in view.drawing_steps(scene, data):
                yield False
                if not self._left_alone(key, view, look):
                    return  # drawn by the window meanwhile, or to be drawn anew in its new look
        except InputError:
            return
        window.drawer.fetched[view] = (view.data_key(scene), data)

    def _left_alone(self, key: str, view, look: tuple) -> bool:
        """Whether ``view``, being drawn ahead in steps, is still the window's view ``key``, hidden, in ``look``."""
        window = self.window
        return (window.views.get(key) is view and self.stack.currentWidget() is not view
                and (view.theme, view.points) == look)
