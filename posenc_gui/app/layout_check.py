"""Layout problems found from Qt's own geometry: text cut off or over other text, plots too small.

A screenshot tells a person that a label is cut; this module tells a test. It walks the visible widgets
of a window and the items of every plot scene in it, measures each text against the box it is drawn in
(with the font it is drawn with) and against its neighbours, and each plot area against a minimum size.
``check_window`` returns what it checked and one line per problem (which item, what, by how many pixels).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyqtgraph as pg
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QImage, QPainter, QTextDocument
from PySide6.QtWidgets import (QAbstractButton, QAbstractScrollArea, QAbstractSpinBox, QComboBox, QGraphicsTextItem,
                               QGraphicsView, QLabel, QMainWindow, QScrollArea, QStyle, QStyleOptionComboBox,
                               QWidget)

from .views.readable import MIN_PLOT
from .views.cell_numbers import CellTexts

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


def check_window(window: QWidget, part: QWidget | None = None) -> Report:
    """Every visible text and plot area of ``window``, or of one ``part`` of it (the tour's bubble, which covers
    other texts on purpose): cut, overlapping or too small."""
    report = Report()
    boxes: list[TextBox] = []
    root = window if part is None else part
    for widget in [root, *root.findChildren(QWidget)]:
        if not visible(widget, window):
            continue
        if isinstance(widget, QGraphicsView):
            scene_report, scene_boxes = check_scene(widget, window)
            report.add(scene_report)
            boxes += scene_boxes
            continue
        if isinstance(widget, QScrollArea):
            report.problems += check_page_height(widget)
        text_report, box = check_widget_text(widget, window)
        report.add(text_report)
        if box is not None:
            boxes.append(box)
    report.problems += overlaps(boxes)
    if part is None:
        report.problems += check_window_size(window)
    return report


def check_window_size(window: QWidget) -> list[str]:
    """A main window wider or taller than its screen (its contents' minimum is too large) has its edges out of sight,
    and every check against the window's edges would pass. (The start page, a window the tests size at will, is
    sized by the main window in the app.)"""
    screen = window.screen().availableGeometry() if window.screen() is not None else None
    if screen is None or not isinstance(window, QMainWindow):
        return []
    over = [f"{size - room} px {name}" for size, room, name in ((window.width(), screen.width(), "wider"),
                                                                 (window.height(), screen.height(), "taller"))
            if size - room > SLACK]
    return [f"{name_of(window)}: {' and '.join(over)} than its screen"] if over else []


def visible(widget: QWidget, window: QWidget) -> bool:
    """Shown, in sight or on a page scrolled to (what is below the fold is checked too)."""
    return widget.isVisible() and widget.window() is window and not on_page(widget, window).isEmpty()


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


def hidden_sideways(widget: QWidget, window: QWidget) -> float:
    """How much of ``widget``'s width its ancestors leave out of sight (a line read by scrolling sideways)."""
    rect = in_window(widget, window)
    left, right = rect.left(), rect.right()
    parent = widget.parentWidget() if widget is not window else None
    while parent is not None and parent is not window:
        room = in_window(parent, window)
        left, right = max(left, room.left()), min(right, room.right())
        parent = parent.parentWidget()
    return rect.width() - max(0.0, right - left)


def text_box(name: str, widget: QWidget, window: QWidget, rect: QRectF | None = None) -> TextBox:
    """``rect`` (the widget's own by default) as in sight and as on its page."""
    area = page_of(widget)
    rect = in_window(widget, window) if rect is None else rect
    return TextBox(name, rect.intersected(shown_part(widget, window)), id(widget), id(area) if area else 0,
                   rect.intersected(on_page(widget, window)))


def name_of(widget: QWidget) -> str:
    label = widget.objectName() or type(widget).__name__
    text = widget_text(widget)
    return f"{label} {text[:40]!r}" if text else label


