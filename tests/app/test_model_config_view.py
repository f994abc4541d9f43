"""A model's config.json opened in the app (File › Open model config…, File › Example models, a dropped file,
``posenc-gui --config``): the scene it sets, the layer strip that shows it, and one message for a file that is
not a usable config."""

import json
import os
import subprocess
import sys

import numpy as np
import pytest
import pyqtgraph as pg
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from posenc_gui.app import style
from posenc_gui.app.views.model_config import ModelConfigView
from posenc_gui.app.window import MainWindow
from posenc_gui.core import model_config
from posenc_gui.core.methods import rope
from posenc_gui.paths import resource

from view_helpers import open_view

EXAMPLES = model_config.example_configs()


@pytest.fixture
def window(qtbot):
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def shown_layer_strip(window):
    window.finish_work()
    view = window.current_view
    assert isinstance(view, ModelConfigView)
    return view


def test_every_example_is_in_the_menu_and_sets_the_rotation_of_its_first_rope_layer_type(window):
    assert len(EXAMPLES) >= 15
    for path in EXAMPLES:
        window.commands[f"example_{path.stem}"].trigger()
        scene = window.model.scene
        config = model_config.read_config(path)
        kind = config.first_rope_type()
        rotary = config.rotary[kind]
        assert (scene.method, scene.view) == ("rope", "model_config"), path.name
        assert scene.options["model_config"] == "example:" + path.name
        assert scene.params["d_model"] == rotary.head_dim and scene.params["base"] == rotary.theta, path.name
        assert scene.params["rotary_fraction"] == rotary.partial_rotary_factor, path.name
        # the scene's rotation is the model's: the frequencies the rope method computes are transformers'
        values = {name: scene.params[name] for name in rope.frequency_params()}
        expected, factor = model_config.frequencies(config, kind, scene.params["seq_len"])
        got, got_factor = rope.scaled(**values)
        assert np.allclose(got, expected, rtol=1e-12) and got_factor == pytest.approx(factor), path.name
        view = shown_layer_strip(window)
        assert len(view.shown["layer_rope_base"]) == len(config.layer_types), path.name
        assert window.error_label.text() == "", path.name


def test_the_strip_shows_gemma_3s_local_and_global_layers_and_llama_4s_nope_layers(qtbot, themed):
    model, view = open_view(qtbot, ModelConfigView, themed("light"), {"model_config": "example:gemma-3-4b-text.json"})
    bases = view.shown["layer_rope_base"]
    assert list(bases[:6]) == [1e4] * 5 + [1e6] and list(view.shown["layer_span"][:6]) == [1024] * 5 + [0]
    assert len(view.bars["sliding_attention"].opts["x"]) == 29 and len(view.bars["full_attention"].opts["x"]) == 5
    assert "linear scaling ×8" in view.hover_text(view.plots[0], 5, 1) and "window 1024" in view.hover_text(
        view.plots[0], 0, 1)
    model.update(options={"model_config": "example:llama-4-scout-17b-16e-instruct.json"})
    assert list(view.bars["nope"].opts["x"]) == list(range(3, 48, 4))
    assert "chunks of 8192" in view.hover_text(view.plots[0], 0, 1) and "NoPE" in view.hover_text(view.plots[0], 3, 0)
    assert "Not in the scene" in view.summary.text() and "NoPE layers" in view.summary.text()


def test_without_a_config_the_view_says_how_to_open_one(qtbot, themed):
    _model, view = open_view(qtbot, ModelConfigView, themed("dark"))
    assert "Open model config" in view.summary.text() and not view.graphics.isVisible()


