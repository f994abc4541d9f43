"""Rows of controls wrap onto more lines rather than widen the page past the window (windowed at 1024 x 768 x1.3 the
clocks lesson's row of position and hands ran the page 19 px wider than the view: its intro and facts were cut)."""

import pytest
from view_helpers import projector_view

from posenc_gui.app.layout_check import check_window
from posenc_gui.app.state import Scene
from posenc_gui.app.views.lessons.clocks import ClocksLesson
from posenc_gui.app.views.lessons.relative_property import RelativePropertyLesson

# the view's size in a 1024 x 768 window beside the parameter panel, and the text at x1.3 (as presenting x0.8125)
VIEW_SIZE = (622, 600)
TEXT_SCALE = 1.3 / 1.6


@pytest.mark.parametrize("cls, view, method, size, text_scale", [
    (ClocksLesson, "clocks", "sinusoidal", VIEW_SIZE, TEXT_SCALE),
    (RelativePropertyLesson, "relative_property", "sinusoidal", VIEW_SIZE, TEXT_SCALE),
])
def test_a_row_of_controls_wraps_within_a_narrow_view(qtbot, qapp, cls, view, method, size, text_scale):
    lesson = projector_view(qtbot, cls, Scene(method=method, view=view), size, text_scale)
    for _ in range(3):
        qapp.processEvents()
    assert lesson.page.width() <= lesson.scroll.viewport().width()
    assert [problem for problem in check_window(lesson).problems if "out of sight" in problem] == []
