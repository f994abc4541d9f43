"""Drawing a scene into the view that shows it: its data fetched only when the scene fields it depends on changed
(``View.data_key``), big requests in the worker, a drawing that needs many new panels put off until they are built
one a turn of the event loop, and Cancel going back to the scene last drawn."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
from superqt.utils import signals_blocked

from ..core.params import InputError
from .state import Scene, error_text
from .worker import LatestRunner

BACKGROUND_ELEMENTS = 4_000_000  # larger requests are computed off the GUI thread
PANELS_AT_ONCE = 16  # a drawing that needs more new panels than this waits for them, built one a turn of the event loop


class SceneDrawer(QObject):
    """Draws scenes into the views of ``window`` and keeps what each view was last given (``fetched``); ``deck`` (the
    window's ``DeckNavigator``) says which scene of the deck a drawing belongs to, ``status`` (its ``StatusLine``)
    shows what is under way."""

    def __init__(self, window, deck, status):
        super().__init__(window)
        self.window, self.deck, self.status = window, deck, status
        self.fetched: dict = {}  # view -> (its data_key, the data) it was last given
        self.drawn_scene: Scene | None = None  # the scene last drawn, which Cancel goes back to,
        self.drawn_deck_index = 0  # and the deck's scene it was drawn in
        self.going_back = False  # Cancel is putting the drawn scene back: nothing to fetch or draw
        self.waiting_for_panels = None  # (view, scene, data) of a drawing whose panels are being built (_build_panel)
        self.runner = LatestRunner(self._show_result, window.show_error, window)
        self.runner.busy.connect(window.sync_busy)
        self.panel_timer = QTimer(window)
        self.panel_timer.setSingleShot(True)
        self.panel_timer.setInterval(0)
        self.panel_timer.timeout.connect(self._build_panel)

    def in_background(self, view, scene: Scene) -> bool:
        """Whether ``view``'s data for ``scene`` is computed off the GUI thread (InputError for a bad scene)."""
        return view.size(scene) > BACKGROUND_ELEMENTS

    def draw(self, view, scene: Scene) -> None:
        """Draw ``scene`` into ``view`` (shown): with the data it was given last when the fields it depends on are
        the same (``View.show_selection``), else with data fetched now or, for a big request, in the worker."""
        window = self.window
        if self.going_back:
            return  # the view still shows what it drew
        kept = self.fetched.get(view)
        if kept is not None and kept[0] == view.data_key(scene):
            self.runner.cancel()
            self._show_result((view, scene), kept[1])
            return
        try:
            big = self.in_background(view, scene)
        except InputError as error:
            window.show_error(error_text(error))
            return
        if big:
            self.runner.submit(lambda: view.fetch(scene), (view, scene))
            self.status.show_value(self.tr("computing…"))
            return
        self.runner.cancel()
        try:
            data = view.fetch(scene)
        except InputError as error:
            window.show_error(error_text(error))
            return
        self._show_result((view, scene), data)

    def finish(self) -> None:
        """Wait for the computation under way and finish the drawing it leads to."""
        self.runner.finish()
        while self.waiting_for_panels is not None:
            self._build_panel()

    def busy(self) -> bool:
        """Whether a drawing is waiting for a computation or for its panels."""
        return self.runner.running or self.waiting_for_panels is not None

    def _build_panel(self) -> None:
        """One more panel for the drawing that waits for them; the drawing once they are all built."""
        if self.waiting_for_panels is None:
            return
        view, scene, data = self.waiting_for_panels
        if view in self.window.views.values() and view.grid.build_ahead(view.panels_needed(scene, data)):
            self.panel_timer.start()
            return
        self.waiting_for_panels = None
        self._show_result((view, scene), data)

    def _show_result(self, tag, data) -> None:
        view, scene = tag
        window = self.window
        if view not in window.views.values():
            return  # finished after a rebuild replaced the view
        needed = view.panels_needed(scene, data)
        if needed > PANELS_AT_ONCE and needed - len(view.grid.pool) > PANELS_AT_ONCE:
            self.waiting_for_panels = (view, scene, data)
            self.status.show_value(self.tr("computing…"))
            self.panel_timer.start()
            window.sync_busy()
            return
        kept = self.fetched.get(view)
        if kept is not None and kept[1] is data:  # drawn already: what changed is outside the view's data
            view.show_selection(scene, data)
        else:
            view.show_data(scene, data)
        self.fetched[view] = (view.data_key(scene), data)
        self.drawn_scene, self.drawn_deck_index = scene, self.deck.index
        window.sync_busy()  # a drawing waiting for its panels may have been superseded by this one
        self.status.show_error("")
        self.status.show_value("")  # it told a value of the drawing before (or "computing…")
        view.hover_again()
        # Laid out, ranges mapped and the plots' changes handed to the view now, so that the window paints it once:
        # pyqtgraph maps ranges while painting and the scene's changes reach the view queued, each a second paint.
        # Laid out twice: pyqtgraph's items resized by a layout pass update their geometry, which may ask for another.
        QApplication.sendPostedEvents(None, QEvent.LayoutRequest)
        QApplication.sendPostedEvents(None, QEvent.LayoutRequest)
        # the updates posted by widgets shown (a new method's form; the view's in MainWindow._switch_to) are handed
        # over too: after the paint, each asked for a second one
        QApplication.sendPostedEvents(None, QEvent.UpdateLater)
        view.graphics.scene().prepareForPaint()
        QApplication.sendPostedEvents(view.graphics.scene(), QEvent.MetaCall)
        window.presentation.scene_drawn(view)

    def cancel(self) -> None:
        """Cancel (Esc): stop the computation at its next check and go back to the scene last drawn, which the
        view still shows, so that the panel, the view and the model agree again."""
        window = self.window
        if not self.busy():
            return
        self.runner.cancel()
        self.waiting_for_panels = None
        self.going_back = True
        try:
            if self.deck.is_open and self.deck.index != self.drawn_deck_index:
                with signals_blocked(self.deck):  # back to the scene drawn as it was drawn, not as saved
                    self.deck.go_to(self.drawn_deck_index)
            if self.drawn_scene is not None:
                window.model.set_scene(self.drawn_scene)
        finally:
            self.going_back = False
        window.deck_controls.sync()
        window.sync_busy()
        self.status.show_value("")
        window.tell(self.tr("Cancelled: the last scene drawn is shown again"))
