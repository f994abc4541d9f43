"""The M-RoPE lesson's video and Qwen3-VL steps (the default deck's scenes 32 and 33) as a hall sees them, presenting
at 1280 x 720 x1.3: the page scrolled 29 px, the x axes' names were cut at the bottom edge and the q·k plot stood at
its 80 px floor. The colours' key took a second line for "column pairs" and the q·k title two."""

import pytest

from posenc_gui.app.state import Scene
from posenc_gui.app.views.lessons import MRopeLesson

from test_lesson_presenting import assert_whole_in_sight, drawn_in_hall


@pytest.mark.parametrize("step", [2, 3])
def test_presenting_at_1280x720_the_plots_and_their_axis_names_are_in_sight(qtbot, step):
    scene = Scene(method="sinusoidal", view="mrope_ids", options={"step": step})
    hall = drawn_in_hall(qtbot, MRopeLesson, scene, 3)
    view = hall.view
    assert_whole_in_sight(view, view.plots)
    assert view.key.heightForWidth(view.key.width()) < 2 * view.key.fontMetrics().lineSpacing()  # one line
