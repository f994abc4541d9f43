"""DroPE: RoPE kept is transformers' Llama rotation (scripts/make_method_references.py); dropped, nothing turns,
so a score no longer depends on where the tokens stand."""

import json
from pathlib import Path

import numpy as np

from posenc_gui.core import attention, registry

REFERENCES = json.loads((Path(__file__).resolve().parents[1] / "data" / "method_references.json").read_text())


def test_kept_is_transformers_rotation_and_dropped_turns_nothing():
    """transformers' cos and sin are float32: agreement to float32's precision."""
    case = REFERENCES["drope"]
    method = registry.get("drope")
    q, k = np.array(case["q"]), np.array(case["k"])
    positions = np.arange(len(q))
    kept = method.attention.rotation({**method.defaults(), **case["app"]}, positions, q.shape[1])
    np.testing.assert_allclose(kept(q) @ kept(k, True).T, case["kept_logits"], rtol=0, atol=2e-5)
    dropped = method.attention.rotation({**method.defaults(), **case["app"], "phase": "dropped"}, positions, q.shape[1])
    np.testing.assert_array_equal(dropped(q) @ dropped(k, True).T, q @ k.T)


def test_dropped_means_every_frequency_zero_and_a_flat_score():
    method = registry.get("drope")
    assert not np.any(method.compute("frequencies", {"phase": "dropped"}))
    np.testing.assert_array_equal(method.compute("frequencies", {"phase": "kept", "d_model": 64}),
                                  registry.get("rope").compute("frequencies", {"d_model": 64}))
    np.testing.assert_allclose(method.compute("decay", {"seq_len": 50}), 1)
    kept = method.compute("decay", {"seq_len": 50, "phase": "kept"})
    assert kept[0] == 1 and np.all(kept[1:] < 1)


def test_in_attention_dropped_leaves_only_the_causal_mask_for_order():
    """The same words in another order: dropped, every head's weights are those of the reordered tokens, moved."""
    words = "the cat chases the mouse".split()
    order = [4, 1, 2, 3, 0]
    a = attention.attention_for("drope", {}, words, heads=2)
    b = attention.attention_for("drope", {}, [words[i] for i in order], heads=2)
    np.testing.assert_allclose(b.weights, a.weights[:, order][:, :, order])
    kept = attention.attention_for("drope", {"phase": "kept"}, [words[i] for i in order], heads=2)
    assert not np.allclose(kept.weights, a.weights[:, order][:, :, order])
