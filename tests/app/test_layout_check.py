"""The layout check finds each kind of problem on a deliberately broken layout, and none on a sound one;
``--self-test --layout-report`` writes its findings as JSON and fails on them."""

import json

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import (QLabel, QLineEdit, QMainWindow, QPushButton, QScrollArea, QSizePolicy, QSpinBox,
                               QVBoxLayout, QWidget)

from posenc_gui.app import selftest, tour
from posenc_gui.app.layout_check import check_window
from posenc_gui.app.state import Scene
from posenc_gui.app.views.cell_numbers import CellTexts, number_gap

LONG = "a label whose text needs far more room than it is given"


@pytest.fixture
def window(qtbot):
    """An empty window of a known size, shown, for widgets placed by hand."""
    shown = QMainWindow()
    shown.setCentralWidget(QWidget())
    qtbot.addWidget(shown)
    shown.resize(640, 480)
    shown.show()
    return shown


def plot_window(window, size=(600, 400)):
    graphics = pg.GraphicsLayoutWidget(window.centralWidget())
    graphics.setGeometry(0, 0, *size)
    plot = graphics.addPlot(row=0, col=0)
    graphics.show()
    return graphics, plot


def settle(qapp):
    for _ in range(3):
        qapp.processEvents()


def test_a_sound_layout_has_no_problem(window, qapp):
    layout = QVBoxLayout(window.centralWidget())
    layout.addWidget(QLabel("short"))
    layout.addWidget(QPushButton("Play"))
    graphics = pg.GraphicsLayoutWidget()
    layout.addWidget(graphics)
    plot = graphics.addPlot(title="a title")
    plot.plot([0, 1, 2], [0, 1, 0])
    plot.setLabel("left", "position")  # pyqtgraph's own placement of axis names, next to their tick names
    plot.setLabel("bottom", "dimension")
    note = pg.TextItem("a note", anchor=(0, 0))
    plot.addItem(note)
    note.setPos(0.2, 0.8)
    settle(qapp)
    report = check_window(window)
    assert report.problems == []
    assert report.texts_checked >= 6 and report.plots_checked == 1


def test_cut_label_and_button(window, qapp):
    label = QLabel(LONG, window.centralWidget())
    label.setGeometry(10, 10, 80, 30)
    button = QPushButton("▶ Play the sweep", window.centralWidget())
    button.setGeometry(10, 60, 40, 30)
    for widget in (label, button):
        widget.show()
    settle(qapp)
    problems = check_window(window).problems
    assert any(LONG[:20] in p and "text cut" in p for p in problems), problems
    assert any("Play the sweep" in p and "text cut" in p for p in problems), problems


def test_typed_text_wider_than_its_box_and_a_box_out_of_sight(window, qapp):
    """A line edit's text is checked as a label's is: the walkthrough's tokens or the real model's sentence wider than
    their box show in part; a box out of sight. A number box's own line edit is checked with the number box, once."""
    cut = QLineEdit("the cat chases the mouse across the garden", window.centralWidget())
    cut.setGeometry(10, 10, 120, 30)
    whole = QLineEdit("the cat", window.centralWidget())
    whole.setGeometry(10, 60, 200, 30)
    away = QLineEdit("far", window.centralWidget())
    away.setGeometry(620, 110, 100, 30)
    number = QSpinBox(window.centralWidget())
    number.setGeometry(10, 160, 120, 30)
    for widget in (cut, whole, away, number):
        widget.show()
    settle(qapp)
    problems = check_window(window).problems
    assert any("'the cat chases the mouse" in p and "text cut" in p for p in problems), problems
    assert not any("'the cat'" in p for p in problems), problems
    assert any("'far'" in p and "beyond the window's edge" in p for p in problems), problems
    assert check_window(window, number).texts_checked == 1


def test_text_over_text(window, qapp):
    first, second = QLabel("first", window.centralWidget()), QLabel("second", window.centralWidget())
    first.setGeometry(10, 10, 120, 30)
    second.setGeometry(40, 15, 120, 30)
    first.show(), second.show()
    settle(qapp)
    problems = check_window(window).problems
    assert any("'first' over" in p and "'second'" in p for p in problems), problems


def test_text_beyond_the_window(window, qapp):
    label = QLabel("out of sight", window.centralWidget())
    label.setGeometry(600, 10, 200, 30)
    label.show()
    settle(qapp)
    problems = check_window(window).problems
    assert any("beyond the window's edge" in p for p in problems), problems


def test_collapsed_plot(window, qapp):
    plot_window(window, size=(300, 60))
    settle(qapp)
    problems = check_window(window).problems
    assert any(p.startswith("plot area") and "under the minimum" in p for p in problems), problems


