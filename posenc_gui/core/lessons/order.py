"""Why order matters: without a position signal, reordered words give the same output rows reordered."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..attention import attention_for
from ..params import InputError
from ..tokens import tokenize


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


@dataclass(frozen=True, eq=False)
class OrderTest:
    """Two orderings of the same words: ``tokens_a``, ``tokens_b``, ``perm`` (b = a[perm]), each side's outputs
    without a position signal (``nope_a``, ``nope_b``) and with the method (``method_a``, ``method_b``), and the
    max |out_b - out_a[perm]| of each: ``nope_difference`` (a few 1e-16 at most) and ``method_difference``."""

    tokens_a: list[str]
    tokens_b: list[str]
    perm: np.ndarray
    nope_a: np.ndarray
    nope_b: np.ndarray
    method_a: np.ndarray
    method_b: np.ndarray
    nope_difference: float
    method_difference: float

    def outputs(self, signal: str) -> tuple[np.ndarray, np.ndarray]:
        """(a's outputs, b's outputs) with ``signal`` "nope" (no position signal) or "method"."""
        return (self.nope_a, self.nope_b) if signal == "nope" else (self.method_a, self.method_b)

    def difference(self, signal: str) -> float:
        """max |out_b - out_a[perm]| with ``signal`` "nope" or "method"."""
        return self.nope_difference if signal == "nope" else self.method_difference


def order_test(method_name: str, params: dict, text_a: str, text_b: str, heads: int = 4, causal: bool = False,
               seed: int = 0) -> OrderTest:
    """Toy self-attention (``attention_for``) over two orderings of the same words, once with NoPE and no
    mask, once with ``method_name`` (and ``causal``)."""
    tokens_a, tokens_b = tokenize(text_a), tokenize(text_b)
    perm = permutation(tokens_a, tokens_b)
    width = 4 * heads
    nope_a, nope_b = (attention_for("nope", {"d_model": width}, t, heads=heads, seed=seed).outputs
                      for t in (tokens_a, tokens_b))
    method_a, method_b = (attention_for(method_name, params, t, heads=heads, causal=causal, seed=seed).outputs
                          for t in (tokens_a, tokens_b))
    return OrderTest(tokens_a=tokens_a, tokens_b=tokens_b, perm=perm, nope_a=nope_a, nope_b=nope_b,
                method_a=method_a, method_b=method_b,
                nope_difference=float(np.max(np.abs(nope_b - nope_a[perm]))),
                method_difference=float(np.max(np.abs(method_b - method_a[perm]))))


@dataclass(frozen=True, eq=False)
class OrderData:
    """What the order lesson draws: the pair of sentences chosen (a key of ORDER_PAIRS) and their ``test``."""

    pair: str
    test: OrderTest

    @property
    def sentences(self) -> tuple[str, str]:
        return ORDER_PAIRS[self.pair]


def order_data(pair: str, method_name: str, params: dict, heads: int = 4, causal: bool = False) -> OrderData:
    """The order test of the sentences ``pair`` names (the first pair when it names none) with ``method_name``."""
    pair = pair if pair in ORDER_PAIRS else next(iter(ORDER_PAIRS))
    return OrderData(pair, order_test(method_name, params, *ORDER_PAIRS[pair], heads=heads, causal=causal))
