"""A model's config.json as the app reads it (``core.model_config``): a strip of its layers, one bar each,
coloured by the attention the layer uses (full, sliding window, chunked) and as tall as its RoPE base (none
for a NoPE layer); below it, per layer type, the wavelength of each rotated pair with the trained and
extended lengths marked, and q.k of equal heads against distance with the window marked; then a plain-words
summary of each layer type and of what the scene set from the config leaves out. A config whose stack is one
of the method Layer patterns' (Gemma 3, ModernBERT, Llama 4, SmolLM3, gpt-oss) goes there with a button. The
scene names its config in ``options["model_config"]`` (``config_reference``); opening a config (File menu,
``--config``, a dropped file) sets the rope method to the config's first RoPE layer type (``scene_for_config``)."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from html import escape
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from ...core import model_config, registry
from ...core.params import InputError
from ...core.registry import Method
from ..i18n import translate
from ..state import Scene, error_text
from .. import style
from .axis_name import keep_name_along
from .base import View

OPTION = "model_config"
ATTENTION_ORDER = ("full_attention", "sliding_attention", "chunked_attention")
NOPE_HEIGHT = 0.4  # a NoPE layer's bar: short and grey, so that the strip shows where it is
NOPE_COLOUR = "#909090"
PATTERN_VIEW = "attention"  # where the button to Layer patterns goes: the view that shows windows and NoPE
MAX_RUNS = 6  # a kind's layers are listed as up to this many runs of consecutive layers (else first four and last)
LIST_GAP_EMS = 1.5  # between a kind's description and its list of layers


SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def layer_runs(indices: list[int]) -> list[tuple[int, int]]:
    """Consecutive layer indices as (first, last) runs: [0, 1, 2, 4] as [(0, 2), (4, 4)]."""
    runs: list[tuple[int, int]] = []
    for index in indices:
        if runs and index == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], index)
        else:
            runs.append((index, index))
    return runs


def power_ticks(top: float) -> list[tuple[int, str]]:
    """The strip's base axis (log10 of the base, from 0 to ``top``) named in powers of ten: 10², 10⁴, 10⁶."""
    step = 2 if top > 4 else 1
    return [(power, "10" + str(power).translate(SUPERSCRIPTS)) for power in range(step, int(top) + 1, step)]


@dataclass(frozen=True)
class ConfigReport:
    """What the view shows of one config (read by ``fetch``, drawn by ``show_data``)."""

    name: str
    config: model_config.ModelConfig
    layers: list
    settings: model_config.SceneSettings
    spectra: list          # model_config.LayerTypeSpectrum per kind of layer
    pattern: dict | None   # the Layer patterns method's parameters for this stack, if it is one of its patterns


def scene_for_config(path, scene: Scene) -> tuple[Scene, model_config.SceneSettings]:
    """``scene`` showing the config at ``path``: the rope method with the config's first RoPE layer type (its
    head width as d_model, base, rotated share, scaling), the layer strip as the view. InputError for a file that
    is not a usable config; the scene itself is validated by whoever takes it (values outside the app's ranges)."""
    config = model_config.read_config(path)
    settings = model_config.scene_settings(config)
    options = {**scene.options, OPTION: model_config.config_reference(path)}
    return replace(scene, method="rope", params=dict(settings.params), view=ModelConfigView.key,
                   options=options), settings


