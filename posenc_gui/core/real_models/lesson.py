"""The numbers of the lesson "What position does inside a real model": each step runs one real model on the
lesson's sentence as trained and with its positions changed, and picks the head to look at (the model's
strongest previous-token head as trained), so the lesson can say what changed and by how much.

The steps tell one story. Shifting every position changes MiniLM's attention a lot (its positions are
absolute: a learned row per place) and SmolLM2's not at all (RoPE's scores depend only on the distance
between query and key). Shuffling MiniLM's positions scrambles word order; switching RoPE off removes
SmolLM2's only sense of order, and its previous-token heads no longer find the previous token."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import get
from .compare import Comparison, compare
from .minilm import MiniLMPositions
from .smollm2 import RopeAblation

TEXT = "The cat chased the mouse, and then the mouse chased the cat around the garden."
LIMIT = 32  # tokens: the sentence fits, and SmolLM2's two passes stay well under a second


@dataclass(frozen=True)
class Step:
    title: str    # English; the view translates it
    model: str
    ablation: object
    ablation_name: str


STEPS = (
    Step("MiniLM: every position shifted by 100", "minilm", MiniLMPositions("shift", 100), "shift:100"),
    Step("SmolLM2: every position shifted by 1000", "smollm2", RopeAblation(position_offset=1000), "offset:1000"),
    Step("MiniLM: positions shuffled", "minilm", MiniLMPositions("shuffle", 0), "shuffle:0"),
    Step("SmolLM2 with RoPE off", "smollm2", RopeAblation(rope=False), "rope-off"),
)


@dataclass(frozen=True)
class StepResult:
    """One step's comparison, the head to look at and what the lesson says of it."""

    step: Step
    comparison: Comparison
    layer: int
    head: int
    mean_change: float          # over every layer and head, 0 (unchanged) to 1
    previous_before: float      # the head's previous-token score as trained
    previous_after: float       # ... and under the ablation
    previous_heads_before: int  # heads whose previous-token score is at least PREVIOUS_HEAD
    previous_heads_after: int

    @property
    def tokens(self) -> tuple[str, ...]:
        return self.comparison.tokens.strings


PREVIOUS_HEAD = 0.5  # a head counts as a previous-token head when half its weight, on average, goes there


def models_needed() -> tuple[str, ...]:
    return tuple(dict.fromkeys(step.model for step in STEPS))


def run_step(index: int, text: str = TEXT) -> StepResult:
    """Step ``index`` (clamped to the steps) on ``text``. Loads the model on first use (seconds)."""
    step = STEPS[min(max(index, 0), len(STEPS) - 1)]
    result = compare(get(step.model), text, step.ablation, LIMIT, next_tokens=False)  # the lesson lists none
    (layer, head, before, after), = result.found("previous", 1)
    return StepResult(step, result, layer, head, float(result.change.mean()), before, after,
                      int(np.count_nonzero(result.real_scores.previous >= PREVIOUS_HEAD)),
                      int(np.count_nonzero(result.ablated_scores.previous >= PREVIOUS_HEAD)))
