"""A config's stack of layers: each layer's attention, span and rotation, each kind of layer's wavelengths and
q·k against distance, and the Layer patterns stack that is the same."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .reading import ModelConfig, Rotary
from .rotation import frequencies


def layer_rows(config: ModelConfig) -> list[tuple[int, str, int]]:
    """(layer, attention, 1 if it rotates q and k else 0) per layer."""
    return [(i, kind, int(rotates)) for i, (kind, rotates) in enumerate(zip(config.layer_types, config.rope_layers))]


@dataclass(frozen=True)
class LayerInfo:
    """One layer as the config sets it: its attention kind, the span it attends within (the sliding window or
    the chunk; None for the whole context) and its rotary embedding (None for a NoPE layer)."""

    index: int
    attention: str
    span: int | None
    rotary: Rotary | None


def layer_infos(config: ModelConfig) -> list[LayerInfo]:
    """Every layer of ``config``. A config with a sliding window and no sliding layer type (Mistral, Phi-3)
    windows every layer, as transformers' masks do."""
    every_layer_windowed = config.sliding_window is not None and "sliding_attention" not in config.layer_types
    infos = []
    for index, (kind, rotates) in enumerate(zip(config.layer_types, config.rope_layers)):
        if kind == "sliding_attention" or every_layer_windowed:
            span = config.sliding_window
        else:
            span = config.attention_chunk_size if kind == "chunked_attention" else None
        infos.append(LayerInfo(index, kind, span, config.rotary.get(kind) if rotates else None))
    return infos


# -- what each layer type does with distance ------------------------------------------------------------

SCORE_POINTS = 400  # distances sampled for q.k, evenly on a log scale from 1 to the extended length


@dataclass(frozen=True)
class LayerTypeSpectrum:
    """One kind of layer of a config (its attention and whether it rotates) as its rotation shapes distance.

    ``wavelengths`` are the tokens each rotated pair needs for one full turn, as the model is built (empty for
    NoPE); ``trained_length`` is the context the unscaled rotation was trained on (the config's
    original_max_position_embeddings; for linear scaling the extended length over the factor, which the config
    implies but does not state) and ``extended_length`` the context the config allows (max_position_embeddings;
    for dynamic NTK the length at which it has grown by its factor). ``score`` is q.k / (|q| |k|) of two equal
    all-ones heads at ``distances`` apart: the rotated channels carry the attention factor squared, the others
    (a partial rotation, or all of a NoPE layer) stay 1. ``distances`` include ``reach``."""

    attention: str
    span: int | None
    rotary: Rotary | None
    layers: tuple[int, ...]
    wavelengths: np.ndarray
    trained_length: int
    extended_length: int
    distances: np.ndarray
    score: np.ndarray

    @property
    def reach(self) -> int:
        """The farthest distance a layer of this type scores in use: its window or chunk, else the trained length."""
        return self.span or self.trained_length

    @property
    def reach_score(self) -> float:
        """``score`` at ``reach`` (one of ``distances``)."""
        return float(self.score[np.searchsorted(self.distances, self.reach)])

    @property
    def wavelength_range(self) -> tuple[float, float]:
        """The fastest pair's wavelength and the slowest turning one's (a pair of frequency 0 never turns)."""
        turning = self.wavelengths[np.isfinite(self.wavelengths)]
        return float(turning.min()), float(turning.max())

    @property
    def unturned_pairs(self) -> int:
        """Pairs that never complete a turn within the trained length (so no trained score saw them wrap)."""
        return int(np.count_nonzero(self.wavelengths > self.trained_length))


def _lengths(config: ModelConfig, rotary: Rotary | None) -> tuple[int, int]:
    top = config.max_position_embeddings
    if rotary is None or rotary.rope_type in ("default", "proportional"):
        return top, top
    factor = rotary.params.get("factor")
    if rotary.rope_type == "linear":
        return max(1, round(top / factor)), top
    if rotary.rope_type == "dynamic":
        return top, round(top * factor)
    return int(rotary.params["original_max_position_embeddings"]), top


def spectra(config: ModelConfig) -> list[LayerTypeSpectrum]:
    """Each kind of layer of ``config`` in order of first appearance: (attention, span, rotates) groups."""
    groups: dict[tuple, list[LayerInfo]] = {}
    for info in layer_infos(config):
        groups.setdefault((info.attention, info.span, info.rotary is not None), []).append(info)
    result = []
    for (attention, span, rotates), infos in groups.items():
        rotary = infos[0].rotary
        trained, extended = _lengths(config, rotary)
        distances = np.union1d(np.round(np.geomspace(1, max(extended, 2), SCORE_POINTS)), [span or trained])
        if rotates:
            inv, factor = frequencies(config, attention)
            with np.errstate(divide="ignore"):  # a pair of frequency 0 (p-RoPE) never turns
                wavelengths = 2 * np.pi / inv
            turned = 2 * factor ** 2 * np.cos(np.outer(distances, inv)).sum(axis=1)
            score = (turned + rotary.head_dim - 2 * len(inv)) / rotary.head_dim
        else:
            wavelengths = np.zeros(0)
            score = np.ones_like(distances)
        result.append(LayerTypeSpectrum(attention, span, rotary, tuple(info.index for info in infos), wavelengths,
                                        trained, extended, distances, score))
    return result


# -- a config's stack as the method Layer patterns shows it ----------------------------------------------

def layer_pattern(config: ModelConfig) -> dict | None:
    """The Layer patterns method's parameters (pattern, head width, layer 0, the model's own window) whose stack
    is this config's: the same number of layers, each with the config's attention, window or chunk, rotation or
    none, and frequencies (compared numerically). None when no pattern of the method is this stack."""
    from ..methods import layers as pattern_method  # the method registers itself on import; only this needs it

    infos = layer_infos(config)
    for name, pattern in pattern_method.PATTERNS.items():
        if pattern.layers == len(infos) and all(_same_layer(config, name, pattern, info) for info in infos):
            return {"pattern": name, "d_model": config.head_dim, "layer": 0, "window": 0}
    return None


def _same_layer(config: ModelConfig, name: str, pattern, info: LayerInfo) -> bool:
    from ..methods import layers as pattern_method

    kind, rotates = pattern.kind(info.index), pattern.rotates(info.index)
    if kind != info.attention or rotates != (info.rotary is not None):
        return False
    if (info.span or 0) != (pattern.window if kind != "full_attention" else 0):
        return False
    if not rotates:
        return True
    if info.rotary.partial_rotary_factor != 1:
        return False
    expected = frequencies(config, info.attention)[0]
    return np.allclose(pattern_method.inv_freq(config.head_dim, name, info.index), expected, rtol=1e-9, atol=0)
