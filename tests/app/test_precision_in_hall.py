"""The precision lesson (the default deck's scene 40) as a hall sees it, presenting at 1280 x 720 x1.3: its facts line,
below the plot, ran the page 98 px below the fold (142 px in Chinese). Like the other frequency lessons' it is the
lecturer's: hidden while presenting, shown at home."""

from posenc_gui.app import i18n
from posenc_gui.app.state import Scene
from posenc_gui.app.views.lessons import PrecisionLesson

from test_lesson_presenting import assert_whole_in_sight, shown_lesson
from test_lessons_in_chinese_hall import CHINESE_HALL

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


def test_presenting_in_chinese_the_plot_and_its_axis_names_are_whole_in_sight(qtbot, qapp):
    """In Chinese (the view 631 px, lines a quarter taller) the plot stood at the length of its left axis's name, and
    the page still scrolled 20 px: the name is "最大误差" (the title says of what)."""
    assert i18n.install(qapp, "zh") == "zh"
    try:
        hall = shown_lesson(qtbot, PrecisionLesson, SCENE, presenting=True, size=CHINESE_HALL)
        view = hall.view
        qtbot.waitUntil(lambda: len(view.plots) == 1)
        qtbot.wait(1)
        assert_whole_in_sight(view, view.plots)
    finally:
        i18n.install(qapp, "en")
