"""Soak testing: many random scene changes driven through a ``StateModel`` (normally a real
``MainWindow``'s), with the event loop turning after each change, an event-loop stall watchdog and
resident-memory readings. ``tests/test_soak.py`` runs a short soak, ``benchmarks/bench_soak.py``
the full one."""

from __future__ import annotations

import math
import os
import random
import sys
import threading
import time
import traceback
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Collection

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from posenc_gui.core import registry
from posenc_gui.core.params import Param
from posenc_gui.app.state import MAX_CURVES, StateModel

WORDS = ("the", "cat", "chases", "a", "mouse", "over", "old", "wall", "while", "dog", "sleeps",
         "猫", "追", "老鼠", "quickly", "and", "then", "runs", "home", "again")


SLOW_CHANGE_MS = 50  # the stall target: a change and its redraw should take less
# Qt's offscreen platform (soaks run on it) notes that it cannot size windows by their hints: not a fault
HARMLESS_QT_MESSAGES = ("This plugin does not support propagateSizeHints",)


def resident_bytes() -> int:
    """This process's resident memory now, in bytes (peak resident size where /proc is missing)."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak if sys.platform == "darwin" else peak * 1024


def turn_event_loop(app: QApplication) -> None:
    """Handle every pending event, as one turn of ``app.exec()`` would, deferred deletions included:
    ``processEvents`` called outside ``exec()`` never runs them, so objects the window hands to
    ``deleteLater`` (old panels, Qt's dock animations) would pile up in a soak but not in the app."""
    app.processEvents()
    app.sendPostedEvents(None, QEvent.DeferredDelete)


def idle_first(window) -> None:
    """Build ahead at once what ``window`` builds while idle after start (``warm_up_view`` until nothing is
    left): a lecture starts after a minute of talk, a soak at once and never idles."""
    while window.warm_up_view():
        turn_event_loop(QApplication.instance())
    window.warm_up_timer.stop()


class StallWatchdog(QObject):
    """Ticks a timer every ``interval_ms`` on the GUI thread and records the longest gap between
    two ticks: the longest time the event loop could not answer (a stall)."""

    def __init__(self, interval_ms: int = 5, parent=None):
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)
        self.clock = QElapsedTimer()
        self.longest_ms = 0.0

    def start(self) -> None:
        self.longest_ms = 0.0
        self.clock.start()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _tick(self) -> None:
        gap = self.clock.nsecsElapsed() / 1e6
        self.clock.restart()
        self.longest_ms = max(self.longest_ms, gap)


def modest_value(rng: random.Random, param: Param, scale: float):
    """A random valid value of ``param`` no larger than about ``scale`` times its default."""
    if param.kind == "bool":
        return rng.random() < 0.5
    if param.kind == "choice":
        return rng.choice(param.choices)
    low = param.minimum
    high = param.maximum
    if param.default:
        high = min(high, max(abs(param.default) * scale, low + 8))
    if param.kind == "int":
        return rng.randint(int(low), int(high))
    if low > 0:
        value = math.exp(rng.uniform(math.log(low), math.log(high)))
    else:
        value = rng.uniform(low, high)
    return min(max(float(f"{value:.4g}"), low), high)


