"""ALiBi (Press et al. 2022): no embedding; a per-head linear penalty on distance added to the logits."""

from __future__ import annotations

import math

import numpy as np

from ..params import CAUSAL, HEADS, SEQ_LEN
from ..registry import BIASED, Method, Output, register


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


def distance(seq_len: int, causal: bool = False) -> np.ndarray:
    """(N, N) the distance each bias multiplies: |i - j|, or i - j on and below the diagonal
    (causal; entries above it are 0 here, the attention mask removes them)."""
    i = np.arange(seq_len)
    diff = (i[:, None] - i[None, :]).astype(np.float64)
    return np.where(diff >= 0, diff, 0.0) if causal else np.abs(diff)


def bias(heads: int, seq_len: int, causal: bool = False) -> np.ndarray:
    """(heads, N, N) additive logits: -m|i - j| (encoder), or -m(i - j) for keys j <= i (causal)."""
    return -slopes(heads)[:, None, None] * distance(seq_len, causal)[None]


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
                       peak=lambda heads, seq_len, **_: 8 * (heads + 3) * seq_len ** 2),  # and 3 distance tables
    },
    tags=("bias",),
    attention=BIASED,
))
