"""In the dark theme a map whose low end is black merged with the near-black background: a matrix lost its edge, and
masked cells' grey hatching hardly showed. Matrices now have an edge, and hatching a grey, that stand at least WCAG's
non-text contrast from the background (and the edge from the maps' end colours) in both themes."""

import pyqtgraph as pg
import pytest

from posenc_gui.app import style
from posenc_gui.app.views.attention import AttentionView
from posenc_gui.app.views.relative import BiasView
from posenc_gui.look import SEQUENTIAL_MAPS

from view_helpers import open_view


@pytest.mark.parametrize("theme", list(style.THEMES.values()), ids=list(style.THEMES))
def test_the_edge_and_the_hatching_stand_out_from_the_background(theme):
    assert style.contrast_ratio(theme.masked, theme.background) >= style.UI_CONTRAST
    assert style.contrast_ratio(style.MATRIX_EDGE, theme.background) >= style.UI_CONTRAST


@pytest.mark.parametrize("name", SEQUENTIAL_MAPS)
def test_the_edge_stands_out_from_both_ends_of_every_sequential_map(name):
    for end in pg.colormap.get(name).map([0.0, 1.0], mode="qcolor"):
        assert style.contrast_ratio(style.MATRIX_EDGE, end.name()) >= style.UI_CONTRAST


def test_contrast_ratio_is_wcags():
    assert style.contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert style.contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("cls, method", [(BiasView, "alibi"), (AttentionView, "alibi")])
def test_every_panel_has_its_edge_and_the_themes_hatching(qtbot, themed, cls, method):
    theme = themed("dark")
    model, view = open_view(qtbot, cls, theme, method=method)
    model.update(head="all", causal=True, params=dict(model.scene.params, causal=True))
    assert len(view.plots) > 1
    for plot in view.plots:
        assert plot.vb.border.color().name() == style.MATRIX_EDGE
        assert plot.vb.background.brush().color().name() == theme.masked


def test_the_binary_heatmap_and_the_lessons_matrices_have_the_edge_too(qtbot, themed):
    """Scene 8 (binary, dark): its zeros are black, and the table had no edge where they met the background."""
    from posenc_gui.app.views.encoding import EncodingView
    from posenc_gui.app.views.lessons import LearnedTableLesson, MultiHeadLesson

    theme = themed("dark")
    _model, encoding = open_view(qtbot, EncodingView, theme, method="binary")
    assert encoding.heat.vb.border.color().name() == style.MATRIX_EDGE
    for cls in (MultiHeadLesson, LearnedTableLesson):
        _model, lesson = open_view(qtbot, cls, theme)
        matrices = [plot for plot in lesson.plots if any(isinstance(item, pg.ImageItem) for item in plot.items)]
        assert matrices and all(plot.vb.border.color().name() == style.MATRIX_EDGE for plot in matrices)
