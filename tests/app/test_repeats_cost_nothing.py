"""What a change of scene does again with the same inputs costs nothing: a soak of seeded changes ran at half the rate
of 2d32621's (issue 21's "no slower than before"), from work repeated at every change. Counted, never timed."""

import pyqtgraph as pg
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication, QStyle, QStyleFactory

from posenc_gui.app import menus, style
from posenc_gui.app.views.lessons import MultiHeadLesson
from posenc_gui.app.views.readable import unbreakable_width
from posenc_gui.app.widgets import ElidedLabel

from view_helpers import open_view, shown_window


def count_calls(monkeypatch, owner, name: str) -> list:
    """Count the calls of ``owner.name`` made from Python (the original still runs)."""
    calls = []
    original = getattr(owner, name)

    def counted(*args, **kwargs):
        calls.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, counted)
    return calls


def drawn_multi_head(qtbot, qapp, themed) -> MultiHeadLesson:
    """The multi-head lesson drawn at 1920 x 1080 and laid out, as the window leaves it."""
    _model, view = open_view(qtbot, MultiHeadLesson, themed("light"))
    qapp.processEvents()
    return view


def draw_again(view) -> None:
    """The view's scene drawn again, fetched anew: the same inputs."""
    view.show_data(view.model.scene, view.fetch(view.model.scene))


def test_a_second_drawing_of_a_lesson_at_the_same_size_fits_no_header(qtbot, qapp, themed, monkeypatch):
    view = drawn_multi_head(qtbot, qapp, themed)
    measured = count_calls(monkeypatch, view, "_header_height")
    height = view.header.height()
    draw_again(view)
    view.fit_header()
    assert measured == [] and view.header.height() == height
    view.resize(700, 1080)  # what it depends on changed: fitted again, to more lines
    qapp.processEvents()
    assert measured and view.header.height() > height
    measured.clear()
    narrow = view.header.height()
    view.set_intro(view.tr("A new intro."))
    assert measured and view.header.height() < narrow


def test_the_same_text_again_does_not_lay_the_window_out_anew(qtbot, monkeypatch):
    label = ElidedLabel()
    qtbot.addWidget(label)
    label.setText("scene 3 of 27: Four published layouts")
    asked = count_calls(monkeypatch, label, "updateGeometry")
    label.setText("scene 3 of 27: Four published layouts")
    assert asked == [] and label.full_text == "scene 3 of 27: Four published layouts"
    label.setText("scene 4 of 27")
    assert len(asked) == 1 and label.text() == "scene 4 of 27"


def test_the_same_notes_are_not_set_again(qtbot, monkeypatch):
    window = shown_window(qtbot)
    window.model.set_option("step", 1)
    written = count_calls(monkeypatch, window.notes, "setPlainText")
    window.deck_controls.sync()
    assert written == []
    window.notes.setPlainText("changed elsewhere")
    window.deck_controls.sync()
    assert len(written) == 2 and window.notes.toPlainText() != "changed elsewhere"


class CountingLookups:
    """Stands for ``QStyle`` in the style module and counts the names looked up on it."""

    def __init__(self):
        self.looked_up = []

    def __getattr__(self, name):
        self.looked_up.append(name)
        return getattr(QStyle, name)


def test_metrics_the_style_keeps_cost_no_lookups_and_stay_fusions(qapp, monkeypatch):
    text_sized, fusion = style.TextSizedStyle(QStyleFactory.create("Fusion")), QStyleFactory.create("Fusion")
    lookups = CountingLookups()
    monkeypatch.setattr(style, "QStyle", lookups)
    kept = [QStyle.PM_ButtonMargin, QStyle.PM_ScrollBarExtent, QStyle.PM_LayoutHorizontalSpacing,
            QStyle.PM_SliderThickness, QStyle.PM_SmallIconSize]
    assert [text_sized.pixelMetric(metric) for metric in kept] == [fusion.pixelMetric(metric) for metric in kept]
    assert lookups.looked_up == []
    line = QFontMetricsF(QApplication.font()).height()
    assert text_sized.pixelMetric(QStyle.PM_IndicatorWidth) == max(fusion.pixelMetric(QStyle.PM_IndicatorWidth),
                                                                   round(style.INDICATOR_EM * line))


