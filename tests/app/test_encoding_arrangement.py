"""The encoding view's heatmap beside the curves where the page holds both readable, else above them (side by side,
or one on another): squeezed beside them on a small screen in large type, the heatmap was narrower than its axis's
name, and a long title (colours clipped at an outlier) pushed the legend past the view's edge."""

import pytest
from PySide6.QtGui import QFont, QPalette

from posenc_gui.app import style
from posenc_gui.app.layout_check import check_window
from posenc_gui.app.state import Scene, StateModel
from posenc_gui.app.views import applies
from posenc_gui.app.views.encoding import EncodingView
from posenc_gui.app.views.encoding_arrangement import BESIDE, OVER_ROW, OVER_STACK, least_width

WINDOWED = style.BASE_POINTS * 1.6  # windowed at text size x1.6
PRESENTING = style.BASE_POINTS * style.PRESENTATION_SCALE * 1.3  # presenting at text size x1.3


@pytest.fixture
def app_text(qapp):
    """Sets the application's text size (the controls' text) as the window does, and restores it afterwards."""
    font, palette = QFont(qapp.font()), QPalette(qapp.palette())
    yield lambda points: style.apply_app_theme(qapp, style.theme_named("light"), points)
    style.apply_app_theme(qapp, style.theme_named("light"), style.BASE_POINTS)
    qapp.setFont(font)
    qapp.setPalette(palette)


def encoding_view(qtbot, qapp, method: str, size: tuple[int, int], points: float,
                  dims: tuple[int, ...] = (6, 7, 8, 9)) -> EncodingView:
    model = StateModel(Scene(method=method, view="encoding", dims=dims), views=applies())
    view = EncodingView(model)
    qtbot.addWidget(view)
    view.set_look(style.theme_named("light"), points)
    view.resize(*size)
    view.show()
    view.show_data(model.scene, view.fetch(model.scene))
    qtbot.waitExposed(view)
    for _ in range(3):  # the layouts that the first painting asks for
        qapp.processEvents()
    return view


# the room the window gives the view at 1024 x 768: windowed beside the parameter panel and the notes at x1.6, and
# presenting at x1.3 (measured with posenc-gui --self-test --screen 1024x768 ...)
@pytest.mark.parametrize("method", ["sinusoidal", "learned"])
@pytest.mark.parametrize("size, points", [((622, 506), WINDOWED), ((1024, 693), PRESENTING)])
def test_the_heatmap_keeps_its_names_whole_on_a_small_screen_in_large_type(qtbot, qapp, app_text, method, size,
                                                                             points):
    app_text(points)
    view = encoding_view(qtbot, qapp, method, size, points)
    assert check_window(view).problems == []
    if view.arrangement != BESIDE:
        heat, curves = view.heat.sceneBoundingRect(), view.across_positions.sceneBoundingRect()
        assert heat.bottom() <= curves.top() + 1  # above the curves


def test_heatmap_stays_beside_the_curves_with_room_and_goes_above_them_without(qtbot, qapp, app_text):
    app_text(style.BASE_POINTS)
    view = encoding_view(qtbot, qapp, "sinusoidal", (1400, 800), style.BASE_POINTS)
    assert view.arrangement == BESIDE
    assert view.heat.sceneBoundingRect().right() <= view.across_positions.sceneBoundingRect().left()
    assert check_window(view).problems == []
    app_text(PRESENTING)  # larger type on a smaller screen: above them, side by side, and back
    view.set_look(view.theme, PRESENTING)
    view.resize(1024, 693)
    qapp.processEvents()
    assert view.arrangement == OVER_ROW
    assert view.scroll.verticalScrollBar().maximum() == 0  # in sight
    assert check_window(view).problems == []
    app_text(style.BASE_POINTS)
    view.set_look(view.theme, style.BASE_POINTS)
    view.resize(1400, 800)
    qapp.processEvents()
    assert view.arrangement == BESIDE


def test_a_curve_plot_measures_as_wide_in_every_arrangement(qtbot, qapp, app_text):
    """The arrangement is chosen from the plots' smallest widths as they stand: measured less its title's column, a
    curve plot wrapped for a wide column lost its value axis, and the heatmap went from above the curves side by side
    to above them one on another and back at every change of method in a small window (the short soak laid the page
    out anew each time)."""
    app_text(style.BASE_POINTS)
    view = encoding_view(qtbot, qapp, "sinusoidal", (400, 406), style.BASE_POINTS)
    widths = set()
    for arrangement in (OVER_ROW, OVER_STACK, BESIDE):
        view._arrange(arrangement)
        view.fit_titles()
        for _ in range(3):
            qapp.processEvents()
        view.graphics.ci.layout.invalidate()
        widths.add(round(least_width(view.across_positions, 80.0)))
    assert len(widths) == 1, widths


def test_a_curve_is_stroked_for_the_width_its_plot_has_now(qtbot, qapp, app_text):
    """A curve that turns every few pixels of a narrow plot is drawn 1 px wide; when the window grows (F11) and the
    plot has room for its turns, it is drawn with the wide pen, as when first drawn at that width (the pen chosen at
    drawing was kept, so the same scene looked different after a resize)."""
    app_text(style.BASE_POINTS)
    view = encoding_view(qtbot, qapp, "sinusoidal", (700, 600), style.BASE_POINTS, dims=(0,))
    curve = view.curves[0]  # sin(position) over 128 positions: 40 turns

    def pen_width() -> float:
        return curve.opts["pen"].widthF()

    narrow = view.across_positions.vb.width()
    assert pen_width() == 1  # dense in this width
    view.resize(1900, 1000)
    for _ in range(3):
        qapp.processEvents()
    assert view.across_positions.vb.width() > 2 * narrow
    fresh = encoding_view(qtbot, qapp, "sinusoidal", (1900, 1000), style.BASE_POINTS, dims=(0,))
    assert fresh.curves[0].opts["pen"].widthF() > 1
    assert pen_width() == fresh.curves[0].opts["pen"].widthF()