def widget_text(widget: QWidget) -> str:
    if isinstance(widget, QLabel):
        if widget.textFormat() != Qt.PlainText and Qt.mightBeRichText(widget.text()):  # what the reader sees
            document = QTextDocument()
            document.setHtml(widget.text())
            return document.toPlainText().strip()
        return widget.text().strip()
    if isinstance(widget, QAbstractButton):
        return widget.text().replace("&", "").strip()
    if isinstance(widget, QComboBox):  # what it draws: one that elides its text (``shown_text``) shows less
        return (widget.shown_text() if hasattr(widget, "shown_text") else widget.currentText()).strip()
    if isinstance(widget, QAbstractSpinBox):
        return widget.text().strip()
    return ""


def in_window(widget: QWidget, window: QWidget) -> QRectF:
    corner = widget.mapTo(window, QPoint(0, 0))
    return QRectF(corner.x(), corner.y(), widget.width(), widget.height())


def scrolls(widget: QWidget) -> bool:
    """Whether the widget sits in a scroll area, where being partly out of sight is not being cut."""
    return page_of(widget) is not None


def check_widget_text(widget: QWidget, window: QWidget) -> tuple[Report, TextBox | None]:
    """A text widget's text against its own box (what its size hint asks for) and the window's edges."""
    report = Report()
    text = widget_text(widget)
    if not text:
        return report, None
    report.texts_checked = 1
    name = name_of(widget)
    rect = in_window(widget, window)
    short = 0.0
    if isinstance(widget, QLabel):
        if widget.pixmap() is not None and not widget.pixmap().isNull():
            return Report(), None
        if widget.wordWrap():
            needed = widget.heightForWidth(widget.width())
            if needed > widget.height() + SLACK:
                report.problems.append(f"{name}: wrapped text cut at the bottom by {needed - widget.height():.0f} px")
        else:  # the text shown (a label that elides it with "…" shows less than its size hint asks room for)
            shown = QFontMetricsF(widget.font()).horizontalAdvance(widget.text()) + 2 * widget.margin() + 2
            short = min(widget.sizeHint().width(), shown) - widget.width()
    elif isinstance(widget, QComboBox):
        option = QStyleOptionComboBox()
        widget.initStyleOption(option)
        field_rect = widget.style().subControlRect(QStyle.CC_ComboBox, option, QStyle.SC_ComboBoxEditField, widget)
        icon = widget.iconSize().width() + 4 if not widget.itemIcon(widget.currentIndex()).isNull() else 0
        short = QFontMetricsF(widget.font()).horizontalAdvance(text) + icon - field_rect.width()
    elif isinstance(widget, QAbstractSpinBox):
        edit = widget.findChild(QWidget, "qt_spinbox_lineedit")
        room = edit.width() if edit is not None else widget.width()
        short = QFontMetricsF(widget.font()).horizontalAdvance(text) + 4 - room
    elif isinstance(widget, QAbstractButton):
        short = widget.sizeHint().width() - widget.width()
    if short > SLACK:
        report.problems.append(f"{name}: text cut, {short:.0f} px too narrow")
    hidden = hidden_sideways(widget, window)  # a line read by scrolling sideways is cut too
    if hidden > SLACK:
        report.problems.append(f"{name}: {hidden:.0f} px of its width out of sight")
    if not scrolls(widget):
        outside = beyond(rect, QRectF(window.rect()))
        if outside > SLACK:
            report.problems.append(f"{name}: {outside:.0f} px beyond the window's edge")
    return report, text_box(name, widget, window)


def check_page_height(area: QScrollArea) -> list[str]:
    """A page that scrolls must need to: one taller than its contents at their smallest (and than the scroll area)
    puts what is below the fold out of sight for nothing (plots under a view's texts while presenting)."""
    page, viewport = area.widget(), area.viewport()
    if page is None or not area.widgetResizable() or page.layout() is None:
        return []
    layout = page.layout()
    width = page.width()
    smallest = layout.totalMinimumHeightForWidth(width) if layout.hasHeightForWidth() else \
        layout.totalMinimumSize().height()
    excess = page.height() - max(smallest, viewport.height())
    if excess > SLACK:
        return [f"{name_of(page)} in {name_of(area)}: scrolls {excess:.0f} px more than its contents need at their "
                f"smallest, below the fold for nothing"]
    return []


