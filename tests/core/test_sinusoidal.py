"""Known answers for the four sinusoidal layouts (reference/encodings.md, section 1)."""

import math

import numpy as np
import pytest

from posenc_gui.core import InputError, get
from posenc_gui.core.methods.sinusoidal import LAYOUTS, encoding, frequencies

SIN = get("sinusoidal")


def test_interleaved_is_the_paper_formula():
    # PE[p, 2i] = sin(p / 10000^(2i/d)), PE[p, 2i+1] = cos(...): d = 4 gives divisors 1 and 100.
    pe = encoding(3, 4)
    p = 2
    assert pe[p] == pytest.approx([math.sin(2), math.cos(2), math.sin(0.02), math.cos(0.02)], abs=1e-15)
    assert pe[0] == pytest.approx([0, 1, 0, 1])


def test_interleaved_odd_width_ends_with_a_sin_column():
    pe = encoding(4, 5)
    assert pe[3, 4] == pytest.approx(math.sin(3 / 10000 ** (4 / 5)), abs=1e-15)
    assert pe[3, 3] == pytest.approx(math.cos(3 / 10000 ** (2 / 5)), abs=1e-15)


def test_concat_is_sin_block_then_cos_block_with_paper_frequencies():
    pe = encoding(3, 4, layout="concat")
    assert pe[2] == pytest.approx([math.sin(2), math.sin(0.02), math.cos(2), math.cos(0.02)], abs=1e-15)
    odd = encoding(3, 5, layout="concat")
    assert np.all(odd[:, 4] == 0)  # one zero channel
    w1 = 10000 ** (-2 / 5)  # the frequencies follow d = 5
    assert odd[2, :4] == pytest.approx([math.sin(2), math.sin(2 * w1), math.cos(2), math.cos(2 * w1)], abs=1e-15)


def test_tensor2tensor_spacing_reaches_exactly_one_over_max_timescale():
    w = frequencies(512, layout="tensor2tensor")
    assert w[0] == 1.0 and w[-1] == pytest.approx(1e-4, rel=1e-12)
    paper = frequencies(512, layout="concat")
    assert paper[-1] == pytest.approx(1.0366e-4, rel=1e-4)  # 10000^(-510/512)
    # d = 5: n = 2, increment ln(1e4) / 1, frequencies 1 and 1e-4, then one zero channel
    pe = encoding(3, 5, layout="tensor2tensor")
    assert pe[2] == pytest.approx([math.sin(2), math.sin(2e-4), math.cos(2), math.cos(2e-4), 0], abs=1e-15)


def test_tensor2tensor_min_timescale_multiplies_as_its_code_does():
    """get_timing_signal_1d: inv_timescales = min_timescale * exp(k * -ln(max/min) / (n - 1))."""
    m, base, n = 2.0, 1e4, 4
    expected = [m * math.exp(-k * math.log(base / m) / (n - 1)) for k in range(n)]
    w = frequencies(2 * n, base=base, layout="tensor2tensor", min_timescale=m)
    assert w == pytest.approx(expected, rel=1e-14)
    assert w[0] == 2.0 and w[-1] == pytest.approx(m * m / base)
    pe = encoding(3, 2 * n, layout="tensor2tensor", min_timescale=m)
    assert pe[2] == pytest.approx(np.concatenate([np.sin(2 * w), np.cos(2 * w)]), abs=1e-15)


def test_fairseq_positions_start_after_the_padding_index():
    pe = encoding(3, 6, layout="fairseq", padding_idx=1)
    w = frequencies(6, layout="fairseq")
    assert w == pytest.approx([1, 1e-2, 1e-4])
    # token 0 gets table row padding_idx + 1 = 2
    assert pe[0] == pytest.approx(np.concatenate([np.sin(2 * w), np.cos(2 * w)]), abs=1e-15)
    assert encoding(1, 6, layout="fairseq", padding_idx=0)[0, 0] == pytest.approx(math.sin(1))


def test_any_base():
    pe = encoding(2, 4, base=100.0)
    assert pe[1, 2] == pytest.approx(math.sin(1 / 10))


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("d_model", [1, 2, 3, 8, 9, 130])
def test_display_path_is_float32_and_close(layout, d_model):
    values = dict(seq_len=300, d_model=d_model, layout=layout)
    exact = SIN.compute("encoding", values)
    fast = SIN.compute("encoding", values, display=True)
    assert fast.dtype == np.float32 and fast.flags.c_contiguous and fast.shape == exact.shape
    assert np.abs(fast - exact).max() < 1e-5


def test_display_error_bounded_at_the_largest_sizes():
    values = dict(seq_len=8192, d_model=1024)
    err = np.abs(SIN.compute("encoding", values, display=True) - SIN.compute("encoding", values)).max()
    assert err < 1e-5


def test_frequencies_output_and_validation():
    assert SIN.compute("frequencies", dict(d_model=5)).shape == (3,)
    assert SIN.compute("frequencies", dict(d_model=5, layout="fairseq")).shape == (2,)
    with pytest.raises(InputError, match="layout"):
        SIN.compute("encoding", dict(layout="bogus"))
    with pytest.raises(InputError, match="seq_len must be at least 1"):
        SIN.compute("encoding", dict(seq_len=0))
