"""Sandwich and FIRE against their reference implementations (NeMo's Sandwich, the FIRE paper's listing, both
run in torch by scripts/make_method_references.py with the app's seeded weights), and their properties."""

import json
from pathlib import Path

import numpy as np
import pytest

from posenc_gui.core import attention, registry
from posenc_gui.core.methods import fire, sandwich

REFERENCES = json.loads((Path(__file__).resolve().parents[1] / "data" / "method_references.json").read_text())


@pytest.mark.parametrize("case", REFERENCES["sandwich"], ids=lambda c: str(c["app"]))
def test_sandwich_is_nemos(case):
    bias = registry.get("sandwich").compute("bias", case["app"])
    np.testing.assert_allclose(bias, case["bias"], rtol=1e-12, atol=1e-11)


@pytest.mark.parametrize("case", REFERENCES["fire"], ids=lambda c: str(c["app"]))
def test_fire_is_the_papers_module_with_the_same_weights(case):
    bias = registry.get("fire").compute("bias", case["app"])
    np.testing.assert_allclose(bias, case["bias"], rtol=1e-12, atol=1e-13)


def test_sandwich_is_zero_on_the_diagonal_negative_off_it_and_milder_in_later_heads():
    bias = sandwich.bias(64, heads=4, d_model=64)
    assert np.all(np.diagonal(bias, axis1=1, axis2=2) == 0) and np.all(bias[:, 0, 1:] < 0)
    np.testing.assert_allclose(bias[0], 4 * bias[3])  # head 1 divides by 2, head 4 by 8
    assert np.all(np.triu(sandwich.bias(8, heads=2, causal=True)) == 0)


def test_sandwich_is_the_inner_product_of_two_sinusoidal_vectors():
    theta = sandwich.frequencies(16)
    def vector(p):
        return np.concatenate([np.sin(p * theta), np.cos(p * theta)])
    assert sandwich.profile(10, 16)[7] == pytest.approx(vector(9) @ vector(2) - 8, rel=1e-13)


def test_fire_maps_every_length_into_the_same_inputs():
    """Past the threshold the normalised distance of the last key is 1 at any length: the MLP sees no input
    it did not see at training length."""
    for n in (40, 400):
        x = fire.normalised_distance(n, c=0.1, threshold=16.0)
        lower = x[np.tril_indices(n)]
        assert x[-1, 0] == pytest.approx(1.0, abs=1e-5) and np.all((0 <= lower) & (lower < 1 + 1e-9))
    short = fire.normalised_distance(10, threshold=512.0)
    assert short.max() < 0.2  # before L, distances are divided by psi(L): no stretch of short prefixes


def test_fire_blocks_of_rows_make_the_whole_bias(monkeypatch):
    whole = fire.bias(50, heads=3, mlp_width=8, seed=2)
    monkeypatch.setattr(fire, "rows_per_chunk", lambda row_bytes: 7)
    np.testing.assert_array_equal(fire.bias(50, heads=3, mlp_width=8, seed=2), whole)
    assert registry.get("fire").compute("bias", {"seq_len": 4}).shape == (8, 4, 4)


@pytest.mark.parametrize("name", ["sandwich", "fire"])
def test_they_enter_attention_as_biases(name):
    r = attention.attention_for(name, {}, "a b c d".split(), heads=2)
    np.testing.assert_allclose(r.position, registry.get(name).compute("bias", {"heads": 2, "seq_len": 4}))
    np.testing.assert_allclose(r.logits, r.content + r.position)
