"""A model's config.json read offline (core.model_config) and exported (``export frequencies|angles|layers
--config``), against what transformers' own rotary embedding of that model holds: known answers made by
scripts/make_rope_references.py for every shipped config in resources/configs, in its v4 form (the file)
and the v5 form transformers writes (stored with the answers)."""

import json
from pathlib import Path

import numpy as np
import pytest

from posenc_gui import cli
from posenc_gui.core import model_config
from posenc_gui.core.params import InputError

ROOT = Path(__file__).resolve().parents[2]
CONFIGS = ROOT / "resources" / "configs"
REFERENCES = json.loads((ROOT / "tests" / "data" / "config_references.json").read_text())
CASES = REFERENCES["configs"]


def forms(case):
    return [("v4", model_config.read_config(CONFIGS / case["file"])), ("v5", model_config.parse_config(case["v5"]))]


def test_every_shipped_config_has_known_answers():
    assert sorted(case["file"] for case in CASES) == sorted(path.name for path in CONFIGS.glob("*.json"))
    assert REFERENCES["versions"]["transformers"]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case["file"])
def test_frequencies_after_n_positions_match_transformers(case):
    for form, config in forms(case):
        assert list(config.layer_types) == case["layer_types"], form
        assert [int(r) for r in config.rope_layers] == case["rope_layers"], form
        for key, expected in case["frequencies"].items():
            kind, seq_len = key.split("@")
            inv, factor = model_config.frequencies(config, kind, None if seq_len == "None" else int(seq_len))
            assert np.allclose(inv, expected["inv_freq"], rtol=2e-6, atol=0), (form, key)
            assert factor == pytest.approx(expected["attention_factor"], rel=1e-12), (form, key)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case["file"])
def test_cos_and_sin_match_transformers(case):
    tables = {case["cos_layer_type"]: case, **case["other_types"]}  # each layer type with its own frequencies
    for form, config in forms(case):
        for kind, expected in tables.items():
            cos, sin = model_config.cos_sin(config, np.array(case["position_ids"]), kind)
            expected_cos, expected_sin = np.array(expected["cos"]), np.array(expected["sin"])
            if expected_cos.shape[1] == cos.shape[1] // 2:  # gpt-oss, Llama 4 keep one per pair: halves turn alike
                cos, sin = cos[:, :expected_cos.shape[1]], sin[:, :expected_cos.shape[1]]
            assert cos.shape == expected_cos.shape, (form, kind)
            # transformers forms the angle position x frequency in float32: its error grows with the position
            ids = np.array(case["position_ids"])
            slack = 2e-6 + 2.4e-7 * (ids.max(axis=0) if ids.ndim == 2 else ids)[:, None]
            assert np.all(np.abs(cos - expected_cos) <= slack), (form, kind)
            assert np.all(np.abs(sin - expected_sin) <= slack), (form, kind)


def test_qwen2_vl_sections_its_pairs_between_time_height_and_width():
    config = model_config.read_config(CONFIGS / "qwen2-vl-7b.json")
    ids = np.array([[0, 5], [0, 7], [0, 9]])
    cos, _ = model_config.cos_sin(config, ids)
    inv, _ = model_config.frequencies(config)
    assert np.allclose(cos[1, :16], np.cos(5 * inv[:16])) and np.allclose(cos[1, 16:40], np.cos(7 * inv[16:40]))
    assert np.allclose(cos[1, 40:64], np.cos(9 * inv[40:64])) and np.allclose(cos[1, 64:], cos[1, :64])


def test_qwen3_vl_interleaves_the_axes():
    data = {"num_hidden_layers": 2, "head_dim": 128, "hidden_size": 256, "num_attention_heads": 2,
            "rope_scaling": {"rope_type": "default", "mrope_section": [24, 20, 20], "mrope_interleaved": True}}
    config = model_config.parse_config({"text_config": data})
    cos, _ = model_config.cos_sin(config, np.array([[1], [2], [3]]))
    inv, _ = model_config.frequencies(config)
    axis = np.array([1 if j % 3 == 1 and j < 60 else 2 if j % 3 == 2 and j < 60 else 0 for j in range(64)]) + 1
    assert np.allclose(cos[0, :64], np.cos(axis * inv))


