"""The start page: shown on the first run and from Help › Start page. It offers the ways in: the lecture deck,
the guided tour, a recent deck, an example model config, or just exploring.

It is a dialog that does not block the window (a first-time user may close it or look past it) and that
follows the window's look (theme, text size, language) as every dialog does. Whether it shows at the next
start is kept in the settings (``settings.START_PAGE_KEY``): absent on a first run, then what the check box
says (off unless ticked)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QGridLayout, QLabel,
                               QListWidget, QListWidgetItem, QMenu, QPushButton, QSizePolicy, QVBoxLayout)

from ..core import model_config
from ..paths import resource
from . import i18n, settings as prefs, tour

LECTURE_DECK = ("decks", "default.posdeck")
WIDTH_EM = 46  # the page's width in lines of text, at most the window's
HEADING_SCALE = 1.3  # the heading's size over the body text's


def shows_at_start(settings) -> bool:
    """True on a first run (no value yet) and when the user asked for the page at every start."""
    if settings is None:
        return False
    value = settings.value(prefs.START_PAGE_KEY)
    return value is None or value is True or value == "true"


class Choice(QPushButton):
    """A large button: a bold title over a line or two of description, both wrapped to the button's width.
    (QCommandLinkButton draws its texts in a fixed 9 pt and cut the description in large type.)"""

    def __init__(self, title: str, description: str, objectName: str = ""):
        super().__init__(objectName=objectName)
        self.setAccessibleName(title)
        self.setAccessibleDescription(description)
        self.title = QLabel(title, wordWrap=True)
        bold = self.title.font()
        bold.setBold(True)
        self.title.setFont(bold)
        self.description = QLabel(description, wordWrap=True)
        layout = QVBoxLayout(self)
        layout.setSpacing(2)
        for label in (self.title, self.description):
            label.setTextFormat(Qt.PlainText)
            label.setAttribute(Qt.WA_TransparentForMouseEvents)  # a click on the text presses the button
            layout.addWidget(label)
        policy = QSizePolicy(QSizePolicy.Preferred, QSizePolicy.Maximum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def sizeHint(self) -> QSize:
        return self.layout().totalSizeHint()

    def minimumSizeHint(self) -> QSize:
        return self.layout().totalMinimumSize()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self.layout().totalHeightForWidth(width)


class StartPage(QDialog):
    """The page over ``window`` (a MainWindow); each choice does what it says and closes the page."""

    def __init__(self, window):
        super().__init__(window)
        self.main_window = window
        self.setObjectName("start_page")
        self.setWindowTitle(i18n.translate("StartPage", "Start page"))
        self.setAttribute(Qt.WA_DeleteOnClose)
        self.heading = heading = QLabel(i18n.translate("StartPage", "Welcome to PosEnc Explorer"),
                                        objectName="start_heading")
        intro = QLabel(i18n.translate("StartPage", "Positional encodings and attention, live. Where would you like "
                                                   "to start?"),
                       wordWrap=True, objectName="start_intro")
        self.deck_button = self._choice(
            "start_deck", i18n.translate("StartPage", "Open the lecture deck"),
            i18n.translate("StartPage", "Prepared scenes with notes: PageDown steps, F11 presents."),
            self.open_lecture_deck)
        self.tour_button = self._choice(
            "start_tour", i18n.translate("StartPage", "Take the guided tour"),
            i18n.translate("StartPage", "Six short steps: parameters, views, deck keys, export."),
            self.take_tour)
        self.config_button = self._choice(
            "start_config", i18n.translate("StartPage", "Open an example model config"),
            i18n.translate("StartPage", "A real model's layers and its RoPE settings."), None)
        self.config_menu = QMenu(self.config_button)
        for path in model_config.example_configs():
            action = self.config_menu.addAction(path.stem)
            action.setObjectName(f"start_example_{path.stem}")
            action.triggered.connect(lambda _=False, path=path: self.open_config(path))
        self.config_button.setMenu(self.config_menu)
        self.explore_button = self._choice(
            "start_explore", i18n.translate("StartPage", "Just explore"),
            i18n.translate("StartPage", "Close this page and try the parameters."), self.close)
        choices = QVBoxLayout()
        for button in (self.deck_button, self.tour_button, self.config_button, self.explore_button):
            choices.addWidget(button)
        choices.addStretch(1)

        recent_title = QLabel(i18n.translate("StartPage", "Recent decks"), objectName="start_recent_title")
        bold = recent_title.font()
        bold.setBold(True)
        recent_title.setFont(bold)
        self.recent_list = QListWidget(objectName="start_recent")
        self.recent_list.setWordWrap(True)
        self.recent_list.setTextElideMode(Qt.ElideMiddle)
        self.recent_list.itemActivated.connect(self._recent_chosen)
        self.recent_list.itemClicked.connect(self._recent_chosen)
        self.message = QLabel(objectName="start_message", wordWrap=True)
        self.message.setTextFormat(Qt.PlainText)
        recent_title.setBuddy(self.recent_list)
        recent = QVBoxLayout()
        recent.addWidget(recent_title)
        recent.addWidget(self.recent_list, 1)
        recent.addWidget(self.message)

        self.again = QCheckBox(i18n.translate("StartPage", "Show this page at every start"), objectName="start_again")
        self.again.setChecked(self.main_window.settings is not None
                              and self.main_window.settings.value(prefs.START_PAGE_KEY) in (True, "true"))
        self.again.toggled.connect(self._remember)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.close)

        grid = QGridLayout(self)
        grid.addWidget(heading, 0, 0, 1, 2)
        grid.addWidget(intro, 1, 0, 1, 2)
        grid.addLayout(choices, 2, 0)
        grid.addLayout(recent, 2, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setRowStretch(2, 1)
        grid.addWidget(self.again, 3, 0)
        grid.addWidget(buttons, 3, 1)
        window.recent.changed.connect(self.fill_recent)
        self.fill_recent()
        self._remember(self.again.isChecked())  # a first run is over once the page was shown
        self._size_heading()
        self._fit()

    def _choice(self, name: str, title: str, description: str, slot) -> "Choice":
        button = Choice(title, description, objectName=name)
        if slot is not None:
            button.clicked.connect(slot)
        return button

    def _size_heading(self) -> None:
        """The heading a size above the page's text; set again at each look change, since a font whose size was
        set by hand no longer follows the application's."""
        font = QFont(self.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * HEADING_SCALE)
        self.heading.setFont(font)

    def changeEvent(self, event: QEvent) -> None:
        """A new text size (Ctrl+= with the page open) reaches the page as a font change, after the look model's
        signal (Qt posts it): the heading and the page's size follow, so no text is cut until it is reopened."""
        super().changeEvent(event)
        if event.type() == QEvent.FontChange:
            self._size_heading()
            self.layout().activate()
            self._fit()

    def _fit(self) -> None:
        """As wide as ``WIDTH_EM`` lines of text and as tall as its content, within the window, centred on it."""
        room = self.main_window.geometry()
        width = min(round(WIDTH_EM * self.fontMetrics().height()), room.width())
        height = min(max(self.layout().heightForWidth(width), self.sizeHint().height()), room.height())
        self.resize(QSize(width, height))
        self.move(room.center() - self.rect().center())

    def fill_recent(self) -> None:
        """The recent decks, newest first; one that is gone is greyed and says so."""
        self.recent_list.clear()
        recent = self.main_window.recent
        for path in recent.paths:
            gone = not recent.exists(path)
            name = Path(path).name
            item = QListWidgetItem(i18n.translate("StartPage", "{0} (not found)").format(name) if gone else name)
            item.setData(Qt.UserRole, path)
            item.setToolTip(path)
            if gone:
                item.setForeground(self.palette().color(QPalette.Disabled, QPalette.Text))
            self.recent_list.addItem(item)
        if not recent.paths:
            empty = QListWidgetItem(i18n.translate("StartPage", "None yet: a deck you open is listed here."))
            empty.setFlags(Qt.NoItemFlags)
            self.recent_list.addItem(empty)

    def _recent_chosen(self, item: QListWidgetItem) -> None:
        path = item.data(Qt.UserRole)
        if not path or not self.isVisible():  # a double click clicks twice; the first one closed the page
            return
        self.message.clear()
        if self.main_window.recent.open(path, self.main_window.open_deck, self.message.setText):
            self.close()
        elif not self.message.text():  # the deck is there but damaged: the window's status bar says why
            self.message.setText(self.main_window.error_label.text())

    def _remember(self, again: bool) -> None:
        settings = self.main_window.settings
        if settings is not None:
            settings.setValue(prefs.START_PAGE_KEY, bool(again))
            settings.sync()

    def open_lecture_deck(self) -> None:
        if self.main_window.open_deck(resource(*LECTURE_DECK)):
            self.close()

    def take_tour(self) -> None:
        self.close()
        tour.start(self.main_window)

    def open_config(self, path) -> None:
        if self.main_window.open_model_config(path):
            self.close()


def show(window) -> StartPage:
    """Help › Start page (one page at a time)."""
    for page in window.findChildren(StartPage):
        page.close()
    page = StartPage(window)
    page.show()  # a new window, so on top of the main window
    page.activateWindow()
    return page


def show_at_start(window) -> StartPage | None:
    """The first-run hook: the page, when this is the first run or the user asked for it at every start."""
    return show(window) if shows_at_start(window.settings) else None
