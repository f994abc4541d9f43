"""The real model view: it draws a trained model's attention beside the ablated model's and their difference,
for each model; its settings go through scene.options; its fetch always runs in the window's worker."""

import os
import sys

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFont, QImage

from posenc_gui.app import style
from posenc_gui.app.views import VIEWS, applies
from posenc_gui.app.layout_check import check_window
from posenc_gui.app.views.lessons import RealPositionLesson
from posenc_gui.app.views.real_model import RealModelView, Settings, has_cjk
from posenc_gui.app.state import Scene, StateModel
from posenc_gui.app.scene_drawer import BACKGROUND_ELEMENTS
from posenc_gui.app.window import MainWindow
from posenc_gui.core import real_models
from posenc_gui.core.real_models import heads
from view_helpers import open_view


def need(name):
    """Skip when the model is not installed, but only outside CI: there the models must be fetched."""
    if not real_models.get(name).available() and not os.environ.get("CI"):
        pytest.skip(f"model {name} is not installed (python3 scripts/fetch_models.py)")


def test_registered_and_always_in_the_worker():
    assert VIEWS["real_model"][2] is RealModelView
    assert RealModelView.size(Scene()) > BACKGROUND_ELEMENTS


def test_settings_are_clamped_to_the_model():
    settings = Settings.of(Scene(options={"model": "smollm2", "ablation": "none", "layer": 99, "head": -3}))
    assert settings == Settings("smollm2", "rope-off", 29, 0)
    assert Settings.of(Scene(options={"model": "gpt"})).model == "minilm"


def test_cjk_is_detected():
    assert has_cjk("the 猫") and not has_cjk("the cat é")


@pytest.mark.parametrize("name, ablation, layers, heads", [("minilm", "none", 6, 12), ("smollm2", "rope-off", 30, 9)])
def test_draws_real_and_ablated_attention(qtbot, name, ablation, layers, heads):
    need(name)
    model, view = open_view(qtbot, RealModelView, style.theme_named("light"),
                            {"model": name, "ablation": ablation, "layer": 1, "head": 2})
    data = view.data
    n = len(data.tokens)
    assert data.real.shape == data.ablated.shape == (layers, heads, n, n)
    assert len(view.large) == 3
    picture = data.overview  # every layer and head, the longer side across
    assert (picture.rows * picture.columns, picture.n) == (layers * heads, n)
    assert picture.layers_across == (layers > heads)
    (_, real), (_, ablated), (_, difference) = view.large
    np.testing.assert_array_equal(real, data.real[1, 2])
    np.testing.assert_allclose(difference, ablated - real)
    assert view.next_tokens.isVisibleTo(view) == (name == "smollm2")
    if name == "minilm":  # learned positions matter: without them the head attends elsewhere
        assert np.abs(difference).max() > 0.05
    else:
        assert len(data.next_real) == len(data.next_ablated) == 10


def click_tile(qtbot, view, row, column):
    """Click the middle of the overview's tile in that row and column."""
    plot, n = view.overview.plot, view.data.overview.n
    qtbot.waitUntil(lambda: plot.sceneBoundingRect().width() > 0)  # laid out
    scene_point = plot.vb.mapViewToScene(QPointF((column + 0.5) * n, (row + 0.5) * n))
    qtbot.mouseClick(view.graphics.viewport(), Qt.LeftButton, pos=view.graphics.mapFromScene(scene_point))


def test_clicking_a_tile_of_the_overview_opens_that_head(qtbot):
    need("smollm2")
    model, view = open_view(qtbot, RealModelView, style.theme_named("light"), {"model": "smollm2"})
    assert view.data.overview.layers_across  # 30 layers across, 9 heads down
    click_tile(qtbot, view, 7, 21)
    assert (model.scene.options["layer"], model.scene.options["head"]) == (21, 7)
    (_, large), _, _ = view.large
    np.testing.assert_array_equal(large, view.data.real[21, 7])


