"""RoPE (Su et al., RoFormer): rotate each pair of query/key channels by position x frequency, so that
q.k depends only on the offset. Two channel layouts, partial rotation, and the published ways to
stretch it to longer contexts, which live in ``core.rope_scalings`` (Hugging Face ``modeling_rope_utils``
conventions): this method's scaling choices and their parameters are read from there."""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np

from .. import cancel, registry, rope_scalings
from ..params import BASE, EVEN_D_MODEL, InputError, Param
from ..registry import CHUNK_BYTES, Attention, Entry, Method, Output, rows_per_chunk

LAYOUTS = ("interleaved", "half")

SEQ_LEN = Param("seq_len", "int", 128, "Number of positions; dynamic NTK stretches once it passes the "
                "original length, and LongRoPE switches to its long factors", 1, 1_048_576, label="Sequence length")
LAYOUT = Param("layout", "choice", "interleaved",
               "Which channels pair up: interleaved = (x0, x1), (x2, x3)... as GPT-J and Meta's llama; "
               "half = (x_i, x_i+d/2) as GPT-NeoX and Hugging Face rotate_half", choices=LAYOUTS, label="Layout")
ROTARY_FRACTION = Param("rotary_fraction", "float", 1.0,
                        "Share of the channels that rotate (GPT-NeoX 20B: 0.25); the rest pass unchanged. An odd "
                        "int(fraction x d) = w turns (w+1)/2 pairs spaced base^(-2i/w), as GPT-NeoX and transformers",
                        0.0, 1.0, label="Rotary fraction")
BASE_FREQUENCY_PARAMS = ("d_model", "base", "rotary_fraction", "scaling", "seq_len")


def scaling_param() -> Param:
    """The scaling choice, its choices and help read from the scaling registry."""
    helps = "; ".join(scaling.help for scaling in rope_scalings.SCALINGS.values())
    return Param("scaling", "choice", "none", f"Context extension: {helps}",
                 choices=tuple(rope_scalings.SCALINGS), label="Scaling")


def scaling_params() -> tuple[Param, ...]:
    """Every scaling's parameters, each shown only while a scaling that uses it is chosen."""
    return tuple(replace(param, when=(("scaling", tuple(name for name, scaling in rope_scalings.SCALINGS.items()
                                                         if param in scaling.params)),))
                 for param in rope_scalings.scaling_params())


def frequency_params() -> tuple[str, ...]:
    """The names the frequencies depend on: the base ones and every scaling's parameters."""
    return BASE_FREQUENCY_PARAMS + tuple(p.name for p in rope_scalings.scaling_params())


def rotary_dim(d_model: int, rotary_fraction: float = 1.0) -> int:
    """Channels that rotate with the default frequencies: one per int(fraction x d) channel, plus one when
    that is odd (transformers' cos and sin are twice as wide as its (w+1)/2 frequencies)."""
    return 2 * len(range(0, rope_scalings.rotary_width(d_model, rotary_fraction), 2))


def scaled(d_model: int, base: float = 10000.0, rotary_fraction: float = 1.0, scaling: str = "none",
           seq_len: int = 128, **scaling_values) -> tuple[np.ndarray, float]:
    """(inv_freq, attention_factor) of ``scaling`` (the registry's function), its parameters taken from
    ``scaling_values`` and, where not given, their defaults."""
    entry = rope_scalings.get(scaling)
    own = {p.name: scaling_values.get(p.name, p.default) for p in entry.params}
    inv, factor = entry.compute(d_model=d_model, base=base, rotary_fraction=rotary_fraction, seq_len=seq_len, **own)
    return np.asarray(inv, dtype=np.float64), float(factor)


def inv_freq(d_model: int, base: float = 10000.0, rotary_fraction: float = 1.0, scaling: str = "none",
             seq_len: int = 128, **scaling_values) -> np.ndarray:
    """(pairs,) angular frequency of each rotated pair, theta_i = base^(-2i/w), after scaling."""
    return scaled(d_model, base, rotary_fraction, scaling, seq_len, **scaling_values)[0]


def attention_factor(scaling: str = "none", factor: float = 8.0, **freq_params) -> float:
    """The factor the scaling multiplies cos and sin by (YaRN 0.1 ln(s) + 1 unless given, LongRoPE
    sqrt(1 + ln s / ln L0); 1 for the others); other frequency parameters as ``inv_freq`` takes them."""
    freq_params.setdefault("d_model", registry.get("rope").param("d_model").default)
    return scaled(scaling=scaling, factor=factor, **freq_params)[1]


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
    """(seq_len, pairs) rotation angle p * theta_i of each pair at each position, a block of positions at a time
    (Cancel stops a table of gigabytes within one block)."""
    w = inv_freq(seq_len=seq_len, **freq_params)
    positions, out = np.arange(seq_len, dtype=np.float64), np.empty((seq_len, w.size))
    for rows in cancel.blocks(seq_len, rows_per_chunk(8 * w.size)):
        np.multiply(positions[rows, None], w, out=out[rows])
    return out


