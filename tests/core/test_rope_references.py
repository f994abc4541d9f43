"""Known answers from Hugging Face transformers for every RoPE scaling (LongRoPE, proportional, YaRN with
its explicit attention factor, DeepSeek's mscale and gpt-oss's truncate=False, dynamic NTK, Llama 3,
linear) and for an odd rotary width, made by scripts/make_rope_references.py (versions stored with them).
transformers computes in float32, the core in float64: they agree to float32's precision."""

import json
from pathlib import Path

import numpy as np
import pytest

from posenc_gui import cli
from posenc_gui.core import registry, rope_scalings
from posenc_gui.core.methods import rope
from posenc_gui.core.params import InputError

REFERENCES = json.loads((Path(__file__).resolve().parents[1] / "data" / "rope_references.json").read_text())
SCALING_CASES = REFERENCES["scalings"]


def test_the_references_say_what_made_them():
    assert REFERENCES["versions"]["transformers"] and REFERENCES["versions"]["torch"]
    assert {case["rope_parameters"]["rope_type"] for case in SCALING_CASES} == \
        {"linear", "dynamic", "yarn", "llama3", "longrope", "proportional"}


@pytest.mark.parametrize("case", SCALING_CASES, ids=lambda case: case["name"])
def test_each_scaling_matches_transformers(case):
    inv, factor = rope.scaled(**{**case["app"], "seq_len": case["seq_len"]})
    assert inv.shape == (len(case["inv_freq"]),)
    assert np.allclose(inv, case["inv_freq"], rtol=2e-6, atol=0)
    assert factor == pytest.approx(case["attention_factor"], rel=1e-12)


@pytest.mark.parametrize("case", [c for c in SCALING_CASES if c["rope_parameters"]["rope_type"] == "longrope"],
                         ids=lambda case: case["name"])
def test_the_cli_exports_what_transformers_holds(tmp_path, capsys, case):
    path = tmp_path / "f.npy"
    flags = [f"--{k.replace('_', '-')}={v}" for k, v in {**case["app"], "seq_len": case["seq_len"]}.items()]
    assert cli.export_main(["frequencies", *flags, "--out", str(path)]) == 0, capsys.readouterr().err
    assert np.allclose(np.load(path), case["inv_freq"], rtol=2e-6, atol=0)


def test_longrope_takes_a_models_own_factor_lists_and_refuses_a_wrong_count():
    case = next(c for c in SCALING_CASES if c["name"] == "longrope Phi-3 long")
    params = case["rope_parameters"]
    inv, factor = rope_scalings.longrope(96, 10000.0, 1.0, case["seq_len"], 32.0, 4096, params["short_factor"],
                                         params["long_factor"])
    assert np.allclose(inv, case["inv_freq"], rtol=2e-6) and factor == pytest.approx(case["attention_factor"])
    with pytest.raises(InputError, match="one factor per rotated pair"):
        rope_scalings.longrope(64, 10000.0, 1.0, 10, 32.0, 4096, params["short_factor"], params["long_factor"])


def test_longrope_at_another_width_resamples_the_phi3_lists():
    short = rope.inv_freq(128, scaling="longrope", seq_len=10)  # 64 pairs from 48 factors
    assert short.shape == (64,)
    factors = rope_scalings.default_inv_freq(128, 10000.0) / short
    assert factors[0] == pytest.approx(rope_scalings.PHI3_SHORT_FACTOR[0])
    assert factors[-1] == pytest.approx(rope_scalings.PHI3_SHORT_FACTOR[-1])
    assert np.all(np.diff(factors) >= -1e-12)  # the list rises, and so does its resampling


def test_proportional_keeps_the_whole_heads_spacing_and_stops_the_other_pairs():
    inv = rope.inv_freq(256, 1e6, rotary_fraction=0.25, scaling="proportional")
    assert inv.shape == (128,) and np.all(inv[32:] == 0) and np.all(inv[:32] > 0)
    assert inv[1] == pytest.approx(1e6 ** (-2 / 256))  # spaced by the whole head, not by the 64 rotated channels
    encoding = registry.get("rope").compute("encoding", {"d_model": 8, "rotary_fraction": 0.5,
                                                         "scaling": "proportional", "seq_len": 3, "layout": "half"})
    assert encoding.shape == (3, 8) and np.all(encoding[:, [2, 3, 6, 7]] == [1, 1, 0, 0])  # pairs 2, 3 never turn


def test_yarn_attention_factor_options():
    derived = rope.attention_factor("yarn", 40.0)
    assert derived == pytest.approx(0.1 * np.log(40) + 1)
    assert rope.attention_factor("yarn", 40.0, mscale=1.0, mscale_all_dim=1.0) == 1.0  # DeepSeek-V3
    assert rope.attention_factor("yarn", 40.0, mscale=0.707) == pytest.approx(derived)  # mscale alone: ignored
    assert rope.attention_factor("yarn", 40.0, attention_factor=0.5) == 0.5
    assert rope.attention_factor("yarn", 1.0) == 1.0


def test_yarn_without_truncation_moves_the_ramps_ends_off_whole_pairs():
    kept = rope.inv_freq(64, 150000.0, scaling="yarn", factor=32.0, original_max_len=4096)
    exact = rope.inv_freq(64, 150000.0, scaling="yarn", factor=32.0, original_max_len=4096, truncate=False)
    assert not np.allclose(kept, exact) and kept[0] == exact[0] and kept[-1] == pytest.approx(exact[-1])


def test_odd_rotary_width_rotates_as_gpt_neox():
    case = REFERENCES["odd_width"]
    inv = rope.inv_freq(case["head_dim"], rotary_fraction=case["partial_rotary_factor"])
    assert np.allclose(inv, case["inv_freq"], rtol=2e-6)
    assert 2 * len(inv) == case["cos_width"] == rope.rotary_dim(case["head_dim"], case["partial_rotary_factor"]) == 20
    turned = rope.rotate(np.array(case["q"]), case["positions"], inv, "half")
    assert np.allclose(turned, case["rotated_q"], atol=1e-6)


@pytest.mark.parametrize("scaling", list(rope_scalings.SCALINGS))
def test_every_scaling_gives_every_rope_output_in_its_promised_shape(scaling):
    method = registry.get("rope")
    values = {"seq_len": 12, "d_model": 24, "scaling": scaling, "rotary_fraction": 0.5}
    for kind, out in method.outputs.items():
        wanted = {k: v for k, v in values.items() if k in {p.name for p in method.params_for(kind)}}
        array = method.compute(kind, wanted)
        assert array.shape == tuple(out.shape(**method.resolve(kind, wanted))), kind
        assert not np.any(np.isnan(array)), kind


def test_a_scaling_whose_parameter_clashes_with_anothers_is_refused_and_leaves_no_trace():
    from posenc_gui.core.params import Param
    clash = Param("factor", "float", 2.0, "another factor", 1.0, 4.0)
    with pytest.raises(TypeError, match="differs"):
        rope_scalings.register(rope_scalings.Scaling("clash", "clash", "clash = a test", "a test",
                                                     rope_scalings.linear, (clash,)))
    assert "clash" not in rope_scalings.SCALINGS and "clash" not in registry.get("rope").param("scaling").choices
    with pytest.raises(TypeError, match="twice"):
        rope_scalings.register(rope_scalings.SCALINGS["yarn"])
