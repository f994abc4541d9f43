"""The positions output kind: the ids a scheme gives its tokens, from the reference implementations where they
have them (transformers' get_rope_index for M-RoPE, the authors' eviction loop for StreamingLLM, run by
scripts/make_method_references.py), and through ``posenc-gui export positions``."""

import json
from pathlib import Path

import numpy as np
import pytest

from posenc_gui import cli
from posenc_gui.core import registry
from posenc_gui.core.methods import cope

REFERENCES = json.loads((Path(__file__).resolve().parents[1] / "data" / "method_references.json").read_text())


@pytest.mark.parametrize("case", [c for c in REFERENCES["mrope"] if "cos" not in c], ids=lambda c: c["name"])
def test_mrope_positions_are_get_rope_index(case):
    np.testing.assert_array_equal(registry.get("mrope").compute("positions", case["app"]), case["position_ids"])


@pytest.mark.parametrize("case", REFERENCES["streaming"], ids=lambda c: str(c["app"]))
def test_streaming_slots_are_those_of_the_authors_cache(case):
    """The keys the last step sees, in the order the cache holds them, take slots 0, 1, 2 ..."""
    last = case["logits"][-1]
    kept = [j for j, value in enumerate(last) if value is not None]
    expected = np.full(len(last), -1)
    expected[kept] = np.arange(len(kept))
    app = {"sinks": case["app"]["sinks"], "window": case["app"]["window"], "seq_len": len(last)}
    positions = registry.get("streaming").compute("positions", app)
    np.testing.assert_array_equal(positions, [np.arange(len(last)), expected])


def test_cope_positions_are_the_last_row_of_the_counts():
    q, k = cope.seeded_queries_and_keys(9, 3, 16, 0)
    every_query = cope.positions(cope.gate_logits(q, k, 1 / 4), 64)
    positions = registry.get("cope").compute("positions", {"seq_len": 9, "heads": 3})
    np.testing.assert_allclose(positions, every_query[:, -1])
    assert np.all(np.diff(positions, axis=1) < 0)  # counted from each key up to the query: nearer keys count less


def test_rope2d_positions_follow_the_convention():
    eva = registry.get("rope2d").compute("positions", {"grid_h": 2, "grid_w": 4, "pretrain_grid": 8})
    vit = registry.get("rope2d").compute("positions", {"grid_h": 2, "grid_w": 4, "convention": "rope-vit"})
    np.testing.assert_array_equal(vit, [[0, 0, 0, 0, 1, 1, 1, 1], [0, 1, 2, 3, 0, 1, 2, 3]])
    np.testing.assert_array_equal(eva, vit * [[4], [2]])


def test_export_positions(tmp_path):
    out = tmp_path / "ids.npy"
    assert cli.export_main(["positions", "--method", "streaming", "--seq-len", "10", "--sinks", "1", "--window", "3",
                            "--out", str(out)]) == 0
    np.testing.assert_array_equal(np.load(out)[1], [0, -1, -1, -1, -1, -1, -1, 1, 2, 3])
