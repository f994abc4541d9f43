"""The image fast path: matrices drawn as 32-bit pixels, averaged down to what a screen shows, coloured and framed.

``fetch`` may make a ``Picture`` in the worker thread; ``ImageItem`` paints it without pyqtgraph's 8-bit detour.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QImage

from ...look import ColourMaps
from .. import axes, colour_levels, compat, style
from .colour_bar import level_bar


class ImageItem(pg.ImageItem):
    """A pyqtgraph ImageItem painted from 32-bit pixels. pyqtgraph renders a colour-mapped image as 8-bit
    indexed, which Qt converts again on every scaled paint, several times slower than painting 32-bit pixels. The
    pixels drawn are the same.

    The images of the views (one channel of floats without NaN, levels, a colour table of up to 256 colours) are
    coloured here by one NumPy lookup into the 32-bit pixels, with pyqtgraph's own scaling to colour numbers:
    pyqtgraph also built a Python list of 256 colours at every render, a third of its time for the small panels
    of an attention grid (16 of them in a switch)."""

    _table_for: np.ndarray | None = None  # the colour table the 32-bit colours below were made from
    _argb: np.ndarray | None = None

    def render(self) -> None:
        image, table, levels = self.image, self.lut, self.levels
        if not self._colours_by_lookup(image, table, levels):
            super().render()
            if self.qimage is not None and self.qimage.format() == QImage.Format_Indexed8:
                self.qimage = self.qimage.convertToFormat(QImage.Format_ARGB32_Premultiplied)
            return
        if table is not self._table_for:
            red, green, blue = (table[:, channel].astype(np.uint32) for channel in range(3))
            self._argb = 0xFF000000 | (red << 16) | (green << 8) | blue
            self._table_for = table
        low, high = np.asarray(levels)  # the arithmetic of pyqtgraph's try_make_qimage, to the last bit
        span = (high - low) or 1
        count = len(table)
        numbers = pg.functions.rescaleData(image, count / span, low, dtype=np.uint8, clip=(0, count - 1))
        self.qimage = pg.functions.ndarray_to_qimage(self._argb[numbers], QImage.Format_ARGB32_Premultiplied)
        compat.mark_rendered(self)

    def _colours_by_lookup(self, image, table, levels) -> bool:
        """Whether ``render`` colours the image itself (else pyqtgraph does, for every other kind of image)."""
        if not (isinstance(image, np.ndarray) and image.ndim == 2 and image.dtype.kind == "f" and image.size > 0
                and isinstance(table, np.ndarray) and table.dtype == np.uint8 and table.ndim == 2
                and table.shape[1] == 3 and 0 < len(table) <= 256
                and levels is not None and np.ndim(levels) == 1 and len(levels) == 2
                and self.axisOrder == "row-major" and not self.autoDownsample
                and not pg.getConfigOption("useNumba")):
            return False
        return not compat.image_has_nans(self, image)


FLOAT32_MAX = float(np.finfo(np.float32).max)


def float32_pixels(data) -> np.ndarray:
    """``data`` as C-contiguous float32 for an ImageItem. Values past float32's range (an xPos scale at
    extreme settings reaches 1e100) saturate at its largest value instead of overflowing to inf."""
    data = np.asarray(data)
    if data.dtype != np.float32:
        data = np.clip(data, -FLOAT32_MAX, FLOAT32_MAX)
    return np.ascontiguousarray(data, dtype=np.float32)


SHOWN_CELLS = 1024  # a grid of panels is drawn with at most this many cells across (and down) all its columns


@dataclass(frozen=True)
class Picture:
    """Panels of equal shape made ready to draw by ``fetch`` (in the worker, for a large request): the colour levels
    over all of them and each panel's pixels. A matrix larger than a screen shows is averaged down in blocks first, as
    pyqtgraph's automatic downsampling would do it while painting, on the GUI thread (seconds for 8192 x 8192)."""

    levels: tuple[float, float]
    signed: bool
    pixels: tuple[np.ndarray, ...]
    outlier: tuple[int, ...] | None = None  # with robust levels: where the largest |value| is, when it set no level
    full_levels: tuple[float, float] | None = None  # with robust levels: the levels of every value
    # with a scale per panel: each panel's own levels (``levels`` stays that of all, for the map's kind)
    panel_levels: tuple[tuple[float, float], ...] | None = None


