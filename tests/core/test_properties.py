"""Property-based tests over the whole registry: random valid parameters give finite arrays of the
promised shape; random invalid ones give InputError with a one-line message, never another error."""

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from posenc_gui.core import registry
from posenc_gui.core.params import InputError

# Keep arrays small: cap every size-like integer so one example stays well under a millisecond or so.
SIZE_CAPS = {"seq_len": 40, "d_model": 48, "heads": 12, "grid_h": 6, "grid_w": 6, "frames": 4, "bits": 20,
             "max_len": 64, "num_buckets": 64, "max_distance": 300, "max_relative": 10, "head_dim": 16,
             "train_h": 8, "train_w": 8, "original_max_len": 4096}

METHOD_KINDS = [(m.name, kind) for m in registry.all_methods() for kind in m.outputs]


def value_strategy(param):
    if param.kind == "bool":
        return st.booleans()
    if param.kind == "choice":
        return st.sampled_from(param.choices)
    top = min(param.maximum, SIZE_CAPS.get(param.name, param.maximum))
    if param.kind == "int":
        return st.integers(int(param.minimum), int(top))
    return st.floats(param.minimum, top, allow_nan=False, allow_infinity=False)


def bad_value_strategy(param):
    bad = st.sampled_from(["", "abc", "nan", "inf", "-inf", None, [1], {"a": 1}])
    if param.kind in ("int", "float"):
        bad = bad | st.floats(max_value=param.minimum, exclude_max=True, allow_nan=False,
                              allow_infinity=False)
        bad = bad | st.floats(min_value=param.maximum, exclude_min=True, allow_nan=False,
                              allow_infinity=False)
    if param.kind == "int":
        bad = bad | st.sampled_from([0.5, 2.25])
    if param.kind == "choice":
        bad = bad | st.text(max_size=8).filter(lambda t: t not in param.choices)
    return bad


@pytest.mark.parametrize("name,kind", METHOD_KINDS)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_valid_parameters_give_finite_arrays_of_the_promised_shape(name, kind, data):
    method = registry.get(name)
    values = {p.name: data.draw(value_strategy(p), label=p.name) for p in method.params_for(kind)}
    try:
        array = method.compute(kind, values)
    except InputError as error:           # a documented cross-parameter rule (e.g. odd width for RoPE)
        assert "\n" not in str(error) and str(error)
        return
    resolved = method.resolve(kind, values)
    assert array.shape == tuple(method.output(kind).shape(**resolved))
    if kind == "wavelengths":  # a pair that never turns (p-RoPE's frequency 0) has an infinite wavelength
        frequencies = method.compute("frequencies", {k: v for k, v in values.items()
                                                     if k in {p.name for p in method.params_for("frequencies")}})
        assert np.array_equal(np.isposinf(array), frequencies == 0)
        array = array[frequencies > 0]
    assert np.all(np.isfinite(array))


@pytest.mark.parametrize("name,kind", METHOD_KINDS)
@settings(max_examples=15, deadline=None)
@given(data=st.data())
def test_invalid_parameters_give_one_line_input_errors(name, kind, data):
    method = registry.get(name)
    params = method.params_for(kind)
    if not params:
        return
    param = data.draw(st.sampled_from(params), label="param")
    if param.kind == "bool":
        bad = data.draw(st.sampled_from(["maybe", "", 2, None]), label="bad")
    else:
        bad = data.draw(bad_value_strategy(param), label="bad")
    with pytest.raises(InputError) as info:
        method.compute(kind, {param.name: bad})
    assert "\n" not in str(info.value) and param.name in str(info.value)
