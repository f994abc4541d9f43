"""Positions of image patches compared: how similar one patch's position code is to every other patch's,
under 2D sin-cos (MAE), a learned grid resized to a new image size, axial 2D RoPE (and what its score is made of:
a part that depends on the row offset only and one that depends on the column offset only), and the 3D
(time, row, column) code of video patches. Patches are flattened row-major (index = row * W + col)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ..methods import images, rope2d
from ..params import InputError


def cosine_to(encoding: np.ndarray, index: int) -> np.ndarray:
    """(N,) cosine similarity of row ``index`` of ``encoding`` (N, d) to every row (0 for a zero row)."""
    enc = np.asarray(encoding, dtype=np.float64)
    if not 0 <= index < enc.shape[0]:
        raise InputError("patch {0} is outside the {1} patches", index, enc.shape[0])
    norms = np.linalg.norm(enc, axis=1)
    dots = enc @ enc[index]
    with np.errstate(invalid="ignore", divide="ignore"):
        out = dots / (norms * norms[index])
    return np.where(norms * norms[index] > 0, out, 0.0)


def patch_index(grid_w: int, row: int, col: int) -> int:
    """Row-major index of patch (row, col) in a grid ``grid_w`` patches wide."""
    return row * grid_w + col


def rope2d_rotate(x: np.ndarray, rows: np.ndarray, cols: np.ndarray, base: float = 10000.0) -> np.ndarray:
    """Axial 2D RoPE of x (N, d), d a multiple of 4, in RoPE-ViT's order (methods.rope2d): the first d/2 channels
    rotate in interleaved pairs by the patch's column, the last d/2 by its row, each half with the 1D
    frequencies of width d/2."""
    return rope2d.rotate2d(np.asarray(x, dtype=np.float64), rows, cols, base, "rope-vit")


def grid_coordinates(grid_h: int, grid_w: int) -> tuple[np.ndarray, np.ndarray]:
    """(rows, cols) of every patch, row-major, each of length grid_h * grid_w."""
    rows, cols = np.meshgrid(np.arange(grid_h), np.arange(grid_w), indexing="ij")
    return rows.ravel(), cols.ravel()


def rope2d_similarity(grid_h: int, grid_w: int, head_dim: int, row: int, col: int,
                      base: float = 10000.0) -> np.ndarray:
    """(grid_h, grid_w) cosine between the all-ones vector rotated to patch (row, col) and the same vector
    rotated to every patch: what RoPE alone contributes to a query-key score, as in rope.decay."""
    rows, cols = grid_coordinates(grid_h, grid_w)
    rotated = rope2d_rotate(np.ones((grid_h * grid_w, head_dim)), rows, cols, base)
    return cosine_to(rotated, patch_index(grid_w, row, col)).reshape(grid_h, grid_w)


def image_similarities(grid: int, row: int, col: int, d_model: int = 768, train_grid: int = 7,
                       head_dim: int = 64, seed: int = 0) -> dict[str, np.ndarray]:
    """(grid, grid) cosine similarity of patch (row, col) to every patch of a square grid, per encoding:
    "sincos" (MAE 2D, width d_model), "learned" (the seeded stand-in table trained at train_grid squared,
    resized bicubically to grid squared) and "rope" (axial 2D RoPE of one head of width head_dim)."""
    if not (0 <= row < grid and 0 <= col < grid):
        raise InputError("patch ({0}, {1}) is outside the {2} x {2} grid", row, col, grid)
    index = patch_index(grid, row, col)
    sincos = images.sincos_2d(grid, grid, d_model)
    learned = images.learned_grid(grid, grid, d_model, train_grid, train_grid, seed)
    return {
        "sincos": cosine_to(sincos, index).reshape(grid, grid),
        "learned": cosine_to(learned, index).reshape(grid, grid),
        "rope": rope2d_similarity(grid, grid, head_dim, row, col),
    }


def rope2d_offset_parts(grid: int, head_dim: int, row: int, col: int,
                        base: float = 10000.0) -> tuple[np.ndarray, np.ndarray]:
    """(row part, column part), each (grid, grid): the 2D RoPE score of the all-ones query at patch (row, col)
    against the all-ones key at every patch, divided by its value at offset 0 (as rope2d_similarity), split by
    the pairs it comes from. The pairs that turn by the row give (2 / d) sum_i cos(f_i dy), the same along a
    row of the grid; those that turn by the column (2 / d) sum_i cos(f_i dx), the same down a column. Their
    sum is the whole score: it depends on the offset (dy, dx) and on nothing else."""
    if not (0 <= row < grid and 0 <= col < grid):
        raise InputError("patch ({0}, {1}) is outside the {2} x {2} grid", row, col, grid)
    if head_dim % 4:
        raise InputError("2D RoPE needs a width that is a multiple of 4, not {0}", head_dim)
    frequencies = rope2d.axis_frequencies(head_dim, base)
    offsets = np.arange(grid)
    row_part = np.cos(np.outer(offsets - row, frequencies)).sum(axis=1) * 2 / head_dim
    col_part = np.cos(np.outer(offsets - col, frequencies)).sum(axis=1) * 2 / head_dim
    return np.repeat(row_part[:, None], grid, axis=1), np.repeat(col_part[None, :], grid, axis=0)


def video_similarity(frames: int, grid: int, frame: int, row: int, col: int, d_model: int = 768) -> np.ndarray:
    """(frames, grid, grid) cosine similarity of video patch (frame, row, col) to every patch of every frame,
    under the 3D sin-cos code (a third of the channels each for time, row and column)."""
    if not (0 <= frame < frames and 0 <= row < grid and 0 <= col < grid):
        raise InputError("patch ({0}, {1}, {2}) is outside {3} frames of {4} x {4}", frame, row, col, frames, grid)
    table = images.sincos_3d(frames, grid, grid, d_model)
    return cosine_to(table, (frame * grid + row) * grid + col).reshape(frames, grid, grid)


IMAGE_WIDTH = 768   # ViT-B/16's width, for the sin-cos and learned codes
HEAD_WIDTH = 64     # one ViT-B head, for 2D RoPE


@dataclass(frozen=True)
class PatchMaps:
    """What the images lesson shows for its settings: one (grid, grid) map per panel, in panel order (read only),
    and the lowest value of them all, where the shared colour scale starts."""

    maps: dict
    low: float


@lru_cache(maxsize=8)
def similarity_maps(step: int, grid: int, train_grid: int, frames: int, row: int, col: int,
                    frame: int) -> PatchMaps:
    """The images lesson's maps for step ``step`` (0: one patch against all under three codes; 1: across video
    frames; 2: 2D RoPE's score and its row and column parts), kept for the last few settings: at 768 channels
    they are the costly part of a redraw, and a change of method or theme redraws with the same ones."""
    if step == 0:
        maps = image_similarities(grid, row, col, IMAGE_WIDTH, train_grid, HEAD_WIDTH)
    elif step == 1:
        video = video_similarity(frames, grid, frame, row, col, IMAGE_WIDTH)
        maps = {f"frame {t}": video[t] for t in range(frames)}
    else:
        row_part, col_part = rope2d_offset_parts(grid, HEAD_WIDTH, row, col)
        maps = {"rope": row_part + col_part, "rope rows": row_part, "rope columns": col_part}
    for array in maps.values():
        array.flags.writeable = False
    return PatchMaps(maps, min(float(array.min()) for array in maps.values()))
