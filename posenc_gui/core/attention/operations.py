"""The operations of self-attention in NumPy: softmax (with gpt-oss's sinks), causal and ``valid_lens`` masks,
splitting and merging heads, scaled dot-product attention, and multi-head attention spread over the cores."""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from functools import cache

import numpy as np

from .. import cancel
from ..params import InputError


def softmax(x: np.ndarray, axis: int = -1) -> np.ndarray:
    """Numerically stable softmax (float32 stays float32); a row that is entirely -inf gives zeros, not NaN."""
    x = np.asarray(x)
    return softmax_inplace(x.astype(x.dtype if x.dtype.kind == "f" else np.float64, copy=True), axis)


def softmax_inplace(x: np.ndarray, axis: int = -1) -> np.ndarray:
    """Softmax of a float array written over it (no temporary of its size); returns it."""
    top = np.max(x, axis=axis, keepdims=True)
    top[~np.isfinite(top)] = 0.0
    np.subtract(x, top, out=x)
    np.exp(x, out=x)
    total = x.sum(axis=axis, keepdims=True)
    np.divide(1.0, total, out=total, where=total > 0)   # fully masked rows keep total 0 and stay 0
    np.multiply(x, total, out=x)
    return x


def softmax_with_sinks_inplace(x: np.ndarray, sinks: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(weights, sink weight) of a softmax over the last axis of ``x`` with one more logit per row, ``sinks``
    (broadcast to x's shape with a last axis of 1), whose weight is taken out of the row (gpt-oss's learned sinks,
    as transformers' eager_attention_forward: the rows' maximum includes the sink). The weights are written over
    x and sum to 1 minus the sink's weight, returned as x's shape without its last axis; a row of -inf gives
    all to the sink."""
    sinks = np.broadcast_to(np.asarray(sinks, dtype=x.dtype), x.shape[:-1] + (1,))
    top = np.maximum(np.max(x, axis=-1, keepdims=True), sinks)
    top[~np.isfinite(top)] = 0.0
    np.subtract(x, top, out=x)
    np.exp(x, out=x)
    sink = np.exp(sinks - top)
    total = x.sum(axis=-1, keepdims=True) + sink
    np.divide(1.0, total, out=total, where=total > 0)
    np.multiply(x, total, out=x)
    return x, (sink * total)[..., 0]


def causal_mask(n: int) -> np.ndarray:
    """(n, n) bool, True where query i may attend key j (j <= i)."""
    return np.tril(np.ones((n, n), dtype=bool))


def valid_lens_mask(n_queries: int, n_keys: int, valid_lens) -> np.ndarray:
    """(batch, n_queries, n_keys) bool as d2l's masked_softmax: key j is visible when j < valid_len.
    ``valid_lens`` is (batch,) one length per sequence, or (batch, n_queries) one per query."""
    lens = np.asarray(valid_lens)
    if lens.ndim == 1:
        lens = np.repeat(lens[:, None], n_queries, axis=1)
    return np.arange(n_keys)[None, None, :] < lens[:, :, None]


def split_heads(x: np.ndarray, heads: int) -> np.ndarray:
    """(..., N, d) -> (..., heads, N, d/heads), contiguous: head h takes channels h*dh ... (h+1)*dh - 1."""
    *lead, n, d = x.shape
    if d % heads:
        raise InputError("width {0} does not split into {1} heads evenly", d, heads)
    return np.ascontiguousarray(np.moveaxis(x.reshape(*lead, n, heads, d // heads), -2, -3))


def merge_heads(x: np.ndarray) -> np.ndarray:
    """(..., heads, N, dh) -> (..., N, heads*dh), the inverse of split_heads."""
    *lead, h, n, dh = x.shape
    return np.moveaxis(x, -3, -2).reshape(*lead, n, h * dh)


def scaled_dot_product(q, k, v, bias=None, mask=None, scaled: bool = True):
    """(outputs, weights) of softmax(q k^T / sqrt(d) + bias) v over the last two axes, in the dtype of q.

    ``mask`` is boolean, True = may attend; ``scaled=False`` drops the 1/sqrt(d) (as seed 001 does).
    The scale is applied to q (N x d multiplications, not N x N) and the softmax works in place."""
    if scaled:
        q = q * np.asarray(1.0 / np.sqrt(q.shape[-1]), dtype=q.dtype)
    logits = q @ np.swapaxes(k, -1, -2)
    if bias is not None:
        logits += bias
    if mask is not None:
        np.copyto(logits, -np.inf, where=~np.broadcast_to(mask, logits.shape))
    weights = softmax_inplace(logits)
    return weights @ v, weights


QUERY_ROWS = 256  # multi_head attends this many queries at a time: a (256, N) block of weights stays in cache


@cache
def _threads() -> ThreadPoolExecutor | None:
    """Threads for multi_head's independent pieces, one per core (None on one core). NumPy releases the
    GIL in them; unlike a multi-threaded BLAS, no thread spins waiting for another on a busy machine."""
    cores = os.cpu_count() or 1
    return ThreadPoolExecutor(cores, thread_name_prefix="multi_head") if cores > 1 else None


def _each(fn, items) -> list:
    """[fn(item) for item in items], spread over _threads()."""
    pool = _threads()
    return list(map(fn, items) if pool is None else pool.map(cancel.carried(fn), items))


def multi_head(x, w_q, w_k, w_v, heads: int, frequencies=None, layout: str = "interleaved",
               causal: bool = False):
    """(outputs (N, d), weights (heads, N, N)) of multi-head self-attention over x (N, d), with RoPE
    applied to each head's q and k when ``frequencies`` (head_dim/2 or fewer) is given. Keeps x's dtype.

    The projections, and then the heads, run on one thread per core. A head works QUERY_ROWS queries at a
    time, writing straight into the returned arrays, so that the softmax's passes run in cache."""
    n = x.shape[0]
    q, k, v = _each(lambda w: split_heads(x @ w, heads), (w_q, w_k, w_v))
    if frequencies is not None:
        from ..methods.rope import rotate
        positions = np.arange(n)
        q, k = _each(lambda t: rotate(t, positions, frequencies, layout), (q, k))
    q = q * np.asarray(1.0 / np.sqrt(q.shape[-1]), dtype=q.dtype)
    mask = causal_mask(n) if causal else None
    weights = np.empty((heads, n, n), dtype=q.dtype)
    out = np.empty_like(q)

    def attend(h):
        for start in range(0, n, QUERY_ROWS):
            cancel.check()
            rows = slice(start, start + QUERY_ROWS)
            block = weights[h, rows]
            np.matmul(q[h, rows], k[h].T, out=block)
            if mask is not None:
                np.copyto(block, -np.inf, where=~mask[rows])
            softmax_inplace(block)
            np.matmul(block, v[h], out=out[h, rows])
    _each(attend, range(heads))
    return merge_heads(out), weights
