"""Small multiples of heads take the number of columns that makes their panels largest in the room the page has: a
row of four heads across a wide screen rather than two rows with half the screen empty and the second row below the
fold; in a tall narrow window, the other way round. The panels of one grid are equal, and a page scrolls only when no
arrangement keeps the panels readable in sight."""

from dataclasses import replace

import pytest

from posenc_gui.app import style
from posenc_gui.app.axes import GridAxis
from posenc_gui.app.layout_check import check_window
from posenc_gui.app.state import Scene, StateModel
from posenc_gui.app.views import applies
from posenc_gui.app.views.attention import AttentionView
from posenc_gui.app.views.placement import best_columns
from posenc_gui.app.views.outputs import OutputsView
from posenc_gui.app.views.relative import BiasView

LARGE = style.BASE_POINTS * style.PRESENTATION_SCALE * 1.3  # presenting at text size x1.3


def shown_view(qtbot, cls, scene: Scene, width: int, height: int, points: float):
    model = StateModel(scene, views=applies())
    view = cls(model)
    qtbot.addWidget(view)
    view.resize(width, height)
    view.set_look(style.theme_named("light"), points)
    view.show()
    model.changed.connect(lambda new: view.show_data(new, view.fetch(new)))
    view.show_data(model.scene, view.fetch(model.scene))
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: view.plots[-1].vb.width() > 1)  # laid out
    return view


def in_sight(view) -> bool:
    bottom = max(plot.vb.mapRectToScene(plot.vb.boundingRect()).bottom() for plot in view.plots)
    return view.graphics.mapTo(view, view.graphics.rect().topLeft()).y() + bottom <= view.height() + 1


def columns_of(view) -> int:
    return len({round(plot.vb.mapRectToScene(plot.vb.boundingRect()).left()) for plot in view.plots})


def four_heads(view_key: str, method: str = "alibi") -> Scene:
    return Scene(method=method, view=view_key, head="all", params={"heads": 4, "seq_len": 16}).validated(applies())


@pytest.mark.parametrize("cls, scene, width, height, columns", [
    (BiasView, four_heads("bias"), 1280, 630, 4),
    (BiasView, four_heads("bias", "shaw"), 1280, 630, 4),
    (OutputsView, Scene(method="transformer_xl", view="outputs", options={"output": "score_terms"}), 1280, 630, 4),
    (AttentionView, Scene(method="alibi", view="attention", head="all", params={"heads": 8}), 1920, 1000, 4),
])
def test_heads_on_a_wide_screen_fill_its_width_all_in_sight(qtbot, cls, scene, width, height, columns):
    view = shown_view(qtbot, cls, scene.validated(applies()), width, height,
                      style.BASE_POINTS * style.PRESENTATION_SCALE)
    assert columns_of(view) == columns  # about square, two or three columns left the right half of the screen empty
    assert in_sight(view)
    areas = [plot.vb.mapRectToScene(plot.vb.boundingRect()) for plot in view.plots]
    assert max(area.width() for area in areas) - min(area.width() for area in areas) <= 1  # equal panels
    assert max(area.height() for area in areas) - min(area.height() for area in areas) <= 1


def test_a_tall_narrow_window_stacks_the_heads_and_a_wide_one_puts_them_back_in_a_row(qtbot):
    view = shown_view(qtbot, BiasView, four_heads("bias"), 1280, 630, style.BASE_POINTS)
    assert columns_of(view) == 4
    view.resize(560, 1000)
    qtbot.waitUntil(lambda: columns_of(view) < 4)
    assert in_sight(view)
    view.resize(1280, 630)
    qtbot.waitUntil(lambda: columns_of(view) == 4)
    assert in_sight(view)


def test_panels_stand_side_by_side_up_to_their_names_with_a_gutter_between_names(qtbot):
    """The inner panels carry no names, so they grow into the room the names took; the column names atop
    neighbouring panels stay apart."""
    view = shown_view(qtbot, BiasView, four_heads("bias"), 1280, 630, LARGE)
    first, second = (plot.vb.mapRectToScene(plot.vb.boundingRect()) for plot in view.plots[:2])
    assert second.left() - first.right() < view.plots[0].getAxis("left").width()
    assert not [problem for problem in check_window(view).problems if " over " in problem]