def test_clicking_a_tile_and_the_controls_write_options(qtbot):
    need("minilm")
    model, view = open_view(qtbot, RealModelView, style.theme_named("light"), {"model": "minilm"})
    assert not view.data.overview.layers_across  # 6 layers down, 12 heads across
    click_tile(qtbot, view, 2, 4)
    assert (model.scene.options["layer"], model.scene.options["head"]) == (2, 4)
    view.control_row.layer.setValue(3)
    assert model.scene.options["layer"] == 3
    view.control_row.ablation.activated.emit(view.control_row.ablation.findData("reverse"))
    assert model.scene.options["ablation"] == "reverse"
    assert "Chinese" not in view.notes.text()
    model.update(text="我们是中国人")
    assert "244" in view.notes.text()


def test_the_window_fetches_it_in_its_worker(qtbot, monkeypatch):
    need("minilm")
    window = MainWindow()
    qtbot.addWidget(window)
    submitted = []
    submit = window.runner.submit
    monkeypatch.setattr(window.runner, "submit", lambda fn, tag: submitted.append(tag) or submit(fn, tag))
    window.model.update(view="real_model", options={"model": "minilm", "ablation": "none"})
    assert submitted and submitted[-1][0] is window.view("real_model")
    view = window.view("real_model")
    qtbot.waitUntil(lambda: view.data is not None, timeout=20000)
    assert view.data.settings.ablation == "none"


@pytest.mark.parametrize("language, said", [("en", "apt install posenc-gui-models"),
                                            ("zh", "获取方法：安装 posenc-gui-models 软件包")])
def test_missing_models_say_how_to_get_them(qtbot, qapp, monkeypatch, tmp_path, language, said):
    """In the interface's language: the Chinese window said it in English (ModelsMissing's template was not extracted
    for translation, nor the way to get the models, which was formatted in)."""
    from posenc_gui.app import i18n

    monkeypatch.setenv("POSENC_MODELS_DIR", str(tmp_path))
    monkeypatch.setattr(real_models.base, "user_models_dir", lambda: tmp_path)
    monkeypatch.setattr(real_models.base, "resources_dir", lambda: tmp_path)
    monkeypatch.setattr(real_models.base, "system_models_dirs", lambda: [tmp_path / "system"])
    minilm = real_models.MiniLM()  # a fresh one: the registered model may be loaded already
    monkeypatch.setitem(real_models.MODELS, "minilm", minilm)
    with monkeypatch.context() as on_linux:  # the hint this system's installer gives, Linux's here
        on_linux.setattr(sys, "platform", "linux")
        hint = real_models.base.fetch_hint()
    monkeypatch.setattr(real_models.base, "FETCH_HINT", hint)
    assert i18n.install(qapp, language) == language
    try:
        window = MainWindow()
        qtbot.addWidget(window)
        window.model.update(view="real_model", options={"model": "minilm"})
        qtbot.waitUntil(lambda: "fetch_models.py" in window.error_label.text(), timeout=10000)
        assert said in window.error_label.text()
    finally:
        i18n.install(qapp, "en")



def set_hall_type(view, theme: str, text_scale: float) -> None:
    """``view``'s font and look at ``text_scale`` presenting, as the window sets them (its font before its look)."""
    points = style.BASE_POINTS * text_scale * style.PRESENTATION_SCALE
    font = QFont(view.font())
    font.setPointSizeF(points)
    view.setFont(font)
    view.set_look(style.theme_named(theme), points)


def heads_presenting(qtbot, size: tuple[int, int], text_scale: float, theme: str):
    """(view, hall): the deck's scene of SmolLM2's heads presenting in a hall of ``size``, drawn, the lecturer's parts
    gone (``controls_called`` off)."""
    from test_lesson_presenting import Hall

    need("smollm2")
    model = StateModel(Scene(method="sinusoidal", view=RealModelView.key, options={
        "model": "smollm2", "ablation": "rope-off", "find": "previous", "layer": 16, "head": 0}).validated(applies()),
        views=applies())
    view = RealModelView(model)
    hall = Hall(model, view, presenting=True)
    hall.controls_called = False
    qtbot.addWidget(hall)
    hall.resize(*size)
    set_hall_type(view, theme, text_scale)
    hall.show()
    view.show_data(model.scene, view.fetch(model.scene))
    qtbot.waitExposed(hall)
    qtbot.waitUntil(lambda: not view.controls.isVisible())
    return view, hall

