"""M-RoPE against transformers' Qwen2-VL, Qwen2.5-VL and Qwen3-VL (known answers made by
scripts/make_method_references.py, versions stored with them), and its defining properties."""

import json
from pathlib import Path

import numpy as np
import pytest

from posenc_gui.core import attention, registry
from posenc_gui.core.methods import mrope, rope

REFERENCES = json.loads((Path(__file__).resolve().parents[1] / "data" / "method_references.json").read_text())
LAYOUT_CASES = [c for c in REFERENCES["mrope"] if "cos" not in c]
TABLE_CASES = [c for c in REFERENCES["mrope"] if "cos" in c]
LAYOUT_PARAMS = ("seq_len", "text_before", "grid_h", "grid_w", "frames", "frame_step")


def test_the_references_say_what_made_them():
    assert REFERENCES["versions"]["transformers"] and REFERENCES["versions"]["torch"]
    assert len(LAYOUT_CASES) == 2 and len(TABLE_CASES) == 2


@pytest.mark.parametrize("case", LAYOUT_CASES, ids=lambda c: c["name"])
def test_position_ids_are_those_of_get_rope_index(case):
    ids = mrope.position_ids(**{k: case["app"][k] for k in LAYOUT_PARAMS})
    np.testing.assert_array_equal(ids, case["position_ids"])


@pytest.mark.parametrize("case", TABLE_CASES, ids=lambda c: c["name"])
def test_cos_sin_and_rotated_queries_are_the_models(case):
    """transformers forms the angles in float32: agreement to float32's precision at angles up to 21."""
    table = registry.get("mrope").compute("encoding", case["app"])
    half = table.shape[1] // 2
    cos, sin = table[:, :half], table[:, half:]
    np.testing.assert_allclose(np.concatenate([cos, cos], 1), case["cos"], rtol=0, atol=1e-5)
    np.testing.assert_allclose(np.concatenate([sin, sin], 1), case["sin"], rtol=0, atol=1e-5)
    turn = mrope.rotation(case["app"], np.arange(case["app"]["seq_len"]), 128)
    np.testing.assert_allclose(turn(np.array(case["q"])), case["rotated_q"], rtol=0, atol=1e-4)


def test_text_alone_is_plain_rope_in_the_half_layout():
    values = {"seq_len": 9, "d_model": 16, "base": 10000.0, "text_before": 20}
    angles = registry.get("mrope").compute("angles", values)
    np.testing.assert_allclose(angles, rope.angles(9, d_model=16), rtol=1e-15)


def test_blocks_and_interleaving_give_each_id_its_share_of_pairs():
    assert np.bincount(mrope.axis_of_pair(64, 16, 24)).tolist() == [16, 24, 24]
    interleaved = mrope.axis_of_pair(64, 24, 20, interleaved=True)
    assert np.bincount(interleaved).tolist() == [24, 20, 20] and interleaved[:6].tolist() == [0, 1, 2, 0, 1, 2]
    assert mrope.sections(12, 16, 24) == (12, 0, 0)  # a narrow head: time takes what there is


def test_two_patches_of_one_row_differ_only_in_the_column_pairs():
    angles = mrope.angles(12, 64, 1e4, text_before=2, grid_h=2, grid_w=3, section_t=8, section_h=12)
    moved = np.flatnonzero(angles[3] != angles[2])  # patch (0, 1) against patch (0, 0)
    assert moved.tolist() == list(range(20, 32))


def test_mrope_enters_attention_by_turning_queries_and_keys():
    tokens = "a b c d e f g h".split()
    layout = {"d_model": 16, "text_before": 2, "grid_h": 2, "grid_w": 2, "section_t": 2, "section_h": 3}
    r = attention.attention_for("mrope", layout, tokens, heads=2)
    assert r.how == "rotate"
    # patches (0, 0) and (1, 1) are tokens 2 and 5; text token 6 sits at 2 + 2 = 4 on all three ids
    assert r.position[0, 6, 2] != pytest.approx(r.position[0, 6, 5])
    plain = attention.attention_for("mrope", {"d_model": 16, "text_before": 20}, tokens, heads=2)
    np.testing.assert_allclose(plain.position[0, 1:, 1:], plain.position[0, :-1, :-1])  # text only: the offset
