"""Lesson: what position does inside a real model. Each step changes the positions of MiniLM (learned absolute
positions) or SmolLM2 (RoPE) and shows the model's strongest previous-token head as trained and as changed, and
how much every layer's heads changed (numbers from ``core.real_models.lesson``)."""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel

from ....core import real_models
from ....core.real_models import lesson
from ...state import Scene
from ... import axes, style
from .. import colour_bar
from ..cell_numbers import fmt
from ..placement import QWIDGETSIZE_MAX, fit_width_to_cells, hug_cells, place, unplace
from ..images import cell
from .lesson_view import LessonView
from ..readable import MIN_PLOT
from ..matrix_panels import draw_matrix, matrix_panel
from ..real_model import ALWAYS_IN_WORKER, MAX_LABELLED

PANELS = 3  # as trained, as changed, and every head's change in attention
TOKEN_PANELS = 2  # the first two: a head's attention, tokens by tokens


class RealPositionLesson(LessonView):
    uses_method = False
    key = "real_model_positions"
    title = "What position does inside a real model"
    steps = tuple(QT_TRANSLATE_NOOP("RealPositionLesson", step.title) for step in lesson.STEPS)

    def explanation(self) -> str:
        return self.tr(
            "<b>MiniLM</b> learns a vector per place, <b>SmolLM2</b> rotates queries and keys (RoPE). Change "
            "their positions and compare the head that most attends to the previous token.")

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        self.finding = QLabel()
        self.finding.setWordWrap(True)
        self.finding.setTextFormat(Qt.RichText)  # escaped, and folding adds a link (set_folding in show_data)
        # in the header, whose texts shrink together to leave the plots most of the height (below it, it kept its
        # size and pushed the plots below the fold while presenting)
        self.header.layout().addWidget(self.finding)
        self.data: lesson.StepResult | None = None
        self.panels: list[tuple[pg.PlotItem, pg.ImageItem]] = []  # made a step at a time (build_ahead)
        self.bar: pg.ColorBarItem | None = None
        self.plots = []
        self.columns = 0  # panels side by side as placed (3, or 2 with the change below)

    def build_ahead(self) -> bool:
        """The three panels, then their colour bar, one a call while the window is idle: made at once they were
        the longest slice of the window's build-ahead."""
        if len(self.panels) < PANELS:
            self.panels.append(matrix_panel(self.theme, self.points, ("left", "top"), self.colour_map(False),
                                            tokens=len(self.panels) < TOKEN_PANELS))
            plot = self.panels[-1][0]
            self.plots.append(plot)
            # any panel resized: the room may have changed (the change of every head's, the one never held to its
            # matrix, is resized when the page's height or width changes)
            plot.vb.sigResized.connect(self._square_token_panels)
            if len(self.panels) <= TOKEN_PANELS:  # query x key: square cells (free, they were strips of 220 x 70 px)
                # names over its columns on one line, thinned: staggered, their two lines more held the matrix (as
                # tall as it is wide, at least READABLE_CELLS_EMS) below the fold at 1280 x 720 x1.3; hovering names a cell
                plot.getAxis("top").name_lines = 1
        elif self.bar is None:
            self.bar = pg.ColorBarItem(values=(0, 1), colorMap=self.panels[0][1].getColorMap(), interactive=False,
                                       width=14)
            self.bar.setImageItem([image for _, image in self.panels])
            # as tall as the matrix beside it (the change of every head, or the changed head's with that change below)
            colour_bar.level_bar(self.bar, lambda: [self.panels[self.columns - 1][1]] if self.columns else [],
                                 [item for plot, _image in self.panels for item in (plot, plot.vb)],
                                 [plot.vb for plot, _image in self.panels])
        else:
            return super().build_ahead()
        self._label_axes()
        return True

    def _square_token_panels(self, *_resized) -> None:
        self._hold_heads_to_cells()
        square_from_corners([plot for plot, _image in self.panels[:TOKEN_PANELS]])

    def _hold_heads_to_cells(self) -> None:
        """Hold the two heads' plot areas to their matrices, of square cells as large as the room the page has without
        scrolling allows (``_cell_sides``), and give the change of every head, beside them, the rest of the width. Left
        to the layout, a head's plot area as tall as the panel beside it and narrower ran its axis on below the matrix's
        last row (30 to 200 px presenting). From the room, not from the plot areas as laid out: cut to the matrix as
        drawn, the matrices would shrink a little at every layout pass (the width following the cut height, and the
        height the width)."""
        heads = [plot for plot, _image in self.panels[:TOKEN_PANELS]]
        if not self.columns or self.data is None or any(plot.vb.height() <= 0 for plot in heads):
            return
        rows, cols = heads[0].vb.cells_shape
        across, down = self._cell_sides()
        side = min(across, max(down, self.smallest_plot_height(heads[0]) / rows))  # a short page scrolls
        for plot in heads:
            # the title's and the top axis's rows, which a shorter plot area leaves as they are
            cap = above(plot) + rows * side
            if abs(plot.maximumHeight() - cap) > 0.01:
                plot.setMaximumHeight(cap)
            plot.vb.width_cap = cols * side
            fit_width_to_cells(plot)
        change = self.panels[PANELS - 1][0]
        cap = QWIDGETSIZE_MAX
        if self.columns == PANELS:
            cap = max(self._first_row_room()[0] - TOKEN_PANELS * cols * side + beside(change), smallest_width(change))
        if abs(change.maximumWidth() - cap) > 0.01:
            change.setMaximumWidth(cap)

    def _cell_sides(self) -> tuple[float, float]:
        """The side of the heads' square cells that fills the room's width (the first row's plot areas share it
        equally, the change of every head's more when its title, wrapped to the page's third, is wider, but not less than
        a head's least: its title holds it wider), and the side that fills its height (``_first_row_room``)."""
        rows, cols = self.panels[0][0].vb.cells_shape
        areas_width, height = self._first_row_room()
        change = self.panels[PANELS - 1][0]
        change_area = smallest_width(change) - beside(change) if self.columns == PANELS else 0.0
        least = min(smallest_width(plot) - beside(plot) for plot, _image in self.panels[:TOKEN_PANELS])
        heads_width = min(areas_width / self.columns, max((areas_width - change_area) / TOKEN_PANELS, least))
        return max(heads_width / cols, 1.0), max(height / rows, 1.0)

    def smallest_plot_height(self, plot: pg.PlotItem) -> float:
        """A head's no taller than its matrix at the width the room gives it: three panels side by side (``_arrange``)
        may leave the heads narrower than readable (in Chinese at 1024 x 768 x1.3), and a plot area held taller than its
        matrix stood 85 px below it."""
        height = super().smallest_plot_height(plot)
        rows, _cols = getattr(plot.vb, "cells_shape", (0, 0))
        if rows and self.columns and plot in self.plots[:TOKEN_PANELS]:
            height = min(height, max(rows * self._cell_sides()[0], MIN_PLOT[1]))
        return height

    def _first_row_room(self) -> tuple[float, float]:
        """The width the plot areas of the first row share in the room the page has without scrolling, and the height
        of the heads' plot areas there: below their titles and names and, with the change of every head below them,
        above that panel at its smallest."""
        layout = self.graphics.ci.layout
        left, top, right, bottom = layout.getContentsMargins()
        across, down = max(layout.horizontalSpacing(), 0.0), max(layout.verticalSpacing(), 0.0)
        room_width, room_height = self.plot_room()
        first_row = [plot for plot, _image in self.panels[:self.columns]]
        width = room_width - left - right - across * len(first_row) \
            - self.bar.effectiveSizeHint(Qt.PreferredSize).width() - sum(beside(plot) for plot in first_row)
        height = room_height - top - bottom - above(self.panels[0][0])
        if self.columns < PANELS:
            below = self.panels[PANELS - 1][0]
            height -= down + above(below) + self.smallest_plot_height(below)
        return width, height

    def _made(self) -> None:
        """Every panel and the bar made, for a drawing that comes before the build-ahead made them."""
        while self.bar is None:
            self.build_ahead()

    @staticmethod
    def unavailable() -> str | None:
        missing = [name for name in lesson.models_needed() if not real_models.get(name).available()]
        if missing:
            return f"a real model it needs is not installed ({', '.join(missing)}): {real_models.FETCH_HINT}"
        return None

    @staticmethod
    def size(scene: Scene) -> int:
        """Always large: the first use loads a model (seconds)."""
        return ALWAYS_IN_WORKER

    @staticmethod
    def fetch(scene: Scene) -> lesson.StepResult:
        return lesson.run_step(int(scene.option("step", 0)))

    def _label_axes(self) -> None:
        names = ((self.tr("query"), self.tr("key")),) * 2 + ((self.tr("layer"), self.tr("head")),)
        for (plot, _image), (left, top) in zip(self.panels, names):
            style.label(plot, "left", left, self.theme, self.points)
            style.label(plot, "top", top, self.theme, self.points)
        if self.bar is None:
            return
        axis = self.bar.getAxis("right")
        axis.setPen(pg.mkPen(self.theme.foreground))
        axis.setTextPen(pg.mkPen(self.theme.foreground))
        names = QFont(self.font())  # the size of the panels' names, as on every colour bar: at the full text size
        names.setPointSizeF(self.points * style.TICK_SCALE)  # a short bar's names ran into each other
        axis.setStyle(tickFont=names)
        axes.measure_names(axis)
        style.fit_bar_axis(self.bar)  # levelled anew: its names' room at its ends in their new size

    def set_look(self, theme, points) -> None:
        super().set_look(theme, points)
        self._label_axes()
        if self.data is not None:
            self.show_data(self.model.scene, self.data)

    def show_data(self, scene: Scene, data: lesson.StepResult) -> None:
        self._made()
        self.data = data
        self.show_step()
        result, layer, head = data.comparison, data.layer, data.head
        ticks = [list(enumerate(data.tokens))] if len(data.tokens) <= MAX_LABELLED else None
        change = result.change
        rows, cols = change.shape
        # short titles, one line over a third of a projector's width (the finding under the step names the head and
        # the mean change): wrapped onto two or three lines they left the matrices below the fold, and out of line.
        # The third's axes name layers and heads: titled "change of every head", it read "head" twice
        panels = ((self.tr("as trained"), result.real[layer, head], ticks),
                  (self.tr("changed"), result.ablated[layer, head], ticks),
                  (self.tr("change in attention"), change, None))
        for index, ((plot, image), (title, matrix, axis_ticks)) in enumerate(zip(self.panels, panels)):
            draw_matrix(plot, image, title, matrix, (0.0, 1.0), axis_ticks, self.theme, self.points)
            if index < TOKEN_PANELS:
                hug_cells(plot, *matrix.shape)
            if axis_ticks is ticks and ticks:
                for side in ("left", "top"):
                    plot.getAxis(side).expect_labels(list(data.tokens))
        # layers and heads numbered at pyqtgraph's round spacings (0, 5, 10 ... when a name per row does not fit):
        # a name per row thinned to every other one put 28 of SmolLM2's 30 layers half past the panel's end
        for side, count in (("left", rows), ("top", cols)):
            axis = self.panels[2][0].getAxis(side)
            axis.cell_count = count
            axis.expect_labels([str(index) for index in range(count)])  # room for them before the axis name
        self._square_token_panels()
        self.shown = {"trained": result.real[layer, head], "changed": result.ablated[layer, head], "change": change,
                      "tokens": np.array(data.tokens)}
        self._arrange()
        # folds after the intro to its first sentence, the mean change (what the panel of every head shows, a black
        # square to the hall when positions change nothing): the step's title there repeated the step line above it
        self.set_folding(self.finding, html.escape(self.tr(
            "Mean change over all {0} heads: {1:.3g}. Layer {2}, head {3} gives the previous token {4:.2f} of its "
            "attention as trained and {5:.2f} now; heads that give it more than half: {6} as trained, {7} now.").format(
            rows * cols, data.mean_change, data.layer, data.head, data.previous_before, data.previous_after,
            data.previous_heads_before, data.previous_heads_after)))
        self.fit_titles()

    def _arrange(self) -> None:
        """The three panels side by side with their colour bar, or, when they do not fit the view's width at a
        readable size, the change of every head below the two heads."""
        columns = 3 if self._fit_side_by_side() else 2
        if columns == self.columns:
            return
        self.columns = columns
        # out of their old cells before the others move in: the bar of two columns stood where the third of three goes
        for item in [plot for plot, _image in self.panels] + [self.bar]:
            unplace(self.graphics, item)
        for index, (plot, _image) in enumerate(self.panels):
            place(self.graphics, plot, *divmod(index, columns))
        place(self.graphics, self.bar, 0, columns)
        QTimer.singleShot(0, self, self.keep_plots_readable)  # the layout's sizes are known after its next pass

    def _fit_side_by_side(self) -> bool:
        """Whether the three panels and their one colour bar fit the page's width with plot areas of twice the smallest
        readable. Titles do not count: they wrap (counted, two panels a row squeezed the matrices to 92 px below the
        fold at 1280 x 720 x1.3)."""
        def smallest(item) -> float:
            return item.effectiveSizeHint(Qt.MinimumSize).width()

        needed = sum(smallest(plot) - max(smallest(plot.titleLabel), smallest(plot.vb)) + 2 * MIN_PLOT[0]
                     for plot in self.plots)
        layout = self.graphics.ci.layout
        left, _top, right, _bottom = layout.getContentsMargins()
        around = left + right + len(self.plots) * max(layout.horizontalSpacing(), 0)  # the bar's names were cut by 4 px
        return needed + around + self.bar.effectiveSizeHint(Qt.PreferredSize).width() <= self.scroll.viewport().width()

    def fit_titles(self) -> None:
        """Also give the titles of a row of panels one height, that of the tallest: a title wrapped onto two lines
        beside titles on one (Chinese, or a narrow page) put its matrix lower than the others."""
        super().fit_titles()
        self._widen_titles()
        rows: dict[int, list[pg.PlotItem]] = {}
        for plot in self.plots:
            cells = self.graphics.ci.items.get(plot)
            if cells:
                rows.setdefault(min(cells)[0], []).append(plot)
        for plots in rows.values():
            height = max(plot.titleLabel.itemRect().height() for plot in plots)
            for plot in plots:
                plot.titleLabel.setMaximumHeight(height)
                plot.layout.setRowFixedHeight(0, height)

    def _widen_titles(self) -> None:
        """Give each wrapped title the room its own axes leave: ``fit_titles`` takes off the widest axes of any panel,
        the token names beside a head's matrix, and wrapped the third's title (in Chinese too) onto a line
        more, which held the matrices below the fold."""
        def beside(plot) -> float:
            return sum(plot.getAxis(side).effectiveSizeHint(Qt.PreferredSize).width()
                       for side in ("left", "right") if plot.getAxis(side).isVisible())

        widest = max((beside(plot) for plot in self.plots), default=0.0)
        layout = self.graphics.ci.layout
        layout.invalidate()  # its size hints are cached from before the titles were wrapped
        spare = self.page_width() - layout.effectiveSizeHint(Qt.MinimumSize).width()  # none when a title's least
        for plot in self.plots:  # width (``fit_titles`` wraps no narrower than six ems) already widened the row
            text = plot.titleLabel.item
            room = text.textWidth()
            more = min(widest - beside(plot), spare)
            if room <= 0 or more <= 0:
                continue  # on one line already, beside the widest axes, or no room to spare
            spare -= more
            text.setTextWidth(-1)
            if text.boundingRect().width() > room + more:
                text.setTextWidth(room + more)
            plot.titleLabel.resizeEvent(None)
            style.fit_title_row(plot)

    def fit_to_size(self) -> None:
        super().fit_to_size()
        if self.data is not None:
            self._arrange()
            self.fit_titles()

    def hover_text(self, plot, x, y) -> str:
        if self.data is None or plot not in self.plots:
            return ""
        index = self.plots.index(plot)
        matrix = self.shown[("trained", "changed", "change")[index]]
        where = cell(matrix, x, y)
        if where is None:
            return ""
        row, col = where
        if index == 2:
            return self.tr("layer {0}, head {1}: change {2}").format(row, col, fmt(float(matrix[row, col])))
        tokens = self.data.tokens
        return self.tr("query {0} ({1}) → key {2} ({3}): {4}").format(
            repr(tokens[row]), row, repr(tokens[col]), col, fmt(float(matrix[row, col])))