def count_forward_passes(monkeypatch, name):
    """A list that gets one entry (tokens, ablation, next_token) per forward pass of the registered model ``name``
    (the comparisons run their passes with ``forward_many``)."""
    passes = []
    model = real_models.get(name)
    forward_many = model.forward_many

    def counted(tokens, ablations, next_token=True):
        passes.extend((tokens, ablation, next_token) for ablation in ablations)
        return forward_many(tokens, ablations, next_token)
    monkeypatch.setattr(model, "forward_many", counted)
    return passes


def test_typing_runs_one_comparison_after_the_pause_not_one_per_key(qtbot, monkeypatch):
    need("minilm")
    model, view = open_view(qtbot, RealModelView, style.theme_named("light"), {"model": "minilm", "ablation": "none"})
    passes = count_forward_passes(monkeypatch, "minilm")
    view.control_row.text.setFocus()
    qtbot.keyClicks(view.control_row.text, " and the dog sleeps")  # 19 keys in a burst
    assert passes == [] and model.scene.text != view.control_row.text.text()  # nothing is sent while typing
    qtbot.waitUntil(lambda: model.scene.text == view.control_row.text.text(), timeout=5000)
    assert len(passes) == 2  # the trained and the ablated model, once
    assert view.data.tokens[-3:] == ("dog", "sleeps", "[SEP]")
    qtbot.keyClicks(view.control_row.text, "!")
    qtbot.keyClick(view.control_row.text, Qt.Key_Return)  # Enter sends at once
    assert model.scene.text.endswith("sleeps!") and len(passes) == 4


def test_a_new_layer_head_or_pattern_runs_no_forward_pass(qtbot, monkeypatch):
    need("minilm")
    model, view = open_view(qtbot, RealModelView, style.theme_named("light"), {"model": "minilm"})
    passes = count_forward_passes(monkeypatch, "minilm")
    model.set_option("layer", 4)
    model.set_option("find", "first")
    view.control_row.find.activated.emit(view.control_row.find.findData("diagonal"))
    assert model.scene.options["find"] == "diagonal" and passes == []


def test_the_head_finder_lists_the_best_heads_and_opens_them(qtbot):
    need("smollm2")
    model, view = open_view(qtbot, RealModelView, style.theme_named("light"),
                            {"model": "smollm2", "ablation": "rope-off", "find": "previous"})
    scores = heads.head_scores(view.data.real)
    after = heads.head_scores(view.data.ablated)
    expected = [(layer, head) for layer, head, _ in scores.rank("previous", len(view.data.found))]
    assert [(layer, head) for layer, head, _, _ in view.data.found] == expected
    layer, head = expected[0]
    assert f'href="{layer},{head}"' in view.found.text()
    assert f"{scores.previous[layer, head]:.2f} → {after.previous[layer, head]:.2f}" in view.found.text()
    view.found.linkActivated.emit(f"{layer},{head}")
    assert (model.scene.options["layer"], model.scene.options["head"]) == (layer, head)
    (_, large), _, _ = view.large
    np.testing.assert_array_equal(large, view.data.real[layer, head])


def test_one_head_alone_is_what_the_window_exports(qtbot, tmp_path):
    need("minilm")
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1600, 900)
    window.show()
    window.model.update(view="real_model", text="the cat sat on the mat",
                        options={"model": "minilm", "ablation": "reverse", "layer": 2, "head": 5, "show": "ablated"})
    view = window.view("real_model")
    qtbot.waitUntil(lambda: view.data is not None and view.data.settings.show == "ablated", timeout=20000)
    assert [plot for plot, _ in view.large] == view.plots and len(view.plots) == 1
    assert not view.overview.plot.isVisible()
    head = view.data.ablated[2, 5]
    assert window.export_data(tmp_path / "head.npy") and window.export_data(tmp_path / "head.csv")
    np.testing.assert_array_equal(np.load(tmp_path / "head.npy"), head)
    table = np.loadtxt(tmp_path / "head.csv", delimiter=",", skiprows=2)  # a column of row numbers first
    np.testing.assert_allclose(table[:, 1:], head, atol=1e-7)
    assert window.export_data(tmp_path / "all.npz")
    with np.load(tmp_path / "all.npz") as archive:
        assert archive["attention"].shape == (6, 12, 8, 8) and list(archive["tokens"])[1:3] == ["the", "cat"]
        np.testing.assert_array_equal(archive["head_trained"], view.data.real[2, 5])
    assert window.export_figure(tmp_path / "head.png", width=800)
    assert QImage(str(tmp_path / "head.png")).width() == 800


