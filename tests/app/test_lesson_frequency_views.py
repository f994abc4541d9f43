"""The four frequency lessons: each draws something in both themes at projector size, and its controls
write to the state model (scene.position or scene.options), never to the widget alone."""

import numpy as np
import pyqtgraph as pg
import pytest

from posenc_gui.app import style
from posenc_gui.app.state import Scene, StateModel
from posenc_gui.app.views import VIEWS, applies
from posenc_gui.app.views.lessons import ClocksLesson, ContextExtensionLesson, LearnedTableLesson, PrecisionLesson

LESSONS = [ClocksLesson, ContextExtensionLesson, PrecisionLesson, LearnedTableLesson]


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
    model, view = shown_view(qtbot, ClocksLesson, Scene(view="clocks", position=3))
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
    _, view = shown_view(qtbot, ClocksLesson, Scene(view="clocks", params={"d_model": 8, "base": 100.0}))
    assert view.shown["pairs"].tolist() == [0, 1, 2, 3]
    _, view = shown_view(qtbot, ClocksLesson, Scene(method="alibi", view="clocks"))
    assert len(view.shown["pairs"]) == 8 and view.shown["pairs"][-1] == 63  # the sinusoid's defaults (64 pairs)


def test_with_a_rotary_method_the_clocks_are_its_angles_and_no_bits(qtbot):
    """A deck scene "RoPE: every pair of q and k turns by m·θ_i" showed the sinusoid's text and a binary counter."""
    model, view = shown_view(qtbot, ClocksLesson, Scene(method="rope", view="clocks", position=5,
                                                         params={"d_model": 8, "base": 100.0}))
    assert view.shown["pairs"].tolist() == [0, 1, 2, 3]  # the method's own d = 8
    assert np.allclose(view.shown["angles"], 5 * 100.0 ** (-2 * np.arange(4) / 8))  # m·θ_i
    assert "bits" not in view.shown and view.bit_plot is None or not view.bit_plot.isVisible()
    assert "θ" in view.text.text() and "binary" not in view.text.text() and "RoPE" in view.facts.text()
    assert view.position_caption.text() == "Position m:"
    shown_formulas = [label.name for label in view.formula_labels if not label.isHidden()]
    assert shown_formulas == ["rope_relative"]
    model.update(method="sinusoidal", params={})
    refresh(view)
    assert "bits" in view.shown and view.bit_plot.isVisible() and "binary" in view.text.text()
    assert [label.name for label in view.formula_labels if not label.isHidden()] == ["clock_hands", "binary_bits"]


def test_extension_overlays_every_scaling_with_a_legend(qtbot):
    model, view = shown_view(qtbot, ContextExtensionLesson,
                             Scene(method="rope", view="context_extension", params={"d_model": 64, "factor": 4.0}))
    assert len(view.legend.items) == 7 + 2  # every scaling of the registry that extends the context, the two lengths
    assert len(view.shown) == 21 and view.shown["ratio_linear"] == pytest.approx(np.full(32, 0.25))
    assert "YaRN <b>1.1386</b>" in view.facts.text()  # 0.1 ln 4 + 1
    assert "LongRoPE (Phi-3) at L = 32768 <b>1.0742</b>" in view.facts.text()  # sqrt(1 + ln 4 / ln 8192)
    view.length_box.setValue(4096)
    assert model.scene.options["dynamic_length"] == 4096
    refresh(view)
    assert np.allclose(view.shown["frequencies_dynamic-ntk"], view.shown["frequencies_none"])  # at L <= L0
    labels = view.scaling_labels  # short names; the full one, with the length, on hover
    assert labels["dynamic-ntk"].text == "dynamic NTK" and labels["longrope"].text == "LongRoPE"
    assert labels["dynamic-ntk"].toolTip() == "dynamic NTK at L = 4096"
    assert labels["longrope"].toolTip() == "LongRoPE (Phi-3) at L = 4096"
    assert np.allclose(view.curves["frequencies", "dynamic-ntk"].yData, view.shown["frequencies_none"])


def test_precision_steps_go_through_the_state(qtbot):
    model, view = shown_view(qtbot, PrecisionLesson, Scene(view="precision"))
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
    model, view = shown_view(qtbot, LearnedTableLesson, Scene(view="learned_table"))
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


