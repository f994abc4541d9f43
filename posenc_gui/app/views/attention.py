"""The attention pane: toy self-attention over typed tokens with the scene's method applied
(all numbers come from ``core.attention.attention_for``). One head or all heads as small multiples;
the position-only switch shows the content part and the position part beside each other."""

from __future__ import annotations

from contextlib import ExitStack

import numpy as np
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel
from superqt.utils import signals_blocked

from ...core.attention import attention_for, drawing_projection_bank
from ...core.params import InputError
from ...core.registry import Entry, Method
from ...core.tokens import tokenize
from .. import axes, colour_levels, i18n, style
from ..cjk_breaks import NO_BREAK_SPACE
from ..state import Scene
from .base import View, captioned, most_default_heads
from .cell_numbers import fmt
from .flow import SentenceBox
from .grid import ImageGrid, own_scales_switch, sync_own_scales
from .images import panel_cell
from .matrix_panels import name_columns_in_corner

DEFAULT_HEADS = 4      # for methods without a heads parameter
MAX_VALUE_CELLS = 12   # values are printed in the cells up to this many tokens
MAX_LABELLED = 40      # token names on the axes up to this many tokens
MAX_VALUE_PANELS = 4   # ... and only when the panels are big enough to read them


def head_count(scene: Scene) -> int:
    return int(scene.params.get("heads", DEFAULT_HEADS))


def panels_for(scene: Scene, result) -> list[tuple[str, np.ndarray]]:
    """(title, (N, N) weights) of every panel the scene asks for, in reading order."""
    return [(title, weights) for title, weights, _ in panels_with_sinks(scene, result)]


def panels_with_sinks(scene: Scene, result) -> list[tuple[str, np.ndarray, np.ndarray | None]]:
    """(title, (N, N) weights, (N,) what each query gives the sink or None) of every panel, in reading order. With
    a method's sinks the title says how much of the attention the sink takes, on average over the queries."""
    heads = range(result.weights.shape[0]) if scene.head == "all" else [scene.head]
    panels = []
    for h in heads:
        name = i18n.translate("AttentionView", "head {0}").format(h)
        full = (result.weights[h], None if result.sinks is None else result.sink_weights[h])
        if scene.position_only:
            content, content_sinks = result.content_parts
            position, position_sinks = result.position_parts
            if scene.head != "all":
                panels.append((unbroken_phrases(i18n.translate("AttentionView", "{0}: full").format(name)), *full))
            panels.append((unbroken_phrases(i18n.translate("AttentionView", "{0}: content").format(name)),
                           content[h], None if content_sinks is None else content_sinks[h]))
            panels.append((unbroken_phrases(i18n.translate("AttentionView", "{0}: position").format(name)),
                           position[h], None if position_sinks is None else position_sinks[h]))
        else:
            panels.append((name, *full))
    return [(title if sinks is None else i18n.translate("AttentionView", "{0} · sink {1}").format(
                 title, f"{float(sinks.mean()):.0%}"), weights, sinks) for title, weights, sinks in panels]


def unbroken_phrases(title: str) -> str:
    """A part's title ("head 0: position") that wraps after its colon only: "head 0: content only" wrapped to a narrow
    panel read "head 0: content" over "only" (the Chinese colon is a full-width one, after which Qt breaks anyway).
    The parts are named in a word each: "position only", kept whole, held every panel of all heads' parts 230 px wide
    presenting at 1280 x 720 x1.3, two columns of 53 px matrices, and the page scrolled 389 px."""
    return ": ".join(side.replace(" ", NO_BREAK_SPACE) for side in title.split(": "))


def hidden_cells(scene: Scene, result) -> list[np.ndarray]:
    """(N, N) bool per panel, in the order of ``panels_with_sinks``: the keys a query cannot see (the causal mask, a
    window's or chunk's -inf logits). They are drawn hatched without a number: a weight of 0 there read as a key
    seen and ignored."""
    heads = range(result.weights.shape[0]) if scene.head == "all" else [scene.head]
    per_head = (2 if scene.head == "all" else 3) if scene.position_only else 1
    causal = False if result.mask is None else ~result.mask
    return [np.isneginf(result.logits[h]) | causal for h in heads for _ in range(per_head)]