def test_the_lessons_colour_bar_leaves_room_for_its_end_labels(qtbot, qapp):
    """Presenting (large application font), the lesson's colour bar stood at the top of the plots with its
    end label '1.0' centred on its edge: half of it above the view (cut by 3 px in the layout report at every
    screen size). The bar keeps half a label's height free at both ends."""
    need("minilm")
    font = qapp.font()
    large = QFont(font)
    large.setPointSizeF(style.BASE_POINTS * style.PRESENTATION_SCALE)
    qapp.setFont(large)
    try:
        _model, view = open_view(qtbot, RealPositionLesson, style.theme_named("light"), {"step": 0})
        view.set_look(view.theme, style.BASE_POINTS * style.PRESENTATION_SCALE)
        view.resize(1280, 640)
        # after the page's layout passes and the plots' heights fitted after them (later on a loaded machine)
        qtbot.waitUntil(lambda: not [problem for problem in check_window(view).problems if "right axis" in problem],
                        timeout=5000)
    finally:
        qapp.setFont(font)


def test_the_lessons_explanation_is_not_cut_when_its_step_line_wraps(qtbot, qapp):
    """Presenting at 1280 x 720 and text x1.6, the header was fitted with a height its wrapped step line had at
    the previous text size (the row of buttons and step kept its own cached height): the explanation above it
    was cut at the bottom by 10 px."""
    need("smollm2")
    _model, view = open_view(qtbot, RealPositionLesson, style.theme_named("light"), {"step": 1})
    view.set_look(view.theme, style.BASE_POINTS * style.PRESENTATION_SCALE * 1.6)
    for height in (632, 560, 632):  # the header's texts shrink further, then less
        view.resize(1280, height)
        qtbot.wait(50)
    qtbot.waitUntil(lambda: view.header.height() >= view.header.layout().totalHeightForWidth(view.header.width())
                    and not [problem for problem in check_window(view).problems if "cut at the bottom" in problem],
                    timeout=5000)


def test_the_lessons_change_panel_numbers_layers_at_round_spacings_within_its_axis(qtbot, qapp):
    """The change of every head named each of SmolLM2's 30 layers, thinned to every other one in large type: 28
    stood half past the panel's end (cut by 2 px) and the names ran under the axis name. Now pyqtgraph's round
    spacings (0, 10, 20 in large type), with room made for them."""
    need("smollm2")
    _model, view = open_view(qtbot, RealPositionLesson, style.theme_named("light"), {"step": 1})
    view.set_look(view.theme, style.BASE_POINTS * style.PRESENTATION_SCALE * 1.6)
    view.resize(1280, 632)
    qtbot.waitUntil(lambda: not [problem for problem in check_window(view).problems if "tick name" in problem],
                    timeout=5000)


def test_the_large_panels_are_built_one_per_idle_slice(qtbot):
    """Made, the view has no large panel yet; the window's build-ahead adds one a call (together they cost as much
    as the rest of the view: one slice of idle time was too long); drawing completes whatever is missing."""
    window = MainWindow(settings=None)
    qtbot.addWidget(window)
    window.warm_up_timer.stop()
    view = window.view("real_model")
    assert view.large_panels == []
    built = []
    while view.build_ahead():
        built.append(len(view.large_panels))
    assert built == [1, 2, 3]
    fresh = RealModelView(window.model)
    qtbot.addWidget(fresh)
    need("minilm")
    scene = Scene(view="real_model", options={"model": "minilm", "ablation": "none"})
    fresh.show_data(scene, fresh.fetch(scene))
    assert len(fresh.large_panels) == 3 and len(fresh.large) == 3


