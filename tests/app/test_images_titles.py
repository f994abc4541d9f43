"""The images lesson's first panel title in Chinese keeps "sin-cos" whole: Qt broke it after the hyphen, and at
1920 x 1080 x1.6 presenting the title took four lines ("二维 sin- / cos / （MAE） / 列") above a 100 px heatmap."""

from PySide6.QtGui import QFont, QTextDocument

from posenc_gui.app import i18n
from posenc_gui.app.state import Scene, StateModel
from posenc_gui.app.views import applies
from posenc_gui.app.views.lessons import ImagesLesson
from posenc_gui.app.views.lessons.images import image_settings


def laid_out_lines(text: str, width: int, font: QFont) -> list[str]:
    document = QTextDocument()
    document.setDefaultFont(font)
    document.setPlainText(text)
    document.setTextWidth(width)
    document.size()  # laid out now
    block = document.begin()
    layout = block.layout()
    return [block.text()[line.textStart():line.textStart() + line.textLength()]
            for line in map(layout.lineAt, range(layout.lineCount()))]


def test_the_chinese_sin_cos_title_never_breaks_inside_sin_cos(qtbot, qapp):
    assert i18n.install(qapp, "zh") == "zh"
    try:
        model = StateModel(Scene(view="images"), views=applies())
        view = ImagesLesson(model)
        qtbot.addWidget(view)
        title = view.panel_titles(image_settings(model.scene))[0]
    finally:
        i18n.install(qapp, "en")
    font = QFont(view.font())
    font.setPointSizeF(33)
    assert "sin" in title and "cos" in title
    for width in range(200, 600, 4):  # titles wrap no narrower than six ems (``title_wrap_floor``)
        lines = laid_out_lines(title, width, font)
        assert any("sin" in line and "cos" in line for line in lines), (width, lines)


def test_titles_below_the_first_row_do_not_reach_past_their_matrix(qtbot):
    """Titles reach over half the gap to the next panel in one row only: in Transformer-XL's four terms, two rows at
    1024 x 768 (the view 620 x 540 beside the panel), "(c) global content bias u" lay over the row name '0' below it
    and "(d) global position bias v" ran under the colour bar, where the first row's names and the bar's colours end."""
    from posenc_gui.app.layout_check import check_window
    from posenc_gui.app.views.outputs import OutputsView
    from test_grid_fills_room import shown_view

    scene = Scene(method="transformer_xl", view="outputs").validated(applies())
    view = shown_view(qtbot, OutputsView, scene, 620, 540, 9.0)
    qtbot.wait(1)
    grid = view.grids[0]
    assert grid.count > grid.columns  # two rows
    assert all(plot.titleLabel.overhang == 0.0 for plot in grid.plots)
    assert [problem for problem in check_window(view).problems if "over text" in problem] == []