def beyond(rect: QRectF, frame: QRectF) -> float:
    """How far ``rect`` reaches past ``frame`` on its worst side (0 when inside)."""
    return max(0.0, frame.left() - rect.left(), rect.right() - frame.right(),
               frame.top() - rect.top(), rect.bottom() - frame.bottom())


def check_scene(view: QGraphicsView, window: QWidget) -> tuple[Report, list[TextBox]]:
    """The texts and plot areas of one graphics view (a pyqtgraph layout of plots)."""
    report = Report()
    boxes: list[TextBox] = []
    viewport = view.viewport()
    origin = viewport.mapTo(window, QPoint(0, 0))

    def seen(name: str, rect: QRectF, owner: int) -> list[TextBox]:
        """The text's box in window coordinates as far as the view shows it (in sight, and on its page), for
        comparing with other texts."""
        box = text_box(name, viewport, window, rect.translated(origin.x(), origin.y()))
        box.owner = owner
        return [] if box.whole.isEmpty() else [box]
    frame = QRectF(0, 0, viewport.width(), viewport.height())
    transform = view.viewportTransform()

    def shown_rect(item, rect: QRectF) -> QRectF:
        return item.deviceTransform(transform).mapRect(rect)

    for item in view.scene().items():
        if not item.isVisible() or item.effectiveOpacity() == 0:
            continue
        if isinstance(item, QGraphicsTextItem):
            text = item.toPlainText().strip()
            if not text:
                continue
            report.texts_checked += 1
            name = f"text {text[:40]!r}"
            margin = item.document().documentMargin()  # blank room around the text, not ink
            rect = shown_rect(item, text_rect(item))
            holder = item.parentItem()
            owner, compared = id(holder or item), rect
            if isinstance(holder, pg.AxisItem):  # an axis's name, measured against its own tick names too
                name, owner = f"{holder.orientation} axis name {text[:40]!r}", id(item)
                compared = shown_rect(item, glyph_box(item))
                report.problems += beyond_axis(name, compared, holder, shown_rect)
            outside = beyond(rect, frame)
            if outside > SLACK:
                report.problems.append(f"{name}: {outside:.0f} px beyond the plot area's edge")
            clip = clipping_ancestor(item)
            if clip is not None:
                cut = beyond(rect, shown_rect(clip, clip.boundingRect()))
                if cut > SLACK:
                    report.problems.append(f"{name}: cut by {cut:.0f} px at the edge of the plot it is drawn in")
            if isinstance(holder, pg.LabelItem):
                room = shown_rect(holder, holder.boundingRect().adjusted(margin, 0, -margin, 0))
                short = rect.width() - room.width()
                if short > SLACK:
                    report.problems.append(f"{name}: cut, {short:.0f} px wider than its room")
            boxes += seen(name, compared, owner)
        elif isinstance(item, pg.AxisItem):
            axis_report, axis_boxes = check_axis(item, frame, shown_rect)
            report.add(axis_report)
            boxes += [shown for box in axis_boxes for shown in seen(box.name, box.rect, box.owner)]
        elif isinstance(item, CellTexts):
            report.add(check_cells(item, shown_rect))
        elif isinstance(item, pg.ViewBox) and not in_colour_bar(item):
            report.plots_checked += 1
            rect = shown_rect(item, item.boundingRect())
            low_width, low_height = MIN_PLOT[0] - rect.width(), MIN_PLOT[1] - rect.height()
            if low_width > SLACK or low_height > SLACK:
                report.problems.append(f"plot area {rect.width():.0f} x {rect.height():.0f} px, under the minimum "
                                       f"{MIN_PLOT[0]} x {MIN_PLOT[1]} by {max(low_width, 0):.0f} x {max(low_height, 0):.0f} px")
            outside = beyond(rect, frame)
            if outside > SLACK:
                report.problems.append(f"plot area {outside:.0f} px beyond the view's edge")
    return report, boxes


