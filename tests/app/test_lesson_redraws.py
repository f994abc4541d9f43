"""The clocks, context-extension, learned-table and precision lessons keep no memo of their own: the window fetches a
lesson's data only when the scene fields it depends on changed, and the lesson builds or arranges its plots only when
there are none for the look or the data needs others. Counted per lesson: a change of a field it does not draw, or of
the step, computes nothing and builds nothing; the text size builds and computes nothing; a parameter computes
once and builds nothing (unless it changes which plots there are: another number of clock hands)."""

import pytest
from PySide6.QtCore import QSettings

from posenc_gui.app.views.lessons import clocks, context_extension, learned_table, precision
from posenc_gui.app.window import MainWindow

from test_scene_changes import other_windows_idle, settle

LESSONS = {
    "clocks": (clocks.ClocksLesson, "_arranging"),
    "context_extension": (context_extension.ContextExtensionLesson, "_build_steps"),
    "learned_table": (learned_table.LearnedTableLesson, "_building"),
    "precision": (precision.PrecisionLesson, "_build"),
}
# a parameter each lesson's data depends on, that leaves its plots as they are
PARAMETER = {
    "clocks": lambda model: model.update(position=5),
    "context_extension": lambda model: model.set_option("dynamic_length", 9000),
    "learned_table": lambda model: model.set_option("length", 600),
    "precision": lambda model: model.set_params({"base": 500.0}),
}


@pytest.fixture
def window(qtbot, qapp, private_settings):
    win = MainWindow(settings=QSettings())
    qtbot.addWidget(win)
    win.warm_up_timer.timeout.disconnect()  # nothing built ahead: it would count
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def counted(qapp, monkeypatch):
    """Returns a function that counts, for a lesson key, its fetches and its buildings of plots (or arrangings, for the
    clocks). Windows of earlier tests build nothing ahead meanwhile."""
    other_windows_idle()

    def count(key: str) -> dict:
        cls, builds = LESSONS[key]
        counts = {"fetch": 0, "build": 0}
        fetch, build = cls.fetch, getattr(cls, builds)

        def counted_fetch(scene):
            counts["fetch"] += 1
            return fetch(scene)

        def counted_build(self, *args):
            counts["build"] += 1
            return build(self, *args)

        monkeypatch.setattr(cls, "fetch", staticmethod(counted_fetch))
        monkeypatch.setattr(cls, builds, counted_build)
        return counts

    return count


def changed(window, qapp, counts, change) -> dict:
    for name in counts:
        counts[name] = 0
    change()
    settle(window, qapp)
    return dict(counts)


@pytest.mark.parametrize("key", LESSONS)
def test_a_lesson_computes_and_builds_only_for_what_it_draws(window, qapp, counted, key):
    counts = counted(key)
    window.model.set_view(key)
    settle(window, qapp)
    assert counts["fetch"] == 1 and counts["build"] >= 1
    model = window.model
    assert changed(window, qapp, counts, lambda: model.update(dims=(1, 2, 3))) == {"fetch": 0, "build": 0}
    assert changed(window, qapp, counts, lambda: model.update(title="a title")) == {"fetch": 0, "build": 0}
    resized = changed(window, qapp, counts, lambda: window.look_controls.set_text_scale(1.3))
    assert resized["fetch"] == 0 and resized["build"] >= 1  # built anew, and again if the plots a row change
    assert changed(window, qapp, counts, lambda: PARAMETER[key](model)) == {"fetch": 1, "build": 0}


def test_more_clock_hands_arrange_the_dials_again(window, qapp, counted):
    counts = counted("clocks")
    window.model.set_view("clocks")
    settle(window, qapp)
    lesson = window.current_view
    assert changed(window, qapp, counts, lambda: window.model.set_option("hands", 4)) == {"fetch": 1, "build": 1}
    assert len(lesson.dials) == 4
    assert changed(window, qapp, counts, lambda: window.model.set_method("rope")) == {"fetch": 1, "build": 1}
    assert lesson.rotary and lesson.bit_plot not in lesson.plots  # no bits for RoPE


def test_a_new_step_of_the_precision_lens_shows_other_curves_of_the_same_data(window, qapp, counted, monkeypatch):
    """Only which curves are shown changes: none is given its data again (a step drew all six anew)."""
    counts = counted("precision")
    window.model.set_view("precision")
    settle(window, qapp)
    lesson = window.current_view
    given = []
    for item in lesson.curve_items.values():
        monkeypatch.setattr(item, "setData", lambda *args, item=item, **kwargs: given.append(item))
    assert changed(window, qapp, counts, lambda: lesson.go_to(2)) == {"fetch": 0, "build": 0}
    assert given == []
    assert all(item.isVisible() for item in lesson.curve_items.values())
    assert len(lesson.legend.items) == 6 and len(lesson.curves) == 6
    assert changed(window, qapp, counts, lambda: lesson.go_to(0)) == {"fetch": 0, "build": 0}
    assert [key for key, item in lesson.curve_items.items() if item.isVisible()] == [("float32", False)]
    assert len(lesson.legend.items) == 1 and given == []
