"""Timing helpers shared by the benchmarks: interleaved repeats, medians, ratio rows."""

from __future__ import annotations

import statistics
import time
from typing import Callable


def median_wall_and_cpu(candidates: dict[str, Callable[[], object]], repeats: int = 7,
                        warmup: int = 1) -> tuple[dict[str, float], dict[str, float]]:
    """(median wall time, median CPU time of the process) of each candidate, runs interleaved. On a
    loaded machine the CPU time estimates the wall time of an idle one (for single-threaded work)."""
    for _ in range(warmup):
        for fn in candidates.values():
            fn()
    wall: dict[str, list[float]] = {name: [] for name in candidates}
    cpu: dict[str, list[float]] = {name: [] for name in candidates}
    for _ in range(repeats):
        for name, fn in candidates.items():
            start, start_cpu = time.perf_counter(), time.process_time()
            fn()
            wall[name].append(time.perf_counter() - start)
            cpu[name].append(time.process_time() - start_cpu)
    return ({name: statistics.median(ts) for name, ts in wall.items()},
            {name: statistics.median(ts) for name, ts in cpu.items()})


def ratio_rows(benchmark: str, ours: str, medians: dict[str, float], note: str = "") -> list[dict]:
    """One row per peer: how many times faster ``ours`` is than that peer (>1 = we are faster)."""
    return [
        {"name": benchmark, "ours": ours, "seconds": medians[ours], "peer": peer,
         "peer_seconds": seconds, "ratio": seconds / medians[ours], "note": note}
        for peer, seconds in medians.items() if peer != ours
    ]
