"""Small multiples whose titles are longer than a panel is wide: the titles wrap onto more lines (never with a "·" or a
lone number on a line of its own) rather than hold the grid to fewer, smaller columns. Presenting at 1280 x 720 x1.6,
Transformer-XL's four terms stood two by two on a scrolled page, their matrices 131 px, because four columns missed the
titles' six-em floor by 4 px; in a row of four they are 145 px, all in sight."""

import pytest

from posenc_gui.app import style
from posenc_gui.app.cjk_breaks import keep_short_words_attached
from posenc_gui.app.state import Scene
from posenc_gui.app.views.outputs import OutputsView
from tests.app.test_chinese_title_words import title_lines
from tests.app.test_grid_fills_room import columns_of, in_sight, shown_view

LARGEST = style.BASE_POINTS * style.PRESENTATION_SCALE * 1.6  # presenting at text size x1.6


def test_four_terms_presenting_at_720_in_large_type_stand_in_a_row_in_sight(qtbot):
    """Deck scene 17 in the room the window gives it presenting at 1280 x 720 x1.6."""
    scene = Scene(method="transformer_xl", view="outputs", params={"seq_len": 12}, options={"output": "terms"})
    view = shown_view(qtbot, OutputsView, scene, 1280, 560, LARGEST)
    assert columns_of(view) == 4 and in_sight(view)
    sides = [min(plot.vb.width(), plot.vb.height()) for plot in view.plots]
    assert min(sides) > view.readable_cells_width(among_many=True) + 10  # larger than a scrolled page's rows
    for plot in view.plots:
        lines = [line.strip() for line in title_lines(plot)]
        assert len(lines) > 1  # the case: the titles do wrap
        assert all(len(line.replace("\u00a0", "")) > 1 and not line.startswith("·") for line in lines), lines


@pytest.mark.parametrize("title, joined", [
    ("(a) content · content", "(a) content<small>\u00a0</small>· content"),
    ("head 0 · sink 38%", "head\u00a00<small>\u00a0</small>· sink 38%"),
    ("(c) global content bias u", "(c) global content bias\u00a0u"),
    ("head 12", "head 12"),
])
def test_a_word_of_one_character_keeps_to_the_word_before_it(title, joined):
    assert keep_short_words_attached(title) == joined
