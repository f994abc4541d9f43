"""The attention view's box of tokens in large type on a small projector: a sentence longer than the whole line its row
gives it is set smaller (down to 0.6 of the text size) rather than cut, and takes the text size again when there is
room; a new text size is followed."""

from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QHBoxLayout, QWidget

from posenc_gui.app.views.flow import SMALLEST_SHARE, SentenceBox, line_edit_room

SENTENCE = "the cat that the dog chased sat on the mat while the bird sang"


def box_in(qtbot, width: int, points: float) -> tuple[QWidget, SentenceBox]:
    holder = QWidget()
    qtbot.addWidget(holder)
    font = QFont(holder.font())
    font.setPointSizeF(points)
    holder.setFont(font)
    QHBoxLayout(holder).addWidget(box := SentenceBox())
    box.setText(SENTENCE)
    holder.resize(width, 80)
    holder.show()
    qtbot.waitExposed(holder)
    return holder, box


def shown_width(box: SentenceBox) -> float:
    return QFontMetricsF(box.font()).horizontalAdvance(box.text())


def test_a_sentence_longer_than_its_box_is_set_smaller_to_be_read_whole(qtbot):
    holder, box = box_in(qtbot, 600, 18)
    assert shown_width(box) <= line_edit_room(box) + 1
    assert SMALLEST_SHARE * 18 - 0.01 <= box.font().pointSizeF() < 18
    holder.resize(1600, 80)
    qtbot.waitUntil(lambda: box.font().pointSizeF() == 18)  # room again: the text size


def test_the_box_follows_a_new_text_size_after_it_was_set_smaller(qtbot):
    """Its own, smaller size does not follow the window's: the view fits it again for a new text size (as
    ``AttentionView.set_look`` does)."""
    holder, box = box_in(qtbot, 600, 18)
    font = QFont(holder.font())
    font.setPointSizeF(12)
    holder.setFont(font)
    box.fit_text()
    assert box.font().pointSizeF() <= 12
    assert shown_width(box) <= line_edit_room(box) + 1
    holder.resize(1600, 80)
    qtbot.waitUntil(lambda: box.font().pointSizeF() == 12)
