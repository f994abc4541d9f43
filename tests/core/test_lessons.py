"""Known answers for the guided lessons: the seed-001 walkthrough (exact, rounded and scaled), the d2l
multi-head reshape and valid_lens masks, the permutation test of word order, the relative shift of the
sinusoid and RoPE's dependence on m - n alone."""

import numpy as np
import pytest

from posenc_gui.core.attention import softmax, split_heads
from posenc_gui.core.lessons import multihead, order, relative_shift, walkthrough
from posenc_gui.core.methods import sinusoidal
from posenc_gui.core.params import InputError

ARTICLE = {
    "x": [[1, 0, 1, 0], [0, 2, 0, 2], [1, 1, 1, 1]],
    "w_key": [[0, 0, 1], [1, 1, 0], [0, 1, 0], [1, 1, 0]],
    "w_query": [[1, 0, 1], [1, 0, 0], [0, 0, 1], [0, 1, 1]],
    "w_value": [[0, 2, 0], [0, 3, 0], [1, 0, 3], [1, 1, 0]],
    "keys": [[0, 1, 1], [4, 4, 0], [2, 3, 1]],
    "queries": [[1, 0, 2], [2, 2, 2], [2, 1, 3]],
    "values": [[1, 2, 3], [2, 8, 0], [2, 6, 3]],
    "scores": [[2, 4, 4], [4, 16, 12], [4, 12, 10]],
}


def test_walkthrough_inputs_and_projections_are_the_articles():
    arrays = walkthrough.walkthrough_arrays()
    for name, expected in ARTICLE.items():
        np.testing.assert_array_equal(getattr(arrays, name), expected, err_msg=name)
    np.testing.assert_array_equal(arrays.logits, ARTICLE["scores"])


def test_walkthrough_exact_and_rounded_softmax_and_outputs():
    arrays = walkthrough.walkthrough_arrays()
    np.testing.assert_allclose(arrays.weights[0], [0.0634, 0.4683, 0.4683], atol=5e-5)
    np.testing.assert_allclose(arrays.outputs[0], [1.9366, 6.6831, 1.5951], atol=5e-5)
    np.testing.assert_allclose(arrays.weights[1], [0.0000, 0.9820, 0.0180], atol=5e-5)
    np.testing.assert_array_equal(arrays.article_weights[0], [0.0, 0.5, 0.5])
    np.testing.assert_allclose(arrays.article_outputs[0], [2.0, 7.0, 1.5])
    np.testing.assert_allclose(arrays.exp[0], np.exp([2, 4, 4]))
    np.testing.assert_allclose(arrays.weighted[0], [[0.0634 * 1, 0.0634 * 2, 0.0634 * 3],
                                                       [0.4683 * 2, 0.4683 * 8, 0], [0.4683 * 2, 0.4683 * 6, 0.4683 * 3]],
                               atol=5e-4)
    np.testing.assert_allclose(arrays.weighted.sum(axis=1), arrays.outputs)


def test_walkthrough_scaled_by_one_over_sqrt_three():
    arrays = walkthrough.walkthrough_arrays(scaled=True)
    np.testing.assert_allclose(arrays.logits[0], np.array([2, 4, 4]) / np.sqrt(3))
    e = np.exp(np.array([2.0, 4.0, 4.0]) / np.sqrt(3))
    np.testing.assert_allclose(arrays.weights[0], e / e.sum())
    np.testing.assert_allclose(arrays.weights[0], [0.1361, 0.4319, 0.4319], atol=5e-5)
    np.testing.assert_allclose(arrays.outputs[0], [1.8639, 6.3194, 1.7042], atol=5e-5)
    np.testing.assert_array_equal(arrays.scores, ARTICLE["scores"])  # the scale leaves q.k itself alone
    np.testing.assert_allclose(arrays.article_outputs[0], [2.0, 7.0, 1.5])


