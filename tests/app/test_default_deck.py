"""The shipped lecture deck loads, and walks through the source material in order."""

from posenc_gui.app.state import Deck, StateModel
from posenc_gui.app.views import VIEWS, applies
from posenc_gui.paths import resource

DECK = resource("decks", "default.posdeck")


def test_default_deck_loads_and_every_scene_has_a_title():
    deck = Deck.load(DECK, applies())
    assert len(deck.scenes) >= 20
    assert all(scene.title for scene in deck.scenes)
    assert len({scene.title for scene in deck.scenes}) == len(deck.scenes)


def test_default_deck_covers_the_source_material_in_teaching_order():
    scenes = Deck.load(DECK, applies()).scenes
    first = {}
    for number, scene in enumerate(scenes):
        first.setdefault(scene.view, number)
        first.setdefault(scene.method, number)
    order = ["walkthrough", "order", "sinusoidal", "binary", "relative_property", "learned", "shaw", "t5",
             "rope", "alibi", "images", "context_extension"]
    assert [first[topic] for topic in order] == sorted(first[topic] for topic in order)


def test_every_scene_of_the_default_deck_draws(qtbot):
    model = StateModel(views=applies())
    for scene in Deck.load(DECK, applies()).scenes:
        model.set_scene(scene)
        view = VIEWS[scene.view][2](model)
        qtbot.addWidget(view)
        view.show_data(model.scene, view.fetch(model.scene))
