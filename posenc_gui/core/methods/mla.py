"""MLA's decoupled RoPE (DeepSeek-V2, DeepSeek-V3): multi-head latent attention compresses keys and values
into one small latent per token, and a rotation cannot pass through that compression. So each head's query
and key are split: qk_nope_head_dim channels (from the latent) that never rotate, and qk_rope_head_dim
channels that rotate as RoPE, the key's rotary part one per token, shared by every head. The score is
q_nope . k_nope + (R_m q_rope) . (R_n k_rope), scaled by 1/sqrt(nope + rope). As transformers'
DeepseekV3Attention: the rotary channels come last, in interleaved pairs (rope_interleave, DeepSeek's
checkpoints) or halves. In the toy attention the keys' rotary channels are head 0's, shared, as MLA's are."""

from __future__ import annotations

import numpy as np

from ..params import BASE, SEQ_LEN, InputError, Param
from ..registry import CHUNK_BYTES, Attention, Entry, Method, Output, register
from .rope import mean_cosine, rotate

HEAD_DIM = Param("d_model", "int", 192, "qk_head_dim: width of each head's queries and keys, rotary part included "
                 "(DeepSeek-V2/V3: 128 + 64)", 1, 2048, label="Head width")
ROPE_DIM = Param("rope_dim", "int", 64, "qk_rope_head_dim: channels that rotate, the last ones (DeepSeek: 64); even. "
                 "A narrower head rotates all of its even width", 2, 2048, label="Rotary channels")
LAYOUT = Param("layout", "choice", "interleaved", "Pairs of the rotary channels: interleaved (x0, x1)... as "
               "DeepSeek's rope_interleave; half (x_i, x_i+r/2) as rotate_half", choices=("interleaved", "half"),
               label="Layout")


def rotary_channels(d_model: int, rope_dim: int = 64) -> int:
    """Channels that rotate: rope_dim, or the head's even width when it is narrower."""
    return min(rope_dim, d_model - d_model % 2)


def inv_freq(d_model: int, rope_dim: int = 64, base: float = 10000.0) -> np.ndarray:
    """(r/2,) theta_i = base^(-2i/r) over the r rotary channels alone (the other channels do not count)."""
    r = rotary_channels(d_model, rope_dim)
    return base ** (-np.arange(0, r, 2, dtype=np.float64) / r)


def angles(seq_len: int, d_model: int = 192, rope_dim: int = 64, base: float = 10000.0) -> np.ndarray:
    """(seq_len, r/2) angle of each rotary pair at each position."""
    return np.outer(np.arange(seq_len, dtype=np.float64), inv_freq(d_model, rope_dim, base))


def decay(seq_len: int, d_model: int = 192, rope_dim: int = 64, base: float = 10000.0) -> np.ndarray:
    """(seq_len,) score / d of all-ones q and k against the offset: the non-rotary channels give a constant
    (d - r)/d, the rotary ones (r/d) x the mean of cos(offset theta_i). Only r/d of the score can fall."""
    r = rotary_channels(d_model, rope_dim)
    curve = mean_cosine(seq_len, inv_freq(d_model, rope_dim, base))
    curve *= r / d_model
    curve += (d_model - r) / d_model
    return curve


def turn(x: np.ndarray, positions, frequencies, layout: str, key: bool) -> np.ndarray:
    """x (..., N, d) with its last r channels rotated; for keys with a heads axis, those of head 0 for all."""
    r = 2 * len(frequencies)
    out = np.array(x, dtype=np.float64)
    rope_part = out[..., out.shape[-1] - r:]
    if key and out.ndim >= 3:
        rope_part[...] = rope_part[..., :1, :, :]
    rope_part[...] = rotate(rope_part, positions, frequencies, layout)
    return out


def rotation(values: dict, positions: np.ndarray, head_dim: int):
    """In attention: the last rope_dim channels of queries and keys turned, the keys' shared across heads."""
    frequencies = inv_freq(head_dim, values["rope_dim"], values["base"])
    return lambda x, key=False: turn(x, positions, frequencies, values["layout"], key)


def _check(rope_dim, **_):
    if rope_dim % 2:
        raise InputError("rope_dim must be even (channels rotate in pairs), not {0}", rope_dim)


def _pairs(d_model, rope_dim, **_):
    return (rotary_channels(d_model, rope_dim) // 2,)


FREQ = ("d_model", "rope_dim", "base")

register(Method(
    name="mla",
    title="MLA decoupled RoPE",
    family="rotary",
    citation="DeepSeek-AI 2024, DeepSeek-V2 (arXiv:2405.04434), section 2.1.3; DeepSeek-V3 (arXiv:2412.19437); "
             "transformers DeepseekV3Attention",
    summary="Only a slice of each head rotates (64 of 192 channels), its key part shared by all heads; the rest "
            "comes from the compressed latent and never sees position.",
    params=(SEQ_LEN, HEAD_DIM, ROPE_DIM, BASE, LAYOUT),
    outputs={
        "frequencies": Output(inv_freq, _pairs, params=FREQ),
        "wavelengths": Output(lambda **p: 2 * np.pi / inv_freq(**p), _pairs, params=FREQ),
        "angles": Output(angles, lambda seq_len, **p: (seq_len,) + _pairs(**p), params=("seq_len", *FREQ),
                         peak=lambda seq_len, **p: 8 * (seq_len * (_pairs(**p)[0] + 1) + 8 * _pairs(**p)[0])),
        "decay": Output(decay, lambda seq_len, **_: (seq_len,), params=("seq_len", *FREQ),
                        peak=lambda seq_len, **p: 8 * seq_len + CHUNK_BYTES + 64 * _pairs(**p)[0]),
    },
    check=_check,
    tags=("rotary",),
    attention=Attention(Entry.ROTATE, rotation=rotation),
))
