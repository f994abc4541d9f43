"""CoPE, contextual position encoding (Golovneva et al. 2024): positions are counted, not given. Query i opens
a gate g_ij = sigmoid(q_i . k_j) on every key it may see, and the position of key j is the sum of the gates
from j up to i: a head whose gates open only on, say, sentence ends counts sentences. A position may be
fractional, so its embedding is interpolated between the two whole positions around it, and the logit gains
q_i . e[p_ij]. As the paper's listing: the gates take the scaled logits with the causal mask (a later key has
gate 0, so the count always runs from j to i: the paper's models are decoders), positions are clamped at
npos_max - 1, and the position term is added unscaled. The embeddings e, learned in the paper (from zeros),
are seeded draws here, N(0, 1/head_dim) so that q . e is about as large as a scaled logit."""

from __future__ import annotations

import numpy as np

from ..params import HEADS, SEED, SEQ_LEN, Param
from ..registry import Attention, Entry, Method, Output, register

NPOS_MAX = Param("npos_max", "int", 64, "Largest position counted (positions are clamped at npos_max - 1), one "
                 "embedding per whole position", 2, 8192, label="Positions")
HEAD_DIM = Param("head_dim", "int", 16, "Width of each head's queries, keys and position embeddings", 1, 512,
                 label="Head width")


def embeddings(npos_max: int, head_dim: int, seed: int = 0) -> np.ndarray:
    """(head_dim, npos_max) seeded stand-ins for the learned position embeddings e[0] ... e[npos_max - 1]."""
    return np.random.default_rng(seed).standard_normal((head_dim, npos_max)) / np.sqrt(head_dim)


def gate_logits(q: np.ndarray, k: np.ndarray, scale: float) -> np.ndarray:
    """(..., N, N) the scaled logits q.k with the causal mask's log added: -inf for the keys after the query."""
    logits = q @ np.swapaxes(k, -1, -2) * scale
    n = logits.shape[-1]
    logits[..., ~np.tril(np.ones((n, n), dtype=bool))] = -np.inf
    return logits


def positions(logits: np.ndarray, npos_max: int) -> np.ndarray:
    """(..., N, N) p_ij = sum of sigmoid(logits_ik) over k >= j (the gates from key j onwards; masked ones are
    0), clamped at npos_max - 1."""
    gates = np.negative(logits)
    np.exp(gates, out=gates)
    gates += 1
    np.reciprocal(gates, out=gates)
    out = np.cumsum(gates[..., ::-1], axis=-1)[..., ::-1]
    return np.minimum(out, npos_max - 1, out=out)


def position_logits(q: np.ndarray, logits: np.ndarray, table: np.ndarray) -> np.ndarray:
    """(..., N, N) q_i . e[p_ij], the embedding interpolated between the whole positions below and above p_ij:
    q_i . e[ceil p] w + q_i . e[floor p] (1 - w), w = p - floor p (the product taken first, as the paper does)."""
    pos = positions(logits, table.shape[1])
    whole = q @ table                                      # (..., N, npos_max)
    floor = np.floor(pos)
    w = pos - floor
    low = np.take_along_axis(whole, floor.astype(np.intp), axis=-1)
    high = np.take_along_axis(whole, np.ceil(pos).astype(np.intp), axis=-1)
    high *= w
    np.subtract(1, w, out=w)
    low *= w
    high += low
    return high


def seeded_queries_and_keys(seq_len: int, heads: int, head_dim: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """(q, k), each (heads, N, head_dim) N(0, 1), seeded apart from the embeddings."""
    q, k = np.random.default_rng(seed + 1).standard_normal((2, heads, seq_len, head_dim))
    return q, k


def bias(seq_len: int, heads: int = 8, npos_max: int = 64, head_dim: int = 16, seed: int = 0) -> np.ndarray:
    """(heads, N, N) the position term q_i . e[p_ij] for seeded queries and keys: it depends on them."""
    q, k = seeded_queries_and_keys(seq_len, heads, head_dim, seed)
    return position_logits(q, gate_logits(q, k, 1 / np.sqrt(head_dim)), embeddings(npos_max, head_dim, seed))


def last_query_positions(seq_len: int, heads: int = 8, npos_max: int = 64, head_dim: int = 16,
                         seed: int = 0) -> np.ndarray:
    """(heads, N) the contextual position p of every key as the last query counts it, for the seeded queries and
    keys of ``bias``: fractional, clamped at npos_max - 1."""
    q, k = seeded_queries_and_keys(seq_len, heads, head_dim, seed)
    last = q[:, -1:] @ np.swapaxes(k, -1, -2) / np.sqrt(head_dim)  # the last query sees every key: nothing masked
    return positions(last, npos_max)[:, 0]


def _bias_peak(seq_len, heads, npos_max, head_dim, **_):
    """Queries and keys, the embeddings, the products with them, and at most nine (heads, N, N) tables (logits,
    gates, their sum, floor, fraction, two indices, two looked-up logits) with the causal mask."""
    return 8 * (heads * seq_len * (2 * head_dim + npos_max) + head_dim * npos_max + 9 * heads * seq_len ** 2
                + seq_len ** 2)


def attention_scores(values: dict, q: np.ndarray, k: np.ndarray, scale: float) -> tuple:
    """In attention: the content q.k (scaled), and the position term from the gates of those scaled logits."""
    content = q @ np.swapaxes(k, -1, -2) * scale
    table = embeddings(values["npos_max"], q.shape[-1], values["seed"])
    return content, position_logits(q, gate_logits(q, k, scale), table), ()


def _attention_bytes(values, n, heads, d_model):
    """The gates' logits and the eight tables of position_logits beside attention's own, the products with the
    embeddings and the embeddings."""
    head_dim = d_model // heads
    return 8 * (9 * heads * n * n + n * n + heads * n * values["npos_max"] + head_dim * values["npos_max"])


register(Method(
    name="cope",
    title="CoPE (contextual)",
    family="relative",
    citation="Golovneva, Wang, Weston and Sukhbaatar 2024, Contextual Position Encoding: Learning to Count What's "
             "Important (arXiv:2405.18719), its listing",
    summary="Gates sigmoid(q.k) are summed from each key up to the query: a position counts what the head "
            "chooses, fractional, its embedding interpolated (seeded).",
    params=(SEQ_LEN, HEADS, NPOS_MAX, HEAD_DIM, SEED),
    outputs={"bias": Output(bias, lambda seq_len, heads, **_: (heads, seq_len, seq_len), peak=_bias_peak),
             "positions": Output(last_query_positions, lambda seq_len, heads, **_: (heads, seq_len),
                                 peak=lambda seq_len, heads, head_dim, **_: 8 * heads * seq_len * (2 * head_dim + 4))},
    attention=Attention(Entry.SCORE, scores=attention_scores, own_bytes=_attention_bytes),
))