def test_llama3_with_a_smaller_high_than_low_frequency_factor_is_refused():
    config = model_config.parse_config({"num_hidden_layers": 1, "head_dim": 64, "rope_scaling": {
        "rope_type": "llama3", "factor": 8.0, "low_freq_factor": 2.0, "high_freq_factor": 1.0}})
    with pytest.raises(InputError, match="high_freq_factor"):
        model_config.frequencies(config)


def test_llama3_with_equal_frequency_factors_steps_at_the_original_length_as_transformers_does():
    """Llama 4 Scout ships low_freq_factor = high_freq_factor = 1: no blend, wavelengths over 8192 slowed x16."""
    config = model_config.read_config(CONFIGS / "llama-4-scout-17b-16e-instruct.json")
    inv, factor = model_config.frequencies(config)
    plain = 500000.0 ** (-np.arange(0, 128, 2) / 128)
    slow = 2 * np.pi / plain > 8192
    assert factor == 1.0 and slow.any() and not slow.all()
    assert np.allclose(inv, np.where(slow, plain / 16, plain))


def test_phi3_su_is_longrope_and_qwen2_without_its_sliding_window_has_none():
    config = model_config.read_config(CONFIGS / "phi-3-vision-128k-text.json")
    assert config.rotary["full_attention"].rope_type == "longrope"
    assert model_config.read_config(CONFIGS / "qwen2.5-7b-instruct.json").sliding_window is None
    qwen = {"model_type": "qwen2", "num_hidden_layers": 4, "head_dim": 64, "use_sliding_window": True,
            "sliding_window": 4096, "max_window_layers": 2}
    assert model_config.parse_config(qwen).layer_types == ("full_attention",) * 2 + ("sliding_attention",) * 2


def test_smollm3_and_llama4_without_a_nope_list_get_every_fourth_layer_nope():
    for model_type, flags in (("smollm3", None), ("llama4_text", [])):
        data = {"model_type": model_type, "num_hidden_layers": 8, "head_dim": 64, "no_rope_layers": flags}
        assert model_config.parse_config(data).rope_layers == (True, True, True, False) * 2, model_type


def test_layer_types_without_a_list_follow_transformers_derivations():
    llama4 = {"num_hidden_layers": 8, "head_dim": 128, "no_rope_layers": [1, 1, 1, 0] * 2,
              "attention_chunk_size": 8192, "rope_theta": 500000.0}
    config = model_config.parse_config(llama4)
    assert model_config.layer_rows(config)[2:4] == [(2, "chunked_attention", 1), (3, "full_attention", 0)]
    modernbert = {"num_hidden_layers": 6, "hidden_size": 768, "num_attention_heads": 12,
                  "global_attn_every_n_layers": 3, "global_rope_theta": 160000.0, "local_rope_theta": 10000.0}
    config = model_config.parse_config(modernbert)
    assert config.layer_types[:3] == ("full_attention", "sliding_attention", "sliding_attention")
    assert config.rotary["full_attention"].theta == 160000.0 and config.rotary["sliding_attention"].theta == 10000.0


