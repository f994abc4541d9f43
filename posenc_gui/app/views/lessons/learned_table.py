"""Lesson: the trained MiniLM position table and its cosine similarities beside the sinusoid of the same size."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QFont, QFontMetricsF

from ....core.lessons import learned_table
from ....core.lessons.learned_table import TableComparison
from ....core.registry import Method
from ... import axes, style
from ...state import Scene, error_text
from ..cell_numbers import fmt
from ..images import block_lengths, block_sums, cell, colour_bar_ahead, float32_pixels, frame_cells, heatmap
from .frequency_lesson import FrequencyLesson, show_value

# where each panel goes, in reading order: the cosine matrices the intro speaks of first (below the tables, they were
# out of sight on a projector), then the tables
COSINE_PAIR = ("learned_similarity", "sinusoid_similarity")
TABLE_PAIR = ("learned", "sinusoid")
COSINE_SHARE = 0.5  # a cosine matrix is kept up to this share of the view's height tall
PYQTGRAPH_NAME_SLACK = 15  # pixels a vertical axis's names may reach past its ends in pyqtgraph by default
BAR_GAP_EMS = 0.25  # presenting, a colour bar stands this many ems from its matrix (see ``_building``)
PANEL_SLOTS = {"learned_similarity": 0, "sinusoid_similarity": 1, "learned": 2, "sinusoid": 3}


def block_steps(shape: tuple[int, int], rows: int, cols: int) -> tuple[int, int]:
    """How many cells of a table of ``shape`` ``averaged`` takes into one block each way on ``rows`` x ``cols``."""
    return tuple(1 if cells <= pixels else -(-2 * cells // max(pixels, 1))
                 for cells, pixels in zip(shape, (rows, cols)))


def averaged(values: np.ndarray, rows: int, cols: int) -> np.ndarray:
    """float32 pixels of ``values`` for a plot area of ``rows`` x ``cols`` pixels: where it has more cells than pixels,
    means of blocks of cells spanning two pixels each (a mean over one pixel's cells still folded the fast sinusoid
    columns into arcs). A table drawn on fewer pixels than it has rows showed moiré (cells sampled, not averaged)."""
    row_step, col_step = block_steps(values.shape, rows, cols)
    sums = np.asarray(values, dtype=np.float64)
    if row_step > 1:
        sums = block_sums(sums, row_step)
    if col_step > 1:
        sums = block_sums(sums.T, col_step).T
    counts = block_lengths(values.shape[0], row_step)[:, None] * block_lengths(values.shape[1], col_step)[None, :]
    return float32_pixels(sums / counts)


def keep_first_names(plot: pg.PlotItem) -> None:
    """Let the names of position and dimension 0, centred on the matrix's top and left edges, reach the half line past
    their axes they need: pyqtgraph drops a row's name more than 15 px past its axis and a column's past its axis at
    all, and in large type the rows were named from 100 beside columns named from 0, the table's columns from 100
    (issue 22: indices count the same way on both axes)."""
    for side in ("left", "bottom"):
        axis = plot.getAxis(side)
        line = QFontMetricsF(axis.style["tickFont"] or QFont()).height()
        axis.setStyle(hideOverlappingLabels=max(math.ceil(line / 2) + 1, PYQTGRAPH_NAME_SLACK))


class LearnedTableLesson(FrequencyLesson):
    """The trained MiniLM table and its cosine similarities beside the sinusoid's, same size."""

    uses_method = False
    key = "learned_table"
    plots_ahead = 4  # and as many colour bars (``build_ahead``)
    title = QT_TRANSLATE_NOOP("LearnedTableLesson", "Learned table vs sinusoid")
    data_fields = ("options",)
    formulas = ("learned_lookup", "learned_cosine")
    controls_give_room = True  # presenting, the positions shown hide where the page would scroll (P brings them back)

    def explanation(self) -> str:
        return self.tr(
            "A learned encoding is a table with one trained row per position: here the real one of "
            "all-MiniLM-L6-v2, 512 positions × 384. Beside it the sinusoid of the same size. Both make nearby "
            "positions similar (the band along the diagonal), but the table only knows the rows it was "
            "trained on: raise the positions shown past 512 to see it end while the sinusoid goes on.")

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        self.length_box = self.option_control("length")
        self.data: TableComparison | None = None
        self.panels: list[tuple[pg.PlotItem, str, np.ndarray]] = []
        self.images: list[pg.ImageItem] = []
        self.bars: list[pg.ColorBarItem] = []
        self.sources: dict[str, np.ndarray] = {}  # the array each panel's image was made from
        self.refusal_lines: list[pg.InfiniteLine] = []
        self.refusal: pg.TextItem | None = None
        self.spare_bars: list[pg.ColorBarItem] = []
        self.plots_built = False  # the heatmaps of ``_building`` are there, whole, in the current look
        self.drawn_pairs: tuple[str, ...] = ()  # the panels ``_building`` made, in the order it made them

    def build_ahead(self) -> bool:
        """The four colour bars of the first drawing, one a call while the window is idle; then the plots."""
        if not self.bars and len(self.spare_bars) < self.plots_ahead:
            self.spare_bars.append(colour_bar_ahead())
            return True
        return super().build_ahead()

    @staticmethod
    def applies_to(method: Method) -> bool:
        return True

    @staticmethod
    def length(scene: Scene) -> int:
        return LearnedTableLesson.option_values(scene)["length"]

    @classmethod
    def data_key(cls, scene: Scene) -> tuple:
        return (cls.length(scene),)

    @staticmethod
    def fetch(scene: Scene):
        return learned_table.compare_tables(LearnedTableLesson.length(scene))

    def fetching_steps(self, scene: Scene):
        """Built ahead: the comparison a part a step (``learned_table.comparing_tables``)."""
        return (yield from learned_table.comparing_tables(self.length(scene)))

    @staticmethod
    def size(scene: Scene) -> int:
        return learned_table.compared_elements(LearnedTableLesson.length(scene))

    def set_look(self, theme, points) -> None:
        """The heatmaps are built anew in the new look."""
        super().set_look(theme, points)
        self.plots_built = False
        if self.data is not None:
            self.show_data(self.model.scene, self.data)

    def show_selection(self, scene: Scene, data: TableComparison) -> None:
        """Nothing: the tables show their data alone (a new look redraws them in ``set_look``)."""

    def built(self) -> bool:
        """Whether the heatmaps are there, whole, for the look, the plots a row the page holds and the pairs shown: not
        after a new look (``set_look``), nor while built ahead a heatmap a step, nor when the rows reflow."""
        return self.plots_built and not self._reflowing and self.drawn_pairs == self.pairs_shown(self.data)

    def pairs_shown(self, data: TableComparison | None) -> tuple[str, ...]:
        """The panels drawn, in the order they are made: all four at a desk; presenting, one pair side by side, whole
        and as large as the screen lets them (the four in one column scrolled 1,200 px at 1280 x 720 x1.3, and the
        hall saw one or two): the cosine matrices the lecturer points at, or the tables once more positions than the
        table has are asked for (its end beside the sinusoid going on is then the point)."""
        if not self.presenting:
            return (*TABLE_PAIR, *COSINE_PAIR)
        return TABLE_PAIR if data is not None and data.refusal is not None else COSINE_PAIR

    def plot_of(self, name: str) -> pg.PlotItem | None:
        """The plot of panel ``name`` (None when it is not drawn)."""
        return next((plot for plot, shown, _values in self.panels if shown == name), None)

    def drawing_steps(self, scene: Scene, data: TableComparison):
        """Built ahead: the four heatmaps a step each, then the drawing into them."""
        if not self.built():
            yield from self._building(data)
        self.show_data(scene, data)

    def _build(self, data: TableComparison) -> None:
        for _heatmap in self._building(data):
            pass

    def _building(self, data: TableComparison):
        """The four heatmaps with their colour bars, the tables linked as a pair with the dashed line that marks the
        end of the table, then the text that says so (both shown when more positions than it has are asked for);
        yields after each heatmap, each styled as it is made."""
        self.clear_plots()
        self.plots_built = False
        self.panels, self.images, self.bars, self.refusal_lines, self.sources = [], [], [], [], {}
        self.drawn_pairs = self.pairs_shown(data)
        slots = sorted(self.drawn_pairs, key=PANEL_SLOTS.get)
        across = self.plots_across(2)  # learned beside sinusoid, each with its colour bar
        for name, x_label, y_label in (("learned", self.tr("dimension"), self.tr("position")),
                                       ("sinusoid", self.tr("dimension"), self.tr("position")),
                                       ("learned_similarity", self.tr("position q"), self.tr("position p")),
                                       ("sinusoid_similarity", self.tr("position q"), self.tr("position p"))):
            if name not in self.drawn_pairs:
                continue
            slot = slots.index(name)
            row, col = slot // across, 2 * (slot % across)
            plot = self.new_plot(row, col)
            values = data.panels()[name]
            image = heatmap(plot, values, self.theme, levels=self.levels(name, data), graphics=self.graphics,
                            bar_row=row, bar_col=col + 1, bar=self.spare_bars.pop() if self.spare_bars else None,
                            colour_maps=self.colour_maps)
            self.images.append(image)
            self.sources[name] = values
            self.bars.append(self.graphics.getItem(row, col + 1))
            style.label(plot, "bottom", x_label, self.theme, self.points)
            # presenting, the tables' positions are named once, left of the pair (the two linked, their rows the same):
            # at 1024 x 768 x1.6 the sinusoid's 'position' took the width its name 'dimension' needed below it
            named = not (self.presenting and name == "sinusoid")
            style.label(plot, "left", y_label if named else "", self.theme, self.points)
            self.panels.append((plot, name, values))
            if name.endswith("similarity"):
                # position by position: square cells, not a wide rectangle; not linked (a linked range overrode the
                # aspect's fit, and showed a band of rows); framed anew for the locked aspect (and at each resize)
                plot.setAspectLocked(True)
                frame_cells(plot, *values.shape)
                plot.vb.readable_width = self.readable_cells_width()  # a matrix reads narrower than a curve
            style.style_plot(plot, self.theme, self.points)
            keep_first_names(plot)
            plot.vb.sigResized.connect(lambda _box, plot=plot, image=image, name=name:
                                       self._fit_pixels(plot, image, name))
            if name == "sinusoid":  # the pair linked in the step that made its second (laid out in between, their
                self._link_tables()  # ranges differed)
            yield
        self.refusal = self.text_item("", anchor=(0, 0), scale=0.9)
        self.refusal.setPos(4, learned_table.TABLE_ROWS + 8)
        if "learned" in self.drawn_pairs:
            self.plot_of("learned").addItem(self.refusal)
        layout = self.graphics.ci.layout
        layout.setVerticalSpacing(self.points * 2)
        # presenting, one pair and its two bars share a row: at 1024 x 768 x1.6 the second bar ran 28 px past the page
        # at two ems apart, and at one the table's name 'dimension' 4 px past its axis
        layout.setHorizontalSpacing(self.points * (0.5 if self.presenting else 2))
        if self.presenting:  # and each bar by its own matrix (a layout cleared of its items forgets it: at a desk,
            for plot_column in range(0, layout.columnCount(), 2):  # the spacing above)
                layout.setColumnSpacing(plot_column, self.points * BAR_GAP_EMS)
        self.plots_built = True

    def _link_tables(self) -> None:
        """The two tables share their ranges, each with a dashed line below the table's last row."""
        learned_plot, sinusoid_plot = self.plot_of("learned"), self.plot_of("sinusoid")
        learned_plot.setYLink(sinusoid_plot)
        learned_plot.setXLink(sinusoid_plot)
        for plot in (learned_plot, sinusoid_plot):
            line = pg.InfiniteLine(pos=learned_table.TABLE_ROWS - 0.5, angle=0,
                                   pen=pg.mkPen(self.theme.foreground, width=2, style=Qt.DashLine))
            plot.addItem(line)
            self.refusal_lines.append(line)

    def _fit_pixels(self, plot: pg.PlotItem, image: pg.ImageItem, name: str) -> None:
        """Give ``image`` the panel's values averaged down to the pixels its plot area has (see ``averaged``)."""
        values = self.sources[name]
        rows, cols = max(1, int(plot.vb.height())), max(1, int(plot.vb.width()))
        shape = tuple(-(-cells // step) for cells, step in zip(values.shape, block_steps(values.shape, rows, cols)))
        if image.image is not None and image.image.shape == shape:
            return  # averaged to as many pixels already (a resize of each panel as another is placed)
        pixels = averaged(values, rows, cols)
        image.setImage(pixels, levels=image.getLevels())  # the colours set with its values (it may be resized first)
        image.setRect(-0.5, -0.5, values.shape[1], values.shape[0])

    def smallest_plot_height(self, plot: pg.PlotItem) -> float:
        """A cosine matrix (square cells) as tall as its plot area is wide, up to half the view's height, so that it is
        seen whole (and large) on a screen at once. Presenting, the pair alone fills the room the page leaves, which
        must not scroll: half the view's height and the title, axis and header over it ran 70 px below the fold."""
        height = super().smallest_plot_height(plot)
        if not self.presenting and any(plot is self.plot_of(name) for name in COSINE_PAIR) and plot.vb.width() > 0:
            height = max(height, min(plot.vb.width(), COSINE_SHARE * self.height()))
        return height

    def plots_across(self, wanted: int) -> int:
        """Presenting, the pair side by side (see ``reflow``)."""
        if self.presenting:
            self.across = 0
        return super().plots_across(wanted)

    def reflow(self) -> None:
        """Presenting, the pair stays side by side: on two rows it ran below the fold. The colour bars, measured before
        they are first painted, are 30 px wider, and at 1024 x 768 x1.3 in Chinese the first drawing found one matrix a
        row readable, and the page scrolled 200 px; two fit, 250 px wide each."""
        if not self.presenting:
            super().reflow()

    def keep_plots_readable(self) -> None:
        """Also draw anew the pairs presenting shows, or the four back at a desk, when the window starts or stops
        presenting (``pairs_shown``)."""
        if self.data is not None and self._last_drawing is not None and not self.built() and not self._reflowing:
            self.show_data(*self._last_drawing)
        super().keep_plots_readable()

    @staticmethod
    def levels(name: str, data: TableComparison) -> tuple[float, float]:
        """The colour range of panel ``name``: the table's is clipped where the statistics say, cosines span -1 to 1."""
        limit = data.statistics.colour_limit
        return (-limit, limit) if name == "learned" else (-1.0, 1.0)

    def show_data(self, scene: Scene, data: TableComparison) -> None:
        length = data.sinusoid.shape[0]
        show_value(self.length_box, length)
        self.data = data
        if not self.built():
            self._build(data)
        self.shown = data.panels()
        stats = data.statistics
        headings = {"learned": self.tr("MiniLM table (colours clipped at ±{0})").format(fmt(stats.colour_limit)),
                    "sinusoid": self.tr("sinusoid, d = 384"),
                    "learned_similarity": self.tr("MiniLM: cosine between positions"),
                    "sinusoid_similarity": self.tr("sinusoid: cosine between positions")}
        if self.presenting:  # the axes name the positions: the long titles took four lines at 1024 x 768 x1.3 in Chinese
            headings.update(learned_similarity=self.tr("MiniLM: cosine"),
                            sinusoid_similarity=self.tr("sinusoid: cosine"))
            # and the colour bars the clipping: at 1024 x 768 x1.6 the table's title on six lines was wider than its
            # matrix, and the sinusoid's colour bar stood past the page's edge, its names cut by up to 119 px
            headings.update(learned=self.tr("MiniLM table"), sinusoid=self.tr("sinusoid"))
        self.panels = []
        retitled = False
        for plot, image, bar, name in zip(self.plots, self.images, self.bars, self.drawn_pairs):
            heading = headings[name]
            values = data.panels()[name]
            rows, cols = values.shape
            if values is not self.sources[name]:  # the tables are cached: the same array, the same numbers
                self.sources[name] = values
                bar.setLevels(self.levels(name, data))
                image.clear()
                image.setLevels(self.levels(name, data))
                self._fit_pixels(plot, image, name)
                frame_cells(plot, rows, cols)
            for side in ("left", "bottom"):  # sized for their names now: the axis' name lay on them
                axes.measure_names(plot.getAxis(side))
            if plot.titleLabel.text != heading:
                style.title(plot, heading, self.theme, self.points)
                retitled = True
            self.panels.append((plot, name, values))
        if retitled:  # wrapped to the plots' width (a long title widened its column past the window)
            self.fit_titles()
        if "sinusoid" in self.drawn_pairs:
            self.plot_of("sinusoid").setRange(yRange=(-0.5, length - 0.5), padding=0)
        for item in self.refusal_lines:
            item.setVisible(data.refusal is not None)
        # presenting, the dashed line and the table's end say it: the method's words, the lecturer's, ran 130 px past
        # the 40 px below the last row that a table beside the sinusoid leaves at 1280 x 720 x1.3
        self.refusal.setVisible(data.refusal is not None and not self.presenting)
        if data.refusal is not None:
            self.refusal.setText(self.tr("No row past 511. The learned method says: {0}").format(
                error_text(data.refusal)))
            self.refusal.setTextWidth(max(200, self.width() * 0.32))
        self.facts.setText(self.tr(
            "Row 0 of the table is an outlier: norm <b>{0}</b>, while the other rows lie between {1} and {2} "
            "(5th to 95th percentile, median {3}). Neighbouring rows have mean cosine <b>{4}</b>.").format(
            f"{stats.first_norm:.2f}", f"{stats.rest_low:.2f}", f"{stats.rest_high:.2f}",
            f"{stats.rest_median:.2f}", f"{stats.neighbour_cosine:.2f}"))

    def hover_text(self, plot, x, y) -> str:
        for item, name, values in self.panels:
            if item is plot:
                where = cell(values, x, y)
                if where is None:
                    return ""
                row, col = where
                if name.endswith("similarity"):
                    return self.tr("cosine of positions {0} and {1}: {2}").format(row, col, fmt(values[row, col]))
                return self.tr("position {0}, dimension {1}: {2}").format(row, col, fmt(values[row, col]))
        return ""
