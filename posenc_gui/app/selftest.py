"""``posenc-gui --self-test``: open the main window on whatever platform Qt has, show every scene of a
deck (when given) and every view with every method it applies to, and check that each one drew.

A view that applies to every method and fetches the same data for each is visited once.
A step fails on an exception, an error message in the status bar, or a plot area (for a page of text,
the whole view) of a single colour. One line per failure (and per step slower than a second), then
``self-test: N steps passed, M failed``; exit status 0 only when none failed, 2 for an invalid deck or
an unusable screenshot folder.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import re
import sys
import time
import traceback
from pathlib import Path

import numpy as np
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from ..core import registry
from ..core.params import InputError
from ..files import write_text_atomic
from . import start_page, tour
from .layout_check import check_window
from .state import Deck, Scene
from .views import VIEWS, applies
from .window import MainWindow

WINDOW_SIZE = (1920, 1080)
PNG_QUALITY = 80  # light compression: a third faster to write than the default, files barely larger
SLOW_SECONDS = 1.0  # a step slower than this is named (it does not fail)
SETTLE_TURNS = 8  # event-loop turns a page may take to give back height it no longer needs (``SelfTest.settle``)


def is_blank(image: QImage) -> bool:
    """True when the image is empty or every pixel has the same colour."""
    if image.isNull() or image.width() == 0 or image.height() == 0:
        return True
    image = image.convertToFormat(QImage.Format_ARGB32)
    rows = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(image.height(), image.bytesPerLine())
    pixels = rows[:, : image.width() * 4].view(np.uint32)
    return bool(np.all(pixels == pixels[0, 0]))


def data_digest(data) -> str | None:
    """A fingerprint of a view's fetched data, or None when it cannot be taken (then never deduplicated)."""
    try:
        return hashlib.sha256(pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL)).hexdigest()
    except Exception:  # unpicklable data: treat every method as different
        return None


def method_independent(cls, key: str, methods: list) -> bool:
    """Whether the view fetches the same data for every method (a view that applies to only some
    methods shows a method's own output, so it is not)."""
    if len(methods) < len(registry.all_methods()):
        return False
    try:
        digests = {data_digest(cls.fetch(Scene(method=m.name, view=key).validated(applies()))) for m in methods}
    except InputError:
        return False  # the steps will report it
    return len(digests) == 1 and None not in digests


def plan(deck: Deck | None) -> list[tuple[str, Scene]]:
    """(step name, scene) for every deck scene, then every view with every method it applies to
    (once for a view that shows the same for every method)."""
    steps = [(f"deck-{number:02d}-{scene.view}-{scene.method}", scene)
             for number, scene in enumerate(deck.scenes if deck else (), 1)
             if VIEWS[scene.view][2].unavailable() is None]  # said once by run_self_test
    for key, (_title, applies_to, cls) in VIEWS.items():
        if cls.unavailable() is not None:
            continue  # said once by run_self_test
        methods = [method for method in registry.all_methods() if applies_to(method)]
        if method_independent(cls, key, methods):
            methods = methods[:1]
        steps += [(f"{key}-{method.name}", Scene(method=method.name, view=key).validated(applies()))
                  for method in methods]
    return steps


