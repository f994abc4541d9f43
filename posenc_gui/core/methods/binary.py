"""The binary analogy (seed 002): write each position in binary; the lowest bit flips every step,
the next every two steps, and so on, just as sinusoid frequencies fall along the dimensions."""

from __future__ import annotations

import numpy as np

from ..params import SEQ_LEN, Param
from ..registry import ADDED, Method, Output, register

BITS = Param("bits", "int", 8, "Number of bits (columns); column 0 is the lowest bit", 1, 62, label="Bits")


def bits(seq_len: int, bits: int = 8) -> np.ndarray:
    """(seq_len, bits) 0/1 as float64: [p, k] = bit k of p, column 0 the lowest (flips fastest)."""
    positions = np.arange(seq_len, dtype=np.int64)[:, None]
    return ((positions >> np.arange(bits, dtype=np.int64)) & 1).astype(np.float64)


register(Method(
    name="binary",
    title="Binary counter (analogy)",
    family="absolute",
    citation="Kazemnejad 2019, Transformer Architecture: The Positional Encoding "
             "(kazemnejad.com/blog/transformer_architecture_positional_encoding)",
    summary="Each position written in binary: low bits flip fast, high bits slowly, like sinusoid frequencies.",
    params=(SEQ_LEN, BITS),
    outputs={"encoding": Output(bits, lambda seq_len, bits, **_: (seq_len, bits),
                                peak=lambda seq_len, bits, **_: 16 * seq_len * bits + 8 * seq_len,  # int bits
                                steps=True)},
    attention=ADDED,
))
