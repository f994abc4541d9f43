"""The precision lens: how much of sin(p w) survives when the angle p w is formed in a low-precision
float, and the fix (reduce the angle modulo 2 pi in float64 first, then round)."""

from __future__ import annotations

import numpy as np

from .analysis import DTYPES, precision_error, round_to

TWO_PI = 2 * np.pi


def reduced_error(positions: np.ndarray, frequencies: np.ndarray, dtype: str = "float32") -> np.ndarray:
    """(len(positions),) max over pairs of |sin(round(p w mod 2 pi)) - sin(p w)|: the angle is formed and
    reduced to [0, 2 pi) in float64, and only then rounded to ``dtype``. The error no longer grows with p."""
    exact = np.outer(np.asarray(positions, dtype=np.float64), np.asarray(frequencies, dtype=np.float64))
    reduced = round_to(np.mod(exact, TWO_PI), dtype)
    return np.max(np.abs(np.sin(reduced) - np.sin(exact)), axis=1)


def precision_curves(frequencies: np.ndarray, first: float = 1.0, last: float = 1e6, points: int = 121) -> dict:
    """Error curves over ``points`` log-spaced positions from ``first`` to ``last``:
    positions, naive {dtype: error of the angle formed in dtype} (NaN where float16 cannot hold p),
    reduced {dtype: error with the float64 reduction first} and worst_reduced {dtype: its maximum}."""
    positions = np.logspace(np.log10(first), np.log10(last), points)
    reduced = {dtype: reduced_error(positions, frequencies, dtype) for dtype in DTYPES}
    return {
        "positions": positions,
        "naive": {dtype: precision_error(positions, frequencies, dtype) for dtype in DTYPES},
        "reduced": reduced,
        "worst_reduced": {dtype: float(np.max(errors)) for dtype, errors in reduced.items()},
    }


def error_at(curves: dict, dtype: str, position: float, reduced: bool = False) -> float:
    """The curve's error at the sampled position nearest to ``position`` (on a log scale)."""
    index = int(np.argmin(np.abs(np.log(curves["positions"]) - np.log(position))))
    return float(curves["reduced" if reduced else "naive"][dtype][index])
