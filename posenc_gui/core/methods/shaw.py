"""Relative position representations (Shaw, Uszkoreit and Vaswani 2018): every clipped distance j - i
indexes a learned vector, added to the key (a^K) in the logits and to the value (a^V) in the output."""

from __future__ import annotations

import numpy as np

from .. import cancel
from ..params import HEADS, SEED, SEQ_LEN, Param
from ..registry import Attention, Entry, Method, Output, block_bytes, register, rows_per_chunk

MAX_RELATIVE = Param("max_relative", "int", 4, "Clipping distance K: distances beyond +-K share the edge vector",
                     1, 256, label="Clip distance K")
HEAD_DIM = Param("head_dim", "int", 16, "Width of each head's queries, keys and relative vectors", 1, 512,
                 label="Head width")


def distances(seq_len: int, max_relative: int, rows: slice = slice(None)) -> np.ndarray:
    """(N, N) int table index: clip(j - i, -K, K) + K, in [0, 2K] (tensor2tensor's convention); only the query
    ``rows`` asked."""
    pos = np.arange(seq_len)
    return np.clip(pos[None, :] - pos[rows, None], -max_relative, max_relative) + max_relative


def all_distances(seq_len: int, max_relative: int) -> np.ndarray:
    """``distances`` a block of queries at a time, so that Cancel stops a table of gigabytes within one block."""
    out = np.empty((seq_len, seq_len), dtype=np.int64)
    for rows in cancel.blocks(seq_len, rows_per_chunk(8 * 2 * seq_len)):  # a block's j - i, then clipped
        out[rows] = distances(seq_len, max_relative, rows)
    return out


def random_tables(max_relative: int, head_dim: int, seed: int = 0) -> np.ndarray:
    """(2, 2K+1, head_dim) seeded stand-ins for the learned key table a^K and value table a^V, N(0, 1)."""
    return np.random.default_rng(seed).standard_normal((2, 2 * max_relative + 1, head_dim))


def logits(q: np.ndarray, table_k: np.ndarray, index: np.ndarray) -> np.ndarray:
    """(..., N, N) the extra logit q_i . a^K[index[i, j]] (unscaled), without an (N, N, d) temporary."""
    per_row = q @ table_k.T                                   # (..., N, 2K+1)
    return np.take_along_axis(per_row, np.broadcast_to(index, per_row.shape[:-1] + index.shape[-1:]), axis=-1)


def value_term(weights: np.ndarray, table_v: np.ndarray, index: np.ndarray) -> np.ndarray:
    """(..., N, d) sum_j w_ij a^V[index[i, j]]: the weights summed per table row, then mixed."""
    per_row = np.stack([(weights * (index == r)).sum(axis=-1) for r in range(table_v.shape[0])], axis=-1)
    return per_row @ table_v


def bias(seq_len: int, heads: int = 8, max_relative: int = 4, head_dim: int = 16, seed: int = 0) -> np.ndarray:
    """(heads, N, N) the relative logit term q_i . a^K_ij / sqrt(head_dim) for seeded random queries
    (N(0, 1)), one set per head: what the key table adds on top of q.k. It depends on the queries."""
    rng = np.random.default_rng(seed + 1)
    q = rng.standard_normal((heads, seq_len, head_dim))
    per_row = q @ random_tables(max_relative, head_dim, seed)[0].T   # (heads, N, 2K+1), as ``logits``
    out = np.empty((heads, seq_len, seq_len))
    for rows in cancel.blocks(seq_len, rows_per_chunk(_bias_row_bytes(seq_len, heads))):
        index = distances(seq_len, max_relative, rows)
        picked = np.take_along_axis(per_row[:, rows], np.broadcast_to(index, (heads,) + index.shape), axis=-1)
        np.divide(picked, np.sqrt(head_dim), out=out[:, rows])
    return out


def _bias_row_bytes(seq_len, heads):
    """Per query row of a block: its distances (j - i, then clipped) and every head's logits."""
    return 8 * (2 + heads) * seq_len


def _bias_peak(seq_len, heads, max_relative, head_dim, **_):
    """The queries, their products with the key table, both tables, the result and a block of queries'
    distances and logits."""
    rows = 2 * max_relative + 1
    return (8 * (heads * seq_len * (head_dim + rows) + 2 * rows * head_dim + heads * seq_len ** 2)
            + block_bytes(seq_len, _bias_row_bytes(seq_len, heads)))


def attention_scores(values: dict, q: np.ndarray, k: np.ndarray, scale: float) -> tuple:
    """In attention: the content q.k, the position part q_i . a^K_ij (both scaled) and the value table with
    its index, for ``value_term``."""
    n, head_dim = q.shape[-2:]
    tables = random_tables(values["max_relative"], head_dim, values["seed"])
    index = distances(n, values["max_relative"])
    return q @ np.swapaxes(k, -1, -2) * scale, logits(q, tables[0], index) * scale, (tables[1], index)


def _attention_bytes(values, n, heads, d_model):
    rows = 2 * values["max_relative"] + 1
    return 8 * (heads * n * rows + n * n + rows * (d_model // heads))


register(Method(
    name="shaw",
    title="Relative (Shaw)",
    family="relative",
    citation="Shaw, Uszkoreit and Vaswani 2018, Self-Attention with Relative Position Representations "
             "(arXiv:1803.02155)",
    summary="Distances j - i, clipped to +-K, pick learned vectors added to keys and values.",
    params=(SEQ_LEN, HEADS, MAX_RELATIVE, HEAD_DIM, SEED),
    outputs={
        "distances": Output(all_distances, lambda seq_len, **_: (seq_len, seq_len), params=("seq_len", "max_relative"),
                            peak=lambda seq_len, **_: 8 * seq_len ** 2  # and a block's j - i, then clipped
                            + block_bytes(seq_len, 16 * seq_len)),
        "tables": Output(random_tables, lambda max_relative, head_dim, **_: (2, 2 * max_relative + 1, head_dim),
                         params=("max_relative", "head_dim", "seed")),
        "bias": Output(bias, lambda seq_len, heads, **_: (heads, seq_len, seq_len), peak=_bias_peak),
    },
    attention=Attention(Entry.SCORE, scores=attention_scores, value_term=value_term, score_tables=7,
                        own_bytes=_attention_bytes),
))
