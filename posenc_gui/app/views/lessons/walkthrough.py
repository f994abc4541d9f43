"""Lesson: the seed-001 walkthrough, self-attention step by step on the source article's own numbers."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel
from superqt.utils import signals_blocked

from ....core.lessons.options import step_of
from ....core.lessons.walkthrough import (WALKTHROUGH_STEPS, WalkthroughData, walkthrough_arrays, walkthrough_data,
                                          walkthrough_step)
from ...state import Scene
from ..base import captioned
from .matrix_lesson import MatrixLesson, number_text, vector_text


class WalkthroughLesson(MatrixLesson):
    """Seed 001's eight steps of self-attention on its own numbers, with every number in its cell. Clicking
    a result cell outlines the rows and columns it is made from."""

    uses_method = False
    key = "walkthrough"
    # presenting at 1280 x 720 x1.3 in Chinese the inputs' last row ran 26 px below the fold
    controls_give_room = True
    plots_ahead = 1
    title = "Self-attention step by step"
    formulas = ("walkthrough",)

    @property
    def steps(self) -> tuple[str, ...]:
        return (self.tr("Inputs: three tokens of four features"),
                self.tr("Weights: W_key, W_query and W_value (4 × 3)"),
                self.tr("Keys, queries and values: x times each weight matrix"),
                self.tr("Scores: every query against every key"),
                self.tr("Softmax: each row of scores becomes weights"),
                self.tr("Weighted values for one input"),
                self.tr("Sum: the output of that input"),
                self.tr("All outputs: exact and as the article rounded them"))

    def explanation(self) -> str:
        return self.tr(
            "The worked example of the article: three inputs of four numbers each. Each input is projected to a "
            "<b>key</b>, a <b>query</b> and a <b>value</b>; each query is compared with every key (a dot "
            "product), the scores become weights by softmax, and the output is the weighted sum of the values. "
            "<b>Click a cell</b> of a result to outline the numbers it is made from.")

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        row = self.controls_row()  # one row ran its last box 12 px out of sight presenting at 1024 x 768 x1.6
        self.scaled = QCheckBox(self.tr("Divide scores by √d (d = 3)"))
        self.scaled.setToolTip(self.tr("The article uses unscaled dot products; Transformers divide by √d"))
        self.scaled.toggled.connect(lambda on: self.model.set_option("scaled", on))
        row.addWidget(self.scaled)
        self.query = QComboBox()
        self.query.addItems(["1", "2", "3"])
        self.query.setToolTip(self.tr("The input whose weighted values and sum steps 6 and 7 show"))
        self.query.activated.connect(lambda index: self.model.set_option("query", index))
        row.addWidget(captioned(QLabel(self.tr("Follow input:")), self.query))

    @staticmethod
    def fetch(scene: Scene) -> WalkthroughData:
        step = step_of(scene.options, len(WALKTHROUGH_STEPS))
        selected = (scene.option("cell_panel", ""), int(scene.option("cell_row", 0)), int(scene.option("cell_col", 0)))
        return walkthrough_data(step, bool(scene.option("scaled", False)),
                                WalkthroughLesson.option_values(scene)["query"], selected)

    def panel_title(self, name: str, query: int) -> str:
        return {
            "x": self.tr("inputs x"), "w_key": self.tr("W_key"), "w_query": self.tr("W_query"),
            "w_value": self.tr("W_value"), "keys": self.tr("keys = x · W_key"),
            "queries": self.tr("queries = x · W_query"), "values": self.tr("values = x · W_value"),
            "scores": self.tr("scores = queries · keysᵀ"), "logits": self.tr("scores / √3"),
            "weights": self.tr("softmax, exact"), "article_weights": self.tr("softmax as the article rounded it (no scale)"),
            "weighted": self.tr("input {0}: weight × value").format(query + 1),
            "output": self.tr("output {0} = sum of the rows").format(query + 1),
            "outputs": self.tr("outputs, exact"), "article_outputs": self.tr("outputs from the article's rounded weights"),
        }[name]

    def step_note(self, data: WalkthroughData) -> str:
        step, a, q = data.step, data.arrays, data.query
        name = step.name
        if name == "inputs":
            return self.tr("Each row is one input token with four features: the article's own numbers.")
        if name == "weights":
            return self.tr("Each weight matrix maps four features to three. A trained model learns them; "
                           "the article picks small integers.")
        if name == "projections":
            return self.tr("Click a cell of keys, queries or values: the row of x and the column of the "
                           "weight matrix that multiply into it are outlined.")
        if name == "scores":
            note = self.tr("scores[i, j] = query i · key j. Click a score: its query row and key row are outlined.")
            if data.scaled:
                note += " " + self.tr("Scaled: every score is divided by √3 = {0}.").format(number_text(np.sqrt(3)))
            return note
        if name == "softmax":
            if data.scaled:
                return self.tr("Divided by √3 the scores lie closer together, so the weights are flatter: input 1 "
                               "now gets {0} instead of {1}.").format(
                    vector_text(a.weights[0]), vector_text(walkthrough_arrays().weights[0]))
            return self.tr("The article rounded the weights by hand: e² : e⁴ : e⁴ = {0} : {1} : {2} is not "
                           "0 : 0.5 : 0.5, since e² is small but not zero; the exact softmax is {3}.").format(
                *(number_text(v, 2) for v in a.exp[0]), vector_text(a.weights[0]))
        if name == "weighted":
            return self.tr("Row j is value j times input {0}'s weight for key j. Click a cell: the weight and "
                           "the value row it comes from are outlined.").format(q + 1)
        if name == "sum":
            return self.tr("Adding the weighted rows gives output {0} = {1}. Click a number: the column "
                           "it sums is outlined.").format(q + 1, vector_text(a.outputs[q]))
        if data.scaled:
            return self.tr("With the 1/√3 scale output 1 is {0}; without it {1}, and from the article's rounded "
                           "(unscaled) weights {2}.").format(
                vector_text(a.outputs[0]), vector_text(walkthrough_arrays().outputs[0]),
                vector_text(a.article_outputs[0]))
        return self.tr("From the article's rounded weights output 1 is {0}; exactly it is {1}. The rounding "
                       "of the weights carries into every output.").format(
            vector_text(a.article_outputs[0]), vector_text(a.outputs[0]))

    def show_data(self, scene: Scene, data: WalkthroughData) -> None:
        step, query = data.step, data.query
        with signals_blocked(self.scaled), signals_blocked(self.query):
            self.scaled.setChecked(data.scaled)
            self.query.setCurrentIndex(query)
        self.query.setEnabled(step.name in ("weighted", "sum"))
        self.show_step()
        self.set_note(self.step_note(data))
        with self.drawing(tuple(name for name, _ in step.panels)):
            self.draw_step(step, query)
        self.shown = dict(step.panels)

    def draw_step(self, step, query: int) -> None:
        """The step's matrices, four to a row, with the sources of the chosen cell outlined."""
        per_row = 4 if len(step.panels) > 4 else len(step.panels)
        plots = {}
        for index, (name, array) in enumerate(step.panels):
            row, col = divmod(index, per_row)
            if row:   # keys, queries and values under the weight matrices that make them
                col += 1
            row_labels = [str(query + 1)] if name == "output" else None
            plots[name] = self.matrix(row, col, name, array, self.panel_title(name, query), row_labels=row_labels,
                                      text_scale=1.5)
        for panel, kind, index in step.sources:
            plot, shape = plots[panel], dict(step.panels)[panel].shape
            if kind == "row":
                self.outline(plot, index, 0, 1, shape[1])
            elif kind == "column":
                self.outline(plot, 0, index, shape[0], 1)
            else:
                self.outline(plot, index[0], index[1], 1, 1)
        if step.selected is not None:
            panel, row, col = step.selected
            self.outline(plots[panel], row, col, 1, 1, width=1.6)

    def choose(self, panel: str, row: int, col: int) -> None:
        step = walkthrough_step(step_of(self.model.scene.options, len(WALKTHROUGH_STEPS)))
        if panel not in step.results:
            return
        chosen = {"cell_panel": panel, "cell_row": row, "cell_col": col}
        if panel in ("scores", "logits", "weights", "outputs"):
            chosen["query"] = row
        self.model.update(options={**self.model.scene.options, **chosen})
