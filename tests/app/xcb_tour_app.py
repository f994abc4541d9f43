"""The app with the lecture deck open and the guided tour running, for test_tour_xcb's run on a real X server: it
writes what it shows (the tour's step, whether it runs, the focused widget, the deck's scene) to a JSON file ten
times a second, so that the test can press keys with xdotool and read where they went.

    python xcb_tour_app.py STATE_FILE DECK_FILE
"""

import sys
from pathlib import Path

import shiboken6
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from xcb_support import publish_state  # beside this script

from posenc_gui.app import i18n, tour
from posenc_gui.app.state import Deck
from posenc_gui.app.views import applies
from posenc_gui.app.window import MainWindow


def main(state_file: str, deck_file: str) -> int:
    app = QApplication(sys.argv[:1])
    i18n.install(app, "en")
    settings = QSettings(str(Path(state_file).with_suffix(".ini")), QSettings.IniFormat)
    window = MainWindow(settings=settings)
    window.set_deck(Deck.load(deck_file, applies()))
    window.resize(1280, 720)
    window.show()
    guided = []

    def write() -> None:
        if not guided and QApplication.activeWindow() is window:
            guided.append(tour.start(window))  # once the window has the keyboard, as from the start page
        running = bool(guided) and shiboken6.isValid(guided[0]) and guided[0].running
        focused = QApplication.focusWidget()
        state = {
            "active": QApplication.activeWindow() is not None,
            "started": bool(guided), "running": running, "step": guided[0].index if running else None,
            "bubble_visible": running and guided[0].bubble.isVisible(),
            "focus": focused.objectName() if focused is not None else None,
            "deck_index": window.deck.index, "presenting": window.presenting,
        }
        publish_state(state, state_file)

    timer = QTimer()
    timer.timeout.connect(write)
    timer.start(100)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
