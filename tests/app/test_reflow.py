"""Rows of plots reflow to the page's width: at a large text size in a narrow view they wrap onto more rows (the
page scrolls) rather than squeezing each plot below a readable size or pushing it past the view's edge; with room
again they go back side by side. The toolbar's deck strip gives up its room before the View selector does."""

import math

import pytest
from PySide6.QtCore import QSettings, Qt

from posenc_gui.app import style
from posenc_gui.app.layout_check import check_window
from posenc_gui.app.state import Deck, Scene
from posenc_gui.app.views import applies
from posenc_gui.app.views.readable import MIN_PLOT
from posenc_gui.app.views.lessons import ContextExtensionLesson, LearnedTableLesson, MultiHeadLesson, OrderLesson
from posenc_gui.app.window import MainWindow

from view_helpers import open_view

LARGE = style.BASE_POINTS * style.PRESENTATION_SCALE * 1.6  # presenting at text size x1.6


def plot_rows(view) -> int:
    return len({round(plot.mapToScene(0, 0).y()) for plot in view.plots})


@pytest.mark.parametrize("cls, options", [(ContextExtensionLesson, {}), (LearnedTableLesson, {}), (OrderLesson, {}),
                                          (MultiHeadLesson, {"step": 1, "heads": 4})])
def test_a_row_of_plots_wraps_in_large_type_and_comes_back(qtbot, qapp, themed, cls, options):
    _model, view = open_view(qtbot, cls, themed("light"), options)
    side_by_side = plot_rows(view)
    view.set_look(view.theme, LARGE)
    view.resize(900, 640)
    qapp.processEvents()
    # wrapped onto more rows, or (a lesson that shrinks its plots to the room rather than scroll) as many or fewer
    assert plot_rows(view) > side_by_side or (getattr(view, "short_of_room", False) and plot_rows(view) <= side_by_side)
    assert not [problem for problem in check_window(view).problems if problem.startswith("plot area")]
    for plot in view.plots:
        area = plot.vb.mapRectToScene(plot.vb.boundingRect())
        assert area.width() >= MIN_PLOT[0] and area.right() <= view.graphics.viewport().width() + 1
    view.set_look(view.theme, style.BASE_POINTS)
    view.resize(1920, 1080)
    qapp.processEvents()
    assert plot_rows(view) == side_by_side


def test_the_deck_strip_elides_rather_than_push_the_selector_over_the_arrows(qtbot, qapp, private_settings):
    window = MainWindow(settings=QSettings())
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    window.set_text_scale(1.6)
    scenes = [Scene(method="sinusoidal", view="learned_table", title="A real learned table: all-MiniLM-L6-v2 "
                    "and the sinusoid beside it, row by row").validated(applies())]
    window.set_deck(Deck(tuple(scenes)))
    qapp.processEvents()
    selector = window.selector.geometry()
    arrow = window.toolbar.widgetForAction(window.commands["previous_scene"]).geometry()
    assert selector.right() < arrow.left()
    assert window.deck_label.text().endswith("…") and window.deck_label.toolTip() == window.deck_label.full_text
    assert not [problem for problem in check_window(window).problems if "view_selector" in problem
                or "deck_label" in problem]
    window.warm_up_timer.stop()  # no views built ahead for the tests after this one
    window.close()


def test_a_column_is_never_narrower_than_its_titles_longest_word(qtbot, qapp):
    """Titles wrap, but not inside a word: four order panels titled 'StreamingLLM（注意力汇聚点）：…' shared a row of a
    1024 px page presenting at x1.3 in Chinese, and the last one ran 83 px past the page's edge."""
    from posenc_gui.app import i18n
    from posenc_gui.app.state import Scene
    from posenc_gui.app.views.lessons import OrderLesson
    from posenc_gui.app.views.readable import unbreakable_width
    from view_helpers import projector_view

    assert i18n.install(qapp, "zh") == "zh"
    try:
        view = projector_view(qtbot, OrderLesson, Scene(method="streaming", view="order"), (1008, 680), 1.3)
        longest = max(unbreakable_width(plot) for plot in view.plots)
        assert longest > view.readable_plot_width()  # the case: a word wider than a readable plot
        assert view.column_width() >= longest
    finally:
        i18n.install(qapp, "en")


def test_the_plots_give_back_the_height_their_layout_no_longer_needs(qtbot, qapp, themed):
    """The plots' widget asks the height its layout needs at its smallest whenever the layout asks anew, less as well as
    more: only more was asked, and a layout that needed less after its grid refilled (deck scene 39 after 25 and 38,
    presenting at 1280 x 720 x1.3 in Chinese) kept the old height, and the page scrolled 7 px (35 px in six of the
    attention view's steps)."""
    _model, view = open_view(qtbot, ContextExtensionLesson, themed("light"))
    qapp.processEvents()
    area = view.plots[0].vb
    smallest = area.minimumHeight()
    area.setMinimumHeight(smallest + 200)
    qapp.processEvents()
    taller = view.graphics.minimumHeight()
    area.setMinimumHeight(smallest)
    qapp.processEvents()
    needed = math.ceil(view.graphics.ci.layout.effectiveSizeHint(Qt.MinimumSize).height())
    assert view.graphics.minimumHeight() == needed < taller
