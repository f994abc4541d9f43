"""Figures for packaging/README.md: sizes and start-up of the frozen app beside a bare PySide6 + pyqtgraph
hello-world frozen and packaged the same way (packaging/bench/). Linux only, as root for cold starts.

    python packaging/measure.py [--app /usr/bin/posenc-gui] [--runs 5]

Sizes: the one-dir (du, MB = 10^6 bytes) and the .deb (xz, as build.py makes it; the hello-world one-dir is packed
into a .deb of its own with the same dpkg-deb options).

Start-up: from process start to the first painted frame, i.e. until the app's top-level window is on screen and
Qt has drawn into at least 90 % of it. A private Xvfb keeps its framebuffer in a memory-mapped file (-fbdir) and
the root window is painted magenta, so "drawn" means "no longer magenta"; the file is polled every 5 ms.
Cold: the page cache is dropped before every start (needs root; otherwise warm starts are reported as such).
Warm: the same, without dropping. Runs alternate between app and hello-world; medians are printed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BENCH = ROOT / "build" / "bench"
HELLO_DIST = BENCH / "dist" / "hello"
APP_TITLE = "PosEnc Explorer"
HELLO_TITLE = "hello-world baseline"
MAGENTA = 0x00FF00FF
SCREEN = (1920, 1080)


def megabytes(path: Path) -> float:
    """Disk usage like ``du -s`` (allocated blocks), in MB (10^6 bytes)."""
    if path.is_file():
        return path.stat().st_size / 1e6
    return sum(p.lstat().st_blocks * 512 for p in path.rglob("*")) / 1e6


def freeze_hello() -> None:
    """Freeze packaging/bench/hello.spec with the same trimming as the app (freeze_config.py)."""
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--distpath", str(HELLO_DIST.parent),
                    "--workpath", str(BENCH / "work"), str(HERE / "bench" / "hello.spec")], check=True, capture_output=True)


def hello_deb() -> Path:
    """The hello-world one-dir in a .deb made with build.py's dpkg-deb options (xz)."""
    target = BENCH / "hello.deb"
    with tempfile.TemporaryDirectory() as tmp:
        stage = Path(tmp)
        shutil.copytree(HELLO_DIST, stage / "opt" / "hello", symlinks=True)
        (stage / "DEBIAN").mkdir()
        (stage / "DEBIAN" / "control").write_text(
            "Package: hello-baseline\nVersion: 1.0\nArchitecture: all\nMaintainer: nobody <nobody@example.org>\n"
            "Description: hello-world baseline\n", encoding="utf-8")
        subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(stage), str(target)],
                       check=True, capture_output=True)
    return target


