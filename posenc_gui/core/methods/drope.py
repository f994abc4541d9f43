"""DroPE (Gelberg, Eguchi, Akiba and Cetin 2025): a model is pretrained with RoPE, then every positional embedding
is removed and the model is recalibrated briefly at its original context length; at inference it runs without
RoPE (NoPE), order reaching it only through the causal mask, and extends to longer contexts zero-shot. The paper's
point is that RoPE speeds up training but its rotations are what fail past the trained length. Dropping RoPE is
RoPE with every frequency 0: no pair turns. Here the same seeded toy weights are shown with RoPE kept (before) and
dropped (after); the recalibration, which changes the weights, is not simulated. Kept, q and k turn as in
transformers' Llama rotary embedding (rotate_half), the form of the SmolLM and Llama 2 models DroPE was applied to."""

from __future__ import annotations

import numpy as np

from ..params import BASE, EVEN_D_MODEL, SEQ_LEN, InputError, Param
from ..registry import CHUNK_BYTES, Attention, Entry, Method, Output, register
from . import rope

PHASES = ("kept", "dropped")
PHASE = Param("phase", "choice", "dropped", "kept = the pretrained model, RoPE turning q and k; dropped = after "
              "DroPE, no rotation (every frequency 0): order only through the causal mask", choices=PHASES,
              label="RoPE")


def frequencies(d_model: int, base: float = 10000.0, phase: str = "dropped") -> np.ndarray:
    """(d/2,) RoPE's frequencies when kept; zeros when dropped."""
    kept = rope.inv_freq(d_model, base)
    return kept if phase == "kept" else np.zeros_like(kept)


def decay(seq_len: int, d_model: int, base: float = 10000.0, phase: str = "dropped") -> np.ndarray:
    """(seq_len,) the mean rotated score of identical all-ones q and k against the offset: RoPE's curve when kept,
    1 at every offset when dropped (nothing tells distances apart)."""
    return rope.mean_cosine(seq_len, frequencies(d_model, base, phase))


def rotation(values: dict, positions: np.ndarray, head_dim: int):
    """In attention: q and k turned by RoPE in the half layout when kept, left as they are when dropped."""
    if values["phase"] == "dropped":
        return lambda x, key=False: x
    turned = rope.inv_freq(head_dim, values["base"])
    return lambda x, key=False: rope.rotate(x, positions, turned, "half")


def _check(d_model, **_):
    if d_model % 2:
        raise InputError("d_model must be even for RoPE (channels rotate in pairs), not {0}", d_model)


register(Method(
    name="drope",
    title="DroPE (RoPE dropped after training)",
    family="rotary",
    citation="Gelberg, Eguchi, Akiba and Cetin 2025, Extending the Context of Pretrained LLMs by Dropping Their "
             "Positional Embeddings (arXiv:2512.12167); github.com/SakanaAI/DroPE",
    summary="Pretrained with RoPE, then RoPE is removed and the model briefly recalibrated: it runs as NoPE and "
            "extends past its trained length. Same toy weights, RoPE kept or dropped (recalibration not simulated).",
    params=(SEQ_LEN, EVEN_D_MODEL, BASE, PHASE),
    outputs={
        "frequencies": Output(frequencies, lambda d_model, **_: (d_model // 2,), params=("d_model", "base", "phase")),
        "decay": Output(decay, lambda seq_len, **_: (seq_len,),
                        peak=lambda seq_len, d_model, **_: 8 * seq_len + CHUNK_BYTES + 8 * 8 * d_model),
    },
    check=_check,
    tags=("rotary",),
    attention=Attention(Entry.ROTATE, rotation=rotation),
))
