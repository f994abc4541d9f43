"""Where a Chinese title may wrap. Qt (after Unicode's line breaking rules) wraps Chinese between any two characters,
and a narrow plot title read "位置编" over "码". Without a dictionary the words are not known, so a title wraps only at
its spaces and punctuation, or between Chinese and other script, as an English title does; a run of Chinese characters
no longer than a word (``WORD_CHARACTERS``) is kept whole, and a longer run may wrap inside but leaves no character
alone on a line. Qt-free: the text it returns carries WORD JOINERs, which Qt draws as nothing and never breaks at."""

from __future__ import annotations

import re

WORD_JOINER = "\u2060"
WORD_CHARACTERS = 4  # most Chinese words have two characters, few more than four
EDGE = 2  # a longer run is kept whole this many characters from either end: no character alone on a line

# CJK ideographs (with extension A and compatibility ideographs) and the kana, which wrap between any two characters
_RUN = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def keep_words_whole(text: str) -> str:
    """``text`` with a WORD JOINER between the characters of each Chinese run that must not wrap (see the module)."""
    return _RUN.sub(lambda match: _joined(match.group()), text)


def _joined(run: str) -> str:
    if len(run) <= WORD_CHARACTERS:
        return WORD_JOINER.join(run)
    head, middle, tail = run[:EDGE], run[EDGE:-EDGE], run[-EDGE:]
    return WORD_JOINER.join(head) + middle + WORD_JOINER.join(tail)

