"""Known answers for ALiBi, T5, Shaw, Transformer-XL (reference/encodings.md sections 3, 4, 5, 8)."""

import numpy as np
import pytest

from posenc_gui.core import registry
from posenc_gui.core.methods import alibi, shaw, t5
from posenc_gui.core.methods import transformer_xl as txl
from posenc_gui.core.methods.sinusoidal import frequencies
from posenc_gui.core.params import InputError


def test_alibi_slopes_power_of_two_are_geometric_from_half():
    assert np.allclose(alibi.slopes(8), [2.0 ** -k for k in range(1, 9)])


def test_alibi_slopes_for_twelve_heads_follow_the_reference():
    expected = [0.5, 0.25, 0.125, 0.0625, 0.03125, 0.015625, 0.0078125, 0.00390625,
                0.7071, 0.3536, 0.1768, 0.0884]
    assert np.allclose(alibi.slopes(12), expected, atol=1e-4)


@pytest.mark.parametrize("heads", [1, 3, 5, 6, 7, 24, 64])
def test_alibi_slopes_any_count_are_positive_and_distinct(heads):
    s = alibi.slopes(heads)
    assert s.shape == (heads,) and np.all(s > 0) and len(set(s)) == heads


def test_alibi_bias_symmetric_and_causal():
    sym = alibi.bias(2, 4)
    assert sym[0, 3, 1] == -0.0625 * 2 and sym[0, 1, 3] == -0.0625 * 2
    assert np.allclose(sym, np.swapaxes(sym, 1, 2))
    causal = alibi.bias(2, 4, causal=True)
    assert causal[1, 3, 0] == -(2.0 ** -8) * 3
    assert np.all(causal[:, np.triu_indices(4, 1)[0], np.triu_indices(4, 1)[1]] == 0)


BIDIRECTIONAL = {-1: 1, -7: 7, -8: 8, -16: 10, -32: 12, -64: 14, -127: 15, -1000: 15,
                 1: 17, 8: 24, 16: 26, 32: 28, 64: 30, 127: 31, 1000: 31, 0: 0}
CAUSAL = {-15: 15, -16: 16, -32: 21, -64: 26, -128: 31, -5000: 31, 1: 0, 40: 0, 0: 0}


def test_t5_buckets_match_the_published_vectors():
    rel = np.array(list(BIDIRECTIONAL))
    assert t5.relative_position_bucket(rel).tolist() == list(BIDIRECTIONAL.values())
    rel = np.array(list(CAUSAL))
    assert t5.relative_position_bucket(rel, bidirectional=False).tolist() == list(CAUSAL.values())


def test_t5_bucket_matrix_is_key_minus_query():
    b = t5.buckets(200)
    assert b[100, 99] == 1 and b[99, 100] == 17 and b[0, 199] == 31 and b[199, 0] == 15
    assert b.dtype.kind == "i"
    assert t5.buckets(50, causal=True)[10, 20] == 0


def test_t5_bias_looks_up_the_table_per_head():
    table = t5.random_table(32, 3, seed=5)
    bias = t5.bias(10, heads=3, seed=5)
    b = t5.buckets(10)
    assert bias.shape == (3, 10, 10) and bias[2, 4, 7] == table[b[4, 7], 2]


def test_t5_refuses_too_few_buckets():
    with pytest.raises(InputError, match="too small"):
        registry.get("t5").compute("buckets", {"num_buckets": 2})


def test_shaw_distance_is_clipped_j_minus_i_plus_k():
    d = shaw.distances(6, 2)
    assert d[0, 0] == 2 and d[0, 1] == 3 and d[0, 5] == 4 and d[5, 0] == 0 and d[3, 2] == 1


def test_shaw_logits_and_values_equal_the_definitions():
    rng = np.random.default_rng(0)
    n, d, k = 7, 5, 2
    q, w = rng.standard_normal((n, d)), rng.random((n, n))
    tables = shaw.random_tables(k, d, seed=3)
    idx = shaw.distances(n, k)
    brute_logits = np.array([[q[i] @ tables[0][idx[i, j]] for j in range(n)] for i in range(n)])
    brute_values = np.array([sum(w[i, j] * tables[1][idx[i, j]] for j in range(n)) for i in range(n)])
    assert np.allclose(shaw.logits(q, tables[0], idx), brute_logits)
    assert np.allclose(shaw.value_term(w, tables[1], idx), brute_values)


def test_transformer_xl_terms_equal_the_four_products():
    n, d = 6, 8
    q, k, u, v, w_r = txl.toy_inputs(n, d, seed=2)
    terms = txl.terms(q, k, u, v, w_r)
    freq = frequencies(d, layout="concat")
    for i in range(n):
        for j in range(n):
            r = np.concatenate([np.sin((i - j) * freq), np.cos((i - j) * freq)])
            expected = [q[i] @ k[j], q[i] @ w_r @ r, u @ k[j], v @ w_r @ r]
            assert np.allclose(terms[:, i, j], expected)


def test_transformer_xl_position_terms_depend_only_on_i_minus_j():
    _, _, _, v, w_r = txl.toy_inputs(5, 8)
    d_term = txl.terms(np.zeros((5, 8)), np.zeros((5, 8)), np.zeros(8), v, w_r)[3]
    assert np.allclose(d_term[1:, 1:], d_term[:-1, :-1])
