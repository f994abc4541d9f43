"""RoPE scalings are one registry: a scaling defined here, in the test alone, reaches the parameter panel,
``posenc-gui export --help``, a working export and the context-extension lesson."""

import numpy as np
import pytest

from posenc_gui import cli
from posenc_gui.app.panel import ParameterPanel
from posenc_gui.app.state import Scene, StateModel
from posenc_gui.app.views import applies
from posenc_gui.app.views.lessons import ContextExtensionLesson
from posenc_gui.core import registry, rope_scalings
from posenc_gui.core.params import Param

HALVING = Param("halving", "float", 2.0, "Test scaling: every frequency is divided by this", 1.0, 64.0,
                label="Halving")


def halved(d_model, base, rotary_fraction, seq_len, halving):
    return rope_scalings.default_inv_freq(rope_scalings.rotary_width(d_model, rotary_fraction), base) / halving, 1.5


@pytest.fixture
def halving():
    scaling = rope_scalings.register(rope_scalings.Scaling(
        "halving", "halving (a test)", "halving = every pair slowed by the halving", "a test of the registry",
        halved, (HALVING,), rope_scalings.Style(5, "dot", "x")))
    yield scaling
    rope_scalings.unregister("halving")
    assert "halving" not in registry.get("rope").param("scaling").choices


def test_a_scaling_defined_here_reaches_the_panel(qtbot, halving):
    panel = ParameterPanel(StateModel(Scene(method="rope"), views=applies()))
    qtbot.addWidget(panel)
    choices = panel.controls["scaling"]
    assert choices.findData("halving") >= 0 and "halving = every pair slowed" in choices.toolTip()
    assert "halving" in panel.controls
    choices.setCurrentIndex(choices.findData("halving"))
    assert panel.model.scene.params["scaling"] == "halving"


def test_a_scaling_defined_here_reaches_export_help_and_exports(tmp_path, capsys, halving):
    assert cli.export_main(["frequencies", "--help"]) == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "halving = every pair slowed by the halving" in text and "--halving" in text
    path = tmp_path / "f.npy"
    assert cli.export_main(["frequencies", "--d-model", "8", "--scaling", "halving", "--halving", "4",
                            "--out", str(path)]) == 0
    assert np.allclose(np.load(path), [1 / 4, 0.1 / 4, 0.01 / 4, 0.001 / 4])
    path = tmp_path / "e.npy"
    assert cli.export_main(["encoding", "--method", "rope", "--seq-len", "2", "--d-model", "2",
                            "--scaling", "halving", "--out", str(path)]) == 0
    assert np.allclose(np.load(path)[1], [1.5 * np.cos(0.5), 1.5 * np.sin(0.5)])  # its attention factor too


def test_a_scaling_defined_here_reaches_the_context_extension_lesson(qtbot, halving):
    model = StateModel(Scene(method="rope", view="context_extension", params={"d_model": 16}).validated(applies()),
                       views=applies())
    view = ContextExtensionLesson(model)
    qtbot.addWidget(view)
    view.resize(1600, 900)
    view.show_data(model.scene, view.fetch(model.scene))
    assert "halving (a test)" in [label.text for _sample, label in view.legend.items]
    assert np.allclose(view.shown["ratio_halving"], 0.5)
    assert view.curves["frequencies", "halving"].opts["symbol"] == "x"
