"""NoPE: no position signal at all, the baseline. Without a mask self-attention cannot tell the order of
its tokens; with a causal mask a model can still infer positions (Haviv et al. 2022)."""

from __future__ import annotations

import numpy as np

from ..params import D_MODEL, SEQ_LEN
from ..registry import ADDED, Method, Output, register


def encoding(seq_len: int, d_model: int) -> np.ndarray:
    """(seq_len, d_model) zeros: nothing is added to the tokens."""
    return np.zeros((seq_len, d_model))


register(Method(
    name="nope",
    title="NoPE (none)",
    family="absolute",
    citation="Haviv et al. 2022, Transformer Language Models without Positional Encodings Still Learn "
             "Positional Information (arXiv:2203.16634)",
    summary="Nothing added: attention alone is blind to order unless a causal mask breaks the symmetry.",
    params=(SEQ_LEN, D_MODEL),
    outputs={"encoding": Output(encoding, lambda seq_len, d_model, **_: (seq_len, d_model))},
    attention=ADDED,
))
