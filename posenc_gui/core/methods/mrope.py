"""M-RoPE (Qwen2-VL, Qwen2.5-VL, Qwen3-VL): multimodal rotary positions. Every token carries three ids,
time, height and width; text tokens carry the same number three times (so text is plain RoPE), the patches
of an image or video carry their frame, row and column, offset by where the vision block starts. Each
rotated pair follows one of the three ids: Qwen2-VL gives the first ``section_t`` pairs to time, the next
``section_h`` to height and the rest to width (``mrope_section``); Qwen3-VL interleaves them (pair j follows
height when j = 1 mod 3, width when j = 2 mod 3, within three times their counts; time elsewhere).

The ids follow transformers 5.25 (``Qwen2VLModel.get_rope_index`` and ``get_vision_position_ids``): text
after a vision block resumes at its start + max(rows, columns). transformers 4.x and Qwen's own code resume
at the largest id + 1 instead, which differs only for a video whose time ids run past its rows and columns."""

from __future__ import annotations

import numpy as np

from ..params import InputError, Param
from ..registry import Attention, Entry, Method, Output, register
from .rope import pair_index

SEQ_LEN = Param("seq_len", "int", 40, "Number of tokens: text, then the image or video patches, then text", 1, 8192,
                label="Sequence length")
HEAD_DIM = Param("d_model", "int", 128, "Width of one head's queries and keys; must be even (Qwen2-VL: 128)", 2, 2048,
                 label="Head width")
BASE = Param("base", "float", 1_000_000.0, "Base of the frequencies (Qwen2-VL: 1e6)", 2.0, 1e9, label="Base")
TEXT_BEFORE = Param("text_before", "int", 4, "Text tokens before the vision block", 0, 8192, label="Text before")
GRID_H = Param("grid_h", "int", 4, "Rows of patches in the vision block (after the 2 x 2 merge)", 1, 256,
               label="Patch rows")
GRID_W = Param("grid_w", "int", 6, "Columns of patches in the vision block (after the 2 x 2 merge)", 1, 256,
               label="Patch columns")
FRAMES = Param("frames", "int", 1, "Frames of the vision block: 1 is an image, more a video", 1, 256, label="Frames")
FRAME_STEP = Param("frame_step", "int", 1, "Time id between frames: 1 in Qwen2-VL; Qwen2.5-VL uses tokens_per_second "
                   "x seconds per frame", 0, 1000, label="Frame step")
SECTION_T = Param("section_t", "int", 16, "Pairs that follow the time id (mrope_section[0]; Qwen2-VL 16, Qwen3-VL 24); "
                  "a head with fewer pairs gives it what it has", 0, 1024, label="Time pairs")
SECTION_H = Param("section_h", "int", 24, "Pairs that follow the row id (mrope_section[1]; Qwen2-VL 24, Qwen3-VL 20); "
                  "the width id takes the pairs left", 0, 1024, label="Row pairs")
INTERLEAVED = Param("interleaved", "bool", False, "Qwen3-VL: time, row and column pairs take turns (t h w t h w ...) "
                    "instead of three blocks", label="Interleaved")


def position_ids(seq_len: int, text_before: int = 4, grid_h: int = 4, grid_w: int = 6, frames: int = 1,
                 frame_step: int = 1) -> np.ndarray:
    """(3, seq_len) int (time, row, column) ids of the first ``seq_len`` tokens of text_before text tokens,
    frames x grid_h x grid_w patches (frame by frame, row by row) and text after."""
    token = np.arange(seq_len)
    vision = frames * grid_h * grid_w
    local = np.clip(token - text_before, 0, vision - 1)
    ids = np.empty((3, seq_len), dtype=np.int64)
    ids[0] = text_before + local // (grid_h * grid_w) * frame_step
    ids[1] = text_before + local // grid_w % grid_h
    ids[2] = text_before + local % grid_w
    text = (token < text_before) | (token >= text_before + vision)
    after = text_before + max(grid_h, grid_w) + (token - text_before - vision)
    ids[:, text] = np.where(token < text_before, token, after)[text]
    return ids


def sections(pairs: int, section_t: int = 16, section_h: int = 24) -> tuple[int, int, int]:
    """(time, row, column) pair counts in a head of ``pairs`` pairs: time first, row next, column the rest."""
    t = min(section_t, pairs)
    h = min(section_h, pairs - t)
    return t, h, pairs - t - h


def axis_of_pair(pairs: int, section_t: int = 16, section_h: int = 24, interleaved: bool = False) -> np.ndarray:
    """(pairs,) 0, 1 or 2: the id (time, row, column) each pair turns by."""
    t, h, w = sections(pairs, section_t, section_h)
    if not interleaved:
        return np.repeat(np.arange(3), (t, h, w))
    axis = np.zeros(pairs, dtype=np.int64)
    axis[1:3 * h:3] = 1
    axis[2:3 * w:3] = 2
    return axis


