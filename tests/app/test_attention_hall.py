"""Attention matrices as a hall sees them: presenting at 1280 x 720 with text x1.3 (the room the view has under the
audience title), the heads of deck scenes 25 and 39 stand in one row, top-aligned, as large as the row allows."""

import pytest

from posenc_gui.app import i18n
from posenc_gui.app.plot_layout_check import draw_specs
from posenc_gui.app.state import Scene
from posenc_gui.app.views.attention import AttentionView
from tests.app.view_helpers import projector_view

ROOM = (1280, 570)
SENTENCE = "the cat chases the mouse"


def areas(view):
    return [plot.vb.sceneBoundingRect() for plot in view.plots]


def test_heads_drawn_after_one_head_stand_top_aligned(qtbot):
    """Scene 4's lone head staggers its five column names on three lines; the same names over four heads (scene 25,
    next in a lecture) go on one line, but head 0's axis kept the three lines' room: its matrix stood 76 px below the
    other three."""
    scene = Scene(method="nope", view="attention", head=0, text=SENTENCE)
    view = projector_view(qtbot, AttentionView, scene, ROOM, 1.3)
    qtbot.waitUntil(lambda: view.plots[0].getAxis("top").picture is not None)  # painted: the names were measured
    view.model.changed.connect(lambda new: view.show_data(new, view.fetch(new)))
    view.model.update(method="alibi", params={"heads": 4}, causal=True, head="all")
    qtbot.waitUntil(lambda: len(view.plots) == 4 and view.plots[-1].vb.width() > 1)
    qtbot.wait(50)
    rows = {}
    for plot, area in zip(view.plots, areas(view)):
        rows.setdefault(min(view.graphics.ci.items[plot])[0], []).append(round(area.top()))
    assert all(max(tops) - min(tops) <= 1 for tops in rows.values()), rows


def test_four_heads_in_a_row_take_the_room_their_names_left_to_the_gutters(qtbot):
    """Token names stay inside their axis's ends, so the gutter between heads needs no room for half a name on each
    side: with it, scene 25's four matrices were 166 px of a 1280 px row."""
    scene = Scene(method="alibi", view="attention", head="all", params={"heads": 4}, text=SENTENCE, causal=True)
    view = projector_view(qtbot, AttentionView, scene, ROOM, 1.3)
    qtbot.waitUntil(lambda: view.plots[-1].vb.width() > 1)
    assert len({round(area.top()) for area in areas(view)}) == 1  # one row
    assert all(area.width() >= 200 and abs(area.width() - area.height()) <= 1 for area in areas(view))


def presented(qtbot, size: tuple[int, int], text_scale: float, scenes) -> list:
    """The plot areas of the last of ``scenes`` shown one after the other in a window presenting at ``size`` and
    ``text_scale`` (in the application's language), and the layout check's problems."""
    from posenc_gui.app.layout_check import check_window
    from posenc_gui.app.views import applies
    from posenc_gui.app.window import MainWindow

    window = MainWindow(language=i18n.language())
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    window.set_text_scale(text_scale)
    window.set_presenting(True)
    try:
        qtbot.waitExposed(window)
        for scene in scenes:
            window.model.set_scene(scene.validated(applies()))
            window.finish_work()
            qtbot.wait(50)
        return areas(window.current_view), check_window(window).problems
    finally:  # the look is the application's: back to the windowed one for the tests after
        window.set_presenting(False)
        window.set_text_scale(1.0)


CORNER_SCENE = Scene(method="nope", view="attention", head=0, text=SENTENCE)  # deck scene 4
GEMMA_SCENE = Scene(method="layers", view="attention", head=0, causal=True, text=SENTENCE + " across the garden",
                    params={"pattern": "gemma3", "d_model": 256, "layer": 0, "window": 3})  # deck scene 38


def test_a_lone_head_after_a_row_of_heads_fills_the_room_the_controls_left(qtbot, chinese):
    """Scene 38 after scene 28, presenting at 1280 x 720 x1.3 in Chinese: the switch for each head's own colours, on a
    line of its own, goes with the row of heads; the lone head was fitted to the room as it was with that line (209 px
    wide in a plot area 246 tall)."""
    parts = Scene(method="cope", view="attention", head=0, position_only=True, causal=True, text=SENTENCE)
    [area], _problems = presented(qtbot, (1280, 720), 1.3, [parts, GEMMA_SCENE])
    assert abs(area.width() - area.height()) <= 1 and area.width() >= 240, area


def test_a_lone_heads_names_on_more_lines_than_planned_keep_it_in_sight(qtbot, chinese):
    """Scene 4 presenting at 1280 x 800 x1.6 in Chinese: its column names, measured while painting, took a line more than
    the room was fitted to, and pushed the matrix 12-70 px past the view's edge, its last row's name cut."""
    _areas, problems = presented(qtbot, (1280, 800), 1.6, [CORNER_SCENE])
    assert not problems, problems


