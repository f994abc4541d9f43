"""Attention: softmax and masks (d2l semantics), heads, the seed-001 walkthrough, every method applied."""

import warnings

import numpy as np
import pytest

from posenc_gui.core import analysis, attention, registry
from posenc_gui.core.attention import toy
from posenc_gui.core.attention.bounded_cache import cached_up_to
from posenc_gui.core.methods.sinusoidal import encoding, frequencies
from posenc_gui.core.params import InputError
from posenc_gui.core.tokens import tokenize, toy_embeddings
from posenc_gui.core.walkthrough import trace


def test_softmax_is_stable_and_masked_rows_are_zero():
    s = attention.softmax(np.array([[1000.0, 1000.0], [-np.inf, -np.inf]]))
    assert np.allclose(s, [[0.5, 0.5], [0.0, 0.0]])


def test_valid_lens_mask_follows_d2l():
    mask = attention.valid_lens_mask(2, 4, [2, 3])
    assert mask[0].tolist() == [[True, True, False, False]] * 2
    assert mask[1].tolist() == [[True, True, True, False]] * 2
    per_query = attention.valid_lens_mask(2, 4, [[1, 3]])
    assert per_query[0].sum(axis=1).tolist() == [1, 3]


def test_heads_split_and_merge_are_inverse():
    x = np.arange(24.0).reshape(3, 8)
    heads = attention.split_heads(x, 2)
    assert heads.shape == (2, 3, 4) and heads[1, 0].tolist() == [4, 5, 6, 7]
    assert np.array_equal(attention.merge_heads(heads), x)
    with pytest.raises(InputError):
        attention.split_heads(x, 3)


def test_scaled_dot_product_and_causal_mask():
    rng = np.random.default_rng(0)
    q, k, v = rng.standard_normal((3, 5, 4))
    out, w = attention.scaled_dot_product(q, k, v, mask=attention.causal_mask(5))
    logits = q @ k.T / 2
    assert np.allclose(w[2, :3], np.exp(logits[2, :3]) / np.exp(logits[2, :3]).sum())
    assert np.all(w[np.triu_indices(5, 1)] == 0) and np.allclose(out, w @ v)


def test_walkthrough_exact_matches_the_reference():
    t = trace()
    assert t["keys"].tolist() == [[0, 1, 1], [4, 4, 0], [2, 3, 1]]
    assert t["queries"].tolist() == [[1, 0, 2], [2, 2, 2], [2, 1, 3]]
    assert t["values"].tolist() == [[1, 2, 3], [2, 8, 0], [2, 6, 3]]
    assert t["scores"].tolist() == [[2, 4, 4], [4, 16, 12], [4, 12, 10]]
    assert np.allclose(t["weights"][0], [0.0634, 0.4683, 0.4683], atol=1e-4)
    assert np.allclose(t["outputs"][0], [1.9366, 6.6831, 1.5951], atol=1e-4)


def test_walkthrough_rounded_reproduces_the_article():
    t = trace(rounded=True)
    assert t["weights"][0].tolist() == [0.0, 0.5, 0.5]
    assert np.allclose(t["outputs"][0], [2.0, 7.0, 1.5])


def test_tokens_split_words_and_cjk_characters():
    assert tokenize("the cat  chases") == ["the", "cat", "chases"]
    assert tokenize("猫追老鼠 ok") == ["猫", "追", "老", "鼠", "ok"]
    with pytest.raises(InputError):
        tokenize("   ")


def test_toy_embeddings_are_stable_per_token():
    e = toy_embeddings(["a", "b", "a"], 6, seed=1)
    assert np.array_equal(e[0], e[2]) and not np.array_equal(e[0], e[1])
    assert np.array_equal(e, toy_embeddings(["a", "b", "a"], 6, seed=1))


def test_without_position_attention_is_permutation_equivariant():
    words = tokenize("cat chases mouse")
    perm = [2, 1, 0]
    a = attention.attention_for("nope", {}, words)
    b = attention.attention_for("nope", {}, [words[i] for i in perm])
    assert np.allclose(b.outputs, a.outputs[perm])
    c = attention.attention_for("sinusoidal", {}, [words[i] for i in perm])
    d = attention.attention_for("sinusoidal", {}, words)
    assert not np.allclose(c.outputs, d.outputs[perm])


@pytest.mark.parametrize("method", [m.name for m in registry.all_methods()])
@pytest.mark.parametrize("causal", [False, True])
def test_every_method_enters_attention(method, causal):
    words = tokenize("the cat chases the mouse")
    r = attention.attention_for(method, {}, words, heads=4, causal=causal)
    assert r.weights.shape == r.logits.shape == r.position.shape == (4, 5, 5)
    sinks = 0 if r.sink_weights is None else r.sink_weights  # a sink takes its part of every softmax
    assert np.allclose(r.weights.sum(-1) + sinks, 1) and np.all(np.isfinite(r.outputs))
    if causal:
        assert np.all(r.weights[:, 0, 1:] == 0)


def test_bias_methods_add_their_bias_to_the_content():
    r = attention.attention_for("alibi", {}, tokenize("a b c d"), heads=2)
    assert np.allclose(r.logits, r.content + r.position)
    assert np.allclose(r.position, registry.get("alibi").compute("bias", {"heads": 2, "seq_len": 4}))