def text_rect(item: QGraphicsTextItem) -> QRectF:
    """The box of a text item's lines, without the margins around them (its document's, or its own set on its root
    frame: an axis's name on two lines has a wider margin towards the tick names, ``views.axis_name``)."""
    frame = item.document().rootFrame().frameFormat()
    return item.boundingRect().adjusted(frame.leftMargin(), frame.topMargin(), -frame.rightMargin(),
                                        -frame.bottomMargin())


def glyph_box(item: QGraphicsTextItem) -> QRectF:
    """The box of a one-line text's glyphs in the item's coordinates (its line box when it has several lines or
    formats): what the eye sees as touching. An axis's name stands one line's leading from its tick names, and a
    Chinese font's line is far taller than its glyphs."""
    document = item.document()
    lines = text_rect(item)
    block = document.firstBlock()
    fragments = list_fragments(block)
    if document.blockCount() != 1 or block.layout().lineCount() != 1 or len(fragments) != 1:
        return lines
    line = block.layout().lineAt(0)
    font = fragments[0].charFormat().font().resolve(document.defaultFont())
    corner = document.documentLayout().blockBoundingRect(block).topLeft()
    glyphs = QFontMetricsF(font).tightBoundingRect(fragments[0].text())
    return glyphs.translated(corner.x() + line.naturalTextRect().x(), corner.y() + line.y() + line.ascent())


def list_fragments(block) -> list:
    fragments, position = [], block.begin()
    while not position.atEnd():
        fragments.append(position.fragment())
        position += 1
    return fragments


def clipping_ancestor(item):
    """The nearest item that clips ``item`` to its own box (a plot's view box clips the texts placed in the plot:
    a note past its edge is cut there, whatever room the view has around it), or None."""
    parent = item.parentItem()
    while parent is not None:
        if parent.flags() & parent.GraphicsItemFlag.ItemClipsChildrenToShape:
            return parent
        parent = parent.parentItem()
    return None


def beyond_axis(name: str, rect: QRectF, axis: pg.AxisItem, shown_rect) -> list[str]:
    """An axis's name longer than its axis (pyqtgraph centres it on the axis, so both ends stick out over the
    title, the next plot or the view's edge) or pushed off its side of the axis."""
    room = shown_rect(axis, QRectF(QPointF(0, 0), axis.size()))
    outside = beyond(rect, room)
    return [f"{name}: {outside:.0f} px beyond its axis"] if outside > SLACK else []


def in_colour_bar(item) -> bool:
    """A colour bar's own view box is a thin strip by design."""
    parent = item.parentItem()
    while parent is not None:
        if isinstance(parent, pg.ColorBarItem):
            return True
        parent = parent.parentItem()
    return False


