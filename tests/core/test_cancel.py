"""Cooperative cancellation in the core: every computation done a chunk at a time checks between its chunks, so
that a cancelled one (a newer request, or Cancel in the window) stops within one chunk instead of running to the
end; threads a computation spreads over stop too."""

import threading

import numpy as np
import pytest

from posenc_gui.core import attention, cancel
from posenc_gui.core.attention import toy
from posenc_gui.core.methods import rope, sinusoidal, t5

RNG = np.random.default_rng(0)
X = RNG.standard_normal((512, 32))
WIDE = toy.PROJECTION_BANK + 40
W = RNG.standard_normal((3, 32, 32))

CHUNKED = {
    "rope decay": lambda: rope.mean_cosine(1_000_000, np.geomspace(1.0, 1e-4, 64)),
    "t5 bias": lambda: t5.bias(1024, heads=8),
    "t5 buckets": lambda: t5.buckets(1024),
    "sinusoid, interleaved": lambda: sinusoidal.encoding_display(2000, 64),
    "sinusoid, halves": lambda: sinusoidal.encoding_display(2000, 64, layout="concat"),
    "multi-head attention": lambda: attention.multi_head(X, *W, heads=4),
    "wide projections": lambda: toy._projected([RNG.standard_normal((5, WIDE))], WIDE, 3),
}


class CountedChecks:
    """``cancel.check`` counting its calls (from any thread); from call ``cancel_at`` on, the event is set, as a
    user's Cancel would set it from the GUI thread."""

    def __init__(self, monkeypatch, cancel_at: int | None = None):
        self.calls, self.cancel_at, self.event = 0, cancel_at, threading.Event()
        self.lock = threading.Lock()
        check = cancel.check

        def counted() -> None:
            with self.lock:
                self.calls += 1
                if self.cancel_at is not None and self.calls >= self.cancel_at:
                    self.event.set()
            check()

        monkeypatch.setattr(cancel, "check", counted)


@pytest.mark.parametrize("name", CHUNKED)
def test_a_chunked_computation_stops_at_the_check_after_it_was_cancelled(name, monkeypatch):
    monkeypatch.setattr(toy, "PROJECTION_BLOCK_BYTES", 12 * WIDE * 64)
    whole = CountedChecks(monkeypatch)
    with cancel.cancellable(whole.event):
        CHUNKED[name]()
    assert whole.calls >= 6, whole.calls  # a check between chunks, not one at the start
    counted = CountedChecks(monkeypatch, cancel_at=3)
    with cancel.cancellable(counted.event), pytest.raises(cancel.Cancelled):
        CHUNKED[name]()
    assert counted.calls < whole.calls
    if name != "multi-head attention":  # in one thread: stopped at that very check
        assert counted.calls == 3


def test_the_threads_of_multi_head_attention_stop_when_the_caller_is_cancelled():
    """The heads run in a pool's threads: the caller's cancellation goes with them."""
    stop = threading.Event()
    stop.set()
    with cancel.cancellable(stop), pytest.raises(cancel.Cancelled):
        attention.multi_head(X, *W, heads=4)
    attention.multi_head(X, *W, heads=4)  # outside cancellable: nothing to check


def test_carried_runs_a_function_under_the_callers_cancellation_in_another_thread():
    stop = threading.Event()
    outcome = []

    def in_thread(fn):
        worker = threading.Thread(target=lambda: outcome.append(_raised(fn)))
        worker.start()
        worker.join()

    stop.set()
    with cancel.cancellable(stop):
        carried = cancel.carried(cancel.check)
    in_thread(carried)
    in_thread(cancel.check)  # not carried: that thread is not cancellable
    assert outcome == [True, False]


def _raised(fn) -> bool:
    try:
        fn()
    except cancel.Cancelled:
        return True
    return False
