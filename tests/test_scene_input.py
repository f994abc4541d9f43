"""Scenes and decks as files: read without Qt; what is read can be written back (no lone surrogates);
texts have limits; a key given twice is refused; long notes never widen the window past the screen."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from posenc_gui import scene_files
from posenc_gui.app.file_commands import read_scene
from posenc_gui.app.selftest import run_self_test
from posenc_gui.app.views import applies
from posenc_gui.app.window import MainWindow
from posenc_gui.core.params import InputError, shown
from posenc_gui.scene import MAX_NOTES, MAX_OPTION_TEXT, MAX_SCENES, MAX_TEXT, MAX_TITLE, Deck, Scene
from posenc_gui.scene_files import MAX_DECK_BYTES

ROOT = Path(__file__).resolve().parents[1]
VIEWS = applies()


def assert_one_line(error: InputError, *parts: str) -> None:
    message = str(error)
    assert message and "\n" not in message and len(message) < 400, message
    for part in parts:
        assert part in message, message


def write_deck(path: Path, scenes: list, **deck) -> Path:
    """A deck file as an editor would write it: JSON with non-ASCII escaped, so that a lone
    surrogate is there as the six characters \\udXXX, as in the files that crashed the app."""
    path.write_text(json.dumps({"version": 1, **deck, "scenes": scenes}))
    return path


# -- no Qt --------------------------------------------------------------------------------------------
NO_QT_PROBE = """
import sys, tempfile
from pathlib import Path
from posenc_gui.scene import Deck, Scene
from posenc_gui.paths import resource
deck = Deck.load(resource("decks", "default.posdeck"))
folder = Path(tempfile.mkdtemp())
deck.save(folder / "copy.posdeck")
deck.scenes[3].save(folder / "one.json")
assert Deck.load(folder / "copy.posdeck") == deck and Scene.load(folder / "one.json") == deck.scenes[3]
print(sorted(name for name in sys.modules if name.split(".")[0] in ("PySide6", "shiboken6", "pyqtgraph", "superqt")))
"""


def test_decks_and_scenes_are_read_checked_and_written_without_qt(tmp_path):
    done = subprocess.run([sys.executable, "-c", NO_QT_PROBE], capture_output=True, text=True, timeout=120,
                          cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "[]"


# -- lone surrogates ----------------------------------------------------------------------------------
SURROGATE_PLACES = {
    "token text": ({"text": "cat \ud800 dog"}, {}, "scene 1: text holds a lone surrogate (U+D800) at character 5"),
    "scene title": ({"title": "\udfff"}, {}, "scene 1: title holds a lone surrogate (U+DFFF) at character 1"),
    "notes": ({"notes": "see \udfff"}, {}, "scene 1: notes holds a lone surrogate (U+DFFF)"),
    "deck title": ({}, {"title": "a \udc80"}, "title holds a lone surrogate (U+DC80) at character 3"),
    "option value": ({"options": {"mode": "x\ud83d"}}, {}, "scene 1: option mode holds a lone surrogate (U+D83D)"),
    "option name": ({"options": {"m\ud83d": 1}}, {},
                    "scene 1: option name 'm\\ud83d' holds a lone surrogate (U+D83D) at character 2"),
}


@pytest.mark.parametrize("fields, deck, message", SURROGATE_PLACES.values(), ids=SURROGATE_PLACES.keys())
def test_a_lone_surrogate_is_refused_on_reading_with_where_it_is(tmp_path, fields, deck, message):
    path = write_deck(tmp_path / "lecture.posdeck", [{"method": "sinusoidal", "view": "attention", **fields}], **deck)
    with pytest.raises(InputError) as caught:
        Deck.load(path, VIEWS)
    assert_one_line(caught.value, "lecture.posdeck: " + message)


def test_a_scene_file_with_a_lone_surrogate_is_refused(tmp_path):
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"method": "sinusoidal", "notes": "\ud800"}))
    with pytest.raises(InputError, match=r"one.json: notes holds a lone surrogate \(U\+D800\)"):
        read_scene(path)


def test_the_self_test_refuses_a_deck_with_a_lone_surrogate_in_one_line(qapp, tmp_path, capsys):
    path = write_deck(tmp_path / "s.posdeck", [{"method": "sinusoidal", "view": "attention", "text": "cat \ud800 dog"}])
    assert run_self_test(qapp, deck_path=str(path)) == 2
    assert capsys.readouterr().err == ("posenc-gui: error: s.posdeck: scene 1: text holds a lone surrogate (U+D800)"
                                       " at character 5, which is not text; remove it\n")


def test_paired_surrogates_in_json_are_one_character_and_accepted(tmp_path):
    path = tmp_path / "emoji.posdeck"
    path.write_text('{"version": 1, "title": "\\ud83d\\ude00", "scenes": [{"method": "sinusoidal", '
                    '"text": "cat \\ud83d\\udc31 dog"}]}')
    deck = Deck.load(path, VIEWS)
    assert deck.title == "\N{GRINNING FACE}" and deck.scenes[0].text == "cat \N{CAT FACE} dog"
    deck.save(tmp_path / "again.posdeck")
    assert Deck.load(tmp_path / "again.posdeck", VIEWS) == deck


def test_the_model_refuses_a_lone_surrogate_from_the_panel_too(qapp):
    from posenc_gui.app.state import StateModel

    model = StateModel(Scene(view="attention"), views=VIEWS)
    errors = []
    model.error.connect(errors.append)
    assert not model.update(text="cat \ud800")
    assert model.scene.text == Scene().text and errors and "lone surrogate" in errors[0]


# Arbitrary Unicode and, as often as not in a deck, a lone surrogate (Hypothesis draws none unless
# asked), or a text at or just over a limit.
CLEAN = st.text(st.characters(), max_size=30)
WITH_SURROGATE = st.builds(lambda head, surrogate, tail: head + surrogate + tail,
                           CLEAN, st.characters(categories=["Cs"]), CLEAN)
AT_A_LIMIT = st.builds(lambda length, tail: "w" * length + tail,
                       st.sampled_from([MAX_OPTION_TEXT, MAX_TITLE, MAX_TEXT, MAX_NOTES]), st.text(max_size=1))
TEXTS = st.one_of(CLEAN, WITH_SURROGATE, AT_A_LIMIT)
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


DECK_TEXTS = ("deck title", "title", "notes", "text", "deck title_zh", "title_zh", "notes_zh", "option name",
              "option value")


@PROPERTY
@given(texts=st.fixed_dictionaries({name: CLEAN.filter(bool) if name == "option name" else CLEAN
                                    for name in DECK_TEXTS}),
       name=st.sampled_from(DECK_TEXTS), odd=TEXTS)
def test_any_unicode_deck_is_refused_cleanly_or_saved_and_read_back_equal(tmp_path, texts, name, odd):
    texts = {**texts, name: odd}  # one text of any kind among ordinary ones: mostly read, often refused
    scenes = [{"method": "sinusoidal", "view": "attention", "title": texts["title"], "notes": texts["notes"],
               "text": texts["text"], "title_zh": texts["title_zh"], "notes_zh": texts["notes_zh"],
               "options": {texts["option name"]: texts["option value"]}}]
    path = write_deck(tmp_path / "in.posdeck", scenes, title=texts["deck title"], title_zh=texts["deck title_zh"])
    try:
        deck = Deck.load(path, VIEWS)
    except InputError as error:
        assert_one_line(error)
        return
    scene = deck.scenes[0]
    assert (deck.title, scene.title, scene.notes, scene.text, deck.title_zh, scene.title_zh,
            scene.notes_zh) == tuple(texts[n] for n in DECK_TEXTS[:7])  # as read
    assert scene.options == {texts["option name"]: texts["option value"]}
    deck.save(tmp_path / "out.posdeck")  # never fails on what was accepted
    assert Deck.load(tmp_path / "out.posdeck", VIEWS) == deck


@PROPERTY
@given(title=TEXTS, notes=TEXTS, text=TEXTS, title_zh=TEXTS, notes_zh=TEXTS)
def test_any_unicode_scene_is_refused_cleanly_or_saved_and_read_back_equal(tmp_path, title, notes, text, title_zh,
                                                                          notes_zh):
    path = tmp_path / "in.json"
    path.write_text(json.dumps({"method": "alibi", "view": "attention", "title": title, "notes": notes, "text": text,
                                "title_zh": title_zh, "notes_zh": notes_zh}))
    try:
        scene = Scene.load(path, VIEWS)
    except InputError as error:
        assert_one_line(error)
        return
    scene.save(tmp_path / "out.json")
    assert Scene.load(tmp_path / "out.json", VIEWS) == scene
    assert (scene.title, scene.notes, scene.text, scene.title_zh, scene.notes_zh) == (title, notes, text, title_zh,
                                                                                          notes_zh)


# -- keys given twice -----------------------------------------------------------------------------------
def test_a_key_given_twice_is_refused_with_its_name(tmp_path):
    """Python's json keeps the last of two values silently: a bad seq_len followed by a good one
    passed unseen."""
    path = tmp_path / "twice.posdeck"
    path.write_text('{"version": 1, "scenes": [{"method": "sinusoidal", "params": {"seq_len": 0, "seq_len": 64}}]}')
    with pytest.raises(InputError) as caught:
        Deck.load(path, VIEWS)
    assert_one_line(caught.value, "twice.posdeck: the key 'seq_len' is given twice in one object")
    path.write_text('{"version": 1, "scenes": [], "scenes": [{"method": "sinusoidal"}]}')
    with pytest.raises(InputError, match="the key 'scenes' is given twice"):
        Deck.load(path, VIEWS)
    scene = tmp_path / "twice.json"
    scene.write_text('{"method": "sinusoidal", "notes": "a", "notes": "b"}')
    with pytest.raises(InputError, match=r"twice.json: the key 'notes' is given twice .*a scene names"):
        read_scene(scene)


def test_equal_keys_in_different_objects_are_fine(tmp_path):
    scenes = [{"method": "sinusoidal", "title": "a"}, {"method": "rope", "title": "b"}]
    path = write_deck(tmp_path / "d.posdeck", scenes)
    assert [s.title for s in Deck.load(path, VIEWS).scenes] == ["a", "b"]


# -- limits ----------------------------------------------------------------------------------------------
LIMITS = {
    "scene title": ({"title": "t" * (MAX_TITLE + 1)}, {}, f"scene 1: title is {MAX_TITLE + 1} characters long; "
                                                          f"at most {MAX_TITLE}"),
    "notes": ({"notes": "n" * (MAX_NOTES + 1)}, {}, f"scene 1: notes is {MAX_NOTES + 1} characters long; "
                                                     f"at most {MAX_NOTES}"),
    "token text": ({"text": "w " * MAX_TEXT}, {}, f"scene 1: text is {2 * MAX_TEXT} characters long; "
                                                   f"at most {MAX_TEXT}"),
    "deck title": ({}, {"title": "t" * 5000}, f"title is 5000 characters long; at most {MAX_TITLE}"),
    "Chinese scene title": ({"title_zh": "题" * (MAX_TITLE + 1)}, {},
                            f"scene 1: title_zh is {MAX_TITLE + 1} characters long; at most {MAX_TITLE}"),
    "Chinese notes": ({"notes_zh": "注" * (MAX_NOTES + 1)}, {},
                      f"scene 1: notes_zh is {MAX_NOTES + 1} characters long; at most {MAX_NOTES}"),
    "Chinese deck title": ({}, {"title_zh": "题" * 5000}, f"title_zh is 5000 characters long; at most {MAX_TITLE}"),
    "option name": ({"options": {"o" * 300: 1}}, {},
                    f"scene 1: option name {shown('o' * 300)} is longer than {MAX_OPTION_TEXT} characters"),
}


@pytest.mark.parametrize("fields, deck, message", LIMITS.values(), ids=LIMITS.keys())
def test_texts_over_their_limit_are_refused_naming_the_limit(tmp_path, fields, deck, message):
    path = write_deck(tmp_path / "big.posdeck", [{"method": "sinusoidal", **fields}], **deck)
    with pytest.raises(InputError) as caught:
        Deck.load(path, VIEWS)
    assert_one_line(caught.value, "big.posdeck: " + message)


def test_texts_at_their_limit_are_read():
    scene = Scene.from_json({"method": "sinusoidal", "title": "t" * MAX_TITLE, "notes": "n" * MAX_NOTES,
                             "text": "w" * MAX_TEXT}, VIEWS)
    assert len(scene.notes) == MAX_NOTES


def test_a_deck_of_too_many_scenes_is_refused_before_checking_them():
    """Checking each scene of 200,000 (3.8 MiB of JSON) took 7.9 s on the GUI thread."""
    with pytest.raises(InputError, match=f"the deck has {MAX_SCENES + 1} scenes; at most {MAX_SCENES}"):
        Deck.from_json({"version": 1, "scenes": [{"method": "nowhere"}] * (MAX_SCENES + 1)})
    assert len(Deck.from_json({"version": 1, "scenes": [{"method": "rope"}] * MAX_SCENES}).scenes) == MAX_SCENES


def test_a_file_over_the_size_cap_is_refused_before_parsing(tmp_path, monkeypatch):
    path = tmp_path / "long.posdeck"
    path.write_text(json.dumps({"version": 1, "scenes": [{"method": "sinusoidal"}]}) + " " * MAX_DECK_BYTES)

    def never(*args, **kwargs):
        raise AssertionError("parsed")

    monkeypatch.setattr(scene_files.json, "loads", never)
    with pytest.raises(InputError) as caught:
        Deck.load(path, VIEWS)
    assert_one_line(caught.value, f"long.posdeck: larger than {MAX_DECK_BYTES // 1024**2} MiB; not a deck")


# -- long notes in the window ---------------------------------------------------------------------------
@pytest.fixture
def window(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(700, 500)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.mark.parametrize("length", [200, 5000])
def test_notes_without_spaces_wrap_and_keep_the_window_within_the_screen(window, qapp, tmp_path, length):
    """A 200-character note with no space (a URL) made the window 2,026 pixels wide here; 5,000 made
    it 50,251, whatever the window was resized to."""
    notes = "https://example.org/" + "x" * (length - 20)
    path = write_deck(tmp_path / "urls.posdeck", [{"method": "sinusoidal", "notes": notes}])
    assert window.open_deck(path)
    qapp.processEvents()
    screen = window.screen().availableGeometry().width()
    assert window.minimumSizeHint().width() <= screen
    assert window.width() == 700
    window.resize(screen, 500)
    qapp.processEvents()
    assert window.frameGeometry().width() <= screen + 8  # the frame only (none offscreen)
    assert window.notes.toPlainText() == notes
    assert window.notes.document().idealWidth() <= window.notes.viewport().width()  # broken into lines
    assert window.notes_dock.height() <= window.height() // 3 + 1  # long notes scroll


def test_a_clicker_steps_the_deck_while_the_notes_have_the_focus(window, qtbot, tmp_path):
    path = write_deck(tmp_path / "d.posdeck", [{"method": "sinusoidal", "notes": "one " * 50},
                                               {"method": "sinusoidal", "notes": "two"}])
    assert window.open_deck(path)
    qtbot.mouseClick(window.notes.viewport(), Qt.LeftButton)
    assert window.notes.hasFocus()
    qtbot.keyClick(window.notes, Qt.Key_PageDown)
    assert window.deck.index == 1 and window.notes.toPlainText() == "two"


def test_saving_from_the_window_never_fails_on_an_accepted_deck(window, tmp_path):
    notes = "\N{CAT FACE} \x00 \u200b\u202e" + "\U0010ffff" * 10
    path = write_deck(tmp_path / "odd.posdeck", [{"method": "sinusoidal", "title": "\x7f", "notes": notes}],
                      title="\ufeff")
    assert window.open_deck(path)
    assert window.save_deck(tmp_path / "saved.posdeck")
    assert window.save_scene(tmp_path / "saved.json")
    assert Deck.load(tmp_path / "saved.posdeck", VIEWS).scenes[0].notes == notes


# -- titles and notes in the interface language ---------------------------------------------------------
def test_a_deck_without_chinese_texts_reads_as_before_and_falls_back_to_english():
    deck = Deck.from_json({"version": 1, "title": "Deck", "scenes": [{"method": "rope", "title": "T", "notes": "N"}]})
    scene = deck.scenes[0]
    assert (scene.title_zh, scene.notes_zh, deck.title_zh) == ("", "", "")
    assert (scene.title_in("zh"), scene.notes_in("zh"), deck.title_in("zh")) == ("T", "N", "Deck")


def test_titles_and_notes_follow_the_language_and_either_one_stands_in_for_the_other():
    scene = Scene.from_json({"method": "rope", "title": "Rotate", "title_zh": "旋转", "notes_zh": "只有中文"})
    assert (scene.title_in("en"), scene.title_in("zh")) == ("Rotate", "旋转")
    assert scene.notes_in("en") == scene.notes_in("zh") == "只有中文"  # nothing in English: the Chinese, not blank


def test_a_chinese_text_that_is_not_a_string_is_refused_by_name():
    with pytest.raises(InputError, match="notes_zh must be a string, not a number"):
        Scene.from_json({"method": "rope", "notes_zh": 3})
    with pytest.raises(InputError, match="unknown deck key 'titel_zh'; known: version, title, title_zh, scenes"):
        Deck.from_json({"version": 1, "titel_zh": "x", "scenes": [{"method": "rope"}]})


def test_the_window_shows_the_deck_texts_in_the_interface_language(window, qapp, tmp_path):
    path = write_deck(tmp_path / "two.posdeck", [{"method": "sinusoidal", "title": "Waves", "notes": "Point at it.",
                                                 "title_zh": "波", "notes_zh": "指向它。"}],
                      title="Lecture", title_zh="讲座")
    assert window.open_deck(path)
    assert window.notes.toPlainText() == "Point at it." and "Waves" in window.deck_label.full_text
    window.set_language("zh")
    try:
        assert window.notes.toPlainText() == "指向它。" and "波" in window.deck_label.full_text
        assert window.windowTitle().startswith("1/1 · 波 — ")  # where the lecture is, in the interface language
        assert window.save_deck(tmp_path / "saved.posdeck")  # both languages kept
        saved = Deck.load(tmp_path / "saved.posdeck", VIEWS)
        assert (saved.title_zh, saved.scenes[0].notes_zh, saved.scenes[0].notes) == ("讲座", "指向它。", "Point at it.")
    finally:
        window.set_language("en")
