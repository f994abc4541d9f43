"""The images lesson's column name fits its axis: windowed at 1024 x 768 with the text at x1.6 the page left the three
patch grids 83 px wide, and 'column' above each reached 13 px past both ends of its axis (the matrices' smallest side
counted the rows' name beside them, not the columns' name above them)."""

import pytest

from posenc_gui.app.layout_check import check_window
from posenc_gui.app.state import Scene
from posenc_gui.app.views import applies
from posenc_gui.app.views.lessons import ImagesLesson
from test_grid_fills_room import shown_view

WINDOWED_AT_1024 = (1024, 506)  # the view's size in a 1024 x 768 window at x1.6, below its menu and toolbar
POINTS = 20.8  # x1.6


@pytest.mark.parametrize("step", [1, 3])
def test_the_column_name_is_no_longer_than_its_axis(qtbot, step):
    scene = Scene(view="images", options={"step": step}).validated(applies())
    view = shown_view(qtbot, ImagesLesson, scene, *WINDOWED_AT_1024, POINTS)
    qtbot.wait(1)
    assert view.plots[0].getAxis("top").labelText
    assert [problem for problem in check_window(view).problems if "beyond its axis" in problem] == []