def inv_freq(d_model: int, base: float = 1e6) -> np.ndarray:
    """(d/2,) theta_i = base^(-2i/d), as plain RoPE."""
    return base ** (-np.arange(0, d_model, 2, dtype=np.float64) / d_model)


def angles(seq_len: int, d_model: int = 128, base: float = 1e6, text_before: int = 4, grid_h: int = 4,
           grid_w: int = 6, frames: int = 1, frame_step: int = 1, section_t: int = 16, section_h: int = 24,
           interleaved: bool = False) -> np.ndarray:
    """(seq_len, d/2) angle of each pair at each token: its own id (time, row or column) x theta_i."""
    ids = position_ids(seq_len, text_before, grid_h, grid_w, frames, frame_step)
    frequencies = inv_freq(d_model, base)
    axis = axis_of_pair(len(frequencies), section_t, section_h, interleaved)
    out = ids[axis].T.astype(np.float64)
    out *= frequencies
    return out


def encoding(**values) -> np.ndarray:
    """(seq_len, d) the cos and sin tables in transformers' layout: [cos of every pair | sin of every pair]
    (its cos and sin tables are [angles | angles]; rotate_half pairs channel i with i + d/2)."""
    angle = angles(**values)
    return np.concatenate([np.cos(angle), np.sin(angle)], axis=1)


def rotate_by(x: np.ndarray, angle: np.ndarray) -> np.ndarray:
    """x (..., N, d) with pair (i, i + d/2) of each token turned by angle (N, d/2), as rotate_half does."""
    first, second = pair_index(x.shape[-1], "half")
    cos, sin = np.cos(angle), np.sin(angle)
    out = np.empty_like(x, dtype=np.float64)
    out[..., first] = x[..., first] * cos - x[..., second] * sin
    out[..., second] = x[..., second] * cos + x[..., first] * sin
    return out


def rotation(values: dict, positions: np.ndarray, head_dim: int):
    """In attention: each token's queries and keys turned by its (time, row, column) ids of this layout."""
    own = {k: values[k] for k in ANGLE_PARAMS if k not in ("seq_len", "d_model")}
    angle = angles(len(positions), head_dim, **own)
    return lambda x, key=False: rotate_by(x, angle)


def _check(d_model, **_):
    if d_model % 2:
        raise InputError("d_model must be even for M-RoPE (channels rotate in pairs), not {0}", d_model)


ANGLE_PARAMS = ("seq_len", "d_model", "base", "text_before", "grid_h", "grid_w", "frames", "frame_step",
                "section_t", "section_h", "interleaved")


def _pairs(d_model, **_):
    return (d_model // 2,)


def _table_peak(tables):
    """The ids (3 and their working copies), the per-pair axis and frequencies, and ``tables`` tables of
    (seq_len, pairs)."""
    def peak(seq_len, d_model, **_):
        return 8 * (10 * seq_len + 3 * d_model + tables * seq_len * (d_model // 2))
    return peak


register(Method(
    name="mrope",
    title="M-RoPE (multimodal)",
    family="rotary",
    citation="Wang et al. 2024, Qwen2-VL (arXiv:2409.12191); Bai et al. 2025, Qwen2.5-VL (arXiv:2502.13923); "
             "transformers Qwen2VLModel.get_rope_index and apply_multimodal_rotary_pos_emb",
    summary="Each token has a time, row and column id; blocks of pairs turn by each: text reduces to RoPE, "
            "image patches to 2D positions.",
    params=(SEQ_LEN, HEAD_DIM, BASE, TEXT_BEFORE, GRID_H, GRID_W, FRAMES, FRAME_STEP, SECTION_T, SECTION_H,
            INTERLEAVED),
    outputs={
        "angles": Output(angles, lambda seq_len, d_model, **_: (seq_len, d_model // 2), params=ANGLE_PARAMS,
                         peak=_table_peak(2)),
        "encoding": Output(encoding, lambda seq_len, d_model, **_: (seq_len, d_model), params=ANGLE_PARAMS,
                           peak=_table_peak(6)),
        "frequencies": Output(inv_freq, _pairs, params=("d_model", "base")),
        "positions": Output(position_ids, lambda seq_len, **_: (3, seq_len),
                            params=("seq_len", "text_before", "grid_h", "grid_w", "frames", "frame_step"),
                            peak=lambda seq_len, **_: 8 * 6 * seq_len),
        "wavelengths": Output(lambda d_model, base: 2 * np.pi / inv_freq(d_model, base), _pairs,
                              params=("d_model", "base")),
    },
    check=_check,
    tags=("rotary",),
    attention=Attention(Entry.ROTATE, rotation=rotation),
))
