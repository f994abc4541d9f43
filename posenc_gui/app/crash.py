"""Uncaught exceptions never end the app: ``install(app)`` routes every one (from slots, paint
events and other Qt virtual calls, timers, worker threads) to a handler that writes a report to a
size-capped log in the user's data folder and shows it in a dialog with a "Copy report" button,
then lets the app carry on.

Re-entrancy: while the dialog is open, further exceptions are logged and counted in the open
dialog instead of opening more. Headless (``POSENC_NO_DIALOG=1``, or the offscreen / minimal Qt
platforms) the handler logs and prints to stderr without ever blocking.

What is shown and logged is bounded: an exception's message can be megabytes (a whole array or file in
it), which a dialog label cannot lay out in reasonable time and which would make one log record larger
than the log's whole cap. Each part of a traceback (a frame, the error line) keeps its start and end
(``MAX_PART_CHARS``), and so does the whole report (``MAX_REPORT_CHARS``); the dialog's summary line
keeps its start (``MAX_SUMMARY_CHARS``).
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import platform
import stat
import sys
import threading
import traceback
from pathlib import Path

from PySide6 import __version__ as PYSIDE_VERSION
from PySide6.QtCore import QObject, QStandardPaths, Qt, Signal, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from .. import __version__ as APP_VERSION
from . import locations

LOG_NAME = "crash.log"
MAX_LOG_BYTES = 512 * 1024
LOG_BACKUPS = 2
HEADLESS_PLATFORMS = ("offscreen", "minimal")
MAX_REPORT_CHARS = 20_000  # a long traceback fits; at 4 UTF-8 bytes a character still far below the log's cap
MAX_PART_CHARS = 4_000  # of one frame or error line: a huge message still leaves the error's name and the frames
MAX_SUMMARY_CHARS = 300


def default_log_dir() -> Path | None:
    """``logs`` in the app's data folder (QStandardPaths.AppDataLocation); None when there is no usable one
    (``locations.usable``: HOME unset, say), and then reports go to stderr only."""
    folder = locations.usable(QStandardPaths.AppDataLocation)
    return folder / "logs" if folder is not None else None


def shortened(text: str, limit: int) -> str:
    """``text`` when it has at most ``limit`` characters, else its start and end around a note of what was
    cut: a traceback's first lines say where it began, its last ones name the error."""
    if len(text) <= limit:
        return text
    head = limit // 2
    return f"{text[:head]}\n[... {len(text) - limit:,} characters cut ...]\n{text[len(text) - (limit - head):]}"


def dialogs_wanted() -> bool:
    """False in tests and headless runs: POSENC_NO_DIALOG=1, or an offscreen / minimal platform."""
    if os.environ.get("POSENC_NO_DIALOG", "") not in ("", "0"):
        return False
    name = QGuiApplication.platformName() if QGuiApplication.instance() else ""
    return name not in HEADLESS_PLATFORMS


def versions() -> str:
    """One line with the versions that matter for a bug report."""
    import numpy

    try:
        import pyqtgraph

        pyqtgraph_version = pyqtgraph.__version__
    except Exception:  # a report must come out even when pyqtgraph itself is broken
        pyqtgraph_version = "unavailable"
    return (f"PosEnc Explorer {APP_VERSION} | Python {platform.python_version()} | Qt {qVersion()} | "
            f"PySide6 {PYSIDE_VERSION} | pyqtgraph {pyqtgraph_version} | NumPy {numpy.__version__} | "
            f"{platform.platform()}")


def report(kind, value, tb, where: str = "") -> str:
    """The text of a crash report: versions, where it happened, then the traceback."""
    lines = [versions()]
    if where:
        lines.append(f"in {where}")
    parts = traceback.format_exception(kind, value, tb)  # the header, one part a frame, the error line
    lines.append("".join(shortened(part, MAX_PART_CHARS) for part in parts).rstrip())
    return shortened("\n".join(lines), MAX_REPORT_CHARS)


def summary_line(kind, value) -> str:
    """The error's type and the start of its message's first line, for the dialog's text."""
    try:
        message = str(value)[:MAX_SUMMARY_CHARS + 1]
    except Exception:  # a broken __str__ must not break the report
        message = ""
    line = f"{kind.__name__}: {message.splitlines()[0]}" if message.strip() else kind.__name__
    return line if len(line) <= MAX_SUMMARY_CHARS else line[:MAX_SUMMARY_CHARS - 3] + "..."


def _to_stderr(text: str) -> None:
    """Print to stderr when there is one (a frozen app without a console has none)."""
    if sys.stderr is not None:
        print(text, file=sys.stderr)


