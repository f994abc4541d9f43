"""Small widgets and helpers of the main window that hold no state of the app."""

from __future__ import annotations

from contextlib import contextmanager

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel


@contextmanager
def busy_cursor():
    """The wait cursor while the GUI thread draws a figure or a handout: Qt draws widgets and their scenes on
    the GUI thread only, so that work cannot go to a worker."""
    QApplication.setOverrideCursor(Qt.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


class ElidedLabel(QLabel):
    """A one-line label that ends its text with "…" when it gets less width than the text needs: the deck strip
    in large type, which pushed the toolbar's View selector over the scene arrows. The whole text stays its size
    hint, so that it shows in full whenever there is room."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.full_text = ""

    def setText(self, text: str) -> None:
        """Show ``text``, elided to the room; the same text again changes nothing (the window sets it at every
        change of scene, and a new size hint lays the whole window out anew)."""
        if text == self.full_text:
            return
        self.full_text = text
        super().setText(text)
        self.updateGeometry()
        self._elide()

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance(self.full_text[:12] + "…"), super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance(self.full_text) + 2 * self.margin() + 2,
                     super().sizeHint().height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event) -> None:
        """A new font (the text size) elides anew, at a width the layout may leave as it was."""
        super().changeEvent(event)
        if event.type() == QEvent.FontChange:
            self._elide()

    def _elide(self) -> None:
        # the room its size hint leaves a text: elided to the full width, the text ran 2 px past what it asks for
        room = self.width() - 2 * self.margin() - 2
        metrics = QFontMetricsF(self.font())
        shown = self.full_text if self.width() >= self.sizeHint().width() else \
            metrics.elidedText(self.full_text, Qt.ElideRight, room)
        # Qt elides some texts of Latin and Chinese wider than the room it is given (a bold Chinese scene title 4 px
        # past its label presenting at 1024 x 768 x1.6): elided again to less, until the text fits
        while shown != self.full_text and len(shown) > 1 and metrics.horizontalAdvance(shown) > room:
            room -= max(metrics.horizontalAdvance(shown) - room, 1.0)
            shown = metrics.elidedText(self.full_text, Qt.ElideRight, room)
        if shown != self.text():
            super().setText(shown)
        self.setToolTip(self.full_text if shown != self.full_text else "")  # the whole text, when cut


def titled_dock(parent, name: str, features) -> QDockWidget:
    """A dock whose title is a label, so that it scales with the text like everything else
    (the built-in dock title keeps a small fixed font)."""
    dock = QDockWidget(parent)
    dock.setObjectName(name)
    dock.setFeatures(features)
    title = QLabel()
    title.setMargin(4)
    dock.setTitleBarWidget(title)
    return dock


def set_dock_title(dock: QDockWidget, title: str) -> None:
    dock.setWindowTitle(title)
    dock.titleBarWidget().setText(f"<b>{title}</b>")
