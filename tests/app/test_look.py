"""How the views look on a projector: readable cell numbers, lesson headers that fit their width, and
no view wider than the room it gets in presentation mode at 1920 x 1080."""

from dataclasses import replace

import numpy as np
import pytest
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter
from PySide6.QtWidgets import QApplication

from posenc_gui.app import axes, style
from posenc_gui.core import registry
from posenc_gui.app.state import Scene, StateModel
from posenc_gui.app.views import VIEWS, applies
from posenc_gui.app.views.attention import AttentionView
from posenc_gui.app.views.lessons import ContextExtensionLesson

PRESENTATION_POINTS = style.BASE_POINTS * style.PRESENTATION_SCALE
# Room for a view in presentation mode at 1920 x 1080: beside the parameter panel (it takes up to
# 30 % of the width), or the whole width when the view hides the panel; below menu and tool bars.
BESIDE_PANEL, FULL_WIDTH, HEIGHT = 1330, 1910, 950


def shown(qtbot, cls, scene: Scene, width: int, height: int = HEIGHT, theme: str = "light"):
    model = StateModel(replace(scene, view=cls.key), views=applies())
    view = cls(model)
    qtbot.addWidget(view)
    view.set_look(style.theme_named(theme), PRESENTATION_POINTS)
    view.resize(width, height)
    view.show()
    view.show_data(model.scene, cls.fetch(model.scene))
    for _ in range(3):
        QApplication.processEvents()
    return view


@pytest.mark.parametrize("fraction, colour", [(0.0, "#ffffff"), (0.2, "#ffffff"), (0.9, "#000000"),
                                              (1.0, "#000000")])
def test_cell_text_is_white_on_the_dark_end_and_black_on_the_light_end(fraction, colour):
    assert style.text_colours_on(style.colour_map(False), [[fraction, fraction]]).tolist() == [[colour, colour]]


def test_attention_numbers_contrast_with_their_cells(qtbot):
    view = shown(qtbot, AttentionView, Scene(text="the cat chases the mouse", head=0), BESIDE_PANEL, theme="dark")
    (_, matrix), texts = view.panels[0], view.grid.texts[view.plots[0]]
    colours = {(row, col): colour for row, col, _text, colour in texts.labels}
    assert colours[np.unravel_index(np.argmin(matrix), matrix.shape)] == "#ffffff"
    assert colours[np.unravel_index(np.argmax(matrix), matrix.shape)] == "#000000"


def test_lesson_formulas_wrap_to_a_narrow_window(qtbot):
    view = shown(qtbot, ContextExtensionLesson, Scene(), 700)
    assert view.minimumSizeHint().width() <= view.width()
    for label in view.formula_labels:
        assert label.isVisible() and label.geometry().right() <= view.header.width()
    rows = {label.geometry().top() for label in view.formula_labels}
    assert len(rows) == len(view.formula_labels)  # one formula a line at this width


@pytest.mark.parametrize("key", list(VIEWS))
def test_nothing_extends_past_the_right_edge_in_presentation_mode(qtbot, key):
    cls = VIEWS[key][2]
    method = next(m for m in [registry.get("sinusoidal"), *registry.all_methods()] if cls.applies_to(m))
    scene = Scene(method=method.name, params=method.defaults())
    width = BESIDE_PANEL if cls.uses_method else FULL_WIDTH
    view = shown(qtbot, cls, scene, width)
    assert view.minimumSizeHint().width() <= view.width(), "its widgets need more width than it has"
    for item in view.graphics.ci.items:
        if isinstance(item, pg.PlotItem) and item.isVisible():  # plots and colour bars
            assert item.sceneBoundingRect().right() <= view.graphics.width() + 1, \
                f"{type(item).__name__} runs past the right edge"


