"""One configuration of the layout matrix (test_layout_matrix), in a process of its own: Qt's offscreen screen
takes its size before the application starts, so every screen size needs a new process.

    python layout_matrix_app.py WxH TEXT_SCALE THEME LANG REPORT_FILE VIEW[:METHOD]|deck:N ...

(WxH in device pixels; with QT_SCALE_FACTOR=2 the window has half as many logical pixels each way.)

shows each view (or scene N of the default deck) presenting, at that text size, theme and language, and writes the layout check's findings (a
list ``steps`` as ``--layout-report`` writes it) to REPORT_FILE.
"""

import json
import os
import sys
from pathlib import Path

from posenc_gui.app.main import offscreen_screen


def main(screen: str, text_scale: str, theme: str, language: str, report_file: str, *views: str) -> int:
    size = tuple(int(side) for side in screen.split("x"))
    offscreen_screen(size)
    from PySide6.QtWidgets import QApplication

    from posenc_gui.app import i18n
    from posenc_gui.app.selftest import SelfTest
    from posenc_gui.app.state import Deck, Scene
    from posenc_gui.app.views import applies
    from posenc_gui.app.window import MainWindow
    from posenc_gui.paths import resource

    app = QApplication(sys.argv[:1])
    i18n.install(app, language)
    window = MainWindow(language=language)
    window.resize(app.primaryScreen().size())  # in logical pixels (fewer than the screen's at QT_SCALE_FACTOR 2)
    window.show()
    window.set_theme(theme)
    window.set_text_scale(float(text_scale))
    window.set_presenting(True)
    app.processEvents()
    deck = Deck.load(resource("decks", "default.posdeck"), views=applies())
    steps = []
    for spec in views:
        view, _, method = spec.partition(":")
        if view == "deck":
            steps.append((spec, deck.scenes[int(method) - 1]))
        else:
            steps.append((spec, Scene(method=method or "sinusoidal", view=view).validated(applies())))
    test = SelfTest(app, window, None, check_layout=True)
    status = test.run(steps)
    window.close()
    Path(report_file).write_text(json.dumps({"steps": test.layout_steps}, ensure_ascii=False), encoding="utf-8")
    return status


if __name__ == "__main__":
    status = main(*sys.argv[1:])
    sys.stdout.flush()
    os._exit(status)  # the report is written: no teardown of Qt and pyqtgraph objects (it crashed now and then)
