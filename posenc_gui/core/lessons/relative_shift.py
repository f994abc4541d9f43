"""The relative property: PE(p+k) = M(k) PE(p), constant diagonals of PE PE^T, and RoPE scores that depend
only on m - n."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..analysis import shift_matrix, similarity
from ..methods import rope, sinusoidal
from ..params import InputError

SIMILARITY_POSITIONS = 32  # positions of the lesson's PE PE^T


@dataclass(frozen=True, eq=False)
class RelativeShift:
    """PE(p) and PE(p+k) of the interleaved sinusoid (``pe_p``, ``pe_pk``), the (d, d) shift matrix M(k)
    (``shift``), M(k) PE(p) (``moved``) and the ``residual`` max |PE(p+k) - M(k) PE(p)|."""

    pe_p: np.ndarray
    pe_pk: np.ndarray
    shift: np.ndarray
    moved: np.ndarray
    residual: float


@dataclass(frozen=True, eq=False)
class SinusoidSimilarity:
    """PE PE^T of the interleaved sinusoid (``similarity``) and ``spread``, the largest max - min along any
    of its diagonals."""

    similarity: np.ndarray
    spread: float


def relative_shift(p: int, k: int, d_model: int, base: float = 10000.0) -> RelativeShift:
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
    return RelativeShift(pe_p=pe_p, pe_pk=pe_pk, shift=shift, moved=moved, residual=float(np.max(np.abs(pe_pk - moved))))


def interleaved_row(position: int, frequencies: np.ndarray) -> np.ndarray:
    """Row ``position`` of the interleaved sinusoid (sin, cos per frequency), without the rows before it."""
    row = np.empty(2 * len(frequencies))
    row[0::2], row[1::2] = np.sin(position * frequencies), np.cos(position * frequencies)
    return row


def diagonal_spread(matrix: np.ndarray) -> np.ndarray:
    """(2N-1,) max - min along each diagonal of a square matrix, offsets -(N-1) ... N-1."""
    n = matrix.shape[0]
    return np.array([np.ptp(np.diagonal(matrix, offset)) for offset in range(-(n - 1), n)])


def sinusoid_similarity(seq_len: int, d_model: int, base: float = 10000.0) -> SinusoidSimilarity:
    """``similarity`` PE PE^T (seq_len, seq_len) of the interleaved sinusoid and ``spread``, the largest
    max - min along any of its diagonals (0 up to rounding for an even width: PE(p).PE(q) = sum cos((p-q) w))."""
    if seq_len < 1:
        raise InputError("at least one position")
    matrix = similarity(sinusoidal.encoding(seq_len, d_model, base))
    return SinusoidSimilarity(similarity=matrix, spread=float(diagonal_spread(matrix).max()))


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


@dataclass(frozen=True)
class RelativeSettings:
    """The lesson's choices: the position ``p``, the offset ``k``, the encoding's ``width`` and the step shown."""

    p: int
    k: int
    width: int
    step: int


@dataclass(frozen=True, eq=False)
class RelativePropertyData:
    """What the relative-property lesson draws: its ``settings``, the shift by k (``shift``), PE PE^T
    (``similarity``), RoPE scores at m = n + k for n = 0 ... (``rope_same_offset``) and against the offset m - n
    with n = 0 (``rope_by_offset``)."""

    settings: RelativeSettings
    shift: RelativeShift
    similarity: SinusoidSimilarity
    rope_same_offset: np.ndarray
    rope_by_offset: np.ndarray


def relative_property(settings: RelativeSettings) -> RelativePropertyData:
    """Every number the relative-property lesson shows for ``settings``."""
    starts = np.arange(SIMILARITY_POSITIONS)
    offsets = np.arange(2 * SIMILARITY_POSITIONS)
    return RelativePropertyData(settings, relative_shift(settings.p, settings.k, settings.width),
                                sinusoid_similarity(SIMILARITY_POSITIONS, settings.width),
                                rope_scores(starts + settings.k, starts, settings.width),
                                rope_scores(offsets, np.zeros_like(offsets), settings.width))
