"""What each attention head of a real model does, as numbers a head finder can rank, and how much an
ablation changes it. Works on any (layers, heads, n, n) attention whose rows sum to 1, causal or not."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

PATTERNS = ("previous", "first", "diagonal", "broad")
PATTERN_TITLES = {
    "previous": "previous token: weight on the token just before",
    "first": "first token (sink): weight on the first token",
    "diagonal": "diagonal: weight on the token itself",
    "broad": "broad: entropy of the row over the entropy of a uniform row",
}


@dataclass(frozen=True)
class HeadScores:
    """(layers, heads) mean over the queries of each pattern's score, each between 0 and 1."""

    previous: np.ndarray
    first: np.ndarray
    diagonal: np.ndarray
    broad: np.ndarray

    def rank(self, pattern: str, k: int = 10) -> list[tuple[int, int, float]]:
        """The k heads that score highest on ``pattern``: (layer, head, score), best first."""
        scores = getattr(self, pattern)
        order = np.argsort(-scores, axis=None, kind="stable")[:k]
        return [(int(i // scores.shape[1]), int(i % scores.shape[1]), float(scores.flat[i])) for i in order]


def head_scores(attention: np.ndarray) -> HeadScores:
    """Score every head of ``attention`` (layers, heads, n, n) on every pattern. The first query is left
    out of previous-token and broad (it has no previous token and, when causal, one key to choose)."""
    attention = np.asarray(attention, np.float64)
    n = attention.shape[-1]
    queries = np.arange(n)
    previous = attention[..., queries[1:], queries[1:] - 1].mean(axis=-1) if n > 1 else np.zeros(attention.shape[:2])
    first = attention[..., :, 0].mean(axis=-1)
    diagonal = attention[..., queries, queries].mean(axis=-1)
    with np.errstate(divide="ignore", invalid="ignore"):
        entropy = -np.where(attention > 0, attention * np.log(attention), 0.0).sum(axis=-1)
    causal = not np.triu(attention, 1).any()
    visible = (queries + 1) if causal else np.full(n, n)
    broad = (entropy[..., 1:] / np.log(visible[1:])).mean(axis=-1) if n > 1 else np.zeros(attention.shape[:2])
    return HeadScores(previous, first, diagonal, broad)


def change(attention: np.ndarray, ablated: np.ndarray) -> np.ndarray:
    """(layers, heads) mean over the queries of the total-variation distance between the two rows:
    0 where the head is unchanged, 1 where every query now attends to other keys entirely."""
    if np.shape(attention) != np.shape(ablated):
        raise ValueError(f"attention of shape {np.shape(attention)} and {np.shape(ablated)} cannot be compared")
    difference = np.abs(np.asarray(attention, np.float64) - np.asarray(ablated, np.float64))
    return 0.5 * difference.sum(axis=-1).mean(axis=-1)
