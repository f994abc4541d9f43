"""The crash handler: every uncaught exception (slot, paint event, timer, worker thread) is logged
with versions and traceback, shown once in a dialog (or not at all headless), and the app runs on."""

import os
import subprocess
import sys
import textwrap
import threading

import pytest
from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from posenc_gui.app import crash


class Emitter(QObject):
    fired = Signal()


class BrokenPaint(QWidget):
    def paintEvent(self, event):
        raise RuntimeError("paint went wrong")


@pytest.fixture
def handler(qapp, tmp_path, monkeypatch):
    monkeypatch.setenv("POSENC_NO_DIALOG", "1")
    installed = crash.install(qapp, log_dir=tmp_path / "logs")
    yield installed
    if installed.dialog is not None:  # its own dialog (walking every top-level widget met dead ones of earlier tests)
        installed.dialog.close()
    crash.uninstall()


def log_text(handler) -> str:
    return handler.log_path.read_text(encoding="utf-8")


def test_exception_in_a_slot_is_logged_with_versions_and_the_app_runs_on(handler, qtbot):
    emitter = Emitter()
    emitter.fired.connect(lambda: 1 / 0)
    emitter.fired.emit()
    QTimer.singleShot(0, lambda: [][1])
    qtbot.waitUntil(lambda: handler.count == 2)
    text = log_text(handler)
    assert "ZeroDivisionError" in text and "IndexError" in text
    assert "PosEnc Explorer" in text and "Python" in text and "Qt" in text and "PySide6" in text
    assert "Traceback" in handler.last_report
    survivor = []
    QTimer.singleShot(0, lambda: survivor.append(True))
    qtbot.waitUntil(lambda: survivor == [True])


def test_exception_in_paint_event_goes_through_the_hook(handler, qtbot):
    widget = BrokenPaint()
    qtbot.addWidget(widget)
    widget.resize(50, 50)
    widget.show()
    widget.repaint()
    qtbot.waitUntil(lambda: handler.count >= 1)
    assert "paint went wrong" in log_text(handler)


def test_exception_in_a_python_thread_and_a_qt_pool_thread_is_logged(handler, qtbot):
    thread = threading.Thread(target=lambda: {}["missing key"], name="worker-1")
    thread.start()
    thread.join()

    class Failing(QRunnable):
        def run(self):
            raise ValueError("pool job failed")

    pool = QThreadPool()
    pool.start(Failing())
    pool.waitForDone()
    qtbot.waitUntil(lambda: handler.count == 2)
    text = log_text(handler)
    assert "missing key" in text and "thread worker-1" in text and "pool job failed" in text


def test_headless_never_opens_a_dialog(handler, qtbot, live_widgets):
    QTimer.singleShot(0, lambda: 1 / 0)
    qtbot.waitUntil(lambda: handler.count == 1)
    assert handler.dialog is None
    assert not any(box.isVisible() for box in live_widgets(QMessageBox))


def test_exceptions_while_the_dialog_is_open_are_counted_in_it_not_stacked(qapp, qtbot, tmp_path, live_widgets):
    handler = crash.install(qapp, log_dir=tmp_path, show_dialogs=True)
    try:
        for _ in range(100):
            QTimer.singleShot(0, lambda: 1 / 0)
        qtbot.waitUntil(lambda: handler.count == 100)
        boxes = [box for box in live_widgets(QMessageBox) if box.isVisible()]
        assert len(boxes) == 1
        box = boxes[0]
        assert "99" in box.informativeText()
        assert "ZeroDivisionError" in box.detailedText()
        copy = next(b for b in box.buttons() if b.text() == "Copy report")
        copy.click()
        assert "ZeroDivisionError" in QGuiApplication.clipboard().text()
        assert "PySide6" in QGuiApplication.clipboard().text()
        qtbot.waitUntil(lambda: handler.dialog is None)
        QTimer.singleShot(0, lambda: 1 / 0)
        qtbot.waitUntil(lambda: handler.dialog is not None)  # a new error after closing shows again
    finally:
        if handler.dialog is not None:
            handler.dialog.close()
        crash.uninstall()


def test_log_is_capped_in_size(handler, qtbot):
    emitter = Emitter()
    emitter.fired.connect(lambda: (_ for _ in ()).throw(RuntimeError("x" * 20_000)))
    for _ in range(200):
        emitter.fired.emit()
    assert handler.count == 200
    files = list(handler.log_path.parent.iterdir())
    assert 1 < len(files) <= 1 + crash.LOG_BACKUPS
    assert all(f.stat().st_size <= crash.MAX_LOG_BYTES + 30_000 for f in files)


