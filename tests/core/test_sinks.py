"""gpt-oss's learned attention sinks against transformers' own attention (GptOssRotaryEmbedding,
apply_rotary_pos_emb and eager_attention_forward, run by scripts/make_method_references.py), and how toy
attention takes them in by declaration."""

import json
from pathlib import Path

import numpy as np
import pytest

from posenc_gui.core import attention, registry
from posenc_gui.core.attention import toy
from posenc_gui.core.params import Param
from posenc_gui.core.registry import Attention, Entry, Method, Output

REFERENCES = json.loads((Path(__file__).resolve().parents[1] / "data" / "method_references.json").read_text())


@pytest.mark.parametrize("case", REFERENCES["sinks"], ids=lambda c: "causal" if c["causal"] else "full")
def test_weights_and_outputs_are_those_of_transformers(case):
    """The method's rotation and attention's softmax with sinks, on the reference's q, k, v and sinks.
    transformers' cos and sin are float32: agreement to float32's precision."""
    q, k, v = (np.array(case[name]) for name in "qkv")
    method = registry.get("sinks")
    turn = method.attention.rotation({**method.defaults(), **case["app"]}, np.arange(q.shape[1]), q.shape[2])
    logits = turn(q) @ np.swapaxes(turn(k, True), -1, -2) / np.sqrt(q.shape[2])
    mask = attention.causal_mask(q.shape[1]) if case["causal"] else None
    weights, sink_weights = toy._masked_softmax(logits, mask, np.float64, np.array(case["sinks"]))
    np.testing.assert_allclose(weights, case["weights"], rtol=0, atol=1e-6)
    np.testing.assert_allclose(sink_weights, case["sink_weights"], rtol=0, atol=1e-6)
    np.testing.assert_allclose(attention.merge_heads(weights @ v), np.reshape(case["outputs"], (q.shape[1], -1)),
                               rtol=0, atol=1e-6)


def test_a_row_with_every_key_masked_gives_all_to_the_sink():
    logits = np.array([[[-np.inf, -np.inf], [0.0, 1.0]]])
    weights, sink = attention.softmax_with_sinks_inplace(logits, np.array([[[2.0]]]))
    np.testing.assert_array_equal(weights[0, 0], 0)
    assert sink[0, 0] == 1
    np.testing.assert_allclose(sink[0, 1], np.exp(2) / (1 + np.e + np.exp(2)))


def test_attention_takes_the_sinks_the_method_declares():
    """Every query's weights and its sink's sum to 1; a higher sink takes more; the sinks are the method's
    seeded output, and the parts' softmaxes have them too."""
    tokens = "the cat sat on the mat".split()
    low = attention.attention_for("sinks", {"sink_mean": -2.0}, tokens, heads=4, causal=True)
    high = attention.attention_for("sinks", {"sink_mean": 4.0}, tokens, heads=4, causal=True)
    np.testing.assert_allclose(high.weights.sum(-1) + high.sink_weights, 1)
    assert np.all(high.content_weights.sum(-1) < 1)
    assert np.all(high.sink_weights > low.sink_weights)
    np.testing.assert_array_equal(high.sinks, registry.get("sinks").compute("sinks", {"sink_mean": 4.0, "heads": 4}))
    assert high.how == "rotate"
    plain = attention.attention_for("rope", {}, tokens, heads=4)
    assert plain.sinks is None and plain.sink_weights is None


def test_any_entry_can_declare_sinks():
    """A bias method with sinks (defined here, not by name) gets them in its softmax."""
    def bias(seq_len, heads=2):
        return np.zeros((heads, seq_len, seq_len))

    method = Method("test_biased_sinks", "test", "bias", "none", "none",
                    (Param("seq_len", "int", 4, "n", 1, 64), Param("heads", "int", 2, "h", 1, 8)),
                    {"bias": Output(bias, lambda seq_len, heads: (heads, seq_len, seq_len))},
                    attention=Attention(Entry.BIAS, sinks=lambda values, heads: np.zeros(heads)))
    with registry.registered(method):
        result = attention.attention_for("test_biased_sinks", {}, ["a", "b", "c"], heads=2, d_model=8)
    np.testing.assert_allclose(result.sink_weights, 1 / (1 + np.exp(result.logits).sum(-1)))
