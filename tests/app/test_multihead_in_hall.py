"""The multi-head lesson's first step (the default deck's scene 2) as a hall sees it, presenting at 1280 x 720 x1.3: the
four per-head slices, the step's point, ran below the fold (the page scrolled 30 px and more): their titles took two or
three lines ("slice 0: seq / 0, head 0"), the step line two, the valid lengths' controls two ("Valid length of sequence
0:" / "of sequence 1:")."""


from PySide6.QtGui import QFont, QFontMetricsF

from posenc_gui.app.plot_layout_check import draw_specs
from posenc_gui.app.state import Scene
from posenc_gui.app.views.lessons import MultiHeadLesson

from test_lesson_presenting import assert_whole_in_sight, drawn_in_hall


def test_presenting_at_1280x720_the_sequences_and_their_slices_are_in_sight(qtbot):
    hall = drawn_in_hall(qtbot, MultiHeadLesson, Scene(method="nope", view="multihead"), 6)
    view = hall.view
    assert_whole_in_sight(view, view.plots)


def test_presenting_at_1280x720_the_masked_weights_are_in_sight_and_named_apart(qtbot):
    """Step 2 put each sequence's heads in a row of their own, two rows that ran 148 px below the fold, and the rows'
    name "query" lay over the tick labels 0 and 2 (the axis fitted to the labels alone): the four weights share a row."""
    hall = drawn_in_hall(qtbot, MultiHeadLesson, Scene(method="nope", view="multihead", options={"step": 1}), 4)
    view = hall.view
    assert_whole_in_sight(view, view.plots)
    assert len({round(plot.sceneBoundingRect().top()) for plot in view.plots}) == 1
    axis = view.plots[0].getAxis("left")
    assert axis.labelText == "query"
    specs, _metrics = draw_specs(axis)  # the tick labels as pyqtgraph draws them
    name = axis.label.mapRectToItem(axis, axis.label.boundingRect())
    assert [text for rect, _flags, text in specs[2] if name.intersects(rect)] == []


def test_presenting_at_1280x720_the_concatenation_its_projection_and_outputs_are_in_sight(qtbot):
    """Step 3's titles took three lines ("sequence 0: / heads / concatenated") and the outputs ran 134 px below the
    fold: short titles, and presenting the five panels in one row (in two rows Chinese ran 3 px below)."""
    hall = drawn_in_hall(qtbot, MultiHeadLesson, Scene(method="nope", view="multihead", options={"step": 2}), 5)
    view = hall.view
    assert_whole_in_sight(view, view.plots)
    assert len({round(plot.sceneBoundingRect().top()) for plot in view.plots}) == 1
    font = QFont(view.font())
    font.setPointSizeF(view.points)
    line = QFontMetricsF(font).lineSpacing()
    for plot in view.plots:
        assert plot.titleLabel.item.boundingRect().height() < 2.5 * line, plot.titleLabel.text


def test_presenting_at_1280x720_the_split_panels_hug_their_matrices(qtbot):
    """The split's panels were as wide as their titles (192 px boxes round 82 px slices, 486 px round the sequences'
    165 px), the matrices small in the middle of wide empty frames: each frame now hugs its matrix, its title over the
    room beside it, apart from its neighbours'."""
    from posenc_gui.app.layout_check import check_window

    hall = drawn_in_hall(qtbot, MultiHeadLesson, Scene(method="nope", view="multihead"), 6)
    view = hall.view
    for plot in view.plots:
        rows, cols = plot.vb.cells_shape
        assert plot.vb.width() <= plot.vb.height() * cols / rows + 4, plot.titleLabel.text
        assert plot.titleLabel.item.boundingRect().height() < 2 * plot.vb.height()  # one line, not wrapped to the matrix
    assert [problem for problem in check_window(view).problems if "over text" in problem or "cut" in problem] == []


def test_built_ahead_while_presenting_the_split_panels_hug_their_matrices_when_shown(qtbot, qapp):
    """Built while the window idled (the lecturer on another scene) and then shown, as deck scene 2 is presenting at
    1280 x 720 x1.3: the frames kept the width the cells had when the titles were wider and held the plots' minimum
    (486 px round 165 px sequences, 192 px round 82 px slices; in Chinese 349 round 173), until the plot areas resized.
    Fitting the titles fits the frames to their cells again."""
    from posenc_gui.app.window import MainWindow

    window = MainWindow(settings=None)
    qtbot.addWidget(window)
    window.warm_up_timer.timeout.disconnect()  # built ahead here, not on a timer
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    window.set_text_scale(1.3)
    window.set_presenting(True)
    try:
        for _done in window.build_ahead.build(MultiHeadLesson.key):
            pass
        window.model.set_scene(Scene(method="nope", view=MultiHeadLesson.key))
        window.finish_work()
        for _ in range(3):
            qapp.processEvents()
        view = window.current_view
        assert len(view.plots) == 6
        for plot in view.plots:
            rows, cols = plot.vb.cells_shape
            assert plot.vb.width() <= plot.vb.height() * cols / rows + 4, plot.titleLabel.text
    finally:  # the look is the application's: back to the windowed one for the tests after
        window.set_presenting(False)
        window.set_text_scale(1.0)
