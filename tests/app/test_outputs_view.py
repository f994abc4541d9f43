"""The 'Every output' view draws whichever output the scene chooses, for every method."""

import numpy as np
import pytest

from posenc_gui.app import style
from posenc_gui.app.state import Scene, StateModel
from posenc_gui.app.views import applies
from posenc_gui.app.views.outputs import OutputsView, chosen_kind
from posenc_gui.core import all_methods

SMALL = {"seq_len": 12, "d_model": 24, "heads": 2, "grid_h": 3, "grid_w": 4, "frames": 2}


def small_params(method):
    return {k: v for k, v in SMALL.items() if k in {p.name for p in method.params}}


def test_the_chosen_output_falls_back_to_the_methods_first():
    assert chosen_kind(Scene(method="t5", options={"output": "buckets"})) == "buckets"
    assert chosen_kind(Scene(method="t5", options={"output": "angles"})) == "buckets"
    assert chosen_kind(Scene(method="t5")) == "buckets"


@pytest.mark.parametrize("method", [m for m in all_methods()], ids=lambda m: m.name)
def test_every_output_of_every_method_draws_something(qtbot, method):
    for kind in method.outputs:
        model = StateModel(Scene(method=method.name, params=small_params(method), view="outputs",
                                 options={"output": kind}), views=applies())
        view = OutputsView(model)
        qtbot.addWidget(view)
        view.set_look(style.theme_named("dark"), style.BASE_POINTS)
        view.resize(800, 600)
        view.show_data(model.scene, view.fetch(model.scene))
        assert list(view.shown) == [kind]
        image = view.graphics.grab().toImage()
        colours = {image.pixel(x, y) for x in range(0, image.width(), 23) for y in range(0, image.height(), 19)}
        assert len(colours) > 3, f"{method.name}.{kind} looks blank"


def test_choosing_another_output_goes_through_the_state(qtbot):
    model = StateModel(Scene(method="shaw", view="outputs"), views=applies())
    view = OutputsView(model)
    qtbot.addWidget(view)
    view.show_data(model.scene, view.fetch(model.scene))
    index = view.kind.findData("tables")
    view.kind.activated.emit(index)
    assert model.scene.option("output", "") == "tables"
    kind, array, _ = view.fetch(model.scene)
    assert kind == "tables" and array.shape[0] == 2 and np.all(np.isfinite(array))


def test_values_past_float32_saturate_instead_of_overflowing(qtbot):
    """xPos's scale at B = 1 over 200 positions reaches 1e40, past float32: drawn saturated, no warning."""
    import warnings

    from posenc_gui.app.views.images import FLOAT32_MAX, float32_pixels

    model = StateModel(Scene(method="xpos", params={"seq_len": 200, "d_model": 64, "scale_base": 1.0},
                             view="outputs", options={"output": "scale"}), views=applies())
    view = OutputsView(model)
    qtbot.addWidget(view)
    view.set_look(style.theme_named("dark"), style.BASE_POINTS)
    data = view.fetch(model.scene)
    assert np.abs(data[1]).max() > FLOAT32_MAX
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        view.show_data(model.scene, data)
        pixels = float32_pixels(data[1])
    assert np.isfinite(pixels).all() and pixels.max() == np.float32(FLOAT32_MAX)
