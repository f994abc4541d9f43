"""The 'Every output' view draws whichever output the scene chooses, for every method."""

import numpy as np
import pytest

from posenc_gui.app import style
from posenc_gui.app.state import Scene, StateModel
from posenc_gui.app.views import applies
from posenc_gui.app.views.outputs import OutputsView, chosen_kind
from posenc_gui import cli
from posenc_gui.core import all_methods, registry
from posenc_gui.core.output_kinds import OutputKind, registered_kind
from posenc_gui.core.params import Param
from posenc_gui.core.registry import Method, Output
from view_helpers import open_view

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


def test_a_new_output_kind_is_one_place(qtbot, tmp_path, capsys):
    """A kind and a method defined here alone: the export subcommand lists it, exports it, and the Outputs view
    draws it with the kind's own axis names and panel titles."""
    kind = OutputKind("test_lags", "lag of each query behind each key, a kind a test defines: (2, queries, keys)",
                      ("query row", "key column"), ("lags", "lags squared"))

    def lags(seq_len):
        lag = np.subtract.outer(np.arange(seq_len), np.arange(seq_len)).astype(np.float64)
        return np.stack([lag, lag ** 2])

    with registered_kind(kind):
        method = Method("test_lagged", "Lagged", "relative", "none", "a method a test defines",
                        (Param("seq_len", "int", 5, "tokens", 1, 64),),
                        {"test_lags": Output(lags, lambda seq_len: (2, seq_len, seq_len))})
        with registry.registered(method):
            assert cli.export_main(["--help"]) == 0
            assert "lag of each query behind each key" in capsys.readouterr().out  # the subcommand's help line
            out = tmp_path / "lags.npy"
            assert cli.export_main(["test_lags", "--method", "test_lagged", "--seq-len", "4", "--out", str(out)]) == 0
            np.testing.assert_array_equal(np.load(out), lags(4))
            _, view = open_view(qtbot, OutputsView, style.theme_named("light"), {"output": "test_lags"},
                                method="test_lagged")
            assert view.axes == ("query row", "key column")
            assert view.plots[0].getAxis("left").labelText == "query row"
            assert [title for title, _ in view.panels] == ["lags", "lags squared"]
            assert view.hover_text(view.plots[1], 1, 3) == "lags squared: query row 3, key column 1: 4"


def test_numbers_in_cells_take_the_colour_that_reads_best_on_their_cell(qtbot):
    """The view's own guess (white on the lower part of every map) wrote white on the light low end of the default
    diverging map, at a contrast ratio down to 1.8; each number now takes black or white, the one that contrasts
    more with its cell (the app's one rule, WCAG's)."""
    model = StateModel(Scene(method="sinusoidal", params={"seq_len": 12, "d_model": 12}, view="outputs",
                             options={"output": "encoding"}), views=applies())
    view = OutputsView(model)
    qtbot.addWidget(view)
    view.set_look(style.theme_named("light"), style.BASE_POINTS)
    view.resize(800, 600)
    _kind, array, drawn = data = view.fetch(model.scene)
    view.show_data(model.scene, data)
    cmap, (low, high) = style.colour_map(drawn.signed), drawn.levels
    labels = view.grid.texts[view.plots[0]].labels
    assert len(labels) == array.size
    for row, col, _text, colour in labels:
        red, green, blue = cmap.map((array[row, col] - low) / (high - low), mode="float")[:3]
        cell = "#{:02x}{:02x}{:02x}".format(*(round(255 * part) for part in (red, green, blue)))
        other = "#000000" if colour == "#ffffff" else "#ffffff"
        assert style.contrast_ratio(colour, cell) >= style.contrast_ratio(other, cell) - 0.05, (row, col, cell)
