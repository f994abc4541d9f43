"""Layout problems found from Qt's own geometry: text cut off or over other text, plots too small.

A screenshot tells a person that a label is cut; this module tells a test. It walks the visible widgets
of a window and the items of every plot scene in it, measures each text against the box it is drawn in
(with the font it is drawn with) and against its neighbours, and each plot area against a minimum size.
``check_window`` returns what it checked and one line per problem (which item, what, by how many pixels).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QTextDocument
from PySide6.QtWidgets import (QAbstractButton, QAbstractSpinBox, QComboBox, QGraphicsView, QLabel, QLineEdit,
                               QMainWindow, QScrollArea, QStyle, QStyleOptionComboBox, QStyleOptionFrame, QWidget)

from .layout_boxes import (MIN_OVERLAP, SLACK, Report, TextBox, beyond, in_window, on_page, overlap, page_of,
                           text_box)
from .plot_layout_check import check_scene

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
    if isinstance(widget, QLineEdit) and not isinstance(widget.parentWidget(), (QAbstractSpinBox, QComboBox)):
        return widget.text().strip()  # (a number box's or a list's own field is checked with it)
    return ""


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
    elif isinstance(widget, QLineEdit):  # the typed text wider than the field shows only in part (the tokens, a sentence)
        short = QFontMetricsF(widget.font()).horizontalAdvance(widget.text()) - line_edit_room(widget)
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


def line_edit_room(field: QLineEdit) -> float:
    """The width a line edit shows its text in: its contents inside the frame, less its text margins and the 2 px
    Qt keeps either side of the text."""
    option = QStyleOptionFrame()
    field.initStyleOption(option)
    contents = field.style().subElementRect(QStyle.SE_LineEditContents, option, field)
    margins = field.textMargins()
    return contents.width() - margins.left() - margins.right() - 4


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
