"""A parameter the registry calls idle (its ``when`` is not met) changes no output; where it is met it
changes one: the panel hides exactly the controls that do nothing."""

import numpy as np
import pytest

from posenc_gui.core import registry
from posenc_gui.core.params import InputError, Param


def other_value(param: Param, value):
    """A valid value of ``param`` other than ``value``."""
    if param.kind == "bool":
        return not value
    if param.kind == "choice":
        return next(choice for choice in param.choices if choice != value)
    candidates = [value * 2, value + 1, param.minimum, param.maximum] if value else [1, param.maximum]
    for candidate in candidates:
        candidate = int(candidate) if param.kind == "int" else float(candidate)
        if candidate != value and param.minimum <= candidate <= param.maximum:
            return candidate
    raise AssertionError(param.name)


def outputs(method, values) -> dict[str, np.ndarray] | None:
    """Every output at ``values`` (seq_len kept small); None when the values are refused together."""
    try:
        return {kind: method.compute(kind, {p.name: values[p.name] for p in method.params_for(kind)})
                for kind in method.outputs}
    except InputError:
        return None


def small(method, **changes) -> dict:
    values = method.defaults() | changes
    if "seq_len" in values:
        values["seq_len"] = min(values["seq_len"], 32)
    return values


def changed(method, values, name) -> bool | None:
    before = outputs(method, values)
    after = outputs(method, values | {name: other_value(method.param(name), values[name])})
    if before is None or after is None:
        return None
    return any(before[k].shape != after[k].shape or not np.array_equal(before[k], after[k]) for k in before)


def settings():
    """(method, values) for every method at its defaults and with each choice of its gating parameters."""
    for method in registry.all_methods():
        gates = {name for param in method.params for name, _allowed in param.when}
        yield method, small(method)
        for gate in sorted(gates):
            for choice in method.param(gate).choices:
                yield method, small(method, **{gate: choice})


@pytest.mark.parametrize("method, values", list(settings()), ids=lambda v: getattr(v, "name", ""))
def test_idle_parameters_change_no_output(method, values):
    moving = [name for name in method.idle(values) if changed(method, values, name)]
    assert not moving, f"{method.name} at {values}: {moving} change an output although idle"


@pytest.mark.parametrize("method, name, values", [
    ("sinusoidal", "min_timescale", {"layout": "tensor2tensor"}),
    ("sinusoidal", "padding_idx", {"layout": "fairseq"}),
    ("learned", "std", {"table": "random"}),
    ("learned", "seed", {"table": "random"}),
    ("learned", "d_model", {"table": "random"}),
    ("rope", "factor", {"scaling": "linear"}),
    ("rope", "beta_fast", {"scaling": "yarn"}),
    ("rope", "low_freq_factor", {"scaling": "llama3"}),
])
def test_a_gated_parameter_shows_and_acts_once_its_choice_is_made(method, name, values):
    method = registry.get(method)
    idle_values = small(method)
    assert name in method.idle(idle_values)
    active = small(method, **values)
    assert name not in method.idle(active) and changed(method, active, name)


def test_a_condition_on_a_missing_choice_is_refused():
    sinusoidal = registry.get("sinusoidal")
    gated = Param("x", "int", 1, "x", 0, 2, when=(("layout", ("no such layout",)),))
    with pytest.raises(TypeError, match="applies when layout"):
        registry.Method("probe", "Probe", sinusoidal.family, "c", "s", sinusoidal.params + (gated,),
                        sinusoidal.outputs)
