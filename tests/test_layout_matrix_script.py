"""scripts/layout_matrix.py: the configurations it runs, and what it makes of the reports (the runs themselves are
the self-test's, tested in tests/app)."""

import dataclasses
from pathlib import Path

import pytest

from tests.script_module import script_module


@pytest.fixture(scope="module")
def matrix():
    yield from script_module("layout_matrix")


def test_the_whole_matrix_and_its_spanning_subset(matrix):
    every = matrix.configurations()
    assert len({each.name for each in every}) == len(every) == 5 * 3 * 2 * 2 * 2
    subset = matrix.configurations(subset=True)
    for index, choices in enumerate((matrix.SCREENS, matrix.SCALES, matrix.THEMES, matrix.LANGUAGES, matrix.MODES)):
        assert {dataclasses.astuple(each)[index] for each in subset} == set(choices)
    assert {each.mode for each in subset if each.screen == "3840x2160"} == {"presenting", "windowed"}
    narrowed = matrix.configurations(screens=("1280x800",), languages=("zh",), modes=("windowed",))
    assert len(narrowed) == 3 * 2 and {(each.screen, each.language, each.mode) for each in narrowed} == \
        {("1280x800", "zh", "windowed")}


def test_a_4k_screen_is_twice_the_pixels_of_its_logical_size(matrix):
    four_k = matrix.Configuration("3840x2160", "1.6", "dark", "zh", "presenting")
    command = four_k.command(Path("report.json"))
    assert command[command.index("--screen") + 1] == "3840x2160" and "--presenting" in command
    assert four_k.environment()["QT_SCALE_FACTOR"] == "2"
    windowed = matrix.Configuration("1280x800", "1.0", "light", "en", "windowed")
    assert windowed.environment()["QT_SCALE_FACTOR"] == "1" and "--presenting" not in windowed.command(Path("r"))


def test_the_problems_are_listed_and_set_the_status(matrix, tmp_path, monkeypatch):
    reports = {"1.0": {"steps": [{"name": "deck-01", "problems": []}]},
               "1.6": {"steps": [{"name": "deck-14", "problems": ["left axis name 'position' over left tick name"]}]}}
    monkeypatch.setattr(matrix, "run", lambda each, folder: (each, reports[each.scale]))
    narrow = ["--screens", "1280x800", "--themes", "dark", "--languages", "zh", "--modes", "windowed"]
    assert matrix.main(["--out", str(tmp_path), "--scales", "1.0", *narrow]) == 0
    assert matrix.main(["--out", str(tmp_path), "--scales", "1.0,1.6", *narrow]) == 1
    listed = (tmp_path / "problems.md").read_text()
    assert "| windowed-1280x800-x1.6-dark-zh | deck-14 | left axis name 'position' over" in listed
    monkeypatch.setattr(matrix, "run", lambda each, folder: (each, None))
    assert matrix.main(["--out", str(tmp_path), "--scales", "1.0", *narrow]) == 2


def test_deck_scenes_that_scroll_while_presenting_are_listed_apart(matrix, tmp_path, monkeypatch):
    """A page taller than the window is no layout problem, but presenting the hall cannot scroll it."""
    report = {"steps": [{"name": "deck-03-order-sinusoidal", "problems": [], "scroll": 55},
                        {"name": "order-t5", "problems": [], "scroll": 112},
                        {"name": "deck-04-attention-nope", "problems": [], "scroll": 0}]}
    monkeypatch.setattr(matrix, "run", lambda each, folder: (each, report))
    narrow = ["--screens", "1280x720", "--scales", "1.3", "--themes", "light", "--languages", "zh"]
    assert matrix.main(["--out", str(tmp_path), "--modes", "presenting", *narrow]) == 0
    listed = (tmp_path / "problems.md").read_text()
    assert "| presenting-1280x720-x1.3-light-zh | deck-03-order-sinusoidal | 55 px |" in listed
    assert "order-t5" not in listed and "deck-04" not in listed
    assert matrix.main(["--out", str(tmp_path), "--modes", "windowed", *narrow]) == 0
    assert "scroll" not in (tmp_path / "problems.md").read_text()
