"""A real model on a text as trained and with its positions changed, compared head by head: what the
real-model view and lesson show, computed once per text and ablation.

The last few comparisons are kept, so that choosing another layer, head or head-finder pattern for the same
text costs no forward pass (SmolLM2's two passes take a quarter of a second of CPU at 32 tokens). The forward
passes are kept too, each by itself: the trained pass does not depend on the ablation, so choosing another
ablation for the same text runs one pass, not two. When both passes are needed the model runs them together
(``RealModel.forward_many``: SmolLM2 in one stack, MiniLM in two threads at once)."""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np

from . import heads
from .base import AttentionResult, RealModel, TokenProbability, Tokens

TOP_TOKENS = 10
KEPT = 8  # comparisons kept: a few texts and ablations to go back to (about 9 MB each for SmolLM2 at 64 tokens)
KEPT_PASSES = 2 * KEPT  # forward passes kept (about 4.5 MB each for SmolLM2 at 64 tokens)


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


class PassCache:
    """The last ``size`` forward passes by (model, token ids, ablation). A pass with the next-token distribution
    also answers a request without it; one without it is run again when the distribution is wanted. Several
    threads may use it: a pass missing from it is run by each thread that asks (runs are not shared)."""

    def __init__(self, size: int):
        self.size = size
        self._passes: OrderedDict[tuple, AttentionResult] = OrderedDict()
        self._lock = threading.Lock()

    @staticmethod
    def key(model: RealModel, tokens: Tokens, ablation) -> tuple:
        return model, tokens.ids.tobytes(), ablation

    def get(self, model: RealModel, tokens: Tokens, ablation, next_token: bool) -> AttentionResult | None:
        key = self.key(model, tokens, ablation)
        with self._lock:
            found = self._passes.get(key)
            if found is None or (next_token and model.causal and found.next_token is None):
                return None
            self._passes.move_to_end(key)
            return found

    def put(self, model: RealModel, tokens: Tokens, ablation, result: AttentionResult) -> None:
        with self._lock:
            self._passes[self.key(model, tokens, ablation)] = result
            while len(self._passes) > self.size:
                self._passes.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._passes.clear()


PASSES = PassCache(KEPT_PASSES)


def forward_passes(model: RealModel, tokens: Tokens, ablations: tuple, next_token: bool) -> list[AttentionResult]:
    """``model.forward`` under each ablation, from ``PASSES`` when kept; the missing ones are run together
    (``forward_many``) and kept."""
    results = [PASSES.get(model, tokens, ablation, next_token) for ablation in ablations]
    missing = tuple(dict.fromkeys(a for a, result in zip(ablations, results) if result is None))
    if missing:
        computed = dict(zip(missing, model.forward_many(tokens, missing, next_token)))
        for ablation, result in computed.items():
            PASSES.put(model, tokens, ablation, result)
        results = [computed[a] if result is None else result for a, result in zip(ablations, results)]
    return results


@functools.lru_cache(maxsize=KEPT)
def compare(model: RealModel, text: str, ablation, limit: int, next_tokens: bool = True) -> Comparison:
    """``model`` on ``text`` (capped at ``limit`` tokens) as trained and under ``ablation`` (a hashable
    ablation of the model's type). Kept per model object, so a model swapped for another is run anew. Without
    ``next_tokens`` a causal model's next tokens are left out (empty), and so is the cost of predicting them."""
    tokens = model.tokenize(text, limit=limit)
    next_tokens = next_tokens and model.causal
    real, ablated = forward_passes(model, tokens, (model.trained(), ablation), next_tokens)
    next_real = next_ablated = ()
    if next_tokens:
        next_real = model.top_next_tokens(real, TOP_TOKENS)
        next_ablated = model.top_next_tokens(ablated, TOP_TOKENS)
    return Comparison(tokens, real.attention, ablated.attention, heads.change(real.attention, ablated.attention),
                      heads.head_scores(real.attention), heads.head_scores(ablated.attention), next_real,
                      next_ablated)
