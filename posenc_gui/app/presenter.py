"""Presenting on two screens: which screen the audience sees and which the lecturer, and the presenter
window that the lecturer reads (notes, this scene's and the next scene's pictures, scene number, time since the
start), as presentation software has it.

``choose_screens`` works on plain sizes so that the choice can be tested with any arrangement of screens.
"""

from __future__ import annotations

from typing import Sequence

from PySide6.QtCore import QElapsedTimer, QEvent, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLayout, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

TICK_MS = 1000
NOTES_PIXELS = (2.0, 3.2)  # the notes' smallest and largest pixel size, times the text size in points
NOTES_MARGIN = 8
# what the hall sees now and the next scene, side by side in these shares of the width, the notes across the window
# under both: with the notes in a third column beside the pictures, a 16:9 picture of the hall in two thirds of the
# width left 30 % of its column empty below it and the next scene's was a third of the width (1280 x 720: 414 x 219 px)
PICTURE_WIDTHS = (3, 2)
NOTES_SHARE = (0.25, 0.45)  # the notes' share of the window's height: at least, and at most to show them unscrolled
HALL_ASPECT = 16 / 9  # the hall's picture's width over its height until there is one


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
    """The lecturer's screen, laid out as presentation software has it: scene number and elapsed time at the top;
    under them, side by side, what the hall sees now and the next scene (title, view and method, its picture), each
    as wide as its column and the row as tall as they need (``fit_pictures``); under them the notes across the window,
    in type as large as their room allows (``fit_notes``), read at arm's length. A window of its own (on the
    other screen), owned by the main window so that it closes with it; the main window watches its keys, so the
    clicker works whichever window is active."""

    def __init__(self, parent: QWidget):
        super().__init__(parent, Qt.Window)
        self.setObjectName("presenter_window")
        self.setWindowTitle(self.tr("Presenter — PosEnc Explorer"))
        self.points = 0.0  # the text size set_points was given
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
        self.upcoming_view = QLabel()  # what the next scene shows: its view and method
        self.upcoming_view.setObjectName("presenter_next_view")
        self.upcoming_view.setWordWrap(True)
        for title in (self.upcoming, self.upcoming_view):  # at the last scene, no picture under them: they take the room
            title.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        self.notes = QLabel()
        self.notes.setObjectName("presenter_notes")
        self.notes.setWordWrap(True)
        self.notes.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        self.notes.setMargin(NOTES_MARGIN)
        self.picture = FittedPicture("presenter_picture")  # what the hall sees now (``show_picture``)
        self.next_picture = FittedPicture("presenter_next_picture")  # the next scene (``show_next_picture``)
        self.next_picture.setWordWrap(True)  # its placeholder text, while there is no picture
        self.next_picture.setFrameShape(QFrame.StyledPanel)
        self.next_drawn_for = None  # what the next scene's picture shows (``show_next_picture``)
        self.upcoming_shown = None  # the next scene ``show_scene`` was last given
        self.notes_room = QScrollArea()
        self.notes_room.setWidget(self.notes)
        self.notes_room.setWidgetResizable(True)
        self.notes_room.setFocusPolicy(Qt.NoFocus)  # the clicker's keys are the main window's, not the scroll area's
        top = QHBoxLayout()
        top.addWidget(self.number, 1)
        top.addWidget(self.clock)
        now = QVBoxLayout()
        now.addWidget(self.current)
        now.addWidget(self.picture, 1)
        upcoming = QVBoxLayout()
        upcoming.addWidget(self.upcoming)
        upcoming.addWidget(self.upcoming_view)
        upcoming.addWidget(self.next_picture, 1)
        self.pictures = QWidget()  # the two pictures side by side, as tall as they need (``fit_pictures``)
        self.pictures.setObjectName("presenter_pictures")
        columns = QHBoxLayout(self.pictures)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.addLayout(now, PICTURE_WIDTHS[0])
        columns.addLayout(upcoming, PICTURE_WIDTHS[1])
        layout = QVBoxLayout(self)
        # the pictures' row is sized by fit_pictures from the window's height: no least window size from it
        layout.setSizeConstraint(QLayout.SetNoConstraint)
        layout.addLayout(top)
        layout.addWidget(self.pictures)
        layout.addWidget(self.notes_room, 1)
        self.started = QElapsedTimer()
        self.ticker = QTimer(self)
        self.ticker.setInterval(TICK_MS)
        self.ticker.timeout.connect(self._tick)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.LanguageChange:
            self.setWindowTitle(self.tr("Presenter — PosEnc Explorer"))

    @property
    def shown_picture(self) -> QPixmap:
        return self.picture.shown

    @property
    def shown_next_picture(self) -> QPixmap:
        return self.next_picture.shown

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
        scene's title (None at the last scene) and what it shows (``next_view``: its view and method). Another next
        scene's picture is taken away until ``show_next_picture`` brings it."""
        self.upcoming_view.setText(next_view if count and next_title is not None else "")
        self.number.setText(self.tr("Scene {0} of {1}").format(number, count) if count else "")
        self.current.setText(self.tr("Now: {0}").format(title))
        if not count:
            self.upcoming.setText("")
        elif next_title is None:
            self.upcoming.setText(self.tr("Next: (end of the deck)"))
        else:
            self.upcoming.setText(self.tr("Next: {0}").format(next_title))
        self.next_picture.setVisible(bool(count) and next_title is not None)
        upcoming = (number, count, next_title, next_view)
        if upcoming != self.upcoming_shown:  # another next scene: its picture is still to be drawn
            self.upcoming_shown = upcoming
            self.show_next_picture(None, self.tr("Drawing the next scene…"))
        self.notes.setText(notes or self.tr("(no notes for this scene)"))
        self.fit_pictures()

    def show_picture(self, picture: QPixmap) -> None:
        """The audience's view as drawn, scaled to fit."""
        self.picture.show_picture(picture)
        self.fit_pictures()  # another shape of picture (the hall's window resized) needs another height

    def show_next_picture(self, picture: QPixmap | None, placeholder: str = "", drawn_for=None) -> None:
        """The next scene as the hall will see it, scaled to fit; without one, ``placeholder`` says why.
        ``drawn_for`` names what it shows (the maker's key), so that the same is not drawn again."""
        self.next_drawn_for = drawn_for
        self.next_picture.show_picture(QPixmap() if picture is None else picture, placeholder)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_pictures()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.fit_pictures()

    def set_points(self, points: float) -> None:
        """Text size: titles larger than ``points``, the number and clock largest (read from a distance); the
        notes as large as their room allows (``fit_notes``)."""
        self.points = points
        for label, factor, bold in ((self.number, 1.6, True), (self.clock, 1.6, True), (self.current, 1.3, True),
                                    (self.upcoming, 1.3, True), (self.upcoming_view, 1.0, False),
                                    (self.next_picture, 1.2, False)):
            font = label.font()
            font.setPointSizeF(points * factor)
            font.setBold(bold)
            label.setFont(font)
        self.fit_pictures()

    def fit_pictures(self) -> None:
        """The pictures' row as tall as its taller column needs: its titles at their wrapped height over a picture as
        wide as the column, the hall's shape kept (no room left empty under it); but no taller than leaves the notes
        the room they need in their smallest type (a lecturer clicking through cannot scroll them), the pictures then
        narrower; that room within ``NOTES_SHARE`` of the window's height, else the least (notes that scroll anyway
        take nothing more from the pictures). The notes take the rest (``fit_notes``)."""
        layout = self.layout()
        if not self.isVisible():
            return  # laid out when shown
        layout.activate()  # the columns' widths, for the titles' heights and the pictures'
        shown = self.picture.shown
        aspect = shown.width() / shown.height() if not shown.isNull() else HALL_ASPECT
        needs = [column_height((self.current,), self.picture, aspect),
                 column_height((self.upcoming, self.upcoming_view), self.next_picture, aspect)]
        least, most = (round(share * self.height()) for share in NOTES_SHARE)
        notes = max(self.notes_height(), least)
        notes = notes if notes <= most else least  # notes that scroll anyway take no more room from the pictures
        room = self.pictures.height() + self.notes_room.height()  # what the row and the notes share
        self.pictures.setFixedHeight(max(min(max(needs), room - notes), 0))
        layout.activate()
        self.fit_notes()

    def notes_width(self) -> int:
        """The width the notes wrap at: their room's, less their margins and a scroll bar's."""
        return (self.notes_room.viewport().width() - 2 * NOTES_MARGIN
                - self.notes_room.verticalScrollBar().sizeHint().width())

    def notes_height(self) -> int:
        """The height of the notes' room that shows them whole in their smallest type."""
        if not self.points:
            return 0
        font = QFont(self.notes.font())
        font.setPixelSize(round(self.points * NOTES_PIXELS[0]))
        text = QFontMetrics(font).boundingRect(0, 0, max(self.notes_width(), 1), 1 << 20, Qt.TextWordWrap,
                                               self.notes.text())
        frame = self.notes_room.height() - self.notes_room.viewport().height()
        return text.height() + 2 * NOTES_MARGIN + frame

    def fit_notes(self) -> None:
        """The notes in the largest type, between ``NOTES_PIXELS`` times the text size (what reads at arm's length)
        and its largest, that fits their room without scrolling; at the smallest they scroll."""
        if not self.points:
            return
        smallest, largest = (round(self.points * factor) for factor in NOTES_PIXELS)
        font = QFont(self.notes.font())
        font.setPixelSize(notes_pixel_size(self.notes.text(), font, self.notes_width(),
                                           self.notes_room.viewport().height() - 2 * NOTES_MARGIN, smallest, largest))
        self.notes.setFont(font)


