"""Layer patterns against transformers: each model's layer types and RoPE layers from its config class, each
layer type's frequencies from its rotary embedding, masking_utils' window and chunk overlays and Llama 4's
NoPE-layer query scale (known answers made by scripts/make_method_references.py)."""

import json
from pathlib import Path

import numpy as np
import pytest

from posenc_gui.core import attention, registry
from posenc_gui.core.methods import layers
from posenc_gui.core.params import InputError

REFERENCES = json.loads((Path(__file__).resolve().parents[1] / "data" / "method_references.json").read_text())
LAYERS = REFERENCES["layers"]
CONFIG_REFERENCES = json.loads((Path(__file__).resolve().parents[1] / "data" / "config_references.json").read_text())


@pytest.mark.parametrize("pattern", sorted(LAYERS["models"]))
def test_each_layer_has_the_configs_type_rotation_and_frequencies(pattern):
    model = LAYERS["models"][pattern]
    assert layers.PATTERNS[pattern].layers == len(model["layer_types"])
    for layer, (kind, rotates) in enumerate(zip(model["layer_types"], model["rope_layers"])):
        assert layers.layer_info(pattern, layer)[1:] == (kind, bool(rotates)), layer
        frequencies = layers.inv_freq(model["head_dim"], pattern, layer)
        if rotates:
            np.testing.assert_allclose(frequencies, model["inv_freq"][kind], rtol=2e-6, atol=0)
        else:
            assert not np.any(frequencies)


def test_gpt_oss_layers_are_those_of_its_shipped_config_as_transformers_reads_it():
    """gpt-oss came after the method references: its known answers are those of resources/configs/gpt-oss-20b.json
    (scripts/make_rope_references.py), one rotary embedding for both layer types."""
    case = next(c for c in CONFIG_REFERENCES["configs"] if c["model_type"] == "gpt_oss")
    expected = case["frequencies"]["sliding_attention@None"]["inv_freq"]
    for layer, (kind, rotates) in enumerate(zip(case["layer_types"], case["rope_layers"])):
        assert layers.layer_info("gpt-oss", layer)[1:] == (kind, bool(rotates)), layer
        np.testing.assert_allclose(layers.inv_freq(64, "gpt-oss", layer), expected, rtol=2e-6, atol=0)
    assert layers.PATTERNS["gpt-oss"].layers == len(case["layer_types"]) and layers.PATTERNS["gpt-oss"].window == 128


def test_local_and_global_layers_differ_where_the_models_do():
    gemma = LAYERS["models"]["gemma3"]["inv_freq"]
    assert gemma["full_attention"][1] != pytest.approx(gemma["sliding_attention"][1])


@pytest.mark.parametrize("name, pattern, layer, window", [("chunked 4", "llama4", 0, 4), ("sliding 3", "gemma3", 0, 3),
                                                          ("bidirectional 2", "modernbert", 1, 2)])
def test_windows_and_chunks_are_masking_utils_overlays(name, pattern, layer, window):
    np.testing.assert_array_equal(layers.visible(10, pattern, layer, window), LAYERS["masks"][name])
    assert layers.visible(10, pattern, 5 if pattern == "gemma3" else 3, window).all()  # a full-attention layer


def test_llama4_nope_layers_scale_queries_as_llama4_text_attention():
    expected = LAYERS["temperature"]
    scales = layers.query_scales(max(expected["positions"]) + 1, "llama4", 3)[expected["positions"]]
    np.testing.assert_allclose(scales, expected["scales"], rtol=1e-6)
    assert np.all(layers.query_scales(9000, "llama4", 0) == 1) and np.all(layers.query_scales(9000, "smollm3", 3) == 1)


def test_a_nope_layer_has_a_flat_decay_and_no_position_part_in_a_short_text():
    method = registry.get("layers")
    assert np.all(method.compute("decay", {"pattern": "smollm3", "layer": 7, "seq_len": 50}) == 1)
    r = attention.attention_for("layers", {"pattern": "smollm3", "layer": 7}, "a b c d".split(), heads=2)
    assert r.how == "score" and np.all(r.position == 0)


def test_a_small_window_hides_far_keys_in_attention():
    r = attention.attention_for("layers", {"pattern": "gemma3", "layer": 0, "window": 2}, "a b c d e".split(),
                                heads=2, causal=True)
    assert np.all(r.weights[:, 4, :3] == 0) and np.all(r.weights[:, 4, 3:] > 0)


def test_a_layer_past_the_models_last_is_refused():
    with pytest.raises(InputError, match="modernbert has 22 layers"):
        registry.get("layers").compute("frequencies", {"pattern": "modernbert", "layer": 30})


def test_gpt_oss_layers_give_each_head_its_sink_beside_the_window_and_yarn():
    """gpt-oss in one layer: the sinks method's seeded sink logits join the softmax of a sliding layer whose queries
    and keys turn by YaRN x32; the weights over the visible tokens and the sink's share sum to 1 in every row."""
    values = {"pattern": "gpt-oss", "layer": 0, "window": 3, "d_model": 64, "sink_mean": 2.0, "seed": 5}
    r = attention.attention_for("layers", values, "a b c d e f".split(), heads=4, causal=True)
    np.testing.assert_allclose(r.sinks, registry.get("sinks").compute("sinks", {"heads": 4, "sink_mean": 2.0,
                                                                                 "sink_spread": 1.5, "seed": 5}))
    np.testing.assert_allclose(r.weights.sum(axis=-1) + r.sink_weights, 1.0, atol=1e-6)
    assert np.all(r.weights[:, 5, :3] == 0) and np.all(r.sink_weights > 0)
    logits = np.where(np.isfinite(r.logits[:, 5]), r.logits[:, 5], -np.inf)  # the last query's row, per head
    shares = np.exp(r.sinks) / (np.exp(r.sinks) + np.exp(logits).sum(axis=-1))
    np.testing.assert_allclose(r.sink_weights[:, 5], shares, rtol=1e-5)
    full = attention.attention_for("layers", {**values, "layer": 1}, "a b c d e f".split(), heads=4, causal=True)
    assert np.all(full.weights[:, 5] > 0)  # the full layer sees every earlier token, with the same sinks
    np.testing.assert_allclose(full.sinks, r.sinks)
    for pattern in ("gemma3", "llama4", "smollm3", "modernbert"):
        assert attention.attention_for("layers", {"pattern": pattern}, "a b c".split(), heads=2).sinks is None