def test_grid_lines_are_drawn_opaque_in_the_colour_they_would_show(qtbot):
    """Qt draws translucent lines about 20x slower: the grid is drawn opaque, each line in the colour its
    translucent twin shows over the background, under the data, and a finer line where a coarser one
    lies (log axes) is left out rather than painted over it."""
    from PySide6.QtGui import QImage, QPainter

    theme = style.theme_named("light")
    plot = pg.PlotItem(axisItems=axes.grid_axes())
    plot.setLogMode(x=False, y=True)
    plot.showGrid(x=True, y=True, alpha=0.25)
    style.style_plot(plot, theme, style.BASE_POINTS)
    widget = pg.GraphicsLayoutWidget()
    qtbot.addWidget(widget)
    widget.addItem(plot)
    widget.resize(600, 400)
    plot.setYRange(0, 6)
    widget.show()
    QApplication.processEvents()
    axis = plot.getAxis("left")
    assert axis.zValue() < plot.vb.zValue()
    image = QImage(4, 4, QImage.Format_ARGB32)
    painter = QPainter(image)
    translucent = pg.AxisItem.generateDrawSpecs(axis, painter)[1]
    opaque = axis.generateDrawSpecs(painter)[1]
    painter.end()
    assert {pen.color().alpha() for pen, *_ in opaque} == {255}
    places = [(start.y(), end.y()) for _, start, end in opaque]
    assert len(places) == len(set(places)) < len(translucent)  # the decades' finer twins are left out
    first, grey = translucent[0][0].color(), opaque[0][0].color()
    background = QColor(theme.background)
    expected = first.alphaF() * first.redF() + (1 - first.alphaF()) * background.redF()
    assert abs(grey.redF() - expected) < 1 / 255


def test_axes_of_matrix_cells_tick_whole_numbers_in_two_levels(qtbot):
    plot = pg.PlotItem(axisItems=axes.grid_axes())
    axes.cell_ticks(plot)
    axis = plot.getAxis("left")
    for low, high, pixels in ((-0.5, 10.5, 300), (-0.5, 101.5, 190), (-0.5, 0.5, 400), (-0.5, 2.5, 900)):
        levels = axis.tickValues(low, high, pixels)
        assert 1 <= len(levels) <= 2
        values = [value for _, level in levels for value in level]
        assert values and all(float(value).is_integer() and low <= value <= high for value in values)
    plain = axes.GridAxis("left")
    assert any(spacing < 1 for spacing, _ in plain.tickValues(-0.5, 10.5, 300))  # pyqtgraph's own, for contrast


def test_curve_axes_tick_and_grid_in_two_levels(qtbot):
    values = axes.grid_axes()["left"]
    values.setGrid(80)
    assert len(values.tickValues(-1.1, 1.1, 230)) == 2
    assert len(pg.AxisItem("left").tickValues(-1.1, 1.1, 230)) == 3  # pyqtgraph's third: a line every 0.1


def _top_axis_names(qtbot, words, width, cells=False):
    """A plot of ``len(words)`` columns named ``words`` on its top axis, ``width`` px wide: the axis, and its draw
    specs once laid out for them."""
    graphics = pg.GraphicsLayoutWidget()
    qtbot.addWidget(graphics)
    plot = graphics.addPlot(axisItems=axes.grid_axes(("left", "top")))
    plot.showAxis("top")
    plot.setRange(xRange=(-0.5, len(words) - 0.5), padding=0)
    axis = plot.getAxis("top")
    axis.cells = cells
    axis.setTicks([list(enumerate(words))])
    axis.setStyle(hideOverlappingLabels=False)  # as the panels of a grid have it: the first name may stick out
    font = QFont()
    font.setPointSizeF(10)  # whatever size other tests left the application's font at
    axis.setStyle(tickFont=font)
    graphics.resize(width, 300)
    graphics.show()
    qtbot.waitExposed(graphics)
    for _ in range(3):  # names measured, the axis sized for them, laid out again
        graphics.grab()
        QApplication.processEvents()
    image = QImage(width, 300, QImage.Format_ARGB32)
    painter = QPainter(image)
    try:
        _, _, texts = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return graphics, axis, texts


def _apart(texts) -> bool:
    rects = [rect for rect, _, _ in texts]
    return not any(first.intersects(second) for index, first in enumerate(rects) for second in rects[index + 1:])


