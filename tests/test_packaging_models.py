"""The installers carry the real models and the frozen app finds them: where a frozen app looks (Windows one-dir,
macOS .app, Linux one-dir), the Windows installer compiled with makensis against a fake tree with fake model files
(and read back: the models are in the setup.exe), and the macOS image script run with stand-ins for macOS's tools."""

from __future__ import annotations

import importlib.util
import lzma
import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from posenc_gui.core import real_models
from posenc_gui.core.real_models import base, minilm, smollm2

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
NSIS = PACKAGING / "windows" / "installer.nsi"


def load(path: Path):
    """Import a script by path (packaging/ and scripts/ are not packages)."""
    spec = importlib.util.spec_from_file_location(f"posenc_script_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build = load(PACKAGING / "build.py")
fetch_models = load(ROOT / "scripts" / "fetch_models.py")
MODEL_NAMES = (*fetch_models.FILES, *(f"{folder}/NOTICE.txt" for folder in fetch_models.NOTICES))


def frozen_as(monkeypatch, platform: str, executable: Path) -> None:
    """Pretend to be a PyInstaller app on ``platform`` started from ``executable`` (its _internal beside it)."""
    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(executable.parent / "_internal"), raising=False)
    monkeypatch.setattr(sys, "executable", str(executable))


@pytest.mark.parametrize("platform, executable, models", [
    ("win32", "PosEnc Explorer/posenc-gui.exe", "PosEnc Explorer/models"),  # the NSIS install's $INSTDIR
    ("win32", "PosEnc Explorer/posenc-gui-cli.exe", "PosEnc Explorer/models"),
    ("darwin", "PosEnc Explorer.app/Contents/MacOS/posenc-gui", "PosEnc Explorer.app/Contents/Resources/models"),
    ("darwin", "posenc-gui/posenc-gui", "posenc-gui/models"),  # a one-dir outside a bundle
    ("linux", "posenc-gui/posenc-gui", "posenc-gui/models"),
])
def test_a_frozen_app_looks_for_models_where_its_installer_puts_them(tmp_path, monkeypatch, platform, executable,
                                                                    models):
    frozen_as(monkeypatch, platform, tmp_path / executable)
    assert base.frozen_app_models_dir() == tmp_path / models
    assert tmp_path / models in real_models.models_dirs()


def test_an_app_run_from_source_has_no_models_folder_of_its_own(monkeypatch):
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert base.frozen_app_models_dir() is None


def test_a_frozen_app_reads_the_models_beside_it_before_the_system_folders(tmp_path, monkeypatch):
    """A Windows install: the models component is found when the user has none of their own; a system-wide copy
    comes after it, the user's before it."""
    frozen_as(monkeypatch, "win32", tmp_path / "app" / "posenc-gui.exe")
    monkeypatch.delenv(base.MODELS_ENV, raising=False)
    monkeypatch.setattr(base, "user_models_dir", lambda: tmp_path / "user")
    monkeypatch.setattr(base, "system_models_dirs", lambda: [tmp_path / "system"])
    model = minilm.MiniLM()
    assert model.folder() is None
    for folder in ("system", "app/models"):
        for name in model.files:
            (tmp_path / folder / name).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / folder / name).write_bytes(b"")
    assert model.folder() == tmp_path / "app" / "models"
    for name in model.files:
        (tmp_path / "user" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "user" / name).write_bytes(b"")
    assert model.folder() == tmp_path / "user"


@pytest.mark.parametrize("platform, installer", [("linux", "sudo apt install posenc-gui-models"),
                                                  ("win32", "setup again with its Real models component"),
                                                  ("darwin", "again from its .dmg")])
def test_the_missing_models_message_names_this_systems_installer(monkeypatch, platform, installer):
    monkeypatch.setattr(sys, "platform", platform)
    hint = base.fetch_hint()
    assert installer in hint and "scripts/fetch_models.py" in hint and "\n" not in hint


def test_the_staged_models_are_the_files_the_models_need():
    """What build.py stages for every installer holds each registered model's files."""
    for model in (minilm.MiniLM(), smollm2.SmolLM2()):
        assert set(model.files) <= set(MODEL_NAMES), model.name