def bad_files(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('{"num_hidden_layers": 2,')
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    huge = tmp_path / "huge.json"
    with open(huge, "wb") as handle:
        handle.truncate(model_config.MAX_CONFIG_BYTES + 10)
    spiral = tmp_path / "spiral.json"
    spiral.write_text(json.dumps({"num_hidden_layers": 2, "head_dim": 64, "rope_scaling": {"type": "spiral"}}))
    wide = tmp_path / "wide.json"
    wide.write_text(json.dumps({"num_hidden_layers": 2, "head_dim": 4096}))
    return [(broken, "is not JSON"), (fifo, "is not a file"), (huge, "larger than 16 MiB"),
            (spiral, "unknown rope type"), (wide, "d_model"), (tmp_path / "missing.json", "cannot read")]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_bad_or_unsupported_config_gives_one_line_and_changes_nothing(window, tmp_path):
    before = window.model.scene
    for path, message in bad_files(tmp_path):
        assert not window.open_model_config(path)
        text = window.error_label.text()
        assert message in text and path.name in text and "\n" not in text, (path.name, text)
        assert window.model.scene == before


def drop(window, path) -> tuple[bool, bool]:
    """Drag ``path`` over the window and drop it, as Qt hands the two events to the window (sent through the
    application they need a drag in progress); whether each was accepted."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(QPoint(20, 20), Qt.CopyAction, data, Qt.LeftButton, Qt.NoModifier)
    enter.setAccepted(False)
    window.dragEnterEvent(enter)
    dropped = QDropEvent(QPointF(20, 20), Qt.CopyAction, data, Qt.LeftButton, Qt.NoModifier)
    dropped.setAccepted(False)
    window.dropEvent(dropped)
    return enter.isAccepted(), dropped.isAccepted()


def test_a_config_dropped_on_the_window_opens_and_a_bad_one_is_named(window, tmp_path):
    assert window.acceptDrops()
    assert drop(window, resource("configs", "smollm3-3b.json")) == (True, True)
    assert window.model.scene.options["model_config"] == "example:smollm3-3b.json"
    assert shown_layer_strip(window).report.name == "smollm3-3b.json"
    bad = tmp_path / "notes.json"
    bad.write_text("[1, 2]")
    drop(window, bad)
    assert "JSON object" in window.error_label.text()
    assert window.model.scene.options["model_config"] == "example:smollm3-3b.json"


def test_a_deck_dropped_on_the_window_opens_as_a_deck(window, tmp_path):
    deck = tmp_path / "talk.posdeck"
    deck.write_text(json.dumps({"version": 1, "title": "dropped", "scenes": [{"method": "sinusoidal"}]}))
    drop(window, deck)
    assert window.deck.title == "dropped"


def test_a_users_config_is_named_by_its_path_and_its_strip_reads_it_again(window, tmp_path):
    path = tmp_path / "config.json"
    path.write_text(json.dumps({"model_type": "mistral", "num_hidden_layers": 4, "hidden_size": 512,
                                "num_attention_heads": 8, "sliding_window": 256, "rope_theta": 1e6}))
    assert window.open_model_config(path)
    assert window.model.scene.options["model_config"] == str(path.resolve())
    view = shown_layer_strip(window)
    assert list(view.shown["layer_span"]) == [256] * 4 and window.model.scene.params["d_model"] == 64
    path.write_text("{")  # gone bad after it was opened: the strip says so, nothing breaks
    window.model.update(options={**window.model.scene.options, "redraw": 1})
    window.finish_work()
    assert "is not JSON" in view.summary.text() and not view.graphics.isVisible()


SCRIPT = """
import sys
from posenc_gui.app.main import run_app
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

def check():
    window = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "" and hasattr(w, "model"))
    print(window.model.scene.method, window.model.scene.view, window.model.scene.params["base"])
    QApplication.quit()

