"""Lessons read from the back row while presenting: the intro, step text, notes and the captions of the
controls above the plots are drawn at the window's text size in every lesson (they shrank to half of it, and each
lesson to a different size); an intro too long for the room folds to its first sentence and a link that unfolds it; matrices are as large as
their numbers need."""

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFontInfo, QTextDocument
from PySide6.QtWidgets import QAbstractSpinBox, QLabel, QPushButton

from posenc_gui.app import style
from posenc_gui.app.views import VIEWS
from posenc_gui.app.views.lessons import LearnedTableLesson, MultiHeadLesson, RelativePropertyLesson
from posenc_gui.app.views.lessons.formula_label import FormulaLabel
from posenc_gui.app.views.lessons.header_text import first_sentence, plain_text
from posenc_gui.app.views.lessons.lesson_view import LessonView

from view_helpers import open_view

PRESENTING = style.BASE_POINTS * style.PRESENTATION_SCALE * 1.3  # presenting at text size x1.3
LESSONS = [cls for _title, _applies, cls in VIEWS.values() if issubclass(cls, LessonView)]


def presented(qtbot, qapp, cls, themed, width=1280, height=631):
    _model, view = open_view(qtbot, cls, themed("light"))
    view.set_look(view.theme, PRESENTING)
    view.resize(width, height)
    qapp.processEvents()
    return view


def header_texts(view):
    widgets = [*view.header.findChildren(QLabel), *view.header.findChildren(QPushButton),
               *view.controls.findChildren(QLabel), *view.controls.findChildren(QAbstractSpinBox)]
    return [widget for widget in widgets if widget.isVisible() and not isinstance(widget, FormulaLabel)]


@pytest.mark.parametrize("cls", LESSONS, ids=lambda cls: cls.key)
def test_every_lesson_header_is_drawn_at_the_text_size_while_presenting(qtbot, qapp, themed, cls):
    view = presented(qtbot, qapp, cls, themed)
    texts = header_texts(view)
    assert texts
    sizes = {type(widget).__name__ + ":" + (widget.text() if hasattr(widget, "text") else "")[:30]:
             QFontInfo(widget.font()).pointSizeF() for widget in texts}
    assert all(abs(size - PRESENTING) < 0.6 for size in sizes.values()), sizes


def test_a_long_intro_folds_to_its_first_sentence_and_unfolds_on_its_link(qtbot, qapp, themed):
    view = presented(qtbot, qapp, MultiHeadLesson, themed)
    full = plain_text(view.explanation())
    assert plain_text(view.text.text()).startswith(plain_text(first_sentence(view.explanation())))
    assert len(plain_text(view.text.text())) < len(full) / 2 and 'href="#more"' in view.text.text()
    folded_height = view.header.height()
    view.text.linkActivated.emit("#more")
    assert full in plain_text(view.text.text()) and 'href="#less"' in view.text.text()
    assert view.header.height() > folded_height
    view.text.linkActivated.emit("#less")
    assert view.header.height() == folded_height


def line_of(document: QTextDocument, position: int) -> int:
    block = document.findBlock(position)
    line = block.layout().lineForTextPosition(position - block.position())
    return block.firstLineNumber() + line.lineNumber()


@pytest.mark.parametrize("link", ["#more", "#less"])
def test_the_fold_link_never_leaves_its_arrow_alone_on_a_line(qtbot, qapp, themed, link):
    """At 1280 x 720 presenting, "more" ended the multi-head intro's line and "▾" stood alone on the next."""
    view = presented(qtbot, qapp, MultiHeadLesson, themed)
    if link == "#less":
        view.text.linkActivated.emit("#more")
    rich = view.text.text()
    assert f'href="{link}"' in rich
    document = QTextDocument()
    document.setDefaultFont(view.text.font())
    document.setHtml(rich)
    text = document.toPlainText()
    arrow = text.rindex("▾" if link == "#more" else "▴")
    word = arrow - 2  # the link's word ends before the space and its arrow
    for width in range(200, 1300, 3):
        document.setTextWidth(width)
        document.size()  # lays it out
        assert line_of(document, word) == line_of(document, arrow), width


@pytest.mark.parametrize("rich, first", [
    ("off by p·ω·2<sup>−t</sup>: the error grows. Then more.", "off by p·ω·2<sup>−t</sup>: the error grows."),
    ("<b>Click a patch</b>. The rest.", "<b>Click a patch</b>."),
    ("A <b>bold ending.</b> More.", "A <b>bold ending.</b>"),
    ("Stops in <i>italics. Here</i> on.", "Stops in <i>italics.</i>"),
    ("原文中的计算示例：三个输入。每个输入", "原文中的计算示例：三个输入。"),
    ("One sentence only", "One sentence only")])
def test_a_folded_intro_keeps_its_first_sentence_rich(rich, first):
    assert first_sentence(rich) == first


def test_an_intro_that_fits_is_shown_whole(qtbot, qapp, themed):
    _model, view = open_view(qtbot, MultiHeadLesson, themed("light"))  # 1920 x 1080 at the base text size
    assert view.text.text() == view.explanation()


def numbers_shown(panel) -> list[str]:
    """The numbers a matrix panel writes in its cells at its size on the screen."""
    cell = panel.plot.vb.mapViewToScene(QRectF(0, 0, 1, 1)).boundingRect()
    return [text for _row, _col, text, _colour in panel.texts.shown_labels(cell.width(), cell.height())]


@pytest.mark.parametrize("cls", [RelativePropertyLesson, MultiHeadLesson])
def test_the_numbers_a_step_writes_fit_their_cells_while_presenting(qtbot, qapp, themed, cls):
    """Presenting at 1280 x 720 x1.3 the panels that would hold every number need more height than the page has: the
    audience cannot scroll, so the panels shrink to the room (``short_of_room``) and a number is written only where it
    fits its cell, with two decimals at most (the value is on hover). Kept at the size of their numbers, the page
    scrolled the step's later panels out of sight."""
    view = presented(qtbot, qapp, cls, themed)
    view.grab()
    assert view.short_of_room
    shown = [text for panel in view.kept.values() for text in numbers_shown(panel)]
    assert all(len(text.lstrip("-").split(".")[-1]) <= 2 or "." not in text for text in shown)


def test_the_learned_table_shows_its_cosines_first_whole_with_its_axes_named_apart(qtbot, qapp, themed):
    """Presenting at 1280 x 720 x1.3 the cosine matrices the intro speaks of were below the tables, out of sight, and
    showed only a band of their rows; the axes' names lay on their tick names ("position" over "200"); the 512 rows
    of the sinusoid, drawn on fewer pixels, showed moiré (rows sampled, not averaged)."""
    view = presented(qtbot, qapp, LearnedTableLesson, themed)
    view.grab()
    tables, cosines = view.plots[:2], view.plots[2:]
    assert max(plot.sceneBoundingRect().top() for plot in cosines) < min(p.sceneBoundingRect().top() for p in tables)
    for plot in cosines:
        (left, right), (top, bottom) = plot.vb.viewRange()
        assert left <= -0.5 and right >= 511.5 and top <= -0.5 and bottom >= 511.5
    for plot in view.plots:
        axis = plot.getAxis("left")  # the name's right edge left of where the widest tick name starts
        name = axis.label.mapRectToScene(axis.label.boundingRect())
        ticks_start = axis.sceneBoundingRect().right() - axis.style["tickTextOffset"][0] - axis.textWidth
        assert name.right() <= ticks_start + 1, axis.labelText
    for plot, image in zip(view.plots, view.images):
        assert image.image.shape[0] <= plot.vb.height()
