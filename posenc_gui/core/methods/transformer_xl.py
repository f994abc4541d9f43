"""Transformer-XL relative attention (Dai et al. 2019): the score of query i and key j splits into four
terms, content-content (a), content-position (b), global content bias (c) and global position bias (d)."""

from __future__ import annotations

import numpy as np

from .. import cancel
from ..params import SEED, SEQ_LEN, InputError, Param
from ..registry import Attention, Entry, Method, Output, block_bytes, register, rows_per_chunk

HEAD_DIM = Param("head_dim", "int", 32, "Width of queries, keys and the relative sinusoid R (even)", 2, 512,
                 label="Head width")
TERM_NAMES = ("(a) content-content", "(b) content-position", "(c) global content bias",
              "(d) global position bias")


TERM_ROW_BYTES = 8 * 6  # per key of a block's rows: q (W_R R)^T (two), the index, terms (a), (b), (d)


def relative_sinusoid(distances: np.ndarray, head_dim: int) -> np.ndarray:
    """(len(distances), head_dim) R: [sin(r w) | cos(r w)], w_k = 10000^(-2k/d), as the reference's
    PositionalEmbedding (which feeds distances klen-1 down to 0)."""
    w = 1.0 / 10000 ** (np.arange(0, head_dim, 2) / head_dim)
    angle = np.outer(np.asarray(distances, dtype=np.float64), w)
    return np.concatenate([np.sin(angle), np.cos(angle)], axis=1)


def terms(q, k, u, v, w_r) -> np.ndarray:
    """(4, N, N) the four unscaled terms for queries q (N, d), keys k (N, d), biases u, v (d,) and the
    position projection w_r (d, d), with R_{i-j} looked up directly (what _rel_shift achieves)."""
    n, d = q.shape
    offsets = np.arange(-(n - 1), n)                          # every i - j
    projected = relative_sinusoid(offsets, d) @ w_r.T         # W_R R_{i-j}, one row per offset
    pos = np.arange(n)
    index = pos[:, None] - pos[None, :] + (n - 1)
    a = q @ k.T
    b = np.take_along_axis(q @ projected.T, index, axis=1)
    c = np.broadcast_to(k @ u, (n, n))
    dd = (projected @ v)[index]
    return np.stack([a, b, c, dd])


def toy_inputs(seq_len: int, head_dim: int, seed: int = 0) -> tuple[np.ndarray, ...]:
    """Seeded q, k (N, d), u, v (d,) and w_r (d, d) with unit-variance entries (w_r scaled 1/sqrt(d))."""
    rng = np.random.default_rng(seed)
    q, k = rng.standard_normal((2, seq_len, head_dim))
    u, v = rng.standard_normal((2, head_dim))
    w_r = rng.standard_normal((head_dim, head_dim)) / np.sqrt(head_dim)
    return q, k, u, v, w_r


def toy_terms(seq_len: int, head_dim: int = 32, seed: int = 0) -> np.ndarray:
    """(4, N, N) the terms for seeded toy inputs, divided by sqrt(head_dim) like the logits: ``terms`` a block of
    queries at a time, so that Cancel stops a table of gigabytes within one block (equal to the last bits: BLAS
    may sum the products of a block's edge rows in another order)."""
    q, k, u, v, w_r = toy_inputs(seq_len, head_dim, seed)
    n = seq_len
    projected = relative_sinusoid(np.arange(-(n - 1), n), head_dim) @ w_r.T   # as ``terms``
    position_bias = projected @ v
    scale = np.sqrt(head_dim)
    out = np.empty((4, n, n))
    np.divide(k @ u, scale, out=out[2, 0])
    out[2, 1:] = out[2, 0]
    pos = np.arange(n)
    for rows in cancel.blocks(n, rows_per_chunk(TERM_ROW_BYTES * n)):
        index = pos[rows, None] - pos[None, :] + (n - 1)
        np.divide(q[rows] @ k.T, scale, out=out[0, rows])
        np.divide(np.take_along_axis(q[rows] @ projected.T, index, axis=1), scale, out=out[1, rows])
        np.divide(position_bias[index], scale, out=out[3, rows])
    return out


def attention_scores(values: dict, q: np.ndarray, k: np.ndarray, scale: float) -> tuple:
    """In attention, per head with seeded u, v and W_R: content (a) + (c) and position (b) + (d), scaled."""
    n, head_dim = q.shape[-2:]
    terms_ = np.stack([terms(q[h], k[h], *toy_inputs(n, head_dim, values["seed"] + h)[2:])
                       for h in range(q.shape[0])]) * scale
    return terms_[:, 0] + terms_[:, 2], terms_[:, 1] + terms_[:, 3], ()


def _terms_peak(seq_len, head_dim, **_):
    """q and k, W_R (and its scaled draw), R of every offset (its angles, sin and cos) and W_R R, the four terms
    and a block of queries' products and lookups."""
    n, d = seq_len, head_dim
    return 8 * (2 * d * d + 5 * n * d + 4 * n * n) + block_bytes(n, TERM_ROW_BYTES * n)


def _check(head_dim, **_):
    if head_dim % 2:
        raise InputError("head_dim must be even (R pairs sin and cos), not {0}", head_dim)


register(Method(
    name="transformer_xl",
    title="Transformer-XL relative",
    family="relative",
    citation="Dai et al. 2019, Transformer-XL (arXiv:1901.02860), pytorch/mem_transformer.py",
    summary="The score splits into content, content-position, and two global bias terms u and v.",
    params=(SEQ_LEN, HEAD_DIM, SEED),
    outputs={"terms": Output(toy_terms, lambda seq_len, **_: (4, seq_len, seq_len), peak=_terms_peak)},
    attention=Attention(Entry.SCORE, scores=attention_scores, score_tables=12),
    check=_check,
))
