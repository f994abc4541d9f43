"""Cooperative cancellation in the core: every computation done a chunk at a time checks between its chunks, so
that a cancelled one (a newer request, or Cancel in the window) stops within one chunk instead of running to the
end; threads a computation spreads over stop too."""

import threading

import numpy as np
import pytest

from posenc_gui.core import attention, cancel
from posenc_gui.core.attention import toy
from posenc_gui.core.methods import alibi, rope, shaw, sinusoidal, t5, transformer_xl

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
    "alibi bias": lambda: alibi.bias(8, 1024),
    "shaw bias": lambda: shaw.bias(1024),
    "shaw distances": lambda: shaw.all_distances(2048, 4),
    "transformer-xl terms": lambda: transformer_xl.toy_terms(800),
    "rope angles": lambda: rope.angles(12288, d_model=512),
    "rope cos and sin": lambda: rope.encoding(12288, d_model=512),
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


def one_row_at_a_time(monkeypatch, *modules):
    for module in modules:
        monkeypatch.setattr(module, "rows_per_chunk", lambda row_bytes: 7)


def test_tables_made_in_blocks_are_those_of_one_expression(monkeypatch):
    """Blocks of 7 rows (the last one shorter) give the very numbers the whole-table expressions gave."""
    one_row_at_a_time(monkeypatch, alibi, shaw, rope)
    for causal in (False, True):
        i = np.arange(100)[:, None] - np.arange(100)[None, :]
        distance = np.where(i >= 0, i, 0).astype(float) if causal else np.abs(i).astype(float)
        assert np.array_equal(alibi.bias(6, 100, causal), -alibi.slopes(6)[:, None, None] * distance[None])
    whole_index = np.clip(np.arange(100)[None, :] - np.arange(100)[:, None], -4, 4) + 4
    assert np.array_equal(shaw.all_distances(100, 4), whole_index)
    q = np.random.default_rng(3).standard_normal((5, 100, 16))
    assert np.array_equal(shaw.bias(100, 5, 4, 16, 2), shaw.logits(q, shaw.random_tables(4, 16, 2)[0], whole_index) / 4)
    params = {"d_model": 130, "scaling": "yarn", "factor": 4.0}
    whole_angles = np.outer(np.arange(100.0), rope.inv_freq(seq_len=100, **params))
    assert np.array_equal(rope.angles(100, **params), whole_angles)
    scale = rope.attention_factor(**params)
    for layout in ("interleaved", "half"):
        first, second = rope.pair_index(130, layout)
        table = np.empty((100, 130))
        table[:, first], table[:, second] = scale * np.cos(whole_angles), scale * np.sin(whole_angles)
        assert np.array_equal(rope.encoding(100, layout, **params), table)


def test_transformer_xl_terms_in_blocks_agree_with_the_whole_products(monkeypatch):
    """Its terms are matrix products, which BLAS sums in another order for a block's edge rows than for the whole
    matrix: equal to the last bits, not bit for bit."""
    one_row_at_a_time(monkeypatch, transformer_xl)
    inputs = transformer_xl.toy_inputs(100, 32, 5)
    whole = transformer_xl.terms(*inputs) / np.sqrt(32)
    np.testing.assert_allclose(transformer_xl.toy_terms(100, 32, 5), whole, rtol=0, atol=1e-13 * np.abs(whole).max())
