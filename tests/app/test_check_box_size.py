"""Every check box's square grows with the text: Fusion draws it about 13 px at any text size, a speck beside the
attention view's 'Causal mask' at x1.6 on a projector."""

from PySide6.QtWidgets import QApplication, QCheckBox, QStyle, QStyleOptionButton

from posenc_gui.app import style


def square_and_line(box: QCheckBox):
    option = QStyleOptionButton()
    box.initStyleOption(option)
    return box.style().subElementRect(QStyle.SE_CheckBoxIndicator, option, box), box.fontMetrics().height()


def test_every_check_box_square_follows_the_text_size(qtbot):
    app = QApplication.instance()
    theme = style.theme_named("light")
    box = QCheckBox("Causal mask")
    qtbot.addWidget(box)
    box.show()
    try:
        style.apply_app_theme(app, theme, style.BASE_POINTS)
        QApplication.processEvents()
        small, _ = square_and_line(box)
        style.apply_app_theme(app, theme, style.BASE_POINTS * 1.6 * 1.3)
        QApplication.processEvents()
        large, line = square_and_line(box)
        assert large.width() == large.height() >= 0.6 * line > small.height()
        assert box.sizeHint().height() >= large.height()
    finally:
        style.apply_app_theme(app, theme, style.BASE_POINTS)
