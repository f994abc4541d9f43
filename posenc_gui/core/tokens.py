"""Toy tokens for the attention pane: split text into tokens and give each a stable random vector."""

from __future__ import annotations

import re
import zlib

import numpy as np

from .params import InputError

MAX_TOKENS = 512
_TOKEN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[^\s\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def tokenize(text: str) -> list[str]:
    """Whitespace-separated words; each CJK character is a token of its own."""
    tokens = _TOKEN.findall(text)
    if not tokens:
        raise InputError("type at least one token")
    if len(tokens) > MAX_TOKENS:
        raise InputError("{0} tokens; at most {1}", len(tokens), MAX_TOKENS)
    return tokens


def toy_embeddings(tokens: list[str], d_model: int, seed: int = 0) -> np.ndarray:
    """(N, d_model) N(0, 1) vectors, the same for the same token text and seed, on every run and machine."""
    rows = []
    for token in tokens:
        rng = np.random.default_rng([seed, zlib.crc32(token.encode("utf-8"))])
        rows.append(rng.standard_normal(d_model))
    return np.array(rows).reshape(len(tokens), d_model)
