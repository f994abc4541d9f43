"""Learned attention sinks (gpt-oss, OpenAI 2025): each head has one learned logit that joins every query's
softmax as an extra key with no value, and whose weight is dropped after it. A head with nothing to look at can
give its attention to the sink instead of spreading it over the tokens, so the weights over the tokens sum to
less than 1 (StreamingLLM keeps real first tokens for that; here it is a parameter). As transformers'
GptOssAttention and its eager_attention_forward: the sinks are a (heads,) parameter, the softmax's maximum is
taken with the sink included, and q and k are turned by RoPE in the half layout (gpt-oss's _apply_rotary_emb
splits the head into halves) at base 150000. The model's YaRN x32 is left out here (the RoPE method has it;
Layer patterns' gpt-oss has both, with its sliding and full layers).
The trained sink values are not shipped with the app: the sinks here are seeded normal draws of the mean and
spread chosen (transformers initialises them N(0, 0.02^2) before training)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from ..params import BASE, InputError, EVEN_D_MODEL, HEADS, SEED, SEQ_LEN, Param
from ..registry import Attention, Entry, Method, Output, register
from .rope import inv_freq, rotate

GPT_OSS_BASE = 150000.0  # gpt-oss's rope_theta
GPT_OSS_HEAD_DIM = 64

SINK_MEAN = Param("sink_mean", "float", 1.0, "Mean of the seeded sink logits (stand-ins for gpt-oss's learned "
                  "ones): a sink well above the tokens' logits takes most of each query's attention", -20.0, 20.0,
                  label="Sink mean")
SINK_SPREAD = Param("sink_spread", "float", 1.5, "Spread (standard deviation) of the sink logits over the heads",
                    0.0, 10.0, label="Sink spread")


def sink_logits(heads: int = 8, sink_mean: float = 1.0, sink_spread: float = 1.5, seed: int = 0) -> np.ndarray:
    """(heads,) the seeded sink logit of each head, N(sink_mean, sink_spread^2)."""
    return sink_mean + sink_spread * np.random.default_rng(seed).standard_normal(heads)


def rotation(values: dict, positions: np.ndarray, head_dim: int):
    """In attention: queries and keys turned by RoPE in the half layout at the scene's base."""
    frequencies = inv_freq(head_dim, values["base"])
    return lambda x, key=False: rotate(x, positions, frequencies, "half")


def _check(d_model, **_):
    if d_model % 2:
        raise InputError("d_model must be even for RoPE (channels rotate in pairs), not {0}", d_model)


def attention_sinks(values: dict, heads: int) -> np.ndarray:
    return sink_logits(heads, values["sink_mean"], values["sink_spread"], values["seed"])


register(Method(
    name="sinks",
    title="Learned attention sinks (gpt-oss)",
    family="rotary",
    citation="OpenAI 2025, gpt-oss-120b & gpt-oss-20b Model Card (arXiv:2508.10925); transformers "
             "models/gpt_oss/modeling_gpt_oss.py (GptOssAttention.sinks, eager_attention_forward)",
    summary="A learned logit per head joins every softmax as one more key and is dropped after it: the weights "
            "over the tokens sum to less than 1 (sinks seeded here, not gpt-oss's trained values; RoPE without "
            "YaRN).",
    params=(SEQ_LEN, replace(EVEN_D_MODEL, default=GPT_OSS_HEAD_DIM), replace(BASE, default=GPT_OSS_BASE), HEADS,
            SINK_MEAN, SINK_SPREAD, SEED),
    outputs={
        "sinks": Output(sink_logits, lambda heads, **_: (heads,), params=("heads", "sink_mean", "sink_spread", "seed")),
        "frequencies": Output(lambda d_model, base: inv_freq(d_model, base), lambda d_model, **_: (d_model // 2,),
                              params=("d_model", "base")),
    },
    check=_check,
    tags=("rotary",),
    attention=Attention(Entry.ROTATE, rotation=rotation, sinks=attention_sinks),
))