def test_the_largest_readable_panels_win_and_the_page_scrolls_only_when_none_fit():
    def room(width, height, names=100.0):  # panels' areas in a room with names along the first column
        return lambda columns: ((width - names) / columns, height / -(-8 // columns))

    smallest = (100.0, 100.0)
    assert best_columns(8, room(1300, 400), (16, 16), smallest) == 4  # 4 x 2 of 200 beats 8 x 1 of 150
    assert best_columns(8, room(500, 1700), (16, 16), smallest) == 1  # a tall window: one column of 400
    assert best_columns(8, room(1300, 400), (16, 16), smallest, pairs=True) == 4
    assert best_columns(6, room(1300, 400), (16, 16), smallest, pairs=True) in (2, 4, 6)
    # no arrangement in sight: the fewest rows of readable panels, in the fewest columns that give them
    assert best_columns(8, room(420, 150), (16, 16), smallest) == 3


def test_on_a_page_that_scrolls_the_arrangement_with_most_plot_area_in_sight_wins():
    """gpt-oss's four heads in Chinese presenting at 1280 x 720 x1.6: in one row their titles took four lines and left
    the matrices below the fold; two rows of two show the first two whole."""
    room = lambda columns: (800 / columns, 100 / -(-4 // columns))  # noqa: E731  (none in sight: under 130 tall)
    smallest = (150.0, 130.0)
    assert best_columns(4, room, (8, 8), smallest) == 4  # the fewest rows
    in_sight = {1: 130.0, 2: 260.0, 3: 200.0, 4: 40.0}
    assert best_columns(4, room, (8, 8), smallest, area_in_sight=in_sight.get) == 2


def test_a_matrix_wider_than_tall_weighs_its_cells_not_its_area():
    wide = lambda columns: (1200 / columns, 600 / -(-2 // columns))  # noqa: E731
    assert best_columns(2, wide, (4, 64), (50.0, 10.0)) == 1  # two long strips stacked, each cell 18 px


def test_panels_in_one_row_start_at_the_same_height_whatever_their_titles_wrap_to(qtbot):
    """CoPE's head 0 with its parts: "head 0: full", "... content only", "... position only" (as the parts were named)
    wrapped onto different numbers of lines, and the three matrices started at different heights."""
    scene = Scene(method="cope", view="attention", head=0, position_only=True, causal=True)
    view = shown_view(qtbot, AttentionView, scene.validated(applies()), 1100, 630, LARGE)
    assert len(view.plots) == 3 and columns_of(view) == 3
    lines = {round(plot.titleLabel.item.boundingRect().height()) for plot in view.plots}
    assert len(lines) > 1  # the titles do wrap differently here
    assert len({round(plot.vb.mapRectToScene(plot.vb.boundingRect()).top()) for plot in view.plots}) == 1


def test_heads_drawn_after_one_large_head_take_their_whole_share(qtbot):
    """The plots' layout, held narrow by the one head's maximum width, stayed narrow when the four heads' grew: the
    heads' square matrices were drawn in half their width."""
    scene = Scene(method="alibi", view="attention", head=0, params={"heads": 4}).validated(applies())
    view = shown_view(qtbot, AttentionView, scene, 1920, 1000, style.BASE_POINTS * style.PRESENTATION_SCALE * 1.6)
    view.model.update(head="all")
    qtbot.waitUntil(lambda: len(view.plots) == 4 and view.plots[-1].vb.width() > 1)
    qtbot.wait(50)
    for plot in view.plots:
        assert abs(plot.vb.width() - plot.vb.height()) <= 1  # square cells, filling their plot area


def test_eight_heads_on_a_small_projector_in_large_type_stay_in_sight(qtbot):
    """The room a view has at 1280 x 720 presenting at x1.3: eight ALiBi heads in two rows of four, every one in
    sight, at least the readable size of a small multiple (a lone matrix's, 4 lines of text, scrolled the second row
    away)."""
    scene = Scene(method="alibi", view="bias", head="all", params={"heads": 8, "seq_len": 16}).validated(applies())
    view = shown_view(qtbot, BiasView, scene, 1280, 560, LARGE)
    assert columns_of(view) == 4 and in_sight(view)
    assert view.page.height() <= view.scroll.viewport().height()
    side = view.readable_cells_width(among_many=True)
    assert all(plot.vb.width() >= side - 1 for plot in view.plots)


def test_longer_token_names_rearrange_the_heads(qtbot):
    """The names along the first column take room from the panels: typed longer, the grid is arranged anew."""
    scene = Scene(method="alibi", view="attention", head="all", params={"heads": 4}, text="a b c")
    view = shown_view(qtbot, AttentionView, scene.validated(applies()), 1280, 630, LARGE)
    grid = view.grid
    view.model.update(text="extraordinarily lengthy tokens")
    qtbot.waitUntil(lambda: view.plots[0].getAxis("left").width() > 200)
    assert grid.columns == best_columns(grid.count, grid.panel_area, grid.shape, grid._smallest_area())
    assert all(plot.vb.width() <= grid.panel_area(grid.columns)[0] + 1 for plot in view.plots)


def test_titles_that_wrap_no_narrower_keep_the_grid_inside_the_page(qtbot):
    """Eight heads with their sinks' shares in their titles, presenting at 1280 x 720 x1.6: four columns of titles
    that wrap no narrower than six ems ran the colour bar 250 px past the page's edge."""
    scene = Scene(method="sinks", view="attention", head="all").validated(applies())
    view = shown_view(qtbot, AttentionView, scene, 1280, 632, style.BASE_POINTS * style.PRESENTATION_SCALE * 1.6)
    bar = view.grid.bar.mapRectToScene(view.grid.bar.boundingRect())
    assert bar.right() <= view.graphics.viewport().width() + 1
    assert not [problem for problem in check_window(view).problems if "cut" in problem or "beyond" in problem]


@pytest.mark.parametrize("step", [0, 2])
def test_the_images_lessons_three_panels_are_in_sight_presenting_at_720(qtbot, step):
    """Presenting at 1280 x 720, text x1.3, the room under the audience title: the lesson's three panels stand in a row
    in sight (their titles wrapped to four lines pushed them below the fold, where no one scrolls). In a presenting
    window, whose lesson gives its intro's room to the plots: a view that kept it had room for matrices narrower than
    the name 'column' above them."""
    from posenc_gui.app.views.lessons import ImagesLesson
    from test_lesson_presenting import shown_lesson

    hall = shown_lesson(qtbot, ImagesLesson, Scene(view="images", options={"step": step}), presenting=True)
    view = hall.view
    qtbot.waitUntil(lambda: view.plots[-1].vb.width() > 1)  # laid out
    assert columns_of(view) == 3
    assert in_sight(view)
    assert not [problem for problem in check_window(view).problems if "beyond" in problem]


@pytest.mark.parametrize("method", ["cope", "alibi", "shaw"])
@pytest.mark.parametrize("points", [style.BASE_POINTS, style.BASE_POINTS * 1.3, style.BASE_POINTS * 1.6])
def test_a_heads_parts_are_square_and_its_full_panel_no_narrower(qtbot, method, points):
    """One head with its content and position parts in the room deck scene 28 has windowed at 1280 x 800: each plot
    area as wide as its square matrix and all three alike. At x1.3 the parts' titles, unwrapped, held their plot areas
    a quarter wider than the matrix (246 x 198 px), the masked cells' hatching beside it, the full panel narrower."""
    scene = Scene(method=method, view="attention", head=0, position_only=True, causal=True).validated(applies())
    view = shown_view(qtbot, AttentionView, scene, 878, 596, points)
    assert len(view.plots) == 3
    areas = [plot.vb.sceneBoundingRect() for plot in view.plots]
    for area in areas:
        assert abs(area.width() - area.height()) <= 2
    assert areas[0].width() >= max(area.width() for area in areas[1:]) - 1


def test_the_images_lessons_controls_wrap_on_a_projector_at_the_largest_text(qtbot):
    """Presenting at 1280 x 720, text x1.6: the lesson's two spin boxes on one row widened the page past the view, and
    the second, the intro and the step line were 51-81 px out of sight."""
    from posenc_gui.app.views.lessons import ImagesLesson

    view = shown_view(qtbot, ImagesLesson, Scene(view="images"), 1280, 645,
                      style.BASE_POINTS * style.PRESENTATION_SCALE * 1.6)
    assert not [problem for problem in check_window(view).problems if "out of sight" in problem]


def test_a_refit_measures_the_room_once_and_each_arrangement_once(qtbot, monkeypatch):
    """Fitting the grid to its room asks the page for its room once (it asks every row of the page its height) and
    works out each trial arrangement's layout once: every trial asked the room twice, and the chosen arrangement was
    worked out twice more (for its panels' share and, on a page that scrolls, its area in sight)."""
    view = shown_view(qtbot, AttentionView, Scene(method="alibi", view="attention", head="all", params={"heads": 8}),
                      1000, 700, LARGE)
    grid = view.grids[0]
    rooms, trials = [], []
    real_room, real_trial = type(view).plot_room, type(grid)._area_beside
    monkeypatch.setattr(type(view), "plot_room", lambda self: rooms.append(1) or real_room(self))
    monkeypatch.setattr(type(grid), "_area_beside", lambda self, columns, *args: trials.append(columns) or
                        real_trial(self, columns, *args))
    grid._filled = None  # as if the room had changed
    assert not grid.fill_room()  # fitted again, to the same arrangement
    assert len(rooms) == 1
    assert trials and all(trials.count(columns) <= 3 for columns in set(trials))  # up to three rounds each


def test_new_tokens_measure_each_named_axis_once(qtbot, monkeypatch):
    """A new sentence gives every panel a new range and new names: the axes are measured for both at once (each
    measure places every name; measured at the range and again at the names, the first was wasted)."""
    view = shown_view(qtbot, AttentionView, Scene(method="alibi", view="attention", head="all", params={"heads": 4}),
                      1280, 800, style.BASE_POINTS)
    measures = []
    real = GridAxis._specs
    monkeypatch.setattr(GridAxis, "_specs", lambda self, painter: measures.append(self) or real(self, painter))
    scene = replace(view.model.scene, text="a cat and a dog sat on the mat today")
    view.show_data(scene, view.fetch(scene))
    assert measures and len(measures) == len(set(measures))
