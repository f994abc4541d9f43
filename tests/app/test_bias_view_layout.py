"""The bias view's colour bar stays inside the page when the heads' rows stand at their smallest: its name wraps to the
bar's length beside them, which the grid counted as the length of rows as tall as their share of the room."""

from PySide6.QtGui import QFont, QPalette

from posenc_gui.app import style
from posenc_gui.app.layout_check import check_window
from posenc_gui.app.state import Scene, StateModel
from posenc_gui.app.views import applies
from posenc_gui.app.views.relative import BiasView


def test_the_bars_wrapped_name_stays_inside_a_scrolled_page(qtbot, qapp):
    """Eight ALiBi heads in the room the window gives the view at 1280 x 720 x1.6 (windowed, a deck's notes below):
    in four columns, the rows taller than their share, 'bias added to the logit' wrapped onto two lines beside the
    shorter rows, and the wider bar stood 7 px past the view's edge."""
    font, palette, light, points = (QFont(qapp.font()), QPalette(qapp.palette()), style.theme_named("light"),
                                   style.BASE_POINTS * 1.6)
    style.apply_app_theme(qapp, light, points)  # the controls' text too
    try:
        model = StateModel(Scene(method="alibi", view="bias", head="all").validated(applies()), views=applies())
        view = BiasView(model)
        qtbot.addWidget(view)
        view.resize(878, 458)
        view.set_look(light, points)
        view.show()
        view.show_data(model.scene, view.fetch(model.scene))
        qtbot.waitExposed(view)
        qtbot.waitUntil(lambda: view.plots[-1].vb.width() > 1)  # laid out
        for _ in range(3):  # and as the first painting lays it out again
            qapp.processEvents()
        assert check_window(view).problems == []
    finally:
        style.apply_app_theme(qapp, light, style.BASE_POINTS)
        qapp.setFont(font)  # as the other tests found them
        qapp.setPalette(palette)
