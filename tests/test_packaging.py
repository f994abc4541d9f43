"""Checks of the packaging files, then (Linux, as root) the whole .deb path: build, install, self-test, remove.

The .deb test builds with packaging/build.py in a venv of its own (a few minutes; packaging/README.md has the
times). POSENC_TEST_DEB=path/to.deb tests that package instead of building one; POSENC_SKIP_DEB_TEST=1 skips it.
"""

from __future__ import annotations

import ast
import configparser
import importlib.util
import os
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
APP_ID = "io.github.posenc_gui.PosEncExplorer"
DESKTOP = PACKAGING / "linux" / f"{APP_ID}.desktop"
METAINFO = PACKAGING / "linux" / f"{APP_ID}.metainfo.xml"
NSIS = PACKAGING / "windows" / "installer.nsi"
ICONS = ROOT / "resources" / "icons"
LICENSES = ROOT / "resources" / "licenses"


def load(name: str):
    """Import a script from packaging/ (the folder is not a package: it would shadow PyPI's `packaging`)."""
    spec = importlib.util.spec_from_file_location(f"posenc_packaging_{name}", PACKAGING / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    sys.path.insert(0, str(PACKAGING))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(PACKAGING))
    return module


# --- PyInstaller spec -----------------------------------------------------------------------------------------


def test_spec_is_valid_python_and_builds_one_dir():
    text = (PACKAGING / "posenc-gui.spec").read_text(encoding="utf-8")
    tree = ast.parse(text)
    calls = {node.func.id for node in ast.walk(tree) if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)}
    assert {"Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE"} <= calls
    # One-dir: the EXE leaves the libraries out and COLLECT puts them beside it.
    assert "exclude_binaries=True" in text


def test_spec_bundles_resources_and_excludes_unused_modules():
    text = (PACKAGING / "posenc-gui.spec").read_text(encoding="utf-8")
    assert '(str(ROOT / "resources"), "resources")' in text  # found by posenc_gui/paths.py at sys._MEIPASS/resources
    excludes = load("freeze_config").EXCLUDES
    for unwanted in ("tkinter", "matplotlib", "PySide6.QtWebEngineCore", "PySide6.Qt3DCore", "PySide6.QtNetwork",
                     "pytest", "PyQt5", "PyQt6", "torch"):
        assert unwanted in excludes, unwanted
    for reader in ("safetensors", "gguf", "tokenizers", "yaml"):  # the real models' readers (gguf imports yaml)
        assert not any(reader == name or reader.startswith(name + ".") for name in excludes), reader


@pytest.mark.parametrize("destination, kept", [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/qwindows.dll", True),
    ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
    ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
    ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
    ("PySide6/Qt/plugins/imageformats/libqtiff.so", False),
    ("PySide6/Qt/translations/qtbase_zh_CN.qm", True),
    ("PySide6/Qt/translations/qtbase_de.qm", False),
    ("PySide6/Qt/lib/libQt6Network.so.6", False),
    ("PySide6/Qt/lib/libQt6Gui.so.6", True),
    ("PySide6/Qt/lib/libicudata.so.73", True),  # Qt Core links ICU: it cannot go
    ("resources/decks/default.json", True),
])
def test_trimming_keeps_what_the_app_needs(destination, kept):
    assert load("freeze_config").keep(destination) is kept


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="system libraries are left out on Linux only")
@pytest.mark.parametrize("source, from_the_system", [
    ("/usr/lib/x86_64-linux-gnu/libxcb-icccm.so.4", True),
    ("/lib/x86_64-linux-gnu/libstdc++.so.6", True),
    ("/usr/lib/x86_64-linux-gnu/libpython3.11.so.1.0", False),  # the bootloader loads it from the bundle
    ("/venv/lib/python3.11/site-packages/PySide6/Qt/lib/libQt6Core.so.6", False),
    ("/usr/lib/python3/dist-packages/numpy/_core/_multiarray_umath.so", False),
    ("/opt/python/lib/libssl.so.3", False),
])
def test_system_libraries_are_left_to_the_package_manager(source, from_the_system):
    assert load("freeze_config").is_system_library(source) is from_the_system


def test_launcher_calls_the_package_entry_point():
    text = (PACKAGING / "launcher.py").read_text(encoding="utf-8")
    assert "from posenc_gui.__main__ import main" in text


