"""The JSON files of scenes and decks: reading one the user opened (every way it can be wrong named in one line) and
the text they are written as. No Qt, as for the scenes themselves."""

from __future__ import annotations

import codecs
import json
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from .core.params import InputError, shown

if TYPE_CHECKING:
    from .scene import Views


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name Qt's lupdate looks for)
    """Mark ``text`` for translation in ``context`` without importing Qt: lupdate finds the call by
    its name, and the app translates the text where it shows it."""
    return text


MAX_DECK_BYTES = 4 * 1024 * 1024  # a deck or scene file larger than this is refused, not read whole


# What read_json reads, and its messages ({0} the file, {1} what it should be, {2} the detail): English
# for the command line, translated in the app.
FILE_KINDS = (QT_TRANSLATE_NOOP("files", "deck"), QT_TRANSLATE_NOOP("files", "scene"))
NOT_A_FILE = QT_TRANSLATE_NOOP("files", "{0}: not a file (a {1} is a UTF-8 JSON file)")
TOO_LARGE = QT_TRANSLATE_NOOP("files", "{0}: larger than {2} MiB; not a {1}")
UTF16 = QT_TRANSLATE_NOOP("files", "{0}: saved as UTF-16; a {1} is UTF-8 JSON (save it again as UTF-8)")
UNREADABLE = QT_TRANSLATE_NOOP("files", "cannot read {0}: {2}")
NOT_TEXT = QT_TRANSLATE_NOOP("files", "{0}: not a text file (a {1} is UTF-8 JSON)")
TOO_DEEP = QT_TRANSLATE_NOOP("files", "{0}: JSON nested too deeply")
NOT_JSON = QT_TRANSLATE_NOOP("files", "{0}: not valid JSON ({2})")
TWICE = QT_TRANSLATE_NOOP("files", "{0}: the key {2} is given twice in one object (a {1} names each key once)")


class FileProblem(InputError):
    """An InputError about a file as a whole (unreadable, too large, not JSON...), kept as an English
    template and its values: ``str(error)`` is English (the command line's); the app translates the
    template and ``what`` (context "files"). ``detail`` (an OS or JSON parser message) stays as it is."""

    def __init__(self, template: str, name: str, what: str = "", detail: str = ""):
        super().__init__(template, name, what, detail)
        self.name, self.what, self.detail = name, what, detail


class _KeyGivenTwice(ValueError):
    def __init__(self, key: str):
        super().__init__(key)
        self.key = key


def _unique_keys(pairs: list[tuple[str, object]]) -> dict:
    """A JSON object as a dict, refusing a key given twice: Python's json keeps the last silently,
    so a bad value followed by a good one would pass unseen."""
    data = dict(pairs)
    if len(data) < len(pairs):
        seen = set()
        for key, _value in pairs:
            if key in seen:
                raise _KeyGivenTwice(key)
            seen.add(key)
    return data


def read_json(path: str | os.PathLike, what: str = "deck") -> object:
    """Parsed JSON of the file at ``path``, for a ``what`` (one of FILE_KINDS) the user opened.
    FileProblem names the file for anything wrong: not a regular file (a folder, a pipe, a device),
    unreadable, over MAX_DECK_BYTES (never read whole), UTF-16, not UTF-8, not JSON, nested too
    deeply, a key given twice in one object. A UTF-8 byte-order mark is accepted."""
    path = Path(path)
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            raise FileProblem(NOT_A_FILE, path.name, what)
        with path.open("rb") as handle:
            raw = handle.read(MAX_DECK_BYTES + 1)
        if len(raw) > MAX_DECK_BYTES:
            raise FileProblem(TOO_LARGE, path.name, what, str(MAX_DECK_BYTES // 1024**2))
        if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            raise FileProblem(UTF16, path.name, what)
        return json.loads(raw.decode("utf-8-sig"), object_pairs_hook=_unique_keys)
    except InputError:
        raise
    except _KeyGivenTwice as error:
        raise FileProblem(TWICE, path.name, what, shown(error.key)) from None
    except OSError as error:
        raise FileProblem(UNREADABLE, str(path), what, str(error.strerror or error)) from None
    except UnicodeDecodeError:
        raise FileProblem(NOT_TEXT, path.name, what) from None
    except RecursionError:
        raise FileProblem(TOO_DEEP, path.name, what) from None
    except ValueError as error:
        raise FileProblem(NOT_JSON, path.name, what, str(error)) from None


def load_file(cls, path: str | os.PathLike, what: str, views: Views | None):
    """``cls.from_json`` of the JSON file at ``path`` (a scene or a deck), its errors prefixed with the file name."""
    path = Path(path)
    data = read_json(path, what)
    try:
        return cls.from_json(data, views)
    except InputError as error:
        raise InputError("{0}: {1}", path.name, error) from None


def json_text(data: object) -> str:
    """``data`` as the indented UTF-8-ready JSON text of a deck or scene file."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
