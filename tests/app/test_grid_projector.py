"""Small multiples on a small projector at the largest text size: the grid fits the room it has (or the page scrolls)
with its rows' name along the first panel, and the colour bar's name stays along the bar."""

import pyqtgraph as pg
import pytest
from PySide6.QtWidgets import QApplication

from posenc_gui.app import layout_check, style
from posenc_gui.app.state import Scene
from posenc_gui.app.views.axis_name import keep_name_along, name_document

# the view's size presenting on a 1280 x 720 projector (the deck's title strip above it), and with the plots about
# as tall as there (this view's controls are drawn at the desktop's text size)
PROJECTOR_VIEW, SHORTER_VIEW = (1280, 632), (1280, 600)
# heights at which, with the panels' titles set without margins (``ImageGrid._new_panel``), the rows' name is longer than
# a panel, and the page scrolls
NAME_LONGER_VIEW, SCROLLING_VIEW = (1280, 616), (1280, 560)


def laid_out_problems(widget) -> list[str]:
    """The layout check's problems once the layout requests the showing posted have been handled."""
    QApplication.processEvents()
    return layout_check.check_window(widget).problems


def wrapped(axis: pg.AxisItem) -> bool:
    return axis.label.textWidth() > 0


def test_rows_name_longer_than_a_panels_share_wraps_and_every_panel_stays_in_sight(qtbot):
    """ALiBi's eight heads at x1.6: the rows' name 'query i' along the first panel is longer than each panel's share of
    the height, and the first panel stood taller than the others: the grid ran 23 px past the view's edge, with its
    row names cut. The name now goes onto two lines, the grid fitted for the wider names it makes."""
    from posenc_gui.app.views.relative import BiasView
    from view_helpers import projector_view

    scene = Scene(method="alibi", view="bias", params={"heads": 8, "seq_len": 16, "causal": True})
    view = projector_view(qtbot, BiasView, scene, NAME_LONGER_VIEW, 1.6)
    problems = laid_out_problems(view)
    assert problems == [], problems[:6]
    grid = view.grid
    heights = [plot.vb.height() for plot in grid.plots]
    assert max(heights) - min(heights) <= 1  # every panel as tall as the first
    name = grid.plots[0].getAxis("left")
    assert wrapped(name) and grid.columns == 4
    assert name_document(name).idealWidth() > heights[0]  # the case: the name (on one line) is the longer


@pytest.mark.parametrize("text_scale", [1.0, 1.6])
def test_colour_bar_name_stays_along_the_bar(qtbot, text_scale):
    """Shaw's four heads at x1.6: the bar, one row of panels tall, was 11 px shorter than 'bias added to the logit';
    the name now wraps onto two lines within the bar (as tall as the row at x1.0 too,
    ``test_colour_bar_is_as_tall_as_the_panels_it_explains``)."""
    from posenc_gui.app.views.relative import BiasView
    from view_helpers import projector_view

    view = projector_view(qtbot, BiasView, Scene(method="shaw", view="bias", params={"seq_len": 16, "heads": 4}),
                          SHORTER_VIEW, text_scale)
    axis = view.grid.bar.getAxis("right")
    QApplication.processEvents()
    assert wrapped(axis)
    problems = laid_out_problems(view)
    assert problems == [], problems[:6]


def test_bar_name_unwraps_when_the_bar_grows(qtbot):
    """A bar laid out short, then tall: its name goes back onto one line, centred on the bar, clear of its numbers."""
    widget = pg.GraphicsLayoutWidget()
    qtbot.addWidget(widget)
    bar = pg.ColorBarItem(values=(-3, 3), width=18, interactive=False)
    widget.addItem(bar)
    style.bar_label(bar, "bias added to the logit", style.theme_named("light"), 20)
    keep_name_along(bar.getAxis("right"))
    axis = bar.getAxis("right")
    widget.resize(300, 250)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: wrapped(axis))
    assert laid_out_problems(widget) == []
    widget.resize(300, 900)
    qtbot.waitUntil(lambda: not wrapped(axis))
    assert laid_out_problems(widget) == []


def test_on_a_page_that_scrolls_every_row_of_panels_stands_equal(qtbot):
    """With no room for the heads in sight, the rows stand at their smallest height: left uncapped, the layout gave the
    page's height to the two rows unequally (136 and 139 px; 145 and 156 after other tests, when the rows' name wrapped
    beside one row only, the second row's panels stood left of the first's and a tick name of the first row touched
    the second's titles)."""
    from posenc_gui.app.views.relative import BiasView
    from view_helpers import projector_view

    scene = Scene(method="alibi", view="bias", params={"heads": 8, "seq_len": 16, "causal": True})
    view = projector_view(qtbot, BiasView, scene, SCROLLING_VIEW, 1.6)
    problems = laid_out_problems(view)
    grid = view.grid
    assert min(grid.panel_area(grid.columns)) < grid._smallest_area()[1]  # the case: the page scrolls
    heights = [plot.vb.height() for plot in grid.plots]
    lefts = {round(plot.vb.sceneBoundingRect().left()) for plot in grid.plots[::grid.columns]}
    assert max(heights) - min(heights) <= 1 and len(lefts) == 1
    assert problems == [], problems[:6]


@pytest.mark.parametrize("scene", [Scene(method="shaw", view="bias", params={"seq_len": 16, "heads": 4}),
                                   Scene(method="alibi", view="bias", params={"heads": 8, "seq_len": 16})])
def test_colour_bar_is_as_tall_as_the_panels_it_explains(qtbot, scene):
    """Deck scenes 16 and 19 at 1920 x 1080: a row of four heads 260 px tall beside a bar of 800 px, which spanned
    the row's whole height. The bar's colours now run from the first row's plot area's top to the last row's bottom,
    its ticks still apart and its name along it."""
    from posenc_gui.app.views.relative import BiasView
    from view_helpers import projector_view

    view = projector_view(qtbot, BiasView, scene, (1920, 960), 1.6)
    problems = laid_out_problems(view)
    assert problems == [], problems[:6]
    grid = view.grid
    panels = grid.plots[0].vb.sceneBoundingRect().united(grid.plots[-1].vb.sceneBoundingRect())
    colours = grid.bar.vb.sceneBoundingRect()
    assert grid.bar.sceneBoundingRect().height() > panels.height() + 100  # the case: the bar's cell is the taller
    assert abs(colours.top() - panels.top()) <= 1 and abs(colours.bottom() - panels.bottom()) <= 1


def test_a_bar_levelled_with_a_short_row_keeps_its_name_along_it(qtbot):
    """Deck scenes 29 then 30 presenting at 1280 x 720 x1.3: the bar, levelled with a row of 150 px panels and made as
    long as its name needs below them, was cut off where the row ends, and 'cosine similarity' stood 69 px past it.
    The bar grows upwards, over the titles, instead."""
    from posenc_gui.app.views.lessons import ImagesLesson
    from view_helpers import open_view

    model, view = open_view(qtbot, ImagesLesson, style.theme_named("light"))
    view.resize(1280, 640)
    view.set_look(style.theme_named("light"), style.BASE_POINTS * 1.3 * style.PRESENTATION_SCALE)
    qtbot.wait(20)
    model.set_option("step", 2)
    qtbot.wait(20)
    grid = view.grid
    panels = grid.plots[0].vb.sceneBoundingRect().united(grid.plots[-1].vb.sceneBoundingRect())
    assert abs(grid.bar.vb.sceneBoundingRect().bottom() - panels.bottom()) <= 1
    problems = [problem for problem in laid_out_problems(view) if "right " in problem]  # the bar's names
    assert problems == [], problems[:6]
