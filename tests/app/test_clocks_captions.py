"""The clocks lesson's words: as many clocks a row in Chinese as in English (windowed at 1280 x 800 only three fitted
in Chinese, and the last two fell below the fold), a narrow clock's Chinese caption broken where it reads well, and with
RoPE (scene 20) no word of bits in either language."""

from collections import Counter

import pytest
from PySide6.QtGui import QFontMetricsF, QTextDocument, QTextLayout

from posenc_gui.app import i18n
from posenc_gui.app.state import Scene, StateModel
from posenc_gui.app.views import applies
from posenc_gui.app.views.lessons import ClocksLesson
from posenc_gui.app.window import MainWindow

SCENE = Scene(view="clocks", position=5, params={"d_model": 16})  # the default deck's scene 7


@pytest.fixture
def clocks_in(qtbot, qapp):
    """The clocks lesson drawn in a 1280 x 800 window in a language; English again after."""
    def shown(code: str, scene: Scene = SCENE):
        assert i18n.install(qapp, code) == code
        window = MainWindow(scene, language=code)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        window.finish_work()
        qapp.processEvents()
        return window.current_view
    yield shown
    i18n.install(qapp, "en")


def most_clocks_a_row(view) -> int:
    rows = Counter(round(plot.mapToScene(0, 0).y()) for plot, *_items in view.dials)
    return max(rows.values())


def laid_out_lines(caption) -> list[str]:
    """The lines of a dial's caption as Qt laid them out."""
    lines = []
    block = caption.textItem.document().begin()
    while block.isValid():
        layout: QTextLayout = block.layout()
        for index in range(layout.lineCount()):
            line = layout.lineAt(index)
            lines.append(block.text()[line.textStart():line.textStart() + line.textLength()].strip())
        block = block.next()
    return lines


def test_as_many_clocks_a_row_in_chinese_as_in_english(clocks_in):
    english = most_clocks_a_row(clocks_in("en"))
    chinese = clocks_in("zh")
    assert len(chinese.dials) == 8 and most_clocks_a_row(chinese) == english == 4


def test_a_narrow_clocks_chinese_caption_breaks_after_its_number_of_positions(clocks_in):
    view = clocks_in("zh")
    for (plot, *_items, caption), wavelength, made in zip(view.dials, view.face.wavelengths, view.face.turns):
        period = f"{wavelength:.1f}" if wavelength < 100 else f"{wavelength:.0f}"
        assert laid_out_lines(caption) == [f"周期 {period}", f"已转 {int(made)} 圈"]
        assert caption.boundingRect().width() <= plot.vb.width() + 1


@pytest.mark.parametrize("code, bits, hands", [("en", "bit", "Hands:"), ("zh", "二进制", "指针数：")])
def test_with_rope_the_lesson_speaks_of_turned_pairs_not_bits(clocks_in, code, bits, hands):
    """The hands' count was captioned "Hands and bits" with RoPE, which draws no bits."""
    view = clocks_in(code, Scene(method="rope", view="clocks", position=5))
    assert view.rotary and view.hands_caption.text() == hands
    assert bits not in view.text.text() and "θ" in view.text.text()
    view.model.update(method="sinusoidal", params={})
    view.window().finish_work()
    assert not view.rotary and bits in view.text.text() and view.hands_caption.text() != hands


ROTARY_FORMULAS = ["θi = base−2i/d", "(m − n)·θi"]  # as the intro with RoPE writes them, plain


@pytest.mark.parametrize("code", ["en", "zh"])
def test_the_rotary_intros_formulas_never_break_across_lines(qtbot, qapp, code):
    """Lines of Chinese fill to the edge: "(m − / n)" and "base⁻²ⁱ/ / ᵈ" were broken at 1280 x 720."""
    assert i18n.install(qapp, code) == code
    try:
        view = ClocksLesson(StateModel(SCENE, views=applies()))
        qtbot.addWidget(view)
        text = view.explanation(rotary=True)
    finally:
        i18n.install(qapp, "en")
    document = QTextDocument()
    document.setHtml(text)
    for width in range(300, 1400, 7):
        document.setTextWidth(width)
        document.size()  # laid out now
        layout = document.begin().layout()
        lines = [document.begin().text()[line.textStart():line.textStart() + line.textLength()]
                 for line in map(layout.lineAt, range(layout.lineCount()))]
        lines = [line.replace("\u00a0", " ").replace("\u2060", "") for line in lines]
        for formula in ROTARY_FORMULAS:
            assert formula in "".join(lines) and any(formula in line for line in lines), (width, lines)


@pytest.mark.parametrize("code", ["en", "zh"])
def test_sixteen_dials_keep_faces_two_lines_across(clocks_in, code):
    """With sixteen hands at a large position the captions wrap onto four lines, and the faces were dots."""
    view = clocks_in(code, Scene(view="clocks", position=123456, options={"hands": 16}))
    for plot, *_items, caption in view.dials:
        line = QFontMetricsF(caption.textItem.font()).height()
        assert 2 / plot.vb.viewPixelSize()[0] >= 2 * line - 1  # the circle's diameter in pixels


@pytest.mark.parametrize("code", ["en", "zh"])
def test_the_bits_texts_stay_inside_their_plot_when_dials_squeeze_it(qtbot, qapp, code):
    """Presenting at 1024 x 768, text x1.3, two dials a row squeezed the bits' plot in Chinese, and its "flips every"
    texts ran up to 150 px past the plot's edge: a squeezed bits' plot asks for the room of its longest text."""
    from view_helpers import projector_view

    assert i18n.install(qapp, code) == code
    try:
        view = projector_view(qtbot, ClocksLesson, SCENE, (1008, 620), 1.3)
        qtbot.waitUntil(lambda: view.bit_plot is not None and view.bit_plot.vb.width() > 1)
        qapp.processEvents()
        box = view.bit_plot.vb.sceneBoundingRect()
        for _digit, every in view.bit_texts:
            assert every.sceneBoundingRect().right() <= box.right() + 1, every.textItem.toPlainText()
    finally:
        i18n.install(qapp, "en")
