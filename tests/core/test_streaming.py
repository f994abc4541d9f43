"""StreamingLLM against the authors' decoding loop (their cache eviction and pos-shift attention with
transformers' rotary embedding, run by scripts/make_method_references.py), and its distances."""

import json
from pathlib import Path

import numpy as np
import pytest

from posenc_gui.core import attention, registry
from posenc_gui.core.methods import rope, streaming

REFERENCES = json.loads((Path(__file__).resolve().parents[1] / "data" / "method_references.json").read_text())


@pytest.mark.parametrize("case", REFERENCES["streaming"], ids=lambda c: str(c["app"]))
def test_logits_are_those_of_the_authors_decoding_loop(case):
    """transformers' cos and sin are float32: agreement to float32's precision."""
    q, k = np.array(case["q"]), np.array(case["k"])
    expected = np.array([[-np.inf if v is None else v for v in row] for row in case["logits"]])
    content, position, _ = streaming.attention_scores(case["app"], q, k, 1 / np.sqrt(q.shape[1]))
    np.testing.assert_allclose(content + position, expected, rtol=0, atol=2e-6)


def test_sinks_look_as_near_as_the_far_end_of_the_window():
    seen = registry.get("streaming").compute("distances", {"seq_len": 20, "sinks": 2, "window": 4})
    assert seen[19, :2].tolist() == [5, 4] and seen[19, 16:].tolist() == [3, 2, 1, 0]
    assert np.all(seen[19, 2:16] == -1) and np.all(seen[5, :6] == [5, 4, 3, 2, 1, 0])  # full cache from 6 on
    assert np.all(seen[np.triu_indices(20, 1)] == -1)


def test_without_eviction_it_is_plain_rope():
    q, k = np.random.default_rng(0).standard_normal((2, 3, 6, 8))
    content, position, _ = streaming.attention_scores({"sinks": 4, "window": 8, "base": 1e4}, q, k, 1.0)
    frequencies = rope.inv_freq(8)
    plain = rope.rotate(q, np.arange(6), frequencies, "half") @ np.swapaxes(
        rope.rotate(k, np.arange(6), frequencies, "half"), -1, -2)
    lower = np.tril(np.ones((6, 6), dtype=bool))
    np.testing.assert_allclose((content + position)[..., lower], plain[..., lower])


def test_dropped_keys_get_no_attention_even_without_the_causal_switch():
    r = attention.attention_for("streaming", {"sinks": 1, "window": 2}, "a b c d e f".split(), heads=2)
    assert r.how == "score"
    np.testing.assert_array_equal(r.weights[:, 5, 1:4], 0)
    assert np.all(r.weights[:, 5, [0, 4, 5]] > 0) and np.all(r.weights[:, 0, 1:] == 0)
