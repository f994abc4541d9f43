"""The real model view: it draws a trained model's attention beside the ablated model's and their difference,
for each model; its settings go through scene.options; its fetch always runs in the window's worker."""

import os

import numpy as np
import pytest
from PySide6.QtCore import Qt

from posenc_gui.app import style
from posenc_gui.app.views import VIEWS
from posenc_gui.app.views.real_model import RealModelView, Settings, has_cjk
from posenc_gui.app.state import Scene
from posenc_gui.app.window import BACKGROUND_ELEMENTS, MainWindow
from posenc_gui.core import real_models
from view_helpers import open_view


def need(name):
    """Skip when the model is not installed, but only outside CI: there the models must be fetched."""
    if not real_models.get(name).available() and not os.environ.get("CI"):
        pytest.skip(f"model {name} is not installed (python3 scripts/fetch_models.py)")


def test_registered_and_always_in_the_worker():
    assert VIEWS["real_model"][2] is RealModelView
    assert RealModelView.size(Scene()) > BACKGROUND_ELEMENTS


def test_settings_are_clamped_to_the_model():
    settings = Settings.of(Scene(options={"model": "smollm2", "ablation": "none", "layer": 99, "head": -3}))
    assert settings == Settings("smollm2", "rope-off", 29, 0)
    assert Settings.of(Scene(options={"model": "gpt"})).model == "minilm"


def test_cjk_is_detected():
    assert has_cjk("the 猫") and not has_cjk("the cat é")


@pytest.mark.parametrize("name, ablation, layers, heads", [("minilm", "none", 6, 12), ("smollm2", "rope-off", 30, 9)])
def test_draws_real_and_ablated_attention(qtbot, name, ablation, layers, heads):
    need(name)
    model, view = open_view(qtbot, RealModelView, style.theme_named("light"),
                            {"model": name, "ablation": ablation, "layer": 1, "head": 2})
    data = view.data
    n = len(data.tokens)
    assert data.real.shape == data.ablated.shape == (layers, heads, n, n)
    assert len(view.thumbnails) == heads and len(view.large) == 3
    (_, real), (_, ablated), (_, difference) = view.large
    np.testing.assert_array_equal(real, data.real[1, 2])
    np.testing.assert_allclose(difference, ablated - real)
    assert view.next_tokens.isVisibleTo(view) == (name == "smollm2")
    if name == "minilm":  # learned positions matter: without them the head attends elsewhere
        assert np.abs(difference).max() > 0.05
    else:
        assert len(data.next_real) == len(data.next_ablated) == 10


def test_clicking_a_thumbnail_and_the_controls_write_options(qtbot):
    need("minilm")
    model, view = open_view(qtbot, RealModelView, style.theme_named("light"), {"model": "minilm"})
    qtbot.waitUntil(lambda: view.thumbnails[4].sceneBoundingRect().width() > 0)  # laid out
    centre = view.graphics.mapFromScene(view.thumbnails[4].sceneBoundingRect().center())
    qtbot.mouseClick(view.graphics.viewport(), Qt.LeftButton, pos=centre)
    assert model.scene.options["head"] == 4
    view.layer.setValue(3)
    assert model.scene.options["layer"] == 3
    view.ablation.activated.emit(view.ablation.findData("reverse"))
    assert model.scene.options["ablation"] == "reverse"
    assert "Chinese" not in view.notes.text()
    model.update(text="我们是中国人")
    assert "244" in view.notes.text()


def test_the_window_fetches_it_in_its_worker(qtbot, monkeypatch):
    need("minilm")
    window = MainWindow()
    qtbot.addWidget(window)
    submitted = []
    submit = window.runner.submit
    monkeypatch.setattr(window.runner, "submit", lambda fn, tag: submitted.append(tag) or submit(fn, tag))
    window.model.update(view="real_model", options={"model": "minilm", "ablation": "none"})
    assert submitted and submitted[-1][0] is window.view("real_model")
    view = window.view("real_model")
    qtbot.waitUntil(lambda: view.data is not None, timeout=20000)
    assert view.data.settings.ablation == "none"


def test_missing_models_say_how_to_get_them(qtbot, monkeypatch, tmp_path):
    monkeypatch.setenv("POSENC_MODELS_DIR", str(tmp_path))
    monkeypatch.setattr(real_models.base, "user_models_dir", lambda: tmp_path)
    monkeypatch.setattr(real_models.base, "resources_dir", lambda: tmp_path)
    minilm = real_models.MiniLM()  # a fresh one: the registered model may be loaded already
    monkeypatch.setitem(real_models.MODELS, "minilm", minilm)
    window = MainWindow()
    qtbot.addWidget(window)
    window.model.update(view="real_model", options={"model": "minilm"})
    qtbot.waitUntil(lambda: "fetch_models.py" in window.error_label.text(), timeout=10000)
