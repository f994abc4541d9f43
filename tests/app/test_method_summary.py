"""The method's summary above the parameter controls: a long citation (RoPE names every scaling's paper) is
shortened with "more", so that the controls stay in sight on a 1280 x 720 projector in large type."""

import pytest
from PySide6.QtCore import QPoint

from view_helpers import shown_window
from posenc_gui.core import registry


@pytest.fixture
def window(qtbot):
    shown = shown_window(qtbot)
    shown.set_text_scale(1.6)
    return shown


def first_control_in_sight(window, qapp) -> bool:
    qapp.processEvents()
    viewport = window.dock.widget().viewport()
    method = window.model.method
    control = window.panel.controls[method.params[0].name]
    top = control.mapTo(viewport, QPoint(0, 0)).y()
    return 0 <= top and top + control.height() <= viewport.height()  # above the fold, without scrolling


def test_ropes_first_control_is_in_sight_at_1280x720_in_large_type(window, qapp):
    window.model.set_method("rope")
    assert first_control_in_sight(window, qapp)


def test_more_shows_the_whole_citation_and_less_shortens_it_again(window, qapp, qtbot):
    window.model.set_method("rope")
    summary = window.panel.summary
    assert "Position Interpolation" not in summary.text() and 'href="more"' in summary.text()
    summary.linkActivated.emit("more")
    assert "Position Interpolation" in summary.text() and 'href="less"' in summary.text()
    summary.linkActivated.emit("less")
    assert "Position Interpolation" not in summary.text()
    qtbot.waitUntil(lambda: first_control_in_sight(window, qapp))  # the form is laid out again


def test_another_method_starts_shortened(window):
    window.model.set_method("rope")
    window.panel.summary.linkActivated.emit("more")
    window.model.set_method("sinusoidal")
    window.model.set_method("rope")
    assert 'href="more"' in window.panel.summary.text()


def test_a_short_citation_is_shown_whole_without_a_link(window):
    window.model.set_method("sinusoidal")
    assert "Attention Is All You Need" in window.panel.summary.text() and "href" not in window.panel.summary.text()


def test_short_citation():
    from posenc_gui.app.panel import CITATION_SHOWN, short_citation
    assert short_citation("A 2020, One; B 2021, Two") == "A 2020, One"
    long_title = "A 2020, " + "word " * 60
    assert len(short_citation(long_title)) <= CITATION_SHOWN + 1 and short_citation(long_title).endswith("…")
    for method in registry.all_methods():
        assert len(short_citation(method.citation)) <= CITATION_SHOWN + 1
