#!/usr/bin/env python3
"""Every view before and after a change, light and dark, compared pixel by pixel (issue 21's "Done when"):

    python scripts/compare_views.py --before /work/wt/before --out DIR [--after .] [--size 880x700]
                                    [--themes light,dark] [--views encoding,attention]
                                    [--built-ahead [after|both]]

Each tree draws in a process of its own (this file run with that tree on PYTHONPATH, on Qt's offscreen platform,
so that the same file drives an older tree too): first it lists its views and the methods each applies to, then
it draws every view both trees have (and can show) with one method both apply to, the first in the before tree's
registry, the window sized so that the view has the same size in both (built when first shown, or with
--built-ahead before, as the window builds while idle; --built-ahead after: only in the after tree), and saves the
view's widget as DIR/<tree>/<theme>/<view>.png. Then DIR/summary.md (and summary.json) says per view and theme:
identical, or the share of pixels that differ and the box around them; DIR/pairs/<theme>-<view>.png puts before,
after and the differing pixels side by side for each pair that differs. Exit status 0 when every pair is identical,
1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
TREES = ("before", "after")
MARK = np.array([255, 0, 255, 255], dtype=np.uint8)  # the differing pixels in the third panel of a pair
GAP = 8  # pixels between the panels of a pair
FIT_ATTEMPTS = 4  # window resizes to bring a view to the asked size (a panel may rewrap once)
SETTLE_MS = 100  # events handled this long after drawing: what a timer lays out later (a long page's scroll bar)


@dataclass
class Difference:
    """How two screenshots of one view differ: ``share`` of pixels (of the larger size), and the box around them
    as (left, top, right, bottom) in pixels, None when identical."""

    view: str
    theme: str
    method: str
    sizes: tuple[tuple[int, int], tuple[int, int]]
    share: float
    box: tuple[int, int, int, int] | None

    @property
    def identical(self) -> bool:
        return self.box is None


def differing(before: np.ndarray, after: np.ndarray) -> np.ndarray:
    """Where two RGBA pictures differ, on the larger of their sizes (what only one of them covers differs)."""
    height, width = max(before.shape[0], after.shape[0]), max(before.shape[1], after.shape[1])
    mask = np.ones((height, width), dtype=bool)
    common_h, common_w = min(before.shape[0], after.shape[0]), min(before.shape[1], after.shape[1])
    mask[:common_h, :common_w] = np.any(before[:common_h, :common_w] != after[:common_h, :common_w], axis=2)
    return mask


def compare(view: str, theme: str, method: str, before: np.ndarray, after: np.ndarray) -> tuple[Difference, np.ndarray]:
    mask = differing(before, after)
    rows, columns = np.nonzero(mask)
    box = None if rows.size == 0 else (int(columns.min()), int(rows.min()), int(columns.max()) + 1, int(rows.max()) + 1)
    sizes = ((before.shape[1], before.shape[0]), (after.shape[1], after.shape[0]))
    return Difference(view, theme, method, sizes, float(mask.mean()), box), mask


def side_by_side(before: np.ndarray, after: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Before, after, and the after picture greyed with its differing pixels marked, in one RGBA picture."""
    height = mask.shape[0]
    marked = np.zeros((*mask.shape, 4), dtype=np.uint8)
    marked[..., 3] = 255
    grey = after[..., :3].mean(axis=2, keepdims=True).astype(np.uint8) // 2 + 64
    marked[:after.shape[0], :after.shape[1], :3] = grey
    marked[mask] = MARK
    panels = [before, after, marked]
    width = sum(panel.shape[1] for panel in panels) + GAP * (len(panels) - 1)
    picture = np.full((height, width, 4), 128, dtype=np.uint8)
    left = 0
    for panel in panels:
        picture[:panel.shape[0], left:left + panel.shape[1]] = panel
        left += panel.shape[1] + GAP
    return picture


def read_png(path: Path) -> np.ndarray:
    from PySide6.QtGui import QImage

    image = QImage(str(path)).convertToFormat(QImage.Format_RGBA8888)
    if image.isNull():
        raise SystemExit(f"compare_views: cannot read {path}")
    rows = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(image.height(), image.bytesPerLine())
    return rows[:, :image.width() * 4].reshape(image.height(), image.width(), 4).copy()


