"""Sinusoidal encoding (Vaswani et al. 2017) in the four published channel layouts."""

from __future__ import annotations

import numpy as np

from ..params import BASE, D_MODEL, SEQ_LEN, Param
from ..registry import Method, Output, register

LAYOUTS = ("interleaved", "concat", "tensor2tensor", "fairseq")

LAYOUT = Param(
    "layout", "choice", "interleaved",
    "Channel order and frequency spacing: interleaved = paper and d2l; concat = [sin | cos] with the "
    "paper's frequencies; tensor2tensor and fairseq = [sin | cos] with n-1 spacing",
    choices=LAYOUTS, label="Layout",
)
MIN_TIMESCALE = Param("min_timescale", "float", 1.0,
                      "Shortest timescale, tensor2tensor layout only (fastest frequency is 1/this)",
                      1e-3, 1e6, label="Min timescale")
PADDING_IDX = Param("padding_idx", "int", 1,
                    "fairseq layout only: token p uses table row p + padding_idx + 1", 0, 1024,
                    label="Padding index")


def frequencies(d_model: int, base: float = 10000.0, layout: str = "interleaved",
                min_timescale: float = 1.0) -> np.ndarray:
    """Angular frequency of each sin/cos pair, in float64.

    interleaved: ceil(d/2) pairs (odd d: the last is a lone sin column); concat: d//2 pairs,
    w_k = base^(-2k/d); tensor2tensor and fairseq: d//2 pairs spaced so that the slowest is
    exactly min_timescale/base (fairseq fixes min_timescale at 1).
    """
    if layout in ("interleaved", "concat"):
        pairs = (d_model + 1) // 2 if layout == "interleaved" else d_model // 2
        return base ** (-2.0 * np.arange(pairs) / d_model)
    n = d_model // 2
    lo = min_timescale if layout == "tensor2tensor" else 1.0
    increment = np.log(base / lo) / max(n - 1, 1)
    return (1.0 / lo) * np.exp(-increment * np.arange(n))


def _positions(seq_len: int, layout: str, padding_idx: int) -> np.ndarray:
    start = padding_idx + 1 if layout == "fairseq" else 0
    return np.arange(start, start + seq_len, dtype=np.float64)


def _column_plan(d_model, base, layout, min_timescale):
    """Per output column: its frequency and phase, so that column c = sin(p * freq[c] + phase[c]).

    cos x is written sin(x + pi/2); a zero channel has frequency 0 and phase 0.
    """
    w = frequencies(d_model, base, layout, min_timescale)
    freq = np.zeros(d_model)
    phase = np.zeros(d_model)
    if layout == "interleaved":
        freq[0::2] = w
        freq[1::2] = w[: d_model // 2]
        phase[1::2] = np.pi / 2
    else:
        n = w.size
        freq[:n], freq[n:2 * n] = w, w
        phase[n:2 * n] = np.pi / 2
    return freq, phase


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


def _sin_cos32(angle: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """float32 sin and cos of float64 angles, reduced modulo 2*pi in float64 first."""
    both = np.empty((2, *angle.shape), dtype=np.float32)
    reduced = np.mod(angle, 2 * np.pi)
    both[0] = reduced
    both[1] = reduced + np.pi / 2
    np.sin(both, out=both)
    return both[0], both[1]


def encoding_display(seq_len, d_model, base=10000.0, layout="interleaved", min_timescale=1.0,
                     padding_idx=1, block=64):
    """The same as ``encoding`` in float32, max |error| about 5e-7, about ten times faster.

    Position p = start + block*a + b, so by angle addition sin(A_a + B_b) = sin A cos B + cos A sin B
    with small float32 tables of A (block starts, with the column's phase) and B (offsets). The
    table is filled a block of rows at a time, so the two products and the sum stay in cache.
    """
    freq, phase = _column_plan(d_model, base, layout, min_timescale)
    start = _positions(1, layout, padding_idx)[0]
    blocks = -(-seq_len // block)
    sin_start, cos_start = _sin_cos32(np.outer(start + block * np.arange(blocks), freq) + phase)
    sin_offset, cos_offset = _sin_cos32(np.outer(np.arange(block), freq))
    out = np.empty((blocks * block, d_model), dtype=np.float32)
    scratch = np.empty((block, d_model), dtype=np.float32)
    for a in range(blocks):
        rows = out[a * block:(a + 1) * block]
        np.multiply(cos_offset, sin_start[a], out=rows)
        np.multiply(sin_offset, cos_start[a], out=scratch)
        rows += scratch
    return out[:seq_len]


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
                           display=encoding_display),
        "frequencies": Output(
            lambda d_model, base, layout, min_timescale: frequencies(d_model, base, layout, min_timescale),
            _freq_shape, params=("d_model", "base", "layout", "min_timescale")),
    },
))