class CrashHandler(QObject):
    """Receives uncaught exceptions from ``sys.excepthook`` and ``threading.excepthook``; see the
    module docstring. ``count`` is how many it handled, ``last_report`` the newest report."""

    _from_thread = Signal(str, str)  # summary, report: hands a worker thread's error to the GUI thread

    def __init__(self, log_dir: str | os.PathLike | None = None, show_dialogs: bool | None = None,
                 parent=None):
        super().__init__(parent)
        self._log_dir = Path(log_dir) if log_dir is not None else None
        self.show_dialogs = show_dialogs
        self.count = 0
        self.last_report = ""
        self.dialog: QMessageBox | None = None
        self._unseen = 0
        self._logger: logging.Logger | None = None
        self._log_failed = False
        self._from_thread.connect(self._present, Qt.QueuedConnection)

    @property
    def log_path(self) -> Path | None:
        folder = self._log_dir or default_log_dir()
        return folder / LOG_NAME if folder is not None else None

    # -- hooks ----------------------------------------------------------------------------------
    def excepthook(self, kind, value, tb) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        self._handle(kind, value, tb, "")

    def threading_excepthook(self, args) -> None:
        if args.exc_type is SystemExit:
            return
        self._handle(args.exc_type, args.exc_value, args.exc_traceback,
                     f"thread {args.thread.name if args.thread else '?'}")

    def _handle(self, kind, value, tb, where: str) -> None:
        """Log, then show or count; never raises (a failing crash handler would be the crash)."""
        try:
            self.count += 1
            text = report(kind, value, tb, where)
            self.last_report = text
            self._log(text)
            line = summary_line(kind, value)
            if threading.current_thread() is threading.main_thread():
                self._present(line, text)
            else:
                self._from_thread.emit(line, text)
        except Exception:  # the last resort: stderr, which may itself be gone
            try:
                traceback.print_exception(kind, value, tb)
            except Exception:
                pass

    # -- log ------------------------------------------------------------------------------------
    def _log(self, text: str) -> None:
        logger = self._open_log()
        if logger is not None:
            logger.error(text)
        _to_stderr(text)

    def _open_log(self) -> logging.Logger | None:
        """A logger writing to the rotating, size-capped log file; None when the folder cannot be
        made or written or the log is not a regular file (then the reports go to stderr only)."""
        if self._logger is not None or self._log_failed:
            return self._logger
        path = self.log_path
        try:
            if path is None:
                raise OSError("no usable folder for it (is HOME an existing folder?)")
            path.parent.mkdir(parents=True, exist_ok=True)
            if os.path.lexists(path) and not stat.S_ISREG(os.stat(path).st_mode):
                raise OSError("it is not a regular file")  # opening a FIFO would block the GUI thread
            handler = logging.handlers.RotatingFileHandler(
                path, maxBytes=MAX_LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8")
        except OSError as error:
            self._log_failed = True  # said once; the reports go to stderr
            _to_stderr(f"posenc-gui: cannot write the crash log{f' {path}' if path else ''}: {error}")
            return None
        handler.setFormatter(logging.Formatter("%(asctime)s %(message)s\n"))
        logger = logging.getLogger(f"posenc_gui.crash.{id(self)}")
        logger.propagate = False
        logger.handlers[:] = [handler]
        self._logger = logger
        return logger

    def close_log(self) -> None:
        if self._logger is not None:
            for handler in self._logger.handlers:
                handler.close()
            self._logger.handlers.clear()
            self._logger = None

    # -- dialog ---------------------------------------------------------------------------------
    def _present(self, summary: str, text: str) -> None:
        show = dialogs_wanted() if self.show_dialogs is None else self.show_dialogs
        if not show or not isinstance(QApplication.instance(), QApplication):
            return
        if self.dialog is not None:
            self._unseen += 1
            self.dialog.setInformativeText(
                self.tr("%n more error(s) happened since; all are in the log:", "", self._unseen)
                + self._where_logged())
            return
        box = QMessageBox(QMessageBox.Critical, self.tr("PosEnc Explorer: something went wrong"),
                          self.tr("An unexpected error happened. The app is still running; if a view looks "
                                  "wrong, change a parameter or open another scene.") + f"\n\n{summary}")
        box.setInformativeText(self.tr("A report was written to:") + self._where_logged()
                               if self._logger is not None else "")
        box.setDetailedText(text)
        copy = box.addButton(self.tr("Copy report"), QMessageBox.ActionRole)
        box.addButton(QMessageBox.Close)
        box.setAttribute(Qt.WA_DeleteOnClose)
        copy.clicked.connect(self._copy_report)
        box.finished.connect(self._closed)
        self.dialog, self._unseen = box, 0
        box.open()

    def _where_logged(self) -> str:
        return f"\n{self.log_path}" if self._logger is not None else ""

    def _copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.dialog.detailedText() if self.dialog else self.last_report)

    def _closed(self) -> None:
        self.dialog = None


_handler: CrashHandler | None = None
_previous_hooks: tuple = ()


def install(app: QApplication, log_dir: str | os.PathLike | None = None,
            show_dialogs: bool | None = None) -> CrashHandler:
    """Route uncaught exceptions of ``app`` (GUI thread and other threads) to a CrashHandler;
    returns it. Installing again replaces the previous handler."""
    global _handler, _previous_hooks
    if _handler is not None:
        _handler.close_log()
    else:
        _previous_hooks = (sys.excepthook, threading.excepthook)
    _handler = CrashHandler(log_dir, show_dialogs, parent=app)
    sys.excepthook = _handler.excepthook
    threading.excepthook = _handler.threading_excepthook
    return _handler


def uninstall() -> None:
    """Put back the hooks that were there before ``install`` (for tests)."""
    global _handler
    if _handler is None:
        return
    _handler.close_log()
    _handler = None
    sys.excepthook, threading.excepthook = _previous_hooks
