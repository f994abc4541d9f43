"""Colour bars as tall as the images they explain, the one mechanism of every view's bars. A bar placed beside its
images spans their rows, titles and axis names included: left so, it stood 800 px tall beside a row of 130 px
heatmaps (the bias of four heads at 1920 x 1080), 224 px beside the real model's 127 px heads. Its own top and bottom
rows take up the difference; its end names reach into them or the layout's margin."""

from __future__ import annotations

from typing import Callable, Iterable

import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont

from .. import style
from ..once_at_end import OnceAtEnd
from .readable import side_name_length


def level_bar(bar: pg.ColorBarItem, explained: Callable[[], list], moved: Iterable = (),
              ranged: Iterable[pg.ViewBox] = ()) -> None:
    """Keep ``bar``'s colours as tall as what ``explained()`` returns, from the highest top to the lowest bottom:
    view boxes, or images (the part of each in its view box). Levelled anew when the bar or one of ``moved`` (plots,
    view boxes) moves or is resized, or ``ranged`` view boxes show another range (their images move inside them)."""
    levelled = getattr(bar, "explained", None) is not None
    bar.explained = explained
    if not levelled:
        bar.geometryChanged.connect(lambda: keep_level(bar))
        bar.relevel = lambda: keep_level(bar)  # ``style.fit_bar_axis`` levels it again in a new text size
    follow(bar, moved, ranged)
    style.fit_bar_axis(bar)


def follow(bar: pg.ColorBarItem, moved: Iterable = (), ranged: Iterable[pg.ViewBox] = ()) -> None:
    """Level ``bar`` anew when one of ``moved`` moves or is resized, or one of ``ranged`` shows another range."""
    for item in moved:
        item.geometryChanged.connect(lambda: keep_level(bar))
    for view_box in ranged:
        view_box.sigTransformChanged.connect(lambda _view_box: keep_level(bar))


# a layout pass moves every panel of a grid, and each move levelled its bar anew over all of them (sixteen heads: 256
# images placed and measured a pass): within ``levelled_after``, each bar is levelled once, at its end
_levels = OnceAtEnd(lambda bar: keep_level(bar))
levelled_after = _levels.block


def keep_level(bar: pg.ColorBarItem) -> None:
    """Level ``bar`` with what it explains now, no shorter than the name along it (longer upwards, over the titles:
    the bar ends with the images), and name its ticks no closer than its length holds them apart."""
    if _levels.ask(bar):
        return
    explained = getattr(bar, "explained", None)
    if explained is None or bar.scene() is None:
        return
    box = explained_box(explained())
    if box.isEmpty():
        return
    axis = bar.getAxis("right")
    name_length = side_name_length(axis)
    # it runs at every move of every panel, plot area and the bar (twice the panels and one more a layout pass of a
    # grid, and again for the bar's own moves below), and most leave what it depends on as it was: levelled for it
    bar_box = bar.sceneBoundingRect()
    levelled_for = (box.getRect(), bar_box.getRect(), tuple(bar.levels()), name_length,
                    (axis.style.get("tickFont") or QFont()).toString())
    if getattr(bar, "levelled_for", None) == levelled_for:
        return
    bar.levelled_for = levelled_for
    short = name_length - box.height()
    if short > 0:
        up = min(short, max(box.top() - bar_box.top(), 0.0))
        box.adjust(0, -up, 0, short - up)
    _take_up_difference(bar, box)
    bar.layout.activate()  # the bar's axis at its new length now, its name wrapped to it (``keep_name_along``)
    style.name_fewer_ticks(axis, *bar.levels(), box.height())
    if axis.maximumWidth() - axis.width() > 0.5:  # its name wrapped onto more lines: widened now, not two layout passes
        holder = bar.parentItem()  # later (after scene 29, scene 30's bar names stood over its name when the self-test
        if isinstance(holder, pg.GraphicsLayout):  # looked)
            holder.layout.activate()
        bar.layout.activate()


def explained_box(items: list) -> QRectF:
    """The scene rectangle from the highest top to the lowest bottom of ``items``, images counted as far as their
    view box shows them (square cells drawn from a corner leave part of it empty); hidden ones left out. A view box
    places its images for its new size or range only when it paints (pyqtgraph defers it): placed first here, or
    the bar was levelled with where they stood before, and a second layout pass and paint followed."""
    box = QRectF()
    for item in items:
        if not item.isVisible():
            continue
        view_box = item.getViewBox() if isinstance(item, pg.ImageItem) else None
        if view_box is not None:
            view_box.updateMatrix()
        rect = item.sceneBoundingRect()
        if view_box is not None:
            rect = rect.intersected(view_box.sceneBoundingRect())
        if not rect.isEmpty():
            box = rect if box.isEmpty() else box.united(rect)
    return box


def _take_up_difference(bar: pg.ColorBarItem, box: QRectF) -> None:
    """Let ``bar``'s top and bottom rows take up what its box is taller than ``box`` (in scene coordinates), so that
    its colours span ``box``'s height."""
    frame = bar.sceneBoundingRect()
    if frame.isEmpty():
        return
    _, top_margin, _, bottom_margin = bar.layout.getContentsMargins()
    gaps = {"top": box.top() - frame.top() - top_margin, "bottom": frame.bottom() - box.bottom() - bottom_margin}
    for end, gap in gaps.items():
        end_axis = bar.getAxis(end)
        if abs(end_axis.height() - max(gap, 0.0)) > 0.5:
            end_axis.setHeight(max(gap, 0.0))
