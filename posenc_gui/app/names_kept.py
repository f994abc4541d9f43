"""Which names a crowded axis draws (``axes.GridAxis._apart`` asks): every k-th, staggered on up to a few lines, the
k-th chosen for what they tell. No Qt: the names' spans along the axis and their texts."""

from __future__ import annotations

from collections import Counter


def names_kept(spans: list[tuple[float, float]], names: list[str], gap: float,
               max_lines: int) -> tuple[int, int, int] | None:
    """(k, the first kept, lines): the names with ``spans`` ((start, end) along the axis, in order) and texts ``names``
    kept every k-th, on as few of up to ``max_lines`` lines as hold them ``gap`` apart (the i-th kept on line i % lines);
    None for no names. On the lines that the most names take (from the first, k the smallest), the way that tells the
    most: the most different names, then the most that the axis says once, then the most names. Every third of "the cat
    chases the mouse" from the first read "the ... the" over deck scene 25's heads; from the second it reads "cat ...
    mouse". A way that tells more on another line would take that line from the plot (CoPE's parts, in Chinese at
    x1.6, no longer stood in a row)."""
    most_names = _best(spans, gap, max_lines, lambda step, offset: (len(spans[offset::step]), offset == 0),
                       lambda most: (most, True))
    if most_names is None:
        return None
    counts = Counter(names)
    once = list(counts.values()).count(1)

    def told(step: int, offset: int) -> tuple:
        kept = names[offset::step]
        return len(set(kept)), sum(counts[name] == 1 for name in kept), len(kept), offset == 0

    return _best(spans, gap, most_names[2], told, lambda most: (min(most, len(counts)), min(most, once), most, True))


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
