"""Learned absolute positions: a trained table (BERT-style, 512 rows) or a fresh random initialisation.

A learned table has one row per position it was trained on and nothing past its last row."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

import numpy as np

from ...paths import resource
from ..params import D_MODEL, SEED, SEQ_LEN, InputError, Param
from ..registry import ADDED, Method, Output, register

MINILM_FILE = ("embeddings", "all-MiniLM-L6-v2.position_embeddings.npy")
MINILM_SHAPE = (512, 384)
TABLES = ("minilm", "random")
RANDOM_ONLY = (("table", ("random",)),)  # the trained table has its own width and values

TABLE = Param("table", "choice", "minilm",
              "minilm = the trained 512 x 384 table of all-MiniLM-L6-v2 (Apache-2.0); random = an untrained "
              "BERT-style initialisation N(0, std)", choices=TABLES, label="Table")
MAX_LEN = Param("max_len", "int", 512, "Rows of the table (positions it knows); random table only", 1, 8192,
                label="Table length", when=RANDOM_ONLY)
STD = Param("std", "float", 0.02, "Standard deviation of the random initialisation (BERT 0.02, GPT-2 0.01)",
            1e-4, 10.0, label="Init std", when=RANDOM_ONLY)


@lru_cache(maxsize=1)
def minilm_table() -> np.ndarray:
    """(512, 384) the trained position table of all-MiniLM-L6-v2, as float64 (read-only)."""
    path = resource(*MINILM_FILE)
    try:
        table = np.load(path, allow_pickle=False)
    except (OSError, ValueError) as error:
        raise InputError("cannot read the MiniLM table {0}: {1}", path, str(error)) from None
    if table.shape != MINILM_SHAPE:
        raise InputError("{0} holds shape {1}, not {2}", path, table.shape, MINILM_SHAPE)
    table = table.astype(np.float64)
    table.flags.writeable = False
    return table


def random_table(max_len: int, d_model: int, std: float = 0.02, seed: int = 0) -> np.ndarray:
    """(max_len, d_model) BERT-style initialisation: independent N(0, std^2) entries."""
    return np.random.default_rng(seed).normal(0.0, std, (max_len, d_model))


def encoding(seq_len, table="minilm", d_model=128, max_len=512, std=0.02, seed=0) -> np.ndarray:
    """(seq_len, width) the first seq_len rows of the table (positions past it do not exist)."""
    _check(seq_len=seq_len, table=table, max_len=max_len)
    if table == "minilm":
        return minilm_table()[:seq_len].copy()
    return random_table(seq_len, d_model, std, seed)  # the first rows of the same draw, and no more


def _shape(seq_len, table, d_model, **_):
    return (seq_len, MINILM_SHAPE[1] if table == "minilm" else d_model)


def _peak(seq_len, table, d_model, **_):
    """The result; for MiniLM also its table, read as float32 and kept as float64."""
    rows, width = _shape(seq_len, table, d_model)
    return 8 * rows * width + (12 * MINILM_SHAPE[0] * MINILM_SHAPE[1] if table == "minilm" else 0)


def _check(seq_len, table, max_len, **_):
    rows = MINILM_SHAPE[0] if table == "minilm" else max_len
    if seq_len > rows:
        raise InputError("a learned table has no embedding past its last position: seq_len {0} "
                         "exceeds the {1} rows of the {2} table", seq_len, rows, table)


register(Method(
    name="learned",
    title="Learned absolute",
    family="absolute",
    citation="Devlin et al. 2019, BERT (arXiv:1810.04805); trained table: sentence-transformers "
             "all-MiniLM-L6-v2 (Apache-2.0)",
    summary="One trained vector per position, looked up like a word embedding; none past the last row.",
    params=(SEQ_LEN, TABLE, replace(D_MODEL, when=RANDOM_ONLY), MAX_LEN, STD, replace(SEED, when=RANDOM_ONLY)),
    outputs={"encoding": Output(encoding, _shape, peak=_peak)},
    check=_check,
    attention=ADDED,
))
