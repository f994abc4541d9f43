"""Axial 2D RoPE in both published conventions against the authors' code (EVA-02's VisionRotaryEmbeddingFast,
RoPE-ViT's compute_axial_cis and apply_rotary_emb, run by scripts/make_method_references.py), and what makes it
2D: a score depends on the offset (dy, dx) alone."""

import json
from pathlib import Path

import numpy as np
import pytest

from posenc_gui.core import attention, registry
from posenc_gui.core.lessons import patches
from posenc_gui.core.methods import rope2d
from posenc_gui.core.params import InputError

REFERENCES = json.loads((Path(__file__).resolve().parents[1] / "data" / "method_references.json").read_text())


@pytest.mark.parametrize("case", REFERENCES["rope2d"], ids=lambda c: c["app"]["convention"])
def test_rotation_is_that_of_the_authors_code(case):
    """Both compute their angles in float32: agreement to float32's precision."""
    method = registry.get("rope2d")
    values = {**method.defaults(), **case["app"]}
    q = np.array(case["q"])
    turn = method.attention.rotation(values, np.arange(len(q)), q.shape[1])
    np.testing.assert_allclose(turn(q), case["rotated_q"], rtol=0, atol=2e-5)


def test_the_conventions_differ_in_which_half_follows_the_row():
    """A patch in row 1, column 0: EVA-02 turns the first half of the pairs, RoPE-ViT the second."""
    eva = registry.get("rope2d").compute("angles", {"grid_h": 2, "grid_w": 2, "d_model": 8, "pretrain_grid": 2})
    vit = registry.get("rope2d").compute("angles", {"grid_h": 2, "grid_w": 2, "d_model": 8, "convention": "rope-vit"})
    below = 2  # row 1, column 0
    assert np.all(eva[below, :2] > 0) and np.all(eva[below, 2:] == 0)
    assert np.all(vit[below, :2] == 0) and np.all(vit[below, 2:] > 0)
    np.testing.assert_allclose(eva[below, :2], rope2d.axis_frequencies(8))


def test_eva02_stretches_positions_to_its_pretraining_grid():
    angles = registry.get("rope2d").compute("angles", {"grid_h": 4, "grid_w": 8, "d_model": 8, "pretrain_grid": 16})
    last = 4 * 8 - 1  # row 3, column 7
    np.testing.assert_allclose(angles[last, 0], 3 * 16 / 4)   # row 3 of 4 at 16: 12
    np.testing.assert_allclose(angles[last, 2], 7 * 16 / 8)   # column 7 of 8 at 16: 14


@pytest.mark.parametrize("convention", rope2d.CONVENTIONS)
def test_a_score_depends_on_the_offset_alone(convention):
    rng = np.random.default_rng(0)
    q, k = rng.standard_normal((2, 16))
    rows, cols = rope2d.patch_positions(5, 5, convention, 5)
    turned_q = rope2d.rotate2d(np.tile(q, (25, 1)), rows, cols, convention=convention)
    turned_k = rope2d.rotate2d(np.tile(k, (25, 1)), rows, cols, convention=convention)
    scores = (turned_q @ turned_k.T).reshape(5, 5, 5, 5)
    np.testing.assert_allclose(scores[0, 0, 1, 2], scores[3, 2, 4, 4])   # (dy, dx) = (1, 2) twice
    assert not np.isclose(scores[0, 0, 1, 2], scores[0, 0, 2, 1])       # (1, 2) is not (2, 1)


def test_the_images_lesson_turns_patches_as_rope_vit_at_base_10000():
    x = np.random.default_rng(1).standard_normal((12, 8))
    rows, cols = patches.grid_coordinates(3, 4)
    np.testing.assert_allclose(patches.rope2d_rotate(x, rows, cols),
                               rope2d.rotate2d(x, rows, cols, 10000.0, "rope-vit"))


def test_tokens_lie_on_the_grid_in_attention():
    result = attention.attention_for("rope2d", {"grid_h": 2, "grid_w": 3}, "a b c d e f".split(), heads=2)
    assert result.how == "rotate" and result.weights.shape == (2, 6, 6)
    with pytest.raises(InputError, match="multiple of 4"):
        registry.get("rope2d").compute("angles", {"d_model": 6})