def random_change(rng: random.Random, model: StateModel, scale: float = 2.0,
                  view_keys: Collection[str] | None = None) -> str:
    """Make one random change through ``model`` (a method, a parameter, a view among ``view_keys``
    (default: all) or a selection); return what kind of change it was. Some changes are refused by
    the model's validation (the model then emits ``error``), as a user's would be."""
    scene = model.scene

    def views_for(method) -> list[str]:
        return [key for key, applies in (model.views or {}).items()
                if applies(method) and (view_keys is None or key in view_keys)]

    roll = rng.random()
    if roll < 0.1:
        method = rng.choice([m for m in registry.all_methods() if views_for(m) or not model.views])
        views = views_for(method)
        model.set_method(method.name, rng.choice(views) if views else None)
        return "method"
    if roll < 0.55:
        param = rng.choice(model.method.params)
        model.set_param(param.name, modest_value(rng, param, scale))
        return "param"
    if roll < 0.65 and views_for(model.method):
        model.set_view(rng.choice(views_for(model.method)))
        return "view"
    length = int(scene.params.get("seq_len", 64))
    width = int(scene.params.get("d_model", 64))
    heads = int(scene.params.get("heads", 4))
    choice = rng.randrange(5)
    if choice == 0:
        model.update(position=rng.randrange(max(length, 1)))
    elif choice == 1:
        model.update(dims=tuple(rng.sample(range(width), min(width, rng.randint(0, MAX_CURVES // 2)))))
    elif choice == 2:
        model.update(head=rng.choice(["all", rng.randrange(heads)]))
    elif choice == 3:
        model.update(text=" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 12))))
    else:
        field_name = rng.choice(["causal", "position_only"])
        model.update(**{field_name: not getattr(scene, field_name)})
    return "selection"


@dataclass
class SoakResult:
    """What a soak measured. ``memory`` holds (change number, resident bytes) samples;
    ``slowest_by_view`` the longest change (the change and the redraw it caused) seen in each view;
    ``longest_stall_warm_ms`` the longest stall from change ``warm_from`` on (every view built by then)
    and ``slow_changes`` how many changes from then on took longer than ``SLOW_CHANGE_MS``."""

    changes: int
    seconds: float
    longest_stall_ms: float
    memory: list[tuple[int, int]] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)
    qt_warnings: list[str] = field(default_factory=list)  # Qt's warnings (a layout misused, say), first 20
    python_warnings: list[str] = field(default_factory=list)  # NumPy's and others' (a NaN computed, say), first 20
    refused: int = 0
    slowest_by_view: dict[str, float] = field(default_factory=dict)  # view -> longest change + redraw, ms
    warm_from: int = 0
    longest_stall_warm_ms: float = 0.0
    slow_changes: int = 0  # changes (with their redraw) from ``warm_from`` on that took over SLOW_CHANGE_MS

    @property
    def changes_per_second(self) -> float:
        return self.changes / self.seconds if self.seconds else float("inf")

    def memory_growth(self, from_change: int) -> int:
        """Resident bytes gained from the sample at or after ``from_change`` to the last sample."""
        start = next(rss for number, rss in self.memory if number >= from_change)
        return self.memory[-1][1] - start


def _where(kind, value, tb, scene) -> str:
    """One line for a recorded exception: type, message, the innermost frame, the innermost of the app's own
    frames (a library's frame alone does not say which call went wrong) and the scene's method and view."""
    frames = traceback.extract_tb(tb)
    place = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
    ours = [frame for frame in frames if "posenc_gui" in Path(frame.filename).parts]
    if ours and ours[-1] is not frames[-1]:
        place += f" from {Path(ours[-1].filename).name}:{ours[-1].lineno}"
    return f"{kind.__name__}: {value}{place} ({scene.method}, {scene.view})"


def run_soak(model: StateModel, changes: int, seed: int = 0, scale: float = 2.0,
             view_keys: Collection[str] | None = None, max_seconds: float | None = None,
             sample_every: int = 100, progress=None, warm_from: int = 1_000) -> SoakResult:
    """Drive ``changes`` random changes through ``model``, turning the event loop after each one
    (so the window redraws), with a stall watchdog running. Uncaught exceptions (from slots,
    paint events, worker threads) and Qt's warnings are recorded, not raised; the hooks are restored afterwards.
    ``view_keys`` limits the views visited (default: all); ``max_seconds`` stops the soak early
    (``result.changes`` says how far it got); ``progress(number, result)`` is called at every
    memory sample when given. Stalls are also recorded from change ``warm_from`` on, when the views
    have been built (the window builds them ahead while idle; a soak never is)."""
    app = QApplication.instance()
    rng = random.Random(seed)
    exceptions: list[str] = []
    refusals = 0

    def refused(_message: str) -> None:
        nonlocal refusals
        refusals += 1

    model.error.connect(refused)
    old_hook, old_thread_hook = sys.excepthook, threading.excepthook
    sys.excepthook = lambda kind, value, tb: exceptions.append(_where(kind, value, tb, model.scene))
    threading.excepthook = lambda args: exceptions.append(
        _where(args.exc_type, args.exc_value, args.exc_traceback, model.scene))
    qt_warnings: list[str] = []
    python_warnings: list[str] = []

    def qt_message(kind, _context, message: str) -> None:
        if kind not in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg) and len(qt_warnings) < 20 \
                and not message.startswith(HARMLESS_QT_MESSAGES):
            qt_warnings.append(message)

    def python_warning(message, category, filename, lineno, _file=None, _line=None) -> None:
        scene = model.scene
        text = f"{category.__name__}: {message} at {Path(filename).name}:{lineno} ({scene.method}, {scene.view})"
        if len(python_warnings) < 20 and text not in python_warnings:
            python_warnings.append(text)

    old_qt_handler = qInstallMessageHandler(qt_message)
    watchdog = StallWatchdog()
    result = SoakResult(changes, 0.0, 0.0, exceptions=exceptions, qt_warnings=qt_warnings,
                        python_warnings=python_warnings, warm_from=warm_from)
    stall_before_warm = 0.0
    start = time.perf_counter()
    watchdog.start()
    with warnings.catch_warnings():  # each distinct warning recorded, not printed once per process
        warnings.simplefilter("always")
        warnings.showwarning = python_warning
        try:
            for number in range(1, changes + 1):
                if number == warm_from:
                    stall_before_warm, watchdog.longest_ms = watchdog.longest_ms, 0.0
                began = time.perf_counter()
                random_change(rng, model, scale, view_keys)
                turn_event_loop(app)
                took = (time.perf_counter() - began) * 1e3
                view = model.scene.view or ""
                if took > result.slowest_by_view.get(view, 0.0):
                    result.slowest_by_view[view] = took
                if number >= warm_from and took > SLOW_CHANGE_MS:
                    result.slow_changes += 1
                out_of_time = max_seconds is not None and time.perf_counter() - start > max_seconds
                if number % sample_every == 0 or number == changes or out_of_time:
                    result.changes = number
                    result.memory.append((number, resident_bytes()))
                    result.longest_stall_ms = max(stall_before_warm, watchdog.longest_ms)
                    result.longest_stall_warm_ms = watchdog.longest_ms if number >= warm_from else 0.0
                    if progress is not None:
                        progress(number, result)
                if out_of_time:
                    break
        finally:
            watchdog.stop()
            result.seconds = time.perf_counter() - start
            result.longest_stall_ms = max(stall_before_warm, watchdog.longest_ms)
            result.longest_stall_warm_ms = watchdog.longest_ms if result.changes >= warm_from else 0.0
            result.refused = refusals
            model.error.disconnect(refused)
            sys.excepthook, threading.excepthook = old_hook, old_thread_hook
            qInstallMessageHandler(old_qt_handler)
    return result
