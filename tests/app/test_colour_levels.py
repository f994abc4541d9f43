"""Colour levels: a diverging map centred on 0 for data of both signs, a sequential one over the data's own
range when every value has one sign (ALiBi's bias is <= 0: on a symmetric scale half the map went unused and
its gentler heads looked blank)."""

import numpy as np

from posenc_gui.app import colour_levels


def test_both_signs_are_centred_on_zero():
    assert colour_levels.levels_for(np.array([-1.0, 0.25, 3.0])) == (-3.0, 3.0, True)


def test_values_at_most_zero_use_their_own_range():
    assert colour_levels.levels_for(np.array([[0.0, -1.0], [-7.5, -np.inf]])) == (-7.5, 0.0, False)


def test_positive_values_use_their_own_range():
    assert colour_levels.levels_for(np.array([0.5, 2.0])) == (0.5, 2.0, False)


def test_an_outlier_does_not_set_the_range_and_is_named():
    """MiniLM's learned table: row 0 reaches 1.9 where the rest is about 0.09; on the full range the heatmap
    was one grey."""
    rng = np.random.default_rng(0)
    table = rng.normal(0, 0.03, (128, 64))
    table[0, 5] = 1.9
    low, high, signed, outlier = colour_levels.robust_levels(table)
    assert signed and high == -low and high < 0.2 and outlier == (0, 5)


def test_no_outlier_keeps_the_full_range():
    table = np.linspace(-1, 1, 400).reshape(20, 20)
    assert colour_levels.robust_levels(table) == (-1.0, 1.0, True, None)


def test_a_table_without_outliers_is_not_sorted(monkeypatch):
    """The percentile is only needed near an outlier: counting the values past a quarter of the largest settles
    the rest (the partial sort took most of a 4096 x 1024 update)."""
    def refused(*args, **kwargs):
        raise AssertionError("sorted a table without outliers")
    monkeypatch.setattr(np, "percentile", refused)
    monkeypatch.setattr(np, "partition", refused)
    table = np.sin(np.arange(512 * 512, dtype=np.float32).reshape(512, 512))
    assert colour_levels.robust_levels(table) == (*colour_levels.levels_for(table), None)


def test_counting_agrees_with_the_percentile_at_its_edge():
    """Around 0.5 % of the cells far out, the 99.5th percentile moves from the near values to the far ones: the
    levels are those the percentile itself gives, on either side of the edge."""
    answers = set()
    for far in range(45, 56):
        table = np.full((100, 100), 0.1)
        table.flat[:far] = 1.0
        typical = float(np.percentile(table, colour_levels.ROBUST_PERCENTILE))
        expected = (0.1, 1.0, False, None) if 1.0 <= colour_levels.OUTLIER_RATIO * typical else (0.1, typical, False, (0, 0))
        assert colour_levels.robust_levels(table) == expected, far
        answers.add(expected[3])
    assert answers == {None, (0, 0)}
