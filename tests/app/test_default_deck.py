"""The shipped lecture deck loads, and walks through the source material in order."""

import os
import re

from posenc_gui.app.state import Deck, StateModel
from posenc_gui.app.views import VIEWS, applies
from posenc_gui.paths import resource

DECK = resource("decks", "default.posdeck")


def test_default_deck_loads_and_every_scene_has_a_title():
    deck = Deck.load(DECK, applies())
    assert len(deck.scenes) >= 20
    assert all(scene.title for scene in deck.scenes)
    assert len({scene.title for scene in deck.scenes}) == len(deck.scenes)


def test_titles_write_subscripts_as_the_hall_reads_them():
    """A title is shown large to the hall (the audience title, the window title, the handout): "m·θᵢ", not TeX's
    "m·θ_i" (scene 20 showed the underscore)."""
    for number, scene in enumerate(Deck.load(DECK, applies()).scenes, 1):
        for title in (scene.title, scene.title_zh):
            assert not re.search(r"\w_\w", title), f"scene {number}: {title}"


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
    """Every scene but those of a view that cannot show anything on this installation (no real models; CI fetches
    them, and the self-test leaves such scenes out, tests/app/test_selftest.py)."""
    model = StateModel(views=applies())
    for scene in Deck.load(DECK, applies()).scenes:
        if VIEWS[scene.view][2].unavailable() is not None and not os.environ.get("CI"):
            continue
        model.set_scene(scene)
        view = VIEWS[scene.view][2](model)
        qtbot.addWidget(view)
        view.show_data(model.scene, view.fetch(model.scene))


def has_han(text: str) -> bool:
    return any("\u4e00" <= char <= "\u9fff" for char in text)


def test_every_scene_has_a_title_and_lecturer_notes_in_english_and_chinese():
    """Notes for the lecturer in each language, each with one question for the hall."""
    deck = Deck.load(DECK, applies())
    assert deck.title and has_han(deck.title_zh)
    for number, scene in enumerate(deck.scenes, 1):
        assert scene.title and has_han(scene.title_zh), f"scene {number}: a title in each language"
        assert scene.notes.count("?") == 1 and scene.notes_zh.count("？") == 1, f"scene {number}: one question"
        assert not has_han(scene.notes), f"scene {number}: Chinese in the English notes"
        assert has_han(scene.notes_zh), f"scene {number}: no Chinese notes"


def test_the_layout_scenes_show_the_four_published_layouts():
    layouts = [scene.params["layout"] for scene in Deck.load(DECK, applies()).scenes
               if scene.method == "sinusoidal" and scene.title.startswith("Layout")]
    assert layouts == ["interleaved", "concat", "tensor2tensor", "fairseq"]


def test_the_deck_teaches_what_the_app_gained_from_real_configs_to_m_rope_and_the_bias_family():
    """Scenes for the M-RoPE lesson (Qwen2-VL's blocks and Qwen3-VL's interleaving), three example configs in turn,
    2D RoPE's row and column parts, a stack carried into Layer patterns, and KERPLE, FIRE and CoPE."""
    scenes = Deck.load(DECK, applies()).scenes
    assert {scene.option("step", 0) for scene in scenes if scene.view == "mrope_ids"} == {2, 3}
    configs = [scene.option("model_config", "") for scene in scenes if scene.view == "model_config"]
    assert configs == ["example:llama-3.1-8b.json", "example:gemma-3-4b-text.json", "example:gemma-4-e2b.json"]
    assert any(scene.view == "images" and scene.option("step", 0) == 2 for scene in scenes)  # 2D RoPE's two parts
    assert any(scene.method == "layers" and scene.view == "attention" for scene in scenes)
    assert {"kerple_log", "fire", "cope"} <= {scene.method for scene in scenes}


def test_the_tensor2tensor_scene_points_at_a_difference_the_hall_can_see():
    """Scenes 10 (concat) and 11 (tensor2tensor) looked identical at their sizes: the notes pointed at "the right edge
    of each half, slower", 1.8e-4 against 1e-4 rad per position. Both now show position 31 across dimensions,
    where the notes' numbers (dim 2: −0.37 then +0.34; dim 4: 0.04 then 0.46) are what is drawn."""
    from posenc_gui.core.methods.sinusoidal import encoding

    scenes = {scene.params["layout"]: scene for scene in Deck.load(DECK, applies()).scenes
              if scene.method == "sinusoidal" and scene.title.startswith("Layout")}
    concat, t2t = scenes["concat"], scenes["tensor2tensor"]
    assert concat.position == t2t.position
    rows = {name: encoding(**{key: scene.params[key] for key in ("seq_len", "d_model", "layout")})[scene.position]
            for name, scene in (("concat", concat), ("tensor2tensor", t2t))}
    assert [round(float(rows["concat"][dim]), 2) for dim in (2, 4)] == [-0.37, 0.04]
    assert [round(float(rows["tensor2tensor"][dim]), 2) for dim in (2, 4)] == [0.34, 0.46]
    for notes in (t2t.notes, t2t.notes_zh):
        assert "31" in notes and "0.34" in notes and "0.46" in notes
