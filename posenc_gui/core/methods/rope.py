"""RoPE (Su et al., RoFormer): rotate each pair of query/key channels by position x frequency, so that
q.k depends only on the offset. Two channel layouts, partial rotation, and the published ways to
stretch it to longer contexts (Hugging Face ``modeling_rope_utils`` conventions)."""

from __future__ import annotations

import math

import numpy as np

from ..params import BASE, EVEN_D_MODEL, InputError, Param
from ..registry import CHUNK_BYTES, Attention, Entry, Method, Output, register

SCALINGS = ("none", "linear", "ntk", "dynamic-ntk", "yarn", "llama3")
LAYOUTS = ("interleaved", "half")

SEQ_LEN = Param("seq_len", "int", 128, "Number of positions; dynamic NTK stretches once it passes the "
                "original length", 1, 1_048_576, label="Sequence length")
LAYOUT = Param("layout", "choice", "interleaved",
               "Which channels pair up: interleaved = (x0, x1), (x2, x3)... as GPT-J and Meta's llama; "
               "half = (x_i, x_i+d/2) as GPT-NeoX and Hugging Face rotate_half", choices=LAYOUTS, label="Layout")
ROTARY_FRACTION = Param("rotary_fraction", "float", 1.0,
                        "Share of the channels that rotate (GPT-NeoX 20B: 0.25); the rest pass unchanged",
                        0.0, 1.0, label="Rotary fraction")
SCALING = Param("scaling", "choice", "none",
                "Context extension: linear = position interpolation; ntk = larger base; dynamic-ntk = base grows "
                "with the length; yarn = per-band blend plus attention factor; llama3 = per-wavelength blend",
                choices=SCALINGS, label="Scaling")
FACTOR = Param("factor", "float", 8.0, "Context extension factor s (new length / original length)",
               1.0, 1024.0, label="Factor")
ORIGINAL_MAX_LEN = Param("original_max_len", "int", 8192, "Context length the model was trained on (L0)",
                         16, 1_048_576, label="Original length")
BETA_FAST = Param("beta_fast", "float", 32.0, "YaRN: pairs turning more than this many times in L0 keep "
                  "their frequency", 0.01, 1e4, label="Beta fast")
BETA_SLOW = Param("beta_slow", "float", 1.0, "YaRN: pairs turning fewer times than this in L0 are "
                  "interpolated fully", 0.01, 1e4, label="Beta slow")
LOW_FREQ_FACTOR = Param("low_freq_factor", "float", 1.0, "Llama 3: wavelengths over L0/this are interpolated",
                        0.01, 1e4, label="Low freq factor")
HIGH_FREQ_FACTOR = Param("high_freq_factor", "float", 4.0, "Llama 3: wavelengths under L0/this are kept",
                         0.01, 1e4, label="High freq factor")

FREQUENCY_PARAMS = ("d_model", "base", "rotary_fraction", "scaling", "factor", "original_max_len", "seq_len",
                    "beta_fast", "beta_slow", "low_freq_factor", "high_freq_factor")


