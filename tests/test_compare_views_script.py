"""scripts/compare_views.py: what it makes of two screenshots of a view (the drawing itself is the app's, run by the
script against two trees)."""

import numpy as np
import pytest

from tests.script_module import script_module


@pytest.fixture(scope="module")
def compare_views():
    yield from script_module("compare_views")


def picture(width: int, height: int) -> np.ndarray:
    shot = np.zeros((height, width, 4), dtype=np.uint8)
    shot[..., 3] = 255
    return shot


def test_identical_screenshots_are_said_identical(compare_views):
    difference, mask = compare_views.compare("encoding", "light", "sinusoidal", picture(40, 30), picture(40, 30))
    assert difference.identical and difference.share == 0 and not mask.any()
    assert "| encoding | light | sinusoidal | identical |" in compare_views.summary_table([difference])


def test_a_difference_is_measured_and_boxed(compare_views):
    before, after = picture(40, 30), picture(40, 30)
    after[5:7, 10:20, 0] = 200  # 20 pixels of 1200
    difference, _mask = compare_views.compare("bias", "dark", "t5", before, after)
    assert difference.box == (10, 5, 20, 7)
    assert difference.share == pytest.approx(20 / 1200)
    assert "differs: 1.67 % of pixels, box (10, 5, 20, 7)" in compare_views.summary_table([difference])


def test_what_only_one_screenshot_covers_differs(compare_views):
    difference, mask = compare_views.compare("order", "light", "rope", picture(40, 30), picture(40, 32))
    assert difference.box == (0, 30, 40, 32) and mask.shape == (32, 40)
    assert "size 40x30 -> 40x32" in compare_views.summary_table([difference])


def test_the_pair_shows_before_after_and_the_marked_pixels(compare_views):
    before, after = picture(40, 30), picture(40, 30)
    after[0, 0, 1] = 9
    _difference, mask = compare_views.compare("slopes", "light", "alibi", before, after)
    pair = compare_views.side_by_side(before, after, mask)
    assert pair.shape == (30, 3 * 40 + 2 * compare_views.GAP, 4)
    marked = pair[:, 2 * (40 + compare_views.GAP):]
    assert (marked[0, 0] == compare_views.MARK).all() and not (marked[1, 1] == compare_views.MARK).all()


def test_only_views_both_trees_show_are_compared_with_a_method_both_apply_to(compare_views):
    listed = {"before": {"bias": ["shaw", "t5"], "gone": ["rope"], "slopes": ["alibi"]},
              "after": {"bias": ["t5", "shaw", "fire"], "new": ["rope"], "slopes": ["alibi"]}}
    assert compare_views.common_scenes(listed, None) == {"bias": "shaw", "slopes": "alibi"}
    assert compare_views.common_scenes(listed, ["slopes"]) == {"slopes": "alibi"}
