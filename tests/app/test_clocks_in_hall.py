"""The clocks scene (the default deck's scene 7) as a hall sees it: presenting at 1920 x 1080 with the text at x1.6 the
page showed six of the eight hands and five of the eight bits (the notes point at pair 7), and at 1280 x 720 x1.3 one
dial of a row was smaller than its neighbour because its caption alone wrapped onto a third line."""

import pytest

from posenc_gui.app import i18n, style
from posenc_gui.app.state import Scene
from posenc_gui.app.views import applies
from posenc_gui.app.views.lessons import ClocksLesson

from test_lesson_presenting import assert_whole_in_sight, shown_lesson

SCENE = Scene(view="clocks", position=5, params={"d_model": 16})  # the default deck's scene 7
HALL_1080 = (1920, 976)  # what a 1920 x 1080 projector leaves the view under the audience title at x1.6


@pytest.fixture
def language(qapp):
    """Install a language for one test; English again after."""
    def install(code: str):
        assert i18n.install(qapp, code) == code
    yield install
    i18n.install(qapp, "en")


def face_diameter(plot) -> float:
    """A dial's circle (radius 1 in its range) in pixels."""
    return 2 / plot.vb.viewPixelSize()[0]


@pytest.mark.parametrize("code", ["en", "zh"])
def test_presenting_at_1920x1080_x1_6_every_hand_and_bit_is_in_sight(qtbot, language, code):
    language(code)
    hall = shown_lesson(qtbot, ClocksLesson, SCENE, presenting=True, size=HALL_1080,
                        points=style.BASE_POINTS * style.PRESENTATION_SCALE * 1.6)
    view = hall.view
    qtbot.waitUntil(lambda: len(view.dials) == 8 and len(view.bit_texts) == 8)
    qtbot.wait(1)
    assert_whole_in_sight(view, [dial for dial, *_items in view.dials] + [view.bit_plot])


def test_presenting_the_facts_give_their_room_to_the_clocks(qtbot):
    hall = shown_lesson(qtbot, ClocksLesson, SCENE, presenting=True, size=HALL_1080,
                        points=style.BASE_POINTS * style.PRESENTATION_SCALE * 1.6)
    qtbot.waitUntil(lambda: len(hall.view.dials) == 8)
    assert not hall.view.facts.isVisible() and hall.view.facts.text()


def test_windowed_the_facts_stay_under_the_clocks(qtbot):
    hall = shown_lesson(qtbot, ClocksLesson, SCENE, presenting=False, size=HALL_1080,
                        points=style.BASE_POINTS * style.PRESENTATION_SCALE * 1.6)
    assert hall.view.facts.isVisible() and "Hand 0 turns once every 6.3" in hall.view.facts.text()


@pytest.mark.parametrize("code", ["en", "zh"])
def test_the_dials_of_a_drawing_have_faces_of_one_size(qtbot, language, code):
    language(code)
    hall = shown_lesson(qtbot, ClocksLesson, SCENE, presenting=True)  # 1280 x 720 at x1.3
    view = hall.view
    qtbot.waitUntil(lambda: len(view.dials) == 8 and view.dials[0][0].vb.width() > 0)
    qtbot.wait(1)
    diameters = [face_diameter(plot) for plot, *_items in view.dials]
    assert max(diameters) - min(diameters) < 1, diameters


def test_after_the_clocks_with_bits_the_rope_hands_have_faces_of_one_size(qtbot):
    """Scene 20 after scene 7: the title heights of the arrangement with the bits (its first row's title on two lines)
    stayed, and pair 0's face was 73 px beside 110 px for pairs 9 to 27."""
    hall = shown_lesson(qtbot, ClocksLesson, SCENE, presenting=True)  # 1280 x 720 at x1.3
    view = hall.view
    qtbot.waitUntil(lambda: len(view.dials) == 8 and view.bit_plot.vb.width() > 0)
    rope = Scene(method="rope", view="clocks", position=5).validated(applies())
    view.show_data(rope, view.fetch(rope))
    qtbot.waitUntil(lambda: view.rotary and not view.bit_plot.isVisible())
    qtbot.wait(1)
    diameters = [face_diameter(plot) for plot, *_items in view.dials]
    assert max(diameters) - min(diameters) < 1, diameters


def test_presenting_at_1280x720_x1_3_every_hand_and_bit_is_in_sight(qtbot):
    """Two rows of three dials (their captions on three lines) and a bits' title on two lines held six of the eight
    hands and five of the eight bits in sight."""
    hall = shown_lesson(qtbot, ClocksLesson, SCENE, presenting=True)  # 1280 x 720 at x1.3
    view = hall.view
    qtbot.waitUntil(lambda: len(view.dials) == 8 and len(view.bit_texts) == 8)
    qtbot.wait(1)
    assert_whole_in_sight(view, [dial for dial, *_items in view.dials] + [view.bit_plot])
