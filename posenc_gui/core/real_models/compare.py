"""A real model on a text as trained and with its positions changed, compared head by head: what the
real-model view and lesson show, computed once per text and ablation.

The last few comparisons are kept, so that choosing another layer, head or head-finder pattern for the same
text costs no forward pass (SmolLM2's two passes take a third of a second at 32 tokens)."""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np

from . import heads
from .base import RealModel, TokenProbability, Tokens

TOP_TOKENS = 10
KEPT = 8  # comparisons kept: a few texts and ablations to go back to (about 9 MB each for SmolLM2 at 64 tokens)


@dataclass(frozen=True)
class Comparison:
    """Both forward passes on the same tokens, how much each head changed, each head's pattern scores
    before and after, and for a causal model the most likely next tokens before and after."""

    tokens: Tokens
    real: np.ndarray     # (layers, heads, n, n) float32
    ablated: np.ndarray  # (layers, heads, n, n) float32
    change: np.ndarray   # (layers, heads) mean total-variation change
    real_scores: heads.HeadScores
    ablated_scores: heads.HeadScores
    next_real: tuple[TokenProbability, ...] = ()
    next_ablated: tuple[TokenProbability, ...] = ()

    def found(self, pattern: str, k: int) -> tuple[tuple[int, int, float, float], ...]:
        """The k heads most like ``pattern`` as trained: (layer, head, score as trained, score ablated)."""
        if pattern not in heads.PATTERNS:
            raise ValueError(f"pattern {pattern!r} is not one of {heads.PATTERNS}")
        after = getattr(self.ablated_scores, pattern)
        return tuple((layer, head, score, float(after[layer, head]))
                     for layer, head, score in self.real_scores.rank(pattern, k))


@functools.lru_cache(maxsize=KEPT)
def compare(model: RealModel, text: str, ablation, limit: int) -> Comparison:
    """``model`` on ``text`` (capped at ``limit`` tokens) as trained and under ``ablation`` (a hashable
    ablation of the model's type). Kept per model object, so a model swapped for another is run anew."""
    tokens = model.tokenize(text, limit=limit)
    real = model.forward(tokens)
    ablated = model.forward(tokens, ablation)
    next_real = next_ablated = ()
    if model.causal:
        next_real = model.top_next_tokens(real, TOP_TOKENS)
        next_ablated = model.top_next_tokens(ablated, TOP_TOKENS)
    return Comparison(tokens, real.attention, ablated.attention, heads.change(real.attention, ablated.attention),
                      heads.head_scores(real.attention), heads.head_scores(ablated.attention), next_real,
                      next_ablated)
