"""The registries share one helper: a name registered once, a duplicate refused, an unknown name answered with
the names known."""

from dataclasses import dataclass

import pytest

from posenc_gui.core import output_kinds, real_models, registry, rope_scalings
from posenc_gui.core.named_registry import NamedRegistry
from posenc_gui.core.params import InputError


@dataclass(frozen=True)
class Thing:
    name: str


def test_a_registry_built_with_the_helper_refuses_a_duplicate_and_names_the_known_on_a_miss():
    things = NamedRegistry("thing")
    first = things.add(Thing("one"))
    things.add(Thing("other"), name="two")
    assert things.find("one") is first and list(things) == ["one", "two"]
    with pytest.raises(TypeError, match="thing 'one' registered twice"):
        things.add(Thing("one"))
    assert things["one"] is first  # the first one stays
    with pytest.raises(KeyError, match="unknown thing 'three'; known: one, two"):
        things.find("three")


def test_a_registry_keeps_its_own_error_types():
    things = NamedRegistry("thing", lambda name, known: InputError("no thing {0} (only {1})", name, known), ValueError)
    things.add(Thing("one"))
    with pytest.raises(ValueError, match="registered twice"):
        things.add(Thing("one"))
    with pytest.raises(InputError, match=r"no thing x \(only one\)"):
        things.find("x")


def test_an_entry_registered_for_a_with_block_is_gone_after_it_even_on_an_error():
    things = NamedRegistry("thing")
    with pytest.raises(RuntimeError), things.temporarily(Thing("brief")) as brief:
        assert things.find("brief") is brief
        raise RuntimeError
    assert "brief" not in things


def test_every_registry_of_the_app_is_one():
    from posenc_gui.app.views import VIEWS
    for table in (registry.REGISTRY, output_kinds.KINDS, rope_scalings.SCALINGS, real_models.MODELS, VIEWS):
        assert isinstance(table, NamedRegistry)
    with pytest.raises(TypeError, match="view 'encoding' registered twice"):
        VIEWS.add(VIEWS["encoding"], "encoding")
    with pytest.raises(TypeError, match="output kind 'bias' registered twice"):
        output_kinds.register_kind(output_kinds.KINDS["bias"])
    with pytest.raises(InputError, match="unknown RoPE scaling warp; known: none, linear"):
        rope_scalings.get("warp")
