"""``posenc-gui --self-test`` in a subprocess (offscreen, and under Xvfb when it is installed), its plan,
its blank-image check, and how it and ``--deck`` treat bad input."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from posenc_gui.app import selftest
from posenc_gui.app.state import Deck, Scene
from posenc_gui.app.views import VIEWS, applies
from posenc_gui.app.window import MainWindow
from posenc_gui.core import registry
from posenc_gui.paths import resource

SUMMARY = re.compile(r"^self-test: (\d+) steps passed, (\d+) failed$")
DEFAULT_DECK = resource("decks", "default.posdeck")


def run(args, platform="offscreen", wrapper=(), timeout=300):
    env = {**os.environ, "QT_QPA_PLATFORM": platform}
    command = [*wrapper, sys.executable, "-m", "posenc_gui", *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=timeout)


def check_passed(result, screenshots: Path):
    lines = result.stdout.strip().splitlines()
    assert result.returncode == 0, result.stdout + result.stderr
    passed, failed = map(int, SUMMARY.match(lines[-1]).groups())
    assert failed == 0 and passed > len(VIEWS)
    shots = sorted(screenshots.glob("*.png"))
    assert len(shots) == passed
    image = QImage(str(shots[0]))
    assert (image.width(), image.height()) == selftest.WINDOW_SIZE


def cpu_seconds_of_children() -> float:
    times = os.times()
    return times.children_user + times.children_system


def test_self_test_offscreen_visits_the_deck_and_every_view(tmp_path):
    started = cpu_seconds_of_children()
    result = run(["--self-test", "--deck", str(DEFAULT_DECK), "--screenshot-dir", str(tmp_path / "shots")])
    check_passed(result, tmp_path / "shots")
    # well under a minute on an idle machine; CPU time, so that other work on a busy machine does not count
    assert cpu_seconds_of_children() - started < 45
    deck = Deck.load(DEFAULT_DECK, views=applies())
    names = [p.name for p in (tmp_path / "shots").glob("*-deck-*.png")]
    assert len(names) == len(deck.scenes)


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run is not installed")
def test_self_test_under_xvfb(tmp_path):
    result = run(["--self-test", "--screenshot-dir", str(tmp_path / "shots")], platform="xcb",
                 wrapper=("xvfb-run", "-a"))  # its default screen is smaller than the window: still drawn whole
    check_passed(result, tmp_path / "shots")


@pytest.mark.parametrize("args", [["--deck"], ["--self-test", "--deck"]])
def test_an_invalid_deck_exits_2_with_one_line(tmp_path, args):
    bad = tmp_path / "broken.posdeck"
    bad.write_text('{"version": 1, "scenes": [{"method": "sinusoidal", "view": "nowhere"}]}')
    result = run([*args, str(bad)])
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "broken.posdeck" in result.stderr and "nowhere" in result.stderr


def test_screenshot_dir_needs_the_self_test(tmp_path):
    result = run(["--screenshot-dir", str(tmp_path)])
    assert result.returncode == 2
    assert "--self-test" in result.stderr.strip().splitlines()[-1]


def test_plan_covers_every_view_once_per_distinct_output():
    steps = selftest.plan(None)
    pairs = [(scene.view, scene.method) for _, scene in steps]
    assert len(set(pairs)) == len(pairs)
    assert {view for view, _ in pairs} == set(VIEWS)
    for view, method in pairs:
        assert VIEWS[view][1](registry.get(method))
    encoding_methods = {m.name for m in registry.all_methods() if VIEWS["encoding"][1](m)}
    assert {method for view, method in pairs if view == "encoding"} == encoding_methods
    for key, (_title, applies_to, cls) in VIEWS.items():  # a view visited once shows the same for all
        methods = [method for view, method in pairs if view == key]
        if len(methods) == 1 and sum(map(applies_to, registry.all_methods())) > 1:
            digests = {selftest.data_digest(cls.fetch(Scene(method=m.name, view=key).validated(applies())))
                       for m in registry.all_methods() if applies_to(m)}
            assert len(digests) == 1, key


def test_blank_images_are_caught():
    image = QImage(40, 30, QImage.Format_RGB32)
    image.fill(QColor("#ffffff"))
    assert selftest.is_blank(image)
    image.setPixelColor(39, 29, QColor("#fffffe"))
    assert not selftest.is_blank(image)
    assert selftest.is_blank(QImage())


def test_a_failing_view_is_reported_and_fails_the_run(qapp, qtbot, capsys, monkeypatch):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    encoding = VIEWS["encoding"][2]

    def broken(self, scene, data):
        raise RuntimeError("drawing went wrong")

    monkeypatch.setattr(encoding, "show_data", broken)
    monkeypatch.setattr(encoding, "show_selection", broken)  # a step with the data of the one before draws with this
    steps = [(name, scene) for name, scene in selftest.plan(None) if scene.view in ("encoding", "attention")]
    status = selftest.SelfTest(qapp, window, None).run(steps)
    out = capsys.readouterr().out.strip().splitlines()
    broken_steps = sum(1 for _, scene in steps if scene.view == "encoding")
    assert status == 1
    assert sum("drawing went wrong" in line for line in out) == broken_steps
    assert out[-1] == f"self-test: {len(steps) - broken_steps} steps passed, {broken_steps} failed"


def test_a_failed_step_stays_in_the_layout_report(qapp, qtbot, monkeypatch):
    """A run over many configurations reads the reports: a step that failed must be in one, not left out of it."""
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(780, 700)
    window.show()

    def broken(self, scene, data):
        raise RuntimeError("drawing went wrong")

    monkeypatch.setattr(VIEWS["encoding"][2], "show_data", broken)
    steps = [(name, scene) for name, scene in selftest.plan(None) if scene.view in ("encoding", "attention")][:3]
    test = selftest.SelfTest(qapp, window, None, check_layout=True)
    assert test.run(steps) == 1
    assert [entry["name"] for entry in test.layout_steps] == [name for name, _ in steps]
    assert ["the step failed: RuntimeError: drawing went wrong"] in [entry["problems"] for entry in test.layout_steps]


def test_a_blank_view_fails(qapp, qtbot, capsys, monkeypatch):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    monkeypatch.setattr(selftest, "is_blank", lambda image: True)
    steps = selftest.plan(None)[:2]
    assert selftest.SelfTest(qapp, window, None).run(steps) == 1
    assert "blank" in capsys.readouterr().out


def test_a_view_that_cannot_show_anything_here_is_left_out_and_said_so(qapp, monkeypatch, capsys):
    """The installed app without the real models (or the packages that read them) tests every other view."""
    from posenc_gui.app.views.real_model import RealModelView
    from posenc_gui.core import real_models

    for model in real_models.MODELS.values():
        monkeypatch.setattr(model, "available", lambda: False)
    assert RealModelView.unavailable() is not None
    assert not any(name.startswith("real_model-") for name, _ in selftest.plan(None))
    deck = Deck.load(resource("decks", "default.posdeck"), applies())  # its real-model scenes are left out too
    assert any(scene.view.startswith("real_model") for scene in deck.scenes)
    kept = selftest.plan(deck)
    assert not any("-real_model" in name for name, _ in kept)
    assert sum(name.startswith("deck-") for name, _ in kept) == sum(
        not scene.view.startswith("real_model") for scene in deck.scenes)
    monkeypatch.setattr(selftest, "plan", lambda deck: [])
    assert selftest.run_self_test(qapp) == 0
    output = capsys.readouterr().out
    assert "skipped real_model: no real model is installed" in output
    assert ("skipped real_model_positions: a real model it needs is not installed (minilm, smollm2): install the "
            "posenc-gui-models package") in output

