"""The head finder's scores on attention patterns with known answers (on the real models:
test_real_models.py, which loads them once)."""

from __future__ import annotations

import numpy as np
import pytest

from posenc_gui.core.real_models.heads import PATTERNS, change, head_scores

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