def write_png(picture: np.ndarray, path: Path) -> None:
    from PySide6.QtGui import QImage

    picture = np.ascontiguousarray(picture)
    image = QImage(picture.data, picture.shape[1], picture.shape[0], picture.shape[1] * 4, QImage.Format_RGBA8888)
    if not image.save(str(path)):
        raise SystemExit(f"compare_views: cannot write {path}")


# -- inside a tree's own process --------------------------------------------------------------------------------
def list_views() -> dict:
    """{view key: [methods it applies to, in registry order]} of the tree on the path; views that cannot show
    here (no real model installed) are left out (an older tree's views have no ``unavailable``)."""
    from posenc_gui.app.views import VIEWS
    from posenc_gui.core import registry

    return {key: [method.name for method in registry.all_methods() if applies_to(method)]
            for key, (_title, applies_to, cls) in VIEWS.items()
            if getattr(cls, "unavailable", lambda: None)() is None}


def render(folder: Path, theme: str, size: tuple[int, int], scenes: dict[str, str], built_ahead: bool) -> None:
    """Each (view, method) of ``scenes`` drawn in one window in ``theme``, the window sized so that the view has
    ``size`` (the panel, the deck strip and the status bar around it may differ between trees); the view's widget
    saved. Every view is built when first shown, or with ``built_ahead`` before, as the window does while idle."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["compare-views"])
    from posenc_gui.app.state import Scene
    from posenc_gui.app.views import applies
    from posenc_gui.app.window import MainWindow

    window = MainWindow()
    window.resize(*size)
    window.show()
    window.set_theme(theme)
    app.processEvents()
    while built_ahead and window.warm_up_view():  # what the window builds while idle, built now
        app.processEvents()
    window.warm_up_timer.stop()  # else built on the switch; either way no timer draws between two shots
    folder.mkdir(parents=True, exist_ok=True)
    for view, method in scenes.items():
        scene = Scene(method=method, view=view).validated(applies())
        if not window.model.set_scene(scene):
            window.refresh(window.model.scene)
        for _ in range(FIT_ATTEMPTS):
            shown = window.current_view  # its ``size`` is the view's data size: the widget's is width and height
            if (shown.width(), shown.height()) == size:
                break
            window.resize(window.width() + size[0] - shown.width(), window.height() + size[1] - shown.height())
            settle(app, window)
        settle(app, window)
        if (window.current_view.width(), window.current_view.height()) != size:
            raise SystemExit(f"compare_views: cannot size view {view} to {size[0]}x{size[1]}")
        if not window.current_view.grab().save(str(folder / f"{view}.png")):
            raise SystemExit(f"compare_views: cannot write {folder / view}.png")
    window.close()


def settle(app, window) -> None:
    """Wait for the computation under way and draw what it brings, laid out again after the first painting (axes
    grown for their names) and after what timers lay out (a reference page's scroll bar ended 3 px apart in one run
    of three without the wait)."""
    from PySide6.QtTest import QTest

    finish = getattr(window, "finish_work", None) or window.runner.wait  # older trees wait on the runner
    finish()
    for _ in range(3):
        app.processEvents()
    QTest.qWait(SETTLE_MS)


# -- the driver ------------------------------------------------------------------------------------------------
def in_tree(tree: Path, *arguments: str) -> str:
    """This file's output when run with ``tree`` on the path, offscreen."""
    environment = dict(os.environ, PYTHONPATH=str(tree), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, str(Path(__file__).resolve()), *arguments], cwd=tree, env=environment,
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"compare_views: {tree} failed:\n{done.stderr[-3000:]}")
    return done.stdout


def common_scenes(listed: dict[str, dict], only: list[str] | None) -> dict[str, str]:
    """{view: method} for every view both trees show, with the first method (in the before tree's order) both apply
    it to."""
    before, after = listed["before"], listed["after"]
    scenes = {}
    for view, methods in before.items():
        if view not in after or (only and view not in only):
            continue
        shared = [method for method in methods if method in after[view]]
        if shared:
            scenes[view] = shared[0]
    return scenes