def test_an_unwritable_log_folder_does_not_break_the_handler(qapp, qtbot, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("POSENC_NO_DIALOG", "1")
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the log folder should be")
    handler = crash.install(qapp, log_dir=blocker / "logs")
    try:
        QTimer.singleShot(0, lambda: 1 / 0)
        qtbot.waitUntil(lambda: handler.count == 1)
        assert "ZeroDivisionError" in capsys.readouterr().err
    finally:
        crash.uninstall()


def test_default_log_folder_is_in_the_app_data_location(qapp):
    assert crash.default_log_dir().name == "logs"
    assert crash.default_log_dir().is_absolute()


def test_offscreen_platform_means_no_dialogs(qapp, monkeypatch):
    monkeypatch.delenv("POSENC_NO_DIALOG", raising=False)
    assert crash.dialogs_wanted() is False  # the test suite runs offscreen


def test_a_frozen_app_without_stderr_still_logs(handler, qtbot, monkeypatch):
    monkeypatch.setattr(sys, "stderr", None)  # a windowed app on Windows has no console
    QTimer.singleShot(0, lambda: 1 / 0)
    qtbot.waitUntil(lambda: handler.count == 1)
    assert "ZeroDivisionError" in log_text(handler)


HUGE_MESSAGE = "m" * 10_000_000


def test_a_huge_message_is_cut_in_the_report_and_the_log_keeps_its_cap(handler, qtbot, capsys):
    emitter = Emitter()
    emitter.fired.connect(lambda: (_ for _ in ()).throw(RuntimeError(HUGE_MESSAGE)))
    emitter.fired.emit()
    assert handler.count == 1
    assert len(capsys.readouterr().err) <= crash.MAX_REPORT_CHARS + 200  # the report on stderr, cut too
    assert len(handler.last_report) <= crash.MAX_REPORT_CHARS + 100
    assert "Traceback" in handler.last_report and "RuntimeError: mmm" in handler.last_report
    assert "characters cut" in handler.last_report
    assert handler.log_path.stat().st_size <= crash.MAX_LOG_BYTES
    assert "RuntimeError: mmm" in log_text(handler)


HUGE_MESSAGE_IN_THE_DIALOG = textwrap.dedent("""
    import sys, tempfile, time
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from posenc_gui.app import crash

    app = QApplication([])
    handler = crash.install(app, log_dir=tempfile.mkdtemp(), show_dialogs=True)
    started = time.perf_counter()
    QTimer.singleShot(0, lambda: (_ for _ in ()).throw(RuntimeError("m" * 10_000_000)))
    QTimer.singleShot(0, lambda: app.processEvents())
    def done():
        box = handler.dialog
        print(len(box.text()), len(box.detailedText()), box.isVisible(), round(time.perf_counter() - started, 2))
        app.quit()
    QTimer.singleShot(10, done)
    app.exec()
""")


def test_a_huge_message_in_the_dialog_is_cut_and_does_not_block(tmp_path):
    """In a child process with a time limit: on the old code the dialog never came up."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    try:
        done = subprocess.run([sys.executable, "-c", HUGE_MESSAGE_IN_THE_DIALOG], capture_output=True, text=True,
                              env=env, timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail("the crash dialog with a 10 MB message did not come up within 60 s")
    assert done.returncode == 0, done.stderr[-2000:]
    text_chars, detail_chars, visible, seconds = done.stdout.split()
    assert int(text_chars) <= 500 and int(detail_chars) <= crash.MAX_REPORT_CHARS + 100
    assert visible == "True"
    assert float(seconds) < 10


def test_a_fifo_at_the_log_path_is_not_written(qapp, qtbot, tmp_path, monkeypatch, capsys):
    """A reader holds the FIFO open, so that writing to it would not block this test but show in it."""
    monkeypatch.setenv("POSENC_NO_DIALOG", "1")
    (tmp_path / "logs").mkdir()
    fifo = tmp_path / "logs" / crash.LOG_NAME
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    handler = crash.install(qapp, log_dir=tmp_path / "logs")
    try:
        for _ in range(2):
            QTimer.singleShot(0, lambda: 1 / 0)
        qtbot.waitUntil(lambda: handler.count == 2)
        assert os.read(reader, 65536) == b""  # no writer ever came, nothing was written
        err = capsys.readouterr().err
        assert err.count("is not a regular file") == 1 and err.count("ZeroDivisionError") == 2
    finally:
        crash.uninstall()
        os.close(reader)
