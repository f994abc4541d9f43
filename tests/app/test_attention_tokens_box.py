"""The attention view's tokens box shows the whole sentence in its wrapping controls row (at Qt's usual line-edit
width the row showed "at chases the mouse" of the default "the cat chases the mouse" at 1280 x 800), and a sentence
longer than the row stays within it."""

from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionFrame

from posenc_gui.app import style
from posenc_gui.app.state import Scene, StateModel
from posenc_gui.app.views import applies
from posenc_gui.app.views.attention import AttentionView

TEXT_MARGIN = 2  # QLineEdit's own horizontal margin inside its contents rect


def shown(qtbot, text: str, width: int = 878):
    """As the view stands beside the panel in a 1280 x 800 window."""
    model = StateModel(Scene(method="sinusoidal", view="attention", text=text), views=applies())
    view = AttentionView(model)
    qtbot.addWidget(view)
    view.set_look(style.theme_named("light"), style.BASE_POINTS)
    view.resize(width, 700)
    view.show()
    view.show_data(model.scene, view.fetch(model.scene))
    QApplication.processEvents()
    return view


def text_room(box) -> int:
    """The width the box has for its text (what Qt scrolls the text within)."""
    option = QStyleOptionFrame()
    box.initStyleOption(option)
    contents = box.style().subElementRect(QStyle.SE_LineEditContents, option, box)
    margins = box.textMargins()
    return contents.width() - 2 * TEXT_MARGIN - margins.left() - margins.right()


def test_the_whole_default_sentence_is_in_sight(qtbot):
    view = shown(qtbot, "the cat chases the mouse")
    box = view.text
    assert box.fontMetrics().horizontalAdvance(box.text()) < text_room(box)


def test_a_sentence_longer_than_the_row_stays_within_it(qtbot):
    view = shown(qtbot, " ".join(["the cat chases the mouse"] * 6), width=600)
    box = view.text
    right = box.mapTo(view.controls, box.rect().topRight()).x()
    assert right <= view.controls.width()
    assert text_room(box) > 300  # the row's width, not Qt's usual 17 characters