def check_axis(axis: pg.AxisItem, frame: QRectF, shown_rect) -> tuple[Report, list[TextBox]]:
    """An axis's tick names as pyqtgraph would draw them now: over each other or cut."""
    report = Report()
    if not axis.style.get("showValues", True) or axis.size().width() <= 0 or axis.size().height() <= 0:
        return report, []
    image = QImage(1, 1, QImage.Format_ARGB32)
    painter = QPainter(image)
    try:
        if axis.style.get("tickFont") is not None:
            painter.setFont(axis.style["tickFont"])
        specs = axis.generateDrawSpecs(painter)
        metrics = QFontMetricsF(painter.font())
    finally:
        painter.end()
    if specs is None:
        return report, []
    boxes, inks = [], []
    own = shown_rect(axis, axis.boundingRect())
    for rect, _flags, text in specs[2]:
        if not str(text).strip():
            continue
        report.texts_checked += 1
        shown = shown_rect(axis, QRectF(rect))
        name = f"{axis.orientation} tick name {text!r}"
        outside = max(beyond(shown, frame), beyond(shown, own.adjusted(-2, -2, 2, 2)) if axis.orientation in
                      ("left", "right") else beyond(shown, frame))
        if outside > SLACK:
            report.problems.append(f"{name}: cut by {outside:.0f} px")
        boxes.append(TextBox(name, shown, id(axis) * 100003 + len(boxes)))
        # pyqtgraph gives each name a rect of its own line's size: the baseline is an ascent below its top
        glyphs = metrics.tightBoundingRect(str(text)) if "\n" not in str(text) else QRectF()
        inks.append(shown_rect(axis, glyphs.translated(rect.left(), rect.top() + metrics.ascent()))
                    if not glyphs.isEmpty() else shown)
    # neighbours on one axis: pyqtgraph draws every name it is given, over each other if need be
    ordered = sorted(boxes, key=lambda box: (box.rect.left(), box.rect.top()))
    for first, second in zip(ordered, ordered[1:]):
        if overlap(first.rect, second.rect):
            report.problems.append(f"{first.name} over {second.name}")
    return report, [TextBox(box.name, ink, id(axis)) for box, ink in zip(boxes, inks)]


def check_cells(cells: CellTexts, shown_rect) -> Report:
    """The numbers written in matrix cells against the cells' size on screen."""
    report = Report()
    cell = shown_rect(cells, QRectF(0, 0, 1, 1))
    labels = cells.shown_labels(cell.width(), cell.height())
    if not labels:
        return report
    metrics = QFontMetricsF(cells.font)
    worst, worst_text, cut = 0.0, "", 0
    for _row, _col, text, _colour in labels:
        report.texts_checked += 1
        short = max(metrics.horizontalAdvance(text) - cell.width(), metrics.tightBoundingRect(text).height() - cell.height())
        if short > SLACK:
            cut += 1
            if short > worst:
                worst, worst_text = short, text
    if cut:
        report.problems.append(f"cell numbers: {cut} of {len(labels)} do not fit their "
                               f"{cell.width():.0f} x {cell.height():.0f} px cells ({worst_text!r} by {worst:.0f} px)")
    return report


def overlap(a: QRectF, b: QRectF) -> bool:
    shared = a.intersected(b)
    return shared.width() > MIN_OVERLAP and shared.height() > MIN_OVERLAP


def overlaps(boxes: list[TextBox]) -> list[str]:
    """Texts of different owners drawn over each other: on one scrolled page wherever they are on it, else where
    they are in sight."""
    pages: dict[int, list[TextBox]] = {}
    for box in boxes:
        if box.page:
            pages.setdefault(box.page, []).append(box)
    problems = []
    for page in pages.values():
        problems += sweep([(box, box.whole) for box in page], lambda box, other: True)
    in_sight = [(box, box.rect) for box in boxes if not box.rect.isEmpty()]
    return problems + sweep(in_sight, lambda box, other: not box.page or box.page != other.page)


def sweep(placed: list[tuple[TextBox, QRectF]], compared) -> list[str]:
    """Pairs of texts of different owners (and ``compared``) whose rects overlap (a sweep along x keeps it
    near-linear)."""
    problems = []
    ordered = sorted(placed, key=lambda pair: pair[1].left())
    for index, (box, rect) in enumerate(ordered):
        for other, other_rect in ordered[index + 1:]:
            if other_rect.left() >= rect.right() - MIN_OVERLAP:
                break
            if other.owner != box.owner and compared(box, other) and overlap(rect, other_rect):
                shared = rect.intersected(other_rect)
                problems.append(f"{box.name} over {other.name} ({shared.width():.0f} x {shared.height():.0f} px)")
    return problems
