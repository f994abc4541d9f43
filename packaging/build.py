"""One command from a checkout to installers: freeze with PyInstaller into dist/posenc-gui/, check the frozen
app, then build this system's installers (Linux: .tar.gz and .deb; Windows: NSIS setup; macOS: .app in a .dmg).

    python packaging/build.py                    # in an environment with posenc-gui and pyinstaller installed
    python3 packaging/build.py --venv build/pkgvenv   # creates that environment first (only PySide6-Essentials)
    python packaging/build.py --dry-run          # list the steps for this system and stop

`make package` runs the second form. --dist and --work put the outputs and the scratch files elsewhere (the
packaging test builds into a temporary folder so that it never touches a developer's dist/).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from datetime import date
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DIST = ROOT / "dist"
BUILD = ROOT / "build"
BUNDLE = DIST / "posenc-gui"
ICONS = ROOT / "resources" / "icons"
APP_ID = "io.github.posenc_gui.PosEncExplorer"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
MAINTAINER = "PosEnc Explorer developers <posenc-gui@users.noreply.github.com>"
# Needed at run time but invisible to dpkg-shlibdeps: a CJK font, without which Chinese text shows as boxes.
EXTRA_DEPENDS = ("fonts-noto-cjk",)
# The real models' package (arch all, built by the models_deb step): recommended, so that apt installs it with the
# app by default while the app still installs and runs without it (the real-model views then say how to get it).
MODELS_PACKAGE = "posenc-gui-models"
SYSTEM_MODELS = Path("usr/share/posenc-gui/models")  # the system folder the app searches after the user's


def run(*command: object, **kwargs) -> subprocess.CompletedProcess:
    """Run a command, echoing it, and stop the build if it fails."""
    print("+", " ".join(str(part) for part in command), flush=True)
    return subprocess.run([str(part) for part in command], check=True, **kwargs)


def app_version() -> str:
    return metadata.version("posenc-gui")


def frozen_command() -> Path:
    """The frozen executable to check: on Windows the console twin (the GUI one has no console), on macOS the one
    inside the .app that the .dmg ships."""
    if sys.platform == "win32":
        return BUNDLE / "posenc-gui-cli.exe"
    if sys.platform == "darwin":
        return DIST / "PosEnc Explorer.app" / "Contents" / "MacOS" / "posenc-gui"
    return BUNDLE / "posenc-gui"


def deb_arch() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True, check=True).stdout.strip()


def freeze() -> None:
    """Freeze with PyInstaller from packaging/posenc-gui.spec into dist/posenc-gui/ (one-dir)."""
    run(sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--distpath", DIST,
        "--workpath", BUILD / "pyinstaller", HERE / "posenc-gui.spec")


def check() -> None:
    """Run the frozen app: --version, a headless export, --self-test offscreen and (Linux) under Xvfb with xcb."""
    exe = frozen_command()
    run(exe, "--version")
    with tempfile.TemporaryDirectory() as tmp:
        run(exe, "export", "slopes", "--heads", "8", "--out", Path(tmp) / "slopes.npy")
    run(exe, "--self-test", env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    if sys.platform.startswith("linux"):
        run("xvfb-run", "-a", "-s", "-screen 0 1920x1080x24", exe, "--self-test",
            env={**os.environ, "QT_QPA_PLATFORM": "xcb"})


def tarball() -> None:
    """Pack dist/posenc-gui/ as dist/posenc-gui-VERSION-linux-ARCH.tar.gz."""
    target = DIST / f"posenc-gui-{app_version()}-linux-{platform.machine()}.tar.gz"
    with tarfile.open(target, "w:gz") as archive:
        archive.add(BUNDLE, arcname=f"posenc-gui-{app_version()}")
    print(target)


def shlib_depends(bundle: Path) -> str:
    """Debian Depends for the system libraries the bundle's ELF files need (dpkg-shlibdeps; the bundled ones are
    private and resolved inside the bundle)."""
    elf_files = sorted(p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()
                       and p.open("rb").read(4) == b"\x7fELF")
    private_dirs = sorted({str(p.parent) for p in elf_files})
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "debian").mkdir()
        (Path(tmp) / "debian" / "control").write_text("Source: posenc-gui\n\nPackage: posenc-gui\nArchitecture: any\n")
        result = subprocess.run(
            ["dpkg-shlibdeps", "-O", "--ignore-missing-info", "--warnings=0",
             *(f"-l{d}" for d in private_dirs), *(f"-e{p}" for p in elf_files)],
            cwd=tmp, capture_output=True, text=True)
    if result.returncode:
        errors = [line for line in result.stderr.splitlines() if "error:" in line]
        raise SystemExit("dpkg-shlibdeps failed (install the missing system libraries, see scripts/dev.py):\n"
                         + "\n".join(sorted(set(errors))))
    line = next(l for l in result.stdout.splitlines() if l.startswith("shlibs:Depends="))
    return line.split("=", 1)[1]


def debian_copyright() -> str:
    """The Debian copyright file: the app's MIT licence, then the table of bundled components."""
    sys.path.insert(0, str(HERE))
    from third_party import summary

    return ("PosEnc Explorer\nSource: https://github.com/posenc-gui/posenc-gui\n\n"
            + (ROOT / "LICENSE").read_text(encoding="utf-8") + "\n" + "-" * 72 + "\n\n" + summary()
            + "\nThe full licence texts are in /opt/posenc-gui/_internal/resources/licenses/.\n")


