"""The deck strip's label: elided to the room its size hint asks for, so that the layout check finds it whole."""

from posenc_gui.app.layout_check import check_widget_text
from posenc_gui.app.widgets import ElidedLabel


def test_an_elided_label_fits_its_width(qtbot):
    label = ElidedLabel()
    qtbot.addWidget(label)
    label.show()
    label.setText("scene 32 of 35: SmolLM2 with RoPE switched off, and its heads")
    for width in range(100, 400):  # elided at every width up to whole (its end falls wherever a character ends)
        label.resize(width, label.sizeHint().height())
        report, _box = check_widget_text(label, label)
        assert report.problems == [], (width, report.problems)


def test_a_larger_font_elides_the_same_text_anew(qtbot):
    label = ElidedLabel()
    qtbot.addWidget(label)
    label.show()
    label.setText("scene 32 of 35: SmolLM2 with RoPE switched off, and its heads")
    label.resize(300, label.sizeHint().height())
    label.setText("scene 32 of 35: SmolLM2 with RoPE switched off, and its heads")  # as every change of scene does
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.6)
    label.setFont(font)
    report, _box = check_widget_text(label, label)
    assert report.problems == [], report.problems
