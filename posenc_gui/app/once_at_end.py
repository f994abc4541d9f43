"""Work asked again and again for the same items within a block, done once for each, at the block's end: the axes'
name measures of a panel given a new range and new names, a colour bar levelled at every panel a layout pass moves.
No Qt."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Callable, Hashable


class OnceAtEnd:
    """``work(item)`` asked within ``block()`` is held (``ask``) and done once an item, in the order first asked, when
    the outermost block ends."""

    def __init__(self, work: Callable[[Hashable], None]):
        self._work = work
        self._asked: dict | None = None

    @property
    def holding(self) -> bool:
        """Whether a block is open (work asked now waits for its end)."""
        return self._asked is not None

    def ask(self, item: Hashable) -> bool:
        """Hold ``item``'s work for the block's end: True within a block; False outside one (do it now)."""
        if self._asked is None:
            return False
        self._asked[item] = None
        return True

    @contextmanager
    def block(self):
        if self._asked is not None:  # within another: done at its end
            yield
            return
        self._asked = {}
        try:
            yield
        finally:
            asked, self._asked = self._asked, None
            for item in asked:
                self._work(item)
