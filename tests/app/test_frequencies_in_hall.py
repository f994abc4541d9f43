"""The frequency view presenting: its two plots stacked, each name along an upright axis on two lines where the plot is
shorter than it. On one line, 'frequency (rad / position)' held each plot as tall as the name is long (480 px at
1280 x 720 x1.3), and the page scrolled 579 px there, 493 px at 1920 x 1080 x1.6."""

from posenc_gui.app.state import Scene
from posenc_gui.app.views.relative import FrequencyView

from test_lesson_presenting import POINTS, shown_lesson


def test_presenting_in_large_type_both_plots_are_in_sight(qtbot):
    hall = shown_lesson(qtbot, FrequencyView, Scene(method="sinusoidal", view="frequencies"), presenting=True,
                        size=(1920, 990), points=POINTS / 1.3 * 1.6)
    view = hall.view
    qtbot.waitUntil(lambda: len(view.plots) == 2)
    qtbot.wait(1)
    assert view.scroll.verticalScrollBar().maximum() == 0
    axis = view.plots[0].getAxis("left")
    assert view.smallest_plot_height(view.plots[0]) < axis.label.boundingRect().width()  # the name on two lines
