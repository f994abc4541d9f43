"""StreamingLLM (Xiao et al. 2024): attention sinks and positions within the cache. A model generating past
its length keeps the first few tokens (the sinks, which soak up attention a softmax has to put somewhere) and
a rolling window of the latest ones, and drops the rest. Positions are given by place in the cache, not in the
text: keys are cached without rotation and turned by their slot, the query by its own (the last). As the
authors' code (mit-han-lab/streaming-llm: StartRecentKVCache.evict_for_space and the pos-shift Llama
attention): with ``sinks`` + ``window`` slots, the query itself being the newest of the window, a key in the
window keeps its true distance i - j, while a sink always looks as near as the window's far end, whatever
the real distance. Keys out of the cache (dropped, or after the query) are masked, causal switch or not."""

from __future__ import annotations

import numpy as np

from ..params import BASE, SEQ_LEN, Param
from ..registry import Attention, Entry, Method, Output, register
from .rope import inv_freq, rotate

SINKS = Param("sinks", "int", 4, "Sink tokens: the first tokens, always kept (start_size; the paper: 4)", 0, 1024,
              label="Sinks")
WINDOW = Param("window", "int", 8, "Recent tokens kept, the current one included (recent_size)", 1, 8192,
               label="Window")


def in_cache(seq_len: int, sinks: int = 4, window: int = 8) -> np.ndarray:
    """(N, N) bool: key j is in the cache when query i is decoded (a sink, or one of the last ``window``)."""
    i, j = np.indices((seq_len, seq_len))
    return (j <= i) & ((j < sinks) | (j > i - window))


def query_slot(seq_len: int, sinks: int = 4, window: int = 8) -> np.ndarray:
    """(N,) the cache position of query i: i until the cache is full, then its last slot, sinks + window - 1."""
    return np.minimum(np.arange(seq_len), sinks + window - 1)


def distances(seq_len: int, sinks: int = 4, window: int = 8) -> np.ndarray:
    """(N, N) int the distance the model sees from query i back to key j, in cache slots: i - j in the window,
    query slot - j for a sink, -1 for a key not in the cache."""
    i, j = np.indices((seq_len, seq_len))
    seen = np.where(j < sinks, query_slot(seq_len, sinks, window)[:, None] - j, i - j)
    seen[~in_cache(seq_len, sinks, window)] = -1
    return seen


def cache_positions(seq_len: int, sinks: int = 4, window: int = 8) -> np.ndarray:
    """(2, N) int each token's place in the text and its slot in the cache when the last token is decoded (-1 for
    a token dropped from it): sinks keep their slots, the window's tokens fill the slots after them."""
    seen = distances(seq_len, sinks, window)[-1]
    slot = np.where(seen >= 0, query_slot(seq_len, sinks, window)[-1] - seen, -1)
    slot[:min(sinks, seq_len)] = np.arange(min(sinks, seq_len))
    return np.stack([np.arange(seq_len), slot])


def rotated_logits(q: np.ndarray, k: np.ndarray, sinks: int, window: int, frequencies) -> np.ndarray:
    """(..., N, N) (R q_i) . (R k_j) with positions in the cache, -inf for keys out of it: window keys as plain
    RoPE (slots differ by i - j), sink columns from queries turned to their own slot."""
    n = q.shape[-2]
    positions = np.arange(n)
    k_turned = rotate(k, positions, frequencies, "half")
    logits = rotate(q, positions, frequencies, "half") @ np.swapaxes(k_turned, -1, -2)
    s = min(sinks, n)
    if s:
        shifted = rotate(q, query_slot(n, sinks, window), frequencies, "half")
        logits[..., :s] = shifted @ np.swapaxes(k_turned[..., :s, :], -1, -2)
    logits[..., ~in_cache(n, sinks, window)] = -np.inf
    return logits


def attention_scores(values: dict, q: np.ndarray, k: np.ndarray, scale: float) -> tuple:
    """In attention: content q.k and position part (the rotated score minus q.k), both scaled and both -inf
    for keys out of the cache; their sum is the rotated score."""
    frequencies = inv_freq(q.shape[-1], values["base"])
    turned = rotated_logits(q, k, values["sinks"], values["window"], frequencies) * scale
    content = q @ np.swapaxes(k, -1, -2) * scale
    content[..., ~in_cache(q.shape[-2], values["sinks"], values["window"])] = -np.inf
    with np.errstate(invalid="ignore"):
        position = turned - content
    position[np.isnan(position)] = -np.inf
    return content, position, ()


def _attention_bytes(values, n, heads, d_model):
    """Turned queries (twice) and keys, the two score tables and their difference, the masks."""
    return 8 * (3 * n * d_model + 3 * heads * n * n + 4 * n * n)


register(Method(
    name="streaming",
    title="StreamingLLM (attention sinks)",
    family="rotary",
    citation="Xiao, Tian, Chen, Han and Lewis 2024, Efficient Streaming Language Models with Attention Sinks "
             "(arXiv:2309.17453); github.com/mit-han-lab/streaming-llm",
    summary="A cache of the first tokens (sinks) and a rolling window; RoPE positions count slots in the cache, "
            "so sinks always look near.",
    params=(SEQ_LEN, SINKS, WINDOW, BASE),
    outputs={"distances": Output(distances, lambda seq_len, **_: (seq_len, seq_len),
                                 params=("seq_len", "sinks", "window"),
                                 peak=lambda seq_len, **_: 8 * 8 * seq_len ** 2),  # index grids twice, masks
             "positions": Output(cache_positions, lambda seq_len, **_: (2, seq_len), params=("seq_len", "sinks", "window"),
                                 peak=lambda seq_len, **_: 8 * 9 * seq_len ** 2)},  # distances' and the result
    attention=Attention(Entry.SCORE, scores=attention_scores, own_bytes=_attention_bytes),
))
