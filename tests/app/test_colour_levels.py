"""Colour levels: a diverging map centred on 0 for data of both signs, a sequential one over the data's own
range when every value has one sign (ALiBi's bias is <= 0: on a symmetric scale half the map went unused and
its gentler heads looked blank)."""

import numpy as np

from posenc_gui.app import style


def test_both_signs_are_centred_on_zero():
    assert style.levels_for(np.array([-1.0, 0.25, 3.0])) == (-3.0, 3.0, True)


def test_values_at_most_zero_use_their_own_range():
    assert style.levels_for(np.array([[0.0, -1.0], [-7.5, -np.inf]])) == (-7.5, 0.0, False)


def test_positive_values_use_their_own_range():
    assert style.levels_for(np.array([0.5, 2.0])) == (0.5, 2.0, False)


def test_an_outlier_does_not_set_the_range_and_is_named():
    """MiniLM's learned table: row 0 reaches 1.9 where the rest is about 0.09; on the full range the heatmap
    was one grey."""
    rng = np.random.default_rng(0)
    table = rng.normal(0, 0.03, (128, 64))
    table[0, 5] = 1.9
    low, high, signed, outlier = style.robust_levels(table)
    assert signed and high == -low and high < 0.2 and outlier == (0, 5)


def test_no_outlier_keeps_the_full_range():
    table = np.linspace(-1, 1, 400).reshape(20, 20)
    assert style.robust_levels(table) == (-1.0, 1.0, True, None)