def rotary_dim(d_model: int, rotary_fraction: float = 1.0) -> int:
    """Channels that rotate: the even number at or below rotary_fraction * d_model."""
    return 2 * (int(d_model * rotary_fraction) // 2)


def inv_freq(d_model: int, base: float = 10000.0, rotary_fraction: float = 1.0, scaling: str = "none",
             factor: float = 8.0, original_max_len: int = 8192, seq_len: int = 128, beta_fast: float = 32.0,
             beta_slow: float = 1.0, low_freq_factor: float = 1.0, high_freq_factor: float = 4.0) -> np.ndarray:
    """(rotary_dim/2,) angular frequency of each rotated pair, theta_i = base^(-2i/d), after scaling."""
    d = rotary_dim(d_model, rotary_fraction)
    exponents = np.arange(0, d, 2) / d
    if scaling == "ntk":
        base = base * factor ** (d / (d - 2)) if d > 2 else base * factor
    elif scaling == "dynamic-ntk":
        length = max(seq_len, original_max_len)
        grow = factor * length / original_max_len - (factor - 1)
        base = base * grow ** (d / (d - 2)) if d > 2 else base * grow
    theta = 1.0 / base ** exponents
    if scaling == "linear":
        return theta / factor
    if scaling == "yarn":
        def correction(rotations):
            return d * math.log(original_max_len / (rotations * 2 * math.pi)) / (2 * math.log(base))
        low = max(math.floor(correction(beta_fast)), 0)
        high = min(math.ceil(correction(beta_slow)), d - 1)
        if high == low:
            high += 0.001
        ramp = np.clip((np.arange(d // 2) - low) / (high - low), 0.0, 1.0)
        return theta / factor * ramp + theta * (1 - ramp)
    if scaling == "llama3":
        wavelength = 2 * math.pi / theta
        smooth = (original_max_len / wavelength - low_freq_factor) / (high_freq_factor - low_freq_factor)
        blended = (1 - smooth) * theta / factor + smooth * theta
        out = np.where(wavelength > original_max_len / low_freq_factor, theta / factor, theta)
        medium = (wavelength >= original_max_len / high_freq_factor) & (wavelength <= original_max_len / low_freq_factor)
        return np.where(medium, blended, out)
    return theta


def attention_factor(scaling: str = "none", factor: float = 8.0) -> float:
    """YaRN multiplies cos and sin by 0.1 ln(s) + 1 (for s > 1); every other scaling by 1."""
    return 0.1 * math.log(factor) + 1.0 if scaling == "yarn" and factor > 1 else 1.0


def pair_index(d: int, layout: str) -> tuple[slice, slice]:
    """Channels of the first and second member of each rotated pair, as slices (views, no copies)."""
    if layout == "interleaved":
        return slice(0, d, 2), slice(1, d, 2)
    return slice(0, d // 2), slice(d // 2, d)


def rotate(x, positions, frequencies, layout: str = "interleaved", scale: float = 1.0) -> np.ndarray:
    """Rotate the first 2*len(frequencies) channels of x (..., N, d) in pairs by positions x frequencies;
    the other channels pass unchanged. ``scale`` multiplies cos and sin (YaRN's attention factor).
    Angles are formed in float64; a float32 x stays float32."""
    x = np.asarray(x)
    dtype = x.dtype if x.dtype.kind == "f" else np.float64
    angle = np.outer(np.asarray(positions, dtype=np.float64), frequencies)
    cos, sin = (scale * np.cos(angle)).astype(dtype), (scale * np.sin(angle)).astype(dtype)
    first, second = pair_index(2 * len(frequencies), layout)
    out = x.astype(dtype, copy=True)
    a, b = x[..., first], x[..., second]
    np.multiply(a, cos, out=out[..., first])
    out[..., first] -= b * sin
    np.multiply(a, sin, out=out[..., second])
    out[..., second] += b * cos
    return out


def angles(seq_len: int, **freq_params) -> np.ndarray:
    """(seq_len, pairs) rotation angle p * theta_i of each pair at each position."""
    return np.outer(np.arange(seq_len, dtype=np.float64), inv_freq(seq_len=seq_len, **freq_params))


def encoding(seq_len: int, layout: str = "interleaved", **freq_params) -> np.ndarray:
    """(seq_len, rotary_dim) the cos/sin table positions are rotated by, in the channel order of the
    layout: interleaved (cos, sin) per pair; half [cos | sin] as Hugging Face caches it."""
    angle = angles(seq_len, **freq_params)
    scale = attention_factor(freq_params.get("scaling", "none"), freq_params.get("factor", 8.0))
    first, second = pair_index(2 * angle.shape[1], layout)
    out = np.empty((seq_len, 2 * angle.shape[1]))
    out[:, first], out[:, second] = scale * np.cos(angle), scale * np.sin(angle)
    return out


def decay(seq_len: int, **freq_params) -> np.ndarray:
    """(seq_len,) score (R_m q).(R_n k) / d for q = k = all ones, as a function of the offset m - n
    (0 .. seq_len-1): sum_i 2 cos(offset theta_i) / d, the paper's long-term decay curve. Under YaRN
    both q and k carry the attention factor (as the cos and sin of ``encoding`` do), so the score carries
    it squared."""
    curve = mean_cosine(seq_len, inv_freq(seq_len=seq_len, **freq_params))
    curve *= attention_factor(freq_params.get("scaling", "none"), freq_params.get("factor", 8.0)) ** 2
    return curve


def mean_cosine(count: int, frequencies, log_gains=None) -> np.ndarray:
    """(count,) mean over pairs i of exp(t g_i) cos(t w_i) at t = 0 .. count-1 (g = ``log_gains``, none if
    None), without a (count, pairs) table: with t = B a + b, exp(t g) cos(t w) is
    exp(B a g) cos(B a w) exp(b g) cos(b w) - exp(B a g) sin(B a w) exp(b g) sin(b w), so each run of B x B
    offsets is two products of matrices over the pairs, from tables of B rows that stay within CHUNK_BYTES beside
    the result (a 1M x 1024 table was 8 GiB)."""
    w = np.asarray(frequencies, dtype=np.float64)
    pairs = max(len(w), 1)
    # working memory: 2 tables of offsets b, 3 of offsets B a (one a temporary), 2 grids of B x B
    block = max(1, min(math.isqrt(count) + 1, CHUNK_BYTES // (80 * pairs), math.isqrt(CHUNK_BYTES // 32)))

    def tables(t):
        """cos and sin of t w, times exp(t g): 3 tables of len(t) x pairs at the most."""
        angle = np.outer(t, w)
        cos = np.cos(angle)
        sin = np.sin(angle, out=angle)
        if log_gains is not None:
            gain = np.exp(np.outer(t, log_gains))
            cos *= gain
            sin *= gain
        return cos, sin

    cos_b, sin_b = tables(np.arange(block, dtype=np.float64))
    out = np.empty(count)
    for start in range(0, count, block * block):
        stop = min(start + block * block, count)
        cos_a, sin_a = tables(np.arange(start, stop, block, dtype=np.float64))
        grid = np.einsum("ap,bp->ab", cos_a, cos_b)  # NumPy's own loop: no BLAS threads to wait for
        grid -= np.einsum("ap,bp->ab", sin_a, sin_b)
        out[start:stop] = grid.ravel()[:stop - start]
    out /= pairs
    return out


def _decay_peak(seq_len: int, d_model: int, rotary_fraction: float = 1.0, **_) -> int:
    """Bytes ``decay`` holds at its peak: the result, CHUNK_BYTES for ``mean_cosine``, the frequencies."""
    return 8 * seq_len + CHUNK_BYTES + 8 * 8 * (rotary_dim(d_model, rotary_fraction) // 2)


def _pairs(d_model, rotary_fraction, **_):
    return (rotary_dim(d_model, rotary_fraction) // 2,)


def _table_peak(factor):
    """Bytes of a (seq_len, pairs) computation holding ``factor`` tables of that size, with its positions."""
    return lambda seq_len, **p: 8 * seq_len * (factor * _pairs(**p)[0] + 1) + 64 * _pairs(**p)[0]


def _check(d_model, rotary_fraction, scaling, beta_fast, beta_slow, low_freq_factor, high_freq_factor, **_):
    if d_model % 2:
        raise InputError("d_model must be even for RoPE (channels rotate in pairs), not {0}", d_model)
    if rotary_dim(d_model, rotary_fraction) < 2:
        raise InputError("rotary_fraction {0} of d_model {1} rotates no pair; raise either",
                         rotary_fraction, d_model)
    if scaling == "yarn" and beta_fast <= beta_slow:
        raise InputError("beta_fast ({0}) must be larger than beta_slow ({1})", beta_fast, beta_slow)
    if scaling == "llama3" and high_freq_factor <= low_freq_factor:
        raise InputError("high_freq_factor ({0}) must be larger than low_freq_factor ({1})",
                         high_freq_factor, low_freq_factor)


def _freq_out(function):
    return lambda **p: function(**{k: p[k] for k in FREQUENCY_PARAMS})


def rotation(values: dict, positions: np.ndarray, head_dim: int):
    """In attention: queries and keys rotated with this scene's frequencies at the head's width, and the
    scaling's attention factor."""
    freq_values = {p: values[p] for p in FREQUENCY_PARAMS}
    freq_values["d_model"] = head_dim
    freq = inv_freq(**freq_values)
    factor = attention_factor(values["scaling"], values["factor"])
    return lambda x, key=False: rotate(x, positions, freq, values["layout"], factor)


register(Method(
    name="rope",
    title="RoPE (rotary)",
    family="rotary",
    citation="Su et al. 2021, RoFormer (arXiv:2104.09864); scalings: Chen et al. 2023 (PI), bloc97 (NTK), "
             "Peng et al. 2023 (YaRN), Meta Llama 3.1",
    summary="Each channel pair of q and k turns by position x frequency, so q.k sees only the offset.",
    params=(SEQ_LEN, EVEN_D_MODEL, BASE, LAYOUT, ROTARY_FRACTION, SCALING, FACTOR, ORIGINAL_MAX_LEN,
            BETA_FAST, BETA_SLOW, LOW_FREQ_FACTOR, HIGH_FREQ_FACTOR),
    outputs={
        "encoding": Output(lambda **p: encoding(layout=p.pop("layout"), **p),
                           lambda seq_len, d_model, rotary_fraction, **_: (seq_len, rotary_dim(d_model, rotary_fraction)),
                           peak=_table_peak(5)),  # the result (2 tables), the angles, a cos or sin and its scaled copy
        "frequencies": Output(_freq_out(inv_freq), _pairs, params=FREQUENCY_PARAMS),
        "wavelengths": Output(_freq_out(lambda **p: 2 * np.pi / inv_freq(**p)), _pairs, params=FREQUENCY_PARAMS),
        "angles": Output(lambda **p: angles(**p), lambda seq_len, **p: (seq_len,) + _pairs(**p),
                         params=FREQUENCY_PARAMS, peak=_table_peak(1)),
        "decay": Output(lambda **p: decay(**p), lambda seq_len, **_: (seq_len,), params=FREQUENCY_PARAMS,
                        peak=_decay_peak),
    },
    check=_check,
    tags=("rotary",),
    attention=Attention(Entry.ROTATE, rotation=rotation),
))
