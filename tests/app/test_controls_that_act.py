"""Every control in the panel changes the picture: those that do nothing for the values chosen are hidden
and not offered to sweep, those the view ignores are disabled and say why; the View selector never changes
without the status bar saying why; the hover text never outlives the drawing it described."""

import pytest
from PySide6.QtCore import QPointF
from superqt.utils import signals_blocked

from posenc_gui.app.panel import ParameterPanel
from posenc_gui.app.state import Scene, StateModel
from posenc_gui.app.views import applies
from posenc_gui.app.window import MainWindow


def swept(panel) -> set[str]:
    return {panel.sweep_choice.itemData(i) for i in range(panel.sweep_choice.count())}


def shown(panel, name) -> bool:
    return panel.controls[name].isVisibleTo(panel)


@pytest.fixture
def panel(qtbot):
    model = StateModel(Scene(method="sinusoidal"), views=applies())
    panel = ParameterPanel(model)
    qtbot.addWidget(panel)
    panel.show()
    return panel


def test_a_layout_shows_only_the_controls_it_uses(panel):
    assert not shown(panel, "padding_idx") and not shown(panel, "min_timescale")
    assert not {"padding_idx", "min_timescale"} & swept(panel)
    panel.model.set_param("layout", "fairseq")
    assert shown(panel, "padding_idx") and not shown(panel, "min_timescale")
    assert "padding_idx" in swept(panel)
    panel.model.set_param("layout", "tensor2tensor")
    assert shown(panel, "min_timescale") and not shown(panel, "padding_idx")
    assert {"min_timescale", "d_model", "base"} <= swept(panel)


def test_rope_scaling_controls_show_only_with_a_scaling_that_uses_them(panel):
    panel.model.set_method("rope")
    scaling_controls = ("factor", "original_max_len", "beta_fast", "mscale", "low_freq_factor", "truncate")
    assert not any(shown(panel, name) for name in scaling_controls)
    assert not set(scaling_controls) & swept(panel)
    panel.model.set_param("scaling", "yarn")
    assert all(shown(panel, name) for name in ("factor", "original_max_len", "beta_fast", "mscale", "truncate"))
    assert not shown(panel, "low_freq_factor")
    assert "beta_fast" in swept(panel)


def test_the_trained_table_hides_the_random_tables_controls(panel):
    panel.model.set_method("learned")
    assert not any(shown(panel, name) for name in ("d_model", "std", "seed", "max_len"))
    panel.model.set_param("table", "random")
    assert all(shown(panel, name) for name in ("d_model", "std", "seed", "max_len"))


@pytest.fixture
def window(qtbot):
    window = MainWindow(Scene(method="sinusoidal", view="encoding"))
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_control_the_view_ignores_is_disabled_and_says_why(window):
    length = window.panel.controls["seq_len"]
    assert length.isEnabled() and "seq_len" in swept(window.panel)
    window.model.set_view("attention")
    assert not length.isEnabled() and "tokens" in length.toolTip()
    assert "seq_len" not in swept(window.panel)
    window.model.set_view("encoding")
    assert length.isEnabled() and "Number of positions" in length.toolTip()


def test_a_method_that_cannot_show_in_the_view_says_why_the_view_changed(window):
    window.model.set_method("shaw")
    assert window.model.scene.view != "encoding"
    message = window.statusBar().currentMessage()
    assert "Relative (Shaw)" in message and "Encoding" in message and window.selector.currentText().strip() in message


def test_choosing_a_method_the_view_shows_changes_nothing_in_the_status_bar(window):
    window.model.set_method("rope")
    assert window.model.scene.view == "encoding" and window.statusBar().currentMessage() == ""


def test_the_hover_text_is_told_anew_after_the_drawing_changes(window, qtbot, monkeypatch):
    view = window.current_view
    plot = view.plots[0]
    centre = plot.vb.mapViewToScene(QPointF(10, 20))
    monkeypatch.setattr(view.graphics, "underMouse", lambda: True)
    view._mouse_moved(centre)
    before = window.hover_label.text()
    assert before
    window.model.set_param("base", 100.0)
    window.finish_work()
    after = window.hover_label.text()
    assert after and after != before
    monkeypatch.setattr(view.graphics, "underMouse", lambda: False)  # the mouse left: no value stays
    window.model.set_param("base", 1000.0)
    window.finish_work()
    assert window.hover_label.text() == ""


def test_the_panel_sets_only_the_controls_whose_value_changed(panel, monkeypatch):
    """The panel follows every change of scene, and most change no parameter (a view, a head, a column): it sets a
    control only when the control does not show the value already (each set blocked and unblocked its signals and
    went through superqt's labelled slider). A control that shows another value than the scene's is set."""
    panel.model.set_method("rope")
    sets = []
    for widget in panel.controls.values():
        for name in ("setValue", "setChecked", "setCurrentIndex"):
            if hasattr(widget, name):
                real = getattr(widget, name)
                monkeypatch.setattr(widget, name, lambda *args, real=real, name=name: sets.append(name) or real(*args))
    panel.model.update(head=1)
    panel.model.set_param("base", 500000.0)
    assert len(sets) == 1  # the base's control alone
    with signals_blocked(panel.controls["factor"]):  # shown, but not the scene's (an edit the model refused, say)
        panel.controls["factor"].setValue(4.0)
    assert panel.controls["factor"].value() != panel.model.scene.params["factor"]
    sets.clear()
    panel.model.update(head=0)
    assert panel.controls["factor"].value() == panel.model.scene.params["factor"] and len(sets) == 1


def test_a_methods_form_shown_again_in_the_same_look_keeps_its_slider_labels(panel, monkeypatch):
    """Switching methods showed the method's form and gave every slider label in it the panel's font and palette again
    (a change of look may have come while the form was hidden): now only when the look changed since."""
    from posenc_gui.app import compat
    fitted = []
    real = compat.fit_slider_label
    monkeypatch.setattr(compat, "fit_slider_label", lambda label: fitted.append(label) or real(label))
    panel.model.set_method("rope")
    panel.model.set_method("sinusoidal")
    fitted.clear()
    panel.model.set_method("rope")
    panel.model.set_method("sinusoidal")
    assert fitted == []
    font = panel.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    panel.setFont(font)  # a new look: every form's labels now (the one shown), or when shown again
    fitted.clear()
    panel.model.set_method("rope")
    assert fitted == []  # given the new look already, with every form
    assert all(label.font().pointSizeF() == font.pointSizeF()
               for label in panel.forms["rope"][0].findChildren(compat.SliderLabel))
