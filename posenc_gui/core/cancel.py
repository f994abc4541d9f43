"""Cooperative cancellation of long work (no Qt, so the core and the file writers can use it).

The app runs a computation or an export in a worker thread under ``cancellable(event)``; long code
calls ``check()`` between its chunks, which raises ``Cancelled`` once the event is set (the user
cancelled, or a newer request made the result useless). Outside ``cancellable`` (the command line,
the GUI thread) ``check()`` does nothing.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import Callable, Iterator, TypeVar

T = TypeVar("T")


class Cancelled(Exception):
    """The work was cancelled; whatever it had made is to be thrown away."""


_current = threading.local()


@contextmanager
def cancellable(event: threading.Event) -> Iterator[None]:
    """Let ``check()`` in this thread raise ``Cancelled`` once ``event`` is set."""
    outer = getattr(_current, "event", None)
    _current.event = event
    try:
        yield
    finally:
        _current.event = outer


def carried(fn: Callable[..., T]) -> Callable[..., T]:
    """``fn``, to run in another thread (a pool's) under the cancellation of the thread calling ``carried``: a
    computation spread over threads stops in each of them."""
    event = getattr(_current, "event", None)
    if event is None:
        return fn

    def run(*args, **kwargs):
        with cancellable(event):
            return fn(*args, **kwargs)
    return run


def check() -> None:
    """Raise ``Cancelled`` when the work running in this thread has been cancelled."""
    event = getattr(_current, "event", None)
    if event is not None and event.is_set():
        raise Cancelled()


def blocks(count: int, step: int) -> Iterator[slice]:
    """Slices of ``step`` rows (the last may be shorter) covering ``count`` rows, checking for cancellation before
    each: how a table too large for one NumPy expression to be cancelled inside is made."""
    step = max(step, 1)
    for start in range(0, count, step):
        check()
        yield slice(start, start + step)
