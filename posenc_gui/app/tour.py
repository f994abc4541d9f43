"""The guided tour: a few steps, each a bubble beside one real part of the window (the parameter panel, the View
selector, the deck keys, export, the Help menu) with a ring around that part.

The bubble is a child of the window, not a dialog: it never blocks the window (a student may try what a step
says), it moves with the part it points at when the window is resized or a dock moves, and it is never shown
while presenting (the hall would see it). Keys: Right, Return or PageDown for the next step, Left or PageUp for
the one before, Escape ends the tour; Tab and Shift+Tab go round the buttons, Space presses one. Those keys are
taken before the window's deck keys, so a deck open behind the tour does not step."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QRectF, Qt, QTimer
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from . import i18n

NEXT_KEYS = (Qt.Key_Right, Qt.Key_Return, Qt.Key_Enter, Qt.Key_PageDown)
BACK_KEYS = (Qt.Key_Left, Qt.Key_PageUp)
END_KEYS = (Qt.Key_Escape,)
BUBBLE_WIDTH_CHARACTERS = 44  # a short paragraph's measure, at any text size
ALPHABET = "abcdefghijklmnopqrstuvwxyz"
GAP_EM = 0.6  # between the ring and the bubble


# Where a step points: (widget, rectangle in its coordinates), or None when the part is not shown.
Anchor = Callable[[QWidget], "tuple[QWidget, QRect] | None"]


@dataclass(frozen=True)
class Step:
    name: str
    title: str
    text: str
    anchor: Anchor
    when_hidden: str = ""  # added to the text while the part is not shown (a lesson hides the panel)


def shown(widget: QWidget | None) -> tuple[QWidget, QRect] | None:
    if widget is None or not shiboken6.isValid(widget) or not widget.isVisible():
        return None
    return widget, widget.rect()


def menu_holding(window, command: str) -> tuple[QWidget, QRect] | None:
    """The menu bar's title of the menu that holds ``command`` (File for export, Help for the start page)."""
    bar, action = window.menuBar(), window.commands.get(command)
    if action is None or not bar.isVisible():
        return None
    for entry in bar.actions():
        if entry.menu() is not None and action in entry.menu().actions():
            return bar, bar.actionGeometry(entry)
    return None


def deck_keys(window) -> tuple[QWidget, QRect] | None:
    """The toolbar's scene arrows and the deck strip between them."""
    bar = window.toolbar
    if bar is None or not bar.isVisible():
        return None
    parts = [bar.widgetForAction(window.commands[name]) for name in ("previous_scene", "next_scene")]
    parts.append(window.deck_label)
    area = QRect()
    for part in parts:
        if part is not None and part.isVisible():
            area = area.united(QRect(part.mapTo(bar, QPoint(0, 0)), part.size()))
    return (bar, area) if area.isValid() else None


def steps() -> list[Step]:
    """The tour, in the interface language."""
    return [
        Step("panel", i18n.translate("Tour", "Parameters"),
             i18n.translate("Tour", "Choose a method here and move its parameters: every view redraws at once. "
                                    "Hover over a control to read what it does; the Play button sweeps one "
                                    "parameter back and forth."),
             lambda window: shown(window.dock),
             i18n.translate("Tour", "The panel is hidden now: it shows with the Explore views (View selector) and "
                                    "from View › Parameters.")),
        Step("view_selector", i18n.translate("Tour", "What to look at"),
             i18n.translate("Tour", "The View selector picks a view: Explore shows the method chosen, Learn holds "
                                    "guided lessons, Reference compares models. Ctrl+Tab steps to the next view."),
             lambda window: shown(window.selector)),
        Step("view", i18n.translate("Tour", "The view"),
             i18n.translate("Tour", "Hover over a plot to read exact values in the status bar; in a heatmap, click "
                                    "a column to draw its curve."),
             lambda window: shown(window.stack)),
        Step("deck_keys", i18n.translate("Tour", "Lecture decks and presenting"),
             i18n.translate("Tour", "A deck is a series of prepared scenes (File › Open deck). PageDown, Right or "
                                    "Space go to the next scene, PageUp or Left back: a presentation clicker sends "
                                    "those keys. F11 or F5 presents full screen, B blanks the screen, Esc stops "
                                    "presenting."),
             lambda window: deck_keys(window)),
        Step("export", i18n.translate("Tour", "Export"),
             i18n.translate("Tour", "The File menu exports the figure as PNG, SVG or PDF (Ctrl+S), the numbers "
                                    "behind it as CSV or NumPy (Ctrl+E), and a deck as a PDF handout."),
             lambda window: menu_holding(window, "export_png")),
        Step("start_page", i18n.translate("Tour", "Start page and help"),
             i18n.translate("Tour", "Help › Start page brings back the page this tour started from; the user "
                                    "guide (F1) and the keyboard shortcuts (Ctrl+/) are in the Help menu too."),
             lambda window: menu_holding(window, "start_page")),
    ]


