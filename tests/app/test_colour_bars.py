"""Colour bars drawn outside the image grid are as tall as the images they explain (issue 22): placed beside their
images, they spanned the rows' titles and axis names too (the learned table's 420 px beside 324 px images, the real
model's 224 px beside 127 px heads, scene 41's from above the titles at 1280 x 720 x1.3). Measured in scene
coordinates: the bar's colours (its view box) against the part of the image in its plot area."""

import pytest
from PySide6.QtCore import QRectF

from posenc_gui.app.state import Scene
from posenc_gui.app.views import colour_bar
from posenc_gui.app.views.attention import AttentionView
from posenc_gui.app.views.encoding import EncodingView
from posenc_gui.app.views.lessons import LearnedTableLesson, RealPositionLesson
from posenc_gui.app.views.real_model import RealModelView
from test_real_model_view import need
from view_helpers import projector_view

SIZES = [((1280, 645), 1.3), ((1920, 1000), 1.6), ((1280, 645), 1.0), ((1024, 700), 1.6)]
SLACK = 2.0  # px: rounding in the layout


def image_in_sight(image) -> QRectF:
    return image.sceneBoundingRect().intersected(image.getViewBox().sceneBoundingRect())


def assert_level(bar, box: QRectF, what: str) -> None:
    colours = bar.vb.sceneBoundingRect()
    assert abs(colours.top() - box.top()) <= SLACK and abs(colours.bottom() - box.bottom()) <= SLACK, \
        f"{what}: colours {colours.top():.0f}-{colours.bottom():.0f}, image {box.top():.0f}-{box.bottom():.0f}"


def settled(qtbot, view, ready) -> None:
    qtbot.waitUntil(ready, timeout=10000)
    view.grab()  # painted once: the axes measured their names
    qtbot.wait(20)


@pytest.mark.parametrize("size, text_scale", SIZES)
def test_the_learned_tables_bars_are_as_tall_as_their_heatmaps(qtbot, size, text_scale):
    view = projector_view(qtbot, LearnedTableLesson, Scene(method="learned", view="learned_table"), size, text_scale)
    settled(qtbot, view, lambda: len(view.bars) == 4 and view.plots[0].vb.height() > 0)
    for bar, image, (_plot, name, _values) in zip(view.bars, view.images, view.panels):
        assert_level(bar, image_in_sight(image), name)


@pytest.mark.parametrize("size, text_scale", SIZES)
def test_the_real_models_bars_are_as_tall_as_their_heads(qtbot, size, text_scale):
    need("smollm2")
    scene = Scene(method="sinusoidal", view="real_model",
                  options={"model": "smollm2", "ablation": "rope-off", "find": "previous", "layer": 16, "head": 0})
    view = projector_view(qtbot, RealModelView, scene, size, text_scale)
    settled(qtbot, view, lambda: len(view.large_panels) == 3 and view.large_panels[0][0].vb.height() > 0)
    for plot, image, bar in view.large_panels:
        assert_level(bar, image_in_sight(image), plot.titleLabel.text)


@pytest.mark.parametrize("size, text_scale", SIZES)
@pytest.mark.parametrize("step", [0, 1])
def test_the_real_position_lessons_bar_is_as_tall_as_the_matrix_beside_it(qtbot, size, text_scale, step):
    """Beside the change of every head (three panels a row), or beside the changed head's (the change below)."""
    for name in ("minilm", "smollm2"):
        need(name)
    scene = Scene(method="sinusoidal", view="real_model_positions", options={"step": step})
    view = projector_view(qtbot, RealPositionLesson, scene, size, text_scale)
    settled(qtbot, view, lambda: view.columns and view.panels[0][0].vb.height() > 0)
    _plot, image = view.panels[view.columns - 1]
    assert_level(view.bar, image_in_sight(image), f"{view.columns} columns")


@pytest.mark.parametrize("size, text_scale", SIZES)
def test_the_encodings_bar_is_as_tall_as_its_heatmap(qtbot, size, text_scale):
    view = projector_view(qtbot, EncodingView, Scene(method="sinusoidal", view="encoding"), size, text_scale)
    settled(qtbot, view, lambda: view.heat.vb.height() > 0)
    assert_level(view.bar, view.heat.vb.sceneBoundingRect(), view.arrangement)


@pytest.mark.parametrize("size, text_scale", [((1280, 700), 1.0), ((1280, 645), 1.3)])
def test_a_grids_bar_spans_its_images_not_their_plot_areas(qtbot, qapp, size, text_scale):
    """The bar of a grid of heads spans its images, not their plot areas: a plot area's range may leave part of it
    empty, and a view box places its images for a new size or range only when it paints. Levelled with the plot
    areas, the bar of eight heads (sinks, 1280 x 800 x1.0 in Chinese) stood 7 px above them in one layout-matrix run
    of two."""
    view = projector_view(qtbot, AttentionView, Scene(method="sinks", view="attention"), size, text_scale)
    grid = view.grid
    settled(qtbot, view, lambda: grid.count and grid.pool[0][0].vb.height() > 0)
    first, last = grid.pool[0], grid.pool[grid.count - 1]
    assert_level(grid.bar, image_in_sight(first[1]).united(image_in_sight(last[1])), "as drawn")
    for plot, _image in grid.pool[:grid.count]:  # a range with room above the cells: the images lower in their areas
        top, bottom = plot.vb.viewRange()[1]
        plot.vb.setYRange(top - (bottom - top) * 0.1, bottom, padding=0)
    colour_bar.keep_level(grid.bar)  # as the next move of a panel levels it
    moved = image_in_sight(first[1]).united(image_in_sight(last[1]))
    assert moved.top() - first[0].vb.sceneBoundingRect().top() > 5  # (the test moved them)
    assert_level(grid.bar, moved, "after a new range")
