"""Soak: 100,000 random changes through a real main window (offscreen), redrawing after each.

Prints changes/s, resident-memory growth from the 1,000th change to the last, and the longest
event-loop stall (over the whole soak, and from the 1,000th change, when every view has been built),
each beside a peer from the same run: the same changes on a bare state model (no window: the cost of
the model and the driver alone), and one redraw of the latency benchmark's matplotlib figure (a yardstick
of the machine's speed for the stall). The window first builds ahead what it builds while idle after start.
Then the window at default sizes (20,000 changes with every size at
most its default: the stall target's case), and with large sizes (up to 8x the defaults instead of
2x). ``--changes`` shortens the main soak and ``--minutes``
stops it early; progress goes to stderr every 500 changes, so a run cut short (or killed by a
crash in Qt, which faulthandler then prints) still shows how far it got.
"""

from __future__ import annotations

import argparse
import faulthandler
import os
import sys
import time

from posenc_gui.__main__ import use_one_blas_thread

use_one_blas_thread()  # as the app runs NumPy (before anything imports it)

CHANGES = 100_000
BARE_CHANGES = 100_000
DEFAULT_SIZE_CHANGES = 20_000
LARGE_CHANGES = 500
LARGE_MINUTES = 10
MEMORY_FROM = 1_000
PROGRESS_EVERY = 500


def soak(changes: int, with_window: bool, scale: float = 2.0, label: str = "", minutes: float | None = None,
         seed: int = 0):
    from benchmarks import soak as driver
    from benchmarks.soak_like_for_like import soak_window
    from posenc_gui.app.state import StateModel
    from posenc_gui.app.views import applies

    def progress(number, result):
        if number % PROGRESS_EVERY == 0:
            print(f"  [{label}] {number} changes, {time.perf_counter() - started:.0f} s, "
                  f"resident {result.memory[-1][1] / 2**20:.0f} MiB, longest stall {result.longest_stall_ms:.0f} ms, "
                  f"{len(result.exceptions)} exceptions", file=sys.stderr, flush=True)

    def run(model):
        return driver.run_soak(model, changes, seed=seed, scale=scale, progress=progress,
                               max_seconds=None if minutes is None else minutes * 60)

    started = time.perf_counter()
    if not with_window:
        return run(StateModel(views=applies()))
    with soak_window(driver) as window:
        return run(window.model)


def matplotlib_redraw_seconds() -> float:
    """Median wall time of one redraw of the latency benchmark's matplotlib twin of the encoding view
    (128 x 128, 1600 x 900 px): a yardstick of this machine's speed, so that a stall measured in the same
    run can be compared across machines (the same soak's stalls differed about 2.5x between two of ours)."""
    from benchmarks.bench_latency import OURS, PEER, encoding_candidates
    from benchmarks.timing import median_wall_and_cpu

    ours, peer, close = encoding_candidates(128, 128)
    try:  # interleaved with the app's view, as in the latency benchmark, whose peer figures it then matches
        wall, _cpu = median_wall_and_cpu({OURS: ours, PEER: peer})
    finally:
        close()
    return wall[PEER]


def describe(result) -> str:
    from benchmarks.soak import SLOW_CHANGE_MS

    start = min(MEMORY_FROM, result.changes)
    return (f"{result.changes} changes: {result.changes_per_second:8.1f} changes/s | memory growth "
            f"{result.memory_growth(start) / 2**20:+6.1f} MiB from change {start} | longest stall "
            f"{result.longest_stall_ms:7.1f} ms, from change {result.warm_from} "
            f"{result.longest_stall_warm_ms:7.1f} ms ({result.slow_changes} changes over {SLOW_CHANGE_MS} ms) | "
            f"{result.refused} refused | {len(result.exceptions)} exceptions"
            + (f" (first: {result.exceptions[0]})" if result.exceptions else "")
            + f" | {len(result.qt_warnings)} Qt warnings" + (f" (first: {result.qt_warnings[0]})" if result.qt_warnings else "")
            + f" | {len(result.python_warnings)} Python warnings"
            + (f" (first: {result.python_warnings[0]})" if result.python_warnings else "")
            + "\n    slowest change per view (ms): " + slowest_views(result))


def slowest_views(result, count: int = 8) -> str:
    ranked = sorted(result.slowest_by_view.items(), key=lambda item: -item[1])[:count]
    return ", ".join(f"{view or 'none'} {ms:.0f}" for view, ms in ranked)