def deb() -> None:
    """Build dist/posenc-gui_VERSION_ARCH.deb with dpkg-deb: /opt/posenc-gui, /usr/bin link, desktop entry,
    hicolor icons, AppStream metainfo, MIME type, copyright; Depends from dpkg-shlibdeps."""
    version, arch = app_version(), deb_arch()
    stage = BUILD / "deb" / f"posenc-gui_{version}_{arch}"
    shutil.rmtree(stage, ignore_errors=True)
    share = stage / "usr" / "share"
    shutil.copytree(BUNDLE, stage / "opt" / "posenc-gui", symlinks=True)
    (stage / "usr" / "bin").mkdir(parents=True)
    (stage / "usr" / "bin" / "posenc-gui").symlink_to("/opt/posenc-gui/posenc-gui")
    (share / "applications").mkdir(parents=True)
    shutil.copy(HERE / "linux" / f"{APP_ID}.desktop", share / "applications")
    (share / "metainfo").mkdir()
    metainfo = (HERE / "linux" / f"{APP_ID}.metainfo.xml").read_text(encoding="utf-8")
    metainfo = metainfo.replace("@VERSION@", version).replace("@DATE@", date.today().isoformat())
    (share / "metainfo" / f"{APP_ID}.metainfo.xml").write_text(metainfo, encoding="utf-8")
    (share / "mime" / "packages").mkdir(parents=True)
    shutil.copy(HERE / "linux" / "posenc-gui-mime.xml", share / "mime" / "packages" / "posenc-gui.xml")
    for size in ICON_SIZES:
        target = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        target.mkdir(parents=True)
        shutil.copy(ICONS / f"posenc-gui-{size}.png", target / "posenc-gui.png")
    (share / "icons" / "hicolor" / "scalable" / "apps").mkdir(parents=True)
    shutil.copy(ICONS / "posenc-gui.svg", share / "icons" / "hicolor" / "scalable" / "apps" / "posenc-gui.svg")
    (share / "doc" / "posenc-gui").mkdir(parents=True)
    (share / "doc" / "posenc-gui" / "copyright").write_text(debian_copyright(), encoding="utf-8")

    depends = ", ".join([shlib_depends(stage / "opt" / "posenc-gui"), *EXTRA_DEPENDS])
    installed_kib = sum(p.stat().st_size for p in stage.rglob("*") if p.is_file() and not p.is_symlink()) // 1024
    (stage / "DEBIAN").mkdir()
    (stage / "DEBIAN" / "control").write_text(
        f"Package: posenc-gui\nVersion: {version}\nArchitecture: {arch}\nMaintainer: {MAINTAINER}\n"
        f"Installed-Size: {installed_kib}\nDepends: {depends}\nRecommends: {MODELS_PACKAGE}\n"
        "Section: science\nPriority: optional\nHomepage: https://github.com/posenc-gui/posenc-gui\n"
        "Description: Transformer positional encodings and self-attention, visible and live\n"
        " PosEnc Explorer shows sinusoidal, learned, relative, T5, ALiBi, RoPE, xPos and\n"
        " 2D/3D positional encodings as live heatmaps, curves and attention patterns,\n"
        " with lecture decks for a projector and NumPy export from a command line.\n", encoding="utf-8")
    target = DIST / f"posenc-gui_{version}_{arch}.deb"
    run("dpkg-deb", "--root-owner-group", "-Zxz", "--build", stage, target)


