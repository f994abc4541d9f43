"""Guided views for images and layer types: how similar one image patch's position is to every other
patch under three encodings (and across video frames), and why self-attention pays for its short paths
with a cost quadratic in the length (CNN vs RNN vs self-attention)."""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtWidgets import QGraphicsRectItem, QLabel

from ...core import layers, patches
from ..state import Scene
from .. import style
from .base import ImageGrid, cell, fmt, listed
from .lesson import LessonView

D_MODEL = 768       # ViT-B/16 width
HEAD_DIM = 64       # one ViT-B head, for 2D RoPE
MAX_GRID = 32
MAX_FRAMES = 8
MARK_COLOUR = "#D55E00"  # Okabe-Ito vermillion: stands out on the sequential map in both themes
CROSSOVERS = ("rnn", "cnn")  # the layers whose cost self-attention's overtakes: at n = d and at n = k d


def image_settings(scene: Scene) -> dict:
    """The image lesson's settings from ``scene.options``, clamped to what the lesson can draw."""
    def whole(name, default, low, high):
        return int(min(max(int(scene.option(name, default)), low), high))

    grid = whole("grid", 14, 2, MAX_GRID)
    frames = whole("frames", 4, 2, MAX_FRAMES)
    return {
        "step": whole("step", 0, 0, 1),
        "grid": grid,
        "train_grid": whole("train_grid", 7, 2, MAX_GRID),
        "frames": frames,
        "row": whole("row", 4, 0, grid - 1),
        "col": whole("col", 6, 0, grid - 1),
        "frame": whole("frame", 1, 0, frames - 1),
    }


@lru_cache(maxsize=8)
def similarity_maps(step: int, grid: int, train_grid: int, frames: int, row: int, col: int,
                    frame: int) -> dict[str, np.ndarray]:
    """The lesson's (grid, grid) maps for its settings (``image_settings``), kept for the last few (read
    only): they do not depend on the method, and computing them takes 20-50 ms at 768 channels."""
    if step == 0:
        maps = patches.image_similarities(grid, row, col, D_MODEL, train_grid, HEAD_DIM)
    else:
        video = patches.video_similarity(frames, grid, frame, row, col, D_MODEL)
        maps = {f"frame {t}": video[t] for t in range(frames)}
    for array in maps.values():
        array.flags.writeable = False
    return maps


