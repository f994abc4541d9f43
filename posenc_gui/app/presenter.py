"""Presenting on two screens: which screen the audience sees and which the lecturer, and the presenter
window that the lecturer reads (notes, this scene and the next, scene number, time since the start),
as presentation software has it.

``choose_screens`` works on plain sizes so that the choice can be tested with any arrangement of screens.
"""

from __future__ import annotations

from typing import Sequence

from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QGridLayout, QLabel, QScrollArea, QSizePolicy, QWidget

TICK_MS = 1000


def choose_screens(sizes: Sequence[tuple[int, int]], primary: int) -> tuple[int, int | None]:
    """(audience screen, presenter screen or None) as indices into ``sizes`` (width, height per screen).

    With one screen the audience has it and there is no presenter window. With more, the lecturer keeps
    the primary screen (the laptop's, where the app was started) and the audience gets the largest of the
    others (the projector), the first of equal ones: what presentation software does."""
    if len(sizes) < 2:
        return 0, None
    primary = primary if 0 <= primary < len(sizes) else 0
    others = [index for index in range(len(sizes)) if index != primary]
    audience = max(others, key=lambda index: (sizes[index][0] * sizes[index][1], -index))
    return audience, primary


def elapsed_text(seconds: int) -> str:
    """Time since the start as H:MM:SS (M:SS below an hour)."""
    hours, rest = divmod(max(seconds, 0), 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


class PresenterWindow(QWidget):
    """The lecturer's screen: scene number and elapsed time at the top, this scene's and the next scene's
    titles (and the next one's view and method), then the notes, and beside them what the hall sees now. A window of its own (on the other screen), owned by the main window so that
    it closes with it; the main window watches its keys, so the clicker works whichever window is active."""

    def __init__(self, parent: QWidget):
        super().__init__(parent, Qt.Window)
        self.setObjectName("presenter_window")
        self.setWindowTitle(self.tr("Presenter — PosEnc Explorer"))
        self.number = QLabel()
        self.number.setObjectName("presenter_number")
        self.clock = QLabel()
        self.clock.setObjectName("presenter_clock")
        self.clock.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        self.current = QLabel()
        self.current.setObjectName("presenter_current")
        self.current.setWordWrap(True)
        self.upcoming = QLabel()
        self.upcoming.setObjectName("presenter_next")
        self.upcoming.setWordWrap(True)
        self.upcoming_view = QLabel()  # what the next scene shows: its view and method, a preview in words
        self.upcoming_view.setObjectName("presenter_next_view")
        self.upcoming_view.setWordWrap(True)
        self.notes = QLabel()
        self.notes.setObjectName("presenter_notes")
        self.notes.setWordWrap(True)
        self.notes.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        self.notes.setMargin(8)
        self.picture = QLabel()  # what the hall sees now, scaled down (``show_picture``)
        self.picture.setObjectName("presenter_picture")
        self.picture.setAlignment(Qt.AlignCenter)
        self.picture.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Ignored)  # the pixmap follows the label
        self.picture.setMinimumSize(160, 90)
        self.shown_picture = QPixmap()
        scroll = QScrollArea()
        scroll.setWidget(self.notes)
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.NoFocus)  # the clicker's keys are the main window's, not the scroll area's
        layout = QGridLayout(self)
        layout.addWidget(self.number, 0, 0)
        layout.addWidget(self.clock, 0, 1)
        layout.addWidget(self.current, 1, 0)
        layout.addWidget(self.upcoming, 2, 0)
        layout.addWidget(self.upcoming_view, 3, 0)
        layout.addWidget(scroll, 4, 0)
        layout.addWidget(self.picture, 1, 1, 4, 1)  # beside the notes: the room the text leaves
        layout.setRowStretch(4, 1)
        layout.setColumnStretch(0, 1)
        layout.setColumnStretch(1, 1)
        self.started = QElapsedTimer()
        self.ticker = QTimer(self)
        self.ticker.setInterval(TICK_MS)
        self.ticker.timeout.connect(self._tick)

    def start(self) -> None:
        """Start the clock from 0:00 (when presenting starts)."""
        self.started.start()
        self.ticker.start()
        self._tick()

    def stop(self) -> None:
        self.ticker.stop()

    def _tick(self) -> None:
        seconds = self.started.elapsed() // 1000 if self.started.isValid() else 0
        self.clock.setText(elapsed_text(seconds))

    def show_scene(self, number: int, count: int, title: str, next_title: str | None, notes: str,
                   next_view: str = "") -> None:
        """Scene ``number`` of ``count`` (from 1; count 0 with no deck), its title and notes, and the next
        scene's title (None at the last scene) and what it shows (``next_view``: its view and method)."""
        self.upcoming_view.setText(next_view if count and next_title is not None else "")
        self.number.setText(self.tr("Scene {0} of {1}").format(number, count) if count else "")
        self.current.setText(self.tr("Now: {0}").format(title))
        if not count:
            self.upcoming.setText("")
        elif next_title is None:
            self.upcoming.setText(self.tr("Next: (end of the deck)"))
        else:
            self.upcoming.setText(self.tr("Next: {0}").format(next_title))
        self.notes.setText(notes or self.tr("(no notes for this scene)"))

    def show_picture(self, picture: QPixmap) -> None:
        """The audience's view as drawn, scaled to fit beside the notes."""
        self.shown_picture = picture
        self._fit_picture()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_picture()

    def _fit_picture(self) -> None:
        if self.shown_picture.isNull():
            self.picture.clear()
            return
        self.picture.setPixmap(self.shown_picture.scaled(self.picture.size(), Qt.KeepAspectRatio,
                                                         Qt.SmoothTransformation))

    def set_points(self, points: float) -> None:
        """Text size: notes at ``points``, titles larger, the number and clock largest (read from a distance)."""
        for label, factor, bold in ((self.number, 1.6, True), (self.clock, 1.6, True), (self.current, 1.3, True),
                                    (self.upcoming, 1.1, False), (self.upcoming_view, 0.9, False),
                                    (self.notes, 1.2, False)):
            font = label.font()
            font.setPointSizeF(points * factor)
            font.setBold(bold)
            label.setFont(font)