@pytest.mark.parametrize("data, message", [
    ({"num_hidden_layers": 2}, "hidden_size"),
    ({"num_hidden_layers": 2, "hidden_size": 100, "num_attention_heads": 3}, "not a multiple"),
    ({"num_hidden_layers": 2, "head_dim": 64, "rope_scaling": {"type": "spiral"}}, "unknown rope type"),
    ({"num_hidden_layers": 2, "head_dim": 64, "rope_theta": -5}, "rope_theta"),
    ({"num_hidden_layers": -1, "head_dim": 64}, "num_hidden_layers"),
    ({"num_hidden_layers": 2, "head_dim": 64, "rope_scaling": {"type": "mrope", "mrope_section": [8, 8, 8]}},
     "mrope_section"),
    ([1, 2], "JSON object"),
    ({"num_hidden_layers": 2, "head_dim": 64, "rope_scaling": "yarn"}, "JSON object"),
    ({"num_hidden_layers": 2, "head_dim": 64, "rope_scaling": {"type": "yarn", "factor": "big"}}, "factor"),
    ({"num_hidden_layers": 2, "head_dim": 64, "rope_scaling": {"type": "longrope", "short_factor": ["a"]}},
     "short_factor"),
    ({"num_hidden_layers": 2, "head_dim": 64, "layer_types": ["full_attention"]}, "layer_types"),
    ({"num_hidden_layers": 2, "head_dim": 64, "local_attention": "wide"}, "local_attention"),
    ({"num_hidden_layers": 2, "head_dim": 64, "sliding_window": -4}, "sliding_window"),
])
def test_bad_configs_get_one_clear_line(data, message):
    with pytest.raises(InputError, match=message) as error:
        model_config.parse_config(data)
    assert "\n" not in str(error.value)


# -- the command line ----------------------------------------------------------------------------------

def run(capsys, *words):
    status = cli.export_main([str(w) for w in words])
    out, err = capsys.readouterr()
    return status, out, err


def test_export_frequencies_from_a_config(tmp_path, capsys):
    case = next(c for c in CASES if c["file"] == "phi-3-vision-128k-text.json")
    out = tmp_path / "f.npz"
    assert run(capsys, "frequencies", "--config", CONFIGS / case["file"], "--seq-len", 5000, "--out", out)[0] == 0
    with np.load(out) as data:
        assert np.allclose(data["inv_freq"], case["frequencies"]["full_attention@5000"]["inv_freq"], rtol=2e-6)
        assert float(data["attention_factor"]) == pytest.approx(1.1902380714238083)


def test_export_layers_from_a_config(tmp_path, capsys):
    out = tmp_path / "layers.csv"
    assert run(capsys, "layers", "--config", CONFIGS / "gpt-oss-20b.json", "--out", out)[0] == 0
    lines = out.read_text().splitlines()
    assert lines[:3] == ["layer,attention,rope", "0,sliding_attention,1", "1,full_attention,1"] and len(lines) == 25


def test_export_frequencies_and_layers_of_gemma4(tmp_path, capsys):
    """Gemma 4 E2B's full-attention frequencies (256: 64 turning, 192 at 0) and its four-sliding-one-full
    layers, as transformers 5.25's Gemma4TextRotaryEmbedding and config hold them."""
    case = next(c for c in CASES if c["file"] == "gemma-4-e2b.json")
    out = tmp_path / "f.npz"
    words = ("frequencies", "--config", CONFIGS / case["file"], "--layer-type", "full_attention", "--out", out)
    assert run(capsys, *words)[0] == 0
    with np.load(out) as data:
        expected = case["frequencies"]["full_attention@None"]
        assert np.allclose(data["inv_freq"], expected["inv_freq"], rtol=2e-6, atol=0)
        assert int(np.count_nonzero(data["inv_freq"])) == 64 and float(data["attention_factor"]) == 1.0
    layers = tmp_path / "layers.csv"
    assert run(capsys, "layers", "--config", CONFIGS / case["file"], "--out", layers)[0] == 0
    rows = [line.split(",") for line in layers.read_text().splitlines()[1:]]
    assert [(row[1], row[2]) for row in rows] == [(kind, "1") for kind in case["layer_types"]] and len(rows) == 35
    assert [int(row[0]) for row in rows if row[1] == "full_attention"] == [4, 9, 14, 19, 24, 29, 34]


