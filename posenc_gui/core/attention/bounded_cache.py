"""A least-recently-used cache bounded by the bytes of the arrays it keeps as well as by their number."""

from __future__ import annotations

from collections import OrderedDict
from functools import wraps
from threading import Lock

import numpy as np


def cached_up_to(limit: int, entries: int):
    """Like ``functools.lru_cache(entries)``, but also bounded by bytes: keeps the most recently used results
    while their arrays take ``limit`` bytes or less in all (a larger result is returned, not kept). Results
    are arrays, or tuples of arrays and other values; the kept arrays are made read-only. Thread-safe (the
    window may fetch in a worker thread)."""
    def decorate(fn):
        kept: OrderedDict = OrderedDict()
        lock = Lock()

        @wraps(fn)
        def cached(*args):
            with lock:
                if args in kept:
                    kept.move_to_end(args)
                    return kept[args]
            result = fn(*args)
            if _nbytes(result) <= limit:
                _freeze(result)
                with lock:
                    kept[args] = result
                    while len(kept) > entries or sum(_nbytes(value) for value in kept.values()) > limit:
                        kept.popitem(last=False)
            return result
        cached.cache_clear = kept.clear
        cached.holds = lambda *args: args in kept  # whether a call with ``args`` would find its result kept
        return cached
    return decorate


def _nbytes(value) -> int:
    if isinstance(value, np.ndarray):
        return value.nbytes
    return sum(map(_nbytes, value)) if isinstance(value, tuple) else 0


def _freeze(value) -> None:
    if isinstance(value, np.ndarray):
        value.setflags(write=False)
    elif isinstance(value, tuple):
        for item in value:
            _freeze(item)
