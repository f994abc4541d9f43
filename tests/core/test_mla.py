"""MLA's decoupled RoPE against transformers' DeepseekV3Attention (logits from its parts, made by
scripts/make_method_references.py), and what decoupling does to the score."""

import json
from pathlib import Path

import numpy as np
import pytest

from posenc_gui.core import attention, registry
from posenc_gui.core.methods import mla, rope

REFERENCES = json.loads((Path(__file__).resolve().parents[1] / "data" / "method_references.json").read_text())


@pytest.mark.parametrize("case", REFERENCES["mla"], ids=lambda c: c["layout"])
def test_logits_are_deepseek_v3s(case):
    """The model's cos and sin are float32: agreement to float32's precision."""
    q, k_nope, k_rot = np.array(case["q"]), np.array(case["k_nope"]), np.array(case["k_rot"])
    heads, n, width = q.shape
    k = np.concatenate([k_nope, np.broadcast_to(k_rot, (heads, n, k_rot.shape[1]))], axis=-1)
    k[1, :, -k_rot.shape[1]:] = 7.0  # head 1's own rotary key is ignored: head 0's is shared
    turn = mla.rotation(case["app"], np.arange(n), width)
    logits = turn(q) @ np.swapaxes(turn(k, True), -1, -2) / np.sqrt(width)
    np.testing.assert_allclose(logits, case["logits"], rtol=0, atol=2e-6)


def test_only_the_rotary_share_of_the_score_falls_with_distance():
    curve = registry.get("mla").compute("decay", {"seq_len": 5000})
    assert curve[0] == pytest.approx(1.0) and curve.min() > 128 / 192 - 0.1
    np.testing.assert_allclose((curve - 128 / 192) * 3, rope.decay(5000, d_model=64), atol=1e-12)


def test_frequencies_count_the_rotary_channels_alone():
    np.testing.assert_allclose(mla.inv_freq(192, 64), rope.inv_freq(64))
    assert mla.rotary_channels(24, 64) == 24 and mla.rotary_channels(25, 64) == 24


def test_mla_rotates_only_the_last_channels_in_attention():
    r = attention.attention_for("mla", {"d_model": 24, "rope_dim": 8}, "a b c d e".split(), heads=2)
    assert r.how == "rotate"
    p = r.position[0]
    np.testing.assert_allclose(p[1:, 1:], p[:-1, :-1])  # relative: the rotated all-ones score
    assert p.min() > (24 - 8 - 8) / np.sqrt(24)  # 16 channels that never rotate hold the score up