def test_rope_position_part_depends_only_on_the_offset():
    p = attention.attention_for("rope", {"d_model": 16}, tokenize("a b c d e"), heads=2).position[0]
    assert np.allclose(p[1:, 1:], p[:-1, :-1])


def test_sinusoid_dot_products_depend_only_on_the_offset():
    sim = analysis.similarity(encoding(50, 32))
    assert np.allclose(sim[10, 13], sim[30, 33]) and np.allclose(sim[13, 10], sim[33, 30])
    cos = analysis.similarity(encoding(50, 32), "cosine")
    assert np.allclose(np.diag(cos), 1)


def test_shift_matrix_moves_every_position_by_k():
    k, table = 17, encoding(200, 64)
    shifted = table[:-k] @ analysis.shift_matrix(k, frequencies(64)).T
    assert np.max(np.abs(table[k:] - shifted)) < 1e-12


def test_precision_error_grows_with_position_as_published():
    err = analysis.precision_error([1e3, 1e4, 1e5, 1e6], frequencies(512), "float32")
    for got, published in zip(err, [2e-5, 5e-4, 5e-3, 5e-2]):
        assert published / 3 < got < published * 3
    assert np.all(analysis.precision_error([10.0, 1000.0], frequencies(64), "bfloat16") >
                  analysis.precision_error([10.0, 1000.0], frequencies(64), "float32"))


def test_bfloat16_rounds_to_nearest_even():
    assert analysis.round_to(np.array([1.0, np.pi]), "bfloat16").tolist() == [1.0, 3.140625]


def test_layer_costs_cross_where_the_table_says():
    from posenc_gui.core.lessons import layers
    d, k = 64, 3
    at = layers.costs([d, k * d], d, k)
    assert at["self-attention"][0] == at["rnn"][0] and at["self-attention"][1] == at["cnn"][1]
    assert layers.crossovers(d, k) == {"rnn": 64.0, "cnn": 192.0}
    assert layers.path_lengths([10], 3)["cnn"][0] == 4


@pytest.mark.parametrize("method", [m.name for m in registry.all_methods()])
@pytest.mark.parametrize("causal", [False, True])
def test_float32_weights_match_float64_ones(method, causal):
    words = tokenize("the cat chases the mouse and the dog")
    exact = attention.attention_for(method, {}, words, heads=4, causal=causal)
    drawn = attention.attention_for(method, {}, words, heads=4, causal=causal, dtype=np.float32)
    assert drawn.weights.dtype == np.float32 and exact.weights.dtype == np.float64
    assert np.allclose(drawn.weights, exact.weights, rtol=0, atol=1e-6)
    assert np.array_equal(drawn.logits, exact.logits)
    assert np.allclose(drawn.outputs, exact.outputs, rtol=1e-5, atol=1e-5)


def test_bounded_cache_keeps_recent_results_up_to_its_bytes():
    calls = []

    @cached_up_to(3 * 800, entries=3)
    def zeros(n):
        calls.append(n)
        return np.zeros(n)   # 8 n bytes

    first = zeros(100)
    assert zeros(100) is first and not first.flags.writeable
    zeros(200)
    zeros(100)                  # the most recent: kept
    zeros(150)                  # 2800 bytes in all: the least recent (200) goes
    zeros(100), zeros(200)
    assert calls == [100, 200, 150, 200]
    big = zeros(400)            # larger than the bound: returned, not kept
    assert big.flags.writeable and zeros(400) is not big
    for n in (1, 2, 3):
        zeros(n)
    zeros(150)                  # 4 entries, more than 3: the least recent (1) goes
    assert calls[-4:] == [1, 2, 3, 150]
    zeros(2), zeros(1)
    assert calls[-1] == 1


def test_cached_scores_give_the_same_result_as_a_fresh_computation():
    words = tokenize("the cat chases the mouse")
    for causal in (False, True, False):
        kept = attention.attention_for("alibi", {}, words, heads=2, causal=causal)
        toy._scores.cache_clear()
        fresh = attention.attention_for("alibi", {}, words, heads=2, causal=causal)
        for name in ("logits", "content", "position", "weights", "outputs"):
            assert np.array_equal(getattr(kept, name), getattr(fresh, name))


def test_a_narrower_model_has_the_top_left_block_of_a_wider_ones_projections():
    x = np.random.default_rng(0).standard_normal((5, 40))
    padded = np.hstack([x, np.zeros((5, 56))])   # its products with the wide weights use their first 40 rows
    narrow, wide = toy._projected([x], 40, 3)[0], toy._projected([padded], 96, 3)[0]
    for small, large in zip(narrow, wide):
        assert small.shape == (5, 40) and np.allclose(small, large[:, :40], rtol=0, atol=1e-12)
    assert not toy._projection_bank(3).flags.writeable
    assert not np.allclose(toy._projected([x], 40, 4)[0][0], narrow[0])  # another seed, other weights


def test_precision_error_of_an_unrepresentable_position_is_nan_without_a_warning():
    """float16 cannot hold 1e5 (inf), and 1e-9 rounds to 0 in it: inf * 0 must not warn (the soak saw it)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        err = analysis.precision_error([10.0, 1e5], [1.0, 1e-9], "float16")
    assert np.isfinite(err[0]) and np.isnan(err[1])
