"""Which names a crowded axis draws (``axes.GridAxis._apart`` asks): every k-th, staggered on up to a few lines, the
k-th chosen for what they tell. No Qt: the names' spans along the axis and their texts."""

from __future__ import annotations

from collections import Counter


def names_kept(spans: list[tuple[float, float]], names: list[str], gap: float,
               max_lines: int) -> tuple[int, int, int] | None:
    """(k, the first kept, lines): the names with ``spans`` ((start, end) along the axis, in order) and texts ``names``
    kept every k-th, on as few of up to ``max_lines`` lines as hold them ``gap`` apart (the i-th kept on line i % lines);
    None for no names. Of the ways that fit, the one that tells the most: the most different names, then the most that
    the axis says once, then the most names, from the first, k the smallest. Every third of "the cat chases the mouse"
    from the first read "the ... the" over deck scene 25's heads; from the second it reads "cat ... mouse"."""
    counts = Counter(names)
    once = list(counts.values()).count(1)

    def apart(kept: list) -> bool:
        return all(end + gap <= start for (_, end), (start, _) in zip(kept, kept[1:]))

    def told(step: int, offset: int) -> tuple:
        kept = names[offset::step]
        return len(set(kept)), sum(counts[name] == 1 for name in kept), len(kept), offset == 0

    best = None  # (told, k, first kept, lines)
    for step in range(1, len(names) + 1):
        most = -(-len(names) // step)  # the names a step this long or longer keeps at most: from the first
        if best is not None and best[0] >= (min(most, len(counts)), min(most, once), most, True):
            break
        for offset in range(step):  # from the first name, or a later one when the first stands in the way
            kept = spans[offset::step]
            lines = next((lines for lines in range(1, max_lines + 1)
                          if all(apart(kept[first::lines]) for first in range(lines))), None)
            if lines is not None and (best is None or told(step, offset) > best[0]):
                best = (told(step, offset), step, offset, lines)
    return None if best is None else best[1:]
