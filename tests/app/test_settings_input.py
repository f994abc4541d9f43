"""Hostile settings and environments: a FIFO or a huge file at the settings path, HOME unset or pointing
nowhere. The app starts with defaults, says so in one line, and neither hangs, nor rewrites megabytes,
nor creates folders outside a real home. The app runs in a child process with a time limit (a hang
fails the test instead of stopping the run), on a home under tmp_path."""

import os
import shutil
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QStandardPaths

from posenc_gui.app import crash, locations, settings as prefs

APP = "PosEnc Explorer"
RUN_THE_APP = textwrap.dedent("""
    import sys, time
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from posenc_gui.app.main import make_application, run_app

    app = make_application(sys.argv[:1])
    from posenc_gui.app.window import MainWindow

    started = time.perf_counter()
    def close():
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
        closing = time.perf_counter()
        window.close()
        print(window.theme.name, round(closing - started, 2), round(time.perf_counter() - closing, 2))
    QTimer.singleShot(0, lambda: 1 / 0)  # the crash log must not be made outside a real home either
    QTimer.singleShot(0, close)
    sys.exit(run_app([]))
""")


def run_app(home: Path | None, timeout: float = 60) -> subprocess.CompletedProcess:
    """The app started, shown, an exception raised in it, closed; HOME is ``home`` (unset when None)."""
    env = {key: value for key, value in os.environ.items()
           if key not in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME")}
    env.update(QT_QPA_PLATFORM="offscreen", POSENC_NO_DIALOG="1")
    if home is not None:
        env["HOME"] = str(home)
    try:
        return subprocess.run([sys.executable, "-c", RUN_THE_APP], capture_output=True, text=True, env=env,
                              timeout=timeout)
    except subprocess.TimeoutExpired:
        pytest.fail(f"the app did not start and close within {timeout} s")


def settings_file(home: Path) -> Path:
    return home / ".config" / APP / f"{APP}.conf"


def said(done: subprocess.CompletedProcess, words: str) -> list[str]:
    return [line for line in done.stderr.splitlines() if words in line]


def test_a_fifo_at_the_settings_path_is_neither_read_nor_written(tmp_path):
    path = settings_file(tmp_path)
    path.parent.mkdir(parents=True)
    os.mkfifo(path)
    done = run_app(tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert len(said(done, "is not a regular file")) == 1, done.stderr[-2000:]
    assert done.stdout.split()[0] == "light"
    assert stat.S_ISFIFO(os.lstat(path).st_mode)
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]  # no file written beside it


def test_a_50_mb_settings_file_gives_defaults_at_once_and_is_replaced_by_a_small_one(tmp_path):
    path = settings_file(tmp_path)
    path.parent.mkdir(parents=True)
    line = "x" * 1000
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("[look]\ntheme=dark\n[junk]\n")
        handle.writelines(f"key{i}={line}\n" for i in range(50_000))
    done = run_app(tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    theme, _started, closing = done.stdout.split()
    assert theme == "light"  # not read
    assert path.stat().st_size < 4096
    assert "junk" not in path.read_text(encoding="utf-8")
    assert float(closing) < 5
    assert len(said(done, "is larger than")) == 1, done.stderr[-2000:]


def test_home_pointing_nowhere_creates_nothing(tmp_path):
    home = tmp_path / "nowhere" / "home"
    done = run_app(home)
    assert done.returncode == 0, done.stderr[-2000:]
    assert not (tmp_path / "nowhere").exists()
    assert len(said(done, "no usable folder for settings")) == 1, done.stderr[-2000:]
    assert "ZeroDivisionError" in done.stderr  # the crash report went to stderr


def test_home_unset_creates_nothing_under_the_root():
    """The one test outside tmp_path (Qt takes the root for a home that is not set): should it fail, it
    removes the app's own folders it made there."""
    made = [Path("/.config", APP), Path("/.local/share", APP)]
    before = {path: path.exists() for path in made}
    done = run_app(None)
    after = {path: path.exists() for path in made}
    for path in made:
        if after[path] and not before[path]:
            shutil.rmtree(path)
    assert after == before
    assert done.returncode == 0, done.stderr[-2000:]
    assert len(said(done, "no usable folder for settings")) == 1, done.stderr[-2000:]


# -- the store, in this process ------------------------------------------------------------------------
def test_only_the_apps_own_keys_are_kept(tmp_path):
    path = tmp_path / "app.conf"
    path.write_text("[look]\ntheme=dark\ntext_scale=1.5\n[other]\nstranger=1\n[window]\nspare=2\n")
    store = prefs.Store(path)
    assert store.problem == ""
    assert prefs.load(store).theme == "dark" and prefs.load(store).text_scale == 1.5
    chosen = prefs.Preferences(theme="dark", text_scale=1.5, language="zh", last_deck="/decks/a.posdeck",
                               sequential_map="magma", diverging_map="CET-D1A")
    prefs.save(store, chosen)
    store.setValue(prefs.GEOMETRY_KEY, QByteArray(b"\x00\x01layout\xff"))
    store.sync()
    text = path.read_text(encoding="utf-8")
    assert "stranger" not in text and "spare" not in text
    again = prefs.Store(path)
    assert prefs.load(again) == chosen
    assert again.value(prefs.GEOMETRY_KEY) == QByteArray(b"\x00\x01layout\xff")
    assert [p.name for p in tmp_path.iterdir()] == ["app.conf"]  # no temporary left


def test_a_link_to_a_regular_file_is_read_and_written_through(tmp_path):
    target = tmp_path / "dotfiles" / "app.conf"
    target.parent.mkdir()
    target.write_text("[look]\ntheme=dark\n")
    link = tmp_path / "app.conf"
    link.symlink_to(target)
    store = prefs.Store(link)
    assert prefs.load(store).theme == "dark"
    prefs.save(store, prefs.Preferences(theme="light"))
    assert link.is_symlink() and "theme=light" in target.read_text()


@pytest.mark.parametrize("kind", ["fifo", "folder", "link to a fifo"])
def test_what_is_not_a_regular_file_is_left_alone(tmp_path, kind):
    path = tmp_path / "app.conf"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    else:
        os.mkfifo(tmp_path / "pipe")
        path.symlink_to(tmp_path / "pipe")
    store = prefs.Store(path)
    assert "is not a regular file" in store.problem and "\n" not in store.problem
    assert prefs.load(store) == prefs.Preferences()
    prefs.save(store, prefs.Preferences(theme="dark"))
    if kind == "folder":
        assert path.is_dir() and not any(path.iterdir())
    else:
        assert stat.S_ISFIFO(os.stat(path).st_mode) and path.is_symlink() == (kind == "link to a fifo")
    assert len(list(tmp_path.iterdir())) == (2 if kind == "link to a fifo" else 1)


def test_no_location_means_defaults_and_nothing_written(tmp_path):
    store = prefs.Store(None)
    assert "no usable folder" in store.problem
    prefs.save(store, prefs.Preferences(theme="dark"))
    assert prefs.load(store).theme == "dark"  # kept for the session


def test_a_failed_save_is_said_once_and_raises_nothing(tmp_path, capsys):
    folder = tmp_path / "folder"
    store = prefs.Store(folder / "app.conf")
    assert store.problem == ""
    folder.write_text("a file where the folder should be, made after the start")
    prefs.save(store, prefs.Preferences(theme="dark"))
    prefs.save(store, prefs.Preferences(theme="light"))
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("posenc-gui: cannot save the settings")
    assert folder.read_text().startswith("a file")


def test_locations_need_an_existing_home_other_than_the_root(qapp, tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setenv("HOME", str(home))
    assert locations.usable(QStandardPaths.GenericConfigLocation) == home / ".config"
    assert crash.default_log_dir().is_relative_to(home)
    monkeypatch.setenv("HOME", str(tmp_path / "missing"))
    assert locations.usable(QStandardPaths.GenericConfigLocation) is None
    assert prefs.settings_path() is None and crash.default_log_dir() is None
    monkeypatch.delenv("HOME")
    assert locations.usable(QStandardPaths.GenericConfigLocation) is None
    monkeypatch.setenv("HOME", str(home))
    elsewhere = tmp_path / "elsewhere"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(elsewhere))
    assert locations.usable(QStandardPaths.GenericConfigLocation) is None  # outside home, not there: not made
    elsewhere.mkdir()
    assert locations.usable(QStandardPaths.GenericConfigLocation) == elsewhere
