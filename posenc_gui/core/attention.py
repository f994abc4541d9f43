"""Self-attention in NumPy: softmax, masks, multi-head split and merge, scaled dot-product attention,
and ``attention_for``, which applies any registered method to toy token embeddings the way that
method enters a Transformer (added to the input, rotating q and k, or biasing the logits)."""

from __future__ import annotations

import os
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache, cached_property, wraps
from threading import Lock

import numpy as np

from . import cancel, registry
from .params import InputError
from .tokens import toy_embeddings


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
        from .methods.rope import rotate
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


@dataclass(frozen=True)
class AttentionResult:
    """One forward pass of toy self-attention with a method applied. Every array is (heads, N, N)
    except ``outputs`` (N, d). ``content`` is the logit part that comes from the tokens alone,
    ``position`` the part that comes from positions alone (see attention_for), ``logits`` the total;
    ``mask`` (N, N), True = may attend, or None. ``sinks`` (heads,) are the logits of a method's sinks (one more
    key in every softmax, dropped after it) and ``sink_weights`` (heads, N) the weight each query gives them:
    the weights of a query's row sum to 1 minus it. Both None for a method without sinks."""

    tokens: list
    how: str
    logits: np.ndarray
    content: np.ndarray
    position: np.ndarray
    weights: np.ndarray
    outputs: np.ndarray
    mask: np.ndarray | None = None
    sinks: np.ndarray | None = None
    sink_weights: np.ndarray | None = None

    # The softmax of each part alone (with the sinks, which are in every softmax), computed when first read (a
    # view that does not draw them saves two softmaxes); float32, as they are only drawn.
    @cached_property
    def content_parts(self) -> tuple[np.ndarray, np.ndarray | None]:
        """(weights, sink weights or None) of the content logits alone."""
        return _masked_softmax(self.content, self.mask, np.float32, self.sinks)

    @cached_property
    def position_parts(self) -> tuple[np.ndarray, np.ndarray | None]:
        """(weights, sink weights or None) of the position logits alone."""
        return _masked_softmax(self.position, self.mask, np.float32, self.sinks)

    @property
    def content_weights(self) -> np.ndarray:
        return self.content_parts[0]

    @property
    def position_weights(self) -> np.ndarray:
        return self.position_parts[0]


def how_applied(method) -> registry.Entry:
    """How a method enters attention, as it declares (registry.Attention): added to the input, rotating q
    and k, a bias on the logits, or scores computed from q and k."""
    if method.attention is None:
        raise InputError("{0} has no way into attention", method.name)
    return method.attention.entry


def attention_for(method_name: str, params: dict, tokens: list, heads: int = 4, causal: bool = False,
                  seed: int = 0, d_model: int = 64, dtype=np.float64) -> AttentionResult:
    """Toy self-attention over ``tokens`` (seeded embeddings, seeded projections) with ``method_name``
    applied with ``params``. The width is the encoding's for added encodings, heads x the
    method's d_model for rotary ones (there d_model is the per-head width), and ``d_model`` otherwise.
    The logits are float64; the softmax, the weights and the outputs are in ``dtype`` (float32 for
    drawing: half the softmax's time).

    position part: add: the encoding-encoding term (P W_q)(P W_k)^T; rotate: the rotated score of
    identical tokens (all-ones q and k); bias: the bias; score: as the method's scores give it (Shaw:
    q_i . a^K_ij; Transformer-XL: (b) + (d))."""
    method = registry.get(method_name)
    n = len(tokens)
    if n < 1:
        raise InputError("type at least one token")
    values = {p.name: params.get(p.name, p.default) for p in method.params}
    if "seq_len" in values:
        values["seq_len"] = n
    if "heads" in values:
        values["heads"] = heads
    need, budget = attention_peak(method, values, n, heads, d_model), registry.memory_budget()
    if need > budget:
        raise InputError("attention over {0} tokens with {1} and {2} heads needs {3} at its peak, over the memory "
                         "budget of {4}", n, method.name, heads, registry.format_bytes(need),
                         registry.format_bytes(budget))
    how, logits, content, position, v, extra_values = _scores(
        method.name, tuple(sorted(values.items())), tuple(tokens), heads, seed, d_model)
    mask = causal_mask(n) if causal else None
    sinks = None if method.attention.sinks is None else method.attention.sinks(values, heads)
    sinks = None if sinks is None else np.asarray(sinks, float)
    weights, sink_weights = _masked_softmax(logits, mask, dtype, sinks)
    out = weights @ v.astype(dtype, copy=False)
    if extra_values:
        out = out + method.attention.value_term(weights, *extra_values)
    return AttentionResult(list(tokens), how, logits, content, position, weights, merge_heads(out), mask, sinks,
                           sink_weights)


SCORES_CACHE_BYTES, COMPUTED_CACHE_BYTES, EMBEDDINGS_CACHE_BYTES = 16 * 2**20, 8 * 2**20, 4 * 2**20
CACHE_BYTES = SCORES_CACHE_BYTES + COMPUTED_CACHE_BYTES + EMBEDDINGS_CACHE_BYTES