def time_command(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


class Screen:
    """A private Xvfb whose framebuffer this process reads directly."""

    def __init__(self, display: str):
        self.display = display
        self.folder = tempfile.TemporaryDirectory()
        self.server = subprocess.Popen(
            ["Xvfb", display, "-screen", "0", f"{SCREEN[0]}x{SCREEN[1]}x24", "-fbdir", self.folder.name,
             "-nolisten", "tcp"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        framebuffer = Path(self.folder.name) / "Xvfb_screen0"
        for _ in range(500):
            if framebuffer.exists() and subprocess.run(["xsetroot", "-display", display, "-solid", "#ff00ff"],
                                                       capture_output=True).returncode == 0:
                break
            time.sleep(0.01)
        self.pixels = self._map(framebuffer)

    @staticmethod
    def _map(path: Path) -> np.ndarray:
        """The framebuffer (an XWD file: big-endian header, colour map, then 32-bit pixels) as a height x width array."""
        header = np.fromfile(path, dtype=">u4", count=25)
        header_size, width, height, bytes_per_line, ncolours = header[0], header[4], header[5], header[12], header[19]
        offset = int(header_size + 12 * ncolours)
        rows = np.memmap(path, dtype="<u4", mode="r", offset=offset, shape=(int(height), int(bytes_per_line) // 4))
        return rows[:, : int(width)]

    def window(self, title: str) -> tuple[int, int, int, int] | None:
        """x, y, width, height of the viewable top-level window whose title starts with ``title``, if any."""
        tree = subprocess.run(["xwininfo", "-display", self.display, "-root", "-tree"], capture_output=True,
                              text=True).stdout
        for line in tree.splitlines():
            if f'"{title}' in line:
                info = subprocess.run(["xwininfo", "-display", self.display, "-id", line.split()[0]],
                                      capture_output=True, text=True).stdout
                if "IsViewable" not in info:
                    continue
                fields = dict(part.strip().split(":", 1) for part in info.splitlines() if ":" in part)
                geometry = [int(fields[key]) for key in ("Absolute upper-left X", "Absolute upper-left Y", "Width",
                                                         "Height")]
                if geometry[2] > 50 and geometry[3] > 50:
                    return tuple(geometry)
        return None

    def painted_fraction(self, x: int, y: int, width: int, height: int) -> float:
        region = self.pixels[max(y, 0): y + height, max(x, 0): x + width] & 0x00FFFFFF
        return float(np.mean(region != MAGENTA)) if region.size else 0.0

    def close(self) -> None:
        self.server.terminate()
        self.server.wait()
        self.folder.cleanup()


def drop_page_cache() -> bool:
    """Empty the kernel's page cache so the next start reads its files from disk; False when not allowed."""
    try:
        subprocess.run(["sync"], check=True)
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def time_to_first_frame(screen: Screen, command: list[str], title: str, cold: bool, timeout: float = 120.0) -> float:
    """Seconds from starting ``command`` until its window titled ``title`` is at least 90 % painted."""
    if cold:
        drop_page_cache()
    env = {**os.environ, "DISPLAY": screen.display, "QT_QPA_PLATFORM": "xcb"}
    errors = tempfile.TemporaryFile()
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=errors)
    geometry = None
    try:
        while time.perf_counter() - start < timeout:
            if process.poll() is not None:
                errors.seek(0)
                raise RuntimeError(f"{command[0]} exited with {process.returncode} before painting a window:\n"
                                   + errors.read().decode(errors="replace")[-2000:])
            geometry = geometry or screen.window(title)
            if geometry and screen.painted_fraction(*geometry) >= 0.9:
                return time.perf_counter() - start
            time.sleep(0.005)
        raise TimeoutError(f"no painted window titled {title!r} after {timeout} s")
    finally:
        process.kill()
        process.wait()
        errors.close()
        time.sleep(0.2)  # let the server repaint the root before the next start


def alternating_medians(trials: dict[str, callable], runs: int) -> dict[str, float]:
    samples: dict[str, list[float]] = {name: [] for name in trials}
    for _ in range(runs):
        for name, trial in trials.items():
            samples[name].append(trial())
    return {name: statistics.median(values) for name, values in samples.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    installed = Path("/usr/bin/posenc-gui")
    parser.add_argument("--app", default=str(installed if installed.exists() else ROOT / "dist" / "posenc-gui" / "posenc-gui"),
                        help="frozen app to start (default: the installed one, else dist/posenc-gui)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--display", default=":97", help="display number for the private Xvfb")
    args = parser.parse_args()
    if not (HELLO_DIST / "hello").exists():
        freeze_hello()
    hello = str(HELLO_DIST / "hello")

    print(f"date: {time.strftime('%Y-%m-%d %H:%M %Z')}, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f},"
          f" app: {args.app}, runs: {args.runs} (medians)")
    app_dir, hello_dir = ROOT / "dist" / "posenc-gui", HELLO_DIST
    print(f"one-dir: app {megabytes(app_dir):.1f} MB, hello-world {megabytes(hello_dir):.1f} MB,"
          f" ratio {megabytes(app_dir) / megabytes(hello_dir):.2f}")
    debs = sorted((ROOT / "dist").glob("posenc-gui_*.deb"))
    if debs:
        hello_package = hello_deb()
        print(f".deb: app {megabytes(debs[-1]):.1f} MB, hello-world {megabytes(hello_package):.1f} MB,"
              f" ratio {megabytes(debs[-1]) / megabytes(hello_package):.2f}")

    versions = alternating_medians({"app": lambda: time_command([args.app, "--version"]),
                                    "hello": lambda: time_command([hello, "--version"])}, args.runs)
    print(f"--version (warm): app {versions['app']:.3f} s, hello-world {versions['hello']:.3f} s,"
          f" ratio {versions['app'] / versions['hello']:.2f}")

    cold = drop_page_cache()
    screen = Screen(args.display)
    try:
        for label, drop in (("cold", True), ("warm", False)) if cold else (("warm", False),):
            frames = alternating_medians({
                "app": lambda: time_to_first_frame(screen, [args.app], APP_TITLE, cold=drop),
                "hello": lambda: time_to_first_frame(screen, [hello], HELLO_TITLE, cold=drop),
            }, args.runs)
            print(f"start to first painted frame ({label}): app {frames['app']:.3f} s, hello-world {frames['hello']:.3f} s,"
                  f" ratio {frames['app'] / frames['hello']:.2f}")
    finally:
        screen.close()
    if not cold:
        print("(not root: the page cache could not be dropped, so there are no cold figures)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
