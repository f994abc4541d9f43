"""A lesson's controls are made from its option Params: the Param's range, step and help, its label translated;
every lesson option belongs to a lesson the app has."""

import pytest

from posenc_gui.app import i18n
from posenc_gui.app.views import VIEWS
from posenc_gui.app.views.lessons import ContextExtensionLesson, MultiHeadLesson, RelativePropertyLesson
from posenc_gui.core.lessons.options import LESSON_OPTIONS
from view_helpers import open_view


def test_every_lesson_option_belongs_to_a_lesson():
    assert set(LESSON_OPTIONS) <= set(VIEWS)


@pytest.mark.parametrize("cls, name", [(MultiHeadLesson, "heads"), (MultiHeadLesson, "valid_len_2"),
                                       (RelativePropertyLesson, "width")])
def test_a_generated_spin_box_has_the_params_range_step_and_help(qtbot, themed, cls, name):
    _model, view = open_view(qtbot, cls, themed("light"))
    param, box = cls.option(name), view.spins[name]
    assert (box.minimum(), box.maximum()) == (param.minimum, param.maximum)
    assert box.singleStep() == (param.step or 1) and box.toolTip() == param.help
    assert view.captions[name].text() == f"{param.title}:"


def test_a_frequency_lessons_option_box_writes_the_option(qtbot, themed):
    model, view = open_view(qtbot, ContextExtensionLesson, themed("light"))
    assert view.length_box.maximum() == ContextExtensionLesson.option("dynamic_length").maximum
    view.length_box.setValue(4096)
    assert model.scene.options["dynamic_length"] == 4096


def test_the_generated_caption_is_translated(qtbot, qapp, themed):
    assert i18n.install(qapp, "zh") == "zh"
    try:
        _model, view = open_view(qtbot, MultiHeadLesson, themed("light"))
        assert view.captions["heads"].text() == "头数："
        assert view.spins["valid_len_1"].toolTip() == "序列 0 中真实词元的个数；其余为填充"
    finally:
        i18n.install(qapp, "en")
