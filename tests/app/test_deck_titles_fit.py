"""The shipped deck's titles fit on one line of the audience title while presenting at 1280 x 720 with the text at
x1.3 (issue 22's review size): a longer one made the window wider than the projector (1507 px), and it stayed that
wide for the rest of the lecture."""

import json

import pytest

from posenc_gui.app.window import MainWindow
from posenc_gui.paths import resource

SCENES = json.loads(resource("decks", "default.posdeck").read_text(encoding="utf-8"))["scenes"]


@pytest.mark.parametrize("language", ["title", "title_zh"])
def test_every_title_fits_the_projector_at_1280x720_and_x1_3(qtbot, language):
    window = MainWindow()
    qtbot.addWidget(window)
    window.set_text_scale(1.3)
    window.set_presenting(True)
    title = window.presentation.audience_title
    too_wide = []
    for number, scene in enumerate(SCENES, 1):
        title.setText(scene[language])
        if title.sizeHint().width() > 1280:
            too_wide.append(f"{number}: {scene[language]!r} is {title.sizeHint().width()} px")
    window.set_presenting(False)
    assert too_wide == []


def test_notes_that_point_at_the_position_part_have_it_shown():
    """A scene whose notes say "point at the position part" shows the content / position parts (CoPE's did not)."""
    pointing = [number for number, scene in enumerate(SCENES, 1) if "position part" in scene["notes"]]
    assert pointing and all(SCENES[number - 1].get("position_only") for number in pointing)


def test_a_title_longer_than_the_screen_does_not_widen_the_window(qtbot):
    """A deck of the lecturer's own may have any title: the audience title elides it (whole in its tooltip)
    rather than asking for its whole width, which made the window wider than the projector."""
    window = MainWindow()
    qtbot.addWidget(window)
    window.set_text_scale(1.6)
    window.set_presenting(True)
    title = window.presentation.audience_title
    title.setText("A title far longer than any projector is wide, " * 4)
    assert title.minimumSizeHint().width() < 640
    assert window.minimumSizeHint().width() <= 1280
    window.set_presenting(False)
