"""Every use of pyqtgraph's and superqt's private internals, behind one door. The app needs a few of them for speed
(the 32-bit image path, axes measured before they paint) and for the parameter panel's slider labels; a new
release of either library may rename them. ``missing_internals`` names what the installed versions lack, and
tests/app/test_compat.py fails with those names, rather than a view failing later in a paint."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsRectItem
from superqt.sliders._labeled import SliderLabel  # noqa: F401 (the panel finds its sliders' labels by this class)

IMAGE_RECORDS = ("_imageHasNans", "_processingBuffer", "_displayBuffer", "_renderRequired", "_unrenderable")
AXIS_RECORDS = ("_tickLevels", "_tickSpacing")
AXIS_HOOK = "_updateMaxTextSize"  # axes.GridAxis overrides it to remember the room its labels took
AXIS_HEIGHT_HOOK = "_updateHeight"  # axes.GridAxis overrides it to add a second line of names
SLIDER_LABEL_FIT = "_update_size"
LAYOUT_RECORDS = ("items", "rows", "itemBorders")
LEGEND_RECORDS = ("items", "layout")
LAYOUT_BORDER_HOOK = "_updateItemBorder"  # moves an item's cell border when the item's geometry changes


def image_has_nans(item: pg.ImageItem, image) -> bool:
    """Whether ``image`` (the item's) holds NaN, from pyqtgraph's own record, made once per image."""
    if item._imageHasNans is None:  # forgotten by pyqtgraph with each new image
        item._imageHasNans = bool(np.isnan(image.min()))
    return item._imageHasNans


def mark_rendered(item: pg.ImageItem) -> None:
    """Tell pyqtgraph that ``item.qimage`` is rendered for the current image, levels and colours."""
    item._processingBuffer = item._displayBuffer = None
    item._renderRequired = item._unrenderable = False


def tick_levels(axis: pg.AxisItem):
    """The tick levels set with ``setTicks`` (None when the axis chooses its own)."""
    return axis._tickLevels


def tick_spacing(axis: pg.AxisItem):
    return axis._tickSpacing


def own_tick_spacing(axis: pg.AxisItem, low: float, high: float, length: float) -> list:
    """The (spacing, offset) levels ``axis`` would choose for itself from ``low`` to ``high`` over ``length`` pixels,
    whatever spacing was set on it (nothing is redrawn)."""
    kept, axis._tickSpacing = axis._tickSpacing, None
    try:
        return axis.tickSpacing(low, high, length)
    finally:
        axis._tickSpacing = kept


def make_label_room(axis: pg.AxisItem, size: float) -> None:
    """Grow ``axis`` now for tick labels ``size`` wide (or high), as pyqtgraph does while painting."""
    getattr(axis, AXIS_HOOK)(size)


def size_axis_again(axis: pg.AxisItem) -> None:
    """Size a horizontal ``axis`` anew for its names and title (as pyqtgraph does when they change)."""
    getattr(axis, AXIS_HEIGHT_HOOK)()


def enter_layout(layout: pg.GraphicsLayout, item: pg.GraphicsWidget, row: int, col: int, rowspan: int,
                 colspan: int = 1) -> None:
    """``layout.addItem(item, row, col, rowspan, colspan)`` but for the layout pass pyqtgraph runs at once for each item
    added: arranging a grid of panels laid the whole grid out once per panel. The layout is laid out once, before it is
    next painted (figures in benchmarks/README.md)."""
    layout.items[item] = [(row + down, col + across) for down in range(rowspan) for across in range(colspan)]
    for cell_row, cell_col in layout.items[item]:
        layout.rows.setdefault(cell_row, {})[cell_col] = item
    border = QGraphicsRectItem()
    border.setParentItem(layout)
    border.setZValue(1e3)
    border.setPen(pg.mkPen(layout.border))
    layout.itemBorders[item] = border
    item.geometryChanged.connect(getattr(layout, LAYOUT_BORDER_HOOK))
    layout.layout.addItem(item, row, col, rowspan, colspan)


def leave_layout(layout: pg.GraphicsLayout, item: pg.GraphicsWidget) -> None:
    """Undo ``layout.addItem(item)`` as pyqtgraph's removeItem does (its cells, its cell border, the hookup that
    moves the border), all but taking the item out of the scene. Nothing happens when the item is not in the layout."""
    cells = layout.items.pop(item, None)
    if cells is None:
        return
    for row, col in cells:
        if layout.rows.get(row, {}).get(col) is item:  # not a cell another item took since
            del layout.rows[row][col]
    layout.layout.removeItem(item)
    item.geometryChanged.disconnect(getattr(layout, LAYOUT_BORDER_HOOK))
    border = layout.itemBorders.pop(item)
    if border.scene() is not None:
        border.scene().removeItem(border)


def legend_entries(legend: pg.LegendItem) -> list[tuple]:
    """The (sample, label) items of every entry of ``legend``, in the order they were added."""
    return list(legend.items)


def legend_margins(legend: pg.LegendItem, margins: tuple[float, float, float, float]) -> None:
    """Set the margins of ``legend``'s own layout (left, top, right, bottom): pyqtgraph keeps 5 px around a frame."""
    legend.layout.setContentsMargins(*margins)


