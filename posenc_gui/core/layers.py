"""CNN vs RNN vs self-attention (d2l 10.6, seed 002): cost per layer, sequential operations and the
longest path between two positions, for n tokens of width d and convolution kernel k."""

from __future__ import annotations

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
