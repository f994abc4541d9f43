"""The four frequency lessons: each draws something in both themes at projector size, and its controls
write to the state model (scene.position or scene.options), never to the widget alone."""

import numpy as np
import pytest

from posenc_gui.app import style
from posenc_gui.app.state import Scene, StateModel
from posenc_gui.app.views import VIEWS, applies
from posenc_gui.app.views.lesson_frequencies import (ClocksView, ContextExtensionView, LearnedTableView,
                                                     PrecisionView)

LESSONS = [ClocksView, ContextExtensionView, PrecisionView, LearnedTableView]


def shown_view(qtbot, cls, scene: Scene, theme: str = "light"):
    model = StateModel(scene.validated(applies()), views=applies())
    view = cls(model)
    qtbot.addWidget(view)
    view.resize(1920, 1080)
    view.set_look(style.theme_named(theme), style.BASE_POINTS)
    view.show_data(model.scene, view.fetch(model.scene))
    return model, view


def refresh(view):
    view.show_data(view.model.scene, view.fetch(view.model.scene))


def test_the_lessons_are_listed_under_their_keys():
    for cls in LESSONS:
        assert VIEWS[cls.key][2] is cls and cls.group == "learn"
    assert [cls.key for cls in LESSONS] == ["clocks", "context_extension", "precision", "learned_table"]


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("cls", LESSONS, ids=lambda cls: cls.key)
def test_each_lesson_draws_in_both_themes(qtbot, cls, theme):
    _, view = shown_view(qtbot, cls, Scene(view=cls.key, position=37), theme)
    image = view.graphics.grab().toImage()
    width, height = image.width(), image.height()
    colours = {image.pixel(x, y) for x in range(0, width, 17) for y in range(0, height, 13)}
    assert len(colours) > 8, f"{cls.key} looks blank in the {theme} theme"
    background = image.pixelColor(2, 2).name()
    assert background == style.theme_named(theme).background
    assert view.shown and all(np.size(array) for array in view.shown.values())
    assert view.text.text() and view.facts.text()


def test_clock_controls_go_through_the_state(qtbot):
    model, view = shown_view(qtbot, ClocksView, Scene(view="clocks", position=3))
    first_hand = view.dials[0][1].getData()
    view.position_box.setValue(40)
    assert model.scene.position == 40
    view.hands_box.setValue(4)
    assert model.scene.options["hands"] == 4
    refresh(view)
    assert len(view.dials) == 4 and view.shown["bits"].tolist() == [0, 0, 0, 1]  # 40 = 0b101000
    assert not np.allclose(view.dials[0][1].getData()[0], first_hand[0])
    assert view.position_box.value() == 40 and view.hands_box.value() == 4


def test_clocks_follow_the_scenes_sinusoid(qtbot):
    _, view = shown_view(qtbot, ClocksView, Scene(view="clocks", params={"d_model": 8, "base": 100.0}))
    assert view.shown["pairs"].tolist() == [0, 1, 2, 3]
    _, view = shown_view(qtbot, ClocksView, Scene(method="rope", view="clocks", params={"d_model": 8}))
    assert len(view.shown["pairs"]) == 8  # not a sinusoid: the sinusoid's defaults (64 pairs)


def test_extension_overlays_every_scaling_with_a_legend(qtbot):
    model, view = shown_view(qtbot, ContextExtensionView,
                             Scene(method="rope", view="context_extension", params={"d_model": 64, "factor": 4.0}))
    assert len(view.legend.items) == 6
    assert len(view.shown) == 18 and view.shown["ratio_linear"] == pytest.approx(np.full(32, 0.25))
    assert "1.1386" in view.facts.text()  # 0.1 ln 4 + 1
    view.length_box.setValue(4096)
    assert model.scene.options["dynamic_length"] == 4096
    refresh(view)
    assert np.allclose(view.shown["frequencies_dynamic-ntk"], view.shown["frequencies_none"])  # at L <= L0
    assert "4096" in view.dynamic_label.text
    assert np.allclose(view.curves["frequencies", "dynamic-ntk"].yData, view.shown["frequencies_none"])


def test_precision_steps_go_through_the_state(qtbot):
    model, view = shown_view(qtbot, PrecisionView, Scene(view="precision"))
    assert [name for name, _ in view.curves] == ["float32"]
    view.next.click()
    assert model.scene.options["step"] == 1
    refresh(view)
    assert len(view.curves) == 3
    view.next.click()
    refresh(view)
    assert len(view.curves) == 6 and "float32_reduced" in view.shown
    assert np.nanmax(view.shown["float32_reduced"]) < 5e-7 < np.nanmax(view.shown["float32_naive"])


def test_learned_table_shows_the_refusal_and_the_sinusoid_going_on(qtbot):
    model, view = shown_view(qtbot, LearnedTableView, Scene(view="learned_table"))
    assert view.shown["learned"].shape == view.shown["sinusoid"].shape == (512, 384)
    assert "2.36" in view.facts.text() and "0.85" in view.facts.text()
    view.length_box.setValue(640)
    assert model.scene.options["length"] == 640
    refresh(view)
    assert view.shown["sinusoid"].shape == (640, 384) and view.shown["learned"].shape == (512, 384)
    texts = [item.textItem.toPlainText() for item in view.plots[0].items if hasattr(item, "textItem")]
    assert any("exceeds the 512 rows" in text for text in texts)


@pytest.mark.parametrize("cls", LESSONS, ids=lambda cls: cls.key)
def test_hovering_a_plot_names_its_values(qtbot, cls):
    _, view = shown_view(qtbot, cls, Scene(view=cls.key, position=5))
    text = view.hover_text(view.plots[0], 0.2, 0.3)
    assert text and any(character.isdigit() for character in text)
    assert view.hover_text(None, 0.0, 0.0) == ""
