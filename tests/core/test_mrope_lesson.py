"""The M-RoPE lesson's numbers: the (t, h, w) ids of text, an image and a video, alone and chained, against
transformers' get_rope_index (the known answers of scripts/make_method_references.py), which id each pair follows,
and the score of equal heads against a distance in one id."""

import json
from pathlib import Path

import numpy as np
import pytest

from posenc_gui.core.lessons import mrope_ids as mrope_lesson
from posenc_gui.core.methods import rope
from posenc_gui.core.lessons.mrope_ids import Block
from posenc_gui.core.params import InputError

REFERENCES = json.loads((Path(__file__).resolve().parents[1] / "data" / "method_references.json").read_text())
LAYOUT_CASES = [c for c in REFERENCES["mrope"] if "cos" not in c]


@pytest.mark.parametrize("case", LAYOUT_CASES, ids=lambda c: c["name"])
def test_the_ids_of_text_a_vision_block_and_text_are_get_rope_index_s(case):
    app = case["app"]
    vision = app["frames"] * app["grid_h"] * app["grid_w"]
    modality = "image" if app["frames"] == 1 else "video"
    blocks = (Block("text", 0, app["text_before"]),
              Block(modality, app["text_before"], vision, app["frames"], app["grid_h"], app["grid_w"]),
              Block("text", app["text_before"] + vision, app["seq_len"] - app["text_before"] - vision))
    np.testing.assert_array_equal(mrope_lesson.sequence_ids(blocks, app["frame_step"]), case["position_ids"])


@pytest.mark.parametrize("case", REFERENCES["mrope_chains"], ids=lambda c: c["name"])
def test_several_vision_blocks_with_text_between_are_numbered_as_get_rope_index_numbers_them(case):
    """Each block starts where the text before it left off; text after a block resumes at the block's start +
    max(rows, columns), even after a video whose time ids ran further (transformers 5.25)."""
    blocks, start = [], 0
    for kind, size in case["blocks"]:
        if kind == "text":
            blocks.append(Block("text", start, size))
            start += size
        else:
            frames, rows, cols = size
            blocks.append(Block(kind, start, frames * rows * cols, frames, rows, cols))
            start += frames * rows * cols
    np.testing.assert_array_equal(mrope_lesson.sequence_ids(blocks, case["frame_step"]), case["position_ids"])


def test_the_lessons_own_chain_is_get_rope_index_s():
    case = next(c for c in REFERENCES["mrope_chains"] if c["name"] == "Qwen2-VL text, image, text, video, text")
    np.testing.assert_array_equal(mrope_lesson.lesson("video", rows=2, cols=3, frames=3).ids, case["position_ids"])


def test_text_image_text_video_text_runs_on_from_block_to_block():
    step = mrope_lesson.lesson("video", rows=2, cols=3, frames=3)
    kinds = [(b.modality, b.length) for b in step.blocks]
    assert kinds == [("text", 3), ("image", 6), ("text", 2), ("video", 18), ("text", 2)]
    ids = step.ids
    assert ids.shape == (3, 31) and list(step.modality) == [0] * 3 + [1] * 6 + [0] * 2 + [2] * 18 + [0] * 2
    # text: three equal ids, counting on; the image: rows and columns from 3, one time id
    assert ids[:, :3].tolist() == [[0, 1, 2]] * 3
    assert ids[:, 3:9].tolist() == [[3] * 6, [3, 3, 3, 4, 4, 4], [3, 4, 5, 3, 4, 5]]
    # text after the image goes on at 3 + max(rows, columns) = 6; the video starts after it, at 8
    assert ids[:, 9:11].tolist() == [[6, 7]] * 3
    video = ids[:, 11:29]
    assert [sorted(set(axis)) for axis in video] == [[8, 9, 10], [8, 9], [8, 9, 10]]
    assert ids[:, 29:].tolist() == [[11, 12]] * 3


def test_qwen2_vl_gives_time_the_fast_pairs_and_qwen3_vl_spreads_each_id_over_the_spectrum():
    blocks, interleaved = mrope_lesson.lesson("video"), mrope_lesson.lesson("interleaved")
    assert list(blocks.pair_axis[:16]) == [0] * 16 and list(blocks.pair_axis[-24:]) == [2] * 24
    assert list(interleaved.pair_axis[:6]) == [0, 1, 2, 0, 1, 2] and interleaved.section == (24, 20, 20)
    # with blocks, a step in time turns the 16 fastest pairs and the score falls fast; a step in columns turns
    # only the slow pairs and hardly moves it; interleaved, each id's score falls alike
    at = 8
    assert blocks.scores["time"][at] < blocks.scores["row"][at] < blocks.scores["column"][at]
    spread = [interleaved.scores[axis][at] for axis in mrope_lesson.AXES]
    assert max(spread) - min(spread) < blocks.scores["column"][at] - blocks.scores["time"][at]


def test_text_moves_all_three_ids_so_its_score_is_plain_ropes_and_one_ids_scores_sum_to_it():
    step = mrope_lesson.lesson("image")
    inv = rope.inv_freq(128, 1e6)
    np.testing.assert_allclose(step.scores["text"], np.cos(np.outer(step.distances, inv)).mean(1), rtol=1e-12)
    pairs = len(inv)
    # each pair turns in exactly one id: the three single-id losses add up to the text's
    losses = sum(1 - step.scores[axis] for axis in mrope_lesson.AXES)
    np.testing.assert_allclose(losses, 1 - step.scores["text"], atol=1e-12)
    assert all(step.scores[axis][0] == 1 for axis in ("text", *mrope_lesson.AXES)) and pairs == 64


def test_a_bad_step_or_size_is_one_clear_line():
    with pytest.raises(InputError, match="steps"):
        mrope_lesson.lesson("audio")
    with pytest.raises(InputError, match="rows must be 1 to 64"):
        mrope_lesson.lesson("image", rows=0)