def test_one_head_alone_predicts_no_next_tokens_and_the_overview_lists_them(qtbot, monkeypatch):
    need("smollm2")
    passes = count_forward_passes(monkeypatch, "smollm2")
    model, view = open_view(qtbot, RealModelView, style.theme_named("light"),
                            {"model": "smollm2", "ablation": "ntk:4", "show": "trained"})
    model.update(text="one head alone, for export")
    assert view.data.next_real == () and not view.next_tokens.isVisible()
    assert passes and all(next_token is False for _tokens, _ablation, next_token in passes)
    model.set_option("show", "all")
    assert len(view.data.next_real) == 10 and view.next_tokens.isVisible()
    assert all(next_token for _tokens, _ablation, next_token in passes[-2:])


def test_the_overview_of_every_head_is_in_sight_presenting_at_1280_by_720(qtbot):
    """The deck's scene of SmolLM2's heads at 1280 x 720 x1.3 (the view below the audience title): the controls kept
    the height of their lines in smaller type and the ranking and the notes came before the plots: not one head was
    in sight."""
    need("smollm2")
    _model, view = open_view(qtbot, RealModelView, style.theme_named("light"),
                             {"model": "smollm2", "ablation": "rope-off", "find": "previous", "layer": 16, "head": 0})
    view.resize(1280, 645)
    set_hall_type(view, "light", 1.3)
    qtbot.wait(50)
    assert view.controls.height() == view.control_row.flow.heightForWidth(view.controls.width())  # every line, none blank
    viewport, tiles = view.scroll.viewport(), view.overview.plot.vb.sceneBoundingRect()
    bottom = view.graphics.mapTo(viewport, view.graphics.mapFromScene(tiles.bottomLeft())).y()
    assert bottom <= viewport.height() and tiles.height() >= 9 * 12  # nine heads down, each at least 12 px


def test_the_text_box_asks_for_no_more_than_the_pages_width_once_it_scrolls(qtbot):
    """At 1024 x 768 x1.3 (SmolLM2's heads, in Chinese) the text box was fitted to the view's width before the page
    scrolled; once the scroll bar came it held the page 12 px wider than the view, and the ranking, the notes and the
    next-token table were cut at the right (test_layout_matrix). Here a narrow view makes the text box as wide as a
    line in English too."""
    need("smollm2")
    _model, view = open_view(qtbot, RealModelView, style.theme_named("dark"),
                             {"model": "smollm2", "ablation": "rope-off", "find": "previous"})
    view.resize(560, 4000)  # tall: no scroll bar while the controls are fitted
    set_hall_type(view, "dark", 1.3)
    qtbot.wait(50)
    assert not view.scroll.verticalScrollBar().isVisible()
    # no wider than the page with a scroll bar, which more plots or text may bring without a resize to fit again
    assert view.controls.minimumSizeHint().width() <= view.page_width()


@pytest.mark.parametrize("size, text_scale", [((1024, 693), 1.3), ((1280, 712), 1.6)])
def test_the_large_panels_titles_fit_the_page_beside_the_widest_colour_bar(qtbot, monkeypatch, size, text_scale):
    """The deck's scene of SmolLM2's heads presenting at 1024 x 768 x1.3 and 1280 x 800 x1.6: the difference's title
    was wrapped to the room beside its own colour bar, 27 px narrower than the trained head's in the same column, and
    the plots ran 8-17 px past the view's edge. The panels one below the other, as the window had them there."""
    from posenc_gui.app.views import real_model

    need("smollm2")
    monkeypatch.setattr(real_model, "panel_columns", lambda width, panels, spare, spacing: 1)
    _model, view = open_view(qtbot, RealModelView, style.theme_named("light"),
                             {"model": "smollm2", "ablation": "rope-off", "find": "previous", "layer": 16, "head": 0})
    view.resize(*size)
    set_hall_type(view, "light", text_scale)
    qtbot.wait(50)
    needed = view.graphics.ci.layout.effectiveSizeHint(Qt.MinimumSize).width()
    assert needed <= view.graphics.viewport().width() + 1
    assert not [problem for problem in check_window(view).problems if "beyond" in problem]


