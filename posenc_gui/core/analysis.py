"""Properties of encodings worth seeing: similarity between positions, the relative-shift rotation of
the sinusoid, wavelengths, and how much precision low-precision angles lose as positions grow."""

from __future__ import annotations

import numpy as np

from .params import InputError

DTYPES = ("float32", "float16", "bfloat16")


def similarity(encoding: np.ndarray, metric: str = "dot") -> np.ndarray:
    """(N, N) dot products or cosine similarities between the rows of ``encoding`` (N, d).
    A zero row has cosine 0 with everything."""
    enc = np.asarray(encoding, dtype=np.float64)
    if metric == "dot":
        return enc @ enc.T
    if metric != "cosine":
        raise InputError("metric must be dot or cosine, not {0}", repr(metric))
    norms = np.linalg.norm(enc, axis=1)
    unit = np.divide(enc, norms[:, None], out=np.zeros_like(enc), where=norms[:, None] > 0)
    return unit @ unit.T


def shift_matrix(k: float, frequencies: np.ndarray) -> np.ndarray:
    """(2m, 2m) block-diagonal M(k) with PE[p + k] = M(k) PE[p] for the interleaved sinusoid of m pairs
    (sin, cos): each block [[cos kw, sin kw], [-sin kw, cos kw]]. It does not depend on p."""
    m = len(frequencies)
    c, s = np.cos(k * np.asarray(frequencies)), np.sin(k * np.asarray(frequencies))
    out = np.zeros((2 * m, 2 * m))
    idx = np.arange(m)
    out[2 * idx, 2 * idx], out[2 * idx, 2 * idx + 1] = c, s
    out[2 * idx + 1, 2 * idx], out[2 * idx + 1, 2 * idx + 1] = -s, c
    return out


def wavelengths(frequencies: np.ndarray) -> np.ndarray:
    """Wavelength 2 pi / w of each pair, in positions (infinite for frequency 0)."""
    freq = np.asarray(frequencies, dtype=np.float64)
    with np.errstate(divide="ignore"):
        return 2 * np.pi / freq


def round_to(x: np.ndarray, dtype: str) -> np.ndarray:
    """x rounded to float32, float16 or bfloat16 (bfloat16: round-to-nearest-even of the top 16 bits
    of float32), returned as float64."""
    if dtype == "float32":
        return np.asarray(x, dtype=np.float32).astype(np.float64)
    if dtype == "float16":
        with np.errstate(over="ignore"):
            return np.asarray(x, dtype=np.float16).astype(np.float64)
    if dtype != "bfloat16":
        raise InputError("dtype must be one of {0}, not {1}", ", ".join(DTYPES), repr(dtype))
    bits = np.asarray(x, dtype=np.float32).view(np.uint32).astype(np.uint64)
    rounded = ((bits + 0x7FFF + ((bits >> 16) & 1)) >> 16) << 16
    return rounded.astype(np.uint32).view(np.float32).astype(np.float64)


def precision_error(positions: np.ndarray, frequencies: np.ndarray, dtype: str = "float32") -> np.ndarray:
    """(len(positions),) max over pairs of |sin(round(p w)) - sin(p w)|: the error of computing the angle
    in ``dtype`` (position and frequency both rounded, as a model in that precision would) against float64.
    NaN where the dtype cannot hold the position at all (float16 above 65504)."""
    pos = np.asarray(positions, dtype=np.float64)[:, None]
    freq = np.asarray(frequencies, dtype=np.float64)[None, :]
    with np.errstate(invalid="ignore"):  # an unrepresentable position (inf) times a frequency that rounds to 0
        low = round_to(round_to(pos, dtype) * round_to(freq, dtype), dtype)
        return np.max(np.abs(np.sin(low) - np.sin(pos * freq)), axis=1, initial=0.0)  # no pair: no error