class ImagesLesson(LessonView):
    """One patch against all: cosine similarity of position codes on a patch grid, for 2D sin-cos, a
    resized learned grid and 2D RoPE side by side; then the 3D code across video frames."""

    uses_method = False
    key = "images"
    title = "Images and video"
    steps = ("Images: one patch against all", "Video: patches across frames")
    formulas = ("image_2d", "rope_2d", "video_3d")

    def explanation(self) -> str:
        return self.step_text(0)

    def step_text(self, step: int) -> str:
        if step == 0:
            return self.tr(
                "A Vision Transformer cuts the image into patches (ViT-B/16 at 224 px: a 14 × 14 grid) and needs "
                "a position for each. <b>Click a patch</b>: each panel colours every patch by the cosine "
                "similarity of its position code to the chosen one. <b>2D sin-cos</b> (MAE): the first half of "
                "the {0} channels encodes the column, the second half the row. <b>Learned grid</b>: a table "
                "trained at another grid size, resized bicubically, as ViT does for a new image size; this table "
                "is <b>synthetic</b> (a smooth seeded stand-in, not a trained model). <b>2D RoPE</b>: in one "
                "head of {1}, half the pairs rotate by the column, half by the row, so the score of two patches "
                "depends only on their offset (dy, dx).").format(D_MODEL, HEAD_DIM)
        return self.tr(
            "For video, each patch has a frame, a row and a column: a third of the channels encodes each. "
            "<b>Click a patch</b> in any frame: the panels show its similarity to every patch of every frame. "
            "The same place in the next frame is close, as are neighbours in the same frame.")

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        self.grid = ImageGrid(self, self.tr("row"), self.tr("column"), self.tr("cosine similarity"))
        self.panels: list[tuple[str, np.ndarray]] = []
        self.marks: dict[pg.PlotItem, QGraphicsRectItem] = {}  # the chosen patch, one per panel ever shown
        self.settings = image_settings(model.scene)
        self.drawn = None  # (settings, theme, text size) the panels show
        self._build_controls()
        self.graphics.scene().sigMouseClicked.connect(self._clicked)

    def _build_controls(self) -> None:
        row = self.controls_row()
        self.add_option_spins(row, (
            ("grid", self.tr("Grid (patches per side):"), 2, MAX_GRID,
             self.tr("Patches per row and column (image size / patch size)")),
            ("train_grid", self.tr("Learned table trained at:"), 2, MAX_GRID,
             self.tr("Grid size the synthetic learned table was made for, before resizing")),
            ("frames", self.tr("Frames:"), 2, MAX_FRAMES, self.tr("Video frames shown"))))
        row.addStretch(1)

    @staticmethod
    def fetch(scene: Scene):
        settings = image_settings(scene)
        return {"settings": settings, "maps": similarity_maps(**settings)}

    def build_ahead(self) -> bool:
        """The first step's three panels, one a call while the window is idle (the drawing then only places them)."""
        return self.grid.build_ahead(3)

    @staticmethod
    def size(scene: Scene) -> int:
        settings = image_settings(scene)
        patches_shown = settings["grid"] ** 2
        if settings["step"] == 0:
            return patches_shown * (2 * D_MODEL + HEAD_DIM)
        return settings["frames"] * patches_shown * D_MODEL

    def panel_titles(self, settings: dict) -> list[str]:
        if settings["step"] == 0:
            return [self.tr("2D sin-cos (MAE), D = {0}").format(D_MODEL),
                    self.tr("Learned {0}×{0}, resized to {1}×{1} (synthetic)").format(settings["train_grid"],
                                                                                    settings["grid"]),
                    self.tr("2D RoPE, one head of {0}").format(HEAD_DIM)]
        return [self.tr("frame {0}").format(t) for t in range(settings["frames"])]

    def show_data(self, scene: Scene, data: dict) -> None:
        settings = data["settings"]
        self.settings = settings
        self.text.setText(self.step_text(settings["step"]))
        for label, name in zip(self.formula_labels, self.formulas):
            label.setVisible((name == "video_3d") == (settings["step"] == 1))
        self._sync_controls(settings)
        self.show_step()
        titles = self.panel_titles(settings)
        self.panels = list(zip(titles, data["maps"].values()))
        self.shown = dict(data["maps"])
        drawn = (settings, self.theme.name, self.points)
        if drawn == self.drawn:
            return  # a change of something this lesson does not show (the method, a parameter)
        grid = settings["grid"]
        step = max(1, grid // 7)
        ticks = [[(i, str(i)) for i in range(0, grid, step)], []]
        low = min(float(m.min()) for m in data["maps"].values())
        layout = (list(self.grid.titles), self.grid.count, self.grid.look)
        self.grid.show(self.panels, len(titles) if len(titles) <= 4 else -(-len(titles) // 2),
                       style.colour_map(False), (min(low, 0.99), 1.0), ticks, square=True)
        if (self.grid.titles, self.grid.count, self.grid.look) != layout:
            self._fit_panels()
            self.graphics.ci.layout.invalidate()  # left alone the grid keeps the old titles' shares
            self.graphics.ci.layout.activate()    # and at once: a click may come before the event loop turns
        self._mark(drawn[1:] != (self.drawn or drawn)[1:])
        self.drawn = drawn
        self._place_marks(settings)

    def _sync_controls(self, settings: dict) -> None:
        visible = {"grid": True, "train_grid": settings["step"] == 0, "frames": settings["step"] == 1}
        self.show_option_values(settings)
        for name, spin in self.spins.items():
            self.captions[name].setVisible(visible[name])
            spin.setVisible(visible[name])

    def _mark(self, new_look: bool) -> None:
        """A square around the chosen patch in every panel (new panels get theirs; a new look, new pens)."""
        pen = pg.mkPen(MARK_COLOUR, width=max(3, round(self.points / 4)))
        pen.setCosmetic(True)
        for plot in self.plots:
            if plot not in self.marks:
                mark = self.marks[plot] = QGraphicsRectItem(QRectF(-0.5, -0.5, 1, 1))
                mark.setPen(pen)
                mark.setZValue(10)
                plot.addItem(mark)
            elif new_look:
                self.marks[plot].setPen(pen)

    def _fit_panels(self) -> None:
        """Wrap long titles, then make the panels equally wide, however long their titles."""
        for plot in self.plots:  # forget the widths an earlier title asked for
            plot.setMinimumWidth(-1)
            plot.setPreferredWidth(-1)
        self.fit_titles()
        widest = max(plot.effectiveSizeHint(Qt.MinimumSize).width() for plot in self.plots)
        for plot in self.plots:
            plot.setMinimumWidth(widest)
            plot.setPreferredWidth(widest)

    def _place_marks(self, settings: dict) -> None:
        for index, mark in enumerate(self.marks[plot] for plot in self.plots):
            on_frame = settings["step"] == 0 or index == settings["frame"]
            mark.setVisible(on_frame)
            mark.setPos(QPointF(settings["col"], settings["row"]))

    def _panel_at(self, scene_pos) -> tuple[int, int, int] | None:
        """(panel, row, column) under a scene position, or None."""
        for index, plot in enumerate(self.plots[:len(self.panels)]):
            if plot.vb.sceneBoundingRect().contains(scene_pos):
                point = plot.vb.mapSceneToView(scene_pos)
                where = cell(self.panels[index][1], point.x(), point.y())
                if where is not None:
                    return index, *where
        return None

    def _clicked(self, event) -> None:
        if event.button() != Qt.LeftButton:
            return
        found = self._panel_at(event.scenePos())
        if found is not None:
            self.choose(*found)

    def choose(self, panel: int, row: int, col: int) -> None:
        """Make patch (row, col) of ``panel`` the chosen one (in video, the panel is the frame)."""
        chosen = {"row": row, "col": col}
        if self.settings["step"] == 1:
            chosen["frame"] = panel
        self.model.update(options={**self.model.scene.options, **chosen})

    def hover_text(self, plot, x, y) -> str:
        if plot not in self.plots[:len(self.panels)]:
            return ""
        index = self.plots.index(plot)
        name, matrix = self.panels[index]
        where = cell(matrix, x, y)
        if where is None:
            return ""
        row, col = where
        s = self.settings
        return self.tr("{0}: patch (row {1}, column {2}), offset (dy {3}, dx {4}): cosine {5}").format(
            name, row, col, row - s["row"], col - s["col"], fmt(float(matrix[row, col])))


def layer_settings(scene: Scene) -> dict:
    """Kernel size k and width d from ``scene.options``, clamped."""
    k = int(min(max(int(scene.option("k", 3)), 1), 64))
    d = int(min(max(int(scene.option("d", 512)), 2), 16384))
    return {"k": k, "d": d}


class LayersLesson(LessonView):
    """CNN vs RNN vs self-attention: the big-O table, cost against n on log-log axes with the crossovers
    marked, and the longest path between two tokens."""

    uses_method = False
    key = "cnn_rnn_attention"
    plots_ahead = 2
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
        self.series: list[tuple[pg.PlotItem, dict, np.ndarray]] = []
        self.marks: dict[str, tuple[pg.InfiniteLine, pg.ScatterPlotItem, pg.LabelItem]] = {}  # per crossover
        self.look = None  # (theme, text size) the plots were built for
        self.drawn = None  # the settings they show
        self._build_controls()

    def _build_controls(self) -> None:
        row = self.controls_row()
        self.add_option_spins(row, (
            ("k", self.tr("Kernel size k:"), 1, 64, self.tr("Width of the convolution kernel")),
            ("d", self.tr("Width d:"), 2, 16384, self.tr("Channels per token (d_model)"))))
        row.addStretch(1)

    @staticmethod
    def fetch(scene: Scene):
        settings = layer_settings(scene)
        k, d = settings["k"], settings["d"]
        crossovers = layers.crossovers(d, k)
        n = np.unique(np.round(np.geomspace(1, max(1e5, 10 * crossovers["cnn"]), 300)))
        meets = layers.costs(np.array(list(crossovers.values())), d, k)["self-attention"]
        return {"settings": settings, "n": n, "costs": layers.costs(n, d, k),
                "paths": layers.path_lengths(n, k), "crossovers": crossovers,
                "meets": dict(zip(crossovers, meets))}

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

    def show_data(self, scene: Scene, data: dict) -> None:
        settings = data["settings"]
        self.show_option_values(settings)
        table = self.table_html()
        if table != self.table.text():
            self.table.setText(table)
            self.fit_header()  # the header grows with the table
        self.shown = {"n": data["n"], **{f"cost {name}": v for name, v in data["costs"].items()},
                      **{f"path {name}": v for name, v in data["paths"].items()}}
        if self.look != (self.theme.name, self.points):
            self._build_plots()
        elif settings == self.drawn:
            return  # a change of something this lesson does not show (the method, a parameter)
        self.drawn = settings
        self.series = []
        for plot, key in zip(self.plots, ("costs", "paths")):
            for curve, name in zip(plot.listDataItems(), layers.TABLE):
                curve.setData(data["n"], data[key][name])
            self.series.append((plot, data[key], data["n"]))
        title = self.tr("Operations per layer (k = {0}, d = {1})").format(settings["k"], settings["d"])
        if title != self.plots[0].titleLabel.text:
            style.title(self.plots[0], title, self.theme, self.points)
            self.graphics.ci.layout.invalidate()  # lay the plots out again for the new title's width
        self._mark_crossovers(data)

    def _build_plots(self) -> None:
        """The cost and path plots with a curve per layer type, the crossover marks, and one legend for both below
        them: a legend inside each plot covered the curves and the crossover labels, and ran past the plot in large
        type. The crossovers are named in the legend, beside a dashed sample of their lines."""
        self.clear_plots()
        width = max(2.0, self.points / 5)
        names = self.layer_names()
        legend = pg.LegendItem(labelTextSize=f"{self.points:.0f}pt", labelTextColor=self.theme.foreground,
                               colCount=len(layers.TABLE))
        for col, (title, y_label) in enumerate((("", self.tr("operations")),
                                                (self.tr("Longest path between two tokens"), self.tr("steps")))):
            plot = self.new_plot(0, col)
            plot.setLogMode(x=True, y=True)
            plot.showGrid(x=True, y=True, alpha=0.25)
            for index, name in enumerate(layers.TABLE):
                curve = plot.plot(pen=pg.mkPen(style.curve_colour(index, self.theme), width=width))
                if col == 0:
                    legend.addItem(curve, names[name])
            style.label(plot, "bottom", self.tr("sequence length n"), self.theme, self.points)
            style.label(plot, "left", y_label, self.theme, self.points)
            if title:
                style.title(plot, title, self.theme, self.points)
            style.style_plot(plot, self.theme, self.points)
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

    def _mark_crossovers(self, data: dict) -> None:
        """Dashed lines at n = d and n = k d with a dot where the curves meet, named in the legend."""
        d, k = data["settings"]["d"], data["settings"]["k"]
        labels = {"rnn": self.tr("n = d = {0}").format(d), "cnn": self.tr("n = k d = {0}").format(k * d)}
        for name, n_cross in data["crossovers"].items():
            line, dot, text = self.marks[name]
            line.setValue(np.log10(n_cross))
            dot.setData([np.log10(n_cross)], [np.log10(data["meets"][name])])
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
