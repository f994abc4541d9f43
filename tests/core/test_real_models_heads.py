"""The head finder's scores on attention patterns with known answers (on the real models:
test_real_models.py, which loads them once)."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from posenc_gui.core.real_models.base import AttentionResult, RealModel, Tokens
from posenc_gui.core.real_models.compare import compare
from posenc_gui.core.real_models.heads import PATTERNS, change, head_scores, overview

N = 6


def stack(*heads):
    """(1 layer, heads, N, N) from N x N matrices."""
    return np.stack(heads)[None]


def causal_uniform(n=N):
    lower = np.tril(np.ones((n, n)))
    return lower / lower.sum(axis=1, keepdims=True)


def previous_token(n=N):
    a = np.eye(n, k=-1)
    a[0, 0] = 1
    return a


def first_token(n=N):
    a = np.zeros((n, n))
    a[:, 0] = 1
    return a


def test_each_pattern_scores_1_on_its_own_head_and_less_on_the_others():
    scores = head_scores(stack(previous_token(), first_token(), np.eye(N), causal_uniform()))
    for pattern, head in zip(PATTERNS, range(4)):
        values = getattr(scores, pattern)[0]
        assert values[head] == pytest.approx(1), pattern
        assert np.delete(values, head).max() < 1 - 1e-6, pattern
        assert scores.rank(pattern, 1) == [(0, head, pytest.approx(1))]


def test_broad_compares_with_a_uniform_row_over_all_keys_when_not_causal():
    uniform = np.full((N, N), 1 / N)
    assert head_scores(stack(uniform)).broad[0, 0] == pytest.approx(1)
    assert head_scores(stack(np.eye(N))).broad[0, 0] == pytest.approx(0)


def test_change_is_0_for_the_same_attention_and_1_for_disjoint_rows():
    a = stack(np.eye(N), first_token())
    assert change(a, a).tolist() == [[0, 0]]
    assert change(stack(np.eye(N)), stack(np.roll(np.eye(N), 1, axis=1)))[0, 0] == pytest.approx(1)
    with pytest.raises(ValueError, match="cannot be compared"):
        change(a, a[:, :1])


def test_rank_orders_heads_across_layers():
    attention = np.stack([stack(np.eye(N), causal_uniform())[0], stack(causal_uniform(), previous_token())[0]])
    assert [(layer, head) for layer, head, _ in head_scores(attention).rank("previous", 2)][0] == (1, 1)


@pytest.mark.parametrize("layers, heads", [(2, 5), (5, 2), (3, 3)])
def test_the_overview_puts_every_head_in_its_own_tile_scaled_to_its_peak(layers, heads):
    rng = np.random.default_rng(0)
    attention = rng.random((layers, heads, N, N)) * rng.random((layers, heads, 1, 1))
    picture = overview(attention)
    assert picture.layers_across == (layers > heads)
    assert (picture.rows, picture.columns) == ((heads, layers) if layers > heads else (layers, heads))
    assert picture.pixels.shape == (picture.rows * N, picture.columns * N)
    for layer in range(layers):
        for head in range(heads):
            row, column = picture.tile_of(layer, head)
            assert picture.head_at(row, column) == (layer, head)
            tile = picture.pixels[row * N:(row + 1) * N, column * N:(column + 1) * N]
            expected = attention[layer, head] / attention[layer, head].max()
            np.testing.assert_allclose(tile, expected, rtol=1e-6)


class CountingModel(RealModel):
    """A model of one layer whose head 0 attends to the previous token, head 1 to the first; the ablation (an
    int) swaps them. It counts its forward passes."""

    name, layers, heads, max_tokens, ablation_type = "counting", 1, 2, 16, int

    def __init__(self, causal=False, meet=None):
        super().__init__()
        self.passes = 0
        self.causal = causal
        self.calls = []  # (ablation, next_token, thread) of each pass
        self.meet = meet  # a barrier each pass waits at: two passes pass it only if they run at the same time

    def _load(self, folder):
        pass

    def load(self):
        pass

    def _tokenize(self, text):
        words = tuple(text.split())
        return Tokens(np.arange(len(words)), words)

    def _forward(self, tokens, ablation, next_token):
        self.passes += 1
        self.calls.append((ablation, next_token, threading.current_thread()))
        if self.meet is not None:
            self.meet.wait()
        n = len(tokens)
        pair = (previous_token(n), first_token(n))
        distribution = np.full(3, 1 / 3, np.float32) if self.causal and next_token else None
        return AttentionResult(tokens, np.stack(pair[::-1] if ablation else pair)[None].astype(np.float32),
                               distribution)

    def token_text(self, token_id):
        return str(token_id)


def test_a_comparison_is_computed_once_per_text_and_ablation_and_finds_heads_before_and_after():
    model = CountingModel()
    first = compare(model, "a b c d", 1, 8)
    assert model.passes == 2
    assert compare(model, "a b c d", 1, 8) is first and model.passes == 2
    compare(model, "a b c d e", 1, 8)
    assert model.passes == 4
    assert first.found("previous", 1) == ((0, 0, pytest.approx(1), pytest.approx(1 / 3)),)  # query 1: first = previous
    assert [head for _, head, _, _ in first.found("first", 2)] == [1, 0]
    assert first.change[0].tolist() == [pytest.approx(0.5), pytest.approx(0.5)]  # queries 2 and 3 moved
    with pytest.raises(ValueError, match="not one of"):
        first.found("sideways", 1)


def test_the_trained_pass_is_not_run_again_when_only_the_ablation_changes():
    model = CountingModel()
    compare(model, "a b c d", 1, 8)
    assert sorted(ablation for ablation, _, _ in model.calls) == [0, 1]
    second = compare(model, "a b c d", 2, 8)
    assert sorted(ablation for ablation, _, _ in model.calls) == [0, 1, 2]  # only the new ablation ran
    assert second.real.tolist() == compare(model, "a b c d", 1, 8).real.tolist()
    as_trained = compare(model, "a b c d", 0, 8)  # the ablation that changes nothing is the trained pass itself
    assert model.passes == 3 and np.array_equal(as_trained.real, as_trained.ablated)


def test_two_missing_passes_run_at_the_same_time_on_two_threads():
    model = CountingModel(meet=threading.Barrier(2, timeout=20))  # one pass alone would wait there and fail
    compare(model, "a b c d", 1, 8)
    threads = {thread for _, _, thread in model.calls}
    assert model.passes == 2 and len(threads) == 2 and threading.current_thread() in threads


def test_next_tokens_are_predicted_only_when_asked_for():
    model = CountingModel(causal=True)
    without = compare(model, "a b c d", 1, 8, next_tokens=False)
    assert without.next_real == () and [flag for _, flag, _ in model.calls] == [False, False]
    with_them = compare(model, "a b c d", 1, 8)
    assert len(with_them.next_real) == 3 and [flag for _, flag, _ in model.calls] == [False, False, True, True]
    compare(model, "a b c d", 2, 8, next_tokens=False)  # the kept trained pass with next tokens serves
    assert model.passes == 5 and model.calls[-1][:2] == (2, False)