def test_a_lone_head_names_its_columns_in_the_corner_and_takes_the_line_for_its_matrix(qtbot):
    """Scene 4: the name of the columns stood on a line of its own above their names, over an empty corner; in the
    corner, left of the names, its line is the matrix's (246 -> 294 px presenting at 1280 x 720 x1.3 in
    Chinese, 279 -> 357 px here)."""
    view = projector_view(qtbot, AttentionView, CORNER_SCENE, ROOM, 1.3)
    qtbot.waitUntil(lambda: view.plots[0].vb.width() > 1)
    qtbot.wait(50)
    plot = view.plots[0]
    assert not plot.getAxis("top").labelText and plot.corner_name.text.strip() == view.grid.column_label
    corner, [area] = plot.corner_name.sceneBoundingRect(), areas(view)
    assert corner.right() <= area.left() + 1 and area.top() - 2 * corner.height() <= corner.bottom() <= area.top() + 1
    assert area.width() >= 330 and abs(area.width() - area.height()) <= 1, area  # 279 px before
    view.model.changed.connect(lambda new: view.show_data(new, view.fetch(new)))
    view.model.update(method="alibi", params={"heads": 4}, head="all")  # a grid names its columns over its first row
    qtbot.waitUntil(lambda: len(view.plots) == 4)
    assert all(plot.getAxis("top").labelText for plot in view.plots) and not plot.corner_name.isVisible()


def test_a_corner_narrower_than_the_columns_name_leaves_it_above_them(qtbot):
    """Tokens of one Chinese character each leave a narrow corner: 'key' there widened the rows' names' column, and the
    lone head's plot area was 13 px taller than wide, its square matrix short of it."""
    scene = Scene(method="rope", view="attention", head=0, text="猫追老鼠")
    [area], problems = presented(qtbot, (1280, 720), 1.3, [scene])
    assert abs(area.width() - area.height()) <= 1 and not problems, (area, problems)


def name_lines_drawn(axis) -> tuple[int, int]:
    """(lines the axis has room for, lines its names are drawn on) of a horizontal axis of names."""
    from PySide6.QtGui import QImage, QPainter

    image = QImage(1, 1, QImage.Format_ARGB32)
    painter = QPainter(image)
    try:
        _, _, texts = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return round(axis._stagger / axis._line_height()) + 1, len({round(rect.top()) for rect, _, _ in texts})


@pytest.mark.parametrize("height", [520, 540, 570])
def test_a_lone_heads_names_take_no_more_room_than_the_lines_they_are_drawn_on(qtbot, height):
    """Scene 4 presenting at 1280 x 720 x1.6: the five names staggered on three lines narrowed the head, which thinned
    them onto two lines below an empty third; the matrix, square, takes that line."""
    scene = Scene(method="nope", view="attention", head=0, text=SENTENCE)
    view = projector_view(qtbot, AttentionView, scene, (1280, height), 1.6)
    axis = view.plots[0].getAxis("top")
    qtbot.waitUntil(lambda: axis.picture is not None)  # painted: the names were measured

    def fitted() -> bool:  # the room for the lines drawn, the matrix square (laid out again after the names' measure)
        room, drawn = name_lines_drawn(axis)
        area = view.plots[0].vb.sceneBoundingRect()
        return room == drawn and abs(area.width() - area.height()) <= 2

    qtbot.waitUntil(fitted, timeout=2000)


def test_cope_with_its_parts_keeps_its_numbers_its_phrases_and_more_than_two_names(qtbot):
    """Deck scene 28 (CoPE's head 0 with its content and position parts) presenting at 1280 x 720 x1.3: the titles,
    wrapped to their matrices less the widest axes, read "head 0:" / "content" / "only", and the five keys on one line
    were thinned to two ("the" ... "the"). A row of panels staggers its names on two lines, and the titles break after
    the colon only, over a line they reach across the gap; the cells keep their numbers."""
    scene = Scene(method="cope", view="attention", head=0, position_only=True, causal=True, text=SENTENCE)
    view = projector_view(qtbot, AttentionView, scene, ROOM, 1.3)
    axis = view.plots[0].getAxis("top")
    qtbot.waitUntil(lambda: axis.picture is not None)
    qtbot.wait(1)
    for plot in view.plots:
        document = plot.titleLabel.item.document()
        lines = [block.text()[line.textStart():line.textStart() + line.textLength()].strip()
                 for block in (document.findBlockByNumber(n) for n in range(document.blockCount()))
                 for line in (block.layout().lineAt(i) for i in range(block.layout().lineCount()))]
        assert all("content" in line or "position" in line for line in lines if "only" in line), lines
        cell = plot.vb.width() / len(SENTENCE.split())
        assert view.grid.texts[plot].shown_labels(cell, cell), cell  # numbers in the cells
    (_axis, _ticks, names), _metrics = draw_specs(axis)
    assert len(names) >= 3, [text for _rect, _flags, text in names]