def encoding(seq_len: int, layout: str = "interleaved", **freq_params) -> np.ndarray:
    """(seq_len, rotary_dim) the cos/sin table positions are rotated by, in the channel order of the
    layout: interleaved (cos, sin) per pair; half [cos | sin] as Hugging Face caches it."""
    angle = angles(seq_len, **freq_params)
    scale = attention_factor(**freq_params)
    first, second = pair_index(2 * angle.shape[1], layout)
    out = np.empty((seq_len, 2 * angle.shape[1]))
    for rows in cancel.blocks(seq_len, rows_per_chunk(8 * 2 * angle.shape[1])):  # a block's cos and sin
        out[rows, first], out[rows, second] = scale * np.cos(angle[rows]), scale * np.sin(angle[rows])
    return out


def decay(seq_len: int, **freq_params) -> np.ndarray:
    """(seq_len,) score (R_m q).(R_n k) / d for q = k = all ones, as a function of the offset m - n
    (0 .. seq_len-1): sum_i 2 cos(offset theta_i) / d, the paper's long-term decay curve. Under YaRN
    both q and k carry the attention factor (as the cos and sin of ``encoding`` do), so the score carries
    it squared."""
    curve = mean_cosine(seq_len, inv_freq(seq_len=seq_len, **freq_params))
    curve *= attention_factor(**{"seq_len": seq_len, **freq_params}) ** 2
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
        cancel.check()
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


def wavelengths(**freq_params) -> np.ndarray:
    """(pairs,) 2 pi / frequency, in positions; a pair that never turns (p-RoPE's) has an infinite one."""
    with np.errstate(divide="ignore"):
        return 2 * np.pi / inv_freq(**freq_params)


def _pairs(**values):
    return (len(inv_freq(**{k: values[k] for k in frequency_params() if k in values})),)


def _table_peak(factor):
    """Bytes of a (seq_len, pairs) computation holding ``factor`` tables of that size, with its positions."""
    def peak(seq_len, **p):
        pairs = _pairs(seq_len=seq_len, **p)[0]
        return 8 * seq_len * (factor * pairs + 1) + 64 * pairs
    return peak


def _check(d_model, **values):
    if d_model % 2:
        raise InputError("d_model must be even for RoPE (channels rotate in pairs), not {0}", d_model)
    entry = rope_scalings.get(values["scaling"])
    if entry.check is not None:
        entry.check(d_model=d_model, **values)
    if not np.any(inv_freq(d_model, **{k: values[k] for k in frequency_params() if k in values and k != "d_model"})):
        raise InputError("rotary_fraction {0} of d_model {1} rotates no pair; raise either",
                         values["rotary_fraction"], d_model)


def build() -> Method:
    """The rope method as the scaling registry stands: its scaling choices and their parameters."""
    freq = frequency_params()

    def freq_out(function):
        return lambda **p: function(**{k: p[k] for k in freq})

    scalings = [s.citation for s in rope_scalings.SCALINGS.values() if s.name != "none"]
    return Method(
        name="rope",
        title="RoPE (rotary)",
        family="rotary",
        citation="Su et al. 2021, RoFormer (arXiv:2104.09864); scalings: " + "; ".join(scalings),
        summary="Each channel pair of q and k turns by position x frequency, so q.k sees only the offset.",
        params=(SEQ_LEN, EVEN_D_MODEL, BASE, LAYOUT, ROTARY_FRACTION, scaling_param(), *scaling_params()),
        outputs={
            # peaks: the result (2 tables), the angles, a cos or sin and its scaled copy
            "encoding": Output(lambda **p: encoding(layout=p.pop("layout"), **p),
                               lambda seq_len, **p: (seq_len, 2 * _pairs(seq_len=seq_len, **p)[0]),
                               peak=_table_peak(5)),
            "frequencies": Output(freq_out(inv_freq), _pairs, params=freq),
            "wavelengths": Output(freq_out(wavelengths), _pairs, params=freq),
            "angles": Output(lambda **p: angles(**p), lambda seq_len, **p: (seq_len,) + _pairs(seq_len=seq_len, **p),
                             params=freq, peak=_table_peak(1)),
            "decay": Output(lambda **p: decay(**p), lambda seq_len, **_: (seq_len,), params=freq, peak=_decay_peak),
        },
        check=_check,
        tags=("rotary",),
        attention=Attention(Entry.ROTATE, rotation=rotation),
    )


def rotation(values: dict, positions: np.ndarray, head_dim: int):
    """In attention: queries and keys rotated with this scene's frequencies at the head's width, and the
    scaling's attention factor."""
    freq_values = {p: values[p] for p in frequency_params()}
    freq_values["d_model"] = head_dim
    freq, factor = scaled(**freq_values)
    return lambda x, key=False: rotate(x, positions, freq, values["layout"], factor)


def rebuild() -> None:
    """Register the method anew after the scaling registry changed."""
    registry.replace(build())


registry.register(build())
