"""The clocks and multi-head lessons presenting at 1280 x 720 x1.3 in Chinese, whose lines are a quarter taller than
English ones (the CJK font's line height; its audience title too leaves the view 631 px, not 645): the clocks' last
bits ran 87 px below the fold, the multi-head slices 56 px, the walkthrough's inputs 26 px and the images lesson's matrices 29 px. The lesson's controls, the lecturer's, give their row to
the plots when the page would scroll (shown again when it would not), and the clocks keep no margins for axis names
they do not have."""

from PySide6.QtCore import QPoint

from posenc_gui.app.layout_check import check_window
from posenc_gui.app.state import Scene
from posenc_gui.app.views.lessons import (ClocksLesson, ImagesLesson, MRopeLesson, MultiHeadLesson, OrderLesson,
                                          RelativePropertyLesson, WalkthroughLesson)

from test_lesson_presenting import assert_controls_come_and_go_on_call, assert_whole_in_sight, shown_lesson

CHINESE_HALL = (1280, 631)  # what a 1280 x 720 projector leaves the view under the Chinese audience title at x1.3


def plots_in_sight(view, plots) -> list:
    """The plots whose areas end below the viewport (their bottom, in the viewport's pixels)."""
    viewport = view.scroll.viewport()
    below = []
    for plot in plots:
        bottom = view.graphics.mapFromScene(plot.vb.sceneBoundingRect().bottomLeft()).y()
        if view.graphics.mapTo(viewport, QPoint(0, bottom)).y() > viewport.height():
            below.append(plot.titleLabel.text)
    return below


def test_presenting_in_chinese_every_hand_and_bit_is_in_sight(qtbot, chinese):
    hall = shown_lesson(qtbot, ClocksLesson, Scene(view="clocks", position=5, params={"d_model": 16}),
                        presenting=True, size=CHINESE_HALL)
    view = hall.view
    qtbot.waitUntil(lambda: len(view.dials) == 8 and len(view.bit_texts) == 8)
    qtbot.wait(1)
    assert_whole_in_sight(view, [dial for dial, *_items in view.dials] + [view.bit_plot])
    assert not view.controls.isVisible()


def test_presenting_in_chinese_the_multihead_slices_are_in_sight(qtbot, chinese):
    hall = shown_lesson(qtbot, MultiHeadLesson, Scene(method="nope", view="multihead"), presenting=True,
                        size=CHINESE_HALL)
    view = hall.view
    qtbot.waitUntil(lambda: len(view.plots) == 6)
    qtbot.wait(1)
    assert plots_in_sight(view, view.plots) == []
    assert not view.controls.isVisible()
    # the slices whole, their tick labels too: the margins kept above and below the panels for names past an axis's
    # ends, which a matrix has not, left the page scrolling (12 px in the app) with the slices' bottom row cut
    assert_whole_in_sight(view, view.plots)


def test_presenting_in_chinese_the_multihead_concatenation_and_outputs_are_in_sight(qtbot, chinese):
    hall = shown_lesson(qtbot, MultiHeadLesson, Scene(method="nope", view="multihead", options={"step": 2}),
                        presenting=True, size=CHINESE_HALL)
    view = hall.view
    qtbot.waitUntil(lambda: len(view.plots) == 5)
    qtbot.wait(1)
    assert_whole_in_sight(view, view.plots)


def test_presenting_in_chinese_the_walkthrough_inputs_are_whole_in_sight(qtbot, chinese):
    """The default deck's first scene: the inputs' last row ran 26 px below the fold."""
    hall = shown_lesson(qtbot, WalkthroughLesson, Scene(method="nope", view=WalkthroughLesson.key), presenting=True,
                        size=CHINESE_HALL)
    view = hall.view
    qtbot.waitUntil(lambda: len(view.plots) == 1)
    qtbot.wait(1)
    assert_whole_in_sight(view, view.plots)
    assert not view.controls.isVisible()


def test_presenting_in_english_the_controls_stay_where_the_plots_fit(qtbot):
    hall = shown_lesson(qtbot, ClocksLesson, Scene(view="clocks", position=5, params={"d_model": 16}), presenting=True)
    view = hall.view
    qtbot.waitUntil(lambda: len(view.dials) == 8 and len(view.bit_texts) == 8)
    qtbot.wait(1)
    assert view.controls.isVisible()
    assert_whole_in_sight(view, [dial for dial, *_items in view.dials] + [view.bit_plot])


def test_windowed_the_controls_always_show(qtbot, chinese):
    hall = shown_lesson(qtbot, MultiHeadLesson, Scene(method="nope", view="multihead"), presenting=False,
                        size=CHINESE_HALL)
    qtbot.waitUntil(lambda: len(hall.view.plots) == 6)
    assert hall.view.controls.isVisible()


