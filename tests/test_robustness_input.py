"""Every input path answers bad input with a clear one-line message and no crash: deck and scene
files, command-line style values, the panel's fields, export targets, array files, hostile scenes
in the real window and the memory budget."""

import ast
import errno
import io
import json
import os
import subprocess
import sys
import tracemalloc
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt

import posenc_gui
from posenc_gui import files
from posenc_gui.app import export, state
from posenc_gui.app.file_commands import read_scene
from posenc_gui.app.state import SCENE_KEYS, Deck, Scene
from posenc_gui.app.views import applies
from posenc_gui.app.window import MainWindow
from posenc_gui.core import registry
from posenc_gui.core.params import InputError
from posenc_gui.scene_files import MAX_DECK_BYTES, NOT_A_FILE

VIEWS = applies()
METHODS = [m.name for m in registry.all_methods()]
HUGE = [10**100, 10**400, -10**400, 1e308, -1e308, 2**63, 2**31]


def assert_one_line(error: InputError, *parts: str) -> None:
    message = str(error)
    assert message and "\n" not in message and len(message) < 400, message
    for part in parts:
        assert part in message, message


def deck_json(**scene) -> str:
    return json.dumps({"version": 1, "scenes": [{"method": "sinusoidal", **scene}]})


# -- deck and scene files ------------------------------------------------------------------------
BAD_DECKS = {
    "malformed JSON": b'{"version": 1, "scenes": [',
    "empty file": b"",
    "only spaces": b"   \n  ",
    "binary junk": bytes(range(256)) * 4,
    "NUL bytes": b'{"version": 1,\x00 "scenes": []}',
    "UTF-16 with BOM": '{"version": 1, "scenes": [{"method": "sinusoidal"}]}'.encode("utf-16"),
    "deeply nested": b"[" * 100_000 + b"]" * 100_000,
    "deeply nested objects": b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
    "a list, not an object": b"[1, 2, 3]",
    "unknown version": b'{"version": 99, "scenes": [{"method": "sinusoidal"}]}',
    "version as text": b'{"version": "1", "scenes": [{"method": "sinusoidal"}]}',
    "version as huge number": b'{"version": 1' + b"0" * 400 + b', "scenes": []}',
    "no scenes": b'{"version": 1, "scenes": []}',
    "scenes not a list": b'{"version": 1, "scenes": {"method": "sinusoidal"}}',
    "unknown method": deck_json().replace("sinusoidal", "sinusoidul").encode(),
    "method not a string": b'{"version": 1, "scenes": [{"method": 7}]}',
    "unknown view": deck_json(view="nowhere").encode(),
    "param of the wrong type": deck_json(params={"seq_len": "many"}).encode(),
    "param as a list": deck_json(params={"seq_len": [1, 2]}).encode(),
    "param 1e308": deck_json(params={"seq_len": 1e308}).encode(),
    "param 10**100": deck_json(params={"d_model": 10**100}).encode(),
    "param 10**400 for a float": deck_json(params={"base": 10**400}).encode(),
    "param with more digits than Python prints": b'{"version": 1, "scenes": [{"method": "sinusoidal", '
                                                 b'"params": {"seq_len": 1' + b"0" * 5000 + b"}}]}",
    "param NaN": b'{"version": 1, "scenes": [{"method": "sinusoidal", "params": {"base": NaN}}]}',
    "param Infinity": b'{"version": 1, "scenes": [{"method": "sinusoidal", "params": {"base": Infinity}}]}',
    "param not whole": deck_json(params={"seq_len": 64.5}).encode(),
    "unknown param with a newline": deck_json(params={"a\nb": 1}).encode(),
    "position huge": deck_json(position=10**100).encode(),
    "position past the Qt int": deck_json(position=2**31).encode(),
    "head huge": deck_json(head=10**100).encode(),
    "dims huge": deck_json(dims=[10**100]).encode(),
    "dims too many": deck_json(dims=list(range(1000))).encode(),
    "option huge": deck_json(options={"step": 10**100}).encode(),
    "option 1e308": deck_json(options={"step": 1e308}).encode(),
    "text too long": deck_json(text="word " * 10_000).encode(),
    "causal as text": deck_json(causal="yes").encode(),
    "unknown key": deck_json(colour="red").encode(),
}