class Ring(QWidget):
    """A ring in the highlight colour around the part a step points at; clicks go through it."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("tour_ring")
        self.setAttribute(Qt.WA_TransparentForMouseEvents)

    def pen_width(self) -> int:
        return max(3, round(self.fontMetrics().height() / 6))

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        width = self.pen_width()
        painter.setPen(QPen(self.palette().color(QPalette.Highlight), width))
        painter.drawRoundedRect(self.rect().adjusted(width, width, -width, -width), width * 2, width * 2)


class Bubble(QFrame):
    """The step's counter, title and text with Skip tour, Back and Next (Done at the last step)."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("tour_bubble")
        self.setFrameShape(QFrame.Box)
        self.setLineWidth(3)  # drawn by ``paintEvent``, in the highlight colour like the ring; this keeps its room
        self.counter = QLabel(objectName="tour_counter")
        self.title = QLabel(objectName="tour_title", wordWrap=True)
        self.text = QLabel(objectName="tour_text", wordWrap=True)
        for label in (self.counter, self.title, self.text):
            label.setTextFormat(Qt.PlainText)
        self.back = QPushButton(objectName="tour_back")
        self.next = QPushButton(objectName="tour_next")
        self.end = QPushButton(objectName="tour_end")
        self.next.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.end)
        buttons.addStretch(1)
        buttons.addWidget(self.back)
        buttons.addWidget(self.next)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counter)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addLayout(buttons)

    def show_step(self, step: Step, number: int, count: int, hidden: bool = False) -> None:
        """The step's texts and buttons; ``hidden``: its part is not shown, so the bubble says where to find it."""
        self.back.setText(i18n.translate("Tour", "Back"))
        self.end.setText(i18n.translate("Tour", "Skip tour"))
        self.counter.setText(i18n.translate("Tour", "Step {0} of {1}").format(number, count))
        font = self.font()
        font.setBold(True)
        font.setPointSizeF(self.font().pointSizeF() * 1.15)
        self.title.setFont(font)
        self.title.setText(step.title)
        self.text.setText(f"{step.text}\n\n{step.when_hidden}" if hidden and step.when_hidden else step.text)
        self.back.setEnabled(number > 1)
        self.next.setText(i18n.translate("Tour", "Next") if number < count else i18n.translate("Tour", "Done"))
        self.end.setVisible(number < count)
        # a Latin letter's mean width: a CJK font's "average character" is a full-width one, twice as wide
        letter = self.fontMetrics().horizontalAdvance(ALPHABET) / len(ALPHABET)
        width = min(round(BUBBLE_WIDTH_CHARACTERS * letter), self.parentWidget().width())
        self.setFixedWidth(width)
        self.setFixedHeight(max(self.heightForWidth(width), self.minimumSizeHint().height()))

    def focus_next(self, forward: bool) -> None:
        """Tab and Shift+Tab go round the bubble's buttons: the tour keeps the keyboard until it ends."""
        buttons = [b for b in (self.end, self.back, self.next) if b.isVisible() and b.isEnabled()]
        focused = QApplication.focusWidget()
        at = buttons.index(focused) if focused in buttons else -1
        buttons[(at + (1 if forward else -1)) % len(buttons)].setFocus(Qt.TabFocusReason)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        pen = QPen(self.palette().color(QPalette.Highlight), self.lineWidth())
        painter.setPen(pen)
        painter.setBrush(self.palette().color(QPalette.Base))
        inset = self.lineWidth() / 2
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(inset, inset, -inset, -inset), 6, 6)


