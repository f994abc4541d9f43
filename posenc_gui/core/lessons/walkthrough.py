"""The seed-001 walkthrough step by step: the exact trace, as the article rounded it, and with the 1/sqrt(d)
scale, and which cells produce a chosen result cell."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..walkthrough import trace
from ..attention import softmax
from ..params import InputError


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


@dataclass(frozen=True, eq=False)
class WalkthroughArrays:
    """Every array of the walkthrough: the exact trace (``scores`` are q.k; ``logits`` are scores, or
    scores / sqrt(d) when scaled; ``weights`` = softmax(logits)), ``weighted`` (query, key, channel)
    = weights[i, j] * values[j], ``exp`` = e^logits, and the article's hand-rounded ``article_weights``
    and ``article_outputs`` (always unscaled, as in the article)."""

    x: np.ndarray
    w_key: np.ndarray
    w_query: np.ndarray
    w_value: np.ndarray
    keys: np.ndarray
    queries: np.ndarray
    values: np.ndarray
    scores: np.ndarray
    logits: np.ndarray
    exp: np.ndarray
    weights: np.ndarray
    outputs: np.ndarray
    weighted: np.ndarray
    article_weights: np.ndarray
    article_outputs: np.ndarray


def walkthrough_arrays(scaled: bool = False) -> WalkthroughArrays:
    """Every array of the walkthrough, with the 1/sqrt(d) scale when ``scaled``."""
    exact = trace()
    article = trace(rounded=True)
    d = exact["keys"].shape[1]
    logits = exact["scores"] / np.sqrt(d) if scaled else exact["scores"].copy()
    weights = softmax(logits)
    return WalkthroughArrays(
        x=exact["x"], w_key=exact["w_key"], w_query=exact["w_query"], w_value=exact["w_value"], keys=exact["keys"],
        queries=exact["queries"], values=exact["values"], scores=exact["scores"], logits=logits, exp=np.exp(logits),
        weights=weights, outputs=weights @ exact["values"], weighted=weights[:, :, None] * exact["values"][None, :, :],
        article_weights=article["weights"], article_outputs=article["outputs"])


def walkthrough_step(step: int, scaled: bool = False, query: int = 0,
                     selected: tuple[str, int, int] | None = None) -> WalkthroughStep:
    """Step ``step`` (index into WALKTHROUGH_STEPS) with the cell ``selected`` (panel, row, column)
    chosen; an unknown panel or out-of-range cell falls back to cell (0, 0) of the step's first result.
    ``query`` is the input whose weighted values and sum steps 6 and 7 follow."""
    if not 0 <= step < len(WALKTHROUGH_STEPS):
        raise InputError("the walkthrough has steps 0 to {0}, not {1}", len(WALKTHROUGH_STEPS) - 1, step)
    a = walkthrough_arrays(scaled)
    query = min(max(int(query), 0), a.x.shape[0] - 1)
    logit_name = "logits" if scaled else "scores"
    name = WALKTHROUGH_STEPS[step]
    panels, results = {
        "inputs": ((("x", a.x),), ()),
        "weights": ((("w_key", a.w_key), ("w_query", a.w_query), ("w_value", a.w_value)), ()),
        "projections": ((("x", a.x), ("w_key", a.w_key), ("w_query", a.w_query),
                         ("w_value", a.w_value), ("keys", a.keys), ("queries", a.queries),
                         ("values", a.values)), ("keys", "queries", "values")),
        "scores": ((("queries", a.queries), ("keys", a.keys), ("scores", a.scores))
                   + ((("logits", a.logits),) if scaled else ()), ("scores",) + (("logits",) if scaled else ())),
        "softmax": (((logit_name, a.logits if scaled else a.scores), ("weights", a.weights),
                     ("article_weights", a.article_weights)), ("weights",)),
        "weighted": ((("weights", a.weights), ("values", a.values), ("weighted", a.weighted[query])),
                     ("weighted",)),
        "sum": ((("weighted", a.weighted[query]), ("output", a.outputs[query:query + 1])), ("output",)),
        "outputs": ((("weights", a.weights), ("values", a.values), ("outputs", a.outputs),
                     ("article_outputs", a.article_outputs)), ("outputs",)),
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


@dataclass(frozen=True, eq=False)
class WalkthroughData:
    """What the walkthrough lesson draws: the ``step`` with its chosen cell, every array (``arrays``, scaled or
    not), whether the scores are ``scaled`` and the input (``query``) the weighted values and sum follow."""

    step: WalkthroughStep
    arrays: WalkthroughArrays
    scaled: bool
    query: int


def walkthrough_data(step: int, scaled: bool = False, query: int = 0,
                     selected: tuple[str, int, int] | None = None) -> WalkthroughData:
    """The walkthrough lesson's data for ``step`` (see ``walkthrough_step``)."""
    return WalkthroughData(walkthrough_step(step, scaled, query, selected), walkthrough_arrays(scaled), scaled, query)
