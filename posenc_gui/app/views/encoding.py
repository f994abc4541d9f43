"""The encoding view: the (position x dimension) heatmap, curves of chosen dimensions across
positions, and one position across dimensions."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
import shiboken6
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QSpinBox
from superqt.utils import signals_blocked

from ...core.registry import Method
from ..state import MAX_CURVES, Scene
from .. import axes, compat, style
from . import colour_bar
from .base import View, elements
from .cell_numbers import fmt
from .images import ImageItem, Picture, cell, frame_cells, picture
from .encoding_arrangement import BESIDE, EncodingArrangement


# How curves are stroked. Qt's raster engine strokes a wide pen in time proportional to the pixels it
# covers, antialiased many times slower (benchmarks/README.md), and a 1 px pen faster still. So a smooth curve (where
# stair-steps would show) is antialiased, a zigzag (where they do not) is not, and a curve that turns
# every few pixels, a band of strokes whichever the pen, is drawn 1 px wide.
MAX_SMOOTH_TURNS = 16
DENSE_TURN_PIXELS = 6


def turns(values: np.ndarray) -> int:
    """How many times a curve's slope changes sign."""
    slopes = np.diff(values)
    return int(np.count_nonzero(slopes[1:] * slopes[:-1] < 0))


class Caption(QLabel):
    """A caption that wraps only when its row has no room for it on one line: a wrapped label asks for a width of its
    own choosing, and the caption took two lines beside room to spare."""

    def __init__(self, text: str):
        super().__init__(text)
        self.setWordWrap(True)

    def sizeHint(self) -> QSize:
        return QSize(math.ceil(self.fontMetrics().horizontalAdvance(self.text())) + 2 * self.margin() + 2,
                     super().sizeHint().height())


