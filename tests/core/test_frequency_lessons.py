"""Known answers for the frequency lessons: clock hands and bits, RoPE context-extension variants,
the precision lens and the MiniLM table statistics."""

import math

import numpy as np
import pytest

from posenc_gui.core import rope_scalings
from posenc_gui.core.lessons import clocks, context_extension, learned_table, precision
from posenc_gui.core.methods import rope, sinusoidal
from posenc_gui.core.params import InputError


def test_clock_hands_turn_by_position_times_frequency():
    face = clocks.clock_face(37, d_model=128, base=10000.0, hands=8)
    assert face.pairs.tolist() == [0, 9, 18, 27, 36, 45, 54, 63]
    assert np.allclose(face.frequencies, 10000.0 ** (-2 * face.pairs / 128))
    assert face.angles[0] == 37.0 and face.turns[0] == 5  # 37 rad = 5 turns + 5.58 rad
    assert math.isclose(face.within_turn[0], 37 - 10 * math.pi)
    assert math.isclose(face.sin[0], math.sin(37)) and math.isclose(face.cos[0], math.cos(37))
    assert np.allclose(face.wavelengths[0], 2 * math.pi)


def test_clock_hand_tips_are_the_encoding_values():
    face = clocks.clock_face(300, d_model=64, base=10000.0, hands=5)
    row = sinusoidal.encoding(301, 64)[300]
    assert np.allclose(face.sin, row[2 * face.pairs]) and np.allclose(face.cos, row[2 * face.pairs + 1])


def test_bits_lowest_first_and_flip_periods():
    assert clocks.position_bits(37, 8).tolist() == [1, 0, 1, 0, 0, 1, 0, 0]  # 37 = 0b100101
    assert clocks.position_bits(0, 3).tolist() == [0, 0, 0]
    assert clocks.clock_face(5, hands=4).flip_every.tolist() == [1, 2, 4, 8]


def test_clock_refuses_bad_counts():
    with pytest.raises(InputError):
        clocks.clock_face(3, hands=0)
    with pytest.raises(InputError):
        clocks.position_bits(-1, 4)


def test_overlaid_frequencies_are_the_cores_per_scaling_inv_freq():
    params = {"d_model": 128, "base": 500000.0, "factor": 8.0, "original_max_len": 8192}
    compared = context_extension.compare_scalings(params)
    settings = context_extension.rope_settings(params)
    assert set(compared.frequencies) == set(rope_scalings.SCALINGS) - {"proportional"}
    for scaling in compared.frequencies:
        seq_len = 65536 if scaling in ("dynamic-ntk", "longrope") else settings["seq_len"]
        expected = rope.inv_freq(**{**settings, "scaling": scaling, "seq_len": seq_len})
        assert np.array_equal(compared.frequencies[scaling], expected), scaling
    assert compared.extended_length == compared.dynamic_length == 65536
    assert math.isclose(compared.attention_factors["yarn"], 0.1 * math.log(8) + 1)
    assert compared.attention_factors["llama3"] == 1.0


def test_llama3_keeps_high_frequencies_and_divides_low_ones():
    compared = context_extension.compare_scalings({"d_model": 128, "base": 500000.0})
    wavelength, ratio = compared.wavelengths["none"], compared.ratio["llama3"]
    assert np.all(ratio[wavelength < 8192 / 4] == 1.0)
    assert np.allclose(ratio[wavelength > 8192], 1 / 8)
    between = (wavelength > 8192 / 4) & (wavelength < 8192)
    assert between.any() and np.all((ratio[between] > 1 / 8) & (ratio[between] < 1))
    assert np.allclose(compared.ratio["linear"], 1 / 8)


def test_ntk_stretches_slow_pairs_most_and_leaves_the_fastest():
    compared = context_extension.compare_scalings({"d_model": 64, "base": 10000.0, "factor": 4.0})
    ntk = compared.ratio["ntk"]
    assert ntk[0] == 1.0 and math.isclose(ntk[-1], 1 / 4) and np.all(np.diff(ntk) < 0)


def naive_error_at(curves: precision.PrecisionCurves, dtype: str, position: float) -> float:
    """The naive curve's error at the sampled position nearest to ``position``."""
    return float(curves.naive[dtype][precision.nearest(curves.positions, position)])


