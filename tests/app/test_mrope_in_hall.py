"""The M-RoPE lesson's video and Qwen3-VL steps (the default deck's scenes 32 and 33) as a hall sees them, presenting
at 1280 x 720 x1.3: the page scrolled 29 px, the x axes' names were cut at the bottom edge and the q·k plot stood at
its 80 px floor. The colours' key took a second line for "column pairs" and the q·k title two. In Chinese the q·k
curves and the axes' names ran 64 px below the fold (73 px in the deck)."""

import pytest

from posenc_gui.app import i18n
from posenc_gui.app.state import Scene
from posenc_gui.app.views.lessons import MRopeLesson
from posenc_gui.app.views.model_config import ModelConfigView
from posenc_gui.app.views.readable import MIN_PLOT, side_name_length

from test_lesson_presenting import assert_whole_in_sight, drawn_in_hall, shown_lesson
from test_lessons_in_chinese_hall import CHINESE_HALL
from test_model_config_in_hall import config_scene


@pytest.mark.parametrize("step", [2, 3])
def test_presenting_at_1280x720_the_plots_and_their_axis_names_are_in_sight(qtbot, step):
    scene = Scene(method="sinusoidal", view="mrope_ids", options={"step": step})
    hall = drawn_in_hall(qtbot, MRopeLesson, scene, 3)
    view = hall.view
    assert_whole_in_sight(view, view.plots)
    assert view.key.heightForWidth(view.key.width()) < 2 * view.key.fontMetrics().lineSpacing()  # one line


@pytest.mark.parametrize("step", [2, 3])
def test_presenting_in_chinese_the_plots_are_in_sight(qtbot, qapp, step):
    """In Chinese (lines a quarter taller, the view 631 px) the q·k curves ran 73 px below the fold: the controls, the
    lecturer's, give their row to the plots (in English they fit, and stay)."""
    assert i18n.install(qapp, "zh") == "zh"
    try:
        scene = Scene(method="sinusoidal", view="mrope_ids", options={"step": step})
        hall = shown_lesson(qtbot, MRopeLesson, scene, presenting=True, size=CHINESE_HALL)
        view = hall.view
        qtbot.waitUntil(lambda: len(view.plots) == 3)
        qtbot.wait(1)
        assert_whole_in_sight(view, view.plots)
        assert not view.controls.isVisible()
    finally:
        i18n.install(qapp, "en")


def test_presenting_in_english_the_controls_stay(qtbot):
    hall = drawn_in_hall(qtbot, MRopeLesson, Scene(method="sinusoidal", view="mrope_ids", options={"step": 2}), 3)
    assert hall.view.controls.isVisible()


@pytest.mark.parametrize("cls, scene", [(MRopeLesson, Scene(method="sinusoidal", view="mrope_ids", options={"step": 2})),
                                        (ModelConfigView, config_scene("gemma-3-4b-text.json"))])
def test_in_chinese_the_name_q_dot_k_does_not_hold_its_plot_taller(qtbot, chinese, cls, scene):
    """The Chinese font draws '·' (U+00B7) a full em wide: 'q·k' along the q·k plot's side was 94 px long presenting at
    x1.3 and held the plot area 18 px above its floor, and deck scenes 32, 33, 36 and 37 scrolled 6-8 px at 1280 x 720
    x1.3. The Chinese texts write the dot product with the dot operator (U+22C5), drawn as narrow as in English."""
    hall = shown_lesson(qtbot, cls, scene, presenting=True, size=CHINESE_HALL)
    view = hall.view
    qtbot.waitUntil(lambda: len(view.plots) == 3)
    scores = view.plots[2].getAxis("left")
    assert side_name_length(scores) <= MIN_PLOT[1]
    assert scores.labelText == "q\u22c5k"
