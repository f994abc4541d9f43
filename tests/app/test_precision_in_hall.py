"""The precision lesson (the default deck's scene 40) as a hall sees it, presenting at 1280 x 720 x1.3: its facts line,
below the plot, ran the page 98 px below the fold (142 px in Chinese). Like the other frequency lessons' it is the
lecturer's: hidden while presenting, shown at home."""

from posenc_gui.app.state import Scene
from posenc_gui.app.views.lessons import PrecisionLesson

from test_lesson_presenting import assert_whole_in_sight, shown_lesson

SCENE = Scene(method="sinusoidal", view=PrecisionLesson.key)


def test_presenting_the_plot_is_whole_in_sight_without_the_facts(qtbot):
    hall = shown_lesson(qtbot, PrecisionLesson, SCENE, presenting=True)
    view = hall.view
    qtbot.waitUntil(lambda: len(view.plots) == 1)
    qtbot.wait(1)
    assert not view.facts.isVisible()
    assert_whole_in_sight(view, view.plots)


def test_at_home_the_facts_show(qtbot):
    hall = shown_lesson(qtbot, PrecisionLesson, SCENE, presenting=False)
    qtbot.waitUntil(lambda: len(hall.view.plots) == 1)
    assert hall.view.facts.isVisible() and hall.view.facts.text()
