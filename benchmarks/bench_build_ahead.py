"""Build-ahead slices: the CPU time of each call of the window's idle build-ahead (``MainWindow.warm_up_view``),
which builds every view hidden, one slice a call, so that a later switch finds it ready. The event loop answers
between two calls; the longest call is how long the window could not answer while idle. Peer: the longest
view built in one go (made, fetched and drawn), which is what one slice cost before views were built in slices.
Target: the longest slice well under 50 ms.
"""

from __future__ import annotations

import gc
import time

from benchmarks.bench_latency import qt_app


def slices() -> list[tuple[str, float]]:
    """(view being built, CPU seconds) of each warm_up_view call of a fresh window, until it has nothing left."""
    app = qt_app()
    from posenc_gui.app.window import MainWindow

    window = MainWindow(settings=None)
    window.warm_up_timer.timeout.disconnect()
    window.resize(1600, 900)
    window.show()
    app.processEvents()
    gc.collect()
    out = []
    key = ""
    while True:
        before = set(window.views)
        started = time.thread_time()
        built = window.warm_up_view()
        spent = time.thread_time() - started
        app.processEvents()
        if not built:
            break
        key = next(iter(set(window.views) - before), key)
        out.append((key, spent))
    window.close()
    return out


def run(repeats: int = 7) -> list[dict]:
    measured = slices()
    per_view: dict[str, float] = {}
    for name, seconds in measured:
        per_view[name] = per_view.get(name, 0.0) + seconds
    longest_name, longest = max(measured, key=lambda item: item[1])
    view, whole = max(per_view.items(), key=lambda item: item[1])
    return [{"name": "Build-ahead, longest slice", "ours": f"one slice ({longest_name})", "seconds": longest,
             "peer": f"one whole view ({view})", "peer_seconds": whole, "ratio": whole / longest,
             "note": f"{len(measured)} slices, CPU time; target: longest slice well under 50 ms"}]


if __name__ == "__main__":
    from benchmarks.__main__ import print_rows

    for name, seconds in slices():
        print(f"{name:<24} {seconds * 1e3:8.1f} ms")
    print_rows(run())