def lay_out_legend(legend: pg.LegendItem, shown: list[tuple]) -> None:
    """Lay out the ``shown`` (sample, label) entries of ``legend`` one a row, in that order, and no others (a view
    keeps a legend's entries and hides those it does not use, where pyqtgraph's removeItem would delete them). Each
    sample is centred on its label's row, as pyqtgraph places it: at the row's top, the line stood above its label
    by half a line (a third of a line in English, half in Chinese, whose fallback font has a taller line)."""
    rows = legend.layout
    for index in reversed(range(rows.count())):  # emptied first: a row re-filled below may hold another entry now
        rows.removeAt(index)
    for row, (sample, label) in enumerate(shown):
        rows.addItem(sample, row, 0, alignment=Qt.AlignVCenter)
        rows.addItem(label, row, 1)
    legend.updateSize()


def fit_slider_label(label: SliderLabel) -> None:
    """Size a superqt slider's value label for its font (superqt does it only when the range changes)."""
    getattr(label, SLIDER_LABEL_FIT)()


def missing_internals() -> list[str]:
    """The internals above that the installed pyqtgraph and superqt do not have ([] when all are there)."""
    image = pg.ImageItem()
    image.setImage(np.zeros((2, 2), dtype=np.float32))
    axis = pg.AxisItem("left")
    layout = pg.GraphicsLayout()
    legend = pg.LegendItem()
    found = {f"pyqtgraph.ImageItem.{name}": hasattr(image, name) for name in IMAGE_RECORDS}
    found |= {f"pyqtgraph.AxisItem.{name}": hasattr(axis, name) for name in AXIS_RECORDS}
    found[f"pyqtgraph.AxisItem.{AXIS_HOOK}()"] = callable(getattr(pg.AxisItem, AXIS_HOOK, None))
    found[f"pyqtgraph.AxisItem.{AXIS_HEIGHT_HOOK}()"] = callable(getattr(pg.AxisItem, AXIS_HEIGHT_HOOK, None))
    found |= {f"pyqtgraph.GraphicsLayout.{name}": hasattr(layout, name) for name in LAYOUT_RECORDS}
    found[f"pyqtgraph.GraphicsLayout.{LAYOUT_BORDER_HOOK}()"] = callable(getattr(pg.GraphicsLayout, LAYOUT_BORDER_HOOK, None))
    found |= {f"pyqtgraph.LegendItem.{name}": hasattr(legend, name) for name in LEGEND_RECORDS}
    found[f"superqt SliderLabel.{SLIDER_LABEL_FIT}()"] = callable(getattr(SliderLabel, SLIDER_LABEL_FIT, None))
    return [name for name, there in found.items() if not there]