def test_the_installers_get_exactly_the_model_files_and_their_notices(tmp_path, monkeypatch):
    """The staged tree leaves out whatever else the source folder holds (an interrupted fetch, other files), and
    replaces an older staging."""
    fake_models(tmp_path / "source")
    (tmp_path / "source" / ".fetch-1234" / "model.safetensors").parent.mkdir()
    (tmp_path / "source" / ".fetch-1234" / "model.safetensors").write_bytes(b"half")
    (tmp_path / "source" / "all-MiniLM-L6-v2" / "notes.txt").write_bytes(b"mine")
    (tmp_path / "staged" / "old").mkdir(parents=True)
    monkeypatch.setattr(build, "models_source", lambda: tmp_path / "source")
    staged = build.stage_models(tmp_path / "staged")
    assert sorted(path.relative_to(staged).as_posix() for path in staged.rglob("*") if path.is_file()) == sorted(
        MODEL_NAMES)
    assert not (staged / "old").exists()


def fake_models(folder: Path) -> dict[str, bytes]:
    """A models folder with a small file of distinct content for each real one (the installer deduplicates equal
    files, so each must differ to be found in it)."""
    contents = {}
    for name in MODEL_NAMES:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        contents[name] = f"fake {name} for the installer test".encode()
        (folder / name).write_bytes(contents[name])
    return contents


