"""The plots' widget takes a height its plots ask for while it handles a resize (titles refitted as the plots are laid
out for the new size): its viewport and its plots' scene follow the widget, not only the first of the two sizes. On
the old code the viewport kept the first (deck scene 5's curve plots at 1280 x 720 x1.6 in Chinese: their tick names
cut by 10 px, the page 29 px short)."""

from PySide6.QtWidgets import QVBoxLayout, QWidget

from posenc_gui.app.views.base import PlotArea


def test_a_height_asked_within_a_resize_reaches_the_viewport(qtbot):
    page = QWidget()
    qtbot.addWidget(page)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    graphics = PlotArea()
    layout.addWidget(graphics, 1)
    page.resize(400, 200)
    page.show()
    qtbot.waitExposed(page)

    def plots_laid_out() -> None:  # as ``ask_plot_height`` does when widened titles need more height
        if graphics.ci.size().height() > 250 and graphics.minimumHeight() < 330:
            graphics.setMinimumHeight(330)

    graphics.ci.geometryChanged.connect(plots_laid_out)
    graphics.setMinimumHeight(300)  # resizes the widget at once: the plots are laid out within that resize
    assert graphics.height() == 330
    assert graphics.viewport().height() == 330
    assert graphics.range.height() == 330
    assert graphics.ci.size().height() == 330