class AttentionView(View):
    key = "attention"
    title = "Attention"
    data_fields = ("method", "params", "text", "causal", "head")  # every head's weights: the parts are drawn from them

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        self.projections_ahead = drawing_projection_bank()
        self.panels: list[tuple[str, np.ndarray]] = []
        self.tokens: list[str] = []
        self.panel_sinks: list[np.ndarray | None] = []  # per panel, what each query gives the method's sink
        self.grid = ImageGrid(self, self.tr("query"), self.tr("key"), self.tr("weight"))
        self._build_controls()

    def ignored_params(self) -> dict[str, str]:
        return {"seq_len": self.tr("Not used here: the tokens set the length")}

    def _build_controls(self) -> None:
        row = self.controls_row()  # in large type the row did not fit: its last box was out of sight
        self.text = SentenceBox()
        self.text.setToolTip(self.tr("Words separated by spaces (Chinese text: one token per character)"))
        self.text.textChanged.connect(lambda text: self.model.update(text=text))
        row.addWidget(captioned(QLabel(self.tr("Tokens:")), self.text))
        self.head = QComboBox()
        self.head.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)  # the row fits large text
        self.head.setMinimumContentsLength(6)
        self.head.setToolTip(self.tr("One head, or all heads as small multiples"))
        self.head.activated.connect(self._head_chosen)
        row.addWidget(captioned(QLabel(self.tr("Head:")), self.head))
        self.causal = QCheckBox(self.tr("Causal"))
        self.causal.setToolTip(self.tr("Decoder form: each token attends only to itself and earlier tokens"))
        self.causal.toggled.connect(lambda on: self.model.update(causal=on))
        row.addWidget(self.causal)
        self.position_only = QCheckBox(self.tr("Content / position parts"))
        self.position_only.setToolTip(self.tr("Show softmax of the content-only logits beside the position-only"
                                              " logits (the bias, or the encoding-encoding term)"))
        self.position_only.toggled.connect(lambda on: self.model.update(position_only=on))
        row.addWidget(self.position_only)
        self.own_scales = own_scales_switch(self)
        row.addWidget(self.own_scales)

    def _head_chosen(self, index: int) -> None:
        self.model.update(head="all" if index == 0 else index - 1)

    @staticmethod
    def applies_to(method: Method) -> bool:
        return True

    @staticmethod
    def fetch(scene: Scene):
        heads = head_count(scene)
        if scene.head != "all" and scene.head >= heads:
            raise InputError(i18n.translate("AttentionView", "head {0} does not exist; this method has {1} heads"
                                            " (0 to {2})").format(scene.head, heads, heads - 1))
        # the toy model (embeddings, projections) is the same for every method and seed: only the
        # position part changes with them
        return attention_for(scene.method, scene.params, tokenize(scene.text), heads=heads, causal=scene.causal,
                             dtype=np.float32)  # drawn in float32

    @staticmethod
    def size(scene: Scene) -> int:
        """The weights, and the seeded projections drawn for a new width (heads x d_model for a rotary
        method: millions of numbers for a few tokens; drawn in float32, then made float64: two arrays)."""
        try:
            n = len(tokenize(scene.text))
        except InputError:
            return 0
        heads = head_count(scene)
        rotated = scene.method_obj.attention is not None and scene.method_obj.attention.entry is Entry.ROTATE
        width = int(scene.params.get("d_model", 64)) * (heads if rotated else 1)
        return 3 * heads * n * n + 2 * 3 * width * width

    def _sync_controls(self, scene: Scene, heads: int) -> None:
        with ExitStack() as blocked:
            for widget in (self.text, self.head, self.causal, self.position_only):
                blocked.enter_context(signals_blocked(widget))
            self._show_controls(scene, heads)

    def _show_controls(self, scene: Scene, heads: int) -> None:
        """The controls set from the scene (their signals blocked by ``_sync_controls``)."""
        if self.text.text() != scene.text:
            self.text.setText(scene.text)
        if self.head.count() != heads + 1:
            self.head.clear()
            self.head.addItems([self.tr("all")] + [str(h) for h in range(heads)])
        self.head.setCurrentIndex(0 if scene.head == "all" else scene.head + 1)
        self.causal.setChecked(scene.causal)
        self.position_only.setChecked(scene.position_only)

    def show_data(self, scene: Scene, result) -> None:
        self._sync_controls(scene, result.weights.shape[0])
        self.tokens = list(result.tokens)
        with_sinks = panels_with_sinks(scene, result)
        hidden = hidden_cells(scene, result)
        self.panels = [(title, np.where(cells, np.nan, weights))
                       for (title, weights, _), cells in zip(with_sinks, hidden)]
        self.panel_sinks = [sinks for _, _, sinks in with_sinks]
        self.shown = {"weights": result.weights, "logits": result.logits}  # for export: what is drawn
        if result.sinks is not None:
            self.shown.update(sinks=result.sinks, sink_weights=result.sink_weights)
        if scene.position_only:
            self.shown.update(content_weights=result.content_weights, position_weights=result.position_weights)
        high = max(float(np.nanmax(m)) for _, m in self.panels) or 1.0
        n = len(self.tokens)
        pairs = scene.position_only and scene.head == "all"  # content and position parts stay side by side
        ticks = [list(enumerate(self.tokens))] if n <= MAX_LABELLED else None
        sync_own_scales(self.own_scales, scene, len(self.panels))
        # the page's layout keeps the controls' height from before the switch was shown or hidden until the next event
        # loop, and a lone head after a row of heads was fitted to the room less the line of controls it no longer had
        self.controls.updateGeometry()
        # each panel its own colours: a head that spreads its weight thinly is not drawn blank beside a sharp one
        own = len(self.panels) > 1 and bool(scene.option("own_scales", False))
        levels = [colour_levels.levels_for(matrix)[:2] for _, matrix in self.panels] if own else None
        titles = [title for title, _ in self.panels] if levels is None else [
            self.tr("{0}: {1} to {2}").format(title, fmt(low), fmt(top)) for (title, _), (low, top) in
            zip(self.panels, levels)]
        self.grid.show([(title, matrix) for title, (_, matrix) in zip(titles, self.panels)], None,
                       self.colour_map(False), (0.0, high), ticks, square=True, panel_levels=levels, pairs=pairs)
        self._name_columns()
        for plot in self.plots:
            style.hatch_masked(plot, any(cells.any() for cells in hidden), self.theme)
        self._write_values(levels or [(0.0, high)] * len(self.panels))

    def _name_columns(self) -> None:
        """A lone head names its columns in the corner where it fits (``name_columns_in_corner``), and its matrix takes
        the line; a grid of heads names them over its first row."""
        lone = len(self.panels) == 1
        name_columns_in_corner(self.plots[0], self.grid.column_label if lone else "", self.theme, self.points)
        if lone:  # the room fitted again with the names measured where the layout puts them now: measured later, on
            self.graphics.ci.layout.activate()  # more lines than the room was fitted to, they pushed the matrix past
            axes.measure_names(self.plots[0].getAxis("top"))  # the view's edge (1024 x 768 x1.6 in Chinese)
            self.grid.fill_room()

    def _write_values(self, levels: list[tuple[float, float]]) -> None:
        """The weights in the cells, when there are few enough tokens and panels to read them, each in the colour
        that reads on its cell (the panels' colour ``levels``)."""
        n = len(self.tokens)
        labels = []
        if n <= MAX_VALUE_CELLS and len(self.panels) <= MAX_VALUE_PANELS:
            cmap = self.colour_map(False)
            for (_, matrix), (low, high) in zip(self.panels, levels):
                colours = style.text_colours_on(cmap, np.nan_to_num((matrix - low) / ((high - low) or 1.0)))
                labels.append([(q, k, f"{value:.2f}", colours[q, k]) for (q, k), value in np.ndenumerate(matrix)
                               if not np.isnan(value)])
        font = self.font()
        font.setPointSizeF(self.points * 0.8)
        self.grid.write_cells(labels, font)

    def keep_plots_readable(self) -> None:
        """The controls shown or hidden first: presenting, they are the lecturer's and leave their two lines to the
        heads, as a lesson's and the real model's do (with each head's content and position parts, four heads scrolled
        143 px at 1280 x 720 x1.3 in Chinese, eight 387 px). P brings them back (``controls_called``)."""
        shown = not self.presenting or self.controls_called
        if self.controls.isHidden() == shown:
            self.controls.setVisible(shown)
        super().keep_plots_readable()

    def panels_needed(self, scene: Scene, data) -> int:
        return len(panels_for(scene, data))

    def build_ahead(self) -> bool:
        """A panel per head (two with the content / position parts), then the seeded projections a part a call (the
        first fetch drew them all at once)."""
        if self.grid.build_ahead(2 * most_default_heads()):
            return True
        return next(self.projections_ahead, StopIteration) is not StopIteration

    def hover_text(self, plot, x, y) -> str:
        hovered = panel_cell(self.plots, self.panels, plot, x, y)
        if hovered is None:
            return ""
        name, matrix, q, k = hovered
        if np.isnan(matrix[q, k]):
            return self.tr("{0}: query {1} ({2}) → key {3} ({4}): masked, not seen").format(
                name, repr(self.tokens[q]), q, repr(self.tokens[k]), k)
        text = self.tr("{0}: query {1} ({2}) → key {3} ({4}): weight {5}").format(
            name, repr(self.tokens[q]), q, repr(self.tokens[k]), k, fmt(float(matrix[q, k])))
        sinks = self.panel_sinks[self.plots.index(plot)]
        if sinks is None:
            return text
        return text + self.tr("; the sink takes {0} of this query's attention").format(fmt(float(sinks[q])))
