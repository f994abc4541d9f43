"""A matrix of square cells shows all its rows and columns whatever shape its plot area takes: pyqtgraph, held to
range limits of three times the matrix, cut rows from a plot area more than three times wider than tall and kept the
band as its target (scene 14 presenting at 1280 x 720 x1.3 showed rows 180 to 330 of the first cosine matrix)."""

import numpy as np
import pyqtgraph as pg

from posenc_gui.app import style
from posenc_gui.app.views.images import frame_cells, heatmap
from posenc_gui.app.views.lessons import LearnedTableLesson
from tests.app.view_helpers import open_view

PRESENTING = style.BASE_POINTS * style.PRESENTATION_SCALE * 1.3  # presenting at text size x1.3


def shows_whole(plot: pg.PlotItem, rows: int, cols: int) -> bool:
    (left, right), (top, bottom) = plot.vb.viewRange()
    return left <= -0.5 and right >= cols - 0.5 and top <= -0.5 and bottom >= rows - 0.5


def test_square_cells_are_framed_whole_in_a_plot_area_of_any_shape(qtbot, qapp):
    widget = pg.GraphicsLayoutWidget()
    qtbot.addWidget(widget)
    plot = widget.addPlot()
    heatmap(plot, np.eye(512), style.theme_named("light"), colour_bar=False)
    plot.setAspectLocked(True)
    frame_cells(plot, 512, 512)
    widget.show()
    for size in [(1200, 250), (250, 1200), (600, 600), (1600, 300)]:
        widget.resize(*size)
        qapp.processEvents()
        width, height = plot.vb.width(), plot.vb.height()
        assert max(width / height, height / width) > 3 or size == (600, 600)  # past the old limits' three times
        assert shows_whole(plot, 512, 512), (size, plot.vb.viewRange())


def test_the_learned_tables_cosines_stay_whole_when_shown_at_another_size(qtbot, qapp, themed):
    """Drawn at 1920 x 1080, then restyled and resized as a deck, the presentation mode and the window do."""
    _model, view = open_view(qtbot, LearnedTableLesson, themed("light"))
    view.set_look(view.theme, PRESENTING)
    for size in [(1100, 700), (800, 1000), (1800, 300), (1280, 631)]:
        view.resize(*size)
        qapp.processEvents()
        view.grab()
        for plot in view.plots[2:]:
            assert shows_whole(plot, 512, 512), (size, plot.vb.width(), plot.vb.height(), plot.vb.viewRange())
