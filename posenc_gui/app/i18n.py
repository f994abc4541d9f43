"""Interface languages: Qt's translation system with ``resources/translations/posenc_gui_<code>.qm``
(built from the ``.ts`` sources there) plus Qt's own translations of its standard dialogs.

``install(app, code)`` switches the whole application; widgets built afterwards come up in the new
language (the main window rebuilds its panel and views on a switch, so no restart is needed).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..paths import resource

LANGUAGES = {"en": "English", "zh": "简体中文"}
DEFAULT = "en"

_installed: list[QTranslator] = []


def system_language() -> str:
    """The app language that fits the system locale: "zh" for any Chinese locale, else "en"."""
    return "zh" if QLocale.system().language() == QLocale.Chinese else DEFAULT


def install(app: QCoreApplication, code: str) -> str:
    """Make ``code`` the interface language of ``app``; returns the code actually in use
    (English when ``code`` is unknown or its translation file is missing)."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if code not in LANGUAGES or code == DEFAULT:
        return DEFAULT
    ours = QTranslator(app)
    if not ours.load(str(resource("translations", f"posenc_gui_{code}.qm"))):
        return DEFAULT
    qt_own = QTranslator(app)
    if qt_own.load(QLocale(code), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    app.installTranslator(ours)
    _installed.append(ours)
    return code


def translate(context: str, text: str) -> str:
    """``QCoreApplication.translate`` for strings outside a QObject (method titles, help texts)."""
    return QCoreApplication.translate(context, text)