@pytest.mark.parametrize("content", BAD_DECKS.values(), ids=BAD_DECKS.keys())
def test_bad_deck_files_give_one_line_input_errors(tmp_path, content):
    path = tmp_path / "lecture.json"
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        Deck.load(path, views=VIEWS)
    assert_one_line(caught.value, "lecture.json")


@pytest.mark.parametrize("content", list(BAD_DECKS.values())[:12], ids=list(BAD_DECKS)[:12])
def test_bad_scene_files_give_one_line_input_errors(tmp_path, content):
    path = tmp_path / "scene.json"
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        read_scene(path)
    assert_one_line(caught.value)


def test_deck_quirks_that_are_fine_are_read(tmp_path):
    path = tmp_path / "notepad.json"
    path.write_bytes(b"\xef\xbb\xbf" + deck_json(params={"seq_len": 64.0, "base": 100}).encode())
    scene = Deck.load(path, views=VIEWS).scenes[0]
    assert scene.params["seq_len"] == 64 and isinstance(scene.params["seq_len"], int)
    assert scene.params["base"] == 100.0 and isinstance(scene.params["base"], float)


def test_utf16_deck_says_what_to_do(tmp_path):
    path = tmp_path / "deck.json"
    path.write_bytes(deck_json().encode("utf-16"))
    with pytest.raises(InputError, match="UTF-16.*UTF-8"):
        Deck.load(path)


def test_a_directory_a_missing_file_and_a_pipe_are_refused(tmp_path):
    for path in (tmp_path, tmp_path / "missing.json"):
        with pytest.raises(InputError) as caught:
            Deck.load(path)
        assert_one_line(caught.value)
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)  # opening it would block for ever
    with pytest.raises(InputError, match="not a file"):
        Deck.load(fifo)


def test_a_100_mb_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.json"
    with open(path, "wb") as handle:
        handle.truncate(100 * 1024**2)  # sparse: 100 MB long, nothing written
    tracemalloc.start()
    try:
        with pytest.raises(InputError, match="larger than"):
            Deck.load(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 2 * MAX_DECK_BYTES


def test_an_unreadable_file_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "locked.json"
    path.write_text(deck_json())

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)  # chmod 000 does not stop root, which runs CI
    with pytest.raises(InputError, match="Permission denied"):
        Deck.load(path)


def test_scene_files_are_read_like_decks(tmp_path):
    """read_scene goes through read_json: pipes and devices are not opened, a huge file is not read,
    a UTF-8 byte-order mark is fine."""
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    for path, message in ((fifo, "not a file"), (Path("/dev/zero"), "not a file"), (tmp_path, "not a file")):
        with pytest.raises(InputError, match=message) as caught:
            read_scene(path)
        assert_one_line(caught.value, path.name)
    huge = tmp_path / "huge.json"
    with open(huge, "wb") as handle:
        handle.truncate(100 * 1024**2)
    tracemalloc.start()
    try:
        with pytest.raises(InputError, match="larger than"):
            read_scene(huge)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 2 * MAX_DECK_BYTES
    notepad = tmp_path / "notepad.json"
    notepad.write_bytes(b"\xef\xbb\xbf" + json.dumps({"method": "sinusoidal", "position": 3}).encode())
    assert read_scene(notepad).position == 3
    notepad.write_bytes(json.dumps({"method": "sinusoidal"}).encode("utf-16"))
    with pytest.raises(InputError, match="UTF-16"):
        read_scene(notepad)


def test_file_problems_are_shown_in_the_interface_language(window, tmp_path, monkeypatch):
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    words = {NOT_A_FILE: "{0}：不是文件（{1}是 UTF-8 JSON 文件）", "scene": "场景", "deck": "课件"}
    monkeypatch.setattr(state.i18n, "translate", lambda _context, text: words.get(text, text))
    assert not window.open_scene(fifo)
    assert window.error_label.text() == "pipe.json：不是文件（场景是 UTF-8 JSON 文件）"
    assert not window.open_deck(fifo)
    assert window.error_label.text() == "pipe.json：不是文件（课件是 UTF-8 JSON 文件）"
    with pytest.raises(InputError, match=r"pipe.json: not a file \(a deck is a UTF-8 JSON file\)"):
        Deck.load(fifo)  # the command line's message stays English


# -- fuzzing the JSON loaders ----------------------------------------------------------------------
SCALARS = (st.none() | st.booleans() | st.integers() | st.sampled_from(HUGE) | st.floats()
           | st.text(max_size=12))
JSON_VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=20)


