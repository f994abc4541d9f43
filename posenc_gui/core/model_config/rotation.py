"""A config's rotary embedding as numbers: each layer type's frequencies and attention factor (from the RoPE
scaling registry, with transformers' semantics) and the cos / sin tables q and k are multiplied by."""

from __future__ import annotations

import numpy as np

from .. import rope_scalings
from ..params import InputError, shown
from .reading import ModelConfig

def frequencies(config: ModelConfig, layer_type: str | None = None, seq_len: int | None = None) -> tuple:
    """(inv_freq, attention_factor) of ``layer_type``'s rotary embedding after it has seen ``seq_len``
    positions, with transformers' semantics: dynamic NTK grows past max_position_embeddings, LongRoPE takes
    its long factors past original_max_position_embeddings; without ``seq_len``, as the model is built."""
    kind = layer_type or config.first_rope_type()
    if kind not in config.rotary:
        raise InputError("layer type {0} does not rotate in this config; rotating types: {1}", shown(kind),
                         ", ".join(config.rotary) or "none")
    rotary = config.rotary[kind]
    p, top = rotary.params, config.max_position_embeddings
    base = {"d_model": rotary.head_dim, "base": rotary.theta, "rotary_fraction": rotary.partial_rotary_factor,
            "seq_len": seq_len or 0}
    original = p.get("original_max_position_embeddings", top)
    factor = p.get("factor")
    kind_of = rotary.rope_type
    if kind_of == "default":
        return rope_scalings.none(**base)
    if kind_of == "linear":
        return rope_scalings.linear(**base, factor=_need(p, "factor"))
    if kind_of == "dynamic":
        return rope_scalings.dynamic_ntk(**base, factor=_need(p, "factor"), original_max_len=top)
    if kind_of == "proportional":
        return rope_scalings.proportional(**base, factor=p.get("factor", 1.0))
    if kind_of == "llama3":
        rope_scalings.check_llama3(_need(p, "low_freq_factor"), _need(p, "high_freq_factor"))
        return rope_scalings.llama3(**base, factor=_need(p, "factor"), original_max_len=original,
                                    low_freq_factor=_need(p, "low_freq_factor"),
                                    high_freq_factor=_need(p, "high_freq_factor"))
    if factor is None:
        factor = top / original
    if kind_of == "yarn":
        return rope_scalings.yarn(**base, factor=factor, original_max_len=original,
                                  beta_fast=p.get("beta_fast") or 32.0, beta_slow=p.get("beta_slow") or 1.0,
                                  attention_factor=p.get("attention_factor") or 0.0, mscale=p.get("mscale") or 0.0,
                                  mscale_all_dim=p.get("mscale_all_dim") or 0.0, truncate=p.get("truncate", True))
    return rope_scalings.longrope(**base, factor=factor, original_max_len=original,
                                  short_factor=_need(p, "short_factor"), long_factor=_need(p, "long_factor"),
                                  attention_factor=p.get("attention_factor") or 0.0)


def _need(params, key):
    if params.get(key) is None:
        raise InputError("the rope parameters have no {0}", key)
    return params[key]


def cos_sin(config: ModelConfig, position_ids, layer_type: str | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(n, 2 * pairs) cos and sin the model multiplies q and k by, in transformers' [first | second half]
    layout, times the attention factor. ``position_ids`` has shape (n,), or (3, n) of (t, h, w) ids for an
    M-RoPE model: Qwen2-VL gives each axis a block of pairs (mrope_section), Qwen3-VL interleaves them."""
    ids = np.asarray(position_ids)
    if ids.dtype.kind not in "iu" or ids.ndim not in (1, 2) or (ids.ndim == 2 and ids.shape[0] != 3):
        raise InputError("position ids must be whole numbers of shape (n,) or (3, n), not {0} of shape {1}",
                         str(ids.dtype), shown(ids.shape))
    inv, factor = frequencies(config, layer_type, int(ids.max()) + 1 if ids.size else None)
    if ids.ndim == 1:
        angle = np.outer(ids.astype(np.float64), inv)
    elif config.mrope_section is None:
        raise InputError("(3, n) position ids need an M-RoPE model (mrope_section); this one takes (n,)")
    else:
        by_axis = ids.astype(np.float64)[:, :, None] * inv          # (3, n, pairs)
        axis = np.zeros(len(inv), dtype=np.int64)
        section = config.mrope_section
        if config.mrope_interleaved:  # Qwen3-VL: pair j is h's when j = 1 mod 3 below 3*h, w's when 2 mod 3
            for which, offset in ((1, 1), (2, 2)):
                axis[offset:3 * section[which]:3] = which
        else:  # Qwen2-VL: consecutive blocks of section[0], section[1], section[2] pairs
            axis = np.repeat(np.arange(len(section)) % 3, section)
        angle = np.take_along_axis(by_axis, axis[None, None, :].repeat(ids.shape[1], axis=1), axis=0)[0]
    table = np.concatenate([angle, angle], axis=1)
    return factor * np.cos(table), factor * np.sin(table)
