"""Lessons choose what to show by what a method can do, never by its name: a copy of RoPE under a name a test gives
it is a RoPE with context-extension scalings, and a copy of the sinusoid is a sinusoid with its own clock hands."""

import dataclasses

from posenc_gui.app.state import Scene
from posenc_gui.app.views import applies
from posenc_gui.app.views.lessons import ClocksLesson, ContextExtensionLesson
from posenc_gui.core import registry


def test_a_renamed_rope_extends_its_own_context():
    copy = dataclasses.replace(registry.get("rope"), name="test_rope_copy")
    with registry.registered(copy):
        scene = Scene(method="test_rope_copy", params={"base": 5000.0}, view=ContextExtensionLesson.key)
        data = ContextExtensionLesson.fetch(scene.validated(applies()))
    assert data.settings["base"] == 5000.0


def test_a_renamed_sinusoid_turns_its_own_clock_hands():
    copy = dataclasses.replace(registry.get("sinusoidal"), name="test_sinusoid_copy")
    with registry.registered(copy):
        scene = Scene(method="test_sinusoid_copy", params={"d_model": 24, "base": 500.0}, view=ClocksLesson.key)
        d_model, base, _hands = ClocksLesson.settings(scene.validated(applies()))
    assert (d_model, base) == (24, 500.0)
