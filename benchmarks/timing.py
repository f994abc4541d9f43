"""Timing helpers shared by the benchmarks: interleaved repeats, medians, ratio rows."""

from __future__ import annotations

import statistics
import time
from typing import Callable


def median_seconds(candidates: dict[str, Callable[[], object]], repeats: int = 7,
                   warmup: int = 1) -> dict[str, float]:
    """Median wall time of each candidate; runs are interleaved so that load on a shared machine
    falls on all of them alike."""
    for _ in range(warmup):
        for fn in candidates.values():
            fn()
    times: dict[str, list[float]] = {name: [] for name in candidates}
    for _ in range(repeats):
        for name, fn in candidates.items():
            start = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(ts) for name, ts in times.items()}


def ratio_rows(benchmark: str, ours: str, medians: dict[str, float], note: str = "") -> list[dict]:
    """One row per peer: how many times faster ``ours`` is than that peer (>1 = we are faster)."""
    return [
        {"name": benchmark, "ours": ours, "seconds": medians[ours], "peer": peer,
         "peer_seconds": seconds, "ratio": seconds / medians[ours], "note": note}
        for peer, seconds in medians.items() if peer != ours
    ]
