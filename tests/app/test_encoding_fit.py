"""The encoding view in a lecture hall: presenting, the heatmap and both curve plots are in sight, whole, without
scrolling (nobody scrolls while presenting), and the legend's samples sit level with their names."""

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QPalette

from posenc_gui.app import i18n, style
from posenc_gui.app.state import Scene, StateModel
from posenc_gui.app.views import applies
from posenc_gui.app.views.encoding import EncodingView

PRESENTING_POINTS = style.BASE_POINTS * style.PRESENTATION_SCALE * 1.3  # presenting at text size x1.3


# the room the window gives a view presenting at 1280 x 720 and 1024 x 768 (the scene's title above it), measured with
# posenc-gui --self-test --presenting --screen WxH --text-scale 1.3 (Chinese: its title takes 14 px more)
@pytest.mark.parametrize("language, width, height", [("zh", 1280, 631), ("en", 1280, 645), ("zh", 1024, 679),
                                                      ("en", 1024, 693)])
@pytest.mark.parametrize("dims", [(), (6, 7, 8, 9)])
def test_heatmap_and_curves_are_whole_in_sight_presenting(qtbot, qapp, language, width, height, dims):
    assert i18n.install(qapp, language) == language
    font, palette = QFont(qapp.font()), QPalette(qapp.palette())
    dark = style.theme_named("dark")
    style.apply_app_theme(qapp, dark, PRESENTING_POINTS)  # the controls' text presenting, too
    try:
        model = StateModel(Scene(method="sinusoidal", view="encoding", params={"seq_len": 60}, dims=dims,
                                 position=10), views=applies())
        view = EncodingView(model)
        qtbot.addWidget(view)
        view.set_look(dark, PRESENTING_POINTS)
        view.resize(width, height)
        view.show()
        view.show_data(model.scene, view.fetch(model.scene))
        qtbot.waitExposed(view)
        qtbot.wait(50)  # the layouts the first painting asks for
        assert view.scroll.verticalScrollBar().maximum() == 0  # the page does not scroll
        viewport = view.scroll.viewport()
        sight = QRectF(viewport.rect())
        graphics = view.graphics
        origin = graphics.viewport().mapTo(viewport, graphics.viewport().rect().topLeft())
        shown = graphics.viewportTransform()
        for plot in view.plots:
            rect = shown.mapRect(plot.sceneBoundingRect()).translated(origin.x(), origin.y())
            assert sight.contains(rect), (plot.titleLabel.text, rect, sight)
            assert plot.vb.height() >= 80  # a readable plot area, not a collapsed one
        legend = shown.mapRect(view.legend.sceneBoundingRect()).translated(origin.x(), origin.y())
        assert sight.contains(legend)
    finally:
        i18n.install(qapp, "en")
        style.apply_app_theme(qapp, style.theme_named("light"), style.BASE_POINTS)
        qapp.setFont(font)  # as the other tests found them
        qapp.setPalette(palette)
