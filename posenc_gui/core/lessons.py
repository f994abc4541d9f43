"""The numbers behind the four guided lessons on attention:

- the seed-001 walkthrough step by step (exact, as the article rounded it, and with the 1/sqrt(d) scale),
  and which cells produce a chosen result cell;
- multi-head attention as d2l writes it: ``transpose_qkv`` / ``transpose_output``, ``valid_lens`` masks,
  per-head weights, concatenation and the output projection W_o;
- why order matters: without a position signal, reordered words give the same output rows reordered;
- the relative property: PE(p+k) = M(k) PE(p), constant diagonals of PE PE^T, and RoPE scores that depend
  only on m - n.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import walkthrough
from .analysis import shift_matrix, similarity
from .attention import attention_for, scaled_dot_product, softmax, valid_lens_mask
from .methods import rope, sinusoidal
from .params import InputError
from .tokens import tokenize

# -- 1. the seed-001 walkthrough --------------------------------------------------------------------

WALKTHROUGH_STEPS = ("inputs", "weights", "projections", "scores", "softmax", "weighted", "sum", "outputs")


@dataclass(frozen=True)
class WalkthroughStep:
    """What one step of the walkthrough shows: ``panels`` [(name, 2-D array)] in reading order,
    ``results`` the names of the panels whose cells can be chosen, ``selected`` (panel, row, column)
    and ``sources`` [(panel, "row" | "column" | "cell", index)] that produce the selected cell."""

    name: str
    panels: tuple
    results: tuple[str, ...]
    selected: tuple[str, int, int] | None
    sources: tuple


def walkthrough_arrays(scaled: bool = False) -> dict[str, np.ndarray]:
    """Every array of the walkthrough: the exact trace (``scores`` are q.k; ``logits`` are scores, or
    scores / sqrt(d) when ``scaled``; ``weights`` = softmax(logits)), ``weighted`` (query, key, channel)
    = weights[i, j] * values[j], ``exp`` = e^logits, and the article's hand-rounded ``article_weights``
    and ``article_outputs`` (always unscaled, as in the article)."""
    exact = walkthrough.trace()
    article = walkthrough.trace(rounded=True)
    d = exact["keys"].shape[1]
    logits = exact["scores"] / np.sqrt(d) if scaled else exact["scores"].copy()
    weights = softmax(logits)
    arrays = dict(exact)
    arrays.update(logits=logits, exp=np.exp(logits), weights=weights, outputs=weights @ exact["values"],
                  weighted=weights[:, :, None] * exact["values"][None, :, :],
                  article_weights=article["weights"], article_outputs=article["outputs"])
    return arrays


def walkthrough_step(step: int, scaled: bool = False, query: int = 0,
                     selected: tuple[str, int, int] | None = None) -> WalkthroughStep:
    """Step ``step`` (index into WALKTHROUGH_STEPS) with the cell ``selected`` (panel, row, column)
    chosen; an unknown panel or out-of-range cell falls back to cell (0, 0) of the step's first result.
    ``query`` is the input whose weighted values and sum steps 6 and 7 follow."""
    if not 0 <= step < len(WALKTHROUGH_STEPS):
        raise InputError("the walkthrough has steps 0 to {0}, not {1}", len(WALKTHROUGH_STEPS) - 1, step)
    a = walkthrough_arrays(scaled)
    query = min(max(int(query), 0), a["x"].shape[0] - 1)
    logit_name = "logits" if scaled else "scores"
    name = WALKTHROUGH_STEPS[step]
    panels, results = {
        "inputs": ((("x", a["x"]),), ()),
        "weights": ((("w_key", a["w_key"]), ("w_query", a["w_query"]), ("w_value", a["w_value"])), ()),
        "projections": ((("x", a["x"]), ("w_key", a["w_key"]), ("w_query", a["w_query"]),
                         ("w_value", a["w_value"]), ("keys", a["keys"]), ("queries", a["queries"]),
                         ("values", a["values"])), ("keys", "queries", "values")),
        "scores": ((("queries", a["queries"]), ("keys", a["keys"]), ("scores", a["scores"]))
                   + ((("logits", a["logits"]),) if scaled else ()), ("scores",) + (("logits",) if scaled else ())),
        "softmax": (((logit_name, a[logit_name]), ("weights", a["weights"]), ("article_weights", a["article_weights"])),
                    ("weights",)),
        "weighted": ((("weights", a["weights"]), ("values", a["values"]), ("weighted", a["weighted"][query])),
                     ("weighted",)),
        "sum": ((("weighted", a["weighted"][query]), ("output", a["outputs"][query:query + 1])), ("output",)),
        "outputs": ((("weights", a["weights"]), ("values", a["values"]), ("outputs", a["outputs"]),
                     ("article_outputs", a["article_outputs"])), ("outputs",)),
    }[name]
    shapes = dict(panels)
    if results:
        if selected is None or selected[0] not in results or not (
                0 <= selected[1] < shapes[selected[0]].shape[0] and 0 <= selected[2] < shapes[selected[0]].shape[1]):
            selected = (results[0], 0, 0)
        sources = cell_sources(selected[0], selected[1], selected[2], query, logit_name)
    else:
        selected, sources = None, ()
    return WalkthroughStep(name, panels, results, selected, sources)


def cell_sources(panel: str, row: int, col: int, query: int = 0, logit_name: str = "scores") -> tuple:
    """The rows, columns or cells that cell (row, col) of result ``panel`` is made from, as
    (panel, "row" | "column" | "cell", index): keys[i, j] = x_i . W_key[:, j]; scores[i, j] = q_i . k_j
    (logits[i, j] = scores[i, j] / sqrt(d));
    weights row i = softmax of logits row i; weighted (for ``query``) [j, c] = weights[query, j] * values[j, c];
    output[c] = sum_j weighted[j, c]; outputs[i, c] = weights_i . values[:, c]."""
    projection = {"keys": "w_key", "queries": "w_query", "values": "w_value"}
    if panel in projection:
        return (("x", "row", row), (projection[panel], "column", col))
    if panel == "scores":
        return (("queries", "row", row), ("keys", "row", col))
    if panel == "logits":
        return (("queries", "row", row), ("keys", "row", col), ("scores", "cell", (row, col)))
    if panel == "weights":
        return ((logit_name, "row", row),)
    if panel == "weighted":
        return (("weights", "cell", (query, row)), ("values", "row", row))
    if panel == "output":
        return (("weighted", "column", col),)
    if panel == "outputs":
        return (("weights", "row", row), ("values", "column", col))
    raise InputError("{0} is not a result of the walkthrough", panel)


# -- 2. multi-head attention, d2l style ---------------------------------------------------------------

def transpose_qkv(x: np.ndarray, heads: int) -> np.ndarray:
    """(batch, n, d) -> (batch, n, heads, d/heads) -> (batch, heads, n, d/heads) -> (batch*heads, n, d/heads):
    slice b*heads + h holds head h of sequence b (channels h*d/heads ... (h+1)*d/heads - 1)."""
    batch, n, d = x.shape
    if d % heads:
        raise InputError("d_model {0} does not split into {1} heads evenly", d, heads)
    return x.reshape(batch, n, heads, d // heads).transpose(0, 2, 1, 3).reshape(batch * heads, n, d // heads)


def transpose_output(x: np.ndarray, heads: int) -> np.ndarray:
    """(batch*heads, n, d/heads) -> (batch, n, d): the inverse of transpose_qkv (the heads concatenated)."""
    stacked, n, width = x.shape
    return x.reshape(stacked // heads, heads, n, width).transpose(0, 2, 1, 3).reshape(stacked // heads, n, heads * width)


def multihead_lesson(d_model: int = 8, heads: int = 2, valid_lens=(3, 2), n: int = 4, seed: int = 0) -> dict:
    """One pass of d2l's MultiHeadAttention over a batch of len(valid_lens) seeded random sequences of n tokens.

    Returns ``x`` (batch, n, d), ``channel`` (batch, n, d) each element's channel index and ``head`` its head,
    the same two after transpose_qkv (``split_channel``, ``split_head``, (batch*heads, n, d/heads)),
    ``split_batch`` (batch*heads,) the sequence of each slice, ``lens`` the valid length of each slice
    (repeat-interleaved as d2l does), ``mask`` (batch*heads, n, n) True where a key is visible, ``weights``,
    ``head_outputs`` (batch*heads, n, d/heads), ``concat`` (batch, n, d), ``w_o`` (d, d) and ``output``."""
    lens = np.asarray(valid_lens, dtype=int)
    if heads < 1 or d_model < 1:
        raise InputError("d_model and heads must be at least 1")
    if d_model % heads:
        raise InputError("d_model {0} does not split into {1} heads evenly", d_model, heads)
    if lens.ndim != 1 or lens.size < 1 or np.any(lens < 1) or np.any(lens > n):
        raise InputError("each valid length must be from 1 to {0}", n)
    batch = lens.size
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((batch, n, d_model))
    w_q, w_k, w_v, w_o = rng.standard_normal((4, d_model, d_model)) / np.sqrt(d_model)
    channel = np.broadcast_to(np.arange(d_model), x.shape)
    head = channel // (d_model // heads)
    q, k, v = (transpose_qkv(x @ w, heads) for w in (w_q, w_k, w_v))
    slice_lens = np.repeat(lens, heads)
    mask = valid_lens_mask(n, n, slice_lens)
    head_outputs, weights = scaled_dot_product(q, k, v, mask=mask)
    concat = transpose_output(head_outputs, heads)
    return dict(x=x, channel=np.ascontiguousarray(channel), head=head,
                split_channel=transpose_qkv(channel, heads), split_head=transpose_qkv(head, heads),
                split_batch=np.repeat(np.arange(batch), heads), lens=slice_lens, mask=mask, weights=weights,
                head_outputs=head_outputs, concat=concat, w_o=w_o, output=concat @ w_o)


# -- 3. why order matters -------------------------------------------------------------------------------

ORDER_PAIRS = {"zh": ("猫追老鼠", "老鼠追猫"), "en": ("the cat chases the mouse", "the mouse chases the cat")}


def permutation(tokens_a: list[str], tokens_b: list[str]) -> np.ndarray:
    """perm with tokens_b[i] == tokens_a[perm[i]] (repeated words matched in order); InputError when
    b is not a rearrangement of a."""
    if sorted(tokens_a) != sorted(tokens_b):
        raise InputError("the second sentence must use exactly the words of the first, reordered")
    unused: dict[str, list[int]] = {}
    for index, token in enumerate(tokens_a):
        unused.setdefault(token, []).append(index)
    return np.array([unused[token].pop(0) for token in tokens_b])


def order_test(method_name: str, params: dict, text_a: str, text_b: str, heads: int = 4, causal: bool = False,
               seed: int = 0) -> dict:
    """Toy self-attention (``attention_for``) over two orderings of the same words, once with NoPE and no
    mask, once with ``method_name`` (and ``causal``). Returns the tokens, ``perm`` (b = a[perm]), each
    side's outputs ``nope_a``, ``nope_b``, ``method_a``, ``method_b`` and the max |out_b - out_a[perm]|
    of each, ``nope_difference`` (a few 1e-16 at most) and ``method_difference``."""
    tokens_a, tokens_b = tokenize(text_a), tokenize(text_b)
    perm = permutation(tokens_a, tokens_b)
    width = 4 * heads
    nope_a, nope_b = (attention_for("nope", {"d_model": width}, t, heads=heads, seed=seed).outputs
                      for t in (tokens_a, tokens_b))
    method_a, method_b = (attention_for(method_name, params, t, heads=heads, causal=causal, seed=seed).outputs
                          for t in (tokens_a, tokens_b))
    return dict(tokens_a=tokens_a, tokens_b=tokens_b, perm=perm, nope_a=nope_a, nope_b=nope_b,
                method_a=method_a, method_b=method_b,
                nope_difference=float(np.max(np.abs(nope_b - nope_a[perm]))),
                method_difference=float(np.max(np.abs(method_b - method_a[perm]))))


# -- 4. the relative property -------------------------------------------------------------------------

def relative_shift(p: int, k: int, d_model: int, base: float = 10000.0) -> dict:
    """PE(p), PE(p+k) (interleaved sinusoid), the (d, d) shift matrix M(k), M(k) PE(p) and the residual
    max |PE(p+k) - M(k) PE(p)|. The width must be even: an odd width's last sin column has no cos partner."""
    if p < 0 or k < 0:
        raise InputError("p and k must be 0 or more")
    if d_model < 2 or d_model % 2:
        raise InputError("the shift matrix needs an even width (sin, cos pairs), not {0}", d_model)
    frequencies = sinusoidal.frequencies(d_model, base)
    pe_p, pe_pk = (interleaved_row(position, frequencies) for position in (p, p + k))
    shift = shift_matrix(k, frequencies)
    moved = shift @ pe_p
    return dict(pe_p=pe_p, pe_pk=pe_pk, shift=shift, moved=moved, residual=float(np.max(np.abs(pe_pk - moved))))


