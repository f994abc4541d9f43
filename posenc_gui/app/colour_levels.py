"""Colour levels of a table: the range its colour map spans, symmetric about 0 for signed data, one-sided for
one-signed data, and ending short of a few outliers (robust levels) so that they do not grey out the rest. NumPy
only: the worker computes them with the data."""

from __future__ import annotations

import math

import numpy as np

OUTLIER_RATIO = 4.0  # a value this many times past the 99.5th percentile of |values| would grey out all the rest
ROBUST_PERCENTILE = 99.5


def robust_levels(data: np.ndarray, levels: tuple[float, float, bool] | None = None
                  ) -> tuple[float, float, bool, tuple[int, ...] | None]:
    """``levels_for`` (or ``levels``, when already known), but when a few outliers would set the range (MiniLM's
    learned table: row 0 reaches 1.9, the rest about 0.09, and the heatmap was one grey) the levels end at the
    ``ROBUST_PERCENTILE``-th percentile of |values| instead; the last item is then the index of the largest |value|,
    to name it."""
    low, high, signed = levels_for(data) if levels is None else levels
    extent = max(abs(low), abs(high))
    quarter = extent / OUTLIER_RATIO
    if OUTLIER_RATIO * quarter >= extent and _percentile_reaches(data, quarter):  # the test below, without sorting
        return low, high, signed, None
    finite = np.abs(data[np.isfinite(data)])
    if finite.size < 16:
        return low, high, signed, None
    typical = float(np.percentile(finite, ROBUST_PERCENTILE))
    if typical <= 0 or extent <= OUTLIER_RATIO * typical:
        return low, high, signed, None
    where = np.unravel_index(int(np.nanargmax(np.where(np.isfinite(data), np.abs(data), -1.0))), data.shape)
    if signed:
        return -typical, typical, True, tuple(int(i) for i in where)
    return max(low, -typical), min(high, typical), False, tuple(int(i) for i in where)


def _percentile_reaches(data: np.ndarray, threshold: float) -> bool:
    """Whether the ``ROBUST_PERCENTILE``-th percentile of |values| surely reaches ``threshold`` > 0, told by counting
    the values that reach it instead of partly sorting the whole table. Answers only for all-finite tables of 16
    values or more; otherwise, and one value short of the edge, False: the exact percentile decides."""
    if data.size < 16 or not threshold > 0 or not np.isfinite(data.min()) or not np.isfinite(data.max()):
        return False
    reaching = np.count_nonzero(data >= threshold) + np.count_nonzero(data <= -threshold)
    # the percentile interpolates between sorted |values| at floor(q (n - 1)) and the next one: both must reach
    below = math.floor(ROBUST_PERCENTILE / 100 * (data.size - 1))
    return data.size - reaching <= below - 1


def levels_for(data: np.ndarray) -> tuple[float, float, bool]:
    """Colour levels (low, high) and whether the data is signed. Signed data gets levels symmetric
    about 0, so that 0 sits at the middle of the diverging map. Non-finite values are ignored."""
    low, high = (float(np.min(data)), float(np.max(data))) if np.size(data) else (np.inf, -np.inf)
    if not (math.isfinite(low) and math.isfinite(high)):  # only then mask: masking costs more than the minimum
        low, high = float(np.nanmin(data, initial=np.inf, where=np.isfinite(data))), \
            float(np.nanmax(data, initial=-np.inf, where=np.isfinite(data)))
    if low > high:  # nothing finite
        return 0.0, 1.0, False
    if low < 0 < high:
        extent = max(-low, high)
        return -extent, extent, True
    if high <= 0 and low < 0:  # one-signed (ALiBi's bias): a sequential map over its own range, not half a diverging one
        return low, 0.0, False
    if low == high:
        return low - 0.5, high + 0.5, False
    return low, high, False
