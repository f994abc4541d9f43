"""Real model attention: a trained model's attention on the typed text, beside the same model with its
positions changed, and their difference (all numbers from ``core.real_models``).

The chosen layer's heads are thumbnails (click one to enlarge it); the chosen head is drawn large with the
tokens on both axes, as trained, ablated and the difference. SmolLM2 also lists its ten most likely next
tokens with and without the ablation. The settings live in ``scene.options`` (model, ablation, layer, head);
the text is ``scene.text``. Loading a model takes seconds and a forward pass up to a second, so ``size``
always asks the window to fetch in its worker.
"""

from __future__ import annotations

import html
from types import SimpleNamespace
from contextlib import ExitStack
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QSpinBox
from superqt.utils import signals_blocked

from ...core import real_models
from ...core.real_models import MiniLMPositions, RopeAblation, TokenProbability, heads
from ...core.registry import Method
from .. import i18n, style
from ..state import Scene
from .base import ImageItem, View, cell, float32_pixels, fmt, frame_cells, place, unplace

LIVE_TOKENS = 64        # the text is capped at this many tokens, to keep typing live
MAX_LABELLED = 40       # token names on the large panels' axes up to this many tokens
TOP_TOKENS = 10
ALWAYS_IN_WORKER = 2 ** 62  # ``size``: larger than any threshold of the window

# (key, title) of each model's ablations, the first the default; keys are what scene.options["ablation"] holds
ABLATIONS = {
    "minilm": (
        ("none", QT_TRANSLATE_NOOP("RealModelView", "no positions")),
        ("shuffle:0", QT_TRANSLATE_NOOP("RealModelView", "positions shuffled")),
        ("reverse", QT_TRANSLATE_NOOP("RealModelView", "positions reversed")),
        ("shift:100", QT_TRANSLATE_NOOP("RealModelView", "positions shifted by 100")),
        ("sinusoid", QT_TRANSLATE_NOOP("RealModelView", "sinusoid instead of the learned table")),
        ("learned", QT_TRANSLATE_NOOP("RealModelView", "learned positions (as trained)")),
    ),
    "smollm2": (
        ("rope-off", QT_TRANSLATE_NOOP("RealModelView", "RoPE off")),
        ("offset:1000", QT_TRANSLATE_NOOP("RealModelView", "positions shifted by 1000")),
        ("linear:4", QT_TRANSLATE_NOOP("RealModelView", "linear scaling x4")),
        ("ntk:4", QT_TRANSLATE_NOOP("RealModelView", "NTK scaling x4")),
        ("nope:first-half", QT_TRANSLATE_NOOP("RealModelView", "NoPE in layers 0-14")),
        ("trained", QT_TRANSLATE_NOOP("RealModelView", "RoPE as trained")),
    ),
}
SMOLLM2_ABLATIONS = {
    "rope-off": RopeAblation(rope=False),
    "offset:1000": RopeAblation(position_offset=1000),
    "linear:4": RopeAblation(scaling="linear", factor=4.0),
    "ntk:4": RopeAblation(scaling="ntk", factor=4.0),
    "nope:first-half": RopeAblation(nope_layers=tuple(range(15))),
    "trained": RopeAblation(),
}


