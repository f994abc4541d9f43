"""Interface languages: Qt's translation system with ``resources/translations/posenc_gui_<code>.qm``
(built from the ``.ts`` sources there) plus Qt's own translations of its standard dialogs.

``install(app, code)`` switches the whole application; widgets built afterwards come up in the new
language (the main window rebuilds its panel and views on a switch, so no restart is needed).

Strings outside QObjects: the registry's (method titles, summaries, parameter titles, help texts,
choices, output kinds) are in context "core"; view titles and lesson step titles in the context of
their view class, e.g. ``translate(cls.__name__, cls.title)``; the core's error templates
(``InputError(template, *values)``) in context "errors", shown through ``state.error_text``.
scripts/update_translations.py extracts all three.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontInfo, QGuiApplication

from ..paths import resource

LANGUAGES = {"en": "English", "zh": "简体中文"}
DEFAULT = "en"

# Fonts for Han characters in Simplified Chinese glyph forms, whichever is installed (Linux, any;
# Windows; macOS). Without them an English Linux desktop may draw Chinese with Japanese forms.
SIMPLIFIED_CHINESE_FONTS = ["Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC"]

_installed: list[QTranslator] = []
_language = DEFAULT  # the code ``install`` put in use last
_latin_family = ""  # the family the app's font draws Latin letters in, the Chinese fonts not first (``latin_first``)


def system_language() -> str:
    """The app language that fits the system locale: "zh" for any Chinese locale, else "en"."""
    return "zh" if QLocale.system().language() == QLocale.Chinese else DEFAULT


def install(app: QCoreApplication, code: str) -> str:
    """Make ``code`` the interface language of ``app``; returns the code actually in use
    (English when ``code`` is unknown or its translation file is missing)."""
    global _language
    _language = _install(app, code)
    return _language


def language() -> str:
    """The code of the interface language in use (a typeset formula with words has a variant per language)."""
    return _language


def _install(app: QCoreApplication, code: str) -> str:
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _prefer_fonts(app, DEFAULT)
    if code not in LANGUAGES or code == DEFAULT:
        return DEFAULT
    ours = QTranslator(app)
    if not ours.load(str(resource("translations", f"posenc_gui_{code}.qm"))):
        return DEFAULT
    _prefer_fonts(app, code)
    qt_own = QTranslator(app)
    if qt_own.load(QLocale(code), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    app.installTranslator(ours)
    _installed.append(ours)
    return code


def _prefer_fonts(app: QCoreApplication, code: str) -> None:
    """Make the fonts of language ``code`` the first fallbacks of the app's font."""
    if not isinstance(app, QGuiApplication):
        return
    global _latin_family
    family = app.font().family()
    QFont.removeSubstitutions(family)
    _latin_family = QFontInfo(QFont(family)).family()
    if code == "zh":
        QFont.insertSubstitutions(family, SIMPLIFIED_CHINESE_FONTS)


def latin_first(font: QFont) -> QFont:
    """``font`` with Latin letters drawn as in English and other letters in the Chinese fonts, for the tokens of a
    model's text: drawn in a Chinese font, their lines were a quarter taller and their letters narrower, and the
    names thinned to fit were others than in English (deck scene 41: four rows named of nineteen where English named
    seven)."""
    if _language != "zh" or not _latin_family:
        return font
    font = QFont(font)
    font.setFamilies([_latin_family, *SIMPLIFIED_CHINESE_FONTS])
    return font


def translate(context: str, text: str) -> str:
    """``QCoreApplication.translate`` for strings outside a QObject (method titles, help texts)."""
    return QCoreApplication.translate(context, text)
