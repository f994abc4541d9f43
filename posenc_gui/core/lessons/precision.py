"""The precision lens: how much of sin(p w) survives when the angle p w is formed in a low-precision
float, and the fix (reduce the angle modulo 2 pi in float64 first, then round)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..analysis import DTYPES, precision_error, round_to

TWO_PI = 2 * np.pi
CHECKED_POSITIONS = (1e3, 1e4, 1e5, 1e6)  # the positions whose float32 error the lesson states in numbers


@dataclass(frozen=True, eq=False)
class PrecisionCurves:
    """Error curves over log-spaced ``positions``: ``naive`` {dtype: error of the angle formed in dtype}
    (NaN where float16 cannot hold p), ``reduced`` {dtype: error with the float64 reduction first},
    ``worst_reduced`` {dtype: its maximum}, ``checked`` {position: float32's naive error there} and ``pairs``, how
    many pairs rotate (none for a head too narrow to rotate: every error is then 0)."""

    positions: np.ndarray
    naive: dict[str, np.ndarray]
    reduced: dict[str, np.ndarray]
    worst_reduced: dict[str, float]
    checked: dict[float, float]
    pairs: int


def nearest(positions: np.ndarray, position: float) -> int:
    """The index of the sampled position nearest to ``position`` (on a log scale)."""
    return int(np.argmin(np.abs(np.log(positions) - np.log(position))))


def reduced_error(positions: np.ndarray, frequencies: np.ndarray, dtype: str = "float32") -> np.ndarray:
    """(len(positions),) max over pairs of |sin(round(p w mod 2 pi)) - sin(p w)|: the angle is formed and
    reduced to [0, 2 pi) in float64, and only then rounded to ``dtype``. The error no longer grows with p."""
    exact = np.outer(np.asarray(positions, dtype=np.float64), np.asarray(frequencies, dtype=np.float64))
    reduced = round_to(np.mod(exact, TWO_PI), dtype)
    return np.max(np.abs(np.sin(reduced) - np.sin(exact)), axis=1, initial=0.0)  # no pair: no error


def precision_curves(frequencies: np.ndarray, first: float = 1.0, last: float = 1e6, points: int = 121,
                     checked=CHECKED_POSITIONS) -> PrecisionCurves:
    """The ``PrecisionCurves`` of ``frequencies`` at ``points`` log-spaced positions from ``first`` to ``last``."""
    positions = np.logspace(np.log10(first), np.log10(last), points)
    reduced = {dtype: reduced_error(positions, frequencies, dtype) for dtype in DTYPES}
    naive = {dtype: precision_error(positions, frequencies, dtype) for dtype in DTYPES}
    return PrecisionCurves(positions, naive, reduced,
                           worst_reduced={dtype: float(np.max(errors)) for dtype, errors in reduced.items()},
                           checked={position: float(naive["float32"][nearest(positions, position)])
                                    for position in checked},
                           pairs=len(frequencies))

