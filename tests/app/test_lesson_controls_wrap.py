"""Rows of controls wrap onto more lines rather than widen the page past the window (windowed at 1024 x 768 x1.3 the
clocks lesson's row of position and hands ran the page 19 px wider than the view: its intro and facts were cut;
presenting at x1.6 the walkthrough's box was 12 px out of sight), and a wrapped row leaves the plots in sight."""

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget
from view_helpers import projector_view

from posenc_gui.app.layout_check import check_window
from posenc_gui.app.state import Scene
from posenc_gui.app.views.base import CONTROLS_INSET
from posenc_gui.app.views.flow import FlowLayout, fill_line
from posenc_gui.app.views.lessons.clocks import ClocksLesson
from posenc_gui.app.views.lessons.context_extension import ContextExtensionLesson
from posenc_gui.app.views.lessons.relative_property import RelativePropertyLesson
from posenc_gui.app.views.lessons.walkthrough import WalkthroughLesson

# the view's size in a 1024 x 768 window beside the parameter panel, and the text at x1.3 (as presenting x0.8125)
VIEW_SIZE = (622, 600)
TEXT_SCALE = 1.3 / 1.6
# the walkthrough (no parameter panel) in a 640 x 480 window at x1.6 (presenting's own scale)
SMALL_WINDOW_VIEW = (640, 350)


def settled(qapp, view):
    for _ in range(3):
        qapp.processEvents()
    return view


@pytest.mark.parametrize("cls, view, method, size, text_scale", [
    (ClocksLesson, "clocks", "sinusoidal", VIEW_SIZE, TEXT_SCALE),
    (RelativePropertyLesson, "relative_property", "sinusoidal", VIEW_SIZE, TEXT_SCALE),
    (WalkthroughLesson, "walkthrough", "nope", VIEW_SIZE, 1.0),
    (WalkthroughLesson, "walkthrough", "nope", SMALL_WINDOW_VIEW, 1.0),
    (ContextExtensionLesson, "context_extension", "sinusoidal", (628, 600), 1.0),  # a caption and its box: a line
])
def test_a_row_of_controls_wraps_within_a_narrow_view(qtbot, qapp, cls, view, method, size, text_scale):
    lesson = settled(qapp, projector_view(qtbot, cls, Scene(method=method, view=view), size, text_scale))
    assert lesson.page.width() <= lesson.scroll.viewport().width()
    assert [problem for problem in check_window(lesson).problems if "out of sight" in problem] == []


def test_a_wrapped_row_leaves_the_plots_in_sight(qtbot, qapp):
    """In a 640 x 480 window at x1.6 the walkthrough's row on two lines pushed its plots below the window (the self-test
    found the view blank): the header's texts but the intro's first sentence hide behind its "more" link instead, and
    the plots start in sight (their titles; there is no room for more)."""
    lesson = settled(qapp, projector_view(qtbot, WalkthroughLesson, Scene(method="nope", view="walkthrough"),
                                          SMALL_WINDOW_VIEW, 1.0))
    assert lesson.controls.height() > 1.5 * lesson.scaled.height()  # the row wrapped
    viewport, title = lesson.scroll.viewport(), lesson.plots[0].titleLabel
    title_middle = round(title.mapRectToScene(title.boundingRect()).center().y())
    assert lesson.graphics.mapTo(viewport, QPoint(0, title_middle)).y() <= viewport.height()  # the rest scrolls
    assert not lesson.note.isVisibleTo(lesson) and "more" in lesson.text.text()
    lesson.text.linkActivated.emit("#more")  # the reader unfolds the texts: all of them show, and the page scrolls
    assert lesson.note.isVisibleTo(lesson)


def flow_row(width: int, *widgets: QWidget) -> QWidget:
    holder = QWidget()
    holder.setFont(QFont("DejaVu Sans", 9))  # the widths below, whatever text size an earlier test left the app at
    row = FlowLayout(12, holder)
    for widget in widgets:
        row.addWidget(widget)
    holder.resize(width, row.heightForWidth(width))
    row.setGeometry(holder.rect())
    return holder


def test_a_flow_row_fills_a_line_and_wraps_long_text(qtbot):
    """A box made to fill its line takes the rest of it, as a box of sentences did in one row, and a line edit (whose
    policy expands) only its own width; a wrapping text gets the height it needs at the width it gets."""
    caption, box, entry = QLabel("Sentences:"), fill_line(QComboBox()), QLineEdit("an expanding policy alone")
    text = QLabel("a long meaning " * 12)
    text.setWordWrap(True)
    holder = flow_row(400, caption, box, entry, fill_line(text))
    qtbot.addWidget(holder)
    assert box.geometry().right() == 400 - 1
    assert entry.y() > box.geometry().bottom() and entry.width() == entry.sizeHint().width()
    assert text.y() == entry.y() and text.geometry().right() == 400 - 1
    assert text.height() == text.heightForWidth(text.width()) > 2 * caption.height()


def test_a_flow_row_measures_its_items_once_per_width_until_one_changes(qtbot):
    """The height for a width is kept until the row is invalidated (Qt does it when an item's size hint or visibility
    changes): each drawing asked the controls' row its height at the same width, and each answer asked every item for
    its size again. A text made longer is measured anew, and so is an item hidden."""
    text = QLabel("a meaning")
    text.setWordWrap(True)
    other = QLabel("more")
    holder = flow_row(200, fill_line(text), other)
    qtbot.addWidget(holder)
    row = holder.layout()
    asked = []
    real_arrange = row._arrange
    row._arrange = lambda rect, move: asked.append(move) or real_arrange(rect, move)
    one_line = row.heightForWidth(200)
    assert [row.heightForWidth(200) for _ in range(5)] == [one_line] * 5
    assert asked == [] or asked == [False]
    text.setText("a long meaning " * 12)
    assert row.heightForWidth(200) > one_line
    taller = row.heightForWidth(200)
    text.setText("a meaning")
    other.hide()
    assert row.heightForWidth(200) < taller


def test_a_row_of_controls_stands_in_from_the_edge_as_the_header_does(qtbot, qapp):
    """The controls row stood flush with the window's edge (a check box's square 1 px from it, "Heads:" touching the
    projector's edge) while the lesson's text above stood 8 px in."""
    lesson = settled(qapp, projector_view(qtbot, WalkthroughLesson, Scene(method="nope", view="walkthrough"),
                                          (1000, 600), 1.0))
    first = min((widget for widget in lesson.controls.findChildren(QWidget) if widget.isVisibleTo(lesson.controls)
                 and widget.parentWidget() is lesson.controls), key=lambda widget: (widget.y(), widget.x()))
    header_text_x = lesson.text.mapTo(lesson.page, QPoint(0, 0)).x()
    assert first.mapTo(lesson.page, QPoint(0, 0)).x() == header_text_x == CONTROLS_INSET


def test_the_side_margins_give_way_to_an_item_as_wide_as_the_row(qtbot):
    """On a row barely wider than its widest item the side margins shrink rather than squeeze the item or widen the
    page."""
    box = QLineEdit()
    box.setMinimumWidth(190)
    holder = flow_row(200, box)
    holder.layout().setContentsMargins(CONTROLS_INSET, 0, CONTROLS_INSET, 0)
    holder.layout().setGeometry(holder.rect())
    qtbot.addWidget(holder)
    assert box.x() == 5 and box.width() == 190
    assert holder.layout().minimumSize().width() == 190