class EncodingView(EncodingArrangement, View):
    key = "encoding"
    title = "Encoding"
    data_fields = ("method", "params")  # the chosen dimensions and position are drawn from the same table

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        self.data = np.zeros((1, 1), dtype=np.float32)
        self.steps = False  # the data shown holds whole levels: its curves are drawn as steps
        self.heat = self.new_plot(0, 0)  # placed beside the curves or above them by ``_arrange``
        axes.cell_ticks(self.heat)
        self.image = ImageItem(axisOrder="row-major")
        self.image.setAutoDownsample(True)
        self.heat.addItem(self.image)
        style.edge_matrix(self.heat)
        self.heat.invertY(True)
        self.bar = pg.ColorBarItem(values=(-1, 1), colorMap=self.colour_map(True), interactive=False, width=18)
        self.bar.setImageItem(self.image)
        self.graphics.addItem(self.bar, row=0, col=1, rowspan=2)
        colour_bar.level_bar(self.bar, lambda: [self.heat.vb], (self.heat, self.heat.vb))
        self.across_positions = self.new_plot(0, 2)
        self.across_dims = self.new_plot(1, 2)
        # beside the plot, not over its curves; beside both plots, so that many entries do not make the upper one taller
        self.legend = pg.LegendItem(labelTextSize="11pt")
        self.graphics.addItem(self.legend, row=0, col=3, rowspan=2)
        self.legend.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Fixed)  # entries together, at the top
        self.position_line = pg.InfiniteLine(angle=0, pen=pg.mkPen("#888888", width=2, style=Qt.DashLine))
        self.heat.addItem(self.position_line)
        self.curves: list[pg.PlotDataItem] = []  # the chosen dimensions' curves: the first of self.pool
        self.pool: list[pg.PlotDataItem] = []  # every curve item made so far, each with its legend row
        for plot in (self.across_positions, self.across_dims):  # long curves: min and max per pixel column
            # the title over the value axis too: a line less in large type, where the plots share the heatmap's height
            plot.layout.removeItem(plot.titleLabel)
            plot.layout.addItem(plot.titleLabel, 0, 0, 1, 3)
            plot.titleLabel.geometryChanged.connect(lambda plot=plot: self._widen_curve_title(plot))
            plot.getAxis("left").geometryChanged.connect(lambda plot=plot: self._widen_curve_title(plot))  # wider names
            plot.setDownsampling(auto=True, mode="peak")
            plot.vb.sigResized.connect(self._restroke)
            plot.getAxis("bottom").cells = True  # positions and dimensions are whole numbers: no tick at 0.5
        self.position_curve = self.across_dims.plot([], [], autoDownsampleFactor=1.0)
        self._curves_for = None    # (dims, theme, points) the curve items were built for
        self._pens: list[tuple] = []  # (wide, 1 px) pen of each curve, and last of the position curve
        self._strokes: dict[pg.PlotDataItem, dict] = {}  # the setData style options each curve was given last
        self._turns: dict[pg.PlotDataItem, tuple[int, tuple]] = {}  # each curve's turns and (wide, 1 px) pens
        self._titles: dict[pg.PlotItem, tuple] = {}
        self._signed = self._shape = self._levels = None
        self.arrangement = ""  # how the plots are placed: one of PLACES
        self._arranged_for = None  # the ``arrangement_inputs`` it was last chosen for
        self._arrange(BESIDE)
        self.graphics.scene().sigMouseClicked.connect(self._clicked)
        self._build_controls()
        self._label_axes()

    def _build_controls(self) -> None:
        """The controls, wrapping onto a second line only where one does not hold them. How to add a curve is the curve
        plot's title while it has none, and a tooltip: a hint in the row made it two lines tall presenting."""
        row = self.controls_row()
        row.addWidget(Caption(self.tr("Position shown across dimensions:")))
        self.position_box = QSpinBox()
        self.position_box.setRange(0, 0)
        self.position_box.setToolTip(self.tr("Which position (row of the heatmap) the lower-right plot shows;"
                                             " shift-click a row of the heatmap to pick it"))
        self.position_box.valueChanged.connect(lambda p: self.model.update(position=p))
        row.addWidget(self.position_box)
        clear = QPushButton(self.tr("Clear curves"))
        clear.setToolTip(self.tr("Click a column of the heatmap to add or remove its curve."))
        clear.clicked.connect(lambda: self.model.update(dims=()))
        row.addWidget(clear)

    def _label_axes(self) -> None:
        dimension, position, value = self.tr("dimension"), self.tr("position"), self.tr("value")
        style.label(self.heat, "bottom", dimension, self.theme, self.points)
        style.label(self.heat, "left", position, self.theme, self.points)
        # the curve plots' titles say what runs along them ("... across positions"): a bottom label too took a line each
        style.label(self.across_positions, "left", value, self.theme, self.points)
        style.label(self.across_dims, "left", value, self.theme, self.points)
        style.bar_label(self.bar, value, self.theme, self.points)

    @staticmethod
    def applies_to(method: Method) -> bool:
        return "encoding" in method.outputs

    @staticmethod
    def fetch(scene: Scene):
        encoding = scene.compute("encoding")
        return encoding, picture(encoding[None], 1, robust=True)

    @staticmethod
    def size(scene: Scene) -> int:
        return elements(scene, "encoding")

    def set_look(self, theme, points) -> None:
        super().set_look(theme, points)
        self.bar.getAxis("right").setPen(pg.mkPen(theme.foreground))
        self.bar.getAxis("right").setTextPen(pg.mkPen(theme.foreground))
        font = self.font()
        font.setPointSizeF(points * 0.85)
        self.bar.getAxis("right").setStyle(tickFont=font)
        colour_bar.keep_level(self.bar)  # its names as far apart as the heatmap's height holds them
        # position 0's name, centred on the heatmap's top edge, reaches into the margin above (pyqtgraph drops a name
        # 15 px past its axis: in Chinese at x1.3 presenting, the first row of the heatmap went unnamed)
        self.heat.getAxis("left").setStyle(hideOverlappingLabels=self.graphics.ci.layout.getContentsMargins()[1])
        self.legend.setLabelTextColor(theme.foreground)
        self.legend.setLabelTextSize(f"{points * 0.85:.0f}pt")
        self._label_axes()
        self._draw_curves(self.model.scene)

    def show_data(self, scene: Scene, fetched: tuple[np.ndarray, Picture]) -> None:
        data, drawn = fetched
        self.data = data
        # the curves are redrawn on a new look with the data shown, whatever method the model has come to since
        self.steps = scene.method_obj.output("encoding").steps
        self.shown = {"encoding": data}
        rows, cols = data.shape
        (low, high), signed, outlier = drawn.levels, drawn.signed, drawn.outlier
        self.image.setImage(drawn.pixels[0], levels=(low, high))
        # the outlier's index is into the table (its first axis the panel's); its value comes from the data
        self._title(self.heat, "" if outlier is None else self.tr(
            "colours clipped at {0}: position {1}, dimension {2} reaches {3}").format(
            fmt(high), outlier[1], outlier[2], fmt(float(data[outlier[1:]]))))
        if signed != self._signed:
            cmap = self.colour_map(signed)
            self.image.setColorMap(cmap)
            self.bar.setColorMap(cmap)
            self._signed = signed
        if (low, high) != self._levels:  # unchanged levels leave the colour bar and value axes as drawn
            self.bar.setLevels((low, high))
            axes.measure_names(self.bar.getAxis("right"))
            self._levels = (low, high)
            colour_bar.keep_level(self.bar)
            # curves on the colour bar's scale, or on the whole range when the colours are clipped at an outlier
            curve_low, curve_high = (low, high) if outlier is None else drawn.full_levels
            for plot in (self.across_positions, self.across_dims):
                plot.setYRange(curve_low, curve_high)
        if data.shape != self._shape:  # a new size resets the heatmap's zoom; a new value keeps it
            self.image.setRect(-0.5, -0.5, cols, rows)
            frame_cells(self.heat, rows, cols)
            # the curves' x ranges, as auto-range would pick them, set once (not re-measured on every update)
            self.across_positions.setXRange(0, rows - 1)
            self.across_dims.setXRange(0, cols - 1)
            self._shape = data.shape
        self._show_chosen(scene)

    def show_selection(self, scene: Scene, fetched) -> None:
        """Only what the chosen dimensions and position change: the heatmap of the same table stays as drawn."""
        self._show_chosen(scene)
        self.keep_plots_readable()

    def _show_chosen(self, scene: Scene) -> None:
        """The chosen position in its box and the curves of the chosen dimensions and position."""
        rows = self.data.shape[0]
        with signals_blocked(self.position_box):
            self.position_box.setRange(0, max(rows - 1, scene.position))
            self.position_box.setValue(scene.position)
        self._draw_curves(scene)

    def _draw_curves(self, scene: Scene) -> None:
        """New values go into the kept curve items; items and legend are rebuilt only when the chosen
        dimensions, the theme or the font size change."""
        data = self.data
        rows, cols = data.shape
        dims = [d for d in scene.dims if d < cols]
        if (tuple(dims), self.theme, self.points) != self._curves_for:
            self._rebuild_curves(dims)
        pixels = self.across_positions.vb.width()
        if self.steps:  # each value holds over its position's width
            positions, shape = np.arange(rows + 1) - 0.5, {"stepMode": "center"}
        else:
            positions, shape = np.arange(rows), {"stepMode": None}
        for curve, pens, dim in zip(self.curves, self._pens, dims):
            # pyqtgraph's peak downsampling pairs x with y, which a step curve (one edge more) cannot take; switched,
            # it redraws the data the curve holds at once: off before step data goes in, on after the steps are gone
            if self.steps:
                curve.setDownsampling(auto=False)
            self._set_curve(curve, pens, positions, data[:, dim], pixels, **shape)
            if not self.steps:
                curve.setDownsampling(auto=True)
        position = min(scene.position, rows - 1)
        self._set_curve(self.position_curve, self._pens[-1], np.arange(cols), data[position],
                        self.across_dims.vb.width(), symbol="o" if cols <= 64 else None)
        self._title(self.across_positions, self.tr("chosen dimensions across positions") if dims else
                    self.tr("click a heatmap column to draw it"))
        self._title(self.across_dims, self.tr("position {0} across dimensions").format(position))
        self.position_line.setValue(position)

    def _rebuild_curves(self, dims: list[int]) -> None:
        """One curve and legend row per chosen dimension, taken from a pool that only grows: items are
        made once and hidden when not needed (each new Qt object made from Python leaks a little with
        PySide6 6.11). Longer than about two points per pixel, a curve is drawn as the minimum and
        maximum of each pixel column (the same picture, fewer lines)."""
        while len(self.pool) < len(dims):
            curve = self.across_positions.plot([], [], autoDownsampleFactor=1.0)
            self.legend.addItem(curve, self.tr("dim {0}").format(dims[len(self.pool)]))
            self.pool.append(curve)
        self._strokes.clear()
        self._turns.clear()
        width = max(2.0, self.points / 6)
        colours = [style.curve_colour(number, self.theme) for number in range(len(dims))]
        self._pens = [(pg.mkPen(colour, width=width), pg.mkPen(colour, width=1))
                      for colour in colours + [style.curve_colour(0, self.theme)]]
        entries = compat.legend_entries(self.legend)
        for row, (curve, (sample, label)) in enumerate(zip(self.pool, entries)):
            used = row < len(dims)
            for item in (sample, label):
                item.setVisible(used)
            curve.setVisible(used)
            if used:
                label.setText(self.tr("dim {0}").format(dims[row]))
            else:
                curve.setData([], [])
        compat.lay_out_legend(self.legend, entries[:len(dims)])
        self.curves = self.pool[:len(dims)]
        style.set_symbol_look(self.position_curve, style.curve_colour(0, self.theme))
        self.position_curve.setSymbolSize(6)
        self._curves_for = (tuple(dims), self.theme, self.points)

    def _set_curve(self, curve: pg.PlotDataItem, pens: tuple, x: np.ndarray, y: np.ndarray, pixels: float,
                   **options) -> None:
        """New values into a kept curve, stroked as the comment on MAX_SMOOTH_TURNS says; ``pens`` is
        (wide, 1 px), ``pixels`` the plot's width. The stroke is passed only when it changes (passing it
        restyles the curve and its legend entry)."""
        count = turns(y)
        self._turns[curve] = (count, pens)
        stroke = dict(antialias=count <= MAX_SMOOTH_TURNS, pen=pens[count * DENSE_TURN_PIXELS > pixels > 0], **options)
        if self._strokes.get(curve) == stroke:
            curve.setData(x, y)
        else:
            curve.setData(x, y, **stroke)
            self._strokes[curve] = stroke

    def _restroke(self) -> None:
        """A curve's pen again for its plot's new width (F11, a dock moved): a curve dense in a narrow plot is drawn
        1 px wide, and wide once the plot has room for its turns, as it is when first drawn at that width."""
        for curve, (count, pens) in self._turns.items():
            stroke = self._strokes.get(curve)
            pen = pens[count * DENSE_TURN_PIXELS > curve.getViewBox().width() > 0]
            if stroke is not None and stroke["pen"] is not pen:
                curve.setPen(pen)
                stroke["pen"] = pen

    def _title(self, plot: pg.PlotItem, text: str) -> None:
        """Set a plot's title only when it changed (setting it lays the plot out again)."""
        if self._titles.get(plot) != (text, self.theme, self.points):
            style.title(plot, text, self.theme, self.points)
            if plot is not self.heat:
                self._fit_curve_title_row(plot)
            self._titles[plot] = (text, self.theme, self.points)

    def fit_titles(self) -> None:
        """Titles wrapped to an estimate of their columns' share, then the curve plots' to their own width."""
        super().fit_titles()
        for plot in (self.across_positions, self.across_dims):
            self._widen_curve_title(plot)

    def _widen_curve_title(self, plot: pg.PlotItem) -> None:
        """A curve plot's wrapped title on as few lines as the width it was laid out at holds, up to its column's share
        of the page (``_columns``; beside the heatmap, half the width they share): ``fit_titles`` wraps to an estimate
        of the column's share, which the heatmap's column gives way to, and at the estimate an English title took four
        lines of the height that the heatmap and both plots share presenting. (A title wider than its share would widen
        its column, and its column's width would widen it, until the heatmap was squeezed.) Called again whenever the
        title is given a new width."""
        if not shiboken6.isValid(plot.layout):  # a view torn down: Qt moves the title as it takes the plot apart
            return
        shared = self._columns(self.arrangement, self.graphics.width())[1]
        text, room = plot.titleLabel.item, min(plot.titleLabel.width(), shared)
        if 0 <= text.textWidth() < room - 1:  # wrapped narrower than it may be
            text.setTextWidth(-1)
            if text.boundingRect().width() > room:
                text.setTextWidth(room)
                text.setTextWidth(math.ceil(text.document().idealWidth()))  # the same lines, in a box as wide as they
            plot.titleLabel.resizeEvent(None)
            self._fit_curve_title_row(plot)
            self.ask_plot_height()  # fewer lines: the page's height that more lines asked for is given back
            return
        self._fit_curve_title_row(plot)

    def _fit_curve_title_row(self, plot: pg.PlotItem) -> None:
        """A curve plot's title row as tall as its text, and half a tick name more when the text reaches over the value
        axis: the axis's top name stands half its height above the plot. Only a new height is set (setting one lays the
        plot out again)."""
        if not plot.titleLabel.text:
            return
        label, axis = plot.titleLabel, plot.getAxis("left")
        text = label.itemRect().height()
        over_axis = (label.width() - label.item.boundingRect().width()) / 2 < axis.width() + 1  # (centred)
        names = axis.style["tickFont"] or self.font()
        row = text + (math.ceil(QFontMetricsF(names).height() / 2) if over_axis else 0)
        if label.maximumHeight() != text:
            label.setMaximumHeight(text)
        if plot.layout.rowMaximumHeight(0) != row or plot.layout.rowMinimumHeight(0) != row:
            plot.layout.setRowFixedHeight(0, row)

    def hover_text(self, plot, x, y) -> str:
        if plot is self.heat:
            where = cell(self.data, x, y)
            if where:
                p, i = where
                return self.tr("position {0}, dimension {1}: {2}").format(p, i, fmt(float(self.data[p, i])))
        elif plot is self.across_positions:
            return self.tr("position {0}, value {1}").format(f"{x:.0f}", f"{y:.4g}")
        elif plot is self.across_dims:
            return self.tr("dimension {0}, value {1}").format(f"{x:.0f}", f"{y:.4g}")
        return ""

    def _clicked(self, event) -> None:
        if event.button() != Qt.LeftButton:
            return
        pos = event.scenePos()
        if not self.heat.vb.sceneBoundingRect().contains(pos):
            return
        point = self.heat.vb.mapSceneToView(pos)
        where = cell(self.data, point.x(), point.y())
        if where is None:
            return
        row, col = where
        if event.modifiers() & Qt.ShiftModifier:
            self.model.update(position=row)
            return
        dims = list(self.model.scene.dims)
        if col in dims:
            dims.remove(col)
        else:
            dims.append(col)
        self.model.update(dims=tuple(dims[-MAX_CURVES:]))