def nsis_payload(setup: bytes) -> bytes:
    """The decompressed data of an NSIS installer made with SetCompressor /SOLID lzma: after the first header
    (flags, 0xDEADBEEF, "NullsoftInst", two lengths) one raw LZMA stream, 5 property bytes first, holds the script's
    header (strings in UTF-16) and every file."""
    start = setup.index(b"\xef\xbe\xad\xdeNullsoftInst") - 4
    stream = setup[start + 28:]
    properties, dictionary = stream[0], struct.unpack("<I", stream[1:5])[0]
    lzma1 = {"id": lzma.FILTER_LZMA1, "dict_size": dictionary, "lc": properties % 9,
             "lp": properties // 9 % 5, "pb": properties // 45}
    return lzma.LZMADecompressor(format=lzma.FORMAT_RAW, filters=[lzma1]).decompress(stream[5:])


def compile_installer(tmp_path: Path, models: Path | None) -> subprocess.CompletedProcess:
    app = tmp_path / "posenc-gui"
    (app / "_internal").mkdir(parents=True)
    for name in ("posenc-gui.exe", "posenc-gui-cli.exe", "_internal/base_library.zip"):
        (app / name).write_bytes(f"stub {name}".encode())
    command = build.nsis_command(app, models or tmp_path / "none", tmp_path / "setup.exe", "0.1.0")
    if models is None:
        command = [part for part in command if not part.startswith("-DMODELS_DIR=")]
    command[1] = "-V4"  # list every instruction, File included
    return subprocess.run(command, capture_output=True, text=True)


needs_makensis = pytest.mark.skipif(shutil.which("makensis") is None, reason="makensis not installed (apt-get install nsis)")


@needs_makensis
def test_the_windows_installer_carries_the_models_as_a_default_component(tmp_path):
    contents = fake_models(tmp_path / "models")
    result = compile_installer(tmp_path, tmp_path / "models")
    assert result.returncode == 0, result.stdout + result.stderr
    # makensis's listing: the models section installs into $INSTDIR\models, one folder per model
    listing = result.stdout.split('Section: "$(NAME_MODELS)" ->(SEC_MODELS)', 1)[1].split("SectionEnd", 1)[0]
    assert 'SetOutPath: "$INSTDIR\\models"' in listing
    installed, folder = set(), None
    for line in listing.splitlines():
        if line.startswith("File: Descending to: "):
            folder = line.split('"')[1].rstrip("/\\").replace("\\", "/").rsplit("/", 1)[-1]
        elif line.startswith('File: "'):
            installed.add(f"{folder}/{line.split(chr(34))[1]}")
    assert installed == set(MODEL_NAMES)
    assert "SectionIn" not in listing  # optional, and on (a section without /o is chosen by default, /S included)
    # the setup.exe itself holds every model file's name and content
    setup = (tmp_path / "setup.exe").read_bytes()
    assert setup[:2] == b"MZ"
    payload = nsis_payload(setup)
    for name, content in contents.items():
        assert content in payload and name.split("/")[1].encode("utf-16-le") in payload, name
    assert "真实模型".encode("utf-16-le") in payload  # the component's Chinese name, read as UTF-8


@needs_makensis
def test_the_windows_installer_is_not_built_without_the_models(tmp_path):
    result = compile_installer(tmp_path, None)
    assert result.returncode != 0 and "pass -DMODELS_DIR=" in result.stdout + result.stderr
    assert not (tmp_path / "setup.exe").exists()


def test_the_windows_uninstaller_removes_each_model_folder_and_nothing_else_there():
    """Only what the installer put there, so that a folder chosen by mistake keeps the user's own "models"."""
    text = NSIS.read_text(encoding="utf-8")
    for folder in fetch_models.NOTICES:
        assert f'RMDir /r "$INSTDIR\\models\\{folder}"' in text, folder
    assert 'RMDir /r "$INSTDIR\\models"' not in text and 'RMDir "$INSTDIR\\models"' in text


@pytest.mark.skipif(sys.platform == "win32", reason="runs the bash script with stand-ins for macOS's tools")
def test_the_macos_image_carries_the_models_inside_the_signed_app(tmp_path):
    """make_dmg.sh with uname, codesign and hdiutil replaced by scripts that log their arguments (and hdiutil lists
    the folder it would pack): the models land in Contents/Resources/models and the bundle is signed after that."""
    tools = tmp_path / "tools"
    tools.mkdir()
    log = tmp_path / "log"
    stand_ins = {
        "uname": "echo Darwin",
        "codesign": f'echo "codesign $*" >> {log}; [ "$1" = --verify ] || '
                    f'find "${{@: -1}}/Contents/Resources/models" -type f | sort >> {log}',
        "hdiutil": f'echo "hdiutil $*" >> {log}; while [ "$1" != -srcfolder ]; do shift; done; '
                   f'(cd "$2" && find . | sort) > "${{@: -1}}"',
    }
    for name, body in stand_ins.items():
        (tools / name).write_text(f"#!/bin/bash\n{body}\n")
        (tools / name).chmod(0o755)
    app = tmp_path / "dist" / "PosEnc Explorer.app"
    (app / "Contents" / "MacOS").mkdir(parents=True)
    (app / "Contents" / "Resources").mkdir()
    (app / "Contents" / "MacOS" / "posenc-gui").write_bytes(b"stub")
    fake_models(tmp_path / "models")
    out = tmp_path / "dist" / "posenc-gui.dmg"
    env = {**os.environ, "PATH": f"{tools}{os.pathsep}{os.environ['PATH']}"}
    env.pop("MACOS_SIGN_IDENTITY", None)
    result = subprocess.run(["bash", str(PACKAGING / "macos" / "make_dmg.sh"), str(app), str(tmp_path / "models"),
                             str(out)], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    packed = out.read_text().splitlines()
    for name in MODEL_NAMES:
        assert f"./PosEnc Explorer.app/Contents/Resources/models/{name}" in packed, name
    assert "./Applications" in packed
    calls = log.read_text().splitlines()
    signed = next(i for i, line in enumerate(calls) if line.startswith("codesign --deep --force --sign -"))
    assert sum(line.endswith(f"models/{MODEL_NAMES[0]}") for line in calls[signed:]) == 1  # signed with them in
    assert calls[-2].startswith("codesign --verify --deep --strict") and calls[-1].startswith("hdiutil create")
    assert not (app / "Contents" / "Resources" / "models").exists()  # the build's .app stays app-only


@pytest.mark.skipif(sys.platform == "win32", reason="runs the bash script")
def test_the_macos_image_script_refuses_a_missing_models_folder(tmp_path):
    tools = tmp_path / "tools"
    tools.mkdir()
    (tools / "uname").write_text("#!/bin/bash\necho Darwin\n")
    (tools / "uname").chmod(0o755)
    env = {**os.environ, "PATH": f"{tools}{os.pathsep}{os.environ['PATH']}"}
    result = subprocess.run(["bash", str(PACKAGING / "macos" / "make_dmg.sh"), str(tmp_path / "a.app"),
                             str(tmp_path / "nowhere"), str(tmp_path / "x.dmg")], env=env, capture_output=True,
                            text=True)
    assert result.returncode == 2 and result.stderr.strip() == (
        f"make_dmg.sh: the models folder {tmp_path / 'nowhere'} does not exist")
