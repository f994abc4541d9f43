"""The registry: every method describes itself fully, validates input, and respects the memory budget."""

import ast
import math
import pickle
from pathlib import Path

import numpy as np
import pytest

from posenc_gui.core import InputError, all_methods, get
from posenc_gui.core.params import Param
from posenc_gui.core.registry import FAMILIES, KINDS, by_family

CORE = Path(__file__).resolve().parents[2] / "posenc_gui" / "core"


def test_core_never_imports_qt():
    for path in CORE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert not name.split(".")[0].lower().startswith(("pyside", "pyqt", "pyqtgraph", "superqt", "qtpy")), \
                    f"{path.name} imports {name}"


def test_every_method_describes_itself():
    names = [m.name for m in all_methods()]
    assert len(names) == len(set(names))
    for m in all_methods():
        assert m.family in FAMILIES and m.title and m.summary and m.citation
        assert m.outputs and set(m.outputs) <= set(KINDS)
        for p in m.params:
            assert p.help and p.coerce(p.default) == p.default, f"{m.name}.{p.name}"
            if p.kind in ("int", "float"):
                assert p.minimum is not None and p.maximum is not None and p.minimum <= p.default <= p.maximum


def test_grouping_by_family_covers_all_methods():
    assert sum(len(ms) for ms in by_family().values()) == len(all_methods())


@pytest.mark.parametrize("method", [m.name for m in all_methods()])
def test_every_output_at_small_sizes_is_finite_and_of_the_promised_shape(method):
    m = get(method)
    small = {"seq_len": 12, "d_model": 24, "heads": 4, "grid_h": 3, "grid_w": 4, "frames": 2}
    for kind, out in m.outputs.items():
        names = {p.name for p in m.params_for(kind)}
        values = {k: v for k, v in small.items() if k in names}
        resolved = m.resolve(kind, values)
        array = m.compute(kind, values)
        assert array.shape == tuple(out.shape(**resolved)), f"{method}.{kind}"
        if np.issubdtype(array.dtype, np.floating):
            assert np.all(np.isfinite(array)), f"{method}.{kind}"
        shown = m.compute(kind, values, display=True)
        assert shown.dtype == np.float32 and shown.flags.c_contiguous


def test_unknown_method_and_output_say_what_exists():
    with pytest.raises(InputError, match="unknown method 'nope-nope'.*sinusoidal"):
        get("nope-nope")
    with pytest.raises(InputError, match="has no slopes output"):
        get("sinusoidal").compute("slopes")
    with pytest.raises(InputError, match="does not take heads"):
        get("sinusoidal").compute("encoding", {"heads": 3})


def test_one_resolve_for_a_whole_method_and_for_one_output():
    """A scene's parameters (kind None: every parameter) and an output's go through the same checks."""
    rope = get("rope")
    assert rope.resolve(None, {"seq_len": 64.0}) == {**rope.defaults(), "seq_len": 64}
    assert set(rope.resolve("frequencies")) < set(rope.defaults())
    with pytest.raises(InputError, match=r"method sinusoidal has no parameter heads \(it has: seq_len, d_model"):
        get("sinusoidal").resolve(None, {"heads": 3})
    for kind in (None, "angles"):  # the method's own cross-parameter check, either way
        with pytest.raises(InputError, match="d_model must be even for RoPE"):
            rope.resolve(kind, {"d_model": 63})


def test_memory_budget_refuses_before_allocating(monkeypatch):
    monkeypatch.setenv("POSENC_MEMORY_BUDGET", str(1024))
    with pytest.raises(InputError, match=r"of shape \(32, 32\) is 8\.0 KiB and needs [\d.]+ KiB at its peak, over "
                                         r"the memory budget of 1\.0 KiB"):
        get("sinusoidal").compute("encoding", {"seq_len": 32, "d_model": 32})


@pytest.mark.parametrize("bad, message", [
    ("abc", "must be a number"), ("nan", "finite"), ("inf", "finite"), (float("nan"), "finite"),
    ("1.5", "whole number"), (True, "must be a number"), (None, "must be a number"), (0, "at least 1"),
    (10**9, "at most"),
])
def test_parameter_coercion_messages(bad, message):
    with pytest.raises(InputError, match=message):
        Param("seq_len", "int", 4, "n", 1, 100).coerce(bad)


def test_input_errors_keep_an_english_template_and_its_values():
    error = InputError("{0} must be at least {1}, not {2}", "seq_len", "1", "-1")
    assert str(error) == "seq_len must be at least 1, not -1"
    assert (error.template, error.values) == ("{0} must be at least {1}, not {2}", ("seq_len", "1", "-1"))
    copy = pickle.loads(pickle.dumps(error))
    assert (str(copy), copy.template, copy.values) == (str(error), error.template, error.values)
    assert str(InputError("no values, {no fields}")) == "no values, {no fields}"
    with pytest.raises(InputError) as caught:
        Param("seq_len", "int", 4, "n", 1, 100).coerce(0)
    assert str(caught.value) == "seq_len must be at least 1, not 0"
    assert (caught.value.template, caught.value.values) == ("{0} must be at least {1}, not {2}", ("seq_len", "1", "0"))


def test_parameter_coercion_accepts_text_forms():
    assert Param("x", "int", 4, "n", 1, 100).coerce("7") == 7
    assert Param("x", "int", 4, "n", 1, 100).coerce(7.0) == 7
    assert math.isclose(Param("x", "float", 1.0, "f", 0, 10).coerce("2.5"), 2.5)
    assert Param("b", "bool", False, "b").coerce("yes") is True
    with pytest.raises(InputError):
        Param("b", "bool", False, "b").coerce("maybe")


def test_an_unknown_method_name_is_cut_short_in_the_message():
    with pytest.raises(InputError) as caught:
        get("x" * 1_000_000)
    assert len(str(caught.value)) < 400 and "\n" not in str(caught.value)
