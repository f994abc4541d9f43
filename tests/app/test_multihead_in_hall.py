"""The multi-head lesson's first step (the default deck's scene 2) as a hall sees it, presenting at 1280 x 720 x1.3: the
four per-head slices, the step's point, ran below the fold (the page scrolled 30 px and more): their titles took two or
three lines ("slice 0: seq / 0, head 0"), the step line two, the valid lengths' controls two ("Valid length of sequence
0:" / "of sequence 1:")."""


from posenc_gui.app.state import Scene
from posenc_gui.app.views.lessons import MultiHeadLesson

from test_lesson_presenting import assert_whole_in_sight, drawn_in_hall


def test_presenting_at_1280x720_the_sequences_and_their_slices_are_in_sight(qtbot):
    hall = drawn_in_hall(qtbot, MultiHeadLesson, Scene(method="nope", view="multihead"), 6)
    view = hall.view
    assert_whole_in_sight(view, view.plots)
