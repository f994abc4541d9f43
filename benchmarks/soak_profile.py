"""Where a soak spends its time: random changes through a real main window (offscreen, 1280 x 800, after
building ahead what it builds while idle) for SECONDS, then per view the median, 95th percentile and longest time of a change (the change and the
redraw it caused), the resident memory gained while that view was shown, and the 25 slowest changes as
(view after, kind of change, method, view before, "first build" when the view was built for it).

    .venv/bin/python -m benchmarks.soak_profile SECONDS [--seed N] [--views VIEW,VIEW,...] [--scale X]

``--scale`` bounds random sizes (seq_len, d_model, ...) at X times their defaults (default 2).
"""

from __future__ import annotations

import argparse
import collections
import os
import random
import sys
import time

from posenc_gui.__main__ import use_one_blas_thread

use_one_blas_thread()  # as the app runs NumPy (before anything imports it)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seconds", type=float)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--views", help="comma-separated view keys (default: all)")
    parser.add_argument("--scale", type=float, default=2.0)
    arguments = parser.parse_args(argv)
    seconds, views = arguments.seconds, arguments.views.split(",") if arguments.views else None
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import numpy as np
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["posenc-gui-soak-profile"])
    from benchmarks.soak import idle_first, random_change, resident_bytes, turn_event_loop
    from posenc_gui.app.window import MainWindow

    window = MainWindow()
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    idle_first(window)
    rng = random.Random(arguments.seed)
    times, memory, changes = collections.defaultdict(list), collections.defaultdict(int), []
    start, count, at_1000 = time.perf_counter(), 0, None
    while time.perf_counter() - start < seconds:
        view_before, built_before = window.model.scene.view, set(window.views)
        began, rss = time.perf_counter(), resident_bytes()
        kind = random_change(rng, window.model, arguments.scale, views)
        turn_event_loop(app)
        took = (time.perf_counter() - began) * 1e3
        view = window.model.scene.view
        times[view].append(took)
        memory[view] += resident_bytes() - rss
        first = "first build" if view not in built_before else ""
        changes.append((took, view, kind, window.model.scene.method, view_before, first))
        count += 1
        if count == 1000:
            at_1000 = resident_bytes()
    growth = f"{(resident_bytes() - at_1000) / 2**20:+.1f} MiB" if at_1000 else "(fewer than 1,000 changes)"
    print(f"{count} changes in {seconds:g} s; resident memory from change 1,000 to the last: {growth}")
    for view, took in sorted(times.items(), key=lambda item: -sum(item[1])):
        took = np.array(took)
        print(f"{view:22s} n={len(took):6d} median={np.median(took):7.1f} p95={np.percentile(took, 95):7.1f} "
              f"max={took.max():7.1f} ms  memory {memory[view] / 2**20:+.1f} MiB")
    for took, *where in sorted(changes, reverse=True)[:25]:
        print(f"{took:6.0f} ms", *where)
    later = [took for took, *_, first in changes if not first]
    print(f"longest change into a view built before: {max(later, default=0):.0f} ms; "
          f"changes over 50 ms: {sum(took > 50 for took, *_ in changes)} of {count}")


if __name__ == "__main__":
    main(sys.argv[1:])
