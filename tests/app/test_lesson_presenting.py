"""A lesson shown to a hall: the title, the step line, the formulas and the plots, all in sight without scrolling (at
1280 x 720 presenting with the text at x1.3 the intro, the formulas and the note took 310 of the 645 px and the matrices
ran 67 px below the fold); formulas as large as the text beside them (they were drawn at three quarters of its size, in
Computer Modern's small letters, when the header did not fit)."""

from PySide6.QtCore import QPoint
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QVBoxLayout, QWidget

from posenc_gui.app import style
from posenc_gui.app.state import Scene, StateModel
from posenc_gui.app.views import applies
from posenc_gui.app.views.lessons import ImagesLesson, WalkthroughLesson
from posenc_gui.app.views.lessons.formula_label import FORMULA_POINTS

VIEW_SIZE = (1280, 645)  # what a 1280 x 720 projector leaves the view under the audience title at x1.3
POINTS = style.BASE_POINTS * style.PRESENTATION_SCALE * 1.3
CAPITALS = 0.683333  # the height of Computer Modern's capitals in ems, the font the formulas are set in


class Hall(QWidget):
    """A window that presents (what a lesson asks its window: ``presenting``), holding one view."""

    def __init__(self, model, view, presenting: bool):
        super().__init__()
        self.model, self.view, self.presenting = model, view, presenting
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(view)


def shown_walkthrough(qtbot, presenting: bool):
    return shown_lesson(qtbot, WalkthroughLesson, Scene(method="nope", view=WalkthroughLesson.key), presenting)


def shown_lesson(qtbot, cls, scene: Scene, presenting: bool, size=VIEW_SIZE, points=POINTS):
    """``cls`` drawing ``scene`` in a ``Hall`` of ``size``, in the dark theme at text size ``points``."""
    model = StateModel(scene.validated(applies()), views=applies())
    view = cls(model)
    hall = Hall(model, view, presenting)
    qtbot.addWidget(hall)
    hall.resize(*size)
    view.set_look(style.theme_named("dark"), points)
    hall.show()
    view.show_data(model.scene, view.fetch(model.scene))
    qtbot.waitExposed(hall)
    qtbot.wait(1)
    return hall


def drawn_in_hall(qtbot, cls, scene: Scene, plots: int):
    """A hall of 1280 x 720 at x1.3 presenting ``scene`` in a view of ``cls``, once its ``plots`` plots are drawn and
    laid out (the hall is returned: the view goes with it)."""
    hall = shown_lesson(qtbot, cls, scene, presenting=True)
    qtbot.waitUntil(lambda: len(hall.view.plots) == plots)
    qtbot.wait(1)
    return hall


def assert_whole_in_sight(view, plots) -> None:
    """The page does not scroll, the plots' canvas ends within the viewport and each of ``plots`` is whole on it."""
    viewport = view.scroll.viewport()
    assert view.scroll.verticalScrollBar().maximum() == 0
    assert view.graphics.mapTo(viewport, QPoint(0, view.graphics.height())).y() <= viewport.height()
    for plot in plots:
        assert view.graphics.sceneRect().contains(plot.sceneBoundingRect()), plot.titleLabel.text


def assert_controls_come_and_go_on_call(hall) -> None:
    """P while presenting (the window's ``controls_called``) brings the view's controls back, and takes them away."""
    view = hall.view
    assert not view.controls.isVisible()
    hall.controls_called = True
    view.keep_plots_readable()
    assert view.controls.isVisible()
    hall.controls_called = False
    view.keep_plots_readable()
    assert not view.controls.isVisible()


def test_a_presenting_lesson_shows_its_plots_whole_without_scrolling(qtbot):
    hall = shown_walkthrough(qtbot, presenting=True)
    view = hall.view
    viewport = view.scroll.viewport()
    plots_bottom = view.graphics.mapTo(viewport, QPoint(0, view.graphics.height())).y()
    assert view.scroll.verticalScrollBar().maximum() == 0
    assert plots_bottom <= viewport.height()
    assert view.step_label.isVisible() and all(label.isVisible() for label in view.formula_labels)
    assert not view.text.isVisible() and view.header.toolTip()  # the intro is the lecturer's, on hover


def test_a_lesson_at_home_keeps_its_intro(qtbot):
    hall = shown_walkthrough(qtbot, presenting=False)
    view = hall.view
    assert view.text.isVisible() and not view.header.toolTip()


def test_formulas_are_as_large_as_the_text_beside_them(qtbot):
    for presenting in (True, False):
        hall = shown_walkthrough(qtbot, presenting)
        view = hall.view
        font = QFont(view.text.font())
        font.setPointSizeF(POINTS)
        text_capitals = QFontMetricsF(font).capHeight()
        for label in view.formula_labels:
            pixmap = label.pixmap()
            drawn = pixmap.height() / pixmap.devicePixelRatio()
            em = drawn / label.renderer.defaultSize().height() * FORMULA_POINTS  # the formula's font size in pixels
            assert em * CAPITALS >= text_capitals - 0.5, (presenting, label.name, em, text_capitals)



def test_an_intro_that_is_the_steps_text_gives_way_to_the_plots_presenting(qtbot):
    """The images lesson's intro says what its step shows: presenting at 1280 x 720 x1.6 its first sentence still took
    three lines over the panels; it hides like a note, the step line stays."""
    scene = Scene(method="image2d", view=ImagesLesson.key, options={"step": 0})
    presented = shown_lesson(qtbot, ImagesLesson, scene, True, (1280, 632), POINTS / 1.3 * 1.6)
    assert not presented.view.text.isVisible() and presented.view.step_label.isVisible()
    at_home = shown_lesson(qtbot, ImagesLesson, scene, False, (1280, 632), POINTS / 1.3 * 1.6)
    assert at_home.view.text.isVisible()
