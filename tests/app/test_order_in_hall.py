"""The order lesson presenting at 1280 x 720 x1.3 (the default deck's scene 3 and the explore steps ``order-*``): whether
its four panels are short of room, and so go in one row, was decided from the drawing on the page, whose rows the roomy
trial's reflow had counted (two of two). After a scene that fitted, T5's matrices ran 104 px below the fold, then fitted
after a scene that did not; in Chinese scene 3 ran 55 px below the fold. The choice is now made from the room and what
each arrangement needs, whatever came before."""

from posenc_gui.app.state import Scene
from posenc_gui.app.views.lessons import OrderLesson

from test_lessons_in_chinese_hall import CHINESE_HALL
from test_lesson_presenting import assert_whole_in_sight, drawn_in_hall, shown_lesson


def show(qtbot, view, method: str) -> None:
    """The lesson steps to ``method``'s scene, as the window draws it."""
    scene = Scene(method=method, view="order")
    view.show_data(scene, view.fetch(scene))
    qtbot.wait(1)


def assert_in_one_row_in_sight(view) -> None:
    assert view.short_of_room
    assert len({round(plot.sceneBoundingRect().top()) for plot in view.plots}) == 1
    assert_whole_in_sight(view, view.plots)


def test_presenting_each_scene_is_in_sight_whatever_came_before(qtbot):
    hall = drawn_in_hall(qtbot, OrderLesson, Scene(method="transformer_xl", view="order"), 4)
    view = hall.view
    assert_in_one_row_in_sight(view)
    for method in ("t5", "alibi", "t5", "sinusoidal"):
        show(qtbot, view, method)
        assert_in_one_row_in_sight(view)


def test_presenting_streaming_llm_is_in_sight(qtbot):
    """Its long titles ("StreamingLLM (attention sinks): outputs of A ...") ran 18 px below the fold shown first."""
    hall = drawn_in_hall(qtbot, OrderLesson, Scene(method="streaming", view="order"), 4)
    assert_in_one_row_in_sight(hall.view)


def test_presenting_in_chinese_scene_3_is_in_sight_after_other_scenes(qtbot, chinese):
    hall = shown_lesson(qtbot, OrderLesson, Scene(method="sinusoidal", view="order"), presenting=True, size=CHINESE_HALL)
    view = hall.view
    qtbot.waitUntil(lambda: len(view.plots) == 4)
    qtbot.wait(1)
    assert_in_one_row_in_sight(view)
    for method in ("learned", "sinusoidal"):
        show(qtbot, view, method)
        assert_in_one_row_in_sight(view)


def test_with_room_the_two_ways_stand_side_by_side(qtbot):
    """A tall page keeps the roomy arrangement: the two sentences one above the other, the two ways side by side."""
    hall = shown_lesson(qtbot, OrderLesson, Scene(method="transformer_xl", view="order"), presenting=True,
                        size=(1280, 1400))
    view = hall.view
    qtbot.waitUntil(lambda: len(view.plots) == 4)
    for method in ("t5", "alibi"):
        show(qtbot, view, method)
        assert not view.short_of_room
        assert len({round(plot.sceneBoundingRect().top()) for plot in view.plots}) == 2
        assert view.scroll.verticalScrollBar().maximum() == 0


def test_at_a_desk_the_panels_keep_the_sentence_in_their_titles_and_stay_on_the_page(qtbot):
    """Windowed at 1280 x 720 x1.6, the short titles meant for the hall ('B: KERPLE (logarithmic)') put four panels in a
    row where they did not fit: the last title 6 px past its plot, the plot 11 px past the page. At a desk the page
    scrolls: the titles name the sentence, and nothing stands past the page."""
    from posenc_gui.app.layout_check import check_window
    from test_lesson_presenting import POINTS

    hall = shown_lesson(qtbot, OrderLesson, Scene(method="kerple_log", view="order"), presenting=False,
                        size=(1280, 560), points=POINTS / 1.3 * 1.6)
    view = hall.view
    qtbot.waitUntil(lambda: len(view.plots) == 4 and view.plots[-1].vb.width() > 1)
    qtbot.wait(20)
    assert all("“" in plot.titleLabel.text for plot in view.plots)
    assert check_window(view).problems == []
