"""Chinese plot titles wrap between words, not inside one: Qt wraps Chinese between any two characters, and presenting at
1280 x 720 x1.3 deck scene 28's parts read "头 0：仅内" over "容", scene 39's heads "头 0 · 汇" over "点 38%"."""

import pytest

from posenc_gui.app.cjk_breaks import WORD_JOINER, keep_words_whole
from posenc_gui.app.state import Scene
from posenc_gui.app.views.attention import AttentionView
from tests.app.view_helpers import projector_view

WORDS = ("内容", "位置", "完整", "汇点")  # the test's choice: words of the titles below


def title_lines(plot) -> list[str]:
    """The lines a plot's title is wrapped onto, as shown."""
    lines, block = [], plot.titleLabel.item.document().begin()
    while block.isValid():
        layout, text = block.layout(), block.text()
        for index in range(layout.lineCount()):
            line = layout.lineAt(index)
            lines.append(text[line.textStart():line.textStart() + line.textLength()].replace(WORD_JOINER, ""))
        block = block.next()
    return lines


@pytest.mark.parametrize("scene, width", [
    # deck scene 28, on a narrower view: at 1280 px its titles now take one line each ("头 0：仅内容")
    (Scene(method="cope", view="attention", head=0, position_only=True, causal=True), 900),
    (Scene(method="layers", view="attention", head="all", causal=True, text="the cat chases the mouse across the garden",
           params={"pattern": "gpt-oss", "d_model": 64, "layer": 0, "window": 3}), 1280),  # deck scene 39
])
def test_titles_presenting_wrap_between_words(qtbot, chinese, scene, width):
    view = projector_view(qtbot, AttentionView, scene, (width, 570), 1.3)
    qtbot.waitUntil(lambda: view.plots[-1].vb.width() > 1)
    wrapped = [title_lines(plot) for plot in view.plots if len(title_lines(plot)) > 1]
    assert wrapped  # the titles do wrap here
    for lines in wrapped:
        shown = "".join(lines)
        assert all(word in line for word in WORDS if word in shown for line in lines if word[0] in line), lines


def test_short_runs_are_kept_whole_and_long_ones_leave_no_character_alone():
    assert keep_words_whole("头 0：仅内容") == "头 0：仅\u2060内\u2060容"
    assert keep_words_whole("head 0") == "head 0"
    joined = keep_words_whole("注意力本身看不到顺序")
    assert joined.startswith("注\u2060意力") and joined.endswith("顺\u2060序")
    assert joined.replace(WORD_JOINER, "") == "注意力本身看不到顺序"
