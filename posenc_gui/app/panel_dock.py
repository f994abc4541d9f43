"""The parameter panel in its dock at the window's left: built anew with each state model (a language switch builds
both), hidden beside a view that ignores the method and back with the next that uses it, and as wide as the panel
needs at the text size, up to a share of the screen."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRect, Qt
from PySide6.QtWidgets import QDockWidget, QScrollArea, QStyle

from .panel import ParameterPanel
from .widgets import set_dock_title, titled_dock

PANEL_SHARE = 0.3  # the parameter panel takes at most this share of the screen's width


class ParameterDock(QObject):
    """The dock of ``window`` that holds the ``ParameterPanel`` (``panel``), beside ``stack`` (the views')."""

    def __init__(self, window, stack):
        super().__init__(window)
        self.window, self.stack = window, stack
        self.dock = titled_dock(window, "parameters", QDockWidget.DockWidgetMovable | QDockWidget.DockWidgetFloatable)
        window.addDockWidget(Qt.LeftDockWidgetArea, self.dock)
        self.panel: ParameterPanel | None = None
        self.hidden_for_view = False  # hidden by a view, not by hand: back with the next view that uses the method
        self.while_presenting = False  # brought back by a key (P) for a live change
        self.closed_before_presenting = False  # closed by hand when presenting began: closed again after

    def build(self, model) -> None:
        """A new panel for ``model`` (the old one is deleted)."""
        set_dock_title(self.dock, self.tr("Parameters"))
        self.panel = ParameterPanel(model)
        scroll = QScrollArea()
        scroll.setWidget(self.panel)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)  # the panel wraps; a line read sideways is cut
        old = self.dock.widget()
        self.dock.setWidget(scroll)
        if old is not None:
            old.deleteLater()

    def beside(self, view) -> bool:
        """Whether the parameter panel is shown beside ``view``: hidden beside a view that ignores the
        method (``uses_method``), shown again with the next view that uses it (unless closed by hand);
        while presenting, only when asked for (P)."""
        if self.window.presenting:
            return view.uses_method and self.while_presenting
        return view.uses_method and (not self.dock.isHidden() or self.hidden_for_view)

    def room_for(self, view) -> QRect:
        """The stack's rectangle as it will be when ``view`` is shown (wider by the panel when the view
        hides it, narrower when it brings it back)."""
        room = self.stack.contentsRect()
        panel = self.dock.width() + self.window.style().pixelMetric(QStyle.PM_DockWidgetSeparatorExtent)
        room.setWidth(room.width() + panel * ((not self.dock.isHidden()) - self.beside(view)))
        return room

    def show_for(self, view) -> None:
        """Show or hide the parameter panel as ``beside`` says. The window is laid out at once, so
        that the view shown next takes the new room when shown, not in two more layout and paint passes
        (at the old size, then the new)."""
        shown = self.beside(view)
        if shown == (not self.dock.isHidden()):
            return
        self.dock.setVisible(shown)
        self.hidden_for_view = not shown
        self.window.layout().activate()

    def start_presenting(self) -> None:
        """Presenting hides the panel (P brings it back); whether it was closed by hand is kept for ``stop_presenting``."""
        self.closed_before_presenting = self.dock.isHidden() and not self.hidden_for_view
        self.while_presenting = False

    def stop_presenting(self) -> None:
        """Back as before presenting: closed if it was closed by hand, else shown beside the views that use it."""
        self.hidden_for_view = not self.closed_before_presenting
        if self.closed_before_presenting:
            self.dock.hide()

    def toggle_while_presenting(self, view) -> None:
        """P while presenting: the panel beside ``view`` for a live change, or away again."""
        self.while_presenting = not self.while_presenting
        self.show_for(view)

    def show_for_saving(self) -> None:
        """The panel shown when only a view hid it: the window's saved layout keeps it."""
        if self.hidden_for_view:
            self.dock.show()

    def set_points(self, points: float) -> None:
        """The dock and the panel in type of ``points``, the panel as wide as that needs (``fit``)."""
        for widget in (self.dock, self.panel):
            font = widget.font()
            font.setPointSizeF(points)
            widget.setFont(font)
        self.fit()

    def fit(self) -> None:
        """The panel as wide as it needs at this text size (nothing clipped), up to a share of the screen."""
        window = self.window
        needed = self.panel.sizeHint().width() + window.style().pixelMetric(QStyle.PM_ScrollBarExtent) + 4
        self.dock.widget().setMinimumWidth(min(needed, int(window.screen().availableGeometry().width() * PANEL_SHARE)))
