"""Soak: 100,000 random changes through a real main window (offscreen), redrawing after each.

Prints changes/s, resident-memory growth from the 1,000th change to the last, and the longest
event-loop stall, each beside a peer from the same run: the same changes on a bare state model
(no window: the cost of the model and the driver alone), and on the window with large sizes
(up to 8x the defaults instead of 2x). ``--changes`` shortens the main soak; progress goes to
stderr so that a run cut short still shows how far it got.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

CHANGES = 100_000
PEER_CHANGES = {"bare model": 100_000, "window, large sizes (8x defaults)": 500}
MEMORY_FROM = 1_000
WINDOW_SIZE = (1280, 800)


def soak(changes: int, with_window: bool, scale: float = 2.0, label: str = ""):
    from posenc_gui.app.soak import run_soak
    from posenc_gui.app.state import StateModel
    from posenc_gui.app.views import applies
    from posenc_gui.app.window import MainWindow

    def progress(number, result):
        if number % 5_000 == 0:
            print(f"  [{label}] {number} changes, {time.perf_counter() - started:.0f} s, "
                  f"resident {result.memory[-1][1] / 2**20:.0f} MiB, longest stall {result.longest_stall_ms:.0f} ms, "
                  f"{len(result.exceptions)} exceptions", file=sys.stderr, flush=True)

    started = time.perf_counter()
    if with_window:
        window = MainWindow()
        window.resize(*WINDOW_SIZE)
        window.show()
        model = window.model
    else:
        window, model = None, StateModel(views=applies())
    result = run_soak(model, changes, scale=scale, progress=progress)
    if window is not None:
        window.close()
        window.deleteLater()
    return result


def describe(result) -> str:
    growth = result.memory_growth(min(MEMORY_FROM, result.changes)) / 2**20
    return (f"{result.changes} changes: {result.changes_per_second:8.1f} changes/s | memory growth "
            f"{growth:+6.1f} MiB from change {min(MEMORY_FROM, result.changes)} | longest stall "
            f"{result.longest_stall_ms:7.1f} ms | {result.refused} refused | "
            f"{len(result.exceptions)} exceptions" + (f" (first: {result.exceptions[0]})" if result.exceptions else ""))


def run(repeats: int = 1, changes: int = CHANGES) -> list[dict]:
    """Run the peers, then the main soak; print one line each, return ratio rows for the suite."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    QApplication.instance() or QApplication(["posenc-gui-soak"])
    bare = soak(min(PEER_CHANGES["bare model"], changes), with_window=False, label="bare model")
    print(f"{'soak: bare model (peer)':<44} {describe(bare)}", flush=True)
    large = soak(min(PEER_CHANGES["window, large sizes (8x defaults)"], changes), with_window=True,
                 scale=8.0, label="large")
    print(f"{'soak: window, large sizes (peer)':<44} {describe(large)}", flush=True)
    main = soak(changes, with_window=True, label="window")
    print(f"{'soak: window, default sizes (2x defaults)':<44} {describe(main)}", flush=True)
    growth = main.memory_growth(min(MEMORY_FROM, main.changes)) / 2**20
    note = (f"{main.changes} changes, {len(main.exceptions)} exceptions, memory growth {growth:+.1f} MiB "
            f"(target <= 20), longest stall {main.longest_stall_ms:.0f} ms (target < 50) vs "
            f"{bare.longest_stall_ms:.0f} ms bare and {large.longest_stall_ms:.0f} ms large")
    return [
        {"name": "soak: seconds per change", "ours": "window, default sizes",
         "seconds": 1 / main.changes_per_second, "peer": "bare model", "peer_seconds": 1 / bare.changes_per_second,
         "ratio": main.changes_per_second / bare.changes_per_second, "note": note},
        {"name": "soak: longest stall", "ours": "window, default sizes", "seconds": main.longest_stall_ms / 1e3,
         "peer": "window, large sizes", "peer_seconds": large.longest_stall_ms / 1e3,
         "ratio": large.longest_stall_ms / max(main.longest_stall_ms, 1e-9), "note": ""},
    ]


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=CHANGES)
    from benchmarks.__main__ import print_rows

    print_rows(run(changes=parser.parse_args().changes))