def test_names_that_do_not_fit_side_by_side_are_staggered_all_drawn(qtbot):
    """Five tokens over a matrix too narrow for their names on one line: all five drawn, every other one a line further
    from the matrix, none over another, inside the axis, which grew by that line (it thinned to "the", "chases" and
    "mouse" before)."""
    words = ["the", "cat", "chases", "the", "mouse"]
    _kept, wide_axis, wide = _top_axis_names(qtbot, words, 1400, cells=True)
    one_line = wide_axis.height()
    assert [text for _, _, text in wide] == words and len({rect.top() for rect, _, _ in wide}) == 1
    _, axis, texts = _top_axis_names(qtbot, words, 150, cells=True)
    assert sorted(text for _, _, text in texts) == sorted(words)
    spans = sorted((rect.left(), rect.right()) for rect, _, _ in texts)
    assert any(end > start for (_, end), (start, _) in zip(spans, spans[1:]))  # side by side they would overlap
    assert _apart(texts)
    tops = sorted({round(rect.top()) for rect, _, _ in texts})
    assert len(tops) >= 2
    line = tops[1] - tops[0]
    assert axis.height() >= one_line + line * (len(tops) - 1) - 1
    frame = axis.boundingRect()
    assert all(rect.top() >= frame.top() - 1 for rect, _, _ in texts)  # the upper lines are inside the axis


def test_names_are_staggered_when_their_axis_narrows_before_it_is_painted(qtbot, monkeypatch):
    """A plot narrowed while out of sight (below the fold) makes its top axis taller for the lines its names now take
    at once: measured only when painted, they were drawn over the axis's name ('chases' over 'key')."""
    view = pg.GraphicsView()
    qtbot.addWidget(view)
    view.setRange(QRectF(0, 0, 100, 100), padding=0)  # the plot is laid out far below: never painted
    view.show()
    qtbot.waitExposed(view)
    plot = pg.PlotItem(axisItems=axes.grid_axes(("left", "top")))
    view.scene().addItem(plot)
    plot.showAxis("top")
    plot.setLabel("top", "key")
    words = ["the", "cat", "chases", "the", "mouse"]
    plot.setRange(xRange=(-0.5, len(words) - 0.5), padding=0)
    axis = plot.getAxis("top")
    axis.cells = True
    axis.setTicks([list(enumerate(words))])
    painted = []
    monkeypatch.setattr(axes.GridAxis, "paint", lambda *args: painted.append(args))
    plot.setGeometry(QRectF(0, 5000, 1400, 300))
    QApplication.processEvents()
    one_line = axis.height()
    plot.setGeometry(QRectF(0, 5000, 150, 300))
    QApplication.processEvents()
    assert not painted
    line = QFontMetricsF(axis.style["tickFont"] or QFont()).height()
    assert axis.height() >= one_line + line - 1


def test_names_too_many_for_three_lines_are_thinned_evenly_and_never_overlap(qtbot):
    words = ["the", "cat", "chases", "a", "mouse", "over", "this", "old", "wall", "while", "dog", "sleeps"]
    _kept, _, wide = _top_axis_names(qtbot, words, 1400)
    assert [text for _, _, text in wide] == words  # room for all: all shown
    _, _, narrow = _top_axis_names(qtbot, words, 150)
    assert _apart(narrow)
    shown = [text for _, _, text in sorted(narrow, key=lambda spec: spec[0].center().x())]
    step = words.index(shown[1])  # every k-th from the first
    assert 1 < step and shown == words[::step]


def test_numbers_are_thinned_on_one_line_not_staggered(qtbot):
    """Every other number of a scale can be told from its neighbours: numbers named on a narrow axis stay on one line."""
    numbers = [str(16 * index) for index in range(12)]
    _, axis, texts = _top_axis_names(qtbot, numbers, 150, cells=True)
    assert len({rect.top() for rect, _, _ in texts}) == 1 and 1 < len(texts) < len(numbers) and _apart(texts)


def _value_axis(qtbot, graphics, height, y_range=None):
    """The left axis of ``graphics``'s plot, laid out ``height`` px tall (its range ``y_range`` first when given), and
    the names it draws then."""
    plot = graphics.getItem(0, 0)
    if y_range is not None:
        plot.setYRange(*y_range, padding=0)
    graphics.resize(400, height)
    graphics.show()
    qtbot.waitExposed(graphics)
    for _ in range(3):  # names measured, the axis sized for them, laid out again
        graphics.grab()
        QApplication.processEvents()
    axis = plot.getAxis("left")
    image = QImage(1, 1, QImage.Format_ARGB32)
    painter = QPainter(image)
    try:
        painter.setFont(axis.style["tickFont"])
        _, _, texts = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return axis, [text for _, _, text in texts]


