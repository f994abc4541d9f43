"""macOS Finder hands a deck opened with the app over as a QFileOpenEvent to the application (not in
argv): the application made by ``make_application`` opens it in the window. It runs in a child process:
the application class is chosen when the one QApplication of a process is made."""

import json
import os
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QFileOpenEvent
    from posenc_gui.app.main import make_application

    first, second, bad = sys.argv[1:4]
    app = make_application(sys.argv[:1])
    from posenc_gui.app.window import MainWindow

    QCoreApplication.postEvent(app, QFileOpenEvent(first))  # at launch, before the window exists
    app.processEvents()
    assert app.pending_decks == [first], app.pending_decks
    window = MainWindow()
    app.take_decks(window.open_deck)
    assert window.deck.title == "first" and not app.pending_decks
    QCoreApplication.postEvent(app, QFileOpenEvent(second))  # while running
    app.processEvents()
    assert window.deck.title == "second" and len(window.deck.scenes) == 2
    QCoreApplication.postEvent(app, QFileOpenEvent(bad))
    app.processEvents()
    assert window.deck.title == "second" and "bad.posdeck" in window.error_label.text()
    window.close()
    print("ok")
""")


def test_a_deck_opened_from_the_desktop_opens_in_the_window(tmp_path):
    paths = []
    for name, scenes in (("first", 1), ("second", 2), ("bad", 0)):
        path = tmp_path / f"{name}.posdeck"
        path.write_text(json.dumps({"version": 1, "title": name, "scenes": [{"method": "sinusoidal"}] * scenes}))
        paths.append(str(path))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", SCRIPT, *paths], capture_output=True, text=True, env=env,
                          timeout=120)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-2000:]