# --- Linux desktop integration ----------------------------------------------------------------------------------


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive in desktop files
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_has_the_required_keys():
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "PosEnc Explorer"
    assert entry["Exec"].split()[0] == "posenc-gui"
    assert entry["TryExec"] == "posenc-gui"
    assert entry["Icon"] == "posenc-gui"
    assert entry["Terminal"] == "false"
    for list_key in ("Categories", "MimeType", "Keywords"):
        assert entry[list_key].endswith(";"), list_key
    assert "Education" in entry["Categories"].split(";")
    known = {"Type", "Version", "Name", "GenericName", "Comment", "Exec", "TryExec", "Icon", "Terminal", "Categories",
             "Keywords", "MimeType", "StartupWMClass"}
    assert {key.split("[")[0] for key in entry} <= known


def test_desktop_entry_mime_type_is_declared():
    mime = ET.parse(PACKAGING / "linux" / "posenc-gui-mime.xml").getroot()
    namespace = "{http://www.freedesktop.org/standards/shared-mime-info}"
    declared = {node.get("type") for node in mime.iter(f"{namespace}mime-type")}
    assert desktop_entry()["MimeType"].rstrip(";") in declared


def test_a_deck_opened_from_a_file_manager_reaches_the_app():
    """The desktop entry, the NSIS association and a shell all pass the deck as the only argument."""
    from posenc_gui.app.main import parse

    command = desktop_entry()["Exec"].replace("%f", "/home/me/lecture 3.posdeck").split(" ", 1)
    assert parse([command[1]]).deck == "/home/me/lecture 3.posdeck"
    assert '"$INSTDIR\\${APP_EXE}" "%1"' in NSIS.read_text(encoding="utf-8")
    assert parse([]).deck is None


def test_metainfo_is_well_formed_and_matches_the_desktop_entry():
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("project_license") == "MIT"
    assert root.find("provides/binary").text == "posenc-gui"
    assert root.find("releases/release").get("version") == "@VERSION@"  # build.py fills it in


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstreamcli not installed")
def test_metainfo_passes_appstream_validation(tmp_path):
    filled = METAINFO.read_text(encoding="utf-8").replace("@VERSION@", "0.1.0").replace("@DATE@", "2025-01-01")
    target = tmp_path / METAINFO.name
    target.write_text(filled, encoding="utf-8")
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(target)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


# --- Icons and licences -----------------------------------------------------------------------------------------


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_icons_are_committed_for_every_size_and_match_the_script():
    make_icons = load("make_icons")
    for size in make_icons.PNG_SIZES:
        data = (ICONS / f"posenc-gui-{size}.png").read_bytes()
        assert png_size(data) == (size, size)
    for size in (16, 48):  # regenerating is deterministic (larger sizes: same code, slower)
        assert (ICONS / f"posenc-gui-{size}.png").read_bytes() == make_icons.png_bytes(make_icons.render(size))
    assert ET.parse(ICONS / "posenc-gui.svg").getroot().tag == "{http://www.w3.org/2000/svg}svg"


