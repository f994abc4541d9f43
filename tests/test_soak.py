"""A short soak: random changes (the explore views, default sizes) through a real main window's state
model, redrawing after each, with no uncaught exception, no Qt warning and at most 20 MB of memory growth from the
1,000th change to the last. It runs in a child process, so that a crash inside Qt
fails this test instead of ending the test run. ``python -m benchmarks soak`` runs the long one."""

import json
import os
import subprocess
import sys

import pytest

CHANGES = 3_000
MAX_SECONDS = 75           # a loaded machine gets through fewer changes; the soak then stops early
MEMORY_FROM = 1_000        # the memory bound holds from this change to the last (as in the full soak)
MEMORY_WINDOW = 1_000      # changes: the memory bound is checked over at least this many
MAX_GROWTH = 20 * 1024**2  # bytes

SOAK = """
import json, sys
from PySide6.QtWidgets import QApplication
app = QApplication(["soak"])
from benchmarks.soak import run_soak
from posenc_gui.app.views import VIEWS
from posenc_gui.app.window import MainWindow
explore = [key for key, entry in VIEWS.items() if getattr(entry[2], "group", "explore") == "explore"]
window = MainWindow()
window.resize(800, 500)
window.show()
result = run_soak(window.model, int(sys.argv[1]), seed=1, scale=1.0, view_keys=explore,
                  max_seconds=float(sys.argv[2]), sample_every=100)
window.runner.wait()
app.processEvents()
print(json.dumps({"changes": result.changes, "exceptions": result.exceptions, "qt_warnings": result.qt_warnings,
                  "python_warnings": result.python_warnings,
                  "memory": result.memory,
                  "refused": result.refused, "stall_ms": result.longest_stall_ms,
                  "slowest_by_view": result.slowest_by_view}))
"""


def test_short_soak_raises_nothing_and_does_not_grow():
    done = subprocess.run([sys.executable, "-X", "faulthandler", "-c", SOAK, str(CHANGES), str(MAX_SECONDS)],
                          capture_output=True, text=True, timeout=MAX_SECONDS + 120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "OPENBLAS_NUM_THREADS": "1"})
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["exceptions"] == []
    assert result["qt_warnings"] == []
    assert result["python_warnings"] == []
    assert result["changes"] >= 50
    measured = [(number, rss) for number, rss in result["memory"] if number >= MEMORY_FROM]
    if not measured or measured[-1][0] - measured[0][0] < MEMORY_WINDOW:
        pytest.skip(f"only {result['changes']} changes in {MAX_SECONDS} s: too few for the memory bound")
    assert measured[-1][1] - measured[0][1] <= MAX_GROWTH, measured


REDRAWN_TEXT_ITEMS = """
import sys
from dataclasses import replace
from PySide6.QtWidgets import QApplication
app = QApplication(["redraw"])
from posenc_gui.app.state import Scene
from posenc_gui.app.window import MainWindow
window = MainWindow()
window.resize(1280, 800)
window.show()
scene = Scene(method="sinusoidal", view="cnn_rnn_attention", position=46, causal=True, position_only=True,
              params={"seq_len": 52, "min_timescale": 0.5473, "padding_idx": 3})
for changes in ({}, {"dims": (110, 101, 77)}, {"causal": False}, {"params": {**scene.params, "layout": "fairseq"}},
                {"dims": (6, 86)}, {"dims": ()}, {"dims": (1,)}, {"dims": (2,)}):
    scene = replace(scene, **changes)
    window.model.set_scene(scene)
    app.processEvents()
"""


def test_a_lesson_rebuilt_on_every_change_does_not_crash():
    """The soak's first find, eight scenes long: the "CNN, RNN or self-attention" lesson rebuilding its
    plots on every change segfaulted in the next paint (pyqtgraph 0.14, PySide6 6.11.3). It stopped
    after View.clear_plots began emptying the plots first and the lessons' look changed (278225b);
    the cause is not understood, so the case stays here."""
    done = subprocess.run([sys.executable, "-X", "faulthandler", "-c", REDRAWN_TEXT_ITEMS],
                          capture_output=True, text=True, timeout=300,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr[-3000:]


def test_the_soak_counts_the_changes_slower_than_the_target_from_the_warm_change_on(qapp):
    import time

    from benchmarks.soak import SLOW_CHANGE_MS, run_soak
    from posenc_gui.app.state import StateModel
    from posenc_gui.app.views import applies

    model = StateModel(views=applies())
    redraws = []

    def slow_redraw(_scene):
        redraws.append(1)
        time.sleep((SLOW_CHANGE_MS + 5) / 1e3)

    model.changed.connect(slow_redraw)
    result = run_soak(model, 12, seed=3, warm_from=1)
    assert 0 < len(redraws) <= 12 and result.slow_changes == len(redraws)  # refused changes draw nothing
    assert run_soak(model, 12, seed=3, warm_from=13).slow_changes == 0


def test_a_soak_records_each_distinct_python_warning_once(qtbot):
    """A NaN computed in a view prints a RuntimeWarning and nothing else: the soak records it with the scene."""
    import warnings

    from benchmarks.soak import run_soak
    from posenc_gui.app.state import StateModel
    from posenc_gui.app.views import applies

    model = StateModel(views=applies())
    model.changed.connect(lambda scene: warnings.warn("a NaN drawn", RuntimeWarning))
    result = run_soak(model, 30, seed=0, scale=1.0, sample_every=10, warm_from=10)
    assert len(result.python_warnings) >= 1 and all("a NaN drawn" in text for text in result.python_warnings)
    assert len(set(result.python_warnings)) == len(result.python_warnings)
    assert result.exceptions == []