def attention_peak(method, values: dict, n: int, heads: int, d_model: int = 64) -> int:
    """Bytes ``attention_for`` holds at its peak for ``n`` tokens: its tables of tokens and of scores, the
    method's own encoding or bias (computed, then copied), the projections (the bank, or one block of them
    beyond it as well), and what the caches may keep from earlier calls."""
    entry, how = method.attention, how_applied(method)
    width, own = d_model, 0
    if how in (registry.Entry.ADD, registry.Entry.BIAS):
        kind = "encoding" if how is registry.Entry.ADD else "bias"
        resolved = method.resolve(kind, _only(method, kind, values))
        own = method.peak_bytes(kind, resolved) + method.nbytes(kind, resolved)
        if how is registry.Entry.ADD:
            width = method.output(kind).shape(**resolved)[1]
    elif how is registry.Entry.ROTATE:
        width = values["d_model"] * heads
    if entry.own_bytes is not None:
        own += entry.own_bytes(values, n, heads, d_model)
    projections = 12 * 3 * PROJECTION_BANK ** 2 + (PROJECTION_BLOCK_BYTES if width > PROJECTION_BANK else 0)
    return (8 * n * width * entry.token_tables + 8 * heads * n * n * entry.score_tables + own + projections
            + CACHE_BYTES + registry.SMALL_BYTES)


def cached_up_to(limit: int, entries: int):
    """Like ``functools.lru_cache(entries)``, but also bounded by bytes: keeps the most recently used results
    while their arrays take ``limit`` bytes or less in all (a larger result is returned, not kept). Results
    are arrays, or tuples of arrays and other values; the kept arrays are made read-only. Thread-safe (the
    window may fetch in a worker thread)."""
    def decorate(fn):
        kept: OrderedDict = OrderedDict()
        lock = Lock()

        @wraps(fn)
        def cached(*args):
            with lock:
                if args in kept:
                    kept.move_to_end(args)
                    return kept[args]
            result = fn(*args)
            if _nbytes(result) <= limit:
                _freeze(result)
                with lock:
                    kept[args] = result
                    while len(kept) > entries or sum(_nbytes(value) for value in kept.values()) > limit:
                        kept.popitem(last=False)
            return result
        cached.cache_clear = kept.clear
        return cached
    return decorate


def _nbytes(value) -> int:
    if isinstance(value, np.ndarray):
        return value.nbytes
    return sum(map(_nbytes, value)) if isinstance(value, tuple) else 0


def _freeze(value) -> None:
    if isinstance(value, np.ndarray):
        value.setflags(write=False)
    elif isinstance(value, tuple):
        for item in value:
            _freeze(item)


@cached_up_to(SCORES_CACHE_BYTES, entries=1)
def _scores(method_name: str, items: tuple, tokens: tuple, heads: int, seed: int, d_model: int) -> tuple:
    """(how, logits, content, position, v, value parts for the method's value term or ()) of attention_for, everything before the
    mask and the softmax; read-only, kept while small: toggling causal, or a view asking again, recomputes
    only the softmax (the last call's; 13 MB at 256 tokens x 8 heads)."""
    method = registry.get(method_name)
    values = dict(items)
    n = len(tokens)
    how = how_applied(method)
    width = d_model
    encoding = None
    if how is registry.Entry.ADD:
        encoding = _computed(method.name, "encoding", _only(method, "encoding", values))
        if encoding.shape[0] < n:
            raise InputError("{0} gives {1} positions; the text has {2} tokens", method.name, encoding.shape[0], n)
        encoding = encoding[:n]
        width = encoding.shape[1]
    elif how is registry.Entry.ROTATE:
        width = values["d_model"] * heads
    if width % heads:
        raise InputError("width {0} does not split into {1} heads evenly", width, heads)
    head_dim = width // heads
    x = _embeddings(tokens, width, seed)
    gain = 1.0 / np.sqrt(width)  # the projections' scale, applied to the (few) rows they project
    products = _projected([x] if how is not registry.Entry.ADD else [x, encoding, x + encoding], width, seed)

    def heads_of(product):
        return split_heads(product * gain, heads)

    q, k, v = map(heads_of, products[0])
    scale = 1.0 / np.sqrt(head_dim)
    value_parts = ()
    if how is registry.Entry.SCORE:
        content, position, value_parts = method.attention.scores(values, q, k, scale)
        return how, content + position, content, position, v, value_parts
    content = q @ np.swapaxes(k, -1, -2) * scale
    if how is registry.Entry.ADD:
        pq, pk = map(heads_of, products[1][:2])
        position = pq @ np.swapaxes(pk, -1, -2) * scale
        xq, xk, v = map(heads_of, products[2])
        logits = xq @ np.swapaxes(xk, -1, -2) * scale
    elif how is registry.Entry.ROTATE:
        logits, position = _rotated(method.attention.rotation(values, np.arange(n), head_dim), q, k, scale)
    else:
        position = _computed(method.name, "bias", _only(method, "bias", values))
        logits = content + position
    return how, logits, content, position, v, value_parts


