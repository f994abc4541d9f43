"""Views outside the lessons in a lecture hall: in a 1280 x 720 window with the text x1.6, as the self-test lays
them out, the layout check finds nothing out of sight, cut, or past a plot's edge."""

import pytest
from PySide6.QtCore import QSettings

from posenc_gui.app.layout_check import check_window
from posenc_gui.app.state import Scene
from posenc_gui.app.window import MainWindow



@pytest.fixture
def lecture_window(qtbot, qapp, private_settings):  # noqa: F811
    """A function that shows a scene in a 1280 x 720 window at text size x1.6 and returns the window's problems."""
    window = MainWindow(settings=QSettings())
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    window.set_text_scale(1.6)

    def problems(scene: Scene) -> list[str]:
        window.model.set_scene(scene)
        window.finish_work()
        qapp.processEvents()
        return check_window(window).problems

    problems.window = window
    yield problems
    window.warm_up_timer.stop()  # no views built ahead for the tests after this one
    window.close()


def test_the_attention_views_controls_wrap_rather_than_leave_a_box_out_of_sight(lecture_window):
    problems = lecture_window(Scene(method="alibi", view="attention"))
    view = lecture_window.window.current_view
    assert not [problem for problem in problems if "Content / position parts" in problem]
    box = view.position_only
    assert box.mapTo(view, box.rect().topRight()).x() < view.width()


@pytest.mark.parametrize("method, view", [("layers", "decay"), ("sandwich", "bias"), ("mrope", "encoding")])
def test_the_panel_keeps_to_its_dock_elides_long_names_and_breaks_code_names(lecture_window, method, view):
    problems = lecture_window(Scene(method=method, view=view))
    panel = lecture_window.window.panel
    assert not [problem for problem in problems if "method_picker" in problem or "param_" in problem
                or "'Method'" in problem]
    assert panel.picker.shown_text().endswith("…") or method != "layers"
