"""Like-for-like soak of two versions of the app (issue 21's "the soak no slower than before"): the same seeded
changes (window at 1280 x 800, default sizes) over only the methods and views both versions have, so that the
streams of changes match; prints one JSON line: changes per second (wall and CPU), stalls, yardsticks.

Run the same file against each tree, interleaved, e.g. before = a worktree at 2d32621, now = this one:

    PYTHONPATH=<tree> QT_QPA_PLATFORM=offscreen python benchmarks/soak_like_for_like.py 3000

Issue 21 was filed at 2d32621, whose 13 methods and 20 views are the default common set."""

from __future__ import annotations

import argparse
import json
import time
from contextlib import contextmanager

COMMON_METHODS = ("sinusoidal", "learned", "binary", "nope", "shaw", "transformer_xl", "t5", "alibi", "rope", "xpos",
                  "image2d", "video3d", "learned_grid")
COMMON_VIEWS = ("encoding", "attention", "bias", "slopes", "decay", "frequencies", "outputs", "walkthrough",
                "multihead", "order", "relative_property", "images", "cnn_rnn_attention", "clocks", "context_extension",
                "precision", "learned_table", "models", "timeline", "choosing")
WINDOW_SIZE = (1280, 800)


def soak_module():
    """The soak driver of the tree on the path: benchmarks/soak.py now, posenc_gui/app/soak.py at 2d32621."""
    try:
        from benchmarks import soak
        if hasattr(soak, "run_soak"):
            return soak
    except ImportError:
        pass
    from posenc_gui.app import soak
    return soak


@contextmanager
def soak_window(soak, size: tuple[int, int] = WINDOW_SIZE):
    """A main window as every soak drives it: at ``size``, shown, what it builds while idle built first (``soak``:
    the tree's driver, from ``soak_module``); closed once its last computation is done. It lives in this file, which
    runs against older trees too (whose ``benchmarks`` package lacks it); ``bench_soak`` imports it from here."""
    from posenc_gui.app.window import MainWindow

    window = MainWindow()
    window.resize(*size)
    window.show()
    soak.idle_first(window)
    try:
        yield window
    finally:
        window.runner.wait()
        window.close()
        window.deleteLater()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("changes", type=int)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    from posenc_gui.__main__ import use_one_blas_thread

    use_one_blas_thread()
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from posenc_gui.core import registry

    every_method = registry.all_methods
    registry.all_methods = lambda: [method for method in every_method() if method.name in COMMON_METHODS]
    soak = soak_module()
    from benchmarks.bench_soak import matplotlib_redraw_seconds

    yardstick_before = matplotlib_redraw_seconds()
    with soak_window(soak) as window:
        started, cpu_started = time.perf_counter(), time.process_time()
        result = soak.run_soak(window.model, args.changes, seed=args.seed, scale=1.0, view_keys=COMMON_VIEWS)
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    yardstick_after = matplotlib_redraw_seconds()
    app.processEvents()
    print(json.dumps({"changes_per_s": round(args.changes / wall, 1), "changes_per_cpu_s": round(args.changes / cpu, 1),
                      "longest_stall_ms": round(result.longest_stall_ms, 1),
                      "longest_stall_warm_ms": round(getattr(result, "longest_stall_warm_ms", 0.0) or 0.0, 1),
                      "refused": result.refused, "exceptions": len(result.exceptions),
                      "yardsticks_ms": [round(yardstick_before * 1e3, 1), round(yardstick_after * 1e3, 1)]}))


if __name__ == "__main__":
    main()