def test_export_angles_of_gemma4_global_layers_are_as_wide_as_their_head(tmp_path, capsys):
    """Gemma 4 E2B's full-attention layers turn a 512-wide head (global_head_dim), a quarter of it (p-RoPE),
    its sliding layers a 256-wide one: --layer-type picks the table, as transformers' rotary embedding does."""
    case = next(c for c in CASES if c["file"] == "gemma-4-e2b.json")
    ids, out = tmp_path / "ids.npy", tmp_path / "a.npz"
    np.save(ids, np.array(case["position_ids"]))
    for kind, expected in (("full_attention", case["other_types"]["full_attention"]), ("sliding_attention", case)):
        words = ("angles", "--config", CONFIGS / case["file"], "--layer-type", kind, "--position-ids", ids)
        assert run(capsys, *words, "--out", out)[0] == 0
        with np.load(out) as data:
            assert data["cos"].shape == np.array(expected["cos"]).shape == (4, 512 if kind == "full_attention" else 256)
            slack = 2e-6 + 2.4e-7 * np.array(case["position_ids"])[:, None]
            assert np.all(np.abs(data["cos"] - expected["cos"]) <= slack)
            assert np.all(np.abs(data["sin"] - expected["sin"]) <= slack)
    full = np.array(case["other_types"]["full_attention"]["cos"])
    assert np.all(full[:, 64:256] == 1) and np.all(full[:, 320:] == 1)  # the pairs p-RoPE leaves unturned


def test_export_angles_from_a_config_with_m_rope_ids(tmp_path, capsys):
    case = next(c for c in CASES if c["file"] == "qwen2-vl-7b.json")
    ids, out = tmp_path / "ids.npy", tmp_path / "a.npz"
    np.save(ids, np.array(case["position_ids"]))
    assert run(capsys, "angles", "--config", CONFIGS / case["file"], "--position-ids", ids, "--out", out)[0] == 0
    with np.load(out) as data:
        assert np.allclose(data["cos"], case["cos"], atol=4e-6) and np.allclose(data["sin"], case["sin"], atol=4e-6)


@pytest.mark.parametrize("content, words, message", [
    ("{not json", ("frequencies",), "is not JSON"),
    ('{"num_hidden_layers": 2, "head_dim": 64, "rope_scaling": {"type": "spiral"}}', ("frequencies",),
     "unknown rope type"),
    ('{"num_hidden_layers": 2, "head_dim": 64}', ("frequencies", "--layer-type", "sliding_attention"),
     "does not rotate"),
    ('{"num_hidden_layers": 2, "head_dim": 64}', ("frequencies", "--base", "5"), "takes only"),
    ('{"num_hidden_layers": 2, "head_dim": 64}', ("angles",), "needs --position-ids"),
])
def test_bad_config_requests_exit_2_with_one_line_and_no_file(tmp_path, capsys, content, words, message):
    config, out = tmp_path / "config.json", tmp_path / "f.npz"
    config.write_text(content)
    status, _, err = run(capsys, *words, "--config", config, "--out", out)
    assert status == 2 and message in err and err.count("\n") == 1 and not out.exists()


JUNK = [None, True, -1, 0, 0.5, 1e300, "x", [], [1, "a"], {}, {"type": "yarn"}]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case["file"])
def test_a_damaged_config_gives_an_input_error_or_works_never_another_error(case):
    """Every key of a shipped config (and of its rope scaling) replaced in turn by each kind of junk."""
    whole = json.loads((CONFIGS / case["file"]).read_text())
    original = whole.get("text_config", whole)  # a multimodal config's language model is damaged in place
    damaged = []
    for key in original:
        damaged += [{**original, key: junk} for junk in JUNK]
    for key in original.get("rope_scaling") or {}:
        damaged += [{**original, "rope_scaling": {**original["rope_scaling"], key: junk}} for junk in JUNK]
    if "text_config" in whole:
        damaged = [{**whole, "text_config": data} for data in damaged]
    for data in damaged:
        try:
            config = model_config.parse_config(data)
            model_config.frequencies(config, seq_len=300000)
            model_config.cos_sin(config, np.arange(3))
            model_config.layer_rows(config)
        except InputError as error:
            assert str(error) and "\n" not in str(error)