def picture(stack, columns: int, robust: bool = False, own_scales: bool = False) -> Picture:
    """The ``Picture`` of ``stack`` (panels along its first axis) drawn in ``columns`` columns; with ``robust``, its
    colours end short of a few outliers (``colour_levels.robust_levels``); with ``own_scales``, each panel's colours span
    its own values (signed data: symmetric about 0 in each), so a head of small values is not drawn blank."""
    stack = np.asarray(stack)
    values = stack if stack.dtype.kind == "f" else stack.astype(np.float64)
    side = max(SHOWN_CELLS // columns, 1)
    pixels = tuple(shown_pixels(matrix, side) for matrix in stack)
    low, high, signed = colour_levels.levels_for(values)
    if own_scales:
        own = [colour_levels.levels_for(matrix) for matrix in values]
        if signed:  # one diverging map for all: 0 in the middle of every panel
            own = [(-extent, extent, True) for extent in (max(-a, b, 1e-12) for a, b, _ in own)]
        return Picture((low, high), signed, pixels, panel_levels=tuple((a, b) for a, b, _ in own))
    if not robust:
        return Picture((low, high), signed, pixels)
    robust_low, robust_high, signed, outlier = colour_levels.robust_levels(values, (low, high, signed))
    return Picture((robust_low, robust_high), signed, pixels, outlier, (low, high))


def shown_pixels(matrix: np.ndarray, side: int) -> np.ndarray:
    """float32 pixels of ``matrix`` with at most ``side`` per side: means of blocks of cells (the last block of a row
    or column may be smaller), or the cells themselves when they fit."""
    rows, cols = np.shape(matrix)
    row_step, col_step = -(-rows // side), -(-cols // side)
    if row_step == col_step == 1:
        return float32_pixels(matrix)
    matrix = np.asarray(matrix)
    if matrix.dtype.kind != "f":
        matrix = matrix.astype(np.float64)
    sums = block_sums(matrix, row_step) if row_step > 1 else matrix  # a block of one is its cell: no copy
    if col_step > 1:
        sums = block_sums(sums.T, col_step).T
    counts = block_lengths(rows, row_step)[:, None] * block_lengths(cols, col_step)[None, :]
    if sums.dtype == np.float32:  # a float32 quotient of whole counts rounds as float64's then cast (53 >= 2 x 24 + 2)
        means = sums / counts.astype(np.float32)
        return np.clip(means, -FLOAT32_MAX, FLOAT32_MAX, out=means)  # an infinite sum saturates as float32_pixels'
    return float32_pixels(sums / counts)


def block_sums(matrix: np.ndarray, step: int) -> np.ndarray:
    """Sums of the rows of ``matrix`` in consecutive blocks of ``step`` (the last block may be shorter)."""
    whole = len(matrix) // step * step
    sums = matrix[:whole].reshape(-1, step, *matrix.shape[1:]).sum(axis=1)
    if whole < len(matrix):
        sums = np.concatenate([sums, matrix[whole:].sum(axis=0, keepdims=True)])
    return sums


def block_lengths(count: int, step: int) -> np.ndarray:
    return np.diff(np.append(np.arange(0, count, step), count))


def heatmap(plot: pg.PlotItem, data: np.ndarray, theme: style.Theme, levels=None,
            colour_bar: bool = True, graphics: pg.GraphicsLayoutWidget | None = None,
            bar_row: int = 0, bar_col: int = 1, bar: pg.ColorBarItem | None = None,
            colour_maps: ColourMaps = ColourMaps()) -> pg.ImageItem:
    """Draw a 2-D array as an image in ``plot``: row 0 at the top, pixel (r, c) centred on (c, r).

    Signed data gets the diverging map of ``colour_maps``, centred on 0, other data its sequential one. Returns the
    ImageItem. ``bar``: a colour bar made ahead
    (``colour_bar_ahead``) to use, else one is made.
    """
    low, high, signed = colour_levels.levels_for(data) if levels is None else (*levels, levels[0] < 0)
    image = pg.ImageItem(axisOrder="row-major")
    image.setAutoDownsample(True)
    image.setImage(float32_pixels(data), levels=(low, high))
    image.setRect(-0.5, -0.5, data.shape[1], data.shape[0])
    axes.cell_ticks(plot)
    cmap = style.colour_map(signed, colour_maps)
    image.setColorMap(cmap)
    plot.addItem(image)
    style.edge_matrix(plot)
    plot.invertY(True)
    plot.setAspectLocked(False)
    frame_cells(plot, *data.shape)
    if colour_bar and graphics is not None:
        if bar is None:
            bar = pg.ColorBarItem(values=(low, high), colorMap=cmap, interactive=False, width=18)
        else:
            bar.setColorMap(cmap)
            bar.setLevels((low, high))
        bar.setImageItem(image)
        graphics.addItem(bar, row=bar_row, col=bar_col)
        bar.getAxis("right").setPen(pg.mkPen(theme.foreground))
        bar.getAxis("right").setTextPen(pg.mkPen(theme.foreground))
        # as tall as the image, not the plot area: square cells leave part of it empty
        level_bar(bar, lambda: [image], (plot, plot.vb), (plot.vb,))
    return image


def colour_bar_ahead() -> pg.ColorBarItem:
    """A colour bar for ``heatmap`` to use later: making one is most of what drawing a heatmap first costs."""
    return pg.ColorBarItem(interactive=False, width=18)


def frame_cells(plot: pg.PlotItem, rows: int, cols: int) -> None:
    """Show a heatmap's ``rows`` x ``cols`` cells whole, and let it zoom out or pan by at most its own size. The
    limits come first: set after, they clamped the range to the last shape's limits (a wider table showed in part).
    With its aspect locked (square cells) the limits also leave the room beside the cells that the plot area's shape
    needs, and every resize frames the cells again (``_reframe``): pyqtgraph, asked for more columns than the limits
    allow, shows fewer rows instead and keeps that band as its target (a cosine matrix in a plot area three times
    wider than tall showed rows 180 to 330 of 512)."""
    vb = plot.vb
    if not hasattr(vb, "framed_cells"):
        vb.sigResized.connect(lambda _box: _reframe(plot))
    vb.framed_cells = (rows, cols)
    beside_cols, beside_rows = cols, rows  # how far past its cells the range may reach on each side
    ratio = vb.state["aspectLocked"]
    if ratio and vb.width() > 0 and vb.height() > 0:
        beside_cols = max(cols, rows * vb.width() / vb.height() / ratio)
        beside_rows = max(rows, cols * vb.height() / vb.width() * ratio)
    vb.setLimits(xMin=-0.5 - beside_cols, xMax=cols + beside_cols, yMin=-0.5 - beside_rows, yMax=rows + beside_rows)
    plot.setRange(xRange=(-0.5, cols - 0.5), yRange=(-0.5, rows - 0.5), padding=0)
    count_cells(plot, rows, cols)


def _reframe(plot: pg.PlotItem) -> None:
    """Frame the cells of a plot with square cells whole again after its area changed shape (see ``frame_cells``)."""
    if plot.vb.state["aspectLocked"]:
        frame_cells(plot, *plot.vb.framed_cells)


def count_cells(plot: pg.PlotItem, rows: int, cols: int) -> None:
    """Tell the plot's axes how many cells they number: a square-celled panel shows room beside its cells, where
    ticks at -50 or 600 would name cells that do not exist."""
    for side, count in (("left", rows), ("right", rows), ("top", cols), ("bottom", cols)):
        axis = plot.getAxis(side)
        if isinstance(axis, axes.GridAxis) and axis.cell_count != count:
            axis.cell_count = count
            axis.picture = None
            axis.update()


def cell(data: np.ndarray, x: float, y: float) -> tuple[int, int] | None:
    """(row, column) of a 2-D array under data coordinates (x, y) as drawn by ``heatmap``."""
    row, col = int(np.floor(y + 0.5)), int(np.floor(x + 0.5))
    if 0 <= row < data.shape[0] and 0 <= col < data.shape[1]:
        return row, col
    return None


def panel_cell(plots: list, panels: list[tuple[str, np.ndarray]], plot, x: float, y: float):
    """(name, matrix, row, column) of the cell under data coordinates (x, y) of ``plot``, where ``panels[i]`` (a name
    and a matrix) is drawn in ``plots[i]``; None off every panel's cells."""
    if plot not in plots or len(panels) <= plots.index(plot):
        return None
    name, matrix = panels[plots.index(plot)]
    where = cell(matrix, x, y)
    return None if where is None else (name, matrix, *where)
