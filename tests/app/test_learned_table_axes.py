"""The learned-table lesson's matrices in large type (presenting at 1920 x 1080, text x1.6): each matrix's rows are
named from 0 as its columns are (pyqtgraph dropped the row name "0", which reaches half a line above the axis, and
the rows read from 100; the tables' columns too)."""

import pytest
from PySide6.QtGui import QImage, QPainter

from posenc_gui.app.state import Scene
from posenc_gui.app.views.lessons import LearnedTableLesson

from view_helpers import projector_view


def drawn_names(axis) -> list[str]:
    """The tick names pyqtgraph draws on ``axis`` now."""
    image = QImage(1, 1, QImage.Format_ARGB32)
    painter = QPainter(image)
    try:
        painter.setFont(axis.style["tickFont"])
        specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [str(text) for _rect, _flags, text in specs[2]]


@pytest.fixture
def lesson(qtbot):
    view = projector_view(qtbot, LearnedTableLesson, Scene(method="learned", view="learned_table"), (1920, 976), 1.6)
    qtbot.waitUntil(lambda: len(view.plots) == 4 and view.plots[0].vb.height() > 0)
    view.grab()
    return view


def test_every_matrix_names_its_first_row(lesson):
    for plot in lesson.plots:
        assert drawn_names(plot.getAxis("left"))[0] == "0", plot.titleLabel.text
        assert drawn_names(plot.getAxis("bottom"))[0] == "0", plot.titleLabel.text

