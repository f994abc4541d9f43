"""Positions of image patches and video tubelets: the 2D sin-cos table of MAE, its 3D extension for
(time, row, column), and resizing a learned grid to another resolution by bicubic interpolation."""

from __future__ import annotations

import numpy as np

from ..params import BASE, InputError, Param
from ..registry import ADDED, Method, Output, register

GRID_H = Param("grid_h", "int", 14, "Rows of patches (image height / patch size)", 1, 512, label="Grid rows")
GRID_W = Param("grid_w", "int", 14, "Columns of patches (image width / patch size)", 1, 512, label="Grid columns")
FRAMES = Param("frames", "int", 8, "Frames (time steps) of the video", 1, 512, label="Frames")
D_MODEL_4 = Param("d_model", "int", 128, "Width of each vector; a multiple of 4 (each axis gets sin and cos halves)",
                  4, 2048, label="d_model")
D_MODEL_6 = Param("d_model", "int", 192, "Width of each vector; a multiple of 6 (three axes, sin and cos each)",
                  6, 2048, label="d_model")


def sincos_1d(coords: np.ndarray, width: int, base: float = 10000.0) -> np.ndarray:
    """(len(coords), width) MAE's 1D table: [sin(c w) | cos(c w)], w_k = base^(-k/(width/2))."""
    omega = 1.0 / base ** (np.arange(width // 2) / (width / 2))
    angle = np.outer(np.asarray(coords, dtype=np.float64), omega)
    return np.concatenate([np.sin(angle), np.cos(angle)], axis=1)


def sincos_2d(grid_h: int, grid_w: int, d_model: int, base: float = 10000.0) -> np.ndarray:
    """(grid_h * grid_w, d_model) in the MAE convention: patches row-major (index = row * W + col);
    the FIRST d/2 channels encode the column (x), the LAST d/2 the row (y)."""
    return _grid_table((grid_h, grid_w), (1, 0), d_model // 2, base)


def sincos_3d(frames: int, grid_h: int, grid_w: int, d_model: int, base: float = 10000.0) -> np.ndarray:
    """(frames * grid_h * grid_w, d_model): a third of the channels each for time, row and column
    (in that order, as NVIDIA Cosmos's SinCosPosEmbAxis), tubelets flattened time-major then row-major."""
    return _grid_table((frames, grid_h, grid_w), (0, 1, 2), d_model // 3, base)


def _grid_table(sizes: tuple[int, ...], channel_axes: tuple[int, ...], width: int, base: float) -> np.ndarray:
    """(prod(sizes), len(channel_axes) * width): at each point of a grid of ``sizes`` (flattened row-major), the
    1D tables of its coordinates on ``channel_axes``, side by side in that order. Each axis' table is computed
    once, for its own length, and broadcast over the grid: the same numbers as computed at every point, in
    a fraction of the time (figures in benchmarks/README.md)."""
    table = np.empty((*sizes, len(channel_axes) * width))
    for block, axis in enumerate(channel_axes):
        shape = [1] * len(sizes) + [width]
        shape[axis] = sizes[axis]
        table[..., block * width:(block + 1) * width] = sincos_1d(np.arange(sizes[axis]), width, base).reshape(shape)
    return table.reshape(-1, table.shape[-1])


def _cubic_weights(t: np.ndarray, a: float = -0.75) -> np.ndarray:
    """Weights of the 4 neighbours at offsets -1, 0, 1, 2 for fractional position t (Keys, a = -0.75)."""
    def near(x):
        return ((a + 2) * x - (a + 3)) * x * x + 1

    def far(x):
        return ((a * x - 5 * a) * x + 8 * a) * x - 4 * a

    return np.stack([far(t + 1), near(t), near(1 - t), far(2 - t)], axis=-1)


def _resize_matrix(old: int, new: int) -> np.ndarray:
    """(new, old) linear map of bicubic resampling along one axis, half-pixel centres, edges clamped
    (the behaviour of torch interpolate(mode='bicubic', align_corners=False) without antialiasing, as
    MAE's interpolate_pos_embed calls it)."""
    src = (np.arange(new) + 0.5) * (old / new) - 0.5
    left = np.floor(src).astype(np.int64)
    weights = _cubic_weights(src - left)
    matrix = np.zeros((new, old))
    for k in range(4):
        np.add.at(matrix, (np.arange(new), np.clip(left - 1 + k, 0, old - 1)), weights[:, k])
    return matrix


def resize_grid(table: np.ndarray, old: tuple[int, int], new: tuple[int, int]) -> np.ndarray:
    """(new_h * new_w, d) a learned (old_h * old_w, d) patch table resized by bicubic interpolation, as
    MAE's interpolate_pos_embed does for a new image size (class-token rows are the caller's to keep)."""
    (h, w), (h2, w2) = old, new
    table = np.asarray(table, dtype=np.float64)
    if table.shape[0] != h * w:
        raise InputError("table has {0} rows, not the {1} x {2} = {3} of its grid", table.shape[0], h, w, h * w)
    grid = table.reshape(h, w, -1)
    out = np.einsum("ai,bj,ijd->abd", _resize_matrix(h, h2), _resize_matrix(w, w2), grid, optimize=True)
    return out.reshape(h2 * w2, -1)


def learned_grid(grid_h: int, grid_w: int, d_model: int, train_h: int = 7, train_w: int = 7,
                 seed: int = 0) -> np.ndarray:
    """(grid_h * grid_w, d_model) a smooth stand-in for a learned ViT table trained at train_h x train_w
    (the 2D sin-cos table plus seeded noise, std 0.02), resized to the requested grid."""
    trained = sincos_2d(train_h, train_w, d_model) + np.random.default_rng(seed).normal(0, 0.02, (train_h * train_w, d_model))
    return resize_grid(trained, (train_h, train_w), (grid_h, grid_w))


def _grid_peak(sizes, axes):
    """The table, and the largest axis' 1D table while it is made (its angles, sin, cos and both side by side)."""
    def peak(d_model, **p):
        lengths = [p[name] for name in sizes]
        width = d_model // axes
        return 8 * (int(np.prod(lengths)) * axes * width + 2.5 * max(lengths) * width)
    return peak


def _learned_grid_peak(grid_h, grid_w, d_model, train_h, train_w, **_):
    """The trained stand-in (sin-cos and noise), the grid resized along one axis, the result and a copy."""
    return 8 * d_model * (3 * train_h * train_w + 2 * max(train_h * grid_w, grid_h * train_w) + 2 * grid_h * grid_w)


def _multiple(of):
    def check(d_model, **_):
        if d_model % of:
            raise InputError("d_model must be a multiple of {0} here, not {1}", of, d_model)
    return check


CITATION_MAE = "He et al. 2022, Masked Autoencoders Are Scalable Vision Learners (arXiv:2111.06377), util/pos_embed.py"

register(Method(
    name="image2d",
    title="2D sin-cos (images)",
    family="2d",
    citation=CITATION_MAE,
    summary="Half of each vector encodes the patch's column, half its row, each with 1D sin and cos.",
    params=(GRID_H, GRID_W, D_MODEL_4, BASE),
    outputs={"encoding": Output(sincos_2d, lambda grid_h, grid_w, d_model, **_: (grid_h * grid_w, d_model),
                                peak=_grid_peak(("grid_h", "grid_w"), 2))},
    check=_multiple(4),
    attention=ADDED,
))

register(Method(
    name="video3d",
    title="3D sin-cos (video)",
    family="2d",
    citation=CITATION_MAE + "; the split into thirds for time, row and column as NVIDIA Cosmos's "
             "SinCosPosEmbAxis (arXiv:2501.03575). ST-MAE (Feichtenhofer et al. 2022) learns separable "
             "space and time embeddings instead",
    summary="A third of each vector each for frame, row and column of a video tubelet.",
    params=(FRAMES, GRID_H, GRID_W, D_MODEL_6, BASE),
    outputs={"encoding": Output(sincos_3d, lambda frames, grid_h, grid_w, d_model, **_:
                                (frames * grid_h * grid_w, d_model),
                                peak=_grid_peak(("frames", "grid_h", "grid_w"), 3))},
    check=_multiple(6),
    attention=ADDED,
))

TRAIN_H = Param("train_h", "int", 7, "Rows of the grid the table was trained at", 1, 128, label="Trained rows")
TRAIN_W = Param("train_w", "int", 7, "Columns of the grid the table was trained at", 1, 128, label="Trained columns")
SEED = Param("seed", "int", 0, "Seed of the noise in the stand-in table", 0, 2**31 - 1, label="Seed")

register(Method(
    name="learned_grid",
    title="Learned grid, resized",
    family="2d",
    citation=CITATION_MAE + " interpolate_pos_embed (bicubic, no antialiasing; timm's resample_abs_pos_embed "
             "antialiases by default, which differs when a grid shrinks)",
    summary="A table learned at one image size, stretched to another by bicubic interpolation.",
    params=(GRID_H, GRID_W, D_MODEL_4, TRAIN_H, TRAIN_W, SEED),
    outputs={"encoding": Output(learned_grid, lambda grid_h, grid_w, d_model, **_: (grid_h * grid_w, d_model),
                                peak=_learned_grid_peak)},
    check=_multiple(4),
    attention=ADDED,
))