QTimer.singleShot(0, check)
sys.exit(run_app(sys.argv[1:]))
"""


def test_posenc_gui_config_opens_it_and_a_bad_one_exits_2(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", SCRIPT, "--config", str(resource("configs", "qwen2.5-7b-instruct.json"))],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0 and done.stdout.split() == ["rope", "model_config", "1000000.0"], done.stderr[-2000:]
    bad = tmp_path / "bad.json"
    bad.write_text("{}")
    done = subprocess.run([sys.executable, "-c", SCRIPT, "--config", str(bad)], capture_output=True, text=True,
                          env=env, timeout=120)
    assert done.returncode == 2 and "num_hidden_layers" in done.stderr and done.stderr.count("\n") == 1


def test_each_layer_type_shows_its_wavelengths_and_score_against_distance_in_its_colour(qtbot, themed):
    _model, view = open_view(qtbot, ModelConfigView, themed("light"), {"model_config": "example:gemma-3-4b-text.json"})
    spectra = model_config.spectra(model_config.read_config(resource("configs", "gemma-3-4b-text.json")))
    waves, scores = view.plots[1], view.plots[2]
    drawn = [item for item in waves.listDataItems()]
    assert len(drawn) == len(spectra) == 2 and len(scores.listDataItems()) == 2
    for curve, kind in zip(drawn, spectra):
        np.testing.assert_array_equal(curve.yData, kind.wavelengths)
    colours = [curve.opts["pen"].color().name().lower() for curve in scores.listDataItems()]
    assert colours == [style.curve_colour(1, view.theme).lower(), style.curve_colour(0, view.theme).lower()]
    np.testing.assert_array_equal(view.shown["type 1 score"], spectra[1].score)
    # the trained and extended lengths of each type on the wavelengths, the 1024-token window on the score
    marks = sorted(round(10 ** line.value()) for line in waves.items if isinstance(line, pg.InfiniteLine))
    assert marks == [16384, 131072, 131072, 131072]
    assert [round(10 ** line.value()) for line in scores.items if isinstance(line, pg.InfiniteLine)] == [1024]
    assert "74 of 128 pairs do not complete one turn within the 16384 tokens" in view.summary.text()
    assert "pair 3" in view.hover_text(waves, 3, 2) and "at 1024" in view.hover_text(scores, 3.0103, 0.5)


def test_a_stack_of_layer_patterns_goes_there_with_its_pattern_and_others_cannot(window):
    window.commands["example_gpt-oss-20b"].trigger()
    view = shown_layer_strip(window)
    assert view.to_patterns.isEnabled()
    view.to_patterns.click()
    window.finish_work()
    scene = window.model.scene
    assert (scene.method, scene.view, scene.params["pattern"], scene.params["d_model"]) == (
        "layers", "attention", "gpt-oss", 64)
    assert window.error_label.text() == ""
    window.commands["example_llama-3.1-8b"].trigger()
    view = shown_layer_strip(window)
    assert not view.to_patterns.isEnabled() and "no stack like this one" in view.to_patterns.toolTip()


@pytest.mark.parametrize("config", ["gemma-3-4b-text.json", "llama-3.1-8b.json"])
def test_the_strip_and_both_spectra_are_in_sight_on_a_1280_by_720_projector_in_large_type(qtbot, themed, config):
    """The deck's notes point at the strip's bars, the wavelengths' dashed trained length and the window at 1024 on
    the right: presenting at 1280 x 720 x1.3 (the view below the audience title) the spectra were below the fold,
    held there by two-line titles and axis names as long as a plot is tall."""
    _model, view = open_view(qtbot, ModelConfigView, themed("light"), {"model_config": "example:" + config})
    view.resize(1280, 645)
    view.set_look(themed("light"), style.BASE_POINTS * 1.3 * style.PRESENTATION_SCALE)
    qtbot.wait(20)
    viewport = view.scroll.viewport()
    for plot in view.plots:  # with their axes' names
        bottom = view.graphics.mapTo(viewport, view.graphics.mapFromScene(plot.sceneBoundingRect().bottomLeft())).y()
        assert bottom <= viewport.height() and plot.vb.height() >= 80, plot.titleLabel.text


@pytest.mark.parametrize("size", [(1280, 632), (1024, 680)])
def test_the_legend_and_axis_names_fit_a_small_projector_at_x1_6(qtbot, themed, size):
    """Presenting at 1280 x 720 x1.6 (scenes 35-37), the legend beside the button could not wrap its entries and
    widened the page: the legend and the summary below ran 60-66 px out of sight (316-322 px at 1024 x 768). Its
    entries now flow onto the lines the page's width needs. At 1024 x 768 'distance (tokens)' was then 2 px longer
    than its axis, under a plot half the page wide: it wraps to the axis."""
    from PySide6.QtWidgets import QApplication

    from posenc_gui.app import layout_check

    _model, view = open_view(qtbot, ModelConfigView, themed("light"), {"model_config": "example:gemma-3-4b-text.json"})
    view.resize(*size)
    points = style.BASE_POINTS * 1.6 * style.PRESENTATION_SCALE
    font = view.font()
    font.setPointSizeF(points)
    view.setFont(font)  # the button's text size, as the window gives its widgets theirs
    view.set_look(themed("light"), points)
    view.grab()  # as the layout check runs on the layout that stays on screen (axes measure their names painting)
    QApplication.processEvents()
    problems = layout_check.check_window(view).problems
    assert problems == [], problems[:4]
    tops = {entry.geometry().top() for entry in [view.to_patterns, *view.legend] if entry.isVisible()}
    assert len(tops) > 1  # the case: the entries take more than one line
