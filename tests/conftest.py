"""Shared fixtures: every test runs on Qt's offscreen platform unless told otherwise."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import gc  # noqa: E402

import pytest  # noqa: E402


@pytest.fixture
def live_widgets():
    """``live_widgets(cls)``: the widgets of that class Python made and Qt has not deleted. Tests use it instead of
    walking ``QApplication.topLevelWidgets()``, which crashed the interpreter (segfaults in fresh-clone CI runs) while
    earlier tests' widgets were being deleted."""
    import shiboken6

    def find(cls):
        return [item for item in gc.get_objects() if isinstance(item, cls) and shiboken6.isValid(item)]

    return find