def test_cut_title(window, qapp):
    _graphics, plot = plot_window(window, size=(200, 300))
    plot.setTitle("a plot title far too long to be shown whole in a narrow plot")
    settle(qapp)
    problems = check_window(window).problems
    assert any("a plot title" in p and ("cut" in p or "beyond" in p) for p in problems), problems


class UnfittedCells(CellTexts):
    """Cell numbers written as given, whatever the cells' size (as CellTexts did before it fitted them)."""

    def shown_labels(self, cell_width, cell_height):
        return self.labels


def cell_font() -> QFont:
    font = QFont()
    font.setPointSizeF(12)
    return font


def matrix_window(window, cls, text, size=(600, 400)):
    _graphics, plot = plot_window(window, size)
    plot.addItem(pg.ImageItem(np.zeros((20, 20))))
    font = cell_font()
    cells = cls([(r, c, text, "#000000") for r in range(20) for c in range(20)], 20, 20, font)
    plot.addItem(cells)
    plot.setRange(xRange=(-0.5, 19.5), yRange=(-0.5, 19.5), padding=0)
    return cells


def test_numbers_spilling_out_of_cells(window, qapp):
    matrix_window(window, UnfittedCells, "-0.80665911")
    settle(qapp)
    problems = check_window(window).problems
    assert any(p.startswith("cell numbers: 400 of 400") for p in problems), problems


def test_cell_numbers_are_fitted_to_their_cells(window, qapp):
    """Fewer decimals as the cells narrow (the same for every cell), none when even a whole number does not fit
    or a line is taller than a cell; the check then finds nothing."""
    cells = matrix_window(window, CellTexts, "-0.80665911")
    settle(qapp)
    assert check_window(window).problems == []
    metrics = QFontMetricsF(cells.font)
    gap = number_gap(metrics)

    def shown(width: float) -> set[str]:
        return {text for _r, _c, text, _colour in cells.shown_labels(width, 20)}

    assert shown(metrics.horizontalAdvance("-0.81") + gap + 0.5) == {"-0.81"}
    assert shown(metrics.horizontalAdvance("-0.8") + gap + 0.5) == {"-0.8"}
    assert shown(metrics.horizontalAdvance("-0.8") + gap - 1) == set()  # never "-1" (a weight of 0.8) nor "-.8"
    assert cells.shown_labels(6, 20) == [] and cells.shown_labels(60, 3) == []
    cells.set_labels([(0, 0, "-123.456", "#000000"), (0, 1, "7.25", "#000000")], 20, 20, cells.font)
    assert shown(metrics.horizontalAdvance("-123") + gap + 0.5) == {"-123", "7"}  # whole from 10 up


def test_neighbouring_cell_numbers_keep_apart(window, qapp):
    """Numbers that fit their cells with a pixel or two to spare read as one ("0.70.00.10.2", deck scene 28 at
    1280 x 720 in Chinese): the check finds them, and the cells write fewer decimals or none instead (never ".7",
    which beside other drawings' "0.7" reads as another kind of number)."""
    metrics = QFontMetricsF(cell_font())
    gap = number_gap(metrics)
    assert gap >= 0.4 * metrics.horizontalAdvance("0")
    matrix = (metrics.horizontalAdvance("0.7") + 2) * 20  # 2 px to spare in each cell
    cells = matrix_window(window, UnfittedCells, "0.7", size=(round(matrix) + 70, 400))
    settle(qapp)
    cell = cells.deviceTransform(cells.scene().views()[0].viewportTransform()).mapRect(QRectF(0, 0, 1, 1)).width()
    assert metrics.horizontalAdvance("0.7") < cell < metrics.horizontalAdvance("0.7") + gap - 2
    problems = check_window(window).problems
    assert any(p.startswith("cell numbers: 400 of 400") and "between neighbours" in p for p in problems), problems
    fitted = CellTexts(cells.labels, 20, 20, cells.font)
    assert fitted.shown_labels(cell, 30) == []
    assert {text for *_rc, text, _c in fitted.shown_labels(metrics.horizontalAdvance("0.75") + gap, 30)} == {"0.7"}


def test_tick_names_over_each_other(window, qapp):
    _graphics, plot = plot_window(window, size=(400, 300))
    plot.getAxis("bottom").setTicks([[(i * 0.1, f"name {i}") for i in range(10)]])
    plot.setXRange(0, 1, padding=0)
    settle(qapp)
    problems = check_window(window).problems
    assert any("bottom tick name" in p and " over " in p for p in problems), problems


