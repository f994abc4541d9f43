"""Long work off the GUI thread.

``LatestRunner`` runs view fetches for large requests: the newest request wins, a finished result that is
no longer the newest is dropped, and at most one job runs at a time (the latest waiting request starts when
it ends), so dragging a slider never queues up stale work. A job made stale is told so through
``core.cancel``: a computation that checks between its chunks stops early, and the newest starts sooner.

``run_with_progress`` runs one piece of work (an export) in a worker while the GUI thread keeps turning,
with a progress dialog whose Cancel stops it at its next ``core.cancel.check()``.
"""

from __future__ import annotations

import threading
from typing import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ..core import cancel
from ..core.params import InputError
from .state import error_text

PROGRESS_AFTER_MS = 400  # work that ends sooner shows no dialog (it would only flash)


class _Job(QRunnable):
    def __init__(self, request: int, fn: Callable[[], object], done: Signal, stop: threading.Event):
        super().__init__()
        self.request, self.fn, self.done, self.stop = request, fn, done, stop
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            with cancel.cancellable(self.stop):
                result, error = self.fn(), ""
        except cancel.Cancelled:
            result, error = None, ""  # stale: the runner drops it
        except InputError as exc:
            result, error = None, error_text(exc)  # in the interface language
        except MemoryError:
            result, error = None, "not enough memory for this size; make it smaller"
        except Exception as exc:  # a bug must not leave the runner stuck mid-lecture
            result, error = None, f"internal error: {type(exc).__name__}: {exc}"
        try:
            self.done.emit(self.request, result, error)
        except RuntimeError:  # the window closed meanwhile: nobody waits for the result
            pass


class LatestRunner(QObject):
    """``submit(fn, tag)``: run ``fn`` in a worker; call ``on_result(tag, result)`` on the GUI thread
    if no newer request came in meanwhile, or ``on_error(message)`` for an InputError."""

    _done = Signal(int, object, str)
    busy = Signal(bool)

    def __init__(self, on_result: Callable[[object, object], None], on_error: Callable[[str], None],
                 parent=None):
        super().__init__(parent)
        self.on_result, self.on_error = on_result, on_error
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.latest = 0
        self.running = False
        self._stop = threading.Event()  # set: the running job is stale
        self._waiting: tuple | None = None
        self._done.connect(self._finished)

    def submit(self, fn: Callable[[], object], tag: object) -> int:
        """Queue ``fn``; ``tag`` comes back with the result. Returns the request id."""
        self.latest += 1
        self._stop.set()
        self._waiting = (self.latest, fn, tag)
        if not self.running:
            self._start_waiting()
        return self.latest

    def cancel(self) -> None:
        """Forget every request made so far (a synchronous result superseded them)."""
        self.latest += 1
        self._waiting = None
        self._stop.set()

    def _start_waiting(self) -> None:
        request, fn, tag = self._waiting
        self._waiting = None
        self.running = True
        self._stop = threading.Event()
        self.busy.emit(True)
        self.pool.start(_Job(request, lambda: (tag, fn()), self._done, self._stop))

    def _finished(self, request: int, result, error: str) -> None:
        self.running = False
        if self._waiting is not None:
            self._start_waiting()
        else:
            self.busy.emit(False)
        if request != self.latest:
            return  # stale
        if error:
            self.on_error(error)
        else:
            tag, data = result
            self.on_result(tag, data)

    def wait(self, msecs: int = -1) -> bool:
        """Wait for the running job; True when it ended (its result is delivered at the next turn of the event loop)."""
        return self.pool.waitForDone(msecs)

    def finish(self) -> None:
        """Wait until every request has run and deliver the newest result now (the self-test and the soak
        check what a change drew)."""
        while self.running:
            self.pool.waitForDone()
            QCoreApplication.sendPostedEvents(self, QEvent.MetaCall)


class _Outcome(QObject):
    ended = Signal(object, object)  # result, exception (None when it succeeded)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], object], outcome: _Outcome, stop: threading.Event):
        super().__init__()
        self.fn, self.outcome, self.stop = fn, outcome, stop
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            with cancel.cancellable(self.stop):
                result, failure = self.fn(), None
        except BaseException as exc:  # handed to the GUI thread, which raises it there
            result, failure = None, exc
        self.outcome.ended.emit(result, failure)


def run_with_progress(parent: QWidget, label: str, fn: Callable[[], object]):
    """Run ``fn`` in a worker thread and return its result; the GUI thread keeps handling events meanwhile.
    After ``PROGRESS_AFTER_MS`` a modal dialog shows ``label`` with Cancel, which stops ``fn`` at its next
    ``core.cancel.check()`` and makes this raise ``cancel.Cancelled``; ``fn``'s own exceptions are raised
    here, on the GUI thread."""
    stop = threading.Event()
    outcome = _Outcome()
    loop = QEventLoop()
    ended: list = []

    def on_ended(result, failure) -> None:
        ended.append((result, failure))
        loop.quit()

    outcome.ended.connect(on_ended, Qt.QueuedConnection)
    dialog = QProgressDialog(parent)  # its Cancel button in Qt's own words
    dialog.setLabelText(label)
    dialog.setRange(0, 0)  # busy: how far a write has come is not known
    dialog.setWindowModality(Qt.WindowModal)
    dialog.canceled.connect(stop.set)
    dialog.hide()  # until the work has taken PROGRESS_AFTER_MS (the dialog's own delay waits for a first value)
    QTimer.singleShot(PROGRESS_AFTER_MS, dialog, lambda: ended or stop.is_set() or dialog.show())
    QThreadPool.globalInstance().start(_Task(fn, outcome, stop))
    try:
        loop.exec()
    finally:
        dialog.canceled.disconnect()
        dialog.close()
        dialog.deleteLater()
    result, failure = ended[0]
    if failure is not None:
        raise failure
    return result  # done before a late Cancel took effect
