"""The state model: scenes validate and round-trip through JSON, decks refuse what they cannot show,
and the model announces each real change once and refuses bad values without changing."""

import json

import pytest

from posenc_gui.app.state import DECK_VERSION, Deck, Scene, StateModel
from posenc_gui.app.views import applies
from posenc_gui.core import InputError, get


def test_scene_fills_defaults_and_round_trips_through_json():
    scene = Scene(method="rope", params={"seq_len": 64}, view="decay", options={"step": 2}).validated(applies())
    assert scene.params == {**get("rope").defaults(), "seq_len": 64}
    again = Scene.from_json(json.loads(json.dumps(scene.to_json())), applies())
    assert again == scene


@pytest.mark.parametrize("data, message", [
    ([], "must be a JSON object"),
    ({"params": {}}, "needs a \"method\""),
    ({"method": "warp"}, "unknown method 'warp'"),
    ({"method": "sinusoidal", "colour": 1}, "unknown scene key 'colour'"),
    ({"method": "sinusoidal", "params": {"heads": 3}}, "has no parameter heads"),
    ({"method": "sinusoidal", "params": {"seq_len": 0}}, "seq_len must be at least 1"),
    ({"method": "sinusoidal", "params": {"seq_len": "many"}}, "seq_len must be a number"),
    ({"method": "sinusoidal", "view": "slopes"}, "does not apply to method 'sinusoidal'"),
    ({"method": "sinusoidal", "view": "cinema"}, "unknown view 'cinema'"),
    ({"method": "sinusoidal", "dims": [1, -2]}, "each of dims must be a whole number from 0"),
    ({"method": "sinusoidal", "head": "some"}, "head must be"),
    ({"method": "sinusoidal", "causal": "yes"}, "causal must be true or false"),
    ({"method": "sinusoidal", "options": {"step": [1]}}, "option step must be a number"),
    ({"method": "sinusoidal", "options": {"x": float("inf")}}, "option x must be a finite number"),
    ({"method": "sinusoidal", "options": [1]}, "options must be an object"),
])
def test_bad_scenes_name_their_problem(data, message):
    with pytest.raises(InputError, match=message):
        Scene.from_json(data, applies())


def test_scene_option_falls_back_to_the_default_of_another_type():
    scene = Scene(options={"step": "three", "on": 1, "k": 4})
    assert scene.option("step", 0) == 0
    assert scene.option("on", False) is False
    assert scene.option("k", 1) == 4
    assert scene.option("missing", 7) == 7


def test_deck_round_trip_and_refusals(tmp_path):
    deck = Deck((Scene(title="one").validated(), Scene(method="alibi", view="slopes").validated(applies())), "t")
    path = tmp_path / "d.posdeck"
    deck.save(path)
    assert Deck.load(path, applies()) == deck
    for data, message in [
        ({"version": DECK_VERSION, "scenes": []}, "the deck has no scenes"),
        ({"version": 99, "scenes": [{"method": "sinusoidal"}]}, "unsupported deck version 99"),
        ({"version": True, "scenes": [{"method": "sinusoidal"}]}, "unsupported deck version"),
        ({"version": DECK_VERSION, "scenes": [{"method": "sinusoidal"}, {"method": "x"}]}, "scene 2: unknown method"),
        ({"version": DECK_VERSION, "scenes": [{"method": "alibi", "params": {"heads": 9999}}]}, "scene 1: heads"),
    ]:
        path.write_text(json.dumps(data), encoding="utf-8")
        with pytest.raises(InputError, match=message):
            Deck.load(path, applies())


def test_model_announces_real_changes_once_and_refuses_bad_values(qtbot):
    model = StateModel(views=applies())
    changes, errors = [], []
    model.changed.connect(changes.append)
    model.error.connect(errors.append)
    assert model.set_param("seq_len", 64)
    assert not model.set_param("seq_len", 64)          # no change, no signal
    assert not model.set_param("seq_len", -1)
    assert model.scene.params["seq_len"] == 64 and len(changes) == 1
    assert errors == ["seq_len must be at least 1, not -1"]
    assert model.set_option("step", 3) and model.scene.option("step", 0) == 3


def test_switching_method_keeps_shared_parameters_and_finds_a_view_that_applies(qtbot):
    model = StateModel(views=applies())
    model.set_params({"seq_len": 40, "d_model": 64})
    model.set_view("encoding")
    assert model.set_method("alibi")
    assert model.scene.params["seq_len"] == 40
    assert applies()[model.scene.view](get("alibi"))
    assert model.set_method("rope", view="decay") and model.scene.view == "decay"
    assert model.scene.params["seq_len"] == 40 and model.scene.params["d_model"] == get("rope").defaults()["d_model"]


@pytest.mark.parametrize("method", ["alibi", "t5"])
def test_one_causal_setting_for_the_attention_switch_and_the_method_parameter(qtbot, method):
    model = StateModel(views=applies())
    model.set_method(method)
    assert model.update(causal=True)                   # the attention view's switch
    assert model.scene.params["causal"] is True
    assert model.set_param("causal", False)            # the panel's check box
    assert model.scene.causal is False
    assert model.set_param("causal", "on")             # coerced like any value of the parameter
    assert model.scene.causal is True
    model.set_method("sinusoidal")                     # no such parameter: the switch stays as it was
    assert model.scene.causal is True
    model.update(causal=False)
    model.set_method(method)
    assert model.scene.causal is False and model.scene.params["causal"] is False


def test_a_scene_is_causal_when_either_control_says_so():
    for data in ({"method": "alibi", "view": "bias", "causal": True},
                 {"method": "alibi", "view": "bias", "params": {"causal": True}}):
        scene = Scene.from_json(data, applies())
        assert scene.causal is True and scene.params["causal"] is True
    scene = Scene.from_json({"method": "sinusoidal", "causal": True}, applies())
    assert scene.causal is True and "causal" not in scene.params