def plot_items(view) -> list:
    """Every item in the view's plots, plot by plot (the same objects when nothing was rebuilt)."""
    return [item for plot in view.plots for item in (plot, *plot.items)]


def test_a_clock_change_moves_the_hands_of_the_same_dials(qtbot):
    model, view = shown_view(qtbot, ClocksLesson, Scene(view="clocks", position=3))
    before, hand = plot_items(view), view.dials[0][1].getData()[0].copy()
    model.update(position=200)
    refresh(view)
    assert all(a is b for a, b in zip(plot_items(view), before)) and len(plot_items(view)) == len(before)
    assert not np.allclose(view.dials[0][1].getData()[0], hand)
    dials = [dial[0] for dial in view.dials]
    model.set_option("hands", 4)
    refresh(view)
    model.set_option("hands", 8)
    refresh(view)
    assert [dial[0] for dial in view.dials] == dials  # fewer hands and back: the same dials, placed again
    assert len(view.graphics.ci.items) == 9 and view.bit_plot in view.graphics.ci.items


def test_an_extension_change_sets_the_data_of_the_same_curves(qtbot):
    model, view = shown_view(qtbot, ContextExtensionLesson,
                             Scene(method="rope", view="context_extension", params={"d_model": 64, "factor": 4.0}))
    before, legend, curve = plot_items(view), view.legend, view.curves["ratio", "linear"]
    model.set_param("factor", 8.0)
    refresh(view)
    model.set_param("d_model", 512)  # 256 pairs: Llama 3's markers go, on the same curve
    refresh(view)
    assert all(a is b for a, b in zip(plot_items(view), before)) and len(plot_items(view)) == len(before)
    assert view.legend is legend and view.curves["ratio", "linear"] is curve
    assert curve.yData == pytest.approx(np.full(256, 1 / 8))
    assert view.curves["ratio", "llama3"].opts["symbol"] is None


def test_a_precision_step_shows_curves_of_the_same_plot(qtbot):
    model, view = shown_view(qtbot, PrecisionLesson, Scene(view="precision"))
    before = plot_items(view)
    model.set_option("step", 2)
    refresh(view)
    model.set_param("base", 500.0)
    refresh(view)
    assert all(a is b for a, b in zip(plot_items(view), before)) and len(plot_items(view)) == len(before)
    assert len(view.curves) == 6 and len(view.legend.items) == 6


@pytest.mark.parametrize("scale", [1.0, style.PRESENTATION_SCALE * 1.25])
def test_clock_captions_keep_the_text_size_and_the_dial_width(qtbot, scale):
    _, view = shown_view(qtbot, ClocksLesson, Scene(view="clocks", position=1000, options={"hands": 16}))
    view.set_look(style.theme_named("light"), style.BASE_POINTS * scale)
    view.show()
    qtbot.waitUntil(lambda: view.dials[0][0].vb.width() > 0)
    view.grab()  # a text item takes its place on the screen when it is painted
    for plot, _hand, _tip, caption in view.dials:
        assert caption.textItem.font().pointSizeF() == pytest.approx(style.BASE_POINTS * scale * 0.8)
        assert caption.boundingRect().width() <= plot.vb.width() + 1
        assert plot.vb.sceneBoundingRect().contains(caption.sceneBoundingRect())


def test_extension_legend_names_curves_and_lengths_above_the_plots_and_axis_names_fit(qtbot):
    """Presenting at 1280 x 720 x1.3 the legend below the plots was out of sight, the length lines' labels lay on the
    curves and wrapped, and the left axes' names were cut ("ngth (positions)"): the legend is beside the first plot
    and names the lengths too."""
    _, view = shown_view(qtbot, ContextExtensionLesson, Scene(method="rope", view="context_extension"))
    view.set_look(style.theme_named("dark"), style.BASE_POINTS * style.PRESENTATION_SCALE * 1.3)
    view.resize(1280, 631)
    view.show()
    qtbot.waitUntil(lambda: view.plots[1].vb.width() > 0)
    view.grab()  # a text item takes its place on the screen when it is painted
    names = [label.text for _sample, label in view.legend.items]
    assert len(names) == 9 and names[-2:] == ["L0 = 8192", "s·L0 = 65536"]
    assert view.length_names[0].toolTip() == "training length L0 = 8192"
    legend, first = view.legend.sceneBoundingRect(), view.plots[0].sceneBoundingRect()
    assert legend.top() <= first.top() + 1  # in sight with the first plot: beside it, or above
    assert not [plot for plot in view.plots if plot.sceneBoundingRect().intersects(legend)]
    assert not [item for line in view.length_lines for item in line.childItems() if isinstance(item, pg.TextItem)]
    for plot in view.plots:
        axis = plot.getAxis("left")
        assert axis.label.boundingRect().width() <= plot.vb.height(), axis.labelText


