"""The CNN / RNN / self-attention lesson (the default deck's scene 45) as a hall sees it, presenting at 1280 x 720 x1.3:
the legend under the two plots ran 73 px below the fold. It took three rows (two columns, each sized for the longest
name) and the kernel and width controls stayed above the plots, though the page would scroll (their room was judged
before the plots' titles wrapped)."""

from posenc_gui.app import style
from posenc_gui.app.plot_layout_check import draw_specs
from posenc_gui.app.state import Scene
from posenc_gui.app.views.lessons import LayersLesson

from test_lesson_presenting import assert_whole_in_sight, drawn_in_hall, shown_lesson


def test_presenting_at_1280x720_the_plots_and_their_legend_are_in_sight(qtbot):
    hall = drawn_in_hall(qtbot, LayersLesson, Scene(method="nope", view=LayersLesson.key), 2)
    view = hall.view
    assert_whole_in_sight(view, view.plots)
    legend = view.graphics.ci.getItem(1, 0)
    assert view.graphics.sceneRect().contains(legend.sceneBoundingRect())
    assert legend.columnCount == 3  # the three layers in a row, the two crossovers below them
    # the controls show only where the page has room for them (with the plots' titles on one line, it has)


def on_a_small_projector_in_large_type(qtbot):
    """The lesson presenting at 1024 x 768 x1.6 (the view 664 px tall, the Chinese hall's: English leaves a little
    more), its plots and the legend below them in sight; the hall it is shown in (which holds it)."""
    hall = shown_lesson(qtbot, LayersLesson, Scene(method="nope", view=LayersLesson.key), presenting=True,
                        size=(1024, 664), points=style.BASE_POINTS * style.PRESENTATION_SCALE * 1.6)
    view = hall.view
    qtbot.waitUntil(lambda: len(view.plots) == 2)
    qtbot.wait(1)
    assert_whole_in_sight(view, view.plots)
    legend = view.graphics.ci.getItem(1, 0)
    assert view.graphics.sceneRect().contains(legend.sceneBoundingRect())
    return hall


def test_presenting_at_1024x768_x1_6_in_chinese_the_legend_is_in_sight(qtbot, chinese):
    """Scene 45 in Chinese on a 1024 x 768 projector at x1.6: the titles ("每层运算量（k = 3，d = 512）" on three lines)
    pushed the legend's second row 110 px below the fold."""
    on_a_small_projector_in_large_type(qtbot)


def test_presenting_at_1024x768_x1_6_in_english_the_legend_is_in_sight(qtbot):
    """Scene 45 in English on a 1024 x 768 projector at x1.6: "operations", written along the left axis, held the plots
    260 px tall, "Operations per layer" and "sequence length n" took two lines each, and the legend's three rows ran
    188 px below the fold."""
    hall = on_a_small_projector_in_large_type(qtbot)
    for plot in hall.view.plots:  # the plots' areas not at their floor: the short names leave them room
        assert plot.vb.height() >= 120, plot.titleLabel.text


def test_presenting_in_chinese_the_longest_path_names_its_one_step(qtbot, chinese):
    """Scene 45 presenting at 1280 x 720 x1.3 in Chinese (and windowed in English): self-attention's path is 1 step, on
    the lowest line of the 'steps' axis, whose name '1' reached half a name below the plot's box, a few pixels further
    than the plot's padding: pyqtgraph bounds an axis with grid lines by the plot's box alone, and dropped the name."""
    hall = drawn_in_hall(qtbot, LayersLesson, Scene(method="nope", view=LayersLesson.key), 2)
    axis = hall.view.plots[1].getAxis("left")
    (_axis, _ticks, names), _metrics = draw_specs(axis)
    assert "1" in [str(text) for _rect, _flags, text in names], [text for _rect, _flags, text in names]
