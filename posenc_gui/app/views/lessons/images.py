"""Lesson: how similar one image patch's position is to every other patch under three encodings (2D
sin-cos, a resized learned grid, 2D RoPE), across video frames, and what 2D RoPE's score depends on."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtWidgets import QGraphicsRectItem

from ....core.lessons import patches
from ....core.lessons.options import step_of
from ...state import Scene
from ..cell_numbers import fmt
from ..grid import ImageGrid
from ..images import cell
from .lesson_view import LessonView


D_MODEL = patches.IMAGE_WIDTH
HEAD_DIM = patches.HEAD_WIDTH
MARK_COLOUR = "#D55E00"  # Okabe-Ito vermillion: stands out on the sequential map in both themes
NO_BREAK_HYPHEN = "\u2011"
NO_BREAK_ARROW = "\u00a0→\u00a0"
FORMULAS_SHOWN = ({"image_2d", "rope_2d"}, {"video_3d"}, {"rope_2d"})  # per step


def image_settings(scene: Scene) -> dict:
    """The image lesson's settings from ``scene.options``, clamped to what the lesson can draw."""
    values = ImagesLesson.option_values(scene)
    grid, frames = values["grid"], values["frames"]
    return {
        "step": step_of(scene.options, len(ImagesLesson.steps)),
        "grid": grid,
        "train_grid": values["train_grid"],
        "frames": frames,
        "row": min(values["row"], grid - 1),  # the chosen patch stays on the grid and in the frames shown
        "col": min(values["col"], grid - 1),
        "frame": min(values["frame"], frames - 1),
    }


class ImagesLesson(LessonView):
    """One patch against all: cosine similarity of position codes on a patch grid, for 2D sin-cos, a
    resized learned grid and 2D RoPE side by side; then the 3D code across video frames; then 2D RoPE's
    score split into the part the row offset decides and the part the column offset decides."""

    uses_method = False
    key = "images"
    # presenting in Chinese at 1280 x 720 x1.3 the first step's matrices ran 29 px below the fold; its three panels
    # stay in one row given the controls' row (the order lesson's four did not)
    controls_give_room = True
    title = "Images and video"
    steps = ("Images: one patch against all", "Video: patches across frames",
             "2D RoPE: row offset and column offset")
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
        if step == 1:
            return self.tr(
                "For video, each patch has a frame, a row and a column: a third of the channels encodes each. "
                "<b>Click a patch</b> in any frame: the panels show its similarity to every patch of every frame. "
                "The same place in the next frame is close, as are neighbours in the same frame.")
        return self.tr(
            "Axial 2D RoPE (EVA-02, RoPE-ViT) turns half of a head's pairs by the patch's row and half by its "
            "column. The score of the query at the chosen patch against the key at another is then the sum of "
            "two parts: the row pairs give a part that depends only on the row offset dy (the same along each "
            "row), the column pairs one that depends only on the column offset dx (the same down each column). "
            "<b>Click a patch</b>: the pattern moves with it and keeps its shape; only (dy, dx) counts, never "
            "where the patches are. Here q = k = all ones in one head of {0}, base 10000, the score divided by "
            "its value at offset 0.").format(HEAD_DIM)

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        self.grid = ImageGrid(self, self.tr("row"), self.tr("column"), self.tr("cosine similarity"))
        self.panels: list[tuple[str, np.ndarray]] = []
        self.marks: dict[pg.PlotItem, QGraphicsRectItem] = {}  # the chosen patch, one per panel ever shown
        self.settings = image_settings(model.scene)
        self.drawn = None  # (settings, theme, text size, panels a row) the panels show
        self._build_controls()
        self.graphics.scene().sigMouseClicked.connect(self._clicked)

    def _build_controls(self) -> None:
        row = self.controls_row()  # at x1.6 on a 1280 px projector one row ran 51 px out of sight
        self.add_option_spins(row, ("grid", "train_grid", "frames"))

    @staticmethod
    def fetch(scene: Scene):
        settings = image_settings(scene)
        return {"settings": settings, "maps": patches.similarity_maps(**settings)}

    def build_ahead(self) -> bool:
        """The first step's three panels, one a call while the window is idle (the drawing then only places them)."""
        return self.grid.build_ahead(3)

    @staticmethod
    def size(scene: Scene) -> int:
        settings = image_settings(scene)
        patches_shown = settings["grid"] ** 2
        if settings["step"] == 0:
            return patches_shown * (2 * D_MODEL + HEAD_DIM)
        if settings["step"] == 1:
            return settings["frames"] * patches_shown * D_MODEL
        return 3 * patches_shown

    def panel_titles(self, settings: dict) -> list[str]:
        # short: the intro says the sizes (D, the head's width) and that the learned table is synthetic; long titles
        # wrapped to four lines and pushed the panels below the fold while presenting
        if settings["step"] == 0:
            # the names wrap between words only: "2D sin-" / "cos" and "7×7 →" / "14×14" took a line more and shrank
            # the matrices, which are as wide as their titles wrap to
            return [self.tr("2D sin-cos (MAE)").replace("-", NO_BREAK_HYPHEN),
                    self.tr("learned {0}×{0} → {1}×{1}").format(settings["train_grid"], settings["grid"]).replace(
                        " → ", NO_BREAK_ARROW),
                    self.tr("2D RoPE")]
        if settings["step"] == 1:
            return [self.tr("frame {0}").format(t) for t in range(settings["frames"])]
        # two lines each at most when the matrices take half the room's height (on four, they were 105 px)
        return [self.tr("row + column"), self.tr("row part: dy"), self.tr("column part: dx")]

    def show_data(self, scene: Scene, data: dict) -> None:
        settings, maps = data["settings"], data["maps"]
        self.settings = settings
        self.set_intro(self.step_text(settings["step"]))
        for label, name in zip(self.formula_labels, self.formulas):
            label.setVisible(name in FORMULAS_SHOWN[settings["step"]])
        self._sync_controls(settings)
        self.show_step()
        titles = self.panel_titles(settings)
        self.panels = list(zip(titles, maps.maps.values()))
        self.shown = dict(maps.maps)
        drawn = (settings, self.theme.name, self.points)
        if drawn == self.drawn:
            return  # a change of something this lesson does not show (the method, a parameter)
        grid = settings["grid"]
        step = max(1, grid // 7)
        ticks = [[(i, str(i)) for i in range(0, grid, step)], []]
        layout = (list(self.grid.titles), self.grid.count, self.grid.look)
        self.grid.show(self.panels, None, self.colour_map(False), (min(maps.low, 0.99), 1.0), ticks, square=True)
        if (self.grid.titles, self.grid.count, self.grid.look) != layout:
            self.graphics.ci.layout.activate()  # at once: a click may come before the event loop turns
        self._mark(drawn[1:3] != (self.drawn or drawn)[1:3])
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

    def _place_marks(self, settings: dict) -> None:
        for index, mark in enumerate(self.marks[plot] for plot in self.plots):
            on_frame = settings["step"] != 1 or index == settings["frame"]
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
