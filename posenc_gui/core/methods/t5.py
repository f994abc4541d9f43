"""T5 relative attention bias (Raffel et al. 2020): relative distances binned into log-spaced buckets,
one learned scalar per (bucket, head), shared by all layers, added to the logits."""

from __future__ import annotations

import numpy as np

from .. import cancel
from ..params import CAUSAL, HEADS, SEED, SEQ_LEN, InputError, Param
from ..registry import BIASED, Method, Output, block_bytes, register, rows_per_chunk

NUM_BUCKETS = Param("num_buckets", "int", 32, "Number of buckets (halved per direction when bidirectional)",
                    2, 1024, label="Buckets")
MAX_DISTANCE = Param("max_distance", "int", 128, "Distances from here on share the last bucket",
                     2, 1_000_000, label="Max distance")


def relative_position_bucket(relative_position, bidirectional: bool = True, num_buckets: int = 32,
                             max_distance: int = 128) -> np.ndarray:
    """Bucket of each ``relative_position = key - query`` (int array), as T5's
    ``_relative_position_bucket``: exact buckets for small distances, logarithmic ones up to
    ``max_distance``. Bidirectional: half the buckets for keys after the query. Causal: keys after
    the query fall in bucket 0."""
    rel = np.asarray(relative_position, dtype=np.int64)
    offset = np.zeros_like(rel)
    if bidirectional:
        num_buckets //= 2
        offset = np.where(rel > 0, num_buckets, 0)
        r = np.abs(rel)
    else:
        r = -np.minimum(rel, 0)
    max_exact = num_buckets // 2
    with np.errstate(divide="ignore"):
        log_ratio = np.log(np.maximum(r, 1) / max_exact) / np.log(max_distance / max_exact)
    large = max_exact + (log_ratio * (num_buckets - max_exact)).astype(np.int64)
    large = np.minimum(large, num_buckets - 1)
    return offset + np.where(r < max_exact, r, large)


BUCKET_TEMPORARIES = 8  # arrays of the size of its input relative_position_bucket holds at once, at the most


def buckets(seq_len: int, causal: bool = False, num_buckets: int = 32, max_distance: int = 128) -> np.ndarray:
    """(N, N) int: [i, j] is the bucket of key j seen from query i. Computed a block of queries at a time, so
    that the bucketing's temporaries stay within CHUNK_BYTES beside the result."""
    out = np.empty((seq_len, seq_len), dtype=np.int64)
    for rows, offsets in _query_blocks(seq_len, BUCKET_TEMPORARIES):
        out[rows] = relative_position_bucket(offsets, not causal, num_buckets, max_distance)
    return out


def _query_blocks(seq_len: int, tables: int):
    """(rows, key - query offsets of those rows) for blocks of queries each holding ``tables`` tables of their
    offsets' size within CHUNK_BYTES."""
    pos = np.arange(seq_len)
    step = rows_per_chunk(8 * tables * seq_len)
    for start in range(0, seq_len, step):
        cancel.check()
        yield slice(start, start + step), pos[None, :] - pos[start:start + step, None]


def random_table(num_buckets: int, heads: int, seed: int = 0) -> np.ndarray:
    """(num_buckets, heads) seeded stand-in for the learned bias table (N(0, 1) scaled by 1/2)."""
    return 0.5 * np.random.default_rng(seed).standard_normal((num_buckets, heads))


def bias(seq_len: int, heads: int = 8, causal: bool = False, num_buckets: int = 32, max_distance: int = 128,
         seed: int = 0) -> np.ndarray:
    """(heads, N, N) the bias each head adds to its logits: table[bucket(j - i), head], a block of queries at
    a time (as ``buckets``)."""
    table = random_table(num_buckets, heads, seed).T.copy()   # (heads, buckets): each head's row is contiguous
    out = np.empty((heads, seq_len, seq_len))
    for rows, offsets in _query_blocks(seq_len, BUCKET_TEMPORARIES + heads):
        out[:, rows] = table[:, relative_position_bucket(offsets, not causal, num_buckets, max_distance)]
    return out


def _peak(seq_len, heads, result_tables, num_buckets):
    """The result, one block of queries (bucketing's temporaries and, for the bias, every head's values) and
    the bias table (drawn, then copied head by head)."""
    return (8 * result_tables * seq_len ** 2 + block_bytes(seq_len, 8 * (BUCKET_TEMPORARIES + heads) * seq_len)
            + 16 * heads * num_buckets)


def _check(num_buckets, max_distance, causal, **_):
    per_side = num_buckets if causal else num_buckets // 2
    if per_side // 2 < 1:
        raise InputError("num_buckets {0} is too small: at least {1} are needed", num_buckets, 2 if causal else 4)
    if max_distance <= per_side // 2:
        raise InputError("max_distance must exceed the {0} exact buckets, not {1}", per_side // 2, max_distance)


register(Method(
    name="t5",
    title="T5 relative bias",
    family="bias",
    citation="Raffel et al. 2020, Exploring the Limits of Transfer Learning (arXiv:1910.10683)",
    summary="Distances j - i fall into log-spaced buckets; each head learns one bias per bucket.",
    params=(SEQ_LEN, HEADS, CAUSAL, NUM_BUCKETS, MAX_DISTANCE, SEED),
    outputs={
        "buckets": Output(buckets, lambda seq_len, **_: (seq_len, seq_len),
                          params=("seq_len", "causal", "num_buckets", "max_distance"),
                          peak=lambda seq_len, **_: _peak(seq_len, 0, 1, 0)),
        "bias": Output(bias, lambda seq_len, heads, **_: (heads, seq_len, seq_len),
                       peak=lambda seq_len, heads, num_buckets, **_: _peak(seq_len, heads, heads, num_buckets)),
    },
    check=_check,
    tags=("bias",),
    attention=BIASED,
))
