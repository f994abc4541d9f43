"""The window's status bar: the value under the cursor, the last error, messages that go after a while, and,
while a computation runs on, a busy bar with Cancel (Esc) beside it."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QLabel, QProgressBar, QToolButton

from ..core.params import printable
from .worker import PROGRESS_AFTER_MS

TOLD_MS = 5000  # how long a message (``tell``) stays
ERROR_COLOURS = {"light": "#b00000", "dark": "#ff7070"}


class StatusLine(QObject):
    """The status bar of ``window``; ``busy`` says whether a drawing is still waiting (for the busy bar);
    ``hall_busy``, what the hall sees (a widget or a bar's action), shows with the busy bar while presenting (the bar
    is hidden then)."""

    def __init__(self, window, busy, hall_busy=None):
        super().__init__(window)
        self.hall_busy = hall_busy
        self.bar = window.statusBar()
        self.presenting = False
        self.hover_label = QLabel()
        self.error_label = QLabel()
        self.error_label.setTextFormat(Qt.PlainText)  # a file named like HTML is shown as named
        self.bar.addWidget(self.hover_label, 1)
        self.bar.addPermanentWidget(self.error_label)
        # a computation still running after PROGRESS_AFTER_MS shows as busy, with Cancel (Esc) beside it
        self.busy_bar = QProgressBar(objectName="busy_bar", maximumWidth=120, textVisible=False)
        self.busy_bar.setRange(0, 0)
        self.cancel_button = QToolButton(objectName="cancel_work")
        for widget in (self.busy_bar, self.cancel_button):
            self.bar.addPermanentWidget(widget)
            widget.hide()
        self.busy_timer = QTimer(window, singleShot=True, interval=PROGRESS_AFTER_MS)
        self.busy_timer.timeout.connect(lambda: self._show_busy(busy()))

    def follow_hover(self, hovered) -> None:
        """Show what a view's ``hovered`` signal says. Connected to the label's own slot, not to a Python method:
        a view that says something while the window is torn down at exit would call into a deleted status line."""
        hovered.connect(self.hover_label.setText)

    def show_value(self, text: str) -> None:
        """What the cursor is over (a view's ``hovered``), or what is under way ("computing…")."""
        self.hover_label.setText(text)

    def set_look(self, theme, points: float) -> None:
        font = self.bar.font()
        font.setPointSizeF(points)
        self.bar.setFont(font)
        self.error_label.setStyleSheet(f"color: {ERROR_COLOURS.get(theme.name, '#b00000')}; font-weight: bold")

    def show_error(self, message: str) -> None:
        self.error_label.setText(printable(message))  # messages quote file names: one line, no escapes
        self._show_bar()

    def set_presenting(self, on: bool) -> None:
        """Presenting, the bar is hidden but while it says what went wrong: a view that could not draw (a real model
        not installed) stood blank before the hall, and nothing told the lecturer why."""
        self.presenting = on
        self._show_bar()

    def _show_bar(self) -> None:
        self.bar.setVisible(not self.presenting or bool(self.error_label.text()))
        if self.hall_busy is not None:
            self.hall_busy.setVisible(self.presenting and not self.busy_bar.isHidden())

    def tell(self, message: str) -> None:
        self.error_label.setText("")
        self.bar.showMessage(printable(message), TOLD_MS)
        self._show_bar()

    def follow_busy(self, busy: bool) -> None:
        """The busy bar shows once a computation has taken PROGRESS_AFTER_MS (sooner it would only flash)."""
        if not busy:
            self.busy_timer.stop()
            self._show_busy(False)
        elif self.busy_bar.isHidden() and not self.busy_timer.isActive():
            self.busy_timer.start()

    def _show_busy(self, shown: bool) -> None:
        self.busy_bar.setVisible(shown)
        self.cancel_button.setVisible(shown)
        self._show_bar()
