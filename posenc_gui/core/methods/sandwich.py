"""Sandwich (Chi, Fan, Rudnicky and Ramadge 2023): no learned parameters; the inner product of two sinusoidal
position vectors, sum_i cos((i - j) theta_i), is a bias that falls with distance and flattens out, shifted to
0 on the diagonal and compressed per head like ALiBi's slopes. As NeMo's SandwichRelativePositionEmbedding
(the implementation the paper's authors point to): theta_i = 10000^(-2i/d') for i = 1 ... d'/2 (the
frequency 1 left out), head h of H divides by 8h/H, and a causal model's future keys get distance 0."""

from __future__ import annotations

import numpy as np

from ..params import CAUSAL, HEADS, SEQ_LEN, InputError, Param
from ..registry import BIASED, CHUNK_BYTES, Method, Output, register
from .alibi import distance
from .rope import mean_cosine

WIDTH = Param("d_model", "int", 128, "d': width of the sinusoidal vectors whose inner product is the bias (even; "
              "NeMo uses the head width)", 2, 2048, label="Width d'")


def frequencies(d_model: int) -> np.ndarray:
    """(d'/2,) theta_i = 10000^(-2i/d') for i = 1 ... d'/2."""
    return 10000.0 ** (-2 * np.arange(1, d_model // 2 + 1) / d_model)


def head_scales(heads: int) -> np.ndarray:
    """(heads,) the divisor 8h/H of head h = 1 ... H."""
    return np.arange(1, heads + 1) * 8 / heads


def profile(seq_len: int, d_model: int) -> np.ndarray:
    """(seq_len,) sum_i cos(r theta_i) - d'/2 at distance r = 0 ... seq_len-1: 0 at r = 0, negative beyond."""
    curve = mean_cosine(seq_len, frequencies(d_model))
    curve *= d_model // 2
    curve -= d_model / 2
    return curve


def bias(seq_len: int, heads: int = 8, causal: bool = False, d_model: int = 128) -> np.ndarray:
    """(heads, N, N) the profile at |i - j| (causal: i - j, 0 above the diagonal) divided by 8h/H for head h."""
    shifted = profile(seq_len, d_model)[distance(seq_len, causal).astype(np.intp)]
    return shifted[None] / head_scales(heads)[:, None, None]


def _check(d_model, **_):
    if d_model % 2:
        raise InputError("d_model must be even for Sandwich (sines and cosines come in pairs), not {0}", d_model)


def _peak(seq_len, heads, d_model, **_):
    """The distance (three tables while it is made), its index, the looked-up profile, the result; the
    profile's blocks."""
    return 8 * (heads + 6) * seq_len ** 2 + CHUNK_BYTES + 8 * (seq_len + 8 * d_model)


register(Method(
    name="sandwich",
    title="Sandwich",
    family="bias",
    citation="Chi, Fan, Rudnicky and Ramadge 2023, Dissecting Transformer Length Extrapolation via the Lens of "
             "Receptive Field Analysis (arXiv:2212.10356); NeMo SandwichRelativePositionEmbedding",
    summary="The dot product of two sinusoidal position vectors, shifted to 0 at distance 0 and compressed per "
            "head, is added to the logits: no parameters.",
    params=(HEADS, SEQ_LEN, CAUSAL, WIDTH),
    outputs={"bias": Output(bias, lambda seq_len, heads, **_: (heads, seq_len, seq_len), peak=_peak)},
    check=_check,
    tags=("bias",),
    attention=BIASED,
))
