"""Known answers behind the guided views for images, layer types and the reference pages: patch
similarities (2D sin-cos, resized learned grid, axial 2D RoPE, 3D video), layer costs and crossovers,
and the reference data's coverage of the registry."""

import numpy as np
import pytest

from posenc_gui.core import models, published_models, registry
from posenc_gui.core.lessons import layers, patches
from posenc_gui.core.methods import images
from posenc_gui.core.params import InputError


def test_cosine_to_matches_the_definition_and_handles_zero_rows():
    enc = np.array([[1.0, 0.0], [1.0, 1.0], [0.0, 0.0], [-2.0, 0.0]])
    assert np.allclose(patches.cosine_to(enc, 0), [1.0, 1 / np.sqrt(2), 0.0, -1.0])
    assert np.allclose(patches.cosine_to(enc, 2), 0.0)
    with pytest.raises(InputError, match="outside"):
        patches.cosine_to(enc, 4)


def test_sincos_similarity_is_symmetric_and_maximal_at_the_chosen_patch():
    grid = 6
    maps = {(r, c): patches.image_similarities(grid, r, c, d_model=64)["sincos"]
            for r in range(grid) for c in range(grid)}
    for (r, c), sim in maps.items():
        assert sim[r, c] == pytest.approx(1.0)
        assert np.unravel_index(np.argmax(sim), sim.shape) == (r, c)
        assert np.all(np.delete(sim.ravel(), r * grid + c) < 1 - 1e-6)
    for (r, c), sim in maps.items():
        for (r2, c2), other in maps.items():
            assert sim[r2, c2] == pytest.approx(other[r, c])


def test_sincos_similarity_is_the_mae_half_layout_column_first():
    # with d = 8 each half has two frequencies (1 and 0.01): cosine = mean of cos(offset * w) over halves
    sim = patches.image_similarities(4, 0, 0, d_model=8)["sincos"]
    w = np.array([1.0, 0.01])
    def half(offset):
        return np.cos(offset * w).sum()
    for row in range(4):
        for col in range(4):
            assert sim[row, col] == pytest.approx((half(col) + half(row)) / 4)
    table = images.sincos_2d(2, 3, 8)
    assert np.allclose(table[patches.patch_index(3, 1, 2), :4], images.sincos_1d([2], 4)[0])  # column 2
    assert np.allclose(table[patches.patch_index(3, 1, 2), 4:], images.sincos_1d([1], 4)[0])  # row 1


def test_learned_grid_similarity_comes_from_the_resized_seeded_table():
    sim = patches.image_similarities(10, 2, 7, d_model=32, train_grid=5, seed=4)["learned"]
    table = images.learned_grid(10, 10, 32, 5, 5, seed=4)
    a = table[2 * 10 + 7]
    expected = table @ a / np.linalg.norm(table, axis=1) / np.linalg.norm(a)
    assert np.allclose(sim.ravel(), expected)
    same_size = patches.image_similarities(5, 2, 2, d_model=32, train_grid=5, seed=4)["learned"]
    noise_free = patches.image_similarities(5, 2, 2, d_model=32)["sincos"]
    assert not np.allclose(same_size, noise_free)  # the stand-in is the sin-cos table plus noise
    assert np.allclose(same_size, noise_free, atol=0.1)


def test_rope2d_rotates_the_first_half_by_column_and_the_second_by_row():
    x = np.ones((1, 8))
    out = patches.rope2d_rotate(x, np.array([3]), np.array([1]))
    theta = np.array([1.0, 0.01])
    by_col = np.ravel(np.column_stack([np.cos(theta) - np.sin(theta), np.sin(theta) + np.cos(theta)]))
    by_row = np.ravel(np.column_stack([np.cos(3 * theta) - np.sin(3 * theta), np.sin(3 * theta) + np.cos(3 * theta)]))
    assert np.allclose(out[0], np.concatenate([by_col, by_row]))
    with pytest.raises(InputError, match="multiple of 4"):
        patches.rope2d_rotate(np.ones((1, 6)), np.array([0]), np.array([0]))


