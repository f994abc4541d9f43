"""A trained position table beside the sinusoid of the same size: the MiniLM table (512 x 384) and the
sinusoid of width 384, their cosine similarities between positions, the table's row statistics, and
what each does past position 512 (the table has no row there; the sinusoid simply continues)."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from threading import Lock

import numpy as np

from .. import registry
from ..analysis import similarity
from ..methods.learned import MINILM_SHAPE
from ..params import InputError

TABLE_ROWS, WIDTH = MINILM_SHAPE
CLIP_PERCENTILE = 99.9


@dataclass(frozen=True, eq=False)
class TableStatistics:
    """Row norms and neighbour similarity of a position table: ``norms``, ``first_norm`` (row 0),
    ``rest_low`` / ``rest_median`` / ``rest_high`` (5th, 50th, 95th percentile of the other rows' norms),
    ``neighbour_cosine`` (mean cosine of rows p and p + 1 over every p) and ``colour_limit`` (the 99.9th
    percentile of |value|, so that one outlier row does not wash out the rest)."""

    norms: np.ndarray
    first_norm: float
    rest_low: float
    rest_median: float
    rest_high: float
    neighbour_cosine: float
    colour_limit: float


@dataclass(frozen=True, eq=False)
class TableComparison:
    """The MiniLM table beside the sinusoid: ``learned`` (the table's 512 rows, all it has), ``sinusoid``
    (as many rows as asked for), ``learned_similarity`` and ``sinusoid_similarity`` ((512, 512) cosine
    similarities of the first 512 positions), the table's ``statistics``, and ``refusal``: the learned
    method's own InputError when more rows than the table has were asked for (shown in the interface
    language), else None."""

    learned: np.ndarray
    sinusoid: np.ndarray
    learned_similarity: np.ndarray
    sinusoid_similarity: np.ndarray
    statistics: TableStatistics
    refusal: InputError | None

    def panels(self) -> dict[str, np.ndarray]:
        """The four arrays the lesson draws, by name, in reading order."""
        return {"learned": self.learned, "sinusoid": self.sinusoid, "learned_similarity": self.learned_similarity,
                "sinusoid_similarity": self.sinusoid_similarity}


def table_statistics(table: np.ndarray) -> TableStatistics:
    """The ``TableStatistics`` of a position table (N, d), N >= 3."""
    table = np.asarray(table, dtype=np.float64)
    if table.ndim != 2 or table.shape[0] < 3:
        raise InputError("a position table needs at least 3 rows, not shape {0}", table.shape)
    norms = np.linalg.norm(table, axis=1)
    unit = table / np.where(norms > 0, norms, 1.0)[:, None]
    low, median, high = np.percentile(norms[1:], [5, 50, 95])
    return TableStatistics(
        norms=norms,
        first_norm=float(norms[0]),
        rest_low=float(low),
        rest_median=float(median),
        rest_high=float(high),
        neighbour_cosine=float(np.mean(np.sum(unit[1:] * unit[:-1], axis=1))),
        colour_limit=float(np.percentile(np.abs(table), CLIP_PERCENTILE)),
    )


def compared_elements(length: int = TABLE_ROWS) -> int:
    """How many numbers ``compare_tables(length)`` holds (two tables and two similarity matrices)."""
    return (TABLE_ROWS + length) * WIDTH + 2 * TABLE_ROWS * TABLE_ROWS


KEPT = 4  # comparisons kept (the lengths last asked for)
_kept: OrderedDict[int, TableComparison] = OrderedDict()
_kept_lock = Lock()  # the window may compare in its worker thread while the GUI thread compares ahead


def compare_tables(length: int = TABLE_ROWS) -> TableComparison:
    """The MiniLM table and the sinusoid (d = 384) for positions 0 .. length - 1, length >= 512.
    Cached: the arrays are read-only."""
    steps = comparing_tables(length)
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value


def comparing_tables(length: int = TABLE_ROWS):
    """``compare_tables`` a part a step, for a caller with short slices of idle time (the window's build-ahead): a
    generator that yields after each part (the sinusoid, the table and its refusal, each cosine matrix) and returns
    the comparison, kept as ``compare_tables`` keeps it; at once when it is kept already. The same numbers as in one
    go: the parts are the same computations in the same order."""
    with _kept_lock:
        if length in _kept:
            _kept.move_to_end(length)
            return _kept[length]
    if length < TABLE_ROWS:
        raise InputError("the comparison shows at least the table's {0} rows, not {1}", TABLE_ROWS, length)
    learned, sinusoidal = registry.get("learned"), registry.get("sinusoidal")
    sinusoid = sinusoidal.compute("encoding", {"seq_len": length, "d_model": WIDTH})
    yield
    table = learned.compute("encoding", {"seq_len": TABLE_ROWS, "table": "minilm"})
    try:
        learned.compute("encoding", {"seq_len": length, "table": "minilm"})
        refusal = None
    except InputError as error:
        refusal = error
    yield
    learned_similarity = similarity(table, "cosine")
    yield
    sinusoid_similarity = similarity(sinusoid[:TABLE_ROWS], "cosine")
    yield
    compared = TableComparison(table, sinusoid, learned_similarity, sinusoid_similarity, table_statistics(table),
                               refusal)
    for array in compared.panels().values():
        array.flags.writeable = False
    with _kept_lock:
        compared = _kept.setdefault(length, compared)  # one compared meanwhile (the worker's) stays the one
        _kept.move_to_end(length)
        while len(_kept) > KEPT:
            _kept.popitem(last=False)
    return compared
