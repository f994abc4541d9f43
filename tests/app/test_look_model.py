"""The look (theme, text size, presenting, language, colour maps) is a model of its own that says what changed; a new
colour map re-colours the images in place: no view, panel or state model is built again and nothing is computed."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from posenc_gui.app import style
from posenc_gui.app.look_model import LookModel
from posenc_gui.app.window import MainWindow
from posenc_gui.core import registry
from posenc_gui.look import Look, LookChange

from test_scene_changes import other_windows_idle

ROOT = Path(__file__).resolve().parents[2]


def shown_window(qtbot, qapp, view: str) -> MainWindow:
    window = MainWindow(settings=QSettings())
    qtbot.addWidget(window)
    window.warm_up_timer.timeout.disconnect()  # nothing built ahead while the test waits
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    window.model.set_view(view)
    settle(window, qapp)
    return window


def settle(window, qapp) -> None:
    """Drawn and laid out as it stays (a window's first layouts move the plots by a pixel or two)."""
    window.finish_work()
    for _ in range(3):
        qapp.processEvents()
    window.warm_up_timer.stop()


def test_the_look_model_says_what_changed(qapp):
    model = LookModel()
    changes = []
    model.changed.connect(changes.append)
    assert model.update(theme="dark", text_scale=1.3)
    assert not model.update(theme="dark")
    assert changes == [LookChange(Look(), Look(theme="dark", text_scale=1.3), frozenset({"theme", "text_scale"}))]


def test_the_look_is_a_value_without_qt(tmp_path):
    probe = ("import sys; from posenc_gui.look import Look, LookChange; LookChange.between(Look(), Look(theme='dark'));"
             " print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph')))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, cwd=tmp_path,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize("view, signed, name", [("attention", False, "viridis"), ("encoding", True, "CET-D1")])
def test_a_new_colour_map_recolours_the_images_in_place(private_settings, qtbot, qapp, monkeypatch, view, signed, name):
    """The images take the new map and look as in a window opened with it; the views, the panel and the state model
    are the same objects and nothing is computed (choosing a map built all of them again, and computed every view)."""
    window = shown_window(qtbot, qapp, view)
    kept = (window.model, window.panel, dict(window.views))
    before = window.current_view.grab().toImage()
    other_windows_idle(but=window)
    computed = []
    compute = registry.Method.compute
    monkeypatch.setattr(registry.Method, "compute", lambda *args, **kwargs: computed.append(1) or compute(*args,
                                                                                                          **kwargs))
    window.commands[f"map_{name}"].trigger()
    settle(window, qapp)
    after = window.current_view.grab().toImage()
    assert (window.model, window.panel, window.views) == kept and not computed
    assert after != before
    monkeypatch.undo()
    fresh = shown_window(qtbot, qapp, view)  # opened with the map just remembered
    assert fresh.look.value.colour_maps.name(signed) == name == fresh.current_view.colour_map(signed).name
    assert fresh.current_view.grab().toImage() == after


def test_numbers_on_coloured_cells_follow_one_contrast_rule(qtbot):
    """The lessons' cells and the attention grid choose black or white text by the same rule (WCAG relative
    luminance). On grey 120 the two rules the app had disagreed: the lessons wrote white, the grid black."""
    from posenc_gui.app.state import StateModel
    from posenc_gui.app.views import applies
    from posenc_gui.app.views.lessons import WalkthroughLesson
    import numpy as np

    lesson = WalkthroughLesson(StateModel(views=applies()))
    qtbot.addWidget(lesson)
    greys = np.arange(100, 141, 4, dtype=np.uint8)
    fills = np.repeat(greys[None, :, None], 3, axis=2)  # one row of greys
    lesson.matrix(0, 0, "greys", greys[None].astype(float), "greys", texts=[["8"] * len(greys)], fills=fills)
    written = [colour for _row, _col, _text, colour in lesson.kept[(0, 0)].texts.labels]
    assert written == style.text_colours_for(fills[0] / 255.0).tolist()
    assert style.text_colours_for((120 / 255,) * 3) == "#000000"


def test_the_palette_follows_the_one_contrast_rule(qapp, themed):
    """The selection's text and the dark window's lighter buttons are chosen by WCAG relative luminance too. On magenta
    the rule the palette had (HSL lightness) disagreed: it wrote white (contrast 3.1) where black has 6.7, and took a
    magenta window for a dark one."""
    from dataclasses import replace

    magenta = replace(style.theme_named("light"), window="#ff00ff", highlight="#ff00ff")
    style.apply_app_theme(qapp, magenta, style.BASE_POINTS)
    palette = qapp.palette()
    assert palette.color(palette.ColorRole.HighlightedText).name() == "#000000"
    assert palette.color(palette.ColorRole.Button).name() == "#ff00ff"
    for name in ("light", "dark"):  # the app's own themes look as they did
        theme = themed(name)
        palette = qapp.palette()
        assert palette.color(palette.ColorRole.HighlightedText).name() == ("#ffffff" if name == "light" else "#000000")
        assert (palette.color(palette.ColorRole.Button).name() == theme.window) == (name == "light")


def test_links_read_on_both_themes(qapp, themed):
    """Every link in a text (the real model's ranked heads, a lesson's "more", the help) in the theme's accent: Qt's own
    blue, #0000ff on the dark window, has a contrast of 2.3 to it."""
    for name in ("light", "dark"):
        theme = themed(name)
        palette = qapp.palette()
        for role in (palette.ColorRole.Link, palette.ColorRole.LinkVisited):
            colour = palette.color(role).name()
            assert colour == theme.highlight and style.contrast_ratio(colour, theme.window) >= 4.5, (name, colour)

def test_a_figure_or_handout_drawn_off_screen_takes_the_maps_it_is_given(qapp):
    """The maps are the look's, not the style module's: a view drawn for export or a handout is given the window's."""
    from posenc_gui.app.export import drawn_view
    from posenc_gui.app.state import Scene
    from posenc_gui.look import ColourMaps

    for maps in (ColourMaps(), ColourMaps("viridis", "CET-D1")):
        view = drawn_view(Scene(view="encoding"), colour_maps=maps)
        try:
            assert view.image.getColorMap().name == maps.diverging and view.bar.colorMap().name == maps.diverging
        finally:
            view.close()
            view.deleteLater()


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_lit_bit_of_the_clocks_follows_the_one_contrast_rule(qtbot, theme):
    """A lit lamp's digit reads on the theme's highlight by WCAG relative luminance: white on the light theme's dark
    blue, black on the dark theme's light blue (white there had a contrast of 2.6, below WCAG's 4.5 for text)."""
    from posenc_gui.app.state import Scene, StateModel
    from posenc_gui.app.views import applies
    from posenc_gui.app.views.lessons.clocks import ClocksLesson

    model = StateModel(Scene(view="clocks", position=5), views=applies())
    lesson = ClocksLesson(model)
    qtbot.addWidget(lesson)
    lesson.set_look(style.theme_named(theme), style.BASE_POINTS)
    lesson.show_data(model.scene, lesson.fetch(model.scene))
    expected = "#ffffff" if theme == "light" else "#000000"
    assert style.contrast_ratio(expected, style.theme_named(theme).highlight) >= 4.5
    lit = [digit.color.name() for (digit, _every), bit in zip(lesson.bit_texts, lesson.face.bits) if bit]
    assert lit == [expected, expected]  # 5 = 101 in binary
