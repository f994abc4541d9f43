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
