"""Layout checks inside a graphics view (a pyqtgraph layout of plots): its texts against the plot area and the plot
they are drawn in, axis names against their axis, tick names against each other, numbers against their matrix
cells, and each plot area against the readable minimum (``layout_check.check_window`` calls ``check_scene`` for
every graphics view it meets)."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPoint, QPointF, QRectF
from PySide6.QtGui import QFontMetricsF, QImage, QPainter
from PySide6.QtWidgets import QGraphicsTextItem, QGraphicsView, QWidget

from .layout_boxes import SLACK, Report, TextBox, beyond, overlap, text_box
from .views.cell_numbers import CellTexts, number_gap
from .views.readable import MIN_PLOT, side_name_length



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
            if isinstance(holder, pg.LabelItem):  # a grid's panel title may reach over the gap beside its box
                reach = getattr(holder, "overhang", 0.0) - margin  # (``grid.OverhangingTitle``): its neighbours
                room = shown_rect(holder, holder.boundingRect().adjusted(-reach, 0, reach, 0))  # are checked below
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
        elif isinstance(item, pg.ColorBarItem):
            report.problems += check_bar(item, view.scene().items())
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


def check_bar(bar: pg.ColorBarItem, items) -> list[str]:
    """A colour bar's colours against the images it stands beside on its left: no taller than from the highest of them
    to the lowest (one spanning its images' rows, titles and axis names stood 224 px beside 127 px heads), but for
    the name along it, which it may hold by reaching higher."""
    colours = bar.vb.sceneBoundingRect()
    beside = [image.sceneBoundingRect().intersected(image.getViewBox().sceneBoundingRect())
              for image in items if isinstance(image, pg.ImageItem) and image.isVisible() and not in_colour_bar(image)
              and image.getViewBox() is not None]
    beside = [rect for rect in beside if not rect.isEmpty() and rect.right() <= colours.left() + SLACK
              and rect.top() < colours.bottom() and rect.bottom() > colours.top()]
    if not beside:
        return []
    top, bottom = min(rect.top() for rect in beside), max(rect.bottom() for rect in beside)
    name = side_name_length(bar.getAxis("right"))
    above = top - colours.top() - max(name - (bottom - top), 0.0)
    below = colours.bottom() - bottom
    if max(above, below) <= SLACK:
        return []
    return [f"colour bar {colours.height():.0f} px tall beside images {bottom - top:.0f} px tall: "
            f"{max(above, 0):.0f} px above them, {max(below, 0):.0f} px below"]


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


def draw_specs(axis: pg.AxisItem) -> tuple[tuple | None, QFontMetricsF]:
    """What pyqtgraph would draw on ``axis`` now (``generateDrawSpecs``: its tick names thinned as it thins them) and
    the metrics of the font it draws them in, worked out on a scratch image."""
    image = QImage(1, 1, QImage.Format_ARGB32)
    painter = QPainter(image)
    try:
        if axis.style.get("tickFont") is not None:
            painter.setFont(axis.style["tickFont"])
        return axis.generateDrawSpecs(painter), QFontMetricsF(painter.font())
    finally:
        painter.end()


def check_axis(axis: pg.AxisItem, frame: QRectF, shown_rect) -> tuple[Report, list[TextBox]]:
    """An axis's tick names as pyqtgraph would draw them now: over each other or cut."""
    report = Report()
    if not axis.style.get("showValues", True) or axis.size().width() <= 0 or axis.size().height() <= 0:
        return report, []
    specs, metrics = draw_specs(axis)
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
    """The numbers written in matrix cells against the cells' size on screen, with ``number_gap`` left between
    neighbours (numbers a few pixels apart read as one: "0.70.00.10.2")."""
    report = Report()
    cell = shown_rect(cells, QRectF(0, 0, 1, 1))
    labels = cells.shown_labels(cell.width(), cell.height())
    if not labels:
        return report
    metrics = QFontMetricsF(cells.font)
    gap = number_gap(metrics)
    worst, worst_text, cut = 0.0, "", 0
    for _row, _col, text, _colour in labels:
        report.texts_checked += 1
        short = max(metrics.horizontalAdvance(text) + gap - cell.width(),
                    metrics.tightBoundingRect(text).height() - cell.height())
        if short > SLACK:
            cut += 1
            if short > worst:
                worst, worst_text = short, text
    if cut:
        report.problems.append(f"cell numbers: {cut} of {len(labels)} do not fit their "
                               f"{cell.width():.0f} x {cell.height():.0f} px cells with {gap:.0f} px between "
                               f"neighbours ({worst_text!r} by {worst:.0f} px)")
    return report