def test_rope2d_score_depends_only_on_the_offset():
    rng = np.random.default_rng(7)
    grid_h, grid_w, d = 5, 6, 16
    q, k = rng.normal(size=d), rng.normal(size=d)
    rows, cols = patches.grid_coordinates(grid_h, grid_w)  # q and k rotated to every patch, scored pairwise
    scores = (patches.rope2d_rotate(np.tile(q, (grid_h * grid_w, 1)), rows, cols)
              @ patches.rope2d_rotate(np.tile(k, (grid_h * grid_w, 1)), rows, cols).T)

    def score(a, b):
        return scores[patches.patch_index(grid_w, *a), patches.patch_index(grid_w, *b)]

    for a, b in [((0, 0), (2, 1)), ((4, 5), (1, 0)), ((2, 2), (2, 2))]:
        dy, dx = b[0] - a[0], b[1] - a[1]
        for start in [(r, c) for r in range(grid_h) for c in range(grid_w)]:
            end = (start[0] + dy, start[1] + dx)
            if 0 <= end[0] < grid_h and 0 <= end[1] < grid_w:
                assert score(start, end) == pytest.approx(score(a, b))
    # and the offset does matter: (dy, dx) and (dx, dy) or (dy, -dx) give other scores
    assert not np.isclose(score((0, 0), (1, 2)), score((0, 0), (2, 1)))
    assert not np.isclose(score((0, 2), (1, 4)), score((0, 2), (1, 0)))
    # the score is q^T R(b - a) k, nothing else
    assert score((0, 0), (0, 0)) == pytest.approx(q @ k)


def test_rope2d_similarity_is_one_at_the_patch_and_shifts_with_it():
    sim = patches.rope2d_similarity(8, 8, 64, 2, 3)
    assert sim[2, 3] == pytest.approx(1.0) and sim.max() == pytest.approx(1.0)
    moved = patches.rope2d_similarity(8, 8, 64, 4, 6)
    assert np.allclose(moved[2:, 3:], sim[:6, :5])  # same (dy, dx), same value


def test_rope2d_score_is_a_row_part_that_depends_on_dy_plus_a_column_part_that_depends_on_dx():
    row_part, col_part = patches.rope2d_offset_parts(8, 64, 2, 3)
    np.testing.assert_allclose(row_part + col_part, patches.rope2d_similarity(8, 8, 64, 2, 3), atol=1e-12)
    assert np.all(row_part == row_part[:, :1]) and np.all(col_part == col_part[:1, :])  # bands along rows, columns
    frequencies = 10000.0 ** (-4 * np.arange(16) / 64)  # each axis: 1D RoPE of a head half as wide
    assert row_part[6, 0] == pytest.approx(np.cos(4 * frequencies).sum() / 32)  # dy = 4
    assert col_part[0, 0] == pytest.approx(np.cos(-3 * frequencies).sum() / 32)  # dx = -3
    moved_rows, moved_cols = patches.rope2d_offset_parts(8, 64, 4, 6)
    assert np.allclose(moved_rows[2:, 3:], row_part[:6, :5]) and np.allclose(moved_cols[2:, 3:], col_part[:6, :5])
    with pytest.raises(InputError, match="outside"):
        patches.rope2d_offset_parts(8, 64, 8, 0)
    with pytest.raises(InputError, match="multiple of 4"):
        patches.rope2d_offset_parts(8, 6, 0, 0)


def test_the_lessons_maps_come_from_the_core_read_only_with_their_lowest_value():
    """The images lesson's view only draws: its maps, per step, and where their shared colour scale starts."""
    first = patches.similarity_maps(0, 6, 3, 2, 1, 2, 0)
    assert list(first.maps) == ["sincos", "learned", "rope"]
    assert first.low == min(float(m.min()) for m in first.maps.values())
    video = patches.similarity_maps(1, 6, 3, 2, 1, 2, 1)
    assert list(video.maps) == ["frame 0", "frame 1"] and video.maps["frame 1"][1, 2] == pytest.approx(1.0)
    parts = patches.similarity_maps(2, 6, 3, 2, 1, 2, 0)
    assert list(parts.maps) == ["rope", "rope rows", "rope columns"]
    np.testing.assert_allclose(parts.maps["rope"], first.maps["rope"], atol=1e-12)
    assert all(not m.flags.writeable for result in (first, video, parts) for m in result.maps.values())
    assert patches.similarity_maps(2, 6, 3, 2, 1, 2, 0) is parts  # kept: a click elsewhere redraws with these


def test_image_similarities_refuse_patches_outside_the_grid():
    with pytest.raises(InputError, match="outside"):
        patches.image_similarities(4, 4, 0)


