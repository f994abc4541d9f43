"""Known answers for RoPE, its context-extension scalings and xPos (reference sections 6, 7, 10)."""

import math

import numpy as np
import pytest

from posenc_gui.core import registry
from posenc_gui.core.methods import rope, xpos
from posenc_gui.core.params import InputError


def test_inv_freq_is_base_to_minus_2i_over_d():
    assert np.allclose(rope.inv_freq(8), [1, 0.1, 0.01, 0.001])
    assert np.allclose(rope.inv_freq(64, base=500000.0), 500000.0 ** (-np.arange(0, 64, 2) / 64))


def test_interleaved_layout_rotates_neighbouring_pairs():
    x = np.array([[1.0, 0.0, 1.0, 0.0]])
    freq = np.array([1.0, 0.5])
    out = rope.rotate(x, [2], freq, "interleaved")
    assert np.allclose(out, [[math.cos(2), math.sin(2), math.cos(1), math.sin(1)]])


def test_half_layout_rotates_x_i_with_x_i_plus_half():
    x = np.array([[1.0, 1.0, 0.0, 0.0]])
    freq = np.array([1.0, 0.5])
    out = rope.rotate(x, [2], freq, "half")   # HF: x*cos + rotate_half(x)*sin, emb = cat(freqs, freqs)
    assert np.allclose(out, [[math.cos(2), math.cos(1), math.sin(2), math.sin(1)]])


def test_layouts_differ_for_the_same_weights():
    x = np.random.default_rng(0).standard_normal((3, 8))
    freq = rope.inv_freq(8)
    assert not np.allclose(rope.rotate(x, [0, 1, 2], freq, "interleaved"), rope.rotate(x, [0, 1, 2], freq, "half"))


@pytest.mark.parametrize("layout", rope.LAYOUTS)
def test_rotated_score_depends_only_on_the_offset(layout):
    rng = np.random.default_rng(1)
    q, k = rng.standard_normal((2, 1, 16))
    freq = rope.inv_freq(16)
    def score(m, n):
        return (rope.rotate(q, [m], freq, layout) @ rope.rotate(k, [n], freq, layout).T).item()
    assert score(7, 3) == pytest.approx(score(104, 100)) == pytest.approx(score(4, 0))


def test_partial_rotary_leaves_the_tail_unchanged():
    x = np.random.default_rng(2).standard_normal((4, 16))
    freq = rope.inv_freq(16, rotary_fraction=0.25)
    assert freq.shape == (2,) and np.allclose(freq, [1, 0.01])   # theta uses the rotary dim 4
    out = rope.rotate(x, np.arange(4), freq)
    assert np.allclose(out[:, 4:], x[:, 4:]) and not np.allclose(out[:, :4], x[:, :4])


def test_linear_and_ntk_scaling():
    d, s = 64, 4.0
    plain = rope.inv_freq(d)
    assert np.allclose(rope.inv_freq(d, scaling="linear", factor=s), plain / s)
    ntk_base = 10000.0 * s ** (d / (d - 2))
    assert np.allclose(rope.inv_freq(d, scaling="ntk", factor=s), 1 / ntk_base ** (np.arange(0, d, 2) / d))


def test_dynamic_ntk_waits_for_the_original_length():
    d, s, l0 = 64, 4.0, 2048
    assert np.allclose(rope.inv_freq(d, scaling="dynamic-ntk", factor=s, original_max_len=l0, seq_len=1000),
                       rope.inv_freq(d))
    base = 10000.0 * ((s * 4096 / l0) - (s - 1)) ** (d / (d - 2))
    assert np.allclose(rope.inv_freq(d, scaling="dynamic-ntk", factor=s, original_max_len=l0, seq_len=4096),
                       1 / base ** (np.arange(0, d, 2) / d))


def _yarn_by_hand(d, base, s, l0, beta_fast, beta_slow):
    """Hugging Face _compute_yarn_parameters, written out per element."""
    def corr(rot):
        return d * math.log(l0 / (rot * 2 * math.pi)) / (2 * math.log(base))
    low, high = max(math.floor(corr(beta_fast)), 0), min(math.ceil(corr(beta_slow)), d - 1)
    out = []
    for i in range(d // 2):
        theta = base ** (-2 * i / d)
        ramp = min(max((i - low) / (high - low), 0), 1)
        extrapolation = 1 - ramp
        out.append(theta / s * (1 - extrapolation) + theta * extrapolation)
    return np.array(out)


def test_yarn_blends_per_band_and_scales_attention():
    got = rope.inv_freq(128, scaling="yarn", factor=16, original_max_len=4096)
    assert np.allclose(got, _yarn_by_hand(128, 10000.0, 16, 4096, 32, 1))
    plain = rope.inv_freq(128)
    assert got[0] == plain[0] and got[-1] == pytest.approx(plain[-1] / 16)
    assert rope.attention_factor("yarn", 16) == pytest.approx(0.1 * math.log(16) + 1)
    assert rope.attention_factor("linear", 16) == 1.0


def test_llama3_keeps_short_waves_and_interpolates_long_ones():
    d, base, s, l0, lo, hi = 128, 500000.0, 8.0, 8192, 1.0, 4.0
    got = rope.inv_freq(d, base, scaling="llama3", factor=s, original_max_len=l0, low_freq_factor=lo,
                        high_freq_factor=hi)
    for i, value in enumerate(got):                      # Meta's apply_scaling, per element
        theta = base ** (-2 * i / d)
        wavelen = 2 * math.pi / theta
        if wavelen < l0 / hi:
            expected = theta
        elif wavelen > l0 / lo:
            expected = theta / s
        else:
            smooth = (l0 / wavelen - lo) / (hi - lo)
            expected = (1 - smooth) * theta / s + smooth * theta
        assert value == pytest.approx(expected, rel=1e-12)
    assert got[0] == rope.inv_freq(d, base)[0] and got[-1] == pytest.approx(rope.inv_freq(d, base)[-1] / s)


def test_rope_refuses_odd_width_and_bad_yarn_betas():
    method = registry.get("rope")
    with pytest.raises(InputError, match="even"):
        method.compute("frequencies", {"d_model": 7})
    with pytest.raises(InputError, match="beta_fast"):
        method.compute("frequencies", {"scaling": "yarn", "beta_fast": 1, "beta_slow": 2})


def test_decay_starts_at_one_and_falls_on_average():
    curve = rope.decay(2000, d_model=128)
    assert curve[0] == pytest.approx(1.0)
    assert np.abs(curve[1000:]).mean() < np.abs(curve[:20]).mean()


def test_xpos_scales_and_centres_as_torchscale():
    assert xpos.centred_positions(5).tolist() == [-3, -2, -1, 0, 1]
    assert xpos.centred_positions(4).tolist() == [-2, -1, 0, 1]
    z = xpos.zeta(10)
    assert z[0] == pytest.approx(0.4 / 1.4) and np.allclose(z, (np.arange(0, 10, 2) + 4) / 14)
    sc = xpos.scale(4, 10, scale_base=2.0)
    assert np.allclose(sc[0], z ** (-2 / 2.0)) and np.allclose(sc[2], 1.0)


def test_xpos_decays_faster_than_rope():
    assert xpos.decay(3000, 64)[0] == pytest.approx(1.0)
    assert np.abs(xpos.decay(3000, 64)[1500:]).mean() < np.abs(rope.decay(3000, d_model=64)[1500:]).mean()
