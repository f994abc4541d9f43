"""Runs view fetches off the GUI thread for large requests: the newest request wins, a finished
result that is no longer the newest is dropped, and at most one job runs at a time (the latest
waiting request starts when it ends), so dragging a slider never queues up stale work."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from ..core.params import InputError
from .state import error_text


class _Job(QRunnable):
    def __init__(self, request: int, fn: Callable[[], object], done: Signal):
        super().__init__()
        self.request, self.fn, self.done = request, fn, done
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result, error = self.fn(), ""
        except InputError as exc:
            result, error = None, error_text(exc)  # in the interface language
        except MemoryError:
            result, error = None, "not enough memory for this size; make it smaller"
        except Exception as exc:  # a bug must not leave the runner stuck mid-lecture
            result, error = None, f"internal error: {type(exc).__name__}: {exc}"
        self.done.emit(self.request, result, error)


class LatestRunner(QObject):
    """``submit(fn, on_result)``: run ``fn`` in a worker; call ``on_result(result)`` on the GUI thread
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
        self._waiting: tuple | None = None
        self._done.connect(self._finished)

    def submit(self, fn: Callable[[], object], tag: object) -> int:
        """Queue ``fn``; ``tag`` comes back with the result. Returns the request id."""
        self.latest += 1
        self._waiting = (self.latest, fn, tag)
        if not self.running:
            self._start_waiting()
        return self.latest

    def cancel(self) -> None:
        """Forget every request made so far (a synchronous result superseded them)."""
        self.latest += 1
        self._waiting = None

    def _start_waiting(self) -> None:
        request, fn, tag = self._waiting
        self._waiting = None
        self.running = True
        self.busy.emit(True)
        self.pool.start(_Job(request, lambda: (tag, fn()), self._done))

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
        return self.pool.waitForDone(msecs)