def test_drawing_again_asks_no_room_for_plots_whose_sizes_did_not_change(qtbot, qapp, themed, monkeypatch):
    """The room the plots need is asked after every drawing (``keep_plots_readable``), which lays the page out anew:
    not when the plots' layouts are settled and nothing else it reads changed; a plot given a new minimum asks again,
    and the page grows for it."""
    view = drawn_multi_head(qtbot, qapp, themed)
    draw_again(view)  # (its first layout passes, once shown, still to come)
    qapp.processEvents()
    asked = count_calls(monkeypatch, view, "keep_plots_readable")
    height = view.graphics.minimumHeight()
    draw_again(view)
    qapp.processEvents()
    assert asked == [] and view.graphics.minimumHeight() == height
    plot = view.plots[0]
    plot.setMinimumHeight(height + 400)  # (a size hint changed by a drawing)
    draw_again(view)
    assert asked and view.graphics.minimumHeight() >= height + 400
    qapp.processEvents()
    asked_before = len(asked)
    view.resize(900, 1080)  # (the view's size is read too)
    draw_again(view)
    assert len(asked) > asked_before


def test_the_view_selector_goes_through_its_entries_only_for_a_new_method(qtbot, monkeypatch):
    """The entries that can show the method are enabled at a new method; a new view alone only checks its own (it went
    through every entry at each of the soak's view switches)."""
    window = shown_window(qtbot)
    asked = count_calls(monkeypatch, menus, "view_applies")
    window.model.set_param("seq_len", 96)
    window.model.set_param("base", 500.0)
    assert asked == [] and window.model.scene.params["seq_len"] == 96
    window.model.set_method("alibi")
    assert asked and not window.commands["view_encoding"].isEnabled()  # (ALiBi adds no encoding)
    asked.clear()
    shown_before = window.model.scene.view
    window.model.set_view("slopes")
    assert asked == [] and window.menus.selector.currentData() == "slopes" and window.commands["view_slopes"].isChecked()
    assert not window.commands[f"view_{shown_before}"].isChecked()
    assert [key for key in menus.view_keys() if window.commands[f"view_{key}"].isChecked()] == ["slopes"]
    window.menus.selector.setCurrentIndex(0)  # a group header: the selector goes back to the view shown
    window.menus.show_view_chosen(window.model.scene)
    assert window.menus.selector.currentData() == "slopes"


def test_a_titles_longest_word_is_measured_once_per_title_and_font(qtbot, monkeypatch):
    plot = pg.PlotItem(title="How far apart: 一 unbreakable_word_of_this_test here", size="10pt")
    copied = count_calls(monkeypatch, plot.titleLabel.item, "document")
    width = unbreakable_width(plot)
    assert len(copied) == 1 and width > 0
    assert unbreakable_width(plot) == width and len(copied) == 1
    plot.setTitle("How far apart: 一 unbreakable_word_of_this_test here", size="40pt")
    assert unbreakable_width(plot) > width and len(copied) == 2


def test_a_view_shown_again_as_it_last_reflowed_does_not_measure_its_columns(qtbot, qapp, themed, monkeypatch):
    view = drawn_multi_head(qtbot, qapp, themed)
    across = view.drawn_across
    measured = count_calls(monkeypatch, view, "column_width")
    view.hide()
    view.show()  # a switch back to the view: nothing it reflows for changed
    qapp.processEvents()
    assert measured == [] and view.drawn_across == across
    view.hide()
    view.resize(500, 1080)  # while hidden: shown again, it reflows for the narrower page
    view.show()
    qapp.processEvents()
    assert measured and view.drawn_across < across
