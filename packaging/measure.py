"""Figures for packaging/README.md: bundle and installer sizes, and start-up times beside a bare PySide6 +
pyqtgraph hello-world frozen the same way (packaging/bench/hello.spec). Linux only (Xvfb + xwininfo).

    python packaging/measure.py [--app /usr/bin/posenc-gui] [--runs 7]

Start to window: from process start until its top-level window is mapped and viewable on a private Xvfb
(xwininfo polled every 10 ms), then the process is killed. Runs are interleaved and the first of each is
discarded (it warms the page cache), so these are warm starts; the medians are printed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
HELLO_DIST = ROOT / "build" / "bench" / "dist" / "hello"
APP_TITLE = "PosEnc Explorer"
HELLO_TITLE = "hello-world baseline"


def megabytes(path: Path) -> float:
    """Disk usage like ``du -s`` (allocated blocks), in MB (10^6 bytes)."""
    if path.is_file():
        return path.stat().st_size / 1e6
    return sum(p.lstat().st_blocks * 512 for p in path.rglob("*")) / 1e6


def freeze_hello() -> None:
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--distpath", str(HELLO_DIST.parent),
                    "--workpath", str(ROOT / "build" / "bench" / "work"), str(HERE / "bench" / "hello.spec")],
                   check=True, capture_output=True)


def time_command(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def window_is_viewable(display: str, title: str) -> bool:
    tree = subprocess.run(["xwininfo", "-display", display, "-root", "-tree"], capture_output=True, text=True).stdout
    for line in tree.splitlines():
        if f'"{title}' in line:
            window = line.split()[0]
            info = subprocess.run(["xwininfo", "-display", display, "-id", window], capture_output=True, text=True).stdout
            if "IsViewable" in info:
                return True
    return False


def time_to_window(command: list[str], title: str, display: str, timeout: float = 60.0) -> float:
    """Seconds from starting ``command`` until a window whose title starts with ``title`` is viewable."""
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while time.perf_counter() - start < timeout:
            if window_is_viewable(display, title):
                return time.perf_counter() - start
            if process.poll() is not None:
                raise RuntimeError(f"{command[0]} exited with {process.returncode} before showing a window")
            time.sleep(0.01)
        raise TimeoutError(f"no window titled {title!r} after {timeout} s")
    finally:
        process.kill()
        process.wait()


def interleaved_medians(trials: dict[str, callable], runs: int) -> dict[str, float]:
    samples: dict[str, list[float]] = {name: [] for name in trials}
    for run in range(runs + 1):
        for name, trial in trials.items():
            value = trial()
            if run:  # the first round only warms the cache
                samples[name].append(value)
    return {name: statistics.median(values) for name, values in samples.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app", default=str(ROOT / "dist" / "posenc-gui" / "posenc-gui"), help="frozen app to start")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--display", default=":97", help="display number for the private Xvfb")
    args = parser.parse_args()
    if not (HELLO_DIST / "hello").exists():
        freeze_hello()

    print(f"date: {time.strftime('%Y-%m-%d %H:%M %Z')}, {os.cpu_count()} CPUs, runs: {args.runs} (+1 warm-up, medians)")
    print(f"one-dir dist/posenc-gui: {megabytes(ROOT / 'dist' / 'posenc-gui'):.1f} MB;"
          f" hello-world one-dir: {megabytes(HELLO_DIST):.1f} MB")
    for package in sorted((ROOT / "dist").glob("posenc-gui*.*")):
        print(f"{package.name}: {megabytes(package):.1f} MB")

    versions = interleaved_medians({
        "frozen": lambda: time_command([args.app, "--version"]),
        "python -m": lambda: time_command([sys.executable, "-m", "posenc_gui", "--version"]),
    }, args.runs)
    print(f"--version: frozen {versions['frozen']:.3f} s, python -m posenc_gui {versions['python -m']:.3f} s,"
          f" ratio frozen/python {versions['frozen'] / versions['python -m']:.2f}")

    xvfb = subprocess.Popen(["Xvfb", args.display, "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(1.0)
        windows = interleaved_medians({
            "app": lambda: time_to_window([args.app], APP_TITLE, args.display),
            "hello": lambda: time_to_window([str(HELLO_DIST / "hello")], HELLO_TITLE, args.display),
        }, args.runs)
    finally:
        xvfb.terminate()
        xvfb.wait()
    print(f"start to window: app {windows['app']:.3f} s, hello-world {windows['hello']:.3f} s,"
          f" ratio app/hello {windows['app'] / windows['hello']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