def run(repeats: int = 1, changes: int = CHANGES, minutes: float | None = None) -> list[dict]:
    """Run the bare-model peer, the main soak, the default-size and large-size soaks; print one line each as it
    ends; return ratio rows for the suite. ``repeats`` is ignored (one soak is long enough)."""
    faulthandler.enable()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    QApplication.instance() or QApplication(["posenc-gui-soak"])
    bare = soak(min(BARE_CHANGES, changes), with_window=False, label="bare model")
    print(f"{'soak: bare model (peer)':<44} {describe(bare)}", flush=True)
    main = soak(changes, with_window=True, label="window", minutes=minutes)
    print(f"{'soak: window, sizes up to 2x defaults':<44} {describe(main)}", flush=True)
    defaults = soak(min(DEFAULT_SIZE_CHANGES, changes), with_window=True, scale=1.0, label="defaults")
    print(f"{'soak: window, sizes up to defaults':<44} {describe(defaults)}", flush=True)
    yardstick = matplotlib_redraw_seconds()
    print(f"{'yardstick: one matplotlib redraw':<44} {yardstick * 1e3:.1f} ms (encoding figure 128x128)", flush=True)
    large = soak(min(LARGE_CHANGES, changes), with_window=True, scale=8.0, label="large", minutes=LARGE_MINUTES)
    print(f"{'soak: window, large sizes (8x defaults, peer)':<44} {describe(large)}", flush=True)
    growth = main.memory_growth(min(MEMORY_FROM, main.changes)) / 2**20
    note = (f"{main.changes} changes, {len(main.exceptions)} exceptions, memory growth {growth:+.1f} MiB "
            f"(target <= 20)")
    return [
        {"name": "soak: seconds per change", "ours": "window, sizes up to 2x defaults",
         "seconds": 1 / main.changes_per_second, "peer": "bare model", "peer_seconds": 1 / bare.changes_per_second,
         "ratio": main.changes_per_second / bare.changes_per_second, "note": note},
        {"name": "soak: longest stall from change 1,000", "ours": "window, default sizes",
         "seconds": defaults.longest_stall_warm_ms / 1e3, "peer": "window, sizes up to 2x defaults",
         "peer_seconds": main.longest_stall_warm_ms / 1e3,
         "ratio": main.longest_stall_warm_ms / max(defaults.longest_stall_warm_ms, 1e-9), "note": "target < 50 ms"},
        {"name": "soak: longest stall from change 1,000", "ours": "window, default sizes",
         "seconds": defaults.longest_stall_warm_ms / 1e3, "peer": "one matplotlib redraw (encoding 128x128)",
         "peer_seconds": yardstick, "ratio": yardstick * 1e3 / max(defaults.longest_stall_warm_ms, 1e-9),
         "note": "machine yardstick from the same run"},
        {"name": "soak: longest stall, whole soak", "ours": "window, default sizes",
         "seconds": defaults.longest_stall_ms / 1e3, "peer": "window, large sizes",
         "peer_seconds": large.longest_stall_ms / 1e3,
         "ratio": large.longest_stall_ms / max(defaults.longest_stall_ms, 1e-9),
         "note": "includes building each view on its first visit"},
    ]


def default_sizes(seed: int) -> None:
    """The default-size soak alone with ``seed``, between two yardsticks (the stall target's case, one seed a
    process)."""
    faulthandler.enable()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    QApplication.instance() or QApplication(["posenc-gui-soak"])
    before = matplotlib_redraw_seconds()
    result = soak(DEFAULT_SIZE_CHANGES, with_window=True, scale=1.0, label=f"defaults, seed {seed}", seed=seed)
    after = matplotlib_redraw_seconds()
    print(f"seed {seed}: {describe(result)}; yardsticks {before * 1e3:.1f} / {after * 1e3:.1f} ms", flush=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=CHANGES)
    parser.add_argument("--minutes", type=float, help="stop the main soak after this long")
    parser.add_argument("--default-sizes-seed", type=int, metavar="SEED",
                        help="only the default-size soak with this seed, between two yardsticks")
    arguments = parser.parse_args()
    from benchmarks.__main__ import print_rows

    if arguments.default_sizes_seed is not None:
        default_sizes(arguments.default_sizes_seed)
    else:
        print_rows(run(changes=arguments.changes, minutes=arguments.minutes))
