"""The settings each lesson keeps in ``scene.options``, as ``Param``s keyed by the lesson's view key: the lesson's
controls are made from them (range, step, translated label and help), a scene's options are checked against them as
a method's parameters are (``checked``), and a lesson reads them clamped (``values``) since a scene made in code
skips that check. A lesson's step is not among them: its range is the lesson's number of steps."""

from __future__ import annotations

from collections.abc import Mapping

from ..params import InputError, Param
from ..methods.rope import SEQ_LEN
from .clocks import MAX_HANDS
from .learned_table import TABLE_ROWS

MAX_HEADS, MAX_D_MODEL, TOKENS = 8, 32, 4  # the multi-head lesson's batch: two sequences of four tokens
MAX_GRID, MAX_FRAMES = 32, 8
MAX_SHOWN_POSITIONS = 2048
MAX_SHIFT = 10_000

LESSON_OPTIONS: dict[str, tuple[Param, ...]] = {
    "walkthrough": (
        Param("query", "int", 0, "The input whose weighted values and sum the last steps follow", 0, 2,
              label="Query"),
    ),
    "multihead": (
        Param("heads", "int", 2, "Number of heads; must divide d_model", 1, MAX_HEADS, label="Heads"),
        Param("d_model", "int", 8, "Channels per token", 1, MAX_D_MODEL, label="d_model"),
        Param("valid_len_1", "int", 3, "Tokens of sequence 0 that are real; the rest are padding", 1, TOKENS,
              label="valid_lens[0]"),  # as the code names it; one line with the others
        Param("valid_len_2", "int", 2, "Tokens of sequence 1 that are real; the rest are padding", 1, TOKENS,
              label="valid_lens[1]"),
    ),
    "relative_property": (
        Param("p", "int", 3, "The position that is shifted", 0, MAX_SHIFT, label="Position p"),
        Param("k", "int", 2, "How far it is shifted", 0, MAX_SHIFT, label="Offset k"),
        Param("width", "int", 16, "Channels of the encoding (even: sin, cos pairs)", 2, 512, label="Width d",
              step=2),
    ),
    "images": (
        Param("grid", "int", 14, "Patches per row and column (image size / patch size)", 2, MAX_GRID,
              label="Grid (patches per side)"),
        Param("train_grid", "int", 7, "Grid size the synthetic learned table was made for, before resizing", 2,
              MAX_GRID, label="Learned table trained at"),
        Param("frames", "int", 4, "Video frames shown", 2, MAX_FRAMES, label="Frames"),
        Param("row", "int", 4, "Row of the chosen patch", 0, MAX_GRID - 1, label="Row"),
        Param("col", "int", 6, "Column of the chosen patch", 0, MAX_GRID - 1, label="Column"),
        Param("frame", "int", 1, "Frame of the chosen patch", 0, MAX_FRAMES - 1, label="Frame"),
    ),
    "cnn_rnn_attention": (
        Param("k", "int", 3, "Width of the convolution kernel", 1, 64, label="Kernel size k"),
        Param("d", "int", 512, "Channels per token (d_model)", 2, 16384, label="Width d"),
    ),
    "clocks": (
        Param("hands", "int", 8, "How many pairs to draw, spread from the fastest to the slowest", 1, MAX_HANDS,
              label="Hands and bits"),
    ),
    "learned_table": (
        Param("length", "int", TABLE_ROWS, "Positions shown in the two encodings (the table has 512)", TABLE_ROWS,
              MAX_SHOWN_POSITIONS, label="Positions shown"),
    ),
    "mrope_ids": (
        Param("rows", "int", 2, "Rows of patches of the image and the video (after the 2 x 2 merge)", 1, 8,
              label="Patch rows"),
        Param("cols", "int", 3, "Columns of patches of the image and the video", 1, 8, label="Patch columns"),
        Param("frames", "int", 3, "Frames of the video (each pair of frames one time step in Qwen2-VL)", 1, 8,
              label="Video frames"),
    ),
    "context_extension": (
        Param("dynamic_length", "int", 0, "Sequence length the scalings that depend on it (dynamic NTK, LongRoPE) "
              "are evaluated at; s·L0 when 0", 0, int(SEQ_LEN.maximum), label="Length-dependent scalings at"),
    ),
}


def step_of(options: Mapping, count: int) -> int:
    """A lesson's step from its options, clamped to its ``count`` steps."""
    return Param("step", "int", 0, "The lesson's step", 0, max(count - 1, 0)).clamp(options.get("step", 0))


def param(view: str, name: str) -> Param:
    """Option ``name`` of lesson ``view``."""
    found = {p.name: p for p in LESSON_OPTIONS.get(view, ())}
    if name not in found:
        raise InputError("lesson {0} has no option {1}", view, name)
    return found[name]


def values(view: str, options: Mapping) -> dict:
    """{name: value} of every option of lesson ``view``: each as given, clamped to its range (``Param.clamp``),
    or its default when absent or not a number."""
    return {p.name: p.clamp(options.get(p.name, p.default)) for p in LESSON_OPTIONS.get(view, ())}


def checked(view: str, options: Mapping) -> dict:
    """``options`` with the ones lesson ``view`` defines coerced and range-checked like a method's parameters
    (InputError naming the first out of range); options it does not define pass as they are."""
    return {**options, **{p.name: p.coerce(options[p.name]) for p in LESSON_OPTIONS.get(view, ()) if p.name in options}}