def _only(method, kind, values):
    names = {p.name for p in method.params_for(kind)}
    return {k: v for k, v in values.items() if k in names}


def _computed(method_name: str, kind: str, values: dict) -> np.ndarray:
    """``registry.get(method_name).compute(kind, values)``, kept (read-only) for the last 8 parameter sets up to
    8 MB: toggling causal or retyping the tokens leaves the encoding or bias as it was (a learned table
    resized to a new width takes tens of milliseconds)."""
    return _computed_cached(method_name, kind, tuple(sorted(values.items())))


@cached_up_to(COMPUTED_CACHE_BYTES, entries=8)
def _computed_cached(method_name: str, kind: str, items: tuple) -> np.ndarray:
    return np.array(registry.get(method_name).compute(kind, dict(items)))  # a copy: the method may keep its own


@cached_up_to(EMBEDDINGS_CACHE_BYTES, entries=4)
def _embeddings(tokens: tuple, width: int, seed: int) -> np.ndarray:
    """Toy embeddings (N, width) of attention_for, kept (read-only) for the last 4 token lists up to 4 MB (a
    generator per token: 25 ms for 256 tokens)."""
    return toy_embeddings(list(tokens), width, seed)


PROJECTION_BLOCK_BYTES = 32 * 2**20  # a block of the projections drawn past the bank, float32 and float64
PROJECTION_BANK = 768  # widths up to this (4 heads x 192, the widest default d_model) come from one bank


@cached_up_to(16 * 2**20, entries=1)
def _projection_bank(seed: int) -> np.ndarray:
    """(3, PROJECTION_BANK, PROJECTION_BANK) standard normals for ``seed`` (float64, 14 MB), read-only: the
    projections of every width up to PROJECTION_BANK are its top-left blocks, used in place. A new width
    then draws, casts and copies nothing (a rotary method's width, 4 heads x d_model, took 10-45 ms, most
    of it the first touch of fresh memory), and widening the model keeps the narrower model's weights,
    so the picture changes smoothly with d_model. Drawn in float32 (twice as fast as float64)."""
    shape = (3, PROJECTION_BANK, PROJECTION_BANK)
    return np.random.default_rng(seed + 7).standard_normal(shape, dtype=np.float32).astype(np.float64)


def _projected(inputs: list, width: int, seed: int) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """(x W_q, x W_k, x W_v) of each x (N, width) in ``inputs``, with attention_for's seeded standard-normal
    projections (3, width, width), to be scaled by 1/sqrt(width) where used (a scaled copy of the weights
    would cost what the bank saves). Up to the bank's width they are a view of ``_projection_bank``; beyond,
    the same draws a (3, width, width) array would hold, made a block of rows at a time within
    PROJECTION_BLOCK_BYTES and used at once, never kept (a rotary method's width is heads x d_model: a
    (3, 8192, 8192) draw for d_model 2048 held 2.3 GiB). The blocks are large because each one adds into
    every product: the fewer the blocks, the fewer the passes over the products."""
    if width <= PROJECTION_BANK:
        bank = _projection_bank(seed)
        return [tuple(x @ bank[m, :width, :width] for m in range(3)) for x in inputs]
    rng = np.random.default_rng(seed + 7)
    sums = [np.zeros((3, x.shape[0], width)) for x in inputs]
    step = max(1, PROJECTION_BLOCK_BYTES // (12 * width))   # each row drawn in float32, then made float64
    for m in range(3):
        for start in range(0, width, step):
            cancel.check()
            rows = slice(start, min(start + step, width))
            block = rng.standard_normal((rows.stop - start, width), dtype=np.float32).astype(np.float64)
            for x, total in zip(inputs, sums):
                total[m] += x[:, rows] @ block
    return [tuple(total) for total in sums]


def _masked_softmax(logits, mask, dtype=np.float64, sinks=None):
    """(weights, sink weights or None): softmax in ``dtype`` with masked-out keys at -inf, and with a sink logit
    per head (``sinks``, (heads,)) when given: one copy of the logits, then in place."""
    scores = logits.astype(dtype)
    if mask is not None:
        np.copyto(scores, -np.inf, where=~mask)
    if sinks is None:
        return softmax_inplace(scores), None
    return softmax_with_sinks_inplace(scores, np.reshape(sinks, (-1, 1, 1)))


def _rotated(turn, q, k, scale):
    """Logits of rotated q and k per head (``turn`` from the method's rotation), and the same for identical
    all-ones tokens."""
    ones = np.ones(q.shape[-2:])
    logits = turn(q) @ np.swapaxes(turn(k, True), -1, -2) * scale
    position = (turn(ones) @ turn(ones, True).T * scale)[None].repeat(q.shape[0], axis=0)
    return logits, position
