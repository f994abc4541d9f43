"""Multi-head attention as d2l writes it: ``transpose_qkv`` / ``transpose_output``, ``valid_lens`` masks,
per-head weights, concatenation and the output projection W_o."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..attention import scaled_dot_product, valid_lens_mask
from ..params import InputError
from .options import TOKENS


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


@dataclass(frozen=True, eq=False)
class MultiHeadPass:
    """One pass of d2l's MultiHeadAttention. ``x`` (batch, n, d), ``channel`` (batch, n, d) each element's
    channel index and ``head`` its head, the same two after transpose_qkv (``split_channel``, ``split_head``,
    (batch*heads, n, d/heads)), ``split_batch`` (batch*heads,) the sequence of each slice, ``lens`` the valid
    length of each slice (repeat-interleaved as d2l does), ``mask`` (batch*heads, n, n) True where a key is
    visible, ``weights``, ``head_outputs`` (batch*heads, n, d/heads), ``concat`` (batch, n, d), ``w_o`` (d, d)
    and ``output``."""

    x: np.ndarray
    channel: np.ndarray
    head: np.ndarray
    split_channel: np.ndarray
    split_head: np.ndarray
    split_batch: np.ndarray
    lens: np.ndarray
    mask: np.ndarray
    weights: np.ndarray
    head_outputs: np.ndarray
    concat: np.ndarray
    w_o: np.ndarray
    output: np.ndarray


def multihead_lesson(d_model: int = 8, heads: int = 2, valid_lens=(3, 2), n: int = 4, seed: int = 0) -> MultiHeadPass:
    """One pass of d2l's MultiHeadAttention over a batch of len(valid_lens) seeded random sequences of n tokens."""
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
    return MultiHeadPass(x=x, channel=np.ascontiguousarray(channel), head=head,
                split_channel=transpose_qkv(channel, heads), split_head=transpose_qkv(head, heads),
                split_batch=np.repeat(np.arange(batch), heads), lens=slice_lens, mask=mask, weights=weights,
                head_outputs=head_outputs, concat=concat, w_o=w_o, output=concat @ w_o)


@dataclass(frozen=True)
class MultiHeadSettings:
    """The lesson's choices: the width, the number of heads, each sequence's valid length and the step shown."""

    d_model: int
    heads: int
    valid_lens: tuple[int, ...]
    step: int


@dataclass(frozen=True, eq=False)
class MultiHeadData:
    """What the multi-head lesson draws: its ``settings`` and the pass (``result``) they give."""

    settings: MultiHeadSettings
    result: MultiHeadPass


def multihead_data(settings: MultiHeadSettings, n: int = TOKENS) -> MultiHeadData:
    """One pass of d2l's MultiHeadAttention with ``settings`` over sequences of ``n`` tokens."""
    return MultiHeadData(settings, multihead_lesson(settings.d_model, settings.heads, settings.valid_lens, n))
