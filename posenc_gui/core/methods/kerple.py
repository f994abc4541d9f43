"""KERPLE (Chi et al. 2022): relative biases from conditionally positive definite kernels of the distance,
two learned positive numbers per head. The logarithmic variant adds -r1 log(1 + r2 |i - j|), the power
variant -r1 |i - j|^r2 (r2 at most 2). As the authors' code (chijames/KERPLE, ParallelKerpleLog and
ParallelKerplePower), the distance is i - j on and below the diagonal (they train causal models; the causal switch gives it, off it is |i - j| as for ALiBi), r1 and r2
are clamped at 0.01 from below, and start uniform in [0, 2) (the factor inside or the exponent) and [0, 1)
(the other): here seeded draws of that start stand in for the learned values, one pair per head."""

from __future__ import annotations

import numpy as np

from ..params import CAUSAL, HEADS, SEED, SEQ_LEN
from ..registry import BIASED, Method, Output, register
from .alibi import distance

EPS = 0.01  # the authors' lower clamp of both numbers


def log_parameters(heads: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """(r1, r2) per head for the logarithmic kernel: the authors' bias_p ~ U(0, 2) and bias_a ~ U(0, 1),
    seeded, clamped at EPS."""
    rng = np.random.default_rng(seed)
    return np.maximum(2 * rng.random(heads), EPS), np.maximum(rng.random(heads), EPS)


def power_parameters(heads: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """(r1, r2) per head for the power kernel: factor bias_a ~ U(0, 1) clamped at EPS, exponent
    bias_p ~ U(0, 2) clamped to [EPS, 2], seeded."""
    rng = np.random.default_rng(seed)
    exponent = np.clip(2 * rng.random(heads), EPS, 2.0)
    return np.maximum(rng.random(heads), EPS), exponent


def log_bias(seq_len: int, heads: int = 8, causal: bool = False, seed: int = 0) -> np.ndarray:
    """(heads, N, N): -r1 log(1 + r2 d) with d = i - j (causal; 0 above the diagonal) or |i - j|."""
    r1, r2 = log_parameters(heads, seed)
    d = distance(seq_len, causal)[None]
    return -r1[:, None, None] * np.log1p(r2[:, None, None] * d)


def power_bias(seq_len: int, heads: int = 8, causal: bool = False, seed: int = 0) -> np.ndarray:
    """(heads, N, N): -r1 d^r2 with d as in log_bias."""
    r1, r2 = power_parameters(heads, seed)
    d = distance(seq_len, causal)[None]
    return -r1[:, None, None] * d ** r2[:, None, None]


def _shape(seq_len, heads, **_):
    return (heads, seq_len, seq_len)


def _peak(seq_len, heads, **_):
    """The distance (j - i, then clipped), its per-head product and the result."""
    return 8 * (2 * heads + 3) * seq_len ** 2


for name, title, function, summary in (
        ("kerple_log", "KERPLE (logarithmic)", log_bias,
         "Each head subtracts r1 log(1 + r2 distance): a bias that flattens with distance (seeded r1, r2)."),
        ("kerple_power", "KERPLE (power)", power_bias,
         "Each head subtracts r1 distance^r2, r2 up to 2: ALiBi with a learned power (seeded r1, r2).")):
    register(Method(
        name=name,
        title=title,
        family="bias",
        citation="Chi, Fan, Ramadge and Rudnicky 2022, KERPLE: Kernelized Relative Positional Embedding for "
                 "Length Extrapolation (arXiv:2205.09921); github.com/chijames/KERPLE",
        summary=summary,
        params=(HEADS, SEQ_LEN, CAUSAL, SEED),
        outputs={"bias": Output(function, _shape, peak=_peak)},
        tags=("bias",),
        attention=BIASED,
    ))
