"""Freed memory goes back to the system (glibc's malloc_trim; nothing elsewhere)."""

import sys

import numpy as np

from posenc_gui.app import memory
from posenc_gui.app.soak import resident_bytes

MiB = 1024**2


def test_release_free_memory_gives_back_freed_heap_holes():
    if not sys.platform.startswith("linux"):
        assert memory.release_free_memory() is False
        return
    # 64 MiB in 32 KiB blocks (below the mmap threshold: they come from the heap), then every block
    # but each tenth freed: holes that free() itself cannot give back.
    blocks = [np.ones(4096) for _ in range(2048)]
    kept = blocks[::10]
    del blocks
    held = resident_bytes()
    assert memory.release_free_memory() is True
    assert held - resident_bytes() > 32 * MiB
    assert len(kept) == 205
