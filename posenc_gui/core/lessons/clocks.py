"""The sinusoid as a set of clocks (seed 002's binary analogy beside it).

Pair i of the sinusoid is a clock hand that turns by w_i = base^(-2i/d) radians per position: at
position p it points at the angle p * w_i (clockwise from twelve o'clock), so its tip is
(sin, cos) = (PE[p, 2i], PE[p, 2i+1]). Fast hands turn many times while slow ones barely move, just
as the lowest bit of a binary counter flips at every step and the highest ones rarely."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..params import InputError

TWO_PI = 2 * np.pi
MAX_HANDS = 16


def paper_frequencies(d_model: int, base: float = 10000.0) -> np.ndarray:
    """(ceil(d/2),) the paper's angular frequency of each (sin, cos) pair: base^(-2i/d)."""
    return base ** (-2.0 * np.arange((d_model + 1) // 2) / d_model)


def shown_pairs(pairs: int, hands: int) -> np.ndarray:
    """Indices of the pairs drawn as hands: ``hands`` of them spread evenly from the fastest (0) to the
    slowest (pairs - 1), ascending and without repeats."""
    if pairs < 1 or hands < 1:
        raise InputError("need at least one pair and one hand, not {0} pairs and {1} hands", pairs, hands)
    return np.unique(np.round(np.linspace(0, pairs - 1, min(hands, pairs))).astype(int))


def position_bits(position: int, count: int) -> np.ndarray:
    """(count,) the bits of ``position``, lowest first (bit k is floor(p / 2^k) mod 2)."""
    if position < 0 or not 1 <= count <= 62:
        raise InputError("position must be from 0 and bits from 1 to 62, not {0} and {1}", position, count)
    return (np.int64(position) >> np.arange(count, dtype=np.int64)) & 1


@dataclass(frozen=True, eq=False)
class ClockFace:
    """What the clocks lesson draws for one position, one entry per hand: ``pairs`` (the pair each hand is),
    ``frequencies``, ``wavelengths`` (positions per full turn), ``angles`` (p w_i, the total turned, in
    radians), ``turns`` (whole turns made), ``within_turn`` (the angle past the last whole turn, in
    [0, 2 pi)), ``sin`` and ``cos`` (the hand's tip = the two encoding values); ``bits`` (as many bits of p
    as hands, lowest first) and ``flip_every`` (bit k flips every 2^k steps)."""

    pairs: np.ndarray
    frequencies: np.ndarray
    wavelengths: np.ndarray
    angles: np.ndarray
    turns: np.ndarray
    within_turn: np.ndarray
    sin: np.ndarray
    cos: np.ndarray
    bits: np.ndarray
    flip_every: np.ndarray


def clock_face(position: int, d_model: int = 128, base: float = 10000.0, hands: int = 8) -> ClockFace:
    """The clocks lesson's ``ClockFace`` at ``position`` with ``hands`` hands spread from the fastest to the slowest."""
    if not 1 <= hands <= MAX_HANDS:
        raise InputError("hands must be from 1 to {0}, not {1}", MAX_HANDS, hands)
    frequencies = paper_frequencies(d_model, base)
    pairs = shown_pairs(len(frequencies), hands)
    omega = frequencies[pairs]
    angles = position * omega
    return ClockFace(
        pairs=pairs,
        frequencies=omega,
        wavelengths=TWO_PI / omega,
        angles=angles,
        turns=np.floor(angles / TWO_PI),
        within_turn=np.mod(angles, TWO_PI),
        sin=np.sin(angles),
        cos=np.cos(angles),
        bits=position_bits(position, hands),
        flip_every=2.0 ** np.arange(hands),
    )
