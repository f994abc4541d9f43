"""Lesson: why word order needs a position signal, the same words in two orders through toy self-attention."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QComboBox, QLabel, QSizePolicy

from ....core.lessons.order import ORDER_PAIRS, OrderData, order_data
from ....core.attention import how_applied
from ....core.params import InputError
from ....core.registry import Method
from ...state import Scene
from ... import i18n
from ..base import captioned
from ..cell_numbers import fmt
from ..flow import fill_line
from .matrix_lesson import MatrixLesson, channel_labels


TOY_WIDTH = 64  # attention_for's width for a method that sets none


def order_applies(method: Method) -> bool:
    try:
        how_applied(method)
    except InputError:
        return False
    return True


class OrderLesson(MatrixLesson):
    """Two orderings of the same words through toy self-attention: with no position signal the outputs are
    the same rows moved; with the scene's method they differ."""

    key = "order"
    shrinks_to_room = True
    arranged_by_room = True
    plots_ahead = 4
    title = "Why order matters"
    formulas = ("order",)

    def explanation(self) -> str:
        return self.tr(
            "“The cat chases the mouse” and “the mouse chases the cat” (猫追老鼠, 老鼠追猫) use the same words. Self-attention without "
            "any position signal (NoPE, no mask) sees a <b>set</b> of words: reordering the words only reorders "
            "the output rows, so both sentences mean the same to it. With a position encoding (the method chosen "
            "in the panel; try the causal switch too) the outputs really differ.")

    @staticmethod
    def applies_to(method: Method) -> bool:
        return order_applies(method)

    def ignored_params(self) -> dict[str, str]:
        return {"seq_len": self.tr("Not used here: the sentence sets the length")}

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        row = self.controls_row()
        self.pair = QComboBox()
        # as wide as the row allows, not as the longest pair of sentences (which pushed the page out of sight)
        self.pair.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.pair.setMinimumContentsLength(12)
        for key, (a, b) in ORDER_PAIRS.items():
            self.pair.addItem(f"{a}  /  {b}", key)
        self.pair.activated.connect(lambda index: self.model.set_option("pair", self.pair.itemData(index)))
        self.pair.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)  # the rest of the line: the pair whole
        row.addWidget(fill_line(captioned(QLabel(self.tr("Sentences:")), self.pair)))

    @staticmethod
    def fetch(scene: Scene) -> OrderData:
        # one toy model for every method and seed, as in the attention view
        return order_data(scene.option("pair", "zh"), scene.method, scene.params,
                          heads=int(scene.params.get("heads", 4)), causal=scene.causal)

    @staticmethod
    def size(scene: Scene) -> int:
        """The seeded projections (3, width, width) the method's side draws and uses, as in the attention
        view: the width is heads x d_model for a rotary method (millions of numbers), d_model for an added
        encoding, ``TOY_WIDTH`` otherwise. Counted twice: drawn in float32, then made float64."""
        how = how_applied(scene.method_obj)
        width = int(scene.params.get("d_model", TOY_WIDTH)) if how in ("add", "rotate") else TOY_WIDTH
        if how == "rotate":
            width *= int(scene.params.get("heads", 4))
        return 2 * 3 * width * width

    def verdict(self, perm, difference: float) -> str:
        order = ", ".join(str(i + 1) for i in perm)
        if difference < 1e-9:
            return self.tr("B takes A's words in the order {0}. Put back in A's order, B's output rows differ from "
                           "A's by at most {1} (rounding): the same rows, only moved. Order is invisible."
                           ).format(order, f"{difference:.1e}")
        return self.tr("B takes A's words in the order {0}. Put back in A's order, B's output rows differ from "
                       "A's by up to {1}: different outputs. Order is seen.").format(order, fmt(difference))

    def panel_title(self, name: str, letter: str, sentence: str) -> str:
        """A panel's title; short of room, the letter and the method only: the rows' names and the sentences' box above
        say the sentence (four panels in a row wrapped "Transformer-XL relative: outputs of A “猫追老鼠”" onto five
        lines, and the page scrolled 49 px presenting at 1280 x 720 x1.3 in Chinese). The letter first: after the
        method's last word, "(logarithmic): B" ran 4 px past the last panel at 1280 x 720 x1.3 in English. Presenting
        only: at a desk the page scrolls, and the short titles put four panels in a row where they did not fit (at
        1280 x 720 x1.6 'B: KERPLE (logarithmic)' 11 px past the page)."""
        if self.short_of_room and self.presenting:
            return self.tr("{0}: {1}").format(letter, name)
        return self.tr("{0}: outputs of {1} “{2}”").format(name, letter, sentence)

    def show_data(self, scene: Scene, data: OrderData) -> None:
        for _panel in self._drawing(scene, data):
            pass

    def drawing_steps(self, scene: Scene, data: OrderData):
        """Built ahead: the four panels a step each, then ``show_data``, which finds them drawn and ends as every
        drawing does."""
        yield from self._drawing(scene, data)
        yield
        self.show_data(scene, data)

    def _drawing(self, scene: Scene, data: OrderData):
        """The drawing of ``show_data``, yielding after each panel."""
        result = data.test
        self.pair.setCurrentIndex(list(ORDER_PAIRS).index(data.pair))
        method = i18n.translate("core", scene.method_obj.title) + (self.tr(", causal") if scene.causal else "")
        sides = ((self.tr("NoPE, no mask"), "nope"), (method, "method"))
        sentences = data.sentences
        # the two ways side by side, else one above the other; short of room, the four panels in one row
        across = self.plots_across(2 * len(sides) if self.short_of_room else len(sides))
        with self.drawing(("two sentences, two ways", across)):
            for col, (name, prefix) in enumerate(sides):
                a, b = result.outputs(prefix)
                extent = float(max(np.abs(a).max(), np.abs(b).max(), 1e-12))
                for row, (tokens, outputs, letter, text) in enumerate(((result.tokens_a, a, "A", sentences[0]),
                                                                       (result.tokens_b, b, "B", sentences[1]))):
                    spot = (0, 2 * col + row) if across >= 4 else (row, col) if across > 1 else (2 * col + row, 0)
                    self.matrix(*spot, f"{prefix}_{letter}", outputs, self.panel_title(name, letter, text),
                                signed=True, levels=(-extent, extent), texts=np.full(outputs.shape, ""),
                                row_labels=tokens, col_labels=channel_labels(outputs.shape[1]), square=False)
                    yield
        self.set_note("<br>".join(self.tr("<b>{0}:</b> {1}").format(name, self.verdict(result.perm, result.difference(prefix)))
                                  for name, prefix in sides))
        self.shown = {"nope_a": result.nope_a, "nope_b": result.nope_b, "method_a": result.method_a,
                      "method_b": result.method_b, "perm": result.perm}
