"""GUI-thread answer time: how long the window's event loop is kept from answering while it computes and
draws a large scene, beside doing the same work on the GUI thread.

Ours: a shown ``MainWindow`` is asked for ALiBi's bias with 4 heads of 4,096 x 4,096 tokens; the worker computes,
levels and averages it down, the GUI thread places the pixels. A 10 ms timer on the GUI thread measures the most CPU
time the thread spent between two of its ticks (CPU time, not the wall clock: on a shared machine the thread may wait
for a processor without doing anything). Peer: the CPU time of the same view's ``fetch`` and ``show_data`` called
on the GUI thread, which is how long the loop would not answer without the worker. Target: the longest slice under
100 ms (the ratio shows how much of the peer's blocking is left).
"""

from __future__ import annotations

import gc
import statistics
import time

from benchmarks.bench_latency import qt_app

HEADS, TOKENS = 4, 4096


class GuiWork:
    """The most CPU time the GUI thread spent between two ticks of a 10 ms timer."""

    def __init__(self):
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.longest = 0.0
        self.last = time.thread_time()

    def __enter__(self):
        gc.collect()
        self.last = time.thread_time()
        self.timer.start()
        return self

    def __exit__(self, *_exc):
        self.timer.stop()
        self._tick()

    def _tick(self) -> None:
        now = time.thread_time()
        self.longest = max(self.longest, now - self.last)
        self.last = now


def run(repeats: int = 7) -> list[dict]:
    app = qt_app()
    from posenc_gui.app.window import MainWindow

    window = MainWindow(settings=None)
    window.warm_up_timer.timeout.disconnect()  # no views built ahead in the middle of a measurement
    window.resize(1200, 800)
    window.show()
    window.model.set_method("alibi", "bias")
    base = {**window.model.scene.params, "heads": HEADS}
    ours, peer = [], []
    for repeat in range(min(repeats, 3)):
        params = {**base, "seq_len": TOKENS + repeat}  # a new scene each time
        with GuiWork() as work:
            window.model.update(params=params, head="all")
            while window.current_view.shown["bias"].shape[-1] != TOKENS + repeat:
                app.processEvents()
                time.sleep(0.001)
            app.processEvents()
        ours.append(work.longest)
        view, scene = window.current_view, window.model.scene
        started = time.thread_time()
        view.show_data(scene, view.fetch(scene))
        app.processEvents()
        peer.append(time.thread_time() - started)
    window.close()
    mine, theirs = statistics.median(ours), statistics.median(peer)
    return [{"name": f"GUI thread busy, ALiBi bias {HEADS} x {TOKENS}^2", "ours": "longest slice, worker",
             "seconds": mine, "peer": "fetch + draw on the GUI thread", "peer_seconds": theirs,
             "ratio": theirs / mine, "note": "CPU time of the GUI thread; target: longest slice < 100 ms"}]


if __name__ == "__main__":
    from benchmarks.__main__ import print_rows

    print_rows(run())