def test_the_models_table_has_a_row_for_the_model_of_every_example():
    from posenc_gui.core import published_models

    names = {model.name for model in published_models.MODELS}
    shown = {"llama-2-7b": "LLaMA / Llama 2", "llama-3.1-8b": "Llama 3.1", "llama-4-scout-17b-16e-instruct": "Llama 4",
             "mistral-7b-v0.1": "Mistral 7B", "qwen2.5-7b-instruct": "Qwen2.5", "qwen2-vl-7b": "Qwen2-VL",
             "qwen3-vl-4b-instruct": "Qwen3-VL", "gemma-3-4b-text": "Gemma 3", "deepseek-v3": "DeepSeek-V2 / V3",
             "phi-2": "Phi-2", "phi-3-vision-128k-text": "Phi-3 (128k)", "gpt-neox-20b": "GPT-NeoX-20B",
             "gpt-oss-20b": "gpt-oss", "modernbert-base": "ModernBERT", "smollm3-3b": "SmolLM3",
             "gemma-4-e2b": "Gemma 4"}
    assert sorted(shown) == sorted(path.stem for path in CONFIGS.glob("*.json"))
    assert set(shown.values()) <= names


def test_each_layer_type_has_its_wavelengths_lengths_and_score_against_distance():
    gemma = model_config.spectra(model_config.read_config(CONFIGS / "gemma-3-4b-text.json"))
    local, global_ = gemma
    assert (local.attention, local.span, len(local.layers)) == ("sliding_attention", 1024, 29)
    assert (global_.attention, global_.span, global_.layers) == ("full_attention", None, tuple(range(5, 34, 6)))
    # linear x8 stretches every wavelength eightfold: the slowest pair of the global layers (base 1e6) never turns
    # within the length the factor implies (131072 / 8), the local layers' fastest pair turns every 2 pi tokens
    assert global_.wavelengths[0] == pytest.approx(2 * np.pi * 8) and local.wavelengths[0] == pytest.approx(2 * np.pi)
    assert (global_.trained_length, global_.extended_length) == (16384, 131072)
    assert global_.unturned_pairs == int(np.count_nonzero(global_.wavelengths > 16384)) > local.unturned_pairs
    # equal heads score 1 at distance 1 minus the turn of the fast pairs; the distances reach the extended length
    assert local.distances[0] == 1 and local.distances[-1] == 131072 and np.all(np.abs(local.score) <= 1 + 1e-12)
    inv, _ = model_config.frequencies(model_config.read_config(CONFIGS / "gemma-3-4b-text.json"), "sliding_attention")
    assert local.score[0] == pytest.approx(np.cos(inv).mean())
    assert local.reach == 1024 and local.reach_score == pytest.approx(np.cos(1024 * inv).mean())
    assert global_.reach == 16384
    assert global_.wavelength_range == (pytest.approx(2 * np.pi * 8), pytest.approx(global_.wavelengths[-1]))


def test_the_score_carries_the_attention_factor_squared_and_a_partial_rotation_keeps_the_rest_at_one():
    llama = model_config.spectra(model_config.read_config(CONFIGS / "llama-3.1-8b.json"))[0]
    assert (llama.trained_length, llama.extended_length) == (8192, 131072)
    oss = model_config.read_config(CONFIGS / "gpt-oss-20b.json")
    inv, factor = model_config.frequencies(oss)
    assert factor > 1
    assert model_config.spectra(oss)[0].score[0] == pytest.approx(factor ** 2 * np.cos(inv).mean())
    neox = model_config.read_config(CONFIGS / "gpt-neox-20b.json")  # a quarter of each head rotates
    inv, _ = model_config.frequencies(neox)
    width = neox.rotary["full_attention"].head_dim
    expected = (2 * np.cos(inv * 7).sum() + width - 2 * len(inv)) / width
    spectrum = model_config.spectra(neox)[0]
    assert spectrum.score[list(spectrum.distances).index(7)] == pytest.approx(expected)


