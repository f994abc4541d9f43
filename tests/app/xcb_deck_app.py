"""The app with a deck, for test_deck_keys' run on a real X server: it writes what it shows (scene index,
view, window title, presenting, black screen, the screens of its windows) to a JSON file ten times a
second, so that the test can press keys with xdotool and read where the lecture went.

    python xcb_deck_app.py STATE_FILE DECK_FILE
"""

import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from xcb_support import publish_state  # beside this script

from posenc_gui.app import i18n
from posenc_gui.app.state import Deck
from posenc_gui.app.views import applies
from posenc_gui.app.window import MainWindow


def size(screen) -> list[int] | None:
    return None if screen is None else [screen.size().width(), screen.size().height()]


def main(state_file: str, deck_file: str) -> int:
    app = QApplication(sys.argv[:1])
    i18n.install(app, "en")
    settings = QSettings(str(Path(state_file).with_suffix(".ini")), QSettings.IniFormat)
    window = MainWindow(settings=settings)
    window.set_deck(Deck.load(deck_file, applies()))
    window.show()

    def write() -> None:
        presenter = window.presentation.presenter
        focused = QApplication.focusWidget()
        state = {
            "active": QApplication.activeWindow() is not None,
            "screens": [size(screen) for screen in QApplication.screens()],
            "index": window.deck.index, "view": window.model.scene.view,
            "saved_view": window.deck.scenes[window.deck.index].view, "title": window.windowTitle(),
            "focus": focused.objectName() if focused is not None else None,
            "presenting": window.presenting, "blank": window.presentation.blank.isVisible(),
            "window_screen": size(window.screen()), "window_size": [window.width(), window.height()],
            "presenter_visible": presenter is not None and presenter.isVisible(),
            "presenter_screen": size(presenter.screen()) if presenter is not None else None,
            "presenter_number": presenter.number.text() if presenter is not None else None,
        }
        publish_state(state, state_file)

    timer = QTimer()
    timer.timeout.connect(write)
    timer.start(100)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
