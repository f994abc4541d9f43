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



def test_a_bold_chinese_title_in_large_type_is_elided_within_its_width(qtbot, qapp):
    """The audience title of deck scene 11 in Chinese presenting at 1024 x 768 x1.6: Qt elided it (in the Chinese
    interface's fonts) up to 6 px wider than the room it was given."""
    from posenc_gui.app import i18n

    assert i18n.install(qapp, "zh") == "zh"
    try:
        label = ElidedLabel()
        qtbot.addWidget(label)
        label.setMargin(6)
        font = label.font()
        font.setBold(True)
        font.setPointSizeF(43.264)  # the text's 33.28 points x1.3
        label.setFont(font)
        label.show()
        label.setText("排布 3/4：tensor2tensor，按 n − 1 划分")
        for width in range(600, 1100, 2):
            label.resize(width, label.sizeHint().height())
            report, _box = check_widget_text(label, label)
            assert report.problems == [], (width, report.problems)
    finally:
        i18n.install(qapp, "en")