def test_the_controls_lines_are_counted_again_for_a_model_drawn_while_hidden(qtbot, qapp):
    """Presenting at 1920 x 1080 x1.3 in Chinese, the deck's scene of SmolLM2 (its controls on three lines), another
    view, then MiniLM: drawn while the view was hidden, its boxes took their new widths only once shown, and the
    controls kept SmolLM2's three lines over MiniLM's two: the large panels ran 32 px past the page's end, their last
    token names cut."""
    from posenc_gui.app import i18n

    need("smollm2")
    need("minilm")
    assert i18n.install(qapp, "zh") == "zh"
    try:
        model, view = open_view(qtbot, RealModelView, style.theme_named("dark"), {
            "model": "smollm2", "ablation": "rope-off", "find": "previous", "layer": 16, "head": 0})
        view.resize(1920, 991)
        set_hall_type(view, "dark", 1.3)
        qtbot.wait(50)
        lines = view.controls.height()
        view.hide()
        model.update(options={"model": "minilm"})
        view.show()
        qtbot.wait(50)
        assert view.controls.height() == view.control_row.flow.heightForWidth(view.controls.width()) < lines
    finally:
        i18n.install(qapp, "en")


@pytest.mark.parametrize("size, text_scale", [((1920, 992), 1.6), ((1280, 645), 1.3), ((1280, 632), 1.6)])
def test_presenting_the_heads_leave_the_lecturers_parts_out_and_the_head_beside_itself(qtbot, size, text_scale):
    """The deck's scene of SmolLM2's heads presenting at 1920 x 1080 x1.6 and 1280 x 720 x1.3 (the view below the
    audience title): the controls, the heads found, the notes and the ten next tokens stood on the page and the three
    large panels one below the other (their titles, fitted to one column, held them there): the page was 1,817 and
    1,670 px taller than the screen, the current head out of sight. Now the three side by side below the overview and
    the lecturer's parts away, all in sight; P (``controls_called``) brings the parts back. At 1280 x 720 x1.6 the
    overview's title (two lines), 'key' on a line of its own and the difference's title (four lines) held the matrices
    233 px below the screen: the hall's overview is untitled, 'key' is in the corner, the difference's title short."""
    view, hall = heads_presenting(qtbot, size, text_scale, "dark")
    assert not any(part.isVisible() for part in (view.found, view.notes, view.next_tokens))
    assert view._arranged == ("all", 3)
    viewport = view.scroll.viewport()

    def in_sight() -> bool:  # once laid out: the panels' axes are measured for their names as they first paint
        ends = [view.graphics.mapTo(viewport, view.graphics.mapFromScene(plot.sceneBoundingRect().bottomRight()))
                for plot in [view.overview.plot] + [plot for plot, _matrix in view.large]]
        return view.scroll.verticalScrollBar().maximum() == 0 and all(
            end.y() <= viewport.height() and end.x() <= viewport.width() for end in ends)
    qtbot.waitUntil(in_sight)
    hall.controls_called = True
    view.keep_plots_readable()
    qtbot.waitUntil(lambda: view.controls.isVisible() and view.next_tokens.isVisible())
    # the desk's titles back
    assert view.overview.plot.titleLabel.text and "ablated − trained" in view.large[2][0].titleLabel.text


def test_presenting_the_key_names_are_whole_words_of_the_text_apart(qtbot):
    """The deck's scene of SmolLM2's heads presenting at 1920 x 1080 x1.6: over the three large panels the key names,
    thinned to every other, read "the ch the" ("chases" is ' ch' 'ases' to SmolLM2). Now the names shown are whole
    words of the text, more than one, none over another or cut (the layout check)."""
    from posenc_gui.app.plot_layout_check import draw_specs

    view, _hall = heads_presenting(qtbot, (1920, 992), 1.6, "light")
    qtbot.wait(50)
    assert [token.strip() for token in view.data.tokens] == ["the", "cat", "ch", "ases", "the", "mouse"]
    for plot, _matrix in view.large:
        (_axis, _ticks, texts), _metrics = draw_specs(plot.getAxis("top"))
        shown = [str(text).strip() for _rect, _flags, text in texts]
        assert len(set(shown)) >= 2 and set(shown) <= {"the", "cat", "mouse"}, shown
    assert check_window(view).problems == []