class FittedPicture(QLabel):
    """A picture as large as its box allows, aspect kept, at the box's top (under its title, the room it does not fill
    below it), centred across; scaled again whenever the box changes size (a title
    above it wrapping onto another line, larger type), not only when the window does: a picture scaled for the old box
    was cut at its foot or left part of the box empty."""

    def __init__(self, name: str):
        super().__init__()
        self.setObjectName(name)
        self.setAlignment(Qt.AlignHCenter | Qt.AlignTop)
        self.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Ignored)  # the pixmap follows the label, not back
        self.setMinimumSize(160, 90)
        self.shown = QPixmap()  # the picture as given, before scaling

    def show_picture(self, picture: QPixmap, placeholder: str = "") -> None:
        """``picture`` fitted to the box; a null one clears it and shows ``placeholder``."""
        self.shown = picture
        if picture.isNull():
            self.clear()
            self.setText(placeholder)
        self._fit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        if not self.shown.isNull():
            self.setPixmap(self.shown.scaled(self.contentsRect().size(), Qt.KeepAspectRatio, Qt.SmoothTransformation))


def column_height(titles: Sequence[QLabel], picture: QLabel, aspect: float) -> int:
    """The height a column of ``titles`` (the first always shown) over ``picture`` needs at its width: each title
    wrapped, the picture as wide as the column with ``aspect`` (width over height), its frame included; the titles
    alone when the picture is hidden (at the last scene)."""
    width = titles[0].width()
    spacing = titles[0].parentWidget().layout().spacing()
    height = sum(title.heightForWidth(width) + spacing for title in titles)
    if not picture.isVisibleTo(picture.window()):
        return height - spacing
    frame = picture.width() - picture.contentsRect().width(), picture.height() - picture.contentsRect().height()
    return height + round((width - frame[0]) / aspect) + frame[1]


def notes_pixel_size(text: str, font: QFont, width: int, height: int, smallest: int, largest: int) -> int:
    """The largest pixel size from ``smallest`` to ``largest`` at which ``text`` in ``font``, wrapped at ``width``,
    is at most ``height`` tall (``smallest`` when none is)."""
    font = QFont(font)

    def fits(pixels: int) -> bool:
        font.setPixelSize(pixels)
        box = QFontMetrics(font).boundingRect(0, 0, max(width, 1), 1 << 20, Qt.TextWordWrap, text)
        return box.width() <= width and box.height() <= height

    low, high = smallest, max(largest, smallest)
    while low < high:  # the size that fits grows with the room: halve the range
        middle = (low + high + 1) // 2
        low, high = (middle, high) if fits(middle) else (low, middle - 1)
    return low
