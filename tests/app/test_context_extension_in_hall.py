"""The context-extension lesson (the default deck's scene 34) as a hall sees it, presenting at 1280 x 720: its legend
named nine curves and lines by their full names ("linear (position interpolation)", "extended length s·L0 = 16384") in
two columns, five rows that took the page, and the plots were below the fold (the page scrolled 626 px at x1.3)."""

import pytest

from posenc_gui.app import i18n, style
from posenc_gui.app.state import Scene
from posenc_gui.app.views.lessons import ContextExtensionLesson
from posenc_gui.app.views.lessons.frequency_lesson import legend_columns

from test_lesson_presenting import VIEW_SIZE, assert_whole_in_sight, shown_lesson

# what a 1280 x 720 projector leaves the view under the audience title, at each text size
HALLS = {1.0: (1280, 658), 1.3: VIEW_SIZE}
READABLE_HEIGHT = 120  # pixels: a plot area that shows the curves' shapes from the back of the hall


@pytest.mark.parametrize("scale", HALLS)
def test_presenting_at_1280x720_the_legend_and_the_three_plots_are_in_sight(qtbot, scale):
    hall = shown_lesson(qtbot, ContextExtensionLesson, Scene(method="rope", view="context_extension"),
                        presenting=True, size=HALLS[scale], points=style.BASE_POINTS * style.PRESENTATION_SCALE * scale)
    view = hall.view
    qtbot.waitUntil(lambda: len(view.plots) == 3)
    qtbot.wait(1)
    assert_whole_in_sight(view, [*view.plots, view.legend])
    assert all(plot.vb.height() >= READABLE_HEIGHT for plot in view.plots), [plot.vb.height() for plot in view.plots]
    labels = [label for _sample, label in view.legend.items]
    assert [label.text for label in labels[:2]] == ["none", "linear"]  # short names, the full ones on hover
    assert labels[1].toolTip() == "linear (position interpolation)"


def test_presenting_in_chinese_the_plots_are_in_sight_and_the_controls_give_their_row(qtbot, qapp):
    """Chinese lines are a quarter taller (and the audience title leaves the view 631 px): the plots' axes ran 52 px
    below the fold under the controls' row, the lecturer's."""
    assert i18n.install(qapp, "zh") == "zh"
    try:
        hall = shown_lesson(qtbot, ContextExtensionLesson, Scene(method="rope", view="context_extension"),
                            presenting=True, size=(1280, 631))
        view = hall.view
        qtbot.waitUntil(lambda: len(view.plots) == 3)
        qtbot.wait(1)
        assert_whole_in_sight(view, [*view.plots, view.legend])
        assert not view.controls.isVisible()
    finally:
        i18n.install(qapp, "en")


def test_presenting_in_english_the_controls_stay(qtbot):
    hall = shown_lesson(qtbot, ContextExtensionLesson, Scene(method="rope", view="context_extension"), presenting=True)
    qtbot.waitUntil(lambda: len(hall.view.plots) == 3)
    qtbot.wait(1)
    assert hall.view.controls.isVisible()


def test_a_legend_takes_the_fewest_rows_its_room_holds_and_fills_them_evenly():
    entries = [100.0] * 9
    assert legend_columns(entries, 5, 500) == 5  # two rows
    assert legend_columns(entries, 5, 450) == 3  # three rows of three, not of four
    assert legend_columns(entries, 5, 50) == 1
    assert legend_columns([300.0, 50.0, 50.0, 50.0], 4, 420) == 2  # each column as wide as its widest entry