def test_ico_and_icns_containers_are_consistent():
    make_icons = load("make_icons")
    ico = (ICONS / "posenc-gui.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind, count) == (0, 1, len(make_icons.ICO_SIZES))
    icns = (ICONS / "posenc-gui.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)


def test_every_bundled_component_has_its_licence_text():
    third_party = load("third_party")
    licences = LICENSES
    notices = (licences / "THIRD-PARTY-NOTICES.txt").read_text(encoding="utf-8")
    for component in third_party.COMPONENTS:
        assert (licences / component.licence_file).is_file(), component.licence_file
        assert component.name in notices
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in (licences / "LGPL-3.0.txt").read_text(encoding="utf-8")
    assert (licences / "GPL-3.0.txt").is_file()  # the LGPL-3.0 incorporates the GPL-3.0 by reference


def test_debian_copyright_names_the_app_licence_and_qt():
    text = load("build").debian_copyright()
    assert "MIT License" in text and "LGPL-3.0-only" in text and "Apache-2.0" in text


# --- Windows installer ------------------------------------------------------------------------------------------


def test_nsis_script_installs_per_user_with_shortcuts_association_and_uninstaller():
    text = NSIS.read_text(encoding="utf-8")
    for needed in ("RequestExecutionLevel user", "WriteUninstaller", 'Section "Uninstall"', "MUI_PAGE_LICENSE",
                   "$SMPROGRAMS", "$DESKTOP", "Software\\Classes\\.posdeck", "Uninstall\\PosEncExplorer"):
        assert needed in text, needed


# --- build.py ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("system, last_steps", [("linux", ["tarball", "deb", "models_deb"]), ("win32", ["nsis"]), ("darwin", ["dmg"])])
def test_build_dry_run_lists_the_steps(system, last_steps):
    result = subprocess.run([sys.executable, str(PACKAGING / "build.py"), "--dry-run", "--platform", system],
                            capture_output=True, text=True, check=True)
    steps = [line.split(".", 1)[1].split(":")[0].strip() for line in result.stdout.splitlines()]
    assert steps == ["freeze", "check", *last_steps]


def test_build_dry_run_honours_skip():
    result = subprocess.run([sys.executable, str(PACKAGING / "build.py"), "--dry-run", "--platform", "linux",
                             "--skip", "freeze", "--skip", "check"], capture_output=True, text=True, check=True)
    assert "freeze" not in result.stdout and "deb" in result.stdout


# --- The .deb end to end: build, install, self-test, remove (Linux as root; CI runs it) ------------------------

DEB_TOOLS = ("dpkg", "dpkg-deb", "dpkg-shlibdeps", "xvfb-run", "cc", "strip", "unshare")


def deb_test_skip_reason() -> str | None:
    if not sys.platform.startswith("linux") or not hasattr(os, "geteuid") or os.geteuid() != 0:
        return "installs a .deb: Linux as root only"
    if os.environ.get("POSENC_SKIP_DEB_TEST"):
        return "POSENC_SKIP_DEB_TEST is set"
    missing = [tool for tool in DEB_TOOLS if shutil.which(tool) is None]
    return f"missing {', '.join(missing)} (python3 scripts/dev.py installs them as root)" if missing else None


def built_debs(tmp_path: Path) -> tuple[Path, Path]:
    """The app's and the models' .deb: POSENC_TEST_DEB and POSENC_TEST_MODELS_DEB when set (the release workflow
    has just built them), else built by build.py now from this checkout, in a build venv of its own, into tmp_path
    (a developer's dist/ stays untouched). The frozen app's self-test runs below on the installed copy, so the build
    skips its own check and the .tar.gz."""
    given = os.environ.get("POSENC_TEST_DEB")
    if given:
        return Path(given).resolve(), Path(os.environ["POSENC_TEST_MODELS_DEB"]).resolve()
    subprocess.run([sys.executable, str(PACKAGING / "build.py"), "--venv", str(tmp_path / "venv"),
                    "--dist", str(tmp_path / "dist"), "--work", str(tmp_path / "work"),
                    "--skip", "check", "--skip", "tarball"], check=True, timeout=3600)
    (deb,) = (tmp_path / "dist").glob("posenc-gui_*.deb")
    (models,) = (tmp_path / "dist").glob("posenc-gui-models_*_all.deb")
    return deb, models


def run_installed(*args: str, platform: str, timeout: float = 900, home: Path | None = None) -> subprocess.CompletedProcess:
    """Run the installed app; with ``home``, as a user whose home holds no models (so they come from the system), and
    without a network (in a network namespace of its own)."""
    env = {**os.environ, "QT_QPA_PLATFORM": platform}
    command = ["/usr/bin/posenc-gui", *args]
    if home is not None:
        env = {name: value for name, value in env.items() if name not in ("POSENC_MODELS_DIR", "XDG_DATA_HOME",
                                                                             "XDG_DATA_DIRS")}
        env["HOME"] = str(home)
        command = ["unshare", "--net", *command]
    if platform == "xcb":
        command = ["xvfb-run", "-a", "-s", "-screen 0 1920x1080x24", *command]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=timeout)


@pytest.mark.skipif(deb_test_skip_reason() is not None, reason=str(deb_test_skip_reason()))
def test_deb_builds_installs_passes_its_self_test_and_removes(tmp_path):
    deb, models_deb = built_debs(tmp_path)
    fields = {name: subprocess.run(["dpkg-deb", "-f", str(deb), name], capture_output=True, text=True,
                                   check=True).stdout.strip() for name in ("Version", "Depends", "Recommends")}
    assert fields["Recommends"] == "posenc-gui-models"
    models_fields = {name: subprocess.run(["dpkg-deb", "-f", str(models_deb), name], capture_output=True, text=True,
                                          check=True).stdout.strip() for name in ("Package", "Architecture")}
    assert models_fields == {"Package": "posenc-gui-models", "Architecture": "all"}
    models_listing = subprocess.run(["dpkg-deb", "-c", str(models_deb)], capture_output=True, text=True,
                                    check=True).stdout
    models_files = {line.split()[5].removeprefix(".") for line in models_listing.splitlines()}
    assert sum(int(line.split()[2]) for line in models_listing.splitlines()) <= 150e6  # the models' size budget
    for needed in ("/usr/share/posenc-gui/models/all-MiniLM-L6-v2/model.safetensors",
                   "/usr/share/posenc-gui/models/all-MiniLM-L6-v2/tokenizer.json",
                   "/usr/share/posenc-gui/models/SmolLM2-135M-Instruct/SmolLM2-135M-Instruct.Q4_1.gguf",
                   "/usr/share/doc/posenc-gui-models/copyright"):
        assert needed in models_files, needed
    depends = {entry.split()[0] for entry in fields["Depends"].split(", ")}
    assert {"libc6", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-cursor0", "libegl1", "fonts-noto-cjk"} <= depends
    listing = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True, check=True).stdout
    files = {line.split()[5].removeprefix(".") for line in listing.splitlines()}
    one_dir = sum(int(line.split()[2]) for line in listing.splitlines() if line.split()[5].startswith("./opt/"))
    assert one_dir <= 150e6, f"the app-only one-dir takes {one_dir / 1e6:.1f} MB, more than 150 MB"
    for needed in ("/opt/posenc-gui/posenc-gui", "/usr/bin/posenc-gui", f"/usr/share/applications/{DESKTOP.name}",
                   f"/usr/share/metainfo/{APP_ID}.metainfo.xml", "/usr/share/mime/packages/posenc-gui.xml",
                   "/usr/share/icons/hicolor/256x256/apps/posenc-gui.png",
                   "/usr/share/icons/hicolor/scalable/apps/posenc-gui.svg", "/usr/share/doc/posenc-gui/copyright",
                   "/opt/posenc-gui/_internal/resources/licenses/THIRD-PARTY-NOTICES.txt",
                   "/opt/posenc-gui/_internal/resources/embeddings/all-MiniLM-L6-v2.position_embeddings.npy"):
        assert needed in files, needed
    # Trimmed: no Qt Network, no system libraries, Qt's translations only for Simplified Chinese.
    assert not any("libQt6Network" in path or "/libxcb" in path or "/libstdc++" in path for path in files)
    assert {Path(path).name for path in files if path.endswith(".qm") and "/PySide6/" in path} == {
        "qt_zh_CN.qm", "qtbase_zh_CN.qm"}

    import fcntl  # POSIX only: the packaging checks also run on Windows

    with open("/tmp/posenc-gui-deb-test.lock", "w") as lock:  # one install at a time on a shared machine
        fcntl.flock(lock, fcntl.LOCK_EX)
        installed = subprocess.run(["dpkg", "-i", str(deb), str(models_deb)], capture_output=True, text=True)
        try:
            assert installed.returncode == 0, installed.stdout + installed.stderr
            version = run_installed("--version", platform="offscreen")
            assert version.stdout.split() == ["posenc-gui", fields["Version"]], version.stdout + version.stderr
            out = tmp_path / "slopes.npy"
            assert run_installed("export", "slopes", "--heads", "8", "--out", str(out), platform="offscreen").returncode == 0
            assert out.stat().st_size > 0
            for platform in ("xcb", "offscreen"):
                result = run_installed("--self-test", platform=platform)
                assert result.returncode == 0, f"{platform}:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
                assert ", 0 failed" in result.stdout, result.stdout[-3000:]
            # offline, for a user without models of their own: the real models come from the models package
            home = tmp_path / "home"
            home.mkdir()
            attention = tmp_path / "attention.npz"
            exported = run_installed("export", "attention", "--model", "smollm2", "--text", "The cat sat",
                                     "--out", str(attention), platform="offscreen", home=home)
            assert exported.returncode == 0 and attention.stat().st_size > 0, exported.stderr
            result = run_installed("--self-test", platform="offscreen", home=home)
            assert result.returncode == 0 and ", 0 failed" in result.stdout, result.stdout[-3000:]
            assert "skipped real_model" not in result.stdout, result.stdout[-3000:]
            assert not (home / ".local" / "share" / "posenc-gui" / "models").exists()
        finally:
            subprocess.run(["dpkg", "-r", "posenc-gui", "posenc-gui-models"], check=True, capture_output=True)
    assert not Path("/opt/posenc-gui").exists() and not Path("/usr/bin/posenc-gui").exists()
    assert not Path("/usr/share/posenc-gui/models").exists()
