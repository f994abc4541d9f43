"""The recent decks: the last decks opened, newest first, kept in the settings and offered in File › Open recent
and on the start page.

A deck that was moved or deleted since stays in the list, greyed, until it is chosen: then the app says so in
one line and forgets it (a lecturer sees that the file went, rather than a list that silently shrank)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from . import i18n, settings as prefs

MOST_RECENT = 8  # as many as a menu shows at a glance


def stored_paths(value) -> list[str]:
    """The settings' value as a list of paths: QSettings reads a one-item list back as a plain string, and a
    damaged file can hold anything (which counts as no list)."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)):
        return []
    paths = [path for path in value if isinstance(path, str) and path]
    return list(dict.fromkeys(paths))[:MOST_RECENT]


class RecentDecks(QObject):
    """The recent decks, read from and written to ``settings`` (a QSettings or ``settings.Store``; None keeps
    the list for this run only). ``changed`` after every change of the list."""

    changed = Signal()

    def __init__(self, settings=None, parent=None):
        super().__init__(parent)
        self.settings = settings
        self.paths = stored_paths(settings.value(prefs.RECENT_DECKS_KEY)) if settings is not None else []

    def add(self, path: str | Path) -> None:
        """Put ``path`` first (once), dropping the oldest beyond ``MOST_RECENT``."""
        resolved = str(Path(path).resolve())
        self.paths = [resolved, *(p for p in self.paths if p != resolved)][:MOST_RECENT]
        self._save()

    def forget(self, path: str) -> None:
        self.paths = [p for p in self.paths if p != path]
        self._save()

    def missing(self) -> list[str]:
        return [path for path in self.paths if not self.exists(path)]

    def forget_missing(self, tell) -> None:
        """Drop every deck that is gone, saying how many."""
        gone = self.missing()
        self.paths = [p for p in self.paths if p not in gone]
        self._save()
        tell(i18n.translate("RecentDecks", "Removed {0} decks not found from the recent decks")
             .format(len(gone)))

    @staticmethod
    def exists(path: str) -> bool:
        return Path(path).is_file()

    def open(self, path: str, open_deck, tell) -> bool:
        """Open the recent deck at ``path`` with ``open_deck`` (which reports a damaged file itself); a file that
        is gone is forgotten and ``tell`` gets one line saying so."""
        if not self.exists(path):
            self.forget(path)
            tell(i18n.translate("RecentDecks", "{0} is no longer there: removed from the recent decks")
                 .format(Path(path).name))
            return False
        return open_deck(path)

    def _save(self) -> None:
        if self.settings is not None:
            self.settings.setValue(prefs.RECENT_DECKS_KEY, list(self.paths))
            self.settings.sync()
        self.changed.emit()


def menu_text(number: int, path: str) -> str:
    """"&1 lecture.posdeck" (an "&" in the name shown as itself), "(not found)" after a deck that is gone."""
    name = Path(path).name.replace("&", "&&")
    text = f"&{number} {name}" if number < 10 else f"{number} {name}"
    if not RecentDecks.exists(path):
        text += " " + i18n.translate("RecentDecks", "(not found)")
    return text


def fill_menu(menu, recent: RecentDecks, open_deck, tell) -> None:
    """Fill File › Open recent with the recent decks (called as it opens, so it always shows the files as they
    are now): each entry names the file, its path in the tip; one that is gone is greyed and says so, and an
    entry below removes those."""
    menu.clear()
    menu.setToolTipsVisible(True)
    for number, path in enumerate(recent.paths, 1):
        action = menu.addAction(menu_text(number, path))
        action.setToolTip(path)
        action.setStatusTip(path)
        action.setObjectName(f"recent_{number}")
        action.setEnabled(RecentDecks.exists(path))
        action.triggered.connect(lambda _=False, p=path: recent.open(p, open_deck, tell))
    if recent.missing():
        menu.addSeparator()
        forget = menu.addAction(i18n.translate("RecentDecks", "Remove the decks not found"))
        forget.setObjectName("recent_forget_missing")
        forget.triggered.connect(lambda: recent.forget_missing(tell))
    if not recent.paths:
        menu.addAction(i18n.translate("RecentDecks", "(no recent decks)")).setEnabled(False)
