"""Axial 2D RoPE for Vision Transformers: half of each head's pairs turn by the patch's row, half by its column,
so a query-key score depends only on the offset (dy, dx). Two published conventions, which differ in order,
base and positions (both turn interleaved pairs, both leave the class token unturned, both give each axis the
frequencies base^(-4i/d), i < d/4, for a head of width d):

- ``eva02``: EVA-02 (baaivision/EVA, EVA-02/asuka/rope.py VisionRotaryEmbeddingFast with dim = d/2): the first
  half of the channels turns by the row, the second by the column; base 10000; at a grid other than the one
  pretrained on (16 x 16 for 224 px at patch 14) positions are stretched to the pretraining range,
  t = i x pretrain_grid / grid (intp_freq). Its code takes square grids; here each axis is stretched by its own
  size.
- ``rope-vit``: RoPE-ViT's RoPE-Axial (naver-ai/rope-vit, models/vit_rope.py compute_axial_cis and
  apply_rotary_emb): the first half turns by the column (x), the second by the row (y); base (rope_theta) 100
  in its models; whole patch positions at every grid size.

The base is a parameter (its default is EVA-02's): set it to 100 for RoPE-ViT's trained models. Patches are
numbered row by row (index = row x grid_w + column), as both flatten them; in toy attention the tokens are
laid on the grid in that order."""

from __future__ import annotations

import numpy as np

from ..params import BASE, InputError, Param
from ..registry import Attention, Entry, Method, Output, register
from .images import GRID_H, GRID_W, _multiple
from .rope import inv_freq, rotate

CONVENTIONS = ("eva02", "rope-vit")
CONVENTION = Param("convention", "choice", "eva02",
                   "eva02 = EVA-02: first half of the pairs by the row, second by the column, positions stretched "
                   "to the pretraining grid; rope-vit = RoPE-ViT's RoPE-Axial: first half by the column, second by "
                   "the row, whole positions (its models use base 100)", choices=CONVENTIONS, label="Convention")
HEAD_DIM = Param("d_model", "int", 64, "Width of one head; a multiple of 4 (two axes, pairs of channels)", 4, 2048,
                 label="Head width")
PRETRAIN_GRID = Param("pretrain_grid", "int", 14, "EVA-02: patches per side of the grid pretrained on (16 for "
                      "224 px at patch 14); other grids are stretched to it", 1, 512, label="Pretrained grid",
                      when=(("convention", ("eva02",)),))


