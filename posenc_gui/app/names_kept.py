"""Which names a crowded axis draws (``axes.GridAxis._apart`` asks): every k-th, staggered on up to a few lines, the
k-th chosen for what they tell. No Qt: the names' spans along the axis and their texts."""

from __future__ import annotations

from collections import Counter


def names_kept(spans: list[tuple[float, float]], names: list[str], gap: float,
               max_lines: int) -> tuple[int, int, int] | None:
    """(k, the first kept, lines): the names with ``spans`` ((start, end) along the axis, in order) and texts ``names``
    kept every k-th, on as few of up to ``max_lines`` lines as hold them ``gap`` apart (the i-th kept on line i % lines);
    None for no names. On the lines that the most names take (from the first, k the smallest), the way that tells the
    most: the most different words, then the fewest pieces of words, then the most names (to find a column by), then
    the fewest said twice, then the most words the axis says once, then the most words. Every third of "the cat chases
    the mouse" from the first read "the ... the" over deck scene 25's heads; from the second it reads "cat ... mouse".
    A way that tells more on another line would take that line from the plot (CoPE's parts, in Chinese at x1.6, no
    longer stood in a row). Names are read as words (``words``): a model's tokens carry their spaces (' the' is
    'the'), and a piece of a word misleads (SmolLM2's "the cat ch ases the mouse" read "the ch the" over deck scene
    44's heads, and a row of names "cat ases mouse" where "cat mouse" fit; the rows of deck scene 41, "the the and
    mouse cat garden" where "cat mouse then chased around ." fit)."""
    most_names = _best(spans, gap, max_lines, lambda step, offset: (len(spans[offset::step]), offset == 0),
                       lambda most: (most, True))
    if most_names is None:
        return None
    pieces = word_pieces(names)
    read = words(names, pieces)
    counts = Counter(word for word in read if word is not None)
    once = list(counts.values()).count(1)

    def told(step: int, offset: int) -> tuple:
        kept = [word for word in read[offset::step] if word is not None]
        repeats = len(kept) - len(set(kept))
        return (len(set(kept)), -sum(pieces[offset::step]), len(read[offset::step]), -repeats,
                sum(counts[word] == 1 for word in kept), len(kept), offset == 0)

    return _best(spans, gap, most_names[2], told,
                 lambda most: (min(most, len(counts)), 0, most, 0, min(most, once), most, True))


def _best(spans: list[tuple[float, float]], gap: float, max_lines: int, worth, bound) -> tuple[int, int, int] | None:
    """(k, the first kept, lines) of the every-k-th names that fit on up to ``max_lines`` lines and are worth the most
    (``worth(k, first)``, k the smallest of equal worth); ``bound(most)`` is the most a k that keeps at most ``most``
    names can be worth."""
    def apart(kept: list) -> bool:
        return all(end + gap <= start for (_, end), (start, _) in zip(kept, kept[1:]))

    best = None  # (worth, k, first kept, lines)
    for step in range(1, len(spans) + 1):
        most = -(-len(spans) // step)  # the names a step this long or longer keeps at most: from the first
        if best is not None and best[0] >= bound(most):
            break
        for offset in range(step):  # from the first name, or a later one when the first stands in the way
            kept = spans[offset::step]
            lines = next((lines for lines in range(1, max_lines + 1)
                          if all(apart(kept[first::lines]) for first in range(lines))), None)
            if lines is not None and (best is None or worth(step, offset) > best[0]):
                best = (worth(step, offset), step, offset, lines)
    return None if best is None else best[1:]


def words(names: list[str], pieces: list[bool] | None = None) -> list[str | None]:
    """The word each name reads (without its spaces, in either case), None where it tells nothing: a piece of a word
    (``word_pieces``); a name without a letter or digit ('.', a space): said once, '.' outranked 'The' over the key
    names of deck scene 43 ("then ." where "The ... around" fit); a model's special token ('[CLS]', '<s>',
    '<|endoftext|>'): said once each, "[CLS] the [SEP]" outranked "cat and the ." over deck scene 41's keys. A Chinese
    character is a word of its own. ``pieces``: ``word_pieces(names)``, when the caller has it already."""
    pieces = word_pieces(names) if pieces is None else pieces
    return [None if piece or _special(name.strip()) or not any(character.isalnum() for character in name)
            else name.strip().casefold() for name, piece in zip(names, pieces)]


def word_pieces(names: list[str]) -> list[bool]:
    """Whether each name is a piece of a word: joined to a neighbour letter to letter with no space between, where the
    names carry their spaces (a byte-pair model's tokens: ' ch' 'ases'), or a WordPiece model's '##' piece and the name
    it continues ('chase' '##s'). Names without spaces (words, numbers, a WordPiece model's tokens) are whole words
    unless a '##' follows. Unlike punctuation, a piece misleads: "cat ases mouse" where "cat mouse" fit."""
    spaced = any(name[:1].isspace() for name in names)

    def joined(before: str, after: str) -> bool:
        if after.startswith("##"):
            return True
        return spaced and bool(before) and bool(after) and _in_word(before[-1]) and _in_word(after[0])

    return [(index > 0 and joined(names[index - 1], name)) or (index + 1 < len(names) and joined(name, names[index + 1]))
            for index, name in enumerate(names)]


def _special(name: str) -> bool:
    """Whether ``name`` is a model's special token, in the brackets tokenizers mark them with."""
    return len(name) > 2 and (name[0], name[-1]) in (("[", "]"), ("<", ">"))


def _in_word(character: str) -> bool:
    """Whether ``character`` goes on a word with the letters beside it: a letter or digit other than a Chinese,
    Japanese or Korean character (each of those is read alone)."""
    return character.isalnum() and ord(character) < 0x2E80
