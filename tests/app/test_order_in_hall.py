"""The order lesson (the default deck's scene 3) as a hall sees it, presenting at 1280 x 720 x1.3: short of room, its
four panels stand in one row, and their titles ("NoPE, no mask: outputs of A “猫追老鼠”") wrapped onto five lines in a
quarter of the row (four in Chinese), which ran the matrices 55 px below the fold in Chinese. In a row of four they
leave out "outputs of" (the rows name the words)."""

import pytest

from posenc_gui.app import i18n
from posenc_gui.app.state import Scene
from posenc_gui.app.views.lessons import OrderLesson

from test_lesson_presenting import assert_whole_in_sight, drawn_in_hall, shown_lesson
from test_lessons_in_chinese_hall import CHINESE_HALL, plots_in_sight

SCENE = Scene(method="sinusoidal", view=OrderLesson.key)


@pytest.fixture
def chinese(qapp):
    assert i18n.install(qapp, "zh") == "zh"
    yield
    i18n.install(qapp, "en")


def test_presenting_the_four_matrices_are_whole_in_sight(qtbot):
    hall = drawn_in_hall(qtbot, OrderLesson, SCENE, 4)
    view = hall.view
    assert_whole_in_sight(view, view.plots)
    assert all("outputs" not in plot.titleLabel.text for plot in view.plots)


def test_presenting_in_chinese_the_four_matrices_are_in_sight(qtbot, chinese):
    hall = shown_lesson(qtbot, OrderLesson, SCENE, presenting=True, size=CHINESE_HALL)
    view = hall.view
    qtbot.waitUntil(lambda: len(view.plots) == 4)
    qtbot.wait(1)
    assert plots_in_sight(view, view.plots) == []


def test_two_across_the_titles_say_what_the_matrices_are(qtbot):
    hall = shown_lesson(qtbot, OrderLesson, SCENE, presenting=False, size=(1280, 1400))
    view = hall.view
    qtbot.waitUntil(lambda: len(view.plots) == 4)
    assert all("outputs of" in plot.titleLabel.text for plot in view.plots)