def fetch_models_script():
    """scripts/fetch_models.py as a module: its list of model files and their hashes is the one every installer uses."""
    if str(ROOT / "scripts") not in sys.path:
        sys.path.insert(0, str(ROOT / "scripts"))
    import fetch_models

    return fetch_models


def models_source() -> Path:
    """The fetched and converted models, checked against their SHA-256 (scripts/fetch_models.py fetches them into
    the user's data folder first if they are missing there; POSENC_MODELS_DIR names another folder)."""
    fetch_models = fetch_models_script()
    folder = Path(os.environ.get("POSENC_MODELS_DIR") or fetch_models.default_out())
    if fetch_models.main(["--out", str(folder)]):
        raise SystemExit(f"the real models are not in {folder} and could not be fetched (see above)")
    return folder


def stage_models(target: Path) -> Path:
    """Copy the checked real models into ``target`` (emptied first): every model file and each model's NOTICE.txt,
    and nothing else the source folder may hold. Every installer carries exactly this tree."""
    fetch_models = fetch_models_script()
    source = models_source()
    shutil.rmtree(target, ignore_errors=True)
    for name in (*fetch_models.FILES, *(f"{folder}/NOTICE.txt" for folder in fetch_models.NOTICES)):
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source / name, target / name)
    return target


def models_deb() -> None:
    """Build dist/posenc-gui-models_VERSION_all.deb: the checked real models in /usr/share/posenc-gui/models (the app
    package recommends it), their notices and the Apache-2.0 licence in its copyright file."""
    fetch_models = fetch_models_script()
    version = app_version()
    stage = BUILD / "deb" / f"{MODELS_PACKAGE}_{version}_all"
    shutil.rmtree(stage, ignore_errors=True)
    stage_models(stage / SYSTEM_MODELS)
    doc = stage / "usr" / "share" / "doc" / MODELS_PACKAGE
    doc.mkdir(parents=True)
    notices = "\n".join(fetch_models.NOTICE.format(**fields) for fields in fetch_models.NOTICES.values())
    licence = (ROOT / "resources" / "licenses" / "Apache-2.0.txt").read_text(encoding="utf-8")
    (doc / "copyright").write_text(f"Real models for PosEnc Explorer\n\n{notices}\n{'-' * 72}\n\n{licence}",
                                   encoding="utf-8")
    installed_kib = sum(p.stat().st_size for p in stage.rglob("*") if p.is_file()) // 1024
    (stage / "DEBIAN").mkdir()
    (stage / "DEBIAN" / "control").write_text(
        f"Package: {MODELS_PACKAGE}\nVersion: {version}\nArchitecture: all\nMaintainer: {MAINTAINER}\n"
        f"Installed-Size: {installed_kib}\nEnhances: posenc-gui\n"
        "Section: science\nPriority: optional\nHomepage: https://github.com/posenc-gui/posenc-gui\n"
        "Description: real Transformer models for PosEnc Explorer (MiniLM and SmolLM2)\n"
        " all-MiniLM-L6-v2 and SmolLM2-135M-Instruct (Apache-2.0), whose attention PosEnc\n"
        " Explorer shows with their positions switched off, shuffled, shifted and rescaled.\n", encoding="utf-8")
    # gzip, not xz: the quantised weights hardly compress (xz saves 1 % more and takes minutes)
    DIST.mkdir(parents=True, exist_ok=True)
    run("dpkg-deb", "--root-owner-group", "-Zgzip", "--build", stage, DIST / f"{MODELS_PACKAGE}_{version}_all.deb")


def nsis_command(source_dir: Path, models_dir: Path, out: Path, version: str) -> list[str]:
    """The makensis command line for installer.nsi (the script is UTF-8: its Chinese texts)."""
    numbers = re.findall(r"\d+", version)
    quad = ".".join((numbers + ["0"] * 4)[:4])  # VIProductVersion wants exactly four numbers
    return ["makensis", "-V2", "-INPUTCHARSET", "UTF8", f"-DVERSION={version}", f"-DVERSION_QUAD={quad}",
            f"-DSOURCE_DIR={source_dir}", f"-DMODELS_DIR={models_dir}", f"-DOUTFILE={out}",
            str(HERE / "windows" / "installer.nsi")]