def summary_table(differences: list[Difference]) -> str:
    lines = ["| view | theme | method | result |", "|---|---|---|---|"]
    for difference in differences:
        if difference.identical:
            result = "identical"
        else:
            (bw, bh), (aw, ah) = difference.sizes
            resized = "" if (bw, bh) == (aw, ah) else f", size {bw}x{bh} -> {aw}x{ah}"
            result = f"differs: {100 * difference.share:.2f} % of pixels, box {difference.box}{resized}"
        lines.append(f"| {difference.view} | {difference.theme} | {difference.method} | {result} |")
    return "\n".join(lines) + "\n"


def drive(arguments) -> int:
    out = Path(arguments.out).resolve()
    trees = {"before": Path(arguments.before).resolve(), "after": Path(arguments.after).resolve()}
    for name, tree in trees.items():
        if not (tree / "posenc_gui").is_dir():
            print(f"compare_views: {tree} has no posenc_gui package ({name})", file=sys.stderr)
            return 2
    listed = {name: json.loads(in_tree(tree, "--list")) for name, tree in trees.items()}
    scenes = common_scenes(listed, arguments.views.split(",") if arguments.views else None)
    only_one = sorted(set(listed["before"]) ^ set(listed["after"]))
    ahead = {"none": (), "after": ("after",), "both": TREES}[arguments.built_ahead]
    for name, tree in trees.items():
        for theme in arguments.themes.split(","):
            in_tree(tree, "--render", str(out / name / theme), "--theme", theme, "--size", arguments.size,
                    "--scenes", json.dumps(scenes), *(["--built-ahead"] if name in ahead else []))
    (out / "pairs").mkdir(parents=True, exist_ok=True)
    differences = []
    for theme in arguments.themes.split(","):
        for view, method in scenes.items():
            before, after = (read_png(out / name / theme / f"{view}.png") for name in TREES)
            difference, mask = compare(view, theme, method, before, after)
            differences.append(difference)
            if not difference.identical:
                write_png(side_by_side(before, after, mask), out / "pairs" / f"{theme}-{view}.png")
    table = summary_table(differences)
    note = f"\nViews in one tree only (not compared): {', '.join(only_one) or 'none'}.\n"
    (out / "summary.md").write_text(table + note, encoding="utf-8")
    (out / "summary.json").write_text(json.dumps([asdict(difference) for difference in differences], indent=1),
                                      encoding="utf-8")
    print(table + note, end="")
    return 0 if all(difference.identical for difference in differences) else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", help="the tree before the change")
    parser.add_argument("--after", default=str(ROOT), help="the tree after it (default: this one)")
    parser.add_argument("--out", help="folder for the screenshots, pairs and summary")
    parser.add_argument("--size", default="880x700",
                        help="the view's size, WxH (default 880x700: a 1280 x 800 window's)")
    parser.add_argument("--themes", default="light,dark")
    parser.add_argument("--views", help="only these views (comma-separated keys)")
    parser.add_argument("--built-ahead", nargs="?", const="both", default="none", choices=("none", "after", "both"),
                        help="build every view first, as the window does while idle, then show them: in both trees, "
                             "or only in the after tree (with --before and --after the same tree: ahead against on "
                             "the switch)")
    parser.add_argument("--list", action="store_true", help=argparse.SUPPRESS)  # inside a tree's process
    parser.add_argument("--render", metavar="FOLDER", help=argparse.SUPPRESS)
    parser.add_argument("--theme", help=argparse.SUPPRESS)
    parser.add_argument("--scenes", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.list:
        print(json.dumps(list_views()))
        return 0
    width, _, height = arguments.size.partition("x")
    if not (width.isdigit() and height.isdigit()):
        parser.error(f"--size must be WIDTHxHEIGHT in pixels, not {arguments.size!r}")
    if arguments.render:
        render(Path(arguments.render), arguments.theme, (int(width), int(height)), json.loads(arguments.scenes),
               arguments.built_ahead != "none")
        return 0
    if not arguments.before or not arguments.out:
        parser.error("--before and --out are needed")
    return drive(arguments)


if __name__ == "__main__":
    sys.exit(main())
