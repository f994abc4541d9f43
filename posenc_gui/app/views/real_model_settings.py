"""What the real model view shows, read from a scene: the models' ablations and the head finder's patterns as
``scene.options`` holds them, the settings clamped to the chosen model, and the data one fetch returns."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP

from ...core import real_models
from ...core.real_models import MiniLMPositions, RopeAblation, TokenProbability, heads
from ..state import Scene

# (key, title) of each model's ablations, the first the default; keys are what scene.options["ablation"] holds
ABLATIONS = {
    "minilm": (
        ("none", QT_TRANSLATE_NOOP("RealModelView", "no positions")),
        ("shuffle:0", QT_TRANSLATE_NOOP("RealModelView", "positions shuffled")),
        ("reverse", QT_TRANSLATE_NOOP("RealModelView", "positions reversed")),
        ("shift:100", QT_TRANSLATE_NOOP("RealModelView", "positions shifted by 100")),
        ("sinusoid", QT_TRANSLATE_NOOP("RealModelView", "sinusoidal positions")),
        ("learned", QT_TRANSLATE_NOOP("RealModelView", "as trained (learned)")),
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
# the head finder's patterns, as scene.options["find"] holds them
PATTERN_TITLES = {
    "previous": QT_TRANSLATE_NOOP("RealModelView", "previous token"),
    "first": QT_TRANSLATE_NOOP("RealModelView", "first token (sink)"),
    "diagonal": QT_TRANSLATE_NOOP("RealModelView", "the token itself (diagonal)"),
    "broad": QT_TRANSLATE_NOOP("RealModelView", "broad (spread over all)"),
}
# what the page shows, as scene.options["show"] holds it: everything, or one head's panel alone (for export)
SHOW = {
    "all": QT_TRANSLATE_NOOP("RealModelView", "overview and head"),
    "trained": QT_TRANSLATE_NOOP("RealModelView", "this head, trained"),
    "ablated": QT_TRANSLATE_NOOP("RealModelView", "this head, ablated"),
    "difference": QT_TRANSLATE_NOOP("RealModelView", "this head, difference"),
}
LARGE = ("trained", "ablated", "difference")  # the large panels, in order


def has_cjk(text: str) -> bool:
    """Whether the text holds CJK ideographs (MiniLM's vocabulary knows only 244 of them)."""
    return any("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in text)


def choice(scene: Scene, name: str, keys) -> str:
    """scene.options[name] if it is one of ``keys``, else the first key."""
    keys = list(keys)
    value = scene.option(name, keys[0])
    return value if value in keys else keys[0]


@dataclass(frozen=True)
class Settings:
    """The view's settings read from a scene, clamped to the chosen model."""

    model: str
    ablation: str
    layer: int
    head: int
    find: str = "previous"
    show: str = "all"

    @classmethod
    def of(cls, scene: Scene) -> "Settings":
        name = choice(scene, "model", ABLATIONS)
        model = real_models.get(name)
        ablation = choice(scene, "ablation", (key for key, _ in ABLATIONS[name]))
        layer = min(max(int(scene.option("layer", 0)), 0), model.layers - 1)
        head = min(max(int(scene.option("head", 0)), 0), model.heads - 1)
        return cls(name, ablation, layer, head, choice(scene, "find", PATTERN_TITLES), choice(scene, "show", SHOW))

    def ablation_object(self):
        if self.model == "minilm":
            return MiniLMPositions.parse(self.ablation)
        return SMOLLM2_ABLATIONS[self.ablation]


@dataclass(frozen=True)
class RealAttention:
    """What the view draws: both forward passes, how much each head changed, the overview picture, the heads
    the finder found and the next tokens."""

    settings: Settings
    tokens: tuple[str, ...]
    real: np.ndarray     # (layers, heads, n, n)
    ablated: np.ndarray  # (layers, heads, n, n)
    change: np.ndarray   # (layers, heads) mean total-variation change
    overview: heads.Overview
    found: tuple[tuple[int, int, float, float], ...]  # (layer, head, score trained, score ablated)
    cut_from: int | None
    cjk: bool
    next_real: tuple[TokenProbability, ...] = ()
    next_ablated: tuple[TokenProbability, ...] = ()
