"""KERPLE's two kernels against hand-computed values and their defining properties."""

import numpy as np
import pytest

from posenc_gui.core import attention, registry
from posenc_gui.core.methods import kerple


def test_log_bias_is_minus_r1_log_of_one_plus_r2_distance():
    r1, r2 = kerple.log_parameters(2, seed=3)
    bias = registry.get("kerple_log").compute("bias", {"heads": 2, "seq_len": 4, "seed": 3})
    assert bias[1, 3, 0] == pytest.approx(-r1[1] * np.log(1 + 3 * r2[1]), rel=1e-15)
    d = np.abs(np.subtract.outer(np.arange(4), np.arange(4)))
    np.testing.assert_allclose(bias, -r1[:, None, None] * np.log(1 + r2[:, None, None] * d), rtol=1e-14)
    assert np.all(np.diagonal(bias, axis1=1, axis2=2) == 0) and np.all(bias <= 0)


def test_power_bias_is_minus_r1_distance_to_the_r2():
    r1, r2 = kerple.power_parameters(3, seed=1)
    bias = registry.get("kerple_power").compute("bias", {"heads": 3, "seq_len": 5, "seed": 1})
    assert bias[2, 4, 1] == pytest.approx(-r1[2] * 3.0 ** r2[2], rel=1e-15)
    assert np.all((0.01 <= r2) & (r2 <= 2)) and np.all(r1 >= 0.01)


def test_causal_distance_is_i_minus_j_below_the_diagonal_and_zero_above():
    bias = kerple.log_bias(4, heads=1, causal=True, seed=0)
    r1, r2 = kerple.log_parameters(1, 0)
    assert bias[0, 2, 0] == pytest.approx(-r1[0] * np.log(1 + 2 * r2[0])) and np.all(np.triu(bias[0]) == 0)


def test_parameters_follow_the_authors_start_and_clamp():
    r1, r2 = kerple.log_parameters(10_000, seed=0)
    assert 0.01 <= r1.min() and 0.01 <= r2.min() and r2.max() < 1 and r1.max() < 2 and abs(r1.mean() - 1) < 0.05


def test_the_log_kernel_grows_slower_than_any_line():
    bias = kerple.log_bias(2000, heads=2, seed=5)[:, 0]
    steps = -np.diff(bias, axis=1)
    assert np.all(steps > 0) and np.all(np.diff(steps, axis=1) < 0)  # decreasing and concave


@pytest.mark.parametrize("name", ["kerple_log", "kerple_power"])
def test_kerple_enters_attention_as_a_bias(name):
    r = attention.attention_for(name, {}, "a b c d".split(), heads=2)
    np.testing.assert_allclose(r.position, registry.get(name).compute("bias", {"heads": 2, "seq_len": 4}))
    np.testing.assert_allclose(r.logits, r.content + r.position)
