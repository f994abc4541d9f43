"""Hands freed memory back to the system during long sessions.

glibc keeps what Python, NumPy and Qt free in its heaps (unused but still resident): in a soak of random changes
the resident size kept rising, and ``malloc_trim`` gave it all back, cheaply enough to call now and then. The
window calls ``release_free_memory`` every ``TRIM_INTERVAL_MS``.

The window also calls ``use_fixed_mmap_threshold`` once. By default glibc raises its mmap threshold to the size
of every large block freed (up to 32 MB), so later arrays of a few megabytes come from the heap instead of
being mapped and unmapped on their own, and the heap fragments: a long soak grew several times as much with the
default as with a fixed threshold. Where the C library has neither call (macOS, Windows, musl) both do nothing.

Once the window has built its views ahead, it calls ``settle_long_lived_objects``: Python's full garbage
collection walked all the views' objects at every run, a stall at a random moment; frozen, they are left out of
it. The figures are in benchmarks/README.md ("Figures behind the views' design").
"""

from __future__ import annotations

import ctypes
import gc
import sys

TRIM_INTERVAL_MS = 10_000
MMAP_THRESHOLD = 128 * 1024  # glibc's starting value; blocks this large or larger are mapped on their own
_M_MMAP_THRESHOLD = -3  # mallopt's parameter number, from glibc's malloc.h


def _find_libc(name: str, argtypes):
    """``name`` from the C library the process already uses (glibc on Linux), or None."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        function = getattr(ctypes.CDLL(None), name)
    except (OSError, AttributeError):
        return None
    function.argtypes, function.restype = argtypes, ctypes.c_int
    return function


_MALLOC_TRIM = _find_libc("malloc_trim", [ctypes.c_size_t])
_MALLOPT = _find_libc("mallopt", [ctypes.c_int, ctypes.c_int])


def use_fixed_mmap_threshold() -> bool:
    """Keep glibc's mmap threshold at ``MMAP_THRESHOLD`` (no dynamic raising); True when set."""
    return bool(_MALLOPT(_M_MMAP_THRESHOLD, MMAP_THRESHOLD)) if _MALLOPT is not None else False


def release_free_memory() -> bool:
    """Return the C library's free heap memory to the system; True when it had any to return."""
    return bool(_MALLOC_TRIM(0)) if _MALLOC_TRIM is not None else False


def settle_long_lived_objects() -> None:
    """Collect garbage, then leave every object alive now out of later collections (``gc.freeze``): call it
    once the objects that live as long as the window are built. Objects frozen by an earlier call are
    unfrozen first, so those dropped since (views rebuilt for a new language) are collected now."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