def test_walkthrough_steps_panels_and_sources():
    names = [[name for name, _ in walkthrough.walkthrough_step(i).panels] for i in range(8)]
    assert names[0] == ["x"] and names[1] == ["w_key", "w_query", "w_value"]
    assert names[4] == ["scores", "weights", "article_weights"]
    step = walkthrough.walkthrough_step(3, selected=("scores", 1, 2))
    assert step.selected == ("scores", 1, 2)
    assert step.sources == (("queries", "row", 1), ("keys", "row", 2))
    panels = dict(step.panels)
    assert panels["scores"][1, 2] == panels["queries"][1] @ panels["keys"][2]
    step = walkthrough.walkthrough_step(2, selected=("values", 2, 1))
    assert step.sources == (("x", "row", 2), ("w_value", "column", 1))
    step = walkthrough.walkthrough_step(5, query=2, selected=("weighted", 1, 0))
    assert step.sources == (("weights", "cell", (2, 1)), ("values", "row", 1))
    np.testing.assert_allclose(dict(step.panels)["weighted"], walkthrough.walkthrough_arrays().weighted[2])
    step = walkthrough.walkthrough_step(6, query=1, selected=("output", 0, 2))
    assert step.sources == (("weighted", "column", 2),)
    np.testing.assert_allclose(dict(step.panels)["output"], walkthrough.walkthrough_arrays().outputs[1:2])


def test_walkthrough_selection_falls_back_and_scaled_scores_step_has_logits():
    assert walkthrough.walkthrough_step(3, selected=("keys", 0, 0)).selected == ("scores", 0, 0)
    assert walkthrough.walkthrough_step(3, selected=("scores", 5, 0)).selected == ("scores", 0, 0)
    assert walkthrough.walkthrough_step(0).selected is None
    step = walkthrough.walkthrough_step(3, scaled=True, selected=("logits", 0, 1))
    assert step.selected == ("logits", 0, 1) and "logits" in dict(step.panels)
    assert step.sources == (("queries", "row", 0), ("keys", "row", 1), ("scores", "cell", (0, 1)))
    assert walkthrough.walkthrough_step(4, scaled=True).panels[0][0] == "logits"
    with pytest.raises(InputError):
        walkthrough.walkthrough_step(8)


def test_transpose_qkv_shapes_round_trip_and_matches_split_heads():
    x = np.random.default_rng(1).standard_normal((2, 5, 12))
    split = multihead.transpose_qkv(x, 3)
    assert split.shape == (6, 5, 4)
    np.testing.assert_array_equal(split[1 * 3 + 2], x[1, :, 8:12])   # slice b*h + head = that head's channels
    np.testing.assert_array_equal(split, split_heads(x, 3).reshape(6, 5, 4))
    np.testing.assert_array_equal(multihead.transpose_output(split, 3), x)
    with pytest.raises(InputError):
        multihead.transpose_qkv(x, 5)


def test_multihead_masks_follow_valid_lens_and_match_a_per_head_loop():
    out = multihead.multihead_lesson(d_model=8, heads=2, valid_lens=(3, 2), n=4, seed=3)
    np.testing.assert_array_equal(out.lens, [3, 3, 2, 2])          # repeat_interleave per head
    np.testing.assert_array_equal(out.split_batch, [0, 0, 1, 1])
    np.testing.assert_array_equal(out.split_channel[1, 0], [4, 5, 6, 7])
    np.testing.assert_array_equal(out.split_head[3], np.ones((4, 4)))
    for s, length in enumerate(out.lens):
        assert np.all(out.weights[s][:, length:] == 0)
        assert np.all(out.weights[s][:, :length] > 0)
        np.testing.assert_allclose(out.weights[s].sum(axis=1), 1.0)
        assert np.all(out.mask[s] == (np.arange(4) < length)[None, :])
    # the same numbers head by head, written out plainly
    rng = np.random.default_rng(3)
    x = rng.standard_normal((2, 4, 8))
    w_q, w_k, w_v, w_o = rng.standard_normal((4, 8, 8)) / np.sqrt(8)
    for b, length in enumerate((3, 2)):
        heads = []
        for h in range(2):
            cols = slice(4 * h, 4 * h + 4)
            q, k, v = x[b] @ w_q[:, cols], x[b] @ w_k[:, cols], x[b] @ w_v[:, cols]
            w = softmax((q @ k[:length].T) / 2.0)
            heads.append(w @ v[:length])
        np.testing.assert_allclose(out.output[b], np.hstack(heads) @ w_o, atol=1e-12)
    np.testing.assert_allclose(out.concat, multihead.transpose_output(out.head_outputs, 2))


@pytest.mark.parametrize("kwargs", [dict(d_model=8, heads=3), dict(valid_lens=(0, 2)), dict(valid_lens=(5, 2))])
def test_multihead_rejects_bad_settings(kwargs):
    with pytest.raises(InputError):
        multihead.multihead_lesson(**kwargs)