def test_a_longer_learned_table_comparison_reuses_the_plots(qtbot):
    model, view = shown_view(qtbot, LearnedTableLesson, Scene(view="learned_table"))
    before = plot_items(view)
    assert not view.refusal.isVisible()
    model.set_option("length", 640)
    refresh(view)
    assert all(a is b for a, b in zip(plot_items(view), before)) and len(plot_items(view)) == len(before)
    shown = view.images[1].mapRectToParent(view.images[1].boundingRect())  # averaged to the pixels, over 640 rows
    assert view.refusal.isVisible() and (shown.height(), shown.width()) == pytest.approx((640, 384))
    assert view.plots[1].vb.viewRange()[1] == pytest.approx([-0.5, 639.5])
    model.set_option("length", 512)
    refresh(view)
    shown = view.images[3].mapRectToParent(view.images[3].boundingRect())
    assert not view.refusal.isVisible() and (shown.height(), shown.width()) == pytest.approx((512, 512))


def test_fewer_clocks_keep_the_others_out_of_sight_and_a_new_look_drops_them(qtbot):
    """Dials not shown stay in the scene, hidden, out of the grid (putting them back is cheap); a new look makes
    the dials anew and takes every old one out of the scene, hidden ones too."""
    import pyqtgraph as pg

    model, view = shown_view(qtbot, ClocksLesson, Scene(view="clocks", position=3, options={"hands": 8}))
    model.set_option("hands", 3)
    refresh(view)
    plots = [item for item in view.graphics.scene().items() if isinstance(item, pg.PlotItem)]
    assert len(plots) == 9 and sum(plot.isVisible() for plot in plots) == 4  # 3 dials and the bits
    assert set(view.graphics.ci.items) == {dial[0] for dial in view.dials} | {view.bit_plot}
    view.set_look(style.theme_named("dark"), style.BASE_POINTS)
    plots = [item for item in view.graphics.scene().items() if isinstance(item, pg.PlotItem)]
    assert len(plots) == 4 and all(plot.isVisible() for plot in plots)


def test_a_head_that_rotates_nothing_says_so_in_the_precision_lesson(qtbot):
    model, view = shown_view(qtbot, PrecisionLesson, Scene(method="mla", view="precision", params={"d_model": 1}))
    assert "No pair of channels rotates" in view.facts.text()
    assert all(not np.isfinite(item.yData).any() for item in view.curve_items.values() if item.yData is not None)


def test_extension_legend_takes_fewer_columns_when_a_drawing_lengthens_its_names(qtbot):
    """The legend's columns are fitted after a drawing too, not only at a new size: longer lengths lengthen the
    length lines' names (L0 = 8192 and s·L0 = 65536 become L0 = 1048576 and s·L0 = 1073741824), and its nine entries no
    longer fit a row of five on a page that held them (the legend then takes three rows of three)."""
    model, view = shown_view(qtbot, ContextExtensionLesson, Scene(method="rope", view="context_extension"))
    view.set_look(style.theme_named("light"), style.BASE_POINTS * 1.3)
    view.resize(view.width() - view.page_width() + 830, 900)  # a page of 830 px: the five columns take 730 of them
    view.show()
    refresh(view)
    assert view.legend.columnCount == 5
    model.update(params={**model.scene.params, "factor": 1024.0, "original_max_len": 1_048_576})
    refresh(view)
    assert view.legend.columnCount == 3
