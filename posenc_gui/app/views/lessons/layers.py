"""Lesson: CNN vs RNN vs self-attention, why self-attention pays for its short paths with a cost quadratic
in the length."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QLabel

from ....core.lessons import layers
from ....core.lessons.layers import LayerComparison
from ...state import Scene
from ... import style
from ..axis_name import keep_name_along
from ..base import listed
from ..cell_numbers import fmt
from .frequency_lesson import LEGEND_GAP, LEGEND_SAMPLE, legend_columns
from .lesson_view import LessonView


CROSSOVERS = ("rnn", "cnn")  # the layers whose cost self-attention's overtakes: at n = d and at n = k d


def layer_settings(scene: Scene) -> dict:
    """Kernel size k and width d from ``scene.options``, clamped."""
    return LayersLesson.option_values(scene)


class LayersLesson(LessonView):
    """CNN vs RNN vs self-attention: the big-O table, cost against n on log-log axes with the crossovers
    marked, and the longest path between two tokens."""

    uses_method = False
    key = "cnn_rnn_attention"
    plots_ahead = 2
    controls_give_room = True  # presenting, k and d hide where the page would scroll (P brings them back)
    title = "CNN, RNN or self-attention"
    formulas = ("layer_crossovers",)

    def explanation(self) -> str:
        return self.tr(
            "Three ways to turn n tokens of width d into n new ones. A <b>recurrent</b> layer must go token "
            "by token (n sequential steps) and a signal from the first token needs n steps to reach the last. "
            "A <b>convolution</b> (kernel k) works in parallel but needs n/k layers to connect the ends. "
            "<b>Self-attention</b> connects every pair in one step, at a cost of n² d: more than the RNN once "
            "n &gt; d, more than the CNN once n &gt; k d.")

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        self.table = QLabel()
        self.table.setTextFormat(Qt.RichText)
        self.table.setWordWrap(True)  # the cells wrap rather than the table running off a narrow window
        self.header.layout().insertWidget(1, self.table)
        self.folded_away.append(self.table)  # behind the intro's "more" link when the plots would be out of sight
        self.series: list[tuple[pg.PlotItem, dict, np.ndarray]] = []
        self.marks: dict[str, tuple[pg.InfiniteLine, pg.ScatterPlotItem, pg.LabelItem]] = {}  # per crossover
        self.look = None  # (theme, text size) the plots were built for
        self.drawn = None  # the settings they show
        self._build_controls()

    def _build_controls(self) -> None:
        self.add_option_spins(self.controls_row(), ("k", "d"))

    @staticmethod
    def fetch(scene: Scene):
        settings = layer_settings(scene)
        return layers.compare_layers(settings["k"], settings["d"])

    def layer_names(self) -> dict[str, str]:
        """The layer types of ``layers.TABLE``, as the reader sees them."""
        return {"cnn": self.tr("Convolution (kernel k)"), "rnn": self.tr("Recurrent"),
                "self-attention": self.tr("Self-attention")}

    def table_html(self) -> str:
        def big_o(text):
            return text.replace("^2", "<sup>2</sup>").replace(" ", "&#8201;")

        head = "".join(f"<th align='left'>{text}</th>" for text in (
            self.tr("Layer"), self.tr("Complexity per layer"), self.tr("Sequential operations"),
            self.tr("Maximum path length")))
        names = self.layer_names()
        rows = "".join(
            f"<tr><td>{names[name]}</td>"
            + "".join(f"<td><i>{big_o(entry)}</i></td>" for entry in layers.TABLE[name]) + "</tr>"
            for name in layers.TABLE)
        return (f"<table cellspacing='0' cellpadding='6' border='1' style='border-color:#808080; "
                f"border-style:solid'><tr>{head}</tr>{rows}</table>")

    def show_data(self, scene: Scene, data: LayerComparison) -> None:
        settings = {"k": data.k, "d": data.d}
        self.show_option_values(settings)
        table = self.table_html()
        if table != self.table.text():
            self.table.setText(table)
            self.fit_header()  # the header grows with the table
        self.shown = {"n": data.n, **{f"cost {name}": v for name, v in data.costs.items()},
                      **{f"path {name}": v for name, v in data.paths.items()}}
        if self.look != (self.theme.name, self.points):
            self._build_plots()
        elif settings == self.drawn:
            return  # a change of something this lesson does not show (the method, a parameter)
        self.drawn = settings
        self.series = []
        for plot, key in zip(self.plots, ("costs", "paths")):
            for curve, name in zip(plot.listDataItems(), layers.TABLE):
                curve.setData(data.n, data.series(key)[name])
            self.series.append((plot, data.series(key), data.n))
        self._mark_crossovers(data)

    def steps_ahead(self):
        """The plots, curves, marks and legend of the first drawing, a plot a step, unless a drawing came first."""
        if self.drawn is not None:  # drawn already (the lecturer opened it): building would clear what is shown
            return
        look = (self.theme.name, self.points)
        for _ in self._build_steps():
            yield
            if self.drawn is not None:  # drawn meanwhile: that drawing built its own
                return
        if (self.theme.name, self.points) != look:  # a new look came meanwhile: the drawing builds anew
            self.look = None

    def _build_plots(self) -> None:
        for _ in self._build_steps():
            pass

    def _build_steps(self):
        """The cost and path plots with a curve per layer type, the crossover marks, and one legend for both below
        them: a legend inside each plot covered the curves and the crossover labels, and ran past the plot in large
        type. The crossovers are named in the legend, beside a dashed sample of their lines, with the values of k and
        d. The titles and axis names are short, as the header's table names its columns: "Operations per layer (k = 3,
        d = 512)" and "Longest path between two tokens" took three lines in Chinese presenting at 1024 x 768 x1.6, and
        the legend's second row fell below the fold; in English there "Operations per layer" took two lines, "sequence
        length n" two, and "operations", written along the axis, held the plots 260 px tall: the legend was 188 px
        below the fold."""
        self.clear_plots()
        width = max(2.0, self.points / 5)
        names = self.layer_names()
        legend = pg.LegendItem(labelTextSize=f"{self.points:.0f}pt", labelTextColor=self.theme.foreground,
                               colCount=self.legend_columns(names.values()))
        for col, (title, y_label) in enumerate(((self.tr("Ops per layer"), self.tr("ops")),
                                                (self.tr("Longest path"), self.tr("steps")))):
            plot = self.new_plot(0, col)
            plot.setLogMode(x=True, y=True)
            plot.showGrid(x=True, y=True, alpha=0.25)
            for index, name in enumerate(layers.TABLE):
                curve = plot.plot(pen=pg.mkPen(style.curve_colour(index, self.theme), width=width))
                if col == 0:
                    legend.addItem(curve, names[name])
            style.label(plot, "bottom", self.tr("length n"), self.theme, self.points)
            style.label(plot, "left", y_label, self.theme, self.points)
            style.title(plot, title, self.theme, self.points)
            style.style_plot(plot, self.theme, self.points)
            keep_name_along(plot.getAxis("bottom"))  # 'sequence length n' was longer than half a 1024 px page at x1.6
            yield
        self.marks = {}
        for name in CROSSOVERS:
            colour = style.curve_colour(list(layers.TABLE).index(name), self.theme)
            line = pg.InfiniteLine(angle=90, pen=pg.mkPen(colour, width=2, style=Qt.DashLine))
            self.plots[0].addItem(line)
            dot = pg.ScatterPlotItem(size=self.points, brush=pg.mkBrush(colour), pen=pg.mkPen(self.theme.foreground))
            self.plots[0].addItem(dot)
            legend.addItem(pg.PlotDataItem(pen=line.pen), "")
            self.marks[name] = (line, dot, legend.items[-1][1])
        self.graphics.addItem(legend, row=1, col=0, colspan=2)
        self.look = (self.theme.name, self.points)

    def legend_columns(self, names) -> int:
        """The fewest rows of legend entries the page's width holds (``frequency_lesson.legend_columns``), each column
        as wide as its widest entry, the crossovers' ("n = k d = 1024") included: sized for the longest name in every
        column, three entries a row did not fit at 1280 px and x1.3 presenting, and the legend's third row ran below
        the fold."""
        font = QFont(self.font())
        font.setPointSizeF(self.points)
        metrics = QFontMetricsF(font)
        entries = [LEGEND_SAMPLE + metrics.horizontalAdvance(name) + LEGEND_GAP
                   for name in [*names, "n = d = 00000", "n = k d = 00000"]]
        return legend_columns(entries, len(entries), self.page_width())

    def _mark_crossovers(self, data: LayerComparison) -> None:
        """Dashed lines at n = d and n = k d with a dot where the curves meet, named in the legend."""
        d, k = data.d, data.k
        labels = {"rnn": self.tr("n = d = {0}").format(d), "cnn": self.tr("n = k d = {0}").format(k * d)}
        for name, n_cross in data.crossovers.items():
            line, dot, text = self.marks[name]
            line.setValue(np.log10(n_cross))
            dot.setData([np.log10(n_cross)], [np.log10(data.meets[name])])
            if text.text != labels[name]:
                text.setText(labels[name])

    def set_look(self, theme, points) -> None:
        super().set_look(theme, points)
        font = self.table.font()
        font.setPointSizeF(points)
        self.table.setFont(font)

    def hover_text(self, plot, x, y) -> str:
        for item, values, n in self.series:
            if item is plot:
                index = int(np.clip(np.searchsorted(n, 10 ** x), 0, len(n) - 1))
                names = self.layer_names()
                parts = listed(f"{names[name]} {fmt(float(v[index]))}" for name, v in values.items())
                return self.tr("n = {0}: {1}").format(f"{n[index]:g}", parts)
        return ""