def beside(plot: pg.PlotItem) -> float:
    """The width of ``plot`` beside its plot area: its axes on either side and its layout's margins."""
    inner_left, _inner_top, inner_right, _inner_bottom = plot.layout.getContentsMargins()
    return inner_left + inner_right + sum(plot.getAxis(side).maximumWidth() for side in ("left", "right")
                                          if plot.getAxis(side).isVisible())


def smallest_width(plot: pg.PlotItem) -> float:
    """The narrowest ``plot``'s own layout can be (its title, axes and smallest plot area), whatever maximum it is held
    to (its size hints are: held narrower, the change of every head ran its plot area under the colour bar)."""
    return plot.layout.effectiveSizeHint(Qt.MinimumSize).width()


def above(plot: pg.PlotItem) -> float:
    """The height of ``plot`` around its plot area (its title, the names above it, its layout's margins), from its own
    layout: as laid out, a plot held lower than a title wrapped anew needed ran its plot area past its foot, and measured
    so kept it there."""
    return plot.layout.effectiveSizeHint(Qt.MinimumSize).height() - plot.vb.effectiveSizeHint(Qt.MinimumSize).height()


def square_from_corners(plots: list[pg.PlotItem]) -> None:
    """Square cells of one size in every plot of ``plots``, from the top left corner of plot areas of any shape
    (``grid.hug_cells`` keeps each about as wide as its cells): pyqtgraph's locked aspect centres the matrix, and one a
    little narrower than its neighbours started lower than theirs, its rows out of line with their names. One size:
    "changed", a little narrower than "as trained" (its names beside it narrower), had smaller cells, and its token
    names, thinned to fit its rows, were others than those beside the same rows of "as trained"."""
    shapes = [(plot, getattr(plot.vb, "cells_shape", (0, 0))) for plot in plots]
    fitting = [min(plot.vb.width() / cols, plot.vb.height() / rows) for plot, (rows, cols) in shapes
               if rows and plot.vb.width() > 0 and plot.vb.height() > 0]
    if len(fitting) < len(shapes):
        return
    cell = min(fitting)
    for plot, _shape in shapes:
        plot.setRange(xRange=(-0.5, plot.vb.width() / cell - 0.5), yRange=(-0.5, plot.vb.height() / cell - 0.5),
                      padding=0)
