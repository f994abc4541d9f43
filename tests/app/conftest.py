"""Fixtures of the app tests."""

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from posenc_gui.app import i18n, style


@pytest.fixture
def themed(qapp):
    """Apply a theme to the whole app (pages draw with its palette); back to light after."""
    def apply(name):
        theme = style.theme_named(name)
        style.apply_app_theme(qapp, theme, style.BASE_POINTS)
        return theme
    yield apply
    apply("light")


@pytest.fixture
def private_settings(qapp, tmp_path):
    """QSettings() resolves to an ini file under tmp_path for the duration of a test; English again after."""
    QCoreApplication.setOrganizationName("PosEnc Explorer Tests")
    QCoreApplication.setApplicationName("PosEnc Explorer Tests")
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path / "settings"))
    yield tmp_path / "settings"
    i18n.install(qapp, "en")


@pytest.fixture
def chinese(qapp):
    """The app in Chinese for the test, English again after."""
    assert i18n.install(qapp, "zh") == "zh"
    yield
    i18n.install(qapp, "en")