def interleaved_row(position: int, frequencies: np.ndarray) -> np.ndarray:
    """Row ``position`` of the interleaved sinusoid (sin, cos per frequency), without the rows before it."""
    row = np.empty(2 * len(frequencies))
    row[0::2], row[1::2] = np.sin(position * frequencies), np.cos(position * frequencies)
    return row


def diagonal_spread(matrix: np.ndarray) -> np.ndarray:
    """(2N-1,) max - min along each diagonal of a square matrix, offsets -(N-1) ... N-1."""
    n = matrix.shape[0]
    return np.array([np.ptp(np.diagonal(matrix, offset)) for offset in range(-(n - 1), n)])


def sinusoid_similarity(seq_len: int, d_model: int, base: float = 10000.0) -> dict:
    """``similarity`` PE PE^T (seq_len, seq_len) of the interleaved sinusoid and ``spread``, the largest
    max - min along any of its diagonals (0 up to rounding for an even width: PE(p).PE(q) = sum cos((p-q) w))."""
    if seq_len < 1:
        raise InputError("at least one position")
    matrix = similarity(sinusoidal.encoding(seq_len, d_model, base))
    return dict(similarity=matrix, spread=float(diagonal_spread(matrix).max()))


def rope_scores(m: np.ndarray, n: np.ndarray, d_model: int, base: float = 10000.0, seed: int = 0) -> np.ndarray:
    """(R_m q) . (R_n k) for each pair (m[i], n[i]), with seeded random q and k of width ``d_model``
    (interleaved pairs). It depends only on m - n."""
    if d_model < 2 or d_model % 2:
        raise InputError("RoPE needs an even width (channels rotate in pairs), not {0}", d_model)
    m, n = np.asarray(m), np.asarray(n)
    q, k = np.random.default_rng(seed).standard_normal((2, d_model))
    frequencies = rope.inv_freq(d_model, base)
    turned_q = rope.rotate(np.broadcast_to(q, (m.size, d_model)), m, frequencies)
    turned_k = rope.rotate(np.broadcast_to(k, (n.size, d_model)), n, frequencies)
    return np.einsum("ij,ij->i", turned_q, turned_k)