def test_eight_heads_with_sinks_stand_in_sight_under_titles_on_two_lines(qtbot):
    """Eight heads of the sinks method presenting at 1280 x 720 x1.3: fitted in four columns for titles on two lines
    ("head 0 · / sink 39%") wrapped to their columns, the titles were then wrapped to their 113 px matrices on three,
    and the second row of heads stood below the fold, the page scrolling. They now keep the wrapping they were fitted
    for, and all eight stand in sight."""
    scene = Scene(method="sinks", view="attention", head="all", params={"heads": 8}, text=SENTENCE)
    view = projector_view(qtbot, AttentionView, scene, ROOM, 1.3)
    qtbot.waitUntil(lambda: len(view.plots) == 8 and view.plots[-1].vb.width() > 1)
    qtbot.wait(50)
    viewport = view.scroll.viewport()
    bottom = max(view.graphics.mapTo(viewport, view.graphics.mapFromScene(area.bottomLeft())).y()
                 for area in areas(view))
    assert view.scroll.verticalScrollBar().maximum() == 0 and bottom <= viewport.height(), (bottom, viewport.height())
    assert min(min(area.width(), area.height()) for area in areas(view)) >= 100, areas(view)


def test_all_heads_content_and_position_parts_stand_in_sight_presenting(qtbot):
    """Every head's content and position parts presenting at 1280 x 720 x1.3 in English: the title 'head 0: position
    only', its phrase kept whole, held each panel 230 px wide; two columns were left, their matrices 53 px tall (108 at
    their floor) in frames 373 px wide, and the page scrolled 389 px. Named in a word each, the parts stand in four
    columns of square matrices, all in sight."""
    scene = Scene(method="transformer_xl", view="attention", position_only=True, text=SENTENCE)
    view = projector_view(qtbot, AttentionView, scene, (1280, 645), 1.3)
    qtbot.waitUntil(lambda: len(view.plots) == 8 and view.plots[-1].vb.width() > 1)
    qtbot.wait(10)
    assert view.scroll.verticalScrollBar().maximum() == 0
    assert all(area.height() >= 120 and abs(area.width() - area.height()) <= 1 for area in areas(view)), areas(view)


@pytest.mark.parametrize("method, params", [("alibi", {"heads": 4}),
                                            ("layers", {"pattern": "gpt-oss", "d_model": 64, "layer": 0, "window": 3})])
def test_a_row_of_heads_names_the_tokens_that_tell_the_sentence(qtbot, method, params):
    """Deck scenes 25 and 39 (four heads in a row) presenting at 1280 x 720 x1.3: the five keys, thinned to every third
    from the first, read "the ... the" over every head. Thinned, they name different tokens ("cat ... mouse")."""
    scene = Scene(method=method, view="attention", head="all", params=params, text=SENTENCE, causal=True)
    view = projector_view(qtbot, AttentionView, scene, ROOM, 1.3)
    qtbot.waitUntil(lambda: len(view.plots) == 4 and view.plots[-1].vb.width() > 1)
    for plot in view.plots:
        (_axis, _ticks, names), _metrics = draw_specs(plot.getAxis("top"))
        texts = [str(text) for _rect, _flags, text in names]
        assert len(texts) >= 2 and len(set(texts)) == len(texts), texts


def test_presenting_the_controls_leave_their_lines_to_the_heads_until_called_back(qtbot, chinese):
    """The explore step of ALiBi's attention presenting at 1280 x 720 x1.3 in Chinese: the lecturer's two lines of
    controls (tokens, head, causal, parts, colours) stayed above the eight heads, whose second row ran 37 px below the
    fold (with each head's content and position parts, 387 px). P brings them back for a live change, and takes them
    away again; windowed they show."""
    from test_lesson_presenting import assert_controls_come_and_go_on_call, shown_lesson

    scene = Scene(method="alibi", view="attention")
    hall = shown_lesson(qtbot, AttentionView, scene, presenting=True, size=(1280, 631))
    view = hall.view
    qtbot.waitUntil(lambda: len(view.plots) == 8 and view.plots[-1].vb.width() > 1)
    qtbot.wait(10)
    assert view.scroll.verticalScrollBar().maximum() == 0
    assert_controls_come_and_go_on_call(hall)
    at_home = shown_lesson(qtbot, AttentionView, scene, presenting=False, size=(1280, 631))
    assert at_home.view.controls.isVisible()
