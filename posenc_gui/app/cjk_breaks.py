"""Where a Chinese title may wrap. Qt (after Unicode's line breaking rules) wraps Chinese between any two characters,
and a narrow plot title read "位置编" over "码". Without a dictionary the words are not known, so a title wraps only at
its spaces and punctuation, or between Chinese and other script, as an English title does; a run of Chinese characters
no longer than a word (``WORD_CHARACTERS``) is kept whole, and a longer run may wrap inside but leaves no character
alone on a line. Qt-free: the text it returns carries WORD JOINERs, which Qt draws as nothing and never breaks at.
In any script, a word of one character (the "·" between a title's parts, the "0" of "head 0") keeps to the word
before it (``keep_short_words_attached``)."""

from __future__ import annotations

import re

WORD_JOINER = "\u2060"
NO_BREAK_SPACE = "\u00a0"
# a no-break space in small type before a "·": Qt breaks lines at the narrow one (U+202F, and at a thin space between word
# joiners), and a panel of four in a row presenting at 1280 x 720 x1.6 has room for "content ·" only this narrow
NARROW_NO_BREAK_SPACE = "<small>\u00a0</small>"

WORD_CHARACTERS = 4  # most Chinese words have two characters, few more than four
EDGE = 2  # a longer run is kept whole this many characters from either end: no character alone on a line

# CJK ideographs (with extension A and compatibility ideographs) and the kana, which wrap between any two characters
_ONE_CHARACTER_WORD = re.compile(r"(?<=\S) (\S)(?= |$)")
_RUN = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def keep_words_whole(text: str) -> str:
    """``text`` with a WORD JOINER between the characters of each Chinese run that must not wrap (see the module)."""
    return _RUN.sub(lambda match: _joined(match.group()), text)


def _joined(run: str) -> str:
    if len(run) <= WORD_CHARACTERS:
        return WORD_JOINER.join(run)
    head, middle, tail = run[:EDGE], run[EDGE:-EDGE], run[-EDGE:]
    return WORD_JOINER.join(head) + middle + WORD_JOINER.join(tail)



def keep_short_words_attached(text: str) -> str:
    """``text`` (a title, rich text) with each word of one character joined to the word before it by a no-break space,
    a narrow one before a "·": a narrow title wrapped "(a) content · content" with the "·" on a line of its own, and
    "head 0 · sink 38%" into "head" over "0 ·"."""
    return _ONE_CHARACTER_WORD.sub(
        lambda word: (NARROW_NO_BREAK_SPACE if word.group(1) == "·" else NO_BREAK_SPACE) + word.group(1), text)
