"""Sinusoidal encoding (Vaswani et al. 2017) in the four published channel layouts."""

from __future__ import annotations

import numpy as np

from .. import cancel
from ..params import BASE, D_MODEL, SEQ_LEN, Param
from ..registry import ADDED, Method, Output, register

LAYOUTS = ("interleaved", "concat", "tensor2tensor", "fairseq")

LAYOUT = Param(
    "layout", "choice", "interleaved",
    "Channel order and frequency spacing: interleaved = paper and d2l; concat = [sin | cos] with the "
    "paper's frequencies; tensor2tensor and fairseq = [sin | cos] with n-1 spacing",
    choices=LAYOUTS, label="Layout",
)
MIN_TIMESCALE = Param("min_timescale", "float", 1.0,
                      "tensor2tensor layout only: as its get_timing_signal_1d code, the frequencies are multiplied "
                      "by this (fastest = min_timescale, slowest = min_timescale^2/base), although its docstring "
                      "speaks of timescales from min_timescale to base", 1e-3, 1e6, label="Min timescale",
                      when=(("layout", ("tensor2tensor",)),))
PADDING_IDX = Param("padding_idx", "int", 1,
                    "fairseq layout only: token p uses table row p + padding_idx + 1", 0, 1024,
                    label="Padding index", when=(("layout", ("fairseq",)),))


def frequencies(d_model: int, base: float = 10000.0, layout: str = "interleaved",
                min_timescale: float = 1.0) -> np.ndarray:
    """Angular frequency of each sin/cos pair, in float64.

    interleaved: ceil(d/2) pairs (odd d: the last is a lone sin column); concat: d//2 pairs,
    w_k = base^(-2k/d); tensor2tensor and fairseq: d//2 pairs, w_k = m * (m/base)^(k/(n-1)) with
    m = min_timescale, so from m down to exactly m^2/base: 1 to 1/base at the default m = 1, which
    fairseq fixes. tensor2tensor's get_timing_signal_1d multiplies by m as written here (its docstring
    would divide: timescales from m to base).
    """
    if layout in ("interleaved", "concat"):
        pairs = (d_model + 1) // 2 if layout == "interleaved" else d_model // 2
        return base ** (-2.0 * np.arange(pairs) / d_model)
    n = d_model // 2
    lo = min_timescale if layout == "tensor2tensor" else 1.0
    increment = np.log(base / lo) / max(n - 1, 1)
    return lo * np.exp(-increment * np.arange(n))


def _positions(seq_len: int, layout: str, padding_idx: int) -> np.ndarray:
    start = padding_idx + 1 if layout == "fairseq" else 0
    return np.arange(start, start + seq_len, dtype=np.float64)


def encoding(seq_len, d_model, base=10000.0, layout="interleaved", min_timescale=1.0, padding_idx=1):
    """(seq_len, d_model) float64: row p is the encoding added to the token at position p."""
    pos = _positions(seq_len, layout, padding_idx)
    w = frequencies(d_model, base, layout, min_timescale)
    angle = np.outer(pos, w)
    out = np.zeros((seq_len, d_model))
    if layout == "interleaved":
        out[:, 0::2] = np.sin(angle)
        out[:, 1::2] = np.cos(angle[:, : d_model // 2])
    else:
        n = w.size
        out[:, :n] = np.sin(angle)
        out[:, n:2 * n] = np.cos(angle)
    return out


def encoding_display(seq_len, d_model, base=10000.0, layout="interleaved", min_timescale=1.0,
                     padding_idx=1, block=64):
    """The same as ``encoding`` in float32, max |error| about 2e-7, much faster (benchmarks/README.md).

    A pair is one complex number sin x + i cos x = i exp(-ix). With position p = start + block*a + b,
    i exp(-iwp) = i exp(-iw(start + block*a)) * exp(-iwb): one complex64 product per pair from two
    small tables, a block of rows at a time (in cache), written straight into the interleaved layout's
    (sin, cos) columns and copied into the [sin | cos] halves of the others.
    """
    w = frequencies(d_model, base, layout, min_timescale)
    pairs = w.size
    start = _positions(1, layout, padding_idx)[0]
    blocks = -(-seq_len // block)
    heads = (1j * np.exp(-1j * np.outer(start + block * np.arange(blocks), w))).astype(np.complex64)
    offsets = np.exp(-1j * np.outer(np.arange(block), w)).astype(np.complex64)
    if layout == "interleaved":  # odd d_model: the last pair keeps its sin only
        out = np.empty((blocks * block, 2 * pairs), dtype=np.float32)
        values = out.view(np.complex64)
        for a in range(blocks):
            cancel.check()
            np.multiply(offsets, heads[a], out=values[a * block:(a + 1) * block])
        return out[:seq_len, :d_model]
    out = np.zeros((blocks * block, d_model), dtype=np.float32)  # odd d_model: a zero last channel
    values = np.empty((block, pairs), dtype=np.complex64)
    for a in range(blocks):
        cancel.check()
        np.multiply(offsets, heads[a], out=values)
        rows = out[a * block:(a + 1) * block]
        rows[:, :pairs] = values.real
        rows[:, pairs:2 * pairs] = values.imag
    return out[:seq_len]


def _encoding_peak(seq_len, d_model, **_):
    """The result, the angles (a column per pair) and one sin or cos of them, the positions."""
    return 8 * seq_len * (d_model + 2 * ((d_model + 1) // 2) + 1)


def _freq_shape(d_model, layout, **_):
    return ((d_model + 1) // 2 if layout == "interleaved" else d_model // 2,)


SINUSOIDAL = register(Method(
    name="sinusoidal",
    title="Sinusoidal",
    family="absolute",
    citation="Vaswani et al. 2017, Attention Is All You Need (arXiv:1706.03762)",
    summary="Fixed sin and cos waves of geometrically spaced wavelengths, added to each token.",
    params=(SEQ_LEN, D_MODEL, BASE, LAYOUT, MIN_TIMESCALE, PADDING_IDX),
    outputs={
        "encoding": Output(encoding, lambda seq_len, d_model, **_: (seq_len, d_model),
                           display=encoding_display, peak=_encoding_peak),
        "frequencies": Output(
            lambda d_model, base, layout, min_timescale: frequencies(d_model, base, layout, min_timescale),
            _freq_shape, params=("d_model", "base", "layout", "min_timescale")),
    },
    attention=ADDED,
))
