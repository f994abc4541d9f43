"""FIRE (Li et al. 2023, Functional Interpolation for Relative Positions): a small learned MLP, one output per
head, of the distance made relative to the query's own position: b(i, j) = f(psi(i - j) / psi(max(i, L))) with
psi(x) = log(|c x| + 1). Dividing by the query position maps every distance of every length into [0, 1], so a
longer text reuses the inputs the MLP was trained on; the threshold L keeps short prefixes from being stretched.
As the paper's listing (its appendix; reproduced in torch by scripts/make_method_references.py): MLP 1 -> width
-> heads with a ReLU, c starting at 0.1, L at 512, eps 1e-6 added to the normaliser. Here the MLP's weights are
seeded draws of PyTorch's default start for its layers (uniform within +-1/sqrt(inputs)), not trained ones."""

from __future__ import annotations

import numpy as np

from ..params import HEADS, SEED, SEQ_LEN, Param
from ..registry import BIASED, Method, Output, block_bytes, register, rows_per_chunk

EPS = 1e-6  # the authors' addition to the normaliser
MLP_WIDTH = Param("mlp_width", "int", 32, "Hidden units of the MLP (the paper: 32)", 1, 256, label="MLP width")
LOG_SCALE = Param("c", "float", 0.1, "c in psi(x) = log(|c x| + 1): how strongly nearby distances are spread out "
                  "(learned; starts at 0.1)", 1e-4, 100.0, label="Log scale c")
THRESHOLD = Param("threshold", "float", 512.0, "L: queries before position L are normalised as if at L (learned "
                  "multiplier of 512)", 1.0, 1e6, label="Threshold L")


def mlp_weights(heads: int, mlp_width: int = 32, seed: int = 0) -> tuple[np.ndarray, ...]:
    """(w1 (width,), b1 (width,), w2 (heads, width), b2 (heads,)) seeded as nn.Linear starts: uniform within
    +-1 for the first layer (one input), +-1/sqrt(width) for the second."""
    rng = np.random.default_rng(seed)
    w1, b1 = rng.uniform(-1, 1, (2, mlp_width))
    bound = 1 / np.sqrt(mlp_width)
    return w1, b1, rng.uniform(-bound, bound, (heads, mlp_width)), rng.uniform(-bound, bound, heads)


def normalised_distance(seq_len: int, c: float = 0.1, threshold: float = 512.0) -> np.ndarray:
    """(N, N) psi(i - j) / (psi(max(i, L)) + eps), psi(x) = log(|c x| + 1): in [0, 1) for j <= i."""
    position = np.arange(seq_len, dtype=np.float64)
    out = np.abs(np.subtract.outer(position, position))
    out *= abs(c)
    np.log1p(out, out=out)
    normaliser = np.log1p(np.abs(c * np.maximum(position, threshold))) + EPS
    out /= normaliser[:, None]
    return out


def bias(seq_len: int, heads: int = 8, mlp_width: int = 32, c: float = 0.1, threshold: float = 512.0,
         seed: int = 0) -> np.ndarray:
    """(heads, N, N) the MLP of the normalised distance, a block of query rows at a time (its hidden layer is
    (rows, N, width))."""
    w1, b1, w2, b2 = mlp_weights(heads, mlp_width, seed)
    x = normalised_distance(seq_len, c, threshold)
    out = np.empty((heads, seq_len, seq_len))
    step = rows_per_chunk(_row_bytes(seq_len, heads, mlp_width))
    for start in range(0, seq_len, step):
        rows = slice(start, start + step)
        hidden = np.multiply.outer(x[rows], w1)
        hidden += b1
        np.maximum(hidden, 0, out=hidden)
        out[:, rows] = np.moveaxis(hidden @ w2.T, -1, 0)
        out[:, rows] += b2[:, None, None]
    return out


def _row_bytes(seq_len, heads, mlp_width):
    """Working memory of one query row: its hidden layer and its heads' outputs (and a copy of them made while
    they are put in place)."""
    return 8 * seq_len * (mlp_width + 2 * heads)


def _peak(seq_len, heads, mlp_width, **_):
    """The result, the normalised distances (and their first table), one block of rows, the weights (twice:
    the matrix product copies the transposed second layer)."""
    return (8 * (heads + 2) * seq_len ** 2 + block_bytes(seq_len, _row_bytes(seq_len, heads, mlp_width))
            + 8 * (3 * seq_len + (2 * heads + 3) * mlp_width))


register(Method(
    name="fire",
    title="FIRE",
    family="bias",
    citation="Li et al. 2023, Functional Interpolation for Relative Positions Improves Long Context Transformers "
             "(arXiv:2310.04418), its appendix's PyTorch listing",
    summary="A learned MLP of log distance divided by log query position adds one bias per head: any length maps "
            "into [0, 1] (seeded weights).",
    params=(HEADS, SEQ_LEN, MLP_WIDTH, LOG_SCALE, THRESHOLD, SEED),
    outputs={"bias": Output(bias, lambda seq_len, heads, **_: (heads, seq_len, seq_len), peak=_peak)},
    tags=("bias",),
    attention=BIASED,
))