class SelfTest:
    """Runs the steps in one window and collects the failures."""

    def __init__(self, app: QApplication, window: MainWindow, screenshot_dir: Path | None, check_layout: bool = False):
        self.app, self.window, self.screenshot_dir = app, window, screenshot_dir
        self.exceptions: list[str] = []
        self.check_layout = check_layout
        self.layout_steps: list[dict] = []  # with check_layout: one entry a step (see ``layout_entry``)

    def _excepthook(self, kind, value, trace) -> None:
        self.exceptions.append("".join(traceback.format_exception_only(kind, value)).strip().splitlines()[-1])

    def step(self, number: int, name: str, scene: Scene) -> str | None:
        """Show ``scene``; None when it drew, else what went wrong."""
        window = self.window
        self.exceptions.clear()
        window.error_label.setText("")
        try:
            deck_index = next((i for i, shown in enumerate(window.deck.scenes) if shown is scene), None)
            if deck_index is not None:  # as the lecturer steps to it: the deck strip says "scene N of M"
                unchanged = scene == window.model.scene
                window.go_to_scene(deck_index)
                if unchanged:
                    window.refresh(window.model.scene)
            elif not window.model.set_scene(scene):
                window.refresh(window.model.scene)
            window.finish_work()
            self.app.processEvents()
            view = window.current_view
            if self.exceptions:
                return self.exceptions[0]
            if window.error_label.text():
                return window.error_label.text()
            if window.model.scene.view != scene.view:
                return f"showed view {window.model.scene.view!r} instead"
            shot = window.grab()  # one rendering for both the check and the screenshot
            if self.check_layout:  # what the first painting changed laid out (axes that found their names wider): the
                self.app.processEvents()  # layout that stays on screen is checked, not the first frame's
                self.settle(view)
                shot = window.grab()
            drawn = view.graphics if view.graphics.isVisible() else view  # a text page hides its plot area
            corner, ratio = drawn.mapTo(window, QPoint(0, 0)), shot.devicePixelRatio()
            area = QRect(round(corner.x() * ratio), round(corner.y() * ratio), round(drawn.width() * ratio),
                         round(drawn.height() * ratio))
            if is_blank(shot.copy(area).toImage()):
                return "the view is blank (a single colour)"
            if self.check_layout:
                self.layout_steps.append(layout_entry(name, window))
            if self.screenshot_dir is not None:
                path = self.screenshot_dir / f"{number:03d}-{re.sub(r'[^A-Za-z0-9_.-]', '_', name)}.png"
                if not shot.save(str(path), "PNG", PNG_QUALITY):
                    return f"could not save {path}"
        except Exception as error:  # the self-test reports every failure and carries on
            return f"{type(error).__name__}: {error}"
        return None

    def check_start_and_tour(self) -> int:
        """Lay out the start page and each step of the guided tour at the window's size and look, check them (and
        save their screenshots); returns how many have layout problems."""
        window, entries, shots = self.window, [], []
        page = start_page.StartPage(window)
        page.show()
        self.app.processEvents()
        entries.append(layout_entry("start-page", page))
        shots.append(page.grab())
        page.close()
        guided = tour.start(window)
        for index, step in enumerate(guided.steps):
            guided.go_to(index)
            self.app.processEvents()
            entries.append(layout_entry(f"tour-{index + 1}-{step.name}", window, guided.bubble))
            shots.append(window.grab())
        guided.end()
        self.app.processEvents()
        self.layout_steps += entries
        for entry, shot in zip(entries, shots):
            if entry["problems"]:
                print(f"FAIL {entry['name']}: {len(entry['problems'])} layout problems, the first: "
                      f"{entry['problems'][0]}", flush=True)
            if self.screenshot_dir is not None:
                shot.save(str(self.screenshot_dir / f"{entry['name']}.png"), "PNG", PNG_QUALITY)
        return sum(1 for entry in entries if entry["problems"])

    def settle(self, view) -> None:
        """Turn the event loop until ``view``'s page keeps its height (a few turns at most): a page that needs less
        height than the last view left it gives it back over a few layout passes (the plots' smallest height, then the
        page, then the plots laid out in it), and the check looked after the first (attention-drope after sinks
        'scrolls 196 px more than its contents need', 20 ms before it did not)."""
        for _turn in range(SETTLE_TURNS):
            before = view.page.height(), view.graphics.minimumHeight()
            self.app.processEvents()
            if (view.page.height(), view.graphics.minimumHeight()) == before:
                return

    def run(self, steps: list[tuple[str, Scene]]) -> int:
        failed = 0
        previous_hook, sys.excepthook = sys.excepthook, self._excepthook  # exceptions raised inside slots
        try:
            for number, (name, scene) in enumerate(steps, 1):
                started, entries = time.perf_counter(), len(self.layout_steps)
                problem = self.step(number, name, scene)
                seconds = time.perf_counter() - started
                if problem is not None and self.check_layout and len(self.layout_steps) == entries:
                    # a step that failed stays in the layout report, so that a run over many configurations
                    # (scripts/layout_matrix.py) counts it rather than a report a step shorter
                    self.layout_steps.append({"name": name, "texts_checked": 0, "plots_checked": 0,
                                              "problems": [f"the step failed: {problem}"]})
                if problem is None and self.layout_steps and self.layout_steps[-1]["problems"]:
                    problem = f"{len(self.layout_steps[-1]['problems'])} layout problems, the first: " \
                              f"{self.layout_steps[-1]['problems'][0]}"
                if problem is not None:
                    failed += 1
                    print(f"FAIL {name}: {problem}", flush=True)
                elif seconds > SLOW_SECONDS:
                    print(f"slow {name}: {seconds:.1f} s to draw (the window does not respond meanwhile)", flush=True)
        finally:
            sys.excepthook = previous_hook
        print(f"self-test: {len(steps) - failed} steps passed, {failed} failed", flush=True)
        return 0 if failed == 0 else 1