def test_nope_layers_are_their_own_type_with_no_wavelength_and_a_flat_score():
    kinds = model_config.spectra(model_config.read_config(CONFIGS / "llama-4-scout-17b-16e-instruct.json"))
    assert [(k.attention, k.rotary is None) for k in kinds] == [("chunked_attention", False), ("full_attention", True)]
    nope = kinds[1]
    assert nope.layers == tuple(range(3, 48, 4)) and nope.wavelengths.size == 0 and np.all(nope.score == 1)


@pytest.mark.parametrize("file, pattern", [("gemma-3-4b-text.json", "gemma3"), ("modernbert-base.json", "modernbert"),
                                           ("llama-4-scout-17b-16e-instruct.json", "llama4"),
                                           ("smollm3-3b.json", "smollm3"), ("gpt-oss-20b.json", "gpt-oss")])
def test_configs_whose_layers_differ_are_a_stack_of_the_layer_patterns_method(file, pattern):
    config = model_config.read_config(CONFIGS / file)
    assert model_config.layer_pattern(config) == {"pattern": pattern, "d_model": config.head_dim, "layer": 0,
                                                  "window": 0}


def test_a_stack_that_differs_from_every_pattern_in_one_base_is_not_carried_over():
    data = json.loads((CONFIGS / "gemma-3-4b-text.json").read_text())
    assert model_config.layer_pattern(model_config.parse_config(data)) is not None
    data["rope_local_base_freq"] = 20000.0
    assert model_config.layer_pattern(model_config.parse_config(data)) is None
    data = json.loads((CONFIGS / "gemma-3-4b-text.json").read_text())
    data["sliding_window"] = 512
    assert model_config.layer_pattern(model_config.parse_config(data)) is None
    assert model_config.layer_pattern(model_config.read_config(CONFIGS / "llama-3.1-8b.json")) is None


GEMMA4_TEXT = {  # transformers 5.25's Gemma4TextConfig() as to_dict() writes it (the keys read here)
    "model_type": "gemma4_text", "head_dim": 256, "hidden_size": 2304, "num_attention_heads": 8,
    "num_hidden_layers": 30, "sliding_window": 512, "max_position_embeddings": 131072,
    "layer_types": ["full_attention" if (i + 1) % 6 == 0 else "sliding_attention" for i in range(30)],
    "rope_parameters": {"sliding_attention": {"rope_type": "default", "rope_theta": 10000.0},
                        "full_attention": {"rope_type": "proportional", "partial_rotary_factor": 0.25,
                                           "rope_theta": 1000000.0}}}


def test_gemma4_full_attention_layers_turn_a_wider_head():
    """Gemma4TextConfig makes its full-attention layers global_head_dim (512) wide, its sliding ones head_dim (256):
    transformers' rotary embedding holds 256 full-attention frequencies, 192 of them 0 (p-RoPE, a quarter turns,
    1e6 ** (-2 i / 512)), and 128 sliding ones (checked with transformers 5.25, Gemma4TextRotaryEmbedding)."""
    config = model_config.parse_config(GEMMA4_TEXT)
    full, _factor = model_config.frequencies(config, "full_attention")
    assert full.shape == (256,) and int(np.sum(full == 0)) == 192
    np.testing.assert_allclose(full[:64], 1e6 ** (-2 * np.arange(64) / 512), rtol=1e-6)
    assert full[[1, 2, 60, 63]] == pytest.approx([0.9474635124206543, 0.8976871371269226, 0.03924189880490303,
                                                  0.03337624669075012], rel=1e-6)
    sliding, _factor = model_config.frequencies(config, "sliding_attention")
    assert sliding.shape == (128,) and sliding[1] == pytest.approx(0.9305720329284668, rel=1e-6)
    wider = model_config.parse_config({**GEMMA4_TEXT, "global_head_dim": 384})
    assert model_config.frequencies(wider, "full_attention")[0].shape == (192,)
