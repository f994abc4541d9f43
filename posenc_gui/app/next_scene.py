"""The next scene's picture for the presenter window, drawn while the window is idle into a view the hall does not
see: the next scene's own view when the hall sees another one (which then also finds it drawn when the lecturer
steps on), else a spare view of the same kind kept for this. One slice a turn of the event loop, as views are built
ahead (``build_ahead``), so that the clicker is answered at once. A scene computed in the worker (a real model, a
large size) is not drawn ahead: its picture from when it was last shown stands in, else a placeholder says so."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRect, Qt, QTimer
from PySide6.QtGui import QPixmap

from ..core.params import InputError
from .state import Scene, error_text
from .view_catalogue import view_class

IDLE_MS = 200  # the audience's view is drawn and painted first; the next scene after this much quiet
REMEMBERED_WIDTH = 960  # a remembered picture is kept this wide at most: it is shown smaller than that


class NextScenePreview(QObject):
    """Draws ``window.deck``'s next scene for ``presenter`` (a ``PresenterWindow``) once the window is idle."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.presenter = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._step)
        self.steps = None  # the slices left of the drawing under way (``_draw``)
        self.steps_for = None  # and what it draws (``_target``)
        self.spare = None  # the view that draws a next scene shown in the view the hall sees now
        self.remembered: dict[int, tuple[Scene, tuple, QPixmap]] = {}  # deck index -> scene, look, its picture

    def restart(self, presenter) -> None:
        """Draw the next scene for ``presenter`` once the window has been idle for ``IDLE_MS``, unless its picture
        shows it already in this look (a live change of the scene shown changes nothing there)."""
        self.presenter = presenter
        if presenter.next_drawn_for is not None and presenter.next_drawn_for == self._target():
            return
        self.steps = None
        self.timer.start(IDLE_MS)

    def _target(self) -> tuple:
        """What the next scene's picture depends on: which scene it is and the look."""
        deck = self.window.deck
        return deck.index, deck.next_scene, self._look()

    def stop(self) -> None:
        self.timer.stop()
        self.steps = None

    def remember(self, view, picture: QPixmap) -> None:
        """Keep ``picture`` of ``view`` if it shows a deck scene that the worker computes, as saved, to stand in as
        the next scene's picture when the lecturer comes back to the scene before it."""
        window, deck = self.window, self.window.deck
        scene = window.model.scene
        if not deck.is_open or scene != deck.scene or not self._computed_in_worker(view, scene):
            return
        if picture.width() > REMEMBERED_WIDTH:
            picture = picture.scaledToWidth(REMEMBERED_WIDTH, Qt.SmoothTransformation)
        self.remembered[deck.index] = (scene, self._look(), picture)

    def _look(self) -> tuple:
        window = self.window
        return window.theme.name, window.points, window.language, window.stack.size().toTuple()

    def _computed_in_worker(self, view, scene: Scene) -> bool:
        try:
            return self.window.drawer.in_background(view, scene)
        except InputError:
            return False

    def _step(self) -> None:
        presenter, window = self.presenter, self.window
        if presenter is None or not presenter.isVisible() or window.closed:
            self.steps = None
            return
        if window.drawer.busy():  # the hall's view first
            self.timer.start(IDLE_MS)
            return
        target = self._target()
        if self.steps is None or self.steps_for != target:  # a drawing for a scene that is no longer next is dropped
            self.steps, self.steps_for = self._draw(target), target
        if next(self.steps, True):
            self.steps = None
        else:
            self.timer.start(0)  # the next slice once the event loop has handled what came in meanwhile

    def _draw(self, target: tuple):
        """Draw the next scene (``target``, from ``_target``) and give its picture to the presenter window, one step
        a call (a generator that yields False after a step and True when done)."""
        window, presenter = self.window, self.presenter
        index, scene, look = target
        if scene is None:
            return True
        shown = window.stack.currentWidget()
        own = window.views.get(scene.view)
        if own is None or own is not shown:
            view = window.view(scene.view)  # hidden: drawing the next scene into it readies it for the step
        else:
            view = self._spare_view(scene.view)
        yield False
        if self._computed_in_worker(view, scene):
            kept = self.remembered.get(index + 1)
            if kept is not None and kept[0] == scene and kept[1] == look:
                presenter.show_next_picture(kept[2], drawn_for=target)
            else:
                presenter.show_next_picture(None, self.tr("The next scene takes a long computation, made when it is "
                                                          "shown: its picture appears here after that."), target)
            return True
        view.setGeometry(window.panel_dock.room_for(view) if own is not shown else shown.geometry())
        view.grab(QRect(0, 0, 1, 1))  # a hidden widget is laid out only when shown or rendered
        yield False
        while view.build_ahead():  # its spare panels, one a step
            yield False
        try:
            data = view.fetch(scene)
        except InputError as error:
            presenter.show_next_picture(None, error_text(error), target)
            return True
        yield False
        if window.stack.currentWidget() is view:
            return True  # shown to the hall meanwhile: drawn by the window
        try:
            view.show_data(scene, data)
        except InputError as error:
            presenter.show_next_picture(None, error_text(error), target)
            return True
        if own is not shown:
            window.drawer.fetched[view] = (view.data_key(scene), data)
        yield False  # the layouts the drawing asked for are done in the event loop
        if window.stack.currentWidget() is view:
            return True
        view.grab()  # plots map their ranges and place their names while painting: a first paint,
        yield False  # the layouts that asks for, then the picture
        if window.stack.currentWidget() is view:
            return True
        presenter.show_next_picture(view.grab(), drawn_for=target)
        return True

    def _spare_view(self, key: str):
        """A view of kind ``key`` that the hall never sees, made anew for another kind, language or look."""
        window = self.window
        spare = self.spare
        look = (window.theme, window.points)
        if spare is None or spare.key != key or spare.view.model is not window.model:
            if spare is not None:
                spare.view.deleteLater()
            view = view_class(key)(window.model)
            view.hide()
            view.setParent(window.stack)  # the window's fonts and palette; not in the stack, so never shown
            view.setAttribute(Qt.WA_DontShowOnScreen)
            self.spare = spare = SpareView(key, view, None)
        if spare.look != look:
            spare.view.set_look(*look)
            spare.look = look
        spare.view.recolour(window.look.value.colour_maps)
        return spare.view


class SpareView:
    """The view ``NextScenePreview`` draws into when the hall sees one of the same kind, and the look it was given."""

    def __init__(self, key: str, view, look):
        self.key, self.view, self.look = key, view, look