class ModelConfigView(View):
    key = "model_config"
    title = "Model config layers"
    uses_method = False

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.RichText)
        self.summary.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.summary.setMargin(8)
        self.page_layout.addWidget(self.summary)
        self.report: ConfigReport | None = None
        self.bars: dict[str, pg.BarGraphItem] = {}
        # the button, then what the colours and dashes mean, one label an entry, on as many lines as the page's width
        # needs: in the plots' titles they wrapped onto second lines and held the spectra below the fold of a 1280 x
        # 720 projector, and as one label beside the button in large type they widened the page past the view
        self.controls_flow = self.controls_row()
        self.to_patterns = QPushButton(self.tr("Show this stack in Layer patterns"))
        self.to_patterns.clicked.connect(self.show_in_layer_patterns)
        self.controls_flow.addWidget(self.to_patterns)
        self.legend: list[QLabel] = []  # the first ``len(_legend_texts)`` are shown
        self.controls.setVisible(False)

    def show_in_layer_patterns(self) -> None:
        """The method Layer patterns with this config's stack (its pattern, head width, bases and windows), in
        the attention view, where its windows, chunks and NoPE layers show."""
        if self.report is None or self.report.pattern is None:
            return
        method = registry.get("layers")
        params = method.resolve(None, {**method.defaults(), **self.report.pattern})
        self.model.update(method=method.name, params=params, view=PATTERN_VIEW)

    @staticmethod
    def applies_to(method: Method) -> bool:
        return True

    @staticmethod
    def fetch(scene: Scene):
        """The report of the scene's config; the InputError when it cannot be read now; None without one."""
        reference = scene.option(OPTION, "")
        if not reference:
            return None
        try:
            config = model_config.read_config(model_config.config_path(reference))
            return ConfigReport(Path(reference).name.removeprefix(model_config.EXAMPLE_PREFIX), config,
                                model_config.layer_infos(config), model_config.scene_settings(config),
                                model_config.spectra(config), model_config.layer_pattern(config))
        except InputError as error:
            return error

    def show_data(self, scene: Scene, data) -> None:
        self.report = data if isinstance(data, ConfigReport) else None
        self.show_lecturers_parts()
        if not self.plots:
            plot = self.new_plot(0, 0, colspan=2)
            plot.showGrid(y=True, alpha=0.25)
            for index, kind in enumerate(ATTENTION_ORDER + ("nope",)):
                self.bars[kind] = pg.BarGraphItem(x=[], height=[], width=0.8)
                plot.addItem(self.bars[kind])
            for col in range(2):
                self.new_plot(1, col).showGrid(x=True, y=True, alpha=0.25)
            self.graphics.ci.layout.setRowStretchFactor(0, 2)  # the strip reads at less height than the curves
            self.graphics.ci.layout.setRowStretchFactor(1, 3)
        plot = self.plots[0]
        self.graphics.setVisible(self.report is not None)
        self.controls.setVisible(self.report is not None)
        if self.report is None:
            self.shown = {}
            self.summary.setText(self._no_config_text(data))
            return
        self.to_patterns.setEnabled(self.report.pattern is not None)
        self.to_patterns.setToolTip(
            self.tr("Layer patterns with {0}'s stack, in the attention view").format(self.report.name)
            if self.report.pattern is not None else
            self.tr("Layer patterns has no stack like this one (it has Llama 4, SmolLM3, Gemma 3, ModernBERT and "
                    "gpt-oss)"))
        layers = self.report.layers
        for index, kind in enumerate(ATTENTION_ORDER):
            chosen = [info for info in layers if info.attention == kind and info.rotary is not None]
            self.bars[kind].setOpts(x=[info.index for info in chosen],
                                    height=[math.log10(info.rotary.theta) for info in chosen],
                                    brush=style.curve_colour(index, self.theme), pen=None)
        nope = [info.index for info in layers if info.rotary is None]
        self.bars["nope"].setOpts(x=nope, height=[NOPE_HEIGHT] * len(nope), brush=NOPE_COLOUR, pen=None)
        # a short name on the left and none below (the title counts the layers): the strip's smallest height is
        # that of the name along its side, and "log10 base" made it 220 px in large type
        style.label(plot, "left", self.tr("base"), self.theme, self.points)
        style.title(plot, self.tr("{0}: {1} layers").format(escape(Path(self.report.name).stem), len(layers)),
                    self.theme, self.points)
        style.style_plot(plot, self.theme, self.points)
        top = max((math.log10(r.theta) for r in self.report.config.rotary.values()), default=1) + 1.5  # room for
        # the top power's name, which the axis leaves out when it reaches past the end
        plot.setXRange(-0.6, len(layers) - 0.4, padding=0)
        plot.setYRange(0, top, padding=0)
        plot.getAxis("left").setTicks([power_ticks(top)])
        self._show_legend(self._legend_texts(self.report))
        self._draw_spectra(self.report.spectra)
        self.fit_titles()
        self.shown = {"layer_rope_base": np.array([info.rotary.theta if info.rotary else 0.0 for info in layers]),
                      "layer_span": np.array([info.span or 0 for info in layers])}
        for index, kind in enumerate(self.report.spectra):
            self.shown[f"type {index} wavelengths"] = kind.wavelengths
            self.shown[f"type {index} distances"] = kind.distances
            self.shown[f"type {index} score"] = kind.score
        self.summary.setText(self._summary_text(self.report))

    def _show_legend(self, texts: list[str]) -> None:
        """Write the legend's entries, a label each (kept, and hidden when a config has fewer kinds of layer)."""
        while len(self.legend) < len(texts):
            entry = QLabel()
            entry.setTextFormat(Qt.RichText)
            entry.setFont(self.summary.font())
            self.controls_flow.addWidget(entry)
            self.legend.append(entry)
        for index, entry in enumerate(self.legend):
            entry.setVisible(index < len(texts))
            if index < len(texts):
                entry.setText(texts[index])
        self.controls_flow.invalidate()  # the flow's lines follow the entries' new widths

    def _colour(self, kind) -> str:
        """The colour of a layer type: its attention's, grey for NoPE (as in the strip)."""
        if kind.rotary is None:
            return NOPE_COLOUR
        return style.curve_colour(ATTENTION_ORDER.index(kind.attention), self.theme)

    def _draw_spectra(self, spectra: list) -> None:
        """Per layer type: its wavelengths with its trained (dashed) and extended (dotted) lengths, and its q.k
        against distance with its window or chunk (dashed); both on log scales, as the lengths span decades."""
        waves, scores = self.plots[1], self.plots[2]
        width = max(2.0, self.points / 6)
        for plot in (waves, scores):
            plot.clear()
        waves.setLogMode(y=True)
        scores.setLogMode(x=True)
        for kind in spectra:
            colour = self._colour(kind)
            line = pg.mkPen(colour, width=width, style=Qt.DashLine if kind.rotary is None else Qt.SolidLine)
            scores.plot(kind.distances, kind.score, pen=line)
            if kind.span:
                scores.addItem(pg.InfiniteLine(math.log10(kind.span), pen=pg.mkPen(colour, width=1.5,
                                                                                     style=Qt.DashLine)))
            if kind.rotary is None:
                continue
            finite = np.isfinite(kind.wavelengths)
            waves.plot(np.arange(len(kind.wavelengths))[finite], kind.wavelengths[finite], pen=line)
            for length, dash in ((kind.trained_length, Qt.DashLine), (kind.extended_length, Qt.DotLine)):
                waves.addItem(pg.InfiniteLine(math.log10(length), angle=0,
                                              pen=pg.mkPen(colour, width=1.5, style=dash)))
        style.label(waves, "bottom", self.tr("pair i"), self.theme, self.points)
        style.label(waves, "left", self.tr("tokens"), self.theme, self.points)
        style.title(waves, self.tr("wavelengths"), self.theme, self.points)
        style.label(scores, "bottom", self.tr("distance (tokens)"), self.theme, self.points)
        style.label(scores, "left", self.tr("q·k"), self.theme, self.points)
        style.title(scores, self.tr("q·k of equal heads"), self.theme, self.points)
        for plot in (waves, scores):
            style.style_plot(plot, self.theme, self.points)
            plot.enableAutoRange()
            keep_name_along(plot.getAxis("bottom"))  # 'distance (tokens)' under a plot half a 1024 px page wide

    def keep_plots_readable(self) -> None:
        self.show_lecturers_parts()
        super().keep_plots_readable()

    def show_lecturers_parts(self) -> None:
        """Presenting, without the summary below the plots, unless it says why there are none (it is all the view then
        shows): it is the lecturer's, and at 1280 x 720 x1.3 it ran the page 450 to 1030 px below the fold, its first
        line cut at the screen's foot (deck scenes 35 to 37). Without the button to Layer patterns too, unless the
        lecturer calls the controls back (P): the hall cannot press it, and beside it the legend took a second line in
        Chinese, where the page scrolled 2 px at 1280 x 720 x1.3 (deck scenes 36 and 37)."""
        window = self.window()
        presenting = getattr(window, "presenting", False)
        self.summary.setVisible(self.report is None or not presenting)
        self.to_patterns.setVisible(not presenting or getattr(window, "controls_called", False))

    def set_look(self, theme: style.Theme, points: float) -> None:
        super().set_look(theme, points)
        for label in (self.summary, *self.legend):
            font = label.font()
            font.setPointSizeF(points)
            label.setFont(font)
        if self.report is not None:
            self.show_data(self.model.scene, self.report)

    def hover_text(self, plot: pg.PlotItem, x: float, y: float) -> str:
        if self.report is None:
            return ""
        if plot is self.plots[1]:
            pair = round(x)
            values = [self.tr("{0}: {1:.4g} tokens").format(self._kind_name(kind), kind.wavelengths[pair])
                      for kind in self.report.spectra if 0 <= pair < len(kind.wavelengths)]
            return self.tr("pair {0}: {1}").format(pair, "; ".join(values)) if values else ""
        if plot is self.plots[2]:
            distance = 10 ** x
            values = []
            for kind in self.report.spectra:
                nearest = int(np.abs(kind.distances - distance).argmin())
                values.append(self.tr("{0}: {1:.3f} at {2:g}").format(self._kind_name(kind), kind.score[nearest],
                                                                     kind.distances[nearest]))
            return self.tr("q·k of equal heads: {0}").format("; ".join(values))
        if not 0 <= round(x) < len(self.report.layers):
            return ""
        return self.tr("layer {0}: {1}").format(round(x), self._layer_words(self.report.layers[round(x)]))

    def _kind_name(self, kind) -> str:
        return self.tr("NoPE layers") if kind.rotary is None else self._attention_words(kind.attention, kind.span)

    # -- words ------------------------------------------------------------------------------------
    def _attention_words(self, kind: str, span: int | None) -> str:
        if kind == "chunked_attention":
            return self.tr("chunked attention (chunks of {0})").format(span)
        if span is not None:
            return self.tr("sliding-window attention (window {0})").format(span)
        return self.tr("full attention")

    def _rotary_words(self, rotary) -> str:
        if rotary is None:
            return self.tr("NoPE (q and k not rotated)")
        scaling = rotary.rope_type
        words = self.tr("RoPE base {0:g}").format(rotary.theta)
        if scaling != "default":
            factor = rotary.params.get("factor")
            words = self._listed(words, self.tr("{0} scaling ×{1:g}").format(scaling, factor) if factor
                                 else self.tr("{0} scaling").format(scaling))
        if rotary.partial_rotary_factor < 1:
            words = self._listed(words, self.tr("{0:g} of the head rotated").format(rotary.partial_rotary_factor))
        return words

    def _listed(self, first: str, second: str) -> str:
        """Two parts of a description one after the other, with the language's comma (Chinese: "，")."""
        return self.tr("{0}, {1}").format(first, second)

    def _layer_words(self, info) -> str:
        return self._listed(self._attention_words(info.attention, info.span), self._rotary_words(info.rotary))

    def _summary_text(self, report: ConfigReport) -> str:
        config = report.config
        groups: dict[str, list[int]] = {}
        for info in report.layers:
            groups.setdefault(self._layer_words(info), []).append(info.index)
        colours = {kind: style.curve_colour(i, self.theme) for i, kind in enumerate(ATTENTION_ORDER)}
        rows = []
        for words, indices in groups.items():
            first = report.layers[indices[0]]
            colour = colours[first.attention] if first.rotary is not None else NOPE_COLOUR
            # a column's width apart: with cell padding alone "llama3 scaling ×8" and "32 layers" read as "×8 32"
            rows.append(f"<tr><td><span style='color:{colour}'>■</span> {escape(words)}</td>"
                        f"<td style='padding-left: {LIST_GAP_EMS}em'>{escape(self._layer_list(indices))}</td></tr>")
        facts = self.tr("model type {0}, rotated head width {1}, up to {2} positions (max_position_embeddings)").format(
            escape(config.model_type or "?"), config.head_dim, config.max_position_embeddings)
        scene = self.tr("The scene now shows the {0} layers' rotation (the other views draw it).").format(
            escape(report.settings.layer_type))
        notes = "".join(f"<li>{escape(translate(model_config.CONTEXT, note))}</li>"
                        for note in report.settings.not_simulated)
        left_out_heading = self.tr("Not in the scene:")  # outside the f-string: lupdate does not look inside one
        left_out = f"<p>{left_out_heading}</p><ul>{notes}</ul>" if notes else ""
        kinds = "".join(f"<li><span style='color:{self._colour(kind)}'>■</span> {escape(self._kind_words(kind))}</li>"
                        for kind in report.spectra)
        return (f"<p><b>{escape(report.name)}</b>: {facts}</p>"
                f"<table cellspacing='0' cellpadding='4'>{''.join(rows)}</table>"
                f"<ul>{kinds}</ul><p>{scene}</p>{left_out}")

    def _short_name(self, kind) -> str:
        """A layer type in two or three words, for the legend."""
        if kind.rotary is None:
            return self.tr("NoPE")
        if kind.attention == "chunked_attention":
            return self.tr("chunks of {0}").format(kind.span)
        return self.tr("window {0}").format(kind.span) if kind.span is not None else self.tr("full")

    def _legend_texts(self, report: ConfigReport) -> list[str]:
        """What the colours and the lines mean, an entry a label (each on one line: a "- -" at a line's end read as
        a stray dash): each kind of layer in its colour, then the dashes."""
        entries = [f"<span style='color:{self._colour(kind)}'>■</span>&nbsp;{escape(self._short_name(kind))}"
                   for kind in report.spectra]
        return entries + [escape(self.tr("- - trained length, window")), escape(self.tr("··· extended"))]

    def _kind_words(self, kind) -> str:
        """What one layer type does with distance, in plain words."""
        name = self._kind_name(kind)
        if kind.rotary is None:
            return self.tr("{0}: no rotation, so q·k of equal heads is the same at every distance; order reaches "
                           "these layers only through the causal mask and the layers before.").format(name)
        words = self.tr("{0}: one turn takes {1:.3g} to {2:.3g} tokens; {3} of {4} pairs do not complete one "
                        "turn within the {5} tokens trained on").format(
            name, *kind.wavelength_range, kind.unturned_pairs, len(kind.wavelengths), kind.trained_length)
        if kind.extended_length != kind.trained_length:
            words += self.tr(" (the config extends it to {0})").format(kind.extended_length)
        return words + self.tr("; q·k of equal heads falls to {0:.2f} at distance {1}.").format(
            kind.reach_score, kind.reach)

    def _layer_list(self, indices: list[int]) -> str:
        """The layers of a kind: all of them when few, else as runs ("0–4, 6–10, …"; "0, 1, 2, 3 … 33" hid that
        Gemma 3's local layers skip every sixth), else the first four and the last."""
        if len(indices) <= 8:
            return self.tr("layers {0}").format(", ".join(map(str, indices)))
        runs = layer_runs(indices)
        if len(runs) <= MAX_RUNS:
            return self.tr("{0} layers: {1}").format(len(indices), ", ".join(
                str(first) if first == last else f"{first}–{last}" for first, last in runs))
        return self.tr("{0} layers: {1} … {2}").format(len(indices), ", ".join(map(str, indices[:4])), indices[-1])

    def _no_config_text(self, data) -> str:
        if isinstance(data, InputError):
            return escape(error_text(data))
        return self.tr("No model config open: File › Open model config… or File › Example models, or drop a "
                       "config.json on the window.")