def test_a_value_axis_keeps_its_room_while_its_range_stays(qtbot):
    """A plot made shorter at the same range keeps its value axis as wide as its finer names ('-0.5') took: given back,
    the room made the encoding view's lower curve plot taller (its bottom names no longer staggered), the finer names
    came back, and the plot swung between the two sizes for good, painted with '-0.5' under the axis's name. A new range
    is measured afresh."""
    graphics = pg.GraphicsLayoutWidget()
    qtbot.addWidget(graphics)
    plot = graphics.addPlot(axisItems=axes.grid_axes())
    plot.setLabel("left", "value")
    font = QFont()
    font.setPointSizeF(16)
    plot.getAxis("left").setStyle(tickFont=font)
    axis, names = _value_axis(qtbot, graphics, 300, (-1.15, 1.15))
    assert "-0.5" in names
    finer = axis.width()
    axis, names = _value_axis(qtbot, graphics, 180)
    assert "-0.5" not in names and len(names) == 3  # -1, 0 and 1 only
    assert axis.width() == finer
    axis, names = _value_axis(qtbot, graphics, 180, (0, 5))
    assert not any(name.startswith("-") for name in names) and axis.width() < finer - 5  # 0 to 5


def test_a_colour_bars_end_names_stay_in_its_box(qtbot):
    """A colour bar's names centred on its ends ('1.0' atop, '0' below) lie inside the bar's own box: bars stacked in a
    column (the real model's three panels at 1024 x 768) wrote one bar's '0' over the '1.0' of the bar below."""
    graphics = pg.GraphicsLayoutWidget()
    qtbot.addWidget(graphics)
    graphics.ci.layout.setVerticalSpacing(0)
    font = QFont()
    font.setPointSizeF(16)
    bars = []
    for row in range(2):
        bar = pg.ColorBarItem(values=(0, 1), interactive=False, width=14)
        bar.getAxis("right").setStyle(tickFont=font)
        style.fit_bar_axis(bar)
        graphics.addItem(bar, row=row, col=0)
        bars.append(bar)
    graphics.resize(200, 500)
    graphics.show()
    qtbot.waitExposed(graphics)
    for _ in range(3):
        graphics.grab()
        QApplication.processEvents()
    for bar in bars:
        axis = bar.getAxis("right")
        image = QImage(1, 1, QImage.Format_ARGB32)
        painter = QPainter(image)
        try:
            painter.setFont(font)
            _, _, texts = axis.generateDrawSpecs(painter)
        finally:
            painter.end()
        box = bar.sceneBoundingRect()
        spans = {text: axis.mapRectToScene(rect) for rect, _, text in texts}
        assert {"0", "1.0"} <= set(spans)
        assert all(box.top() <= span.top() and span.bottom() <= box.bottom() for span in spans.values()), (box, spans)


def _argb_pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format_ARGB32)
    rows = np.frombuffer(image.constBits(), np.uint32).reshape(image.height(), image.bytesPerLine() // 4)
    return np.array(rows[:, :image.width()])


@pytest.mark.parametrize("seed", range(4))
def test_images_coloured_by_one_lookup_have_pyqtgraphs_pixels(qapp, seed):
    """The views' images colour their cells themselves (one NumPy lookup, not pyqtgraph's 256-colour Python list
    at every render): the pixels are pyqtgraph's, for both colour maps, float32 and float64, values beyond the
    levels, equal levels; an image with NaN is left to pyqtgraph (its NaN cells are transparent)."""
    from posenc_gui.app.views.images import ImageItem

    rng = np.random.default_rng(seed)
    for trial in range(40):
        data = (rng.standard_normal(tuple(rng.integers(1, 30, 2))) * rng.choice([1e-3, 1.0, 50.0]))
        data = data.astype(rng.choice([np.float32, np.float64]))
        low, high = sorted(rng.standard_normal(2) * rng.choice([0.01, 1.0, 30.0]))
        if trial % 8 == 0:
            high = low
        if trial % 10 == 9:
            data[0, 0] = np.nan
        ours, theirs = ImageItem(axisOrder="row-major"), pg.ImageItem(axisOrder="row-major")
        for item in (ours, theirs):
            item.setColorMap(style.colour_map(bool(trial % 2)))
            item.setImage(data, levels=(low, high))
            item.render()
        looked_up = not np.isnan(data).any()
        assert (ours._table_for is not None) == looked_up
        if looked_up:
            assert ours.qimage.format() == QImage.Format_ARGB32_Premultiplied
        assert np.array_equal(_argb_pixels(ours.qimage), _argb_pixels(theirs.qimage))
