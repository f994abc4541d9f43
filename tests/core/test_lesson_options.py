"""Lesson options are Params: a deck's out-of-range option is refused with the message a method parameter gets,
options a lesson does not define pass, and a lesson reads its options through the one clamp, ``Param.clamp``."""

import pytest

from posenc_gui.core.lessons import options
from posenc_gui.core.params import InputError, Param
from posenc_gui.scene import Scene

HEADS = Param("heads", "int", 2, "Number of heads", 1, 8)


@pytest.mark.parametrize("given, clamped", [(3, 3), (50, 8), (-4, 1), (2.7, 2), ("three", 2), (True, 2),
                                            (float("nan"), 2), (None, 2)])
def test_clamp_pulls_a_value_into_range_and_falls_back_to_the_default(given, clamped):
    assert HEADS.clamp(given) == clamped


def test_an_out_of_range_lesson_option_is_refused_as_a_method_parameter_is():
    with pytest.raises(InputError) as option:
        Scene.from_json({"method": "sinusoidal", "view": "multihead", "options": {"heads": 50}})
    with pytest.raises(InputError) as param:
        Scene.from_json({"method": "sinusoidal", "params": {"d_model": 5000}})
    assert str(option.value) == "heads must be at most 8, not 50"
    assert option.value.template == param.value.template  # the same message, translated the same way
    with pytest.raises(InputError, match="width must be a whole number, not 2.5"):
        Scene.from_json({"method": "sinusoidal", "view": "relative_property", "options": {"width": 2.5}})


def test_options_in_range_and_options_a_lesson_does_not_define_pass():
    scene = Scene.from_json({"method": "sinusoidal", "view": "multihead", "options": {"heads": 4, "step": 1, "note": "x"}})
    assert scene.options == {"heads": 4, "step": 1, "note": "x"}
    assert Scene.from_json({"method": "sinusoidal", "view": "encoding", "options": {"heads": 50}}).options == {"heads": 50}


def test_a_lesson_reads_its_options_clamped_with_defaults_for_the_missing():
    assert options.values("multihead", {"heads": 99, "d_model": "wide"}) == {
        "heads": 8, "d_model": 8, "valid_len_1": 3, "valid_len_2": 2}
    assert options.step_of({"step": 9}, 3) == 2 and options.step_of({"step": -1}, 3) == 0
    with pytest.raises(InputError, match="lesson multihead has no option colour"):
        options.param("multihead", "colour")