def layout_entry(name: str, window, part=None) -> dict:
    """One step of the layout report: what was measured and what is wrong, from Qt's geometry (in ``part`` of the
    window only, when given); for a view, also how far its page scrolls (``scroll``, px below the fold): presenting,
    what the hall cannot see, as the audience cannot scroll (not a problem in itself: windowed, a page may scroll)."""
    report = check_window(window, part)
    entry = {"name": name, "texts_checked": report.texts_checked, "plots_checked": report.plots_checked,
             "problems": report.problems}
    if part is None and isinstance(window, MainWindow):
        entry["scroll"] = window.current_view.scroll.verticalScrollBar().maximum()
    return entry


def logical_size(device_size: tuple[int, int], pixel_ratio: float) -> QSize:
    """``--screen`` names device pixels; a window is sized in logical ones: half as many each way at device pixel
    ratio 2, as QT_SCALE_FACTOR=2 makes of a 3840 x 2160 screen (a 4K projector)."""
    return QSize(round(device_size[0] / pixel_ratio), round(device_size[1] / pixel_ratio))


def run_self_test(app: QApplication, deck_path: str | None = None, screenshot_dir: str | None = None,
                  language: str = "en", layout_report: str | None = None, presenting: bool = False,
                  window_size: tuple[int, int] = WINDOW_SIZE, text_scale: float = 1.0, theme: str | None = None) -> int:
    """Run every step; with ``layout_report``, also check each step's layout (``layout_check``), then the start
    page's and each tour step's (not while presenting, where neither shows), and write the findings there as JSON
    (a list ``steps``). A layout problem fails its step."""
    deck = None
    folder = None
    try:
        if layout_report:
            report_path = Path(layout_report)
            if not report_path.parent.is_dir():
                raise InputError("cannot write {0}: its folder does not exist", layout_report)
        if deck_path:
            deck = Deck.load(deck_path, views=applies())
        if screenshot_dir:
            folder = Path(screenshot_dir)
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise InputError("cannot create {0}: {1}", str(folder), str(error.strerror or error)) from None
    except InputError as error:
        print(f"posenc-gui: error: {error}", file=sys.stderr)
        return 2
    window = MainWindow(language=language)
    window.resize(logical_size(window_size, window.screen().devicePixelRatio()))
    window.show()
    if theme is not None:
        window.set_theme(theme)
    if text_scale != 1.0:
        window.set_text_scale(text_scale)
    if presenting:
        window.set_presenting(True)
    if deck is not None:
        window.set_deck(deck)
    app.processEvents()
    for key, (_title, _applies, cls) in VIEWS.items():
        if cls.unavailable() is not None:
            print(f"skipped {key}: {cls.unavailable()}", flush=True)
    test = SelfTest(app, window, folder, check_layout=layout_report is not None)
    try:
        status = test.run(plan(deck))
        if layout_report and not presenting and test.check_start_and_tour():  # neither shows while presenting
            status = 1
    finally:
        window.close()
    if layout_report:
        summary = {"screen": list(window_size), "window": [window.width(), window.height()],
                   "device_pixel_ratio": window.devicePixelRatioF(), "presenting": presenting, "text_scale": text_scale,
                   "theme": window.theme.name, "language": language, "steps": test.layout_steps}
        try:
            write_text_atomic(layout_report, json.dumps(summary, ensure_ascii=False, indent=1) + "\n")
        except InputError as error:
            print(f"posenc-gui: error: {error}", file=sys.stderr)
            return 2
        problems = sum(len(step["problems"]) for step in test.layout_steps)
        print(f"layout: {problems} problems in {len(test.layout_steps)} steps, report in {layout_report}", flush=True)
    return status
