"""Where a text is drawn, for the layout checks: boxes in window coordinates, in sight and on a scrolled page, and
what one check found (``Report``). Shared by the widgets' checks (``layout_check``) and the plots'
(``plot_layout_check``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPoint, QRectF
from PySide6.QtWidgets import QAbstractScrollArea, QGraphicsView, QWidget

SLACK = 1.5  # pixels a text may exceed its box by (rounding of fractional font metrics)
MIN_OVERLAP = 2.0  # texts overlapping by less than this in either direction are touching, not over each other


@dataclass
class Report:
    """What one check looked at, and what it found wrong."""

    texts_checked: int = 0
    plots_checked: int = 0
    problems: list[str] = field(default_factory=list)

    def add(self, other: "Report") -> None:
        self.texts_checked += other.texts_checked
        self.plots_checked += other.plots_checked
        self.problems += other.problems


@dataclass
class TextBox:
    """A text as drawn, in window coordinates, and what drew it (texts of one owner are not compared). ``rect`` is
    the part in sight; a text on a scrolled page (``page``: the scroll area's id) is also compared with the page's
    other texts where it is on the page (``whole``), in sight or not: the lecturer scrolls to it."""

    name: str
    rect: QRectF
    owner: int
    page: int = 0
    whole: QRectF | None = None


def shown_part(widget: QWidget, window: QWidget, stop: QWidget | None = None) -> QRectF:
    """The part of ``widget`` its ancestors leave in sight (a scroll area's viewport clips what it holds),
    in window coordinates; only those below ``stop``, when given. (``visibleRegion`` also leaves out what children
    cover: all of a plot view.)"""
    rect = in_window(widget, window)
    parent = widget.parentWidget() if widget is not window else None  # a dialog's parent is the window under it
    while parent is not None and parent is not window and parent is not stop:
        rect = rect.intersected(in_window(parent, window))
        parent = parent.parentWidget()
    return rect


def page_of(widget: QWidget) -> QAbstractScrollArea | None:
    """The scroll area whose page holds ``widget`` (the nearest), or None."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and not isinstance(parent, QGraphicsView):
            return parent
        parent = parent.parentWidget()
    return None


def on_page(widget: QWidget, window: QWidget) -> QRectF:
    """The part of ``widget`` on its scrolled page (all of the page, in sight or not), or in sight when no page
    holds it, in window coordinates."""
    area = page_of(widget)
    return shown_part(widget, window, area.viewport() if area is not None else None)


def text_box(name: str, widget: QWidget, window: QWidget, rect: QRectF | None = None) -> TextBox:
    """``rect`` (the widget's own by default) as in sight and as on its page."""
    area = page_of(widget)
    rect = in_window(widget, window) if rect is None else rect
    return TextBox(name, rect.intersected(shown_part(widget, window)), id(widget), id(area) if area else 0,
                   rect.intersected(on_page(widget, window)))


def in_window(widget: QWidget, window: QWidget) -> QRectF:
    corner = widget.mapTo(window, QPoint(0, 0))
    return QRectF(corner.x(), corner.y(), widget.width(), widget.height())


def beyond(rect: QRectF, frame: QRectF) -> float:
    """How far ``rect`` reaches past ``frame`` on its worst side (0 when inside)."""
    return max(0.0, frame.left() - rect.left(), rect.right() - frame.right(),
               frame.top() - rect.top(), rect.bottom() - frame.bottom())


def overlap(a: QRectF, b: QRectF) -> bool:
    shared = a.intersected(b)
    return shared.width() > MIN_OVERLAP and shared.height() > MIN_OVERLAP
