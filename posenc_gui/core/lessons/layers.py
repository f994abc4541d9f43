"""CNN vs RNN vs self-attention (d2l 10.6, seed 002): cost per layer, sequential operations and the
longest path between two positions, for n tokens of width d and convolution kernel k."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# name: (complexity per layer, sequential operations, maximum path length), in big-O.
TABLE = {
    "cnn": ("O(k n d^2)", "O(1)", "O(n/k)"),
    "rnn": ("O(n d^2)", "O(n)", "O(n)"),
    "self-attention": ("O(n^2 d)", "O(1)", "O(1)"),
}


def costs(n: np.ndarray, d: int, k: int) -> dict[str, np.ndarray]:
    """Operation counts per layer (constants dropped, as in the table) for each n."""
    n = np.asarray(n, dtype=np.float64)
    return {"cnn": k * n * d * d, "rnn": n * d * d, "self-attention": n * n * d}


def path_lengths(n: np.ndarray, k: int) -> dict[str, np.ndarray]:
    """Longest path, in layers or steps, between the first and the last of n tokens."""
    n = np.asarray(n, dtype=np.float64)
    return {"cnn": np.ceil(n / k), "rnn": n, "self-attention": np.ones_like(n)}


def crossovers(d: int, k: int) -> dict[str, float]:
    """Sequence length above which self-attention costs more: n = d against an RNN, n = k d against a CNN."""
    return {"rnn": float(d), "cnn": float(k * d)}


@dataclass(frozen=True, eq=False)
class LayerComparison:
    """The three layer types for kernel size ``k`` and width ``d`` over log-spaced lengths ``n``: ``costs``
    and ``paths`` {layer: values at n}, the ``crossovers`` {"rnn": n = d, "cnn": n = k d} where
    self-attention's cost meets theirs, and that cost there (``meets``)."""

    k: int
    d: int
    n: np.ndarray
    costs: dict[str, np.ndarray]
    paths: dict[str, np.ndarray]
    crossovers: dict[str, float]
    meets: dict[str, float]

    def series(self, what: str) -> dict[str, np.ndarray]:
        """{layer: values} of one plotted quantity: "costs" or "paths"."""
        return {"costs": self.costs, "paths": self.paths}[what]


def compare_layers(k: int, d: int, points: int = 300) -> LayerComparison:
    """The ``LayerComparison`` for kernel size ``k`` and width ``d``, over lengths from 1 to ten times the
    last crossover (at least 1e5)."""
    crossing = crossovers(d, k)
    n = np.unique(np.round(np.geomspace(1, max(1e5, 10 * crossing["cnn"]), points)))
    meets = costs(np.array(list(crossing.values())), d, k)["self-attention"]
    return LayerComparison(k, d, n, costs(n, d, k), path_lengths(n, k), crossing,
                           {name: float(value) for name, value in zip(crossing, meets)})