def test_the_lecturer_calls_the_controls_back_and_sends_them_away_again(qtbot, chinese):
    """P while presenting brings the parameter panel back for a live change, and with it (the window's
    ``controls_called``) a lesson's row of controls that gave its room to the plots: the heads could not be changed."""
    hall = shown_lesson(qtbot, MultiHeadLesson, Scene(method="nope", view="multihead"), presenting=True,
                        size=CHINESE_HALL)
    view = hall.view
    qtbot.waitUntil(lambda: len(view.plots) == 6)
    assert_controls_come_and_go_on_call(hall)


def test_presenting_in_chinese_the_images_matrices_are_whole_in_sight(qtbot, chinese):
    """The default deck's scene 29: the matrices ran below the fold (the controls kept their row)."""
    hall = shown_lesson(qtbot, ImagesLesson, Scene(method="image2d", view="images"), presenting=True,
                        size=CHINESE_HALL)
    view = hall.view
    qtbot.waitUntil(lambda: len(view.plots) == 3)
    qtbot.wait(1)
    assert_whole_in_sight(view, view.plots)
    assert not view.controls.isVisible()
    assert check_window(view).problems == []


def test_presenting_in_chinese_the_images_controls_settle_from_scene_29_to_30_and_back(qtbot, chinese):
    """Shown, the controls left the matrices a room whose titles wrapped onto more lines than the page had; hidden, a
    room where they fitted: each showing laid the page out within Qt's showing of them, which hid them, and so on until
    the stack overflowed (a segfault in the self-test of scenes 29 and 30). Step 3's short titles fit below them."""
    hall = shown_lesson(qtbot, ImagesLesson, Scene(method="image2d", view="images"), presenting=True,
                        size=CHINESE_HALL)
    view = hall.view
    qtbot.waitUntil(lambda: len(view.plots) == 3)
    for step, controls_shown in [(2, True), (0, False)]:
        view.model.update(options={"step": step})
        view.show_data(view.model.scene, view.fetch(view.model.scene))
        qtbot.wait(1)
        assert view.controls.isVisible() == controls_shown
        assert_whole_in_sight(view, view.plots)
        assert check_window(view).problems == []


def test_presenting_in_chinese_the_relative_property_fits_once_its_matrices_need_their_height(qtbot, chinese):
    """The default deck's scene 13 at 1920 x 1080 x1.3: the header kept the step's note, fitted to the room the plots
    left before their numbered cells asked for their height, and the vectors' last rows ran 50 px below the fold."""
    hall = shown_lesson(qtbot, RelativePropertyLesson, Scene(method="sinusoidal", view="relative_property"),
                        presenting=True, size=(1920, 991))
    view = hall.view
    qtbot.waitUntil(lambda: len(view.plots) == 5)
    qtbot.wait(1)
    assert_whole_in_sight(view, view.plots)
    assert not view.note.isVisible()


def test_presenting_in_chinese_the_order_lessons_four_panels_are_in_sight(qtbot, chinese):
    """Short of room, four panels in a row: titled "Transformer-XL relative: outputs of A “猫追老鼠”", each took five
    lines and the matrices ran 49 px below the fold; the rows name the words and the sentences' box says them."""
    hall = shown_lesson(qtbot, OrderLesson, Scene(method="transformer_xl", view="order"), presenting=True,
                        size=CHINESE_HALL)
    view = hall.view
    qtbot.waitUntil(lambda: len(view.plots) == 4)
    qtbot.wait(1)
    assert view.short_of_room
    assert_whole_in_sight(view, view.plots)


def test_presenting_in_chinese_the_mrope_steps_buttons_leave_their_title_one_line(qtbot, chinese):
    """The default deck's scene 32: beside Back and Next the step's title took two lines, and with the note and the
    controls hidden the plots still ran 33 px below the fold. Presenting, the buttons shrink to their arrows (their
    words as tooltips); windowed they keep them."""
    scene = Scene(method="sinusoidal", view="mrope_ids")
    hall = shown_lesson(qtbot, MRopeLesson, scene, presenting=True, size=CHINESE_HALL)
    view = hall.view
    qtbot.waitUntil(lambda: len(view.plots) == 3)
    qtbot.wait(1)
    assert_whole_in_sight(view, view.plots)
    assert (view.back.text(), view.next.text()) == ("◀", "▶") and view.next.toolTip()
    home = shown_lesson(qtbot, MRopeLesson, scene, presenting=False, size=CHINESE_HALL)
    at_home = home.view
    qtbot.waitUntil(lambda: len(at_home.plots) == 3)
    assert at_home.next.text() != "▶" and not at_home.next.toolTip()
