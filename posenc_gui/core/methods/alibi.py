"""ALiBi (Press et al. 2022): no embedding; a per-head linear penalty on distance added to the logits."""

from __future__ import annotations

import math

import numpy as np

from .. import cancel
from ..params import CAUSAL, HEADS, SEQ_LEN
from ..registry import BIASED, Method, Output, block_bytes, register, rows_per_chunk


def slopes(heads: int) -> np.ndarray:
    """(heads,) slopes as in the reference: geometric from 2^(-8/n) for n a power of two; otherwise
    the slopes of the nearest lower power of two c, then every other slope of 2c (first n - c)."""
    def geometric(n):
        start = 2.0 ** (-8.0 / n)
        return start ** np.arange(1, n + 1)

    if heads & (heads - 1) == 0:
        return geometric(heads)
    lower = 2 ** int(math.floor(math.log2(heads)))
    return np.concatenate([geometric(lower), geometric(2 * lower)[0::2][: heads - lower]])


DISTANCE_ROW_BYTES = 8 * 3  # per key of a block's rows: i - j, its |i - j| (or causal part), a mask


def distance(seq_len: int, causal: bool = False, rows: slice = slice(None)) -> np.ndarray:
    """(N, N) the distance each bias multiplies: |i - j|, or i - j on and below the diagonal
    (causal; entries above it are 0 here, the attention mask removes them); only the query ``rows`` asked."""
    i = np.arange(seq_len)
    diff = (i[rows, None] - i[None, :]).astype(np.float64)
    return np.where(diff >= 0, diff, 0.0) if causal else np.abs(diff)


def bias(heads: int, seq_len: int, causal: bool = False) -> np.ndarray:
    """(heads, N, N) additive logits: -m|i - j| (encoder), or -m(i - j) for keys j <= i (causal). A block of
    queries at a time, so that Cancel stops a table of gigabytes within one block."""
    out = np.empty((heads, seq_len, seq_len))
    gains = -slopes(heads)[:, None, None]
    for rows in cancel.blocks(seq_len, rows_per_chunk(DISTANCE_ROW_BYTES * seq_len)):
        np.multiply(gains, distance(seq_len, causal, rows)[None], out=out[:, rows])
    return out


register(Method(
    name="alibi",
    title="ALiBi",
    family="bias",
    citation="Press, Smith and Lewis 2022, Train Short, Test Long (arXiv:2108.12409)",
    summary="No position vectors: each head subtracts slope x distance from its attention logits.",
    params=(HEADS, SEQ_LEN, CAUSAL),
    outputs={
        "slopes": Output(lambda heads: slopes(heads), lambda heads, **_: (heads,), params=("heads",)),
        "bias": Output(bias, lambda heads, seq_len, **_: (heads, seq_len, seq_len),
                       peak=lambda heads, seq_len, **_: 8 * heads * seq_len ** 2  # and a block's distances
                       + block_bytes(seq_len, DISTANCE_ROW_BYTES * seq_len)),
    },
    tags=("bias",),
    attention=BIASED,
))
