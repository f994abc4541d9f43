"""xPos (Sun et al. 2023): RoPE plus a per-pair exponential scale, zeta_i^(n/B) on queries and its
inverse on keys, so that the score of distant pairs shrinks smoothly (torchscale's XPOS)."""

from __future__ import annotations

import numpy as np

from ..params import EVEN_D_MODEL, SEQ_LEN, InputError, Param
from ..registry import CHUNK_BYTES, Attention, Entry, Method, Output, register
from .rope import inv_freq, mean_cosine, rotate

SCALE_BASE = Param("scale_base", "float", 512.0, "B: the scale grows by a factor zeta over B positions", 1.0,
                   1e6, label="Scale base")


def zeta(d_model: int) -> np.ndarray:
    """(d/2,) per-pair ratio (2i + 0.4 d) / (1.4 d), between 0.29 and 1."""
    return (np.arange(0, d_model, 2) + 0.4 * d_model) / (1.4 * d_model)


def centred_positions(seq_len: int) -> np.ndarray:
    """Positions floor(-N/2) ... as torchscale centres them (keeps the scales near 1)."""
    return np.arange(seq_len) + (-seq_len) // 2


def scale(seq_len: int, d_model: int, scale_base: float = 512.0) -> np.ndarray:
    """(seq_len, d/2) the query scale zeta^(n/B) at each centred position n; keys use its inverse."""
    return zeta(d_model)[None, :] ** (centred_positions(seq_len)[:, None] / scale_base)


def decay(seq_len: int, d_model: int, scale_base: float = 512.0) -> np.ndarray:
    """(seq_len,) score / d of rotated, scaled all-ones q and k against the offset m - n:
    sum_i 2 zeta_i^(offset/B) cos(offset theta_i) / d, in blocks of offsets (rope.mean_cosine)."""
    return mean_cosine(seq_len, inv_freq(d_model), np.log(zeta(d_model)) / scale_base)


def _decay_peak(seq_len, d_model, **_):
    """The result, CHUNK_BYTES for mean_cosine, and the per-pair vectors."""
    return 8 * seq_len + CHUNK_BYTES + 8 * 8 * (d_model // 2)


def rotation(values: dict, positions: np.ndarray, head_dim: int):
    """In attention: queries scaled by zeta^(n/B), keys by its inverse, both rotated as RoPE (interleaved)."""
    freq = inv_freq(head_dim)
    scales = np.repeat(scale(len(positions), head_dim, values["scale_base"]), 2, axis=1)

    def turn(x, key=False):
        return rotate(x * (1 / scales if key else scales), positions, freq, "interleaved")
    return turn


def _check(d_model, **_):
    if d_model % 2:
        raise InputError("d_model must be even for xPos (channels rotate in pairs), not {0}", d_model)


register(Method(
    name="xpos",
    title="xPos",
    family="rotary",
    citation="Sun et al. 2023, A Length-Extrapolatable Transformer (arXiv:2212.10554); torchscale xpos_relative_position.py",
    summary="RoPE whose pairs also shrink with distance: zeta^(n/B) on queries, zeta^(-n/B) on keys.",
    params=(SEQ_LEN, EVEN_D_MODEL, SCALE_BASE),
    outputs={
        "scale": Output(scale, lambda seq_len, d_model, **_: (seq_len, d_model // 2),
                        peak=lambda seq_len, d_model, **_: 8 * seq_len * (d_model // 2 + 2)),  # and positions
        "decay": Output(decay, lambda seq_len, **_: (seq_len,), peak=_decay_peak),
    },
    check=_check,
    attention=Attention(Entry.ROTATE, rotation=rotation),
))
