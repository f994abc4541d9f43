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