def patch_positions(grid_h: int, grid_w: int, convention: str = "eva02", pretrain_grid: int = 14,
                    count: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(rows, columns) of the first ``count`` patches (all by default) numbered row by row, as the convention
    turns them: EVA-02 stretches each axis to the pretraining grid, RoPE-ViT keeps whole positions."""
    index = np.arange(grid_h * grid_w if count is None else count)
    rows, cols = (index // grid_w).astype(np.float64), (index % grid_w).astype(np.float64)
    if convention == "eva02":
        rows *= pretrain_grid / grid_h
        cols *= pretrain_grid / grid_w
    return rows, cols


def axis_frequencies(d_model: int, base: float = 10000.0) -> np.ndarray:
    """(d/4,) the frequencies of each axis, base^(-4i/d): 1D RoPE's of a head half as wide."""
    return inv_freq(d_model // 2, base)


def rotate2d(x: np.ndarray, rows: np.ndarray, cols: np.ndarray, base: float = 10000.0,
             convention: str = "eva02") -> np.ndarray:
    """x (..., N, d) turned in interleaved pairs: the first d/2 channels by the row (eva02) or the column
    (rope-vit), the last d/2 by the other."""
    d = x.shape[-1]
    if d % 4:
        raise InputError("2D RoPE needs a width that is a multiple of 4, not {0}", d)
    half = d // 2
    first, second = (rows, cols) if convention == "eva02" else (cols, rows)
    frequencies = axis_frequencies(d, base)
    return np.concatenate([rotate(x[..., :half], first, frequencies), rotate(x[..., half:], second, frequencies)],
                          axis=-1)


def angles(grid_h: int, grid_w: int, d_model: int, base: float = 10000.0, convention: str = "eva02",
           pretrain_grid: int = 14) -> np.ndarray:
    """(patches, d/2) the angle each pair turns by at each patch, pairs in channel order."""
    rows, cols = patch_positions(grid_h, grid_w, convention, pretrain_grid)
    first, second = (rows, cols) if convention == "eva02" else (cols, rows)
    frequencies = axis_frequencies(d_model, base)
    return np.concatenate([np.outer(first, frequencies), np.outer(second, frequencies)], axis=1)


def encoding(grid_h: int, grid_w: int, d_model: int, base: float = 10000.0, convention: str = "eva02",
             pretrain_grid: int = 14) -> np.ndarray:
    """(patches, d) the cos and sin each patch's pairs are turned by, interleaved (cos, sin) per pair."""
    angle = angles(grid_h, grid_w, d_model, base, convention, pretrain_grid)
    out = np.empty((angle.shape[0], 2 * angle.shape[1]))
    out[:, 0::2], out[:, 1::2] = np.cos(angle), np.sin(angle)
    return out


def frequencies(d_model: int, base: float = 10000.0) -> np.ndarray:
    """(d/2,) each pair's frequency in channel order: the axis frequencies for the first axis, then again."""
    return np.tile(axis_frequencies(d_model, base), 2)


def rotation(values: dict, positions: np.ndarray, head_dim: int):
    """In attention: token t sits at patch t of the grid (row t // grid_w, further rows past its end)."""
    rows, cols = patch_positions(values["grid_h"], values["grid_w"], values["convention"], values["pretrain_grid"],
                                 count=len(positions))
    return lambda x, key=False: rotate2d(x, rows, cols, values["base"], values["convention"])


def _patches(grid_h, grid_w, **_):
    return grid_h * grid_w


register(Method(
    name="rope2d",
    title="Axial 2D RoPE (EVA-02, RoPE-ViT)",
    family="2d",
    citation="Fang et al. 2024, EVA-02 (arXiv:2303.11331), github.com/baaivision/EVA EVA-02/asuka/rope.py; Heo et al. "
             "2024, Rotary Position Embedding for Vision Transformer (arXiv:2403.13298), github.com/naver-ai/rope-vit "
             "models/vit_rope.py",
    summary="Half of each head's pairs turn by the patch's row, half by its column: scores depend on (dy, dx). "
            "EVA-02 puts the row first and stretches positions to its pretraining grid; RoPE-ViT the column first.",
    params=(GRID_H, GRID_W, HEAD_DIM, BASE, CONVENTION, PRETRAIN_GRID),
    outputs={
        "encoding": Output(encoding, lambda grid_h, grid_w, d_model, **_: (grid_h * grid_w, d_model),
                           peak=lambda d_model, **p: 8 * 3 * _patches(**p) * d_model),
        "angles": Output(angles, lambda grid_h, grid_w, d_model, **_: (grid_h * grid_w, d_model // 2),
                         peak=lambda d_model, **p: 8 * (2 * _patches(**p) * d_model // 2 + 4 * _patches(**p))),
        "frequencies": Output(frequencies, lambda d_model, **_: (d_model // 2,), params=("d_model", "base")),
        "positions": Output(lambda **p: np.stack(patch_positions(**p)), lambda grid_h, grid_w, **_: (2, grid_h * grid_w),
                            params=("grid_h", "grid_w", "convention", "pretrain_grid"),
                            peak=lambda grid_h, grid_w, **_: 8 * 6 * grid_h * grid_w),
    },
    check=_multiple(4),
    tags=("rotary",),
    attention=Attention(Entry.ROTATE, rotation=rotation),
))