class TallHint(QWidget):
    """Asks for 900 px, makes do with 50: as a graphics view asks for the height it has."""

    def sizeHint(self):
        return QSize(100, 900)

    def minimumSizeHint(self):
        return QSize(100, 50)


def scrolled_page(window, policy: QSizePolicy.Policy) -> QScrollArea:
    area = QScrollArea(window.centralWidget())
    area.setGeometry(0, 0, 400, 300)
    area.setWidgetResizable(True)
    page = QWidget()
    column = QVBoxLayout(page)
    text = QLabel("a text above the plots that wraps")  # a page whose height depends on its width asks for the
    text.setWordWrap(True)  # height its layout prefers
    column.addWidget(text)
    tall = TallHint()
    tall.setSizePolicy(QSizePolicy.Preferred, policy)
    column.addWidget(tall, 1)
    area.setWidget(page)
    area.show()
    return area


def test_a_page_that_scrolls_for_nothing(window, qapp):
    scrolled_page(window, QSizePolicy.Preferred)
    settle(qapp)
    problems = check_window(window).problems
    assert any("scrolls" in p and "below the fold for nothing" in p for p in problems), problems


def test_a_page_that_fits_its_scroll_area(window, qapp):
    scrolled_page(window, QSizePolicy.Ignored)  # as tall as the room it is given
    settle(qapp)
    assert check_window(window).problems == []


def test_a_window_wider_than_its_screen(window, qapp):
    """(The audience title of a long scene in large type widened the main window 166 px past a 1024 px screen.)"""
    screen = window.screen().availableGeometry()
    window.resize(screen.width() + 300, min(screen.height(), 400))
    settle(qapp)
    problems = check_window(window).problems
    assert any("300 px wider than its screen" in p for p in problems), problems
    window.resize(screen.width() - 100, min(screen.height(), 400))
    settle(qapp)
    assert check_window(window).problems == []


def test_the_report_of_the_self_test(qapp, tmp_path, monkeypatch):
    """Two steps in a small window at a large text size: the report names each step, counts what it
    checked, and the status is 1 because a cramped step has problems."""
    steps = [("encoding-sinusoidal", Scene(method="sinusoidal", view="encoding")),
             ("walkthrough-sinusoidal", Scene(method="sinusoidal", view="walkthrough"))]
    monkeypatch.setattr(selftest, "plan", lambda deck: steps)
    report = tmp_path / "layout.json"
    status = selftest.run_self_test(qapp, layout_report=str(report), window_size=(640, 480), text_scale=1.6)
    written = json.loads(report.read_text())
    names = [step["name"] for step in written["steps"]]
    assert names[:2] == [name for name, _ in steps]
    assert names[2] == "start-page" and names[3].startswith("tour-1-") and len(names) == 3 + len(tour.steps())
    assert all(step["texts_checked"] > 0 for step in written["steps"])
    assert written["steps"][0]["plots_checked"] > 0
    # how far each view's page scrolls (the walkthrough's in large type on a small screen), none for the start page
    assert written["steps"][1]["scroll"] > 0 and "scroll" not in written["steps"][2]
    assert any(step["problems"] for step in written["steps"]) and status == 1
    assert written["screen"] == [640, 480] and written["text_scale"] == 1.6
    assert len(written["window"]) == 2 and written["device_pixel_ratio"] == qapp.primaryScreen().devicePixelRatio()


def axis_with_its_name(window, qapp, size=(500, 400)):
    _graphics, plot = plot_window(window, size=size)
    plot.setYRange(-40, 440, padding=0)  # no tick name at an end of the axis, half past it
    plot.setLabel("left", "position")
    settle(qapp)
    return plot.getAxis("left")


def test_axis_name_over_its_own_tick_names(window, qapp):
    """(Scene 14 presenting at 1280 x 720 x1.3: "position" over "200" and "400"; the name and the tick names were
    taken for one text, never compared.)"""
    axis = axis_with_its_name(window, qapp)
    assert check_window(window).problems == []
    axis.setWidth(axis.width() - 20)  # the name keeps its place at the outer edge; the tick names move onto it
    settle(qapp)
    problems = check_window(window).problems
    assert any("left axis name 'position' over left tick name" in p for p in problems), problems


def test_axis_name_longer_than_its_axis(window, qapp):
    """A name longer than its axis sticks out at both ends, over the title or the plot below (scene 33's y axis
    names), even when all of it is inside the view."""
    axis = axis_with_its_name(window, qapp, size=(500, 160))
    axis.setLabel("wavelength of the slowest pair in positions")
    settle(qapp)
    problems = check_window(window).problems
    assert any(p.startswith("left axis name 'wavelength") and "beyond its axis" in p for p in problems), problems


