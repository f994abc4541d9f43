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


@dataclass(frozen=True)
class Overview:
    """Every head of every layer as one picture of n x n tiles, each head scaled to its own largest weight
    (a broad head's weights near 1/n would otherwise look blank beside a sharp head's near 1). The longer of
    layers and heads runs across, so that the picture is wider than tall and fits above the large panels."""

    pixels: np.ndarray  # (rows * n, columns * n) float32 in [0, 1]
    layers_across: bool
    n: int

    @property
    def rows(self) -> int:
        return self.pixels.shape[0] // self.n

    @property
    def columns(self) -> int:
        return self.pixels.shape[1] // self.n

    def head_at(self, row: int, column: int) -> tuple[int, int]:
        """(layer, head) of the tile in that row and column."""
        return (column, row) if self.layers_across else (row, column)

    def tile_of(self, layer: int, head: int) -> tuple[int, int]:
        """(row, column) of that head's tile."""
        return (head, layer) if self.layers_across else (layer, head)


def overview(attention: np.ndarray) -> Overview:
    """The ``Overview`` of ``attention`` (layers, heads, n, n)."""
    attention = np.asarray(attention, np.float32)
    layers, heads, n, _ = attention.shape
    peak = attention.max(axis=(-2, -1), keepdims=True)
    scaled = attention / np.where(peak > 0, peak, 1)
    layers_across = layers > heads
    if layers_across:
        scaled = scaled.transpose(1, 0, 2, 3)  # (heads, layers, n, n): a row per head
    rows, columns = scaled.shape[:2]
    pixels = scaled.transpose(0, 2, 1, 3).reshape(rows * n, columns * n)
    return Overview(np.ascontiguousarray(pixels), layers_across, n)