@st.composite
def near_valid_scenes(draw):
    """Scene objects with a real method and real key names, and anything as their values."""
    method = draw(st.sampled_from(METHODS) | JSON_VALUES)
    names = [p.name for p in registry.get(method).params] if method in METHODS else ["seq_len"]
    data = {"method": method,
            "params": draw(st.dictionaries(st.sampled_from(names) | st.text(max_size=5), JSON_VALUES, max_size=4)
                           | JSON_VALUES)}
    for key in draw(st.sets(st.sampled_from([k for k in SCENE_KEYS if k not in data]))):
        data[key] = draw(st.sampled_from(list(VIEWS)) | JSON_VALUES) if key == "view" else draw(JSON_VALUES)
    return data


def only_input_errors(load, data) -> None:
    try:
        load(data, VIEWS)
    except InputError as error:
        assert_one_line(error)


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(near_valid_scenes())
def test_scene_from_json_raises_only_input_errors(data):
    only_input_errors(Scene.from_json, data)


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(near_valid_scenes(), min_size=1, max_size=3), JSON_VALUES, JSON_VALUES)
def test_deck_from_json_raises_only_input_errors(scenes, version, title):
    only_input_errors(Deck.from_json, {"version": version, "title": title, "scenes": scenes})
    only_input_errors(Deck.from_json, {"version": 1, "scenes": scenes})


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(JSON_VALUES)
def test_any_json_value_gives_only_input_errors(data):
    only_input_errors(Scene.from_json, data)
    only_input_errors(Deck.from_json, data)


# -- command-line style values -----------------------------------------------------------------------
CLI_VALUES = ["", " ", "abc", "nan", "inf", "-inf", "1e308", "-1e308", "1" + "0" * 100, "1" + "0" * 5000,
              "1e-400", "0x10", "12\x00", "\x00", "１２", "1_000", "true", "none", *HUGE, None, [], {}, b"12"]


@pytest.mark.parametrize("name", METHODS)
def test_param_coerce_answers_any_value_with_a_valid_value_or_an_input_error(name):
    for param in registry.get(name).params:
        for value in CLI_VALUES:
            try:
                coerced = param.coerce(value)
            except InputError as error:
                assert_one_line(error, param.name)
                continue
            assert coerced == param.coerce(coerced)  # a valid value, in range


# -- hostile but valid scenes in the real window ------------------------------------------------------
HOSTILE_SCENES = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication(["hostile"])
seen = []
sys.excepthook = lambda kind, value, tb: seen.append(f"{kind.__name__}: {value}")
from posenc_gui.app.state import MAX_INDEX, Scene
from posenc_gui.app.views import applies
from posenc_gui.app.window import MainWindow
from posenc_gui.core import registry
HOSTILE = [dict(position=MAX_INDEX, head=MAX_INDEX, dims=(MAX_INDEX, 0, MAX_INDEX - 1)), dict(text=""),
           dict(text="x " * 999, head=63), dict(options={"step": 10**9, "patch": -10**9, "x": 1e9})]
window = MainWindow()
window.resize(900, 600)
window.show()
done = set()
for method in sys.argv[1:]:
    for view, applies_to in applies().items():
        if applies_to(registry.get(method)) and view not in done:
            done.add(view)
            for fields in HOSTILE:
                window.model.set_scene(Scene(method=method, view=view, **fields))
                app.processEvents()
                if seen:
                    sys.exit(f"{method} {view} {fields}: {seen[0]}")