def has_cjk(text: str) -> bool:
    """Whether the text holds CJK ideographs (MiniLM's vocabulary knows only 244 of them)."""
    return any("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in text)


@dataclass(frozen=True)
class Settings:
    """The view's settings read from a scene, clamped to the chosen model."""

    model: str
    ablation: str
    layer: int
    head: int

    @classmethod
    def of(cls, scene: Scene) -> "Settings":
        name = scene.option("model", "minilm")
        if name not in ABLATIONS:
            name = "minilm"
        model = real_models.get(name)
        keys = [key for key, _ in ABLATIONS[name]]
        ablation = scene.option("ablation", keys[0])
        if ablation not in keys:
            ablation = keys[0]
        layer = min(max(int(scene.option("layer", 0)), 0), model.layers - 1)
        head = min(max(int(scene.option("head", 0)), 0), model.heads - 1)
        return cls(name, ablation, layer, head)

    def ablation_object(self):
        if self.model == "minilm":
            return MiniLMPositions.parse(self.ablation)
        return SMOLLM2_ABLATIONS[self.ablation]


@dataclass(frozen=True)
class RealAttention:
    """What the view draws: both forward passes, how much each head changed, and the next tokens."""

    settings: Settings
    tokens: tuple[str, ...]
    real: np.ndarray     # (layers, heads, n, n)
    ablated: np.ndarray  # (layers, heads, n, n)
    change: np.ndarray   # (layers, heads) mean total-variation change
    cut_from: int | None
    cjk: bool
    next_real: tuple[TokenProbability, ...] = ()
    next_ablated: tuple[TokenProbability, ...] = ()


class RealModelView(View):
    key = "real_model"
    title = "Real model attention"
    uses_method = False

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        self.data: RealAttention | None = None
        self.thumbnails: list[pg.PlotItem] = []
        self.large: list[tuple[pg.PlotItem, np.ndarray]] = []
        self._build_controls()
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.PlainText)
        self.page_layout.insertWidget(1, self.notes)
        self.next_tokens = QLabel()
        self.next_tokens.setTextFormat(Qt.RichText)
        self.page_layout.addWidget(self.next_tokens)
        self.graphics.scene().sigMouseClicked.connect(self._clicked)
        # the heads' thumbnails in a strip above the three large panels; ``place`` / ``unplace`` move panels
        # in and out of any GraphicsLayout given as ``.ci``, without deleting them
        self.strip = self.graphics.addLayout(row=0, col=0)
        self.strip_holder = SimpleNamespace(ci=self.strip)
        self.big = self.graphics.addLayout(row=1, col=0)
        self.graphics.ci.layout.setRowStretchFactor(0, 1)
        self.graphics.ci.layout.setRowStretchFactor(1, 4)
        self.thumbnail_pool: list[tuple[pg.PlotItem, ImageItem]] = []
        self._build_large()

    def _build_controls(self) -> None:
        row = self.controls_row()
        row.addWidget(QLabel(self.tr("Model:")))
        self.model_box = QComboBox()
        for name, entry in real_models.MODELS.items():
            self.model_box.addItem(entry.title, name)
        self.model_box.activated.connect(
            lambda index: self.model.set_option("model", self.model_box.itemData(index)))
        row.addWidget(self.model_box)
        row.addWidget(QLabel(self.tr("Text:")))
        self.text = QLineEdit()
        self.text.setToolTip(self.tr("Any text; the model's own tokenizer splits it"))
        self.text.textChanged.connect(lambda text: self.model.update(text=text))
        row.addWidget(self.text, 3)
        row.addWidget(QLabel(self.tr("Ablation:")))
        self.ablation = QComboBox()
        self.ablation.setToolTip(self.tr("How the positions of the model on the right are changed"))
        self.ablation.setSizeAdjustPolicy(QComboBox.AdjustToContents)  # its items change with the model
        self.ablation.activated.connect(
            lambda index: self.model.set_option("ablation", self.ablation.itemData(index)))
        row.addWidget(self.ablation)
        row.addWidget(QLabel(self.tr("Layer:")))
        self.layer = QSpinBox()
        self.layer.valueChanged.connect(lambda value: self.model.set_option("layer", value))
        row.addWidget(self.layer)
        row.addWidget(QLabel(self.tr("Head:")))
        self.head = QSpinBox()
        self.head.valueChanged.connect(lambda value: self.model.set_option("head", value))
        row.addWidget(self.head)

    @staticmethod
    def applies_to(method: Method) -> bool:
        return True

    @staticmethod
    def unavailable() -> str | None:
        if any(model.available() for model in real_models.MODELS.values()):
            return None
        return "no real model is installed (python3 scripts/fetch_models.py, and pip install safetensors gguf tokenizers)"

    @staticmethod
    def size(scene: Scene) -> int:
        """Always large: the first use loads a model (seconds) and a forward pass takes up to a second."""
        return ALWAYS_IN_WORKER

    @staticmethod
    def fetch(scene: Scene) -> RealAttention:
        settings = Settings.of(scene)
        model = real_models.get(settings.model)
        tokens = model.tokenize(scene.text, limit=LIVE_TOKENS)
        real = model.forward(tokens)
        ablated = model.forward(tokens, settings.ablation_object())
        next_real = next_ablated = ()
        if model.causal:
            next_real = model.top_next_tokens(real, TOP_TOKENS)
            next_ablated = model.top_next_tokens(ablated, TOP_TOKENS)
        return RealAttention(settings, tokens.strings, real.attention, ablated.attention,
                             heads.change(real.attention, ablated.attention), tokens.cut_from,
                             settings.model == "minilm" and has_cjk(scene.text), next_real, next_ablated)

    # -- drawing --------------------------------------------------------------------------------
    def _sync_controls(self, scene: Scene, settings: Settings) -> None:
        model = real_models.get(settings.model)
        with ExitStack() as blocked:
            for widget in (self.model_box, self.text, self.ablation, self.layer, self.head):
                blocked.enter_context(signals_blocked(widget))
            self._show_settings(scene, settings, model)

    def _show_settings(self, scene: Scene, settings: Settings, model) -> None:
        """The controls set from the scene (their signals blocked by ``_sync_controls``)."""
        self.model_box.setCurrentIndex(self.model_box.findData(settings.model))
        if self.text.text() != scene.text:
            self.text.setText(scene.text)
        if [self.ablation.itemData(i) for i in range(self.ablation.count())] != [k for k, _ in
                                                                                  ABLATIONS[settings.model]]:
            self.ablation.clear()
            for key, title in ABLATIONS[settings.model]:
                self.ablation.addItem(i18n.translate("RealModelView", title), key)
        self.ablation.setCurrentIndex(self.ablation.findData(settings.ablation))
        self.layer.setRange(0, model.layers - 1)
        self.layer.setValue(settings.layer)
        self.head.setRange(0, model.heads - 1)
        self.head.setValue(settings.head)

    def ablation_title(self, settings: Settings) -> str:
        return i18n.translate("RealModelView", dict(ABLATIONS[settings.model])[settings.ablation])

    def show_data(self, scene: Scene, data: RealAttention) -> None:
        settings = data.settings
        self._sync_controls(scene, settings)
        self.data = data
        layer, head = settings.layer, settings.head
        self.shown = {"attention": data.real, "ablated": data.ablated, "change": data.change}
        ticks = [list(enumerate(data.tokens))] if len(data.tokens) <= MAX_LABELLED else None
        heads_shown = data.real.shape[1]
        while len(self.thumbnail_pool) < heads_shown:
            self.thumbnail_pool.append(self._new_panel(()))
        for index, (plot, _) in enumerate(self.thumbnail_pool):
            if index < heads_shown:
                place(self.strip_holder, plot, 0, index)
            else:
                unplace(self.strip_holder, plot)
        self.thumbnails = [plot for plot, _ in self.thumbnail_pool[:heads_shown]]
        high = float(data.real[layer].max()) or 1.0
        for h, (plot, image) in enumerate(self.thumbnail_pool[:heads_shown]):
            self._draw(plot, image, self.tr("head {0}").format(h) + (" ●" if h == head else ""),
                       data.real[layer, h], (0.0, high), None)

        real, ablated = data.real[layer, head], data.ablated[layer, head]
        difference = ablated - real
        bound = float(np.abs(difference).max()) or 1e-6
        panels = ((self.tr("trained: layer {0}, head {1}").format(layer, head), real, (0.0, 1.0)),
                  (self.tr("{0}: layer {1}, head {2}").format(self.ablation_title(settings), layer, head),
                   ablated, (0.0, 1.0)),
                  (self.tr("difference (ablated − trained), change {0:.2f}").format(
                      float(data.change[layer, head])), difference, (-bound, bound)))
        self.large = []
        for (plot, image, bar), (title, matrix, levels) in zip(self.large_panels, panels):
            self._draw(plot, image, title, matrix, levels, ticks)
            bar.setLevels(levels)
            if ticks:  # sized for the names now: an axis that grows while painting drops the longer ones
                for side in ("left", "top"):
                    plot.getAxis(side).expect_labels(list(data.tokens))
            self.large.append((plot, matrix))
        self.plots = self.thumbnails + [plot for plot, _, _ in self.large_panels]
        self.fit_titles()
        self._write_notes(data)
        self._write_next_tokens(data)

    def _draw(self, plot: pg.PlotItem, image: ImageItem, title: str, matrix: np.ndarray, levels, ticks) -> None:
        rows, cols = matrix.shape
        image.setImage(float32_pixels(matrix), levels=levels)
        image.setRect(-0.5, -0.5, cols, rows)  # after setImage: the rect scales the image's pixels
        frame_cells(plot, rows, cols)
        for side in ("left", "top"):
            plot.getAxis(side).setTicks(ticks)
        if plot.titleLabel.text != title:
            style.title(plot, title, self.theme, self.points)

    def _new_panel(self, sides: tuple[str, ...], signed: bool = False) -> tuple[pg.PlotItem, ImageItem]:
        """A matrix panel, rows downwards, with axes on ``sides`` (the thumbnails have none)."""
        plot = pg.PlotItem(viewBox=pg.ViewBox(enableMenu=False), axisItems=style.grid_axes(sides or ("left",)))
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setMouseEnabled(False, False)
        plot.invertY(True)
        plot.hideAxis("bottom")
        for side in ("left", "top"):
            plot.showAxis(side, side in sides)
        plot.getAxis("top").setStyle(hideOverlappingLabels=False)
        style.cell_ticks(plot)
        image = ImageItem(axisOrder="row-major")
        image.setAutoDownsample(True)
        image.setColorMap(style.colour_map(signed))
        plot.addItem(image)
        style.style_plot(plot, self.theme, self.points)
        return plot, image

    def _build_large(self) -> None:
        """The three large panels (trained, ablated, difference) with their colour bars, built once."""
        self.large_panels = []
        for index in range(3):
            plot, image = self._new_panel(("left", "top"), signed=index == 2)
            bar = pg.ColorBarItem(values=(0, 1), colorMap=image.getColorMap(), interactive=False, width=14)
            bar.setImageItem(image)
            style.fit_bar_axis(bar)
            self.big.addItem(plot, row=0, col=2 * index)
            self.big.addItem(bar, row=0, col=2 * index + 1)
            self.large_panels.append((plot, image, bar))
        self._label_axes()

    def _label_axes(self) -> None:
        for plot, _, bar in self.large_panels:
            style.label(plot, "left", self.tr("query"), self.theme, self.points)
            style.label(plot, "top", self.tr("key"), self.theme, self.points)
            axis = bar.getAxis("right")
            axis.setPen(pg.mkPen(self.theme.foreground))
            axis.setTextPen(pg.mkPen(self.theme.foreground))

    def set_look(self, theme: style.Theme, points: float) -> None:
        self.plots = [plot for plot, _ in self.thumbnail_pool] + [plot for plot, _, _ in self.large_panels]
        super().set_look(theme, points)
        self._label_axes()
        for widget in (self.notes, self.next_tokens):
            font = widget.font()
            font.setPointSizeF(points)
            widget.setFont(font)
        self.plots = self.thumbnails + [plot for plot, _, _ in self.large_panels]
        if self.data is not None:
            self.fit_titles()

    def _write_notes(self, data: RealAttention) -> None:
        settings = data.settings
        model = real_models.get(settings.model)
        lines = [self.tr("{0}: {1} layers × {2} heads; layer {3}'s heads below (click one). Mean change of "
                         "attention under \"{4}\": {5:.3f} over all heads.").format(
            model.title, model.layers, model.heads, settings.layer, self.ablation_title(settings),
            float(data.change.mean()))]
        if data.cut_from:
            lines.append(self.tr("The text is {0} tokens long: only the first {1} are shown.").format(
                data.cut_from, len(data.tokens)))
        if data.cjk:
            lines.append(self.tr("MiniLM knows only 244 Chinese characters: most Chinese text becomes [UNK]. "
                                 "SmolLM2 reads it byte by byte."))
        self.notes.setText("\n".join(lines))

    def _write_next_tokens(self, data: RealAttention) -> None:
        if not data.next_real:
            self.next_tokens.setVisible(False)
            return
        rows = "".join(
            f"<tr><td>{i + 1}</td><td>{html.escape(repr(a.text))}</td><td>{a.probability:.3f}</td>"
            f"<td>&nbsp;&nbsp;</td><td>{html.escape(repr(b.text))}</td><td>{b.probability:.3f}</td></tr>"
            for i, (a, b) in enumerate(zip(data.next_real, data.next_ablated)))
        trained = self.tr("next token, trained")
        header = (f"<tr><th></th><th colspan=2>{html.escape(trained)}</th><th></th>"
                  f"<th colspan=2>{html.escape(self.ablation_title(data.settings))}</th></tr>")
        self.next_tokens.setText(f"<table cellspacing=0 cellpadding=2>{header}{rows}</table>")
        self.next_tokens.setVisible(True)

    def _clicked(self, event) -> None:
        for h, plot in enumerate(self.thumbnails):
            if plot.sceneBoundingRect().contains(event.scenePos()):
                self.model.set_option("head", h)
                return

    def hover_text(self, plot, x, y) -> str:
        if self.data is None:
            return ""
        settings = self.data.settings
        if plot in self.thumbnails:
            name, matrix = plot.titleLabel.text, self.data.real[settings.layer, self.thumbnails.index(plot)]
        else:
            found = [(p.titleLabel.text, m) for p, m in self.large if p is plot]
            if not found:
                return ""
            name, matrix = found[0]
        where = cell(matrix, x, y)
        if where is None:
            return ""
        q, k = where
        return self.tr("{0}: query {1} ({2}) → key {3} ({4}): {5}").format(
            name, repr(self.data.tokens[q]), q, repr(self.data.tokens[k]), k, fmt(float(matrix[q, k])))