def two_plots(window, qapp):
    graphics = pg.GraphicsLayoutWidget(window.centralWidget())
    graphics.setGeometry(0, 0, 600, 300)
    plots = [graphics.addPlot(row=0, col=col) for col in range(2)]
    for plot in plots:
        plot.setRange(xRange=(0, 1), yRange=(0, 1), padding=0)
    graphics.show()
    return plots


def test_text_in_a_plot_cut_at_its_edge(window, qapp):
    """A note placed in a plot is cut where the plot's box ends (its view box clips it), though the view has room:
    the next plot stands there (scene 33: "training length L0 = 4096" cut at the plot's right edge)."""
    left, _right = two_plots(window, qapp)
    note = pg.TextItem("training length L0 = 4096", anchor=(0, 0.5))
    left.addItem(note)
    note.setPos(0.6, 0.5)
    settle(qapp)
    problems = check_window(window).problems
    assert any(p.startswith("text 'training length") and "at the edge of the plot it is drawn in" in p
               for p in problems), problems


def test_texts_in_a_plot_over_each_other(window, qapp):
    left, _right = two_plots(window, qapp)
    for text, y in (("training length L0 = 4096", 0.5), ("extended length s·L0 = 16384", 0.48)):
        note = pg.TextItem(text, anchor=(0, 0.5))
        left.addItem(note)
        note.setPos(0.05, y)
    settle(qapp)
    problems = check_window(window).problems
    assert any("'training length" in p and " over " in p and "'extended length" in p for p in problems), problems


def test_the_self_test_sizes_its_window_in_logical_pixels():
    """``--screen`` names device pixels: with QT_SCALE_FACTOR=2 a 3840 x 2160 screen has 1920 x 1080 logical ones, and
    the window takes those (resized to 3840 x 2160 it was a window twice the screen's size, every step a problem)."""
    assert selftest.logical_size((3840, 2160), 2.0) == QSize(1920, 1080)
    assert selftest.logical_size((1280, 800), 1.0) == QSize(1280, 800)


def test_texts_below_the_fold_of_a_scrolled_page(window, qapp):
    """What a page shows once scrolled to is checked too (scene 14 presenting at 1280 x 720 x1.3: the axis names of
    its lower plots over their tick names, unseen by the check), and texts scrolled out under a header are not over
    it."""
    header = QLabel("a header above the page", window.centralWidget())
    header.setGeometry(0, 0, 400, 30)
    area = QScrollArea(window.centralWidget())
    area.setGeometry(0, 30, 400, 300)
    page = QWidget()
    page.setMinimumSize(380, 1000)
    above = QLabel("scrolled out above", page)
    above.setGeometry(10, 0, 200, 30)
    first, second, cut = QLabel("first", page), QLabel("second", page), QLabel(LONG, page)
    first.setGeometry(10, 800, 120, 30)
    second.setGeometry(40, 805, 120, 30)
    cut.setGeometry(10, 900, 80, 30)
    area.setWidget(page)
    area.show()
    area.verticalScrollBar().setValue(40)  # "scrolled out above" now lies under the header, out of sight
    settle(qapp)
    problems = check_window(window).problems
    assert any("'first' over" in p and "'second'" in p for p in problems), problems
    assert any(LONG[:20] in p and "text cut" in p for p in problems), problems
    assert not [p for p in problems if "scrolled out above" in p and "header" in p], problems


def test_colour_bar_taller_than_its_image(window, qapp):
    """A colour bar beside a titled heatmap spans the plot's rows, title and axis names included (the learned table's
    bars stood 420 px beside 324 px images); levelled with the image (views.colour_bar), it is found sound."""
    from posenc_gui.app import style
    from posenc_gui.app.views import colour_bar

    graphics, plot = plot_window(window)
    plot.setTitle("a heatmap")
    plot.setLabel("bottom", "dimension")
    image = pg.ImageItem(np.arange(20.0).reshape(4, 5))
    plot.addItem(image)
    bar = pg.ColorBarItem(values=(0, 20), interactive=False, width=18)
    bar.setImageItem(image)
    graphics.addItem(bar, row=0, col=1)
    settle(qapp)
    problems = check_window(window).problems
    assert any(p.startswith("colour bar") and "px above them" in p for p in problems), problems
    style.fit_bar_axis(bar)
    colour_bar.level_bar(bar, lambda: [image], (plot, plot.vb), (plot.vb,))
    settle(qapp)
    assert not [p for p in check_window(window).problems if p.startswith("colour bar")]
