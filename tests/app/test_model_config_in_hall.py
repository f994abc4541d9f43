"""A model's config (the default deck's scenes 35 to 37) as a hall sees it, presenting at 1280 x 720 x1.3: the summary
below the plots ran the page 450 to 1030 px below the fold, its first line cut at the screen's foot. It is the
lecturer's: hidden while presenting, shown at home."""

import pytest

from posenc_gui.app.state import Scene
from posenc_gui.app.views.model_config import ModelConfigView

from test_lesson_presenting import assert_whole_in_sight, shown_lesson


def config_scene(name: str) -> Scene:
    return Scene(method="rope", view=ModelConfigView.key, options={"model_config": f"example:{name}"})


@pytest.mark.parametrize("name", ["llama-3.1-8b.json", "gemma-3-4b-text.json"])
def test_presenting_the_plots_are_whole_in_sight_without_the_summary(qtbot, name):
    hall = shown_lesson(qtbot, ModelConfigView, config_scene(name), presenting=True)
    view = hall.view
    qtbot.waitUntil(lambda: len(view.plots) == 3)
    qtbot.wait(1)
    assert not view.summary.isVisible()
    assert_whole_in_sight(view, view.plots)


def test_at_home_the_summary_shows(qtbot):
    hall = shown_lesson(qtbot, ModelConfigView, config_scene("llama-3.1-8b.json"), presenting=False)
    qtbot.waitUntil(lambda: len(hall.view.plots) == 3)
    assert hall.view.summary.isVisible() and hall.view.summary.text()
    assert hall.view.to_patterns.isVisible()


def test_presenting_the_button_to_layer_patterns_waits_for_the_lecturer(qtbot):
    """The hall cannot press it, and beside it the legend took a second line in Chinese (deck scenes 36 and 37 scrolled
    at 1280 x 720 x1.3): hidden while presenting, back when the lecturer calls the controls (P), with the legend on
    one line."""
    hall = shown_lesson(qtbot, ModelConfigView, config_scene("gemma-3-4b-text.json"), presenting=True)
    view = hall.view
    qtbot.waitUntil(lambda: len(view.plots) == 3)
    qtbot.wait(1)
    assert not view.to_patterns.isVisible()
    assert len({entry.geometry().top() for entry in view.legend if entry.isVisible()}) == 1
    hall.controls_called = True  # as the window says after P
    view.keep_plots_readable()
    assert view.to_patterns.isVisible()


def test_presenting_without_a_config_the_summary_says_so(qtbot):
    hall = shown_lesson(qtbot, ModelConfigView, Scene(method="rope", view=ModelConfigView.key), presenting=True)
    qtbot.wait(1)
    assert hall.view.summary.isVisible() and hall.view.summary.text()


def test_presenting_a_scene_without_a_config_after_one_with_it_shows_the_summary(qtbot):
    """The view drawn for a config and then for none (the self-test's step after the deck's) was blank: the summary,
    hidden for the plots, stayed hidden."""
    hall = shown_lesson(qtbot, ModelConfigView, config_scene("llama-3.1-8b.json"), presenting=True)
    view = hall.view
    qtbot.waitUntil(lambda: len(view.plots) == 3)
    empty = Scene(method="rope", view=ModelConfigView.key)
    view.show_data(empty, view.fetch(empty))
    qtbot.wait(1)
    assert view.summary.isVisible() and view.summary.text() and not view.graphics.isVisible()