def place_beside(target: QRect, size, room: QRect, gap: int) -> QRect:
    """Where a box of ``size`` goes beside ``target`` within ``room``: below or above a target lower than the box
    (a menu title, the toolbar), else to its right or left; the first side with room enough. Where no side has
    room, over the target's middle, kept inside ``room``."""
    width, height = size.width(), size.height()

    def clamp(x: int, y: int) -> QRect:
        x = max(room.left(), min(x, room.right() + 1 - width))
        y = max(room.top(), min(y, room.bottom() + 1 - height))
        return QRect(x, y, width, height)

    right = (target.right() + 1 + gap + width <= room.right() + 1, (target.right() + 1 + gap, target.top()))
    below = (target.bottom() + 1 + gap + height <= room.bottom() + 1, (target.left(), target.bottom() + 1 + gap))
    left = (target.left() - gap - width >= room.left(), (target.left() - gap - width, target.top()))
    above = (target.top() - gap - height >= room.top(), (target.left(), target.top() - gap - height))
    sides = (below, above, right, left) if target.height() < height else (right, left, below, above)
    for fits, corner in sides:
        if fits:
            return clamp(*corner)
    return clamp(target.center().x() - width // 2, target.center().y() - height // 2)


class Tour(QObject):
    """The tour over ``window`` (a MainWindow): ``start`` shows the first step, ``end`` (Escape, Skip tour, Done,
    presenting) takes it away for good; ``ended`` says whether it did."""

    def __init__(self, window, parent=None):
        super().__init__(parent or window)
        self.setObjectName("tour")
        self.window = window
        self.steps = steps()
        self.index = 0
        self.target: QWidget | None = None
        self.focus_before = QApplication.focusWidget()
        self.ring = Ring(window)
        self.bubble = Bubble(window)
        self.bubble.next.clicked.connect(self.next)
        self.bubble.back.clicked.connect(self.back)
        self.bubble.end.clicked.connect(self.end)
        window.installEventFilter(self)  # resizing the window moves the bubble
        window.look.changed.connect(self._look_changed)
        QApplication.instance().focusChanged.connect(self._take_keys)
        self.running = False
        self.ended = False

    def start(self) -> None:
        """Show the first step."""
        self.running = True
        self.go_to(0)
        self.bubble.show()
        self.bubble.raise_()
        self.bubble.next.setFocus()

    @property
    def step(self) -> Step:
        return self.steps[self.index]

    def go_to(self, index: int) -> None:
        self.index = max(0, min(index, len(self.steps) - 1))
        hidden = self.step.anchor(self.window) is None
        self.bubble.show_step(self.step, self.index + 1, len(self.steps), hidden)
        self.place()

    def next(self) -> None:
        if self.index + 1 < len(self.steps):
            self.go_to(self.index + 1)
        else:
            self.end()

    def back(self) -> None:
        self.go_to(self.index - 1)

    def end(self) -> None:
        """Take the bubble and ring away and give the focus back; the window is as it was."""
        if self.ended:
            return
        self.ended = True
        self.running = False
        QApplication.instance().focusChanged.disconnect(self._take_keys)
        if shiboken6.isValid(self.window):
            self.window.removeEventFilter(self)
            self.window.look.changed.disconnect(self._look_changed)
        self._watch(None)
        focused = QApplication.focusWidget()
        had_focus = focused is not None and self.bubble.isAncestorOf(focused)
        for widget in (self.ring, self.bubble):
            widget.hide()
            widget.deleteLater()
        previous = self.focus_before
        if had_focus and previous is not None and shiboken6.isValid(previous) and previous.isVisible():
            previous.setFocus()
        self.deleteLater()

    def target_rect(self) -> QRect | None:
        """The part the current step points at, in the window's coordinates (None when it is not shown)."""
        anchor = self.step.anchor(self.window)
        if anchor is None:
            self._watch(None)
            return None
        widget, rect = anchor
        self._watch(widget)
        return QRect(widget.mapTo(self.window, rect.topLeft()), rect.size())

    def place(self) -> None:
        """Ring around the step's part and the bubble beside it, within the window; a step whose part is hidden
        shows its bubble in the middle of the window, without a ring."""
        room = self.window.rect()
        target = self.target_rect()
        if target is None:
            self.ring.hide()
            size = self.bubble.size()
            self.bubble.move(room.center() - QPoint(size.width() // 2, size.height() // 2))
        else:
            margin = self.ring.pen_width() * 2
            self.ring.setGeometry(target.adjusted(-margin, -margin, margin, margin).intersected(room))
            self.ring.show()
            self.ring.raise_()
            gap = round(GAP_EM * self.bubble.fontMetrics().height())
            self.bubble.setGeometry(place_beside(self.ring.geometry(), self.bubble.size(), room, gap))
        self.bubble.raise_()

    def _watch(self, widget: QWidget | None) -> None:
        """Follow the moves and size changes of the part pointed at (a dock dragged, a toolbar re-laid)."""
        if widget is self.target:
            return
        if self.target is not None and shiboken6.isValid(self.target):
            self.target.removeEventFilter(self)
        self.target = widget
        if widget is not None:
            widget.installEventFilter(self)

    def _look_changed(self, change) -> None:
        """No tour while presenting; a new text size re-measures the bubble, a new language rewrites it (once the
        window has rebuilt its menus, which the next step may point at)."""
        if self.window.presenting:
            self.end()
            return
        if "language" in change.fields:
            self.steps = steps()
        QTimer.singleShot(0, self, lambda: self.running and self.go_to(self.index))

    def _take_keys(self, _old, new) -> None:
        """Filter the keys of the bubble's focused button, ahead of the window's deck keys (connected after the
        window's own focus watcher, this filter is installed after its and so runs first)."""
        if new is not None and shiboken6.isValid(self.bubble) and self.bubble.isAncestorOf(new):
            new.installEventFilter(self)

    def command_for(self, key: int, focused: QWidget):
        """What a key does in the bubble: step, end, go round the buttons, or press the one with the focus
        (Space, which the deck would take for "next scene"); None for a key the bubble leaves alone."""
        if key in NEXT_KEYS:
            return self.next
        if key in BACK_KEYS:
            return self.back
        if key in END_KEYS:
            return self.end
        if key in (Qt.Key_Tab, Qt.Key_Backtab):
            return partial(self.bubble.focus_next, key == Qt.Key_Tab)
        if key == Qt.Key_Space and isinstance(focused, QPushButton):
            return focused.click
        return None

    def eventFilter(self, watched, event) -> bool:
        kind = event.type()
        if kind in (QEvent.Resize, QEvent.Move, QEvent.Show, QEvent.Hide) and watched in (self.window, self.target):
            if self.running:
                self.place()
            return False
        if kind not in (QEvent.ShortcutOverride, QEvent.KeyPress) or not isinstance(watched, QWidget) \
                or not self.bubble.isAncestorOf(watched) \
                or event.modifiers() & ~(Qt.KeypadModifier | Qt.ShiftModifier):
            return False
        command = self.command_for(event.key(), watched)
        if command is None:
            return False
        event.accept()  # as a shortcut override: no window shortcut (Esc cancels work) acts on it
        if kind == QEvent.KeyPress:
            command()
        return True


def start(window) -> Tour | None:
    """Start the tour over ``window`` (ending one still running); None while presenting."""
    for running in window.findChildren(Tour):
        running.end()
    if window.presenting:
        return None
    tour = Tour(window)
    tour.start()
    return tour
