"""Toy self-attention with a method applied: ``attention_for`` puts any registered method into attention over
seeded token embeddings the way the method enters a Transformer (added to the input, rotating q and k, a bias on
the logits, or scores of its own), keeps what a changed setting does not touch, and predicts its memory peak."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from threading import Lock

import numpy as np

from .. import cancel, registry
from ..params import InputError
from ..tokens import toy_embeddings
from .bounded_cache import cached_up_to
from .operations import causal_mask, merge_heads, softmax_inplace, softmax_with_sinks_inplace, split_heads


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
    8 MB: toggling causal or retyping the tokens leaves the encoding or bias as it was (resizing a learned table
    to a new width is not free)."""
    return _computed_cached(method_name, kind, tuple(sorted(values.items())))


@cached_up_to(COMPUTED_CACHE_BYTES, entries=8)
def _computed_cached(method_name: str, kind: str, items: tuple) -> np.ndarray:
    return np.array(registry.get(method_name).compute(kind, dict(items)))  # a copy: the method may keep its own


@cached_up_to(EMBEDDINGS_CACHE_BYTES, entries=4)
def _embeddings(tokens: tuple, width: int, seed: int) -> np.ndarray:
    """Toy embeddings (N, width) of attention_for, kept (read-only) for the last 4 token lists up to 4 MB (each
    token seeds a generator of its own, which costs more than the cache's lookup)."""
    return toy_embeddings(list(tokens), width, seed)


PROJECTION_BLOCK_BYTES = 32 * 2**20  # a block of the projections drawn past the bank, float32 and float64
PROJECTION_BANK = 768  # widths up to this (4 heads x 192, the widest default d_model) come from one bank


_drawn_ahead: dict[int, list[np.ndarray]] = {}  # seed -> the bank's three matrices drawn ahead, until it is made
_drawn_ahead_lock = Lock()  # the worker thread may make the bank while the GUI thread draws it ahead


@cached_up_to(16 * 2**20, entries=1)
def _projection_bank(seed: int) -> np.ndarray:
    """(3, PROJECTION_BANK, PROJECTION_BANK) standard normals for ``seed`` (float64, 14 MB), read-only: the
    projections of every width up to PROJECTION_BANK are its top-left blocks, used in place. A new width
    then draws, casts and copies nothing (most of drawing a new width's was the first touch of fresh memory;
    figures in benchmarks/README.md), and widening the model keeps the narrower model's weights,
    so the picture changes smoothly with d_model. Drawn in float32 (twice as fast as float64), or taken from
    the matrices ``drawing_projection_bank`` drew ahead."""
    with _drawn_ahead_lock:
        drawn = _drawn_ahead.pop(seed, None)
    if drawn is not None:
        return np.array(drawn, dtype=np.float64)
    shape = (3, PROJECTION_BANK, PROJECTION_BANK)
    return np.random.default_rng(seed + 7).standard_normal(shape, dtype=np.float32).astype(np.float64)


def drawing_projection_bank(seed: int = 0):
    """Make the projection bank of ``seed`` ahead of the first ``attention_for``, a part a step (a generator, for a
    caller with short slices of idle time): NumPy's random module and the generator, each of the three matrices,
    then the bank from them, kept as ``attention_for`` keeps it. One generator draws the matrices in turn, the
    numbers one draw of all three gives (its stream does not depend on how the draws are cut)."""
    if _projection_bank.holds(seed):
        return
    rng = np.random.default_rng(seed + 7)
    drawn = []
    for _matrix in range(3):
        yield
        drawn.append(rng.standard_normal((PROJECTION_BANK, PROJECTION_BANK), dtype=np.float32))
    yield
    if not _projection_bank.holds(seed):  # the window may have needed it meanwhile
        with _drawn_ahead_lock:
            _drawn_ahead[seed] = drawn
        _projection_bank(seed)


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
