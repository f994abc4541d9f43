"""Fixtures of the app tests."""

import pytest

from posenc_gui.app import style


@pytest.fixture
def themed(qapp):
    """Apply a theme to the whole app (pages draw with its palette); back to light after."""
    def apply(name):
        theme = style.theme_named(name)
        style.apply_app_theme(qapp, theme, style.BASE_POINTS)
        return theme
    yield apply
    apply("light")
