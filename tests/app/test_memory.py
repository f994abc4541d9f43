"""Freed memory goes back to the system (glibc's malloc_trim; nothing elsewhere)."""

import sys

import numpy as np

from posenc_gui.app import memory
from benchmarks.soak import resident_bytes

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


MAPPED_AFTER_A_LARGER_ONE = """
import ctypes, sys
import numpy as np
from posenc_gui.app import memory

class MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in
                ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks",
                 "keepcost")]

mallinfo2 = ctypes.CDLL(None).mallinfo2
mallinfo2.restype = MallInfo2
if sys.argv[1] == "fixed":
    assert memory.use_fixed_mmap_threshold() is True
np.ones(2**20)  # 8 MiB, made and freed at once: glibc's default then raises its threshold to 8 MiB
before = mallinfo2().hblks
one = np.ones(2**17)  # 1 MiB
print(mallinfo2().hblks - before)
"""


def test_fixed_mmap_threshold_keeps_megabyte_arrays_mapped_after_a_larger_one_is_freed():
    """In a fresh process (a heap with free room serves any size): with glibc's default a 1 MiB array
    comes from the heap after an 8 MiB one was freed; with the fixed threshold it is mapped on its own."""
    if not sys.platform.startswith("linux"):
        assert memory.use_fixed_mmap_threshold() is False
        return
    import subprocess

    mapped = {how: subprocess.run([sys.executable, "-c", MAPPED_AFTER_A_LARGER_ONE, how], capture_output=True,
                                  text=True, check=True).stdout.strip() for how in ("default", "fixed")}
    assert mapped == {"default": "0", "fixed": "1"}


def test_settled_objects_are_left_out_of_collections_and_dropped_ones_collected_at_the_next_settle():
    import gc
    import weakref

    class Node:
        pass

    def cycle():
        node = Node()
        node.me = node
        return node

    kept, dropped = cycle(), cycle()
    gone = weakref.ref(dropped)
    try:
        memory.settle_long_lived_objects()
        assert gc.get_freeze_count() > 0 and not any(obj is kept for obj in gc.get_objects())
        del dropped
        gc.collect()
        assert gone() is not None  # frozen: a collection does not see the dropped cycle
        memory.settle_long_lived_objects()
        assert gone() is None
    finally:
        gc.unfreeze()