def test_permutation_of_words():
    np.testing.assert_array_equal(order.permutation(list("猫追老鼠"), list("老鼠追猫")), [2, 3, 1, 0])
    a, b = "the cat chases the mouse".split(), "the mouse chases the cat".split()
    perm = order.permutation(a, b)
    assert [a[i] for i in perm] == b and sorted(perm) == list(range(5))
    with pytest.raises(InputError):
        order.permutation(["a", "b"], ["a", "c"])


@pytest.mark.parametrize("pair", ["zh", "en"])
def test_without_position_the_outputs_are_the_same_rows_permuted(pair):
    result = order.order_test("nope", {}, *order.ORDER_PAIRS[pair])
    assert result.nope_difference < 1e-14
    assert result.method_difference < 1e-14      # NoPE as the scene's method: still blind to order
    assert not np.allclose(result.nope_a, result.nope_b)  # ...yet the rows do move


@pytest.mark.parametrize("method", ["sinusoidal", "rope", "alibi", "t5", "learned"])
@pytest.mark.parametrize("pair", ["zh", "en"])
def test_with_a_position_signal_the_outputs_differ(method, pair):
    result = order.order_test(method, {}, *order.ORDER_PAIRS[pair])
    assert result.nope_difference < 1e-14
    assert result.method_difference > 1e-3


def test_a_causal_mask_breaks_the_symmetry_even_without_positions():
    result = order.order_test("nope", {}, *order.ORDER_PAIRS["en"], causal=True)
    assert result.method_difference > 1e-3


@pytest.mark.parametrize("p, k", [(0, 0), (0, 1), (3, 5), (17, 2), (100, 37)])
@pytest.mark.parametrize("width", [2, 6, 16, 64])
def test_relative_shift_is_a_fixed_rotation(p, k, width):
    result = relative_shift.relative_shift(p, k, width)
    assert result.residual < 1e-12
    np.testing.assert_allclose(result.shift @ result.pe_p, result.pe_pk, atol=1e-12)
    table = sinusoidal.encoding(p + k + 1, width)
    np.testing.assert_allclose(result.pe_p, table[p], atol=1e-12)
    np.testing.assert_allclose(result.pe_pk, table[p + k], atol=1e-12)
    # M(k) does not depend on p
    np.testing.assert_array_equal(result.shift, relative_shift.relative_shift(p + 7, k, width).shift)


def test_shift_matrix_blocks_are_the_rotation_of_the_article():
    shift = relative_shift.relative_shift(2, 3, 4).shift
    w1 = 10000 ** (-2 / 4)
    np.testing.assert_allclose(shift[:2, :2], [[np.cos(3), np.sin(3)], [-np.sin(3), np.cos(3)]])
    np.testing.assert_allclose(shift[2:, 2:], [[np.cos(3 * w1), np.sin(3 * w1)], [-np.sin(3 * w1), np.cos(3 * w1)]])
    assert np.all(shift[:2, 2:] == 0) and np.all(shift[2:, :2] == 0)


@pytest.mark.parametrize("width", [1, 7, 15])
def test_relative_shift_needs_an_even_width(width):
    with pytest.raises(InputError):
        relative_shift.relative_shift(1, 2, width)


def test_similarity_diagonals_are_constant_for_even_widths():
    result = relative_shift.sinusoid_similarity(32, 16)
    assert result.spread < 1e-12
    np.testing.assert_allclose(np.diagonal(result.similarity), 8.0)   # |PE(p)|^2 = d/2
    assert relative_shift.sinusoid_similarity(32, 3).spread > 1e-3           # the lone sin column breaks it
    np.testing.assert_array_equal(relative_shift.diagonal_spread(np.array([[1.0, 2.0], [3.0, 1.0]])), [0, 0, 0])
    np.testing.assert_array_equal(relative_shift.diagonal_spread(np.array([[1.0, 2.0], [3.0, 4.0]])), [0, 3, 0])


@pytest.mark.parametrize("offset", [0, 1, 5, -3])
def test_rope_score_depends_only_on_m_minus_n(offset):
    n = np.arange(10, 40)
    scores = relative_shift.rope_scores(n + offset, n, 16, seed=4)
    assert np.ptp(scores) < 1e-12
    q, k = np.random.default_rng(4).standard_normal((2, 16))
    if offset == 0:
        np.testing.assert_allclose(scores, q @ k)   # no turn between them: the plain dot product
    varied = relative_shift.rope_scores(np.arange(10), np.zeros(10, dtype=int), 16, seed=4)
    assert np.ptp(varied) > 0.1
    with pytest.raises(InputError):
        relative_shift.rope_scores(n, n, 15)
