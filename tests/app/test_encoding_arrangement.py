"""The encoding view's heatmap beside the curves where the page holds both readable, else above them (side by side,
or one on another): squeezed beside them on a small screen in large type, the heatmap was narrower than its axis's
name, and a long title (colours clipped at an outlier) pushed the legend past the view's edge."""

import pytest

from posenc_gui.app import style
from posenc_gui.app.layout_check import check_window
from posenc_gui.app.state import Scene, StateModel
from posenc_gui.app.views import applies
from posenc_gui.app.views.encoding import BESIDE, OVER_ROW, OVER_STACK, EncodingView

WINDOWED = style.BASE_POINTS * 1.6  # windowed at text size x1.6
PRESENTING = style.BASE_POINTS * style.PRESENTATION_SCALE * 1.3  # presenting at text size x1.3


def encoding_view(qtbot, qapp, method: str, size: tuple[int, int], points: float) -> EncodingView:
    model = StateModel(Scene(method=method, view="encoding", dims=(6, 7, 8, 9)), views=applies())
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
def test_heatmap_goes_above_the_curves_on_a_small_screen_in_large_type(qtbot, qapp, method, size, points):
    view = encoding_view(qtbot, qapp, method, size, points)
    assert check_window(view).problems == []
    heat, curves = view.heat.sceneBoundingRect(), view.across_positions.sceneBoundingRect()
    assert heat.bottom() <= curves.top() + 1  # above the curves
    assert view.arrangement in (OVER_ROW, OVER_STACK)


def test_heatmap_stays_beside_the_curves_with_room(qtbot, qapp):
    view = encoding_view(qtbot, qapp, "sinusoidal", (1400, 800), style.BASE_POINTS)
    assert view.arrangement == BESIDE
    assert view.heat.sceneBoundingRect().right() <= view.across_positions.sceneBoundingRect().left()
    assert check_window(view).problems == []
    view.set_look(view.theme, PRESENTING)  # larger type in the same room: above them, and back
    view.resize(1024, 693)
    qapp.processEvents()
    assert view.arrangement != BESIDE
    view.set_look(view.theme, style.BASE_POINTS)
    view.resize(1400, 800)
    qapp.processEvents()
    assert view.arrangement == BESIDE
