"""The numbers of the lesson "How M-RoPE numbers text, image and video tokens": a sequence of text, an image and
a video, each token's (time, row, column) ids as Qwen2-VL's ``get_rope_index`` assigns them, which id each
rotated pair of a head follows (Qwen2-VL's blocks or Qwen3-VL's interleaving), and what q.k of two equal
heads then does when the ids of query and key differ in time only, in rows only, in columns only, or in all
three by the same amount (text). The ids of one vision block come from the method M-RoPE (``mrope``), whose
known answers are transformers' own; a block placed after another starts where the text after the first
would have gone, as ``get_rope_index`` continues its running position."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..methods import mrope
from ..params import InputError

# the steps: which blocks the sequence has, and whether the pairs interleave (Qwen3-VL) or form blocks (Qwen2-VL)
STEPS = ("text", "image", "video", "interleaved")
MODALITIES = ("text", "image", "video")
AXES = ("time", "row", "column")
HEAD_DIM = 128           # Qwen2-VL's and Qwen3-VL's head width
BASE = 1_000_000.0       # their rope_theta
QWEN2_SECTION = (16, 24, 24)
QWEN3_SECTION = (24, 20, 20)
MAX_DISTANCE = 128       # the score is drawn for distances 0 .. MAX_DISTANCE
TEXT_LENGTHS = (3, 2, 2)  # text before the image, between image and video, after the last block


@dataclass(frozen=True)
class Block:
    """A run of tokens: text of ``length`` tokens, or an image or video of frames x rows x columns patches
    (after the 2 x 2 merge), from token ``start``."""

    modality: str
    start: int
    length: int
    frames: int = 1
    rows: int = 1
    cols: int = 1


@dataclass(frozen=True)
class MRopeLesson:
    """One step of the lesson. ``ids`` (3, n): each token's time, row and column id; ``modality`` (n,) the index
    of its block's modality in MODALITIES; ``pair_axis`` (pairs,): the id (index into AXES) each pair turns by;
    ``scores`` {"text", "time", "row", "column"}: q.k / |q||k| of equal all-ones heads at ``distances`` when the
    query's and key's ids differ by that much in all three (text), or in that id only."""

    step: str
    blocks: tuple[Block, ...]
    ids: np.ndarray
    modality: np.ndarray
    interleaved: bool
    section: tuple[int, int, int]
    pair_axis: np.ndarray
    distances: np.ndarray
    scores: dict


def blocks_for(step: str, rows: int = 2, cols: int = 3, frames: int = 3) -> tuple[Block, ...]:
    """The sequence of ``step``: text alone; text, an image, text; or text, an image, text, a video, text."""
    if step not in STEPS:
        raise InputError("the M-RoPE lesson has steps {0}, not {1}", ", ".join(STEPS), step)
    for name, value, high in (("rows", rows, 64), ("columns", cols, 64), ("frames", frames, 64)):
        if not 1 <= value <= high:
            raise InputError("{0} must be 1 to {1}, not {2}", name, high, value)
    before, between, after = TEXT_LENGTHS
    if step == "text":
        return (Block("text", 0, before + between + after + 1),)
    parts = [("text", before), ("image", 1), ("text", between)]
    if step != "image":
        parts += [("video", frames), ("text", after)]
    blocks, start = [], 0
    for modality, size in parts:
        if modality == "text":
            blocks.append(Block("text", start, size))
            start += size
        else:
            blocks.append(Block(modality, start, size * rows * cols, size, rows, cols))
            start += size * rows * cols
    return tuple(blocks)


def sequence_ids(blocks, frame_step: int = 1) -> np.ndarray:
    """(3, n) (time, row, column) ids of the tokens of ``blocks`` in order: text counts on from the running
    position with three equal ids; a vision block takes M-RoPE's ids from the running position, and the running
    position then moves on as M-RoPE's text after the block does."""
    columns, position = [], 0
    for block in blocks:
        if block.modality == "text":
            columns.append(np.repeat(position + np.arange(block.length)[None, :], 3, axis=0))
            position += block.length
            continue
        ids = mrope.position_ids(block.length + 1, text_before=0, grid_h=block.rows, grid_w=block.cols,
                                 frames=block.frames, frame_step=frame_step)
        columns.append(position + ids[:, :-1])
        position += int(ids[0, -1])  # the next text token's id, relative to the block's start
    return np.concatenate(columns, axis=1) if columns else np.zeros((3, 0), dtype=np.int64)


def lesson(step: str, rows: int = 2, cols: int = 3, frames: int = 3) -> MRopeLesson:
    """Step ``step`` (one of STEPS) for images and videos of ``rows`` x ``cols`` patches and ``frames`` frames."""
    blocks = blocks_for(step, rows, cols, frames)
    ids = sequence_ids(blocks)
    modality = np.concatenate([np.full(b.length, MODALITIES.index(b.modality)) for b in blocks])
    interleaved = step == "interleaved"
    section = QWEN3_SECTION if interleaved else QWEN2_SECTION
    frequencies = mrope.inv_freq(HEAD_DIM, BASE)
    pair_axis = mrope.axis_of_pair(len(frequencies), section[0], section[1], interleaved)
    distances = np.arange(MAX_DISTANCE + 1)
    turns = np.cos(np.outer(distances, frequencies))  # (distances, pairs): a pair whose id moved by d
    scores = {"text": turns.mean(axis=1)}
    for index, axis in enumerate(AXES):
        moved = pair_axis == index  # the other pairs' ids are equal: they do not turn apart, cos 0 = 1
        scores[axis] = np.where(moved, turns, 1.0).mean(axis=1)
    return MRopeLesson(step, blocks, ids, modality, interleaved, section, pair_axis, distances, scores)