def test_video_similarity_shape_layout_and_peak():
    frames, grid, d = 3, 4, 12
    sim = patches.video_similarity(frames, grid, 1, 2, 3, d_model=d)
    assert sim.shape == (frames, grid, grid)
    assert sim[1, 2, 3] == pytest.approx(1.0)
    assert np.unravel_index(np.argmax(sim), sim.shape) == (1, 2, 3)
    table = images.sincos_3d(frames, grid, grid, d)
    chosen = table[(1 * grid + 2) * grid + 3]
    other = table[(2 * grid + 0) * grid + 1]                # frame 2, row 0, column 1: time-major, row-major
    assert sim[2, 0, 1] == pytest.approx(chosen @ other / np.linalg.norm(chosen) / np.linalg.norm(other))
    # a third of the channels each for time, row, column: cosine = mean of the three 1D parts
    w = np.array([1.0, 0.01])
    def part(offset):
        return np.cos(offset * w).sum()
    assert sim[2, 0, 1] == pytest.approx((part(1) + part(2) + part(2)) / 6)
    with pytest.raises(InputError, match="outside"):
        patches.video_similarity(frames, grid, 3, 0, 0)


def test_layer_costs_follow_the_table():
    n = np.array([10.0, 1000.0])
    cost = layers.costs(n, d=64, k=3)
    assert np.allclose(cost["cnn"], 3 * n * 64 ** 2)
    assert np.allclose(cost["rnn"], n * 64 ** 2)
    assert np.allclose(cost["self-attention"], n ** 2 * 64)
    paths = layers.path_lengths(np.array([1.0, 9.0, 10.0]), k=3)
    assert paths["cnn"].tolist() == [1, 3, 4] and paths["rnn"].tolist() == [1, 9, 10]
    assert paths["self-attention"].tolist() == [1, 1, 1]
    assert set(layers.TABLE) == {"cnn", "rnn", "self-attention"}


@pytest.mark.parametrize("d, k", [(64, 3), (512, 5), (100, 1)])
def test_crossovers_are_where_self_attention_overtakes(d, k):
    cross = layers.crossovers(d, k)
    assert cross == {"rnn": d, "cnn": k * d}
    at = layers.costs(np.array([cross["rnn"], cross["cnn"]]), d, k)
    assert at["self-attention"][0] == pytest.approx(at["rnn"][0])        # n = d
    assert at["self-attention"][1] == pytest.approx(at["cnn"][1])        # n = k d
    above = layers.costs(np.array([cross["rnn"] + 1, cross["cnn"] + 1]), d, k)
    assert above["self-attention"][0] > above["rnn"][0] and above["self-attention"][1] > above["cnn"][1]
    below = layers.costs(np.array([cross["rnn"] - 1]), d, k)
    assert below["self-attention"][0] < below["rnn"][0]


def test_reference_data_covers_every_registry_method_and_family():
    covered = [m for entry in models.ENCODINGS for m in entry.methods]
    assert sorted(covered) == sorted(m.name for m in registry.all_methods())      # each exactly once
    assert {entry.family for entry in models.ENCODINGS} == set(registry.FAMILIES)
    for entry in models.ENCODINGS:
        assert entry.family == registry.get(entry.methods[0]).family or entry.key == "images"
        assert entry.pros and entry.cons and entry.how


def test_reference_data_is_consistent():
    keys = {entry.key for entry in models.ENCODINGS}
    assert len(keys) == len(models.ENCODINGS)
    assert all(model.encoding in keys for model in published_models.MODELS)
    assert all(step.encoding in keys for step in published_models.TIMELINE)
    assert all(set(choice.encodings) <= keys for choice in models.CHOICES)
    years = [step.year for step in published_models.TIMELINE]
    assert years == sorted(years) and years[0] == 2017
    uses = {model.name: model.encoding for model in published_models.MODELS}
    assert uses["Transformer"] == "sinusoidal" and uses["BERT"] == "learned" and uses["T5"] == "t5"
    assert uses["BLOOM"] == "alibi" and uses["GPT-NeoX-20B"] == "rope" and uses["Falcon"] == "rope"
    assert models.encoding_named("alibi").methods == ("alibi",)
    with pytest.raises(KeyError):
        models.encoding_named("absolute")