def nsis() -> None:
    """Compile packaging/windows/installer.nsi with makensis into dist/posenc-gui-VERSION-setup.exe, with the real
    models as its default component (installed into a models folder beside posenc-gui.exe)."""
    models = stage_models(BUILD / "models")
    run(*nsis_command(BUNDLE, models, DIST / f"posenc-gui-{app_version()}-setup.exe", app_version()))


def dmg() -> None:
    """Pack dist/PosEnc Explorer.app, with the real models in its Contents/Resources/models, into
    dist/posenc-gui-VERSION-macos-ARCH.dmg (hdiutil, macOS only)."""
    run("bash", HERE / "macos" / "make_dmg.sh", DIST / "PosEnc Explorer.app", stage_models(BUILD / "models"),
        DIST / f"posenc-gui-{app_version()}-macos-{platform.machine()}.dmg")


STEPS = {"linux": [freeze, check, tarball, deb, models_deb], "win32": [freeze, check, nsis], "darwin": [freeze, check, dmg]}
# Commands each step runs, and the Debian package that provides each (scripts/dev.py installs them as root).
TOOLS = {"freeze": {"cc": "gcc", "strip": "binutils"}, "check": {"xvfb-run": "xvfb"},
         "deb": {"dpkg-deb": "dpkg", "dpkg-shlibdeps": "dpkg-dev"}, "models_deb": {"dpkg-deb": "dpkg"},
         "nsis": {"makensis": "nsis"}, "dmg": {"hdiutil": None}}


def missing_tools(steps: list) -> dict[str, str | None]:
    """Commands the chosen steps need that are not on PATH (on Linux; other systems bring theirs), with packages."""
    needed = {}
    for step in steps:
        needed.update(TOOLS.get(step.__name__, {}))
    if not sys.platform.startswith("linux"):
        needed = {tool: package for tool, package in needed.items() if tool in ("makensis", "hdiutil")}
    return {tool: package for tool, package in needed.items() if shutil.which(tool) is None}


def ensure_venv(venv: Path) -> Path:
    """Create ``venv`` with posenc-gui (editable) and PyInstaller if it does not exist; return its Python."""
    python = venv / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    if not python.exists():
        run(sys.executable, "-m", "venv", venv)
        run(python, "-m", "pip", "install", "--quiet", "-e", f"{ROOT}[package]")
    return python


def main(argv: list[str] | None = None) -> int:
    global DIST, BUILD, BUNDLE
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dry-run", action="store_true", help="list the steps for this system and stop")
    parser.add_argument("--venv", type=Path, help="build inside this virtual environment (created if missing)")
    parser.add_argument("--platform", choices=sorted(STEPS), default=sys.platform if sys.platform in STEPS else "linux",
                        help="which system's steps (default: this one)")
    parser.add_argument("--dist", type=Path, default=DIST, help="where the one-dir and the installers go (dist/)")
    parser.add_argument("--work", type=Path, default=BUILD, help="scratch folder for PyInstaller and staging (build/)")
    parser.add_argument("--skip", action="append", default=[], choices=[s.__name__ for steps in STEPS.values() for s in steps],
                        metavar="STEP", help="leave out a step (repeatable), e.g. --skip freeze to reuse dist/")
    args = parser.parse_args(argv)
    DIST, BUILD = args.dist.resolve(), args.work.resolve()
    BUNDLE = DIST / "posenc-gui"
    steps = [step for step in STEPS[args.platform] if step.__name__ not in args.skip]
    if args.dry_run:
        for number, step in enumerate(steps, 1):
            print(f"{number}. {step.__name__}: {step.__doc__.splitlines()[0]}")
        return 0
    missing = missing_tools(steps)
    if missing:
        packages = sorted({package for package in missing.values() if package})
        print(f"build.py: missing {', '.join(missing)}" + (f"; install with: apt-get install {' '.join(packages)}"
                                                           if packages else ""), file=sys.stderr)
        return 1
    if args.venv and Path(sys.prefix).resolve() != args.venv.resolve():
        python = ensure_venv(args.venv)
        rest = sys.argv[1:] if argv is None else argv
        return subprocess.run([str(python), __file__, *rest]).returncode
    for step in steps:
        print(f"== {step.__name__}", flush=True)
        start = time.monotonic()
        step()
        print(f"== {step.__name__}: {time.monotonic() - start:.0f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
