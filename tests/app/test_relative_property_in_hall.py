"""The relative property's first step (the default deck's scene 13) as a hall sees it, presenting at 1280 x 720 x1.3:
its five panels went onto two rows of 92-100 px plots and the page scrolled, while one row would hold them. Every
column was counted as wide as the widest plot's (``readable.column_width``), the three vectors as wide as a plot of
curves, each with its own rows' names."""

from posenc_gui.app.state import Scene
from posenc_gui.app.views.lessons import RelativePropertyLesson

from test_chinese_title_words import title_lines
from test_lesson_presenting import drawn_in_hall


def test_presenting_at_1280x720_the_five_panels_share_one_row_in_sight(qtbot):
    hall = drawn_in_hall(qtbot, RelativePropertyLesson, Scene(method="sinusoidal", view="relative_property"), 5)
    view = hall.view
    assert view.scroll.verticalScrollBar().maximum() == 0
    tops = {round(plot.sceneBoundingRect().top()) for plot in view.plots}
    assert len(tops) == 1, tops
    for plot in view.plots:
        assert view.graphics.sceneRect().contains(plot.sceneBoundingRect())
        assert plot.vb.height() >= 200, (plot.titleLabel.text, plot.vb.height())
    size = [line for line in title_lines(view.plots[0]) if "×" in line]
    assert size and "16\u00a0×\u00a016" in size[0], title_lines(view.plots[0])  # "16 ×" and "16" broke apart


def test_presenting_at_1280x720_the_rope_scores_titles_take_one_line(qtbot):
    """The default deck's scene 21: each score plot's title took two lines ("score at m = n + 2," / "for n = 0 … 31"),
    the plots 128 px tall (in Chinese 40-70 px, a title broken as "(n =" / "0)")."""
    scene = Scene(method="rope", view="relative_property", options={"step": 2})
    hall = drawn_in_hall(qtbot, RelativePropertyLesson, scene, 2)
    view = hall.view
    assert view.scroll.verticalScrollBar().maximum() == 0
    line = view.fontMetrics().lineSpacing() * view.points / view.font().pointSizeF()
    for plot in view.plots:
        assert plot.titleLabel.itemRect().height() < 1.5 * line + 8, plot.titleLabel.text
        assert plot.vb.height() >= 150, (plot.titleLabel.text, plot.vb.height())