def test_float32_angle_error_grows_as_published():
    curves = precision.precision_curves(sinusoidal.frequencies(512))
    for position, published in [(1e3, 2e-5), (1e4, 5e-4), (1e5, 5e-3), (1e6, 5e-2)]:
        assert published / 4 < naive_error_at(curves, "float32", position) < published * 4


def test_reducing_mod_two_pi_first_keeps_float32_near_1e7():
    curves = precision.precision_curves(sinusoidal.frequencies(128))
    assert 1e-8 < curves.worst_reduced["float32"] < 5e-7
    assert curves.worst_reduced["float32"] == np.max(curves.reduced["float32"])
    assert np.max(curves.reduced["bfloat16"]) < 0.02  # bfloat16 resolution near 2 pi, flat in p
    assert naive_error_at(curves, "bfloat16", 1e3) > 0.5  # while the naive angle is noise


def test_float16_cannot_hold_large_positions():
    curves = precision.precision_curves(sinusoidal.frequencies(16))
    naive = curves.naive["float16"]
    assert np.all(np.isnan(naive[curves.positions > 65520])) and np.all(np.isfinite(naive[:10]))


def test_minilm_statistics():
    stats = learned_table.compare_tables().statistics
    assert math.isclose(stats.first_norm, 2.36, abs_tol=0.01)
    assert 0.40 < stats.rest_low < stats.rest_median < stats.rest_high < 0.50
    assert math.isclose(stats.neighbour_cosine, 0.85, abs_tol=0.01)
    assert stats.colour_limit < 0.2 < stats.first_norm


def test_past_the_table_the_core_refuses_and_the_sinusoid_continues():
    compared = learned_table.compare_tables(600)
    assert "512" in str(compared.refusal) and compared.learned.shape == (512, 384)
    assert compared.sinusoid.shape == (600, 384)
    assert compared.sinusoid_similarity.shape == compared.learned_similarity.shape == (512, 512)
    assert learned_table.compare_tables(512).refusal is None


def test_table_statistics_of_a_known_table():
    table = np.array([[3.0, 4.0], [1.0, 0.0], [0.0, 1.0]])
    stats = learned_table.table_statistics(table)
    assert stats.first_norm == 5.0 and stats.neighbour_cosine == pytest.approx((0.6 + 0.0) / 2)


def test_compared_tables_are_cached_and_read_only():
    first = learned_table.compare_tables(520)
    assert learned_table.compare_tables(520) is first and not first.learned.flags.writeable
    assert learned_table.compared_elements(520) == sum(array.size for array in first.panels().values())


def test_the_comparison_made_a_part_a_step_holds_the_numbers_made_in_one_go():
    """For the window's build-ahead, a part a step (the fetch took one slice of 27-45 ms): the same arrays, bit for
    bit, as the computations made one after the other, and then kept as compare_tables keeps them."""
    from posenc_gui.core import registry
    from posenc_gui.core.analysis import similarity

    learned_table._kept.clear()
    steps = learned_table.comparing_tables(530)
    parts = 0
    while True:
        try:
            next(steps)
            parts += 1
        except StopIteration as done:
            compared = done.value
            break
    assert parts == 4 and learned_table.compare_tables(530) is compared
    table = registry.get("learned").compute("encoding", {"seq_len": 512, "table": "minilm"})
    sinusoid = registry.get("sinusoidal").compute("encoding", {"seq_len": 530, "d_model": 384})
    for made, expected in ((compared.learned, table), (compared.sinusoid, sinusoid),
                           (compared.learned_similarity, similarity(table, "cosine")),
                           (compared.sinusoid_similarity, similarity(sinusoid[:512], "cosine"))):
        assert made.tobytes() == expected.tobytes()
    assert compared.statistics.colour_limit == learned_table.table_statistics(table).colour_limit
    assert list(learned_table.comparing_tables(530)) == []  # kept: nothing left to compute


def test_a_head_too_narrow_to_rotate_has_no_precision_error():
    """MLA with a head one channel wide rotates no pair: the lens had raised (max over no pairs) and the soak
    (seed 6) recorded it from the window. Nothing rotates, so nothing is lost."""
    from posenc_gui.core import registry

    frequencies = registry.get("mla").compute("frequencies", {"d_model": 1})
    assert frequencies.shape == (0,)
    curves = precision.precision_curves(frequencies)
    assert curves.pairs == 0
    for errors in (*curves.naive.values(), *curves.reduced.values()):
        assert np.all(errors == 0)