window.runner.wait()
app.processEvents()
sys.exit(seen[0] if seen else 0)
"""


def test_hostile_but_valid_scenes_do_not_break_any_view():
    """Extreme positions, heads, dims, texts and options in every view (in a child process, so that
    a crash in Qt fails this test instead of ending the test run)."""
    done = subprocess.run([sys.executable, "-X", "faulthandler", "-c", HOSTILE_SCENES, "sinusoidal", "alibi"],
                          capture_output=True, text=True, timeout=600,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr[-3000:]


@pytest.fixture
def window(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(900, 600)
    window.show()
    return window


@pytest.fixture
def uncaught(monkeypatch):
    """Uncaught exceptions (slots, paint events) recorded instead of printed."""
    seen = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, value, tb: seen.append(f"{kind.__name__}: {value}"))
    return seen


# -- the panel's fields ----------------------------------------------------------------------------------
def type_into(qtbot, editor, text: str) -> None:
    editor.selectAll()
    qtbot.keyClicks(editor, text) if text else editor.clear()
    qtbot.keyClick(editor, Qt.Key_Return)


def test_junk_typed_into_the_panel_leaves_a_valid_state(window, qtbot, uncaught):
    window.model.set_method("learned")
    seed_box = window.panel.controls["seed"]      # a spin box: the range is too wide for a slider
    base_before = dict(window.model.scene.params)
    for text in ("", "abc", "-5", "99999999999999999999", "1e308", "12abc", "--3"):
        type_into(qtbot, seed_box.lineEdit(), text)
        scene = window.model.scene
        assert scene.validated(VIEWS) == scene
        assert 0 <= scene.params["seed"] <= 2**31 - 1
    window.model.set_method("sinusoidal")
    base_box = window.panel.controls["base"].box  # the spin box of the log slider
    for text in ("", "abc", "-5", "1e99", "0"):
        type_into(qtbot, base_box.lineEdit(), text)
        scene = window.model.scene
        assert scene.validated(VIEWS) == scene
        assert 2.0 <= scene.params["base"] <= 1e7
    assert uncaught == []
    assert set(base_before) == set(registry.get("learned").defaults())


def test_a_panel_edit_the_method_refuses_is_reported_and_undone(window, qtbot, uncaught):
    window.model.set_method("image2d")
    slider = window.panel.controls["d_model"]
    slider.setValue(130)                           # not a multiple of 4
    qtbot.waitUntil(lambda: "multiple of 4" in window.error_label.text())
    assert window.model.scene.params["d_model"] == 128
    assert slider.value() == 128                   # the control shows the model's value again
    slider.setValue(132)
    assert window.model.scene.params["d_model"] == 132
    assert uncaught == []


# -- export targets ---------------------------------------------------------------------------------------
ARRAYS = {"encoding": np.arange(12.0).reshape(3, 4), "slopes": np.arange(3.0)}


def writers(window):
    """(name, write(path)) for every way the app writes a file."""
    return [
        ("npy", lambda path: export.write_arrays(path.with_suffix(".npy"), ARRAYS)),
        ("csv", lambda path: export.write_arrays(path.with_suffix(".csv"), ARRAYS)),
        ("npz", lambda path: export.write_arrays(path.with_suffix(".npz"), ARRAYS)),
        ("png", lambda path: export.write_bytes_atomic(path.with_suffix(".png"),
                                                     export.figure_bytes(window.current_view, ".png", 200))),
        ("svg", lambda path: export.write_bytes_atomic(path.with_suffix(".svg"),
                                                     export.figure_bytes(window.current_view, ".svg", 200))),
        ("pdf", lambda path: export.write_bytes_atomic(path.with_suffix(".pdf"),
                                                     export.figure_bytes(window.current_view, ".pdf", 200))),
        ("deck", lambda path: Deck((Scene().validated(VIEWS),)).save(path.with_suffix(".json"))),
    ]


def test_export_into_a_missing_folder_is_refused(window, tmp_path):
    for name, write in writers(window):
        with pytest.raises(InputError) as caught:
            write(tmp_path / "no" / "such" / "folder" / "out")
        assert_one_line(caught.value, "No such file")
    assert not window.export_data(tmp_path / "missing" / "out.npy")
    assert "No such file" in window.error_label.text()


def test_export_into_an_unwritable_folder_is_refused_and_leaves_nothing(window, tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(files.tempfile, "mkstemp", refuse)  # chmod does not stop root, which runs CI
    for name, write in writers(window):
        with pytest.raises(InputError) as caught:
            write(tmp_path / "out")
        assert_one_line(caught.value, "Permission denied")
    assert list(tmp_path.iterdir()) == []


class FullDisk(io.BufferedWriter):
    """A file handle on a disk that fills up after the first few bytes."""

    def write(self, data):
        super().write(bytes(data)[:11])
        self.flush()
        raise OSError(errno.ENOSPC, "No space left on device")


@pytest.fixture
def full_disk(monkeypatch):
    monkeypatch.setattr(files.os, "fdopen", lambda fd, mode: FullDisk(io.FileIO(fd, "w")))


def test_a_full_disk_leaves_no_partial_or_temporary_file_and_the_old_file_intact(window, tmp_path, full_disk):
    for name, write in writers(window):
        folder = tmp_path / name
        folder.mkdir()
        target = folder / "out"
        suffix = {"deck": ".json"}.get(name, "." + name)
        old = target.with_suffix(suffix)
        old.write_bytes(b"the previous export, which must survive")
        with pytest.raises(InputError) as caught:
            write(target)
        assert_one_line(caught.value, "No space left on device")
        assert old.read_bytes() == b"the previous export, which must survive"
        assert [p.name for p in folder.iterdir()] == [old.name]


def test_the_window_reports_a_full_disk_in_the_status_bar(window, tmp_path, full_disk):
    window.model.set_method("sinusoidal", "encoding")
    assert not window.export_data(tmp_path / "pe.csv")
    assert "No space left on device" in window.error_label.text()
    assert list(tmp_path.iterdir()) == []


def test_the_app_writes_data_with_the_command_lines_writer_and_names_up_to_255(window, tmp_path):
    assert export.write_arrays is files.write_arrays   # one writer: what the CLI guarantees, the app gets
    window.model.set_method("sinusoidal", "encoding")
    target = tmp_path / ("n" * 251 + ".csv")            # the temporary file beside it must fit too
    assert window.export_data(target), window.error_label.text()
    assert target.read_text().splitlines()[1].startswith("row,") and list(tmp_path.iterdir()) == [target]


# -- control characters in what a message quotes ------------------------------------------------------
ESCAPED_NAME = "week\\x1b[31m1\\n.posdeck"


def hostile_deck(tmp_path) -> Path:
    folder = tmp_path / "lecture\x1b[2J"
    folder.mkdir()
    deck = folder / "week\x1b[31m1\n.posdeck"
    deck.write_text("not JSON")
    return deck


def assert_escaped(message: str) -> None:
    assert "\n" not in message and "\x1b" not in message and ESCAPED_NAME in message, repr(message)


def test_control_characters_in_a_deck_path_are_escaped_in_the_message(tmp_path):
    with pytest.raises(InputError) as caught:
        Deck.load(hostile_deck(tmp_path), views=VIEWS)
    assert_escaped(str(caught.value))


def test_control_characters_in_a_file_name_are_escaped_in_the_status_bar(window, tmp_path, uncaught):
    assert not window.open_deck(hostile_deck(tmp_path))
    assert_escaped(window.error_label.text())
    assert window.error_label.textFormat() == Qt.PlainText
    saved = tmp_path / "scene\x1b]0;title\x07.json"
    assert window.save_scene(saved)
    message = window.statusBar().currentMessage()
    assert "\x1b" not in message and "\x07" not in message and "scene\\x1b]0;title\\x07.json" in message
    assert uncaught == []


def test_control_characters_in_a_deck_path_give_one_escaped_line_on_the_command_line(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-m", "posenc_gui", "--self-test", "--deck", str(hostile_deck(tmp_path))],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr
    assert_escaped(done.stderr.rstrip("\n"))


# -- array files --------------------------------------------------------------------------------------------
def test_every_np_load_refuses_pickles():
    calls = []
    for source in Path(posenc_gui.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "load"
                    and isinstance(node.func.value, ast.Name) and node.func.value.id in ("np", "numpy")):
                keywords = {k.arg: k.value for k in node.keywords}
                pickles = keywords.get("allow_pickle")
                calls.append((source.name, node.lineno, isinstance(pickles, ast.Constant) and pickles.value is False))
    assert calls, "no np.load found: the scan is broken"
    assert all(safe for _, _, safe in calls), [c for c in calls if not c[2]]


# -- the memory budget ------------------------------------------------------------------------------------
def test_a_request_over_the_memory_budget_is_refused_in_the_status_bar_before_allocating(
        window, qtbot, monkeypatch, uncaught):
    monkeypatch.setenv("POSENC_MEMORY_BUDGET", str(1024**2))
    window.model.set_method("sinusoidal", "encoding")
    tracemalloc.start()
    try:
        window.model.set_params({"seq_len": 8192, "d_model": 1024})   # 64 MiB as float64
        qtbot.waitUntil(lambda: "memory budget" in window.error_label.text(), timeout=10_000)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    message = window.error_label.text()
    assert "64.0 MiB" in message and "1.0 MiB" in message
    assert peak < 8 * 1024**2
    assert window.model.scene.params["seq_len"] == 8192   # the scene is valid; only its arrays are too big
    window.model.set_params({"seq_len": 16, "d_model": 16})
    qtbot.waitUntil(lambda: window.error_label.text() == "")
    assert uncaught == []
