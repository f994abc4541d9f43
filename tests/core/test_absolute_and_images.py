"""Known answers for learned, binary, NoPE and the image / video encodings (reference sections 2, 9)."""

import json
from pathlib import Path

import numpy as np
import pytest

from posenc_gui.core import registry
from posenc_gui.core.methods import images, learned
from posenc_gui.core.methods.binary import bits
from posenc_gui.core.params import InputError


def test_minilm_table_is_the_trained_one():
    table = learned.minilm_table()
    assert table.shape == (512, 384)
    norms = np.linalg.norm(table, axis=1)
    assert norms[0] == pytest.approx(2.36, abs=0.01)          # row 0 is the outlier
    assert np.median(norms[1:]) == pytest.approx(0.46, abs=0.04)
    a, b = table[1:-1], table[2:]
    cosine = (a * b).sum(1) / np.linalg.norm(a, axis=1) / np.linalg.norm(b, axis=1)
    assert cosine.mean() == pytest.approx(0.85, abs=0.01)


def test_minilm_licence_ships_beside_the_table():
    from posenc_gui.paths import resource
    assert "Apache License" in resource("embeddings", "LICENSE-Apache-2.0.txt").read_text()
    assert "all-MiniLM-L6-v2" in resource("embeddings", "README.md").read_text()


def test_learned_refuses_positions_past_the_table():
    method = registry.get("learned")
    assert method.compute("encoding", {"seq_len": 512}).shape == (512, 384)
    with pytest.raises(InputError, match="no embedding past its last position"):
        method.compute("encoding", {"seq_len": 513})
    with pytest.raises(InputError, match="100 rows"):
        method.compute("encoding", {"table": "random", "max_len": 100, "seq_len": 101})


def test_random_table_is_seeded_bert_init():
    t = learned.random_table(512, 256, std=0.02, seed=3)
    assert np.array_equal(t, learned.random_table(512, 256, std=0.02, seed=3))
    assert t.std() == pytest.approx(0.02, rel=0.02) and abs(t.mean()) < 1e-3


def test_binary_low_bit_flips_fastest():
    b = bits(8, 3)
    assert b[:, 0].tolist() == [0, 1, 0, 1, 0, 1, 0, 1]
    assert b[:, 2].tolist() == [0, 0, 0, 0, 1, 1, 1, 1]
    assert b[6].tolist() == [0, 1, 1]


def test_nope_adds_nothing():
    assert not registry.get("nope").compute("encoding", {"seq_len": 4, "d_model": 3}).any()


def test_mae_2d_first_half_is_the_column_last_half_the_row():
    d, h, w = 8, 2, 3
    table = images.sincos_2d(h, w, d)
    omega = 1 / 10000 ** (np.arange(2) / 2)                  # MAE: arange(D/4) / (D/4)
    def half(c):
        return np.concatenate([np.sin(c * omega), np.cos(c * omega)])
    for row in range(h):
        for col in range(w):
            assert np.allclose(table[row * w + col], np.concatenate([half(col), half(row)]))


def test_video_3d_gives_time_row_column_thirds():
    table = images.sincos_3d(2, 2, 3, 12)
    assert table.shape == (12, 12)
    index = 1 * 6 + 1 * 3 + 2                                # frame 1, row 1, column 2
    assert np.allclose(table[index], np.concatenate([images.sincos_1d([c], 4)[0] for c in (1, 1, 2)]))


def test_image_widths_must_divide():
    with pytest.raises(InputError, match="multiple of 4"):
        registry.get("image2d").compute("encoding", {"d_model": 10})


def test_bicubic_resize_matches_torch_interpolate():
    # torch.nn.functional.interpolate(grid[None, None], size=(5, 2), mode="bicubic", align_corners=False),
    # computed with torch 2.13.0 on this grid (not a dependency of the tests).
    grid = np.arange(12, dtype=np.float64).reshape(3, 4) ** 1.5
    expected = np.array([[-0.5288778145, 2.9592656055], [2.7055355847, 7.8690290003],
                         [9.2604888279, 16.9382799329], [19.1569245378, 28.5959425143],
                         [25.8318272916, 36.1708112362]])
    got = images.resize_grid(grid.reshape(12, 1), (3, 4), (5, 2)).reshape(5, 2)
    assert np.allclose(got, expected, atol=1e-9)


def test_resize_to_the_same_grid_is_the_identity():
    table = np.random.default_rng(0).standard_normal((12, 5))
    assert np.allclose(images.resize_grid(table, (3, 4), (3, 4)), table)
    with pytest.raises(InputError, match="rows"):
        images.resize_grid(table, (3, 3), (4, 4))


def test_shrinking_a_learned_grid_follows_maes_interpolate_pos_embed_not_timms_antialiased_default():
    """torch's bicubic interpolate without antialias (MAE) against with it (timm's default), stored by
    scripts/make_rope_references.py; the citation names the one the app follows."""
    case = json.loads((Path(__file__).resolve().parents[1] / "data" / "rope_references.json").read_text())[
        "bicubic_resize"]
    grid = np.array(case["grid"])
    got = images.resize_grid(grid.reshape(-1, 1), grid.shape, tuple(case["size"])).reshape(case["size"])
    assert np.allclose(got, case["antialias_false"], atol=1e-9)
    assert not np.allclose(got, case["antialias_true"], atol=1e-3)
    citation = registry.get("learned_grid").citation
    assert "interpolate_pos_embed" in citation and "antialias" in citation


def test_the_video_table_cites_the_thirds_split_it_follows():
    """Cosmos's SinCosPosEmbAxis: time, row and column a third of the channels each, MAE's 1D table each."""
    citation = registry.get("video3d").citation
    assert "Cosmos" in citation and "learns separable" in citation
    table = images.sincos_3d(2, 3, 4, 12)
    t, h, w = 1, 2, 3
    assert np.allclose(table[(t * 3 + h) * 4 + w], np.concatenate([images.sincos_1d([c], 4)[0] for c in (t, h, w)]))
