"""Every head of every layer of a real model as one picture, a tile each (``core.real_models.heads.Overview``),
with lines between the tiles, the heads found dashed and the chosen head solid; a point on it names its head.
Its texts are translated in the real model view's context (RealModelView)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from ...core.real_models import heads
from .. import i18n, style
from .matrix_panels import matrix_panel

class HeadOverview:
    """The overview's plot and the items drawn over its picture."""

    def __init__(self, theme: style.Theme, points: float, cmap: pg.ColorMap):
        self.plot, self.image = matrix_panel(theme, points, ("left", "top"), cmap)
        self.separators = pg.PlotDataItem(connect="pairs")
        self.marks = pg.PlotDataItem(connect="finite")
        self.chosen_mark = pg.PlotDataItem()
        for item in (self.separators, self.marks, self.chosen_mark):
            self.plot.addItem(item)

    def draw(self, picture: heads.Overview, found, chosen: tuple[int, int], theme: style.Theme,
             points: float, titled: bool = True) -> None:
        """Show ``picture``, outline the heads ``found`` ((layer, head, ...) each) and the ``chosen`` (layer, head);
        untitled for a hall (the audience's title names the scene; presenting at 1280 x 720 x1.6 the title's two lines
        held the chosen head's matrices below the screen)."""
        n, rows, columns = picture.n, picture.rows, picture.columns
        self.image.setImage(picture.pixels, levels=(0.0, 1.0))
        self.image.setRect(0, 0, columns * n, rows * n)
        self.plot.vb.setLimits(xMin=-columns * n, xMax=2 * columns * n, yMin=-rows * n, yMax=2 * rows * n)
        self.plot.setRange(xRange=(0, columns * n), yRange=(0, rows * n), padding=0)
        names = (i18n.translate("RealModelView", "layer"), i18n.translate("RealModelView", "head"))
        row_name, column_name = names[::-1] if picture.layers_across else names
        for side, count, name in (("left", rows, row_name), ("top", columns, column_name)):
            self.plot.getAxis(side).setTicks([[(n * (i + 0.5), str(i)) for i in range(count)]])
            style.label(self.plot, side, name, theme, points)
        # lines between the tiles, in the background's colour
        xs = [value for c in range(1, columns) for value in (c * n, c * n)] + [0, columns * n] * (rows - 1)
        ys = [value for _c in range(1, columns) for value in (0, rows * n)] + [
            r * n for r in range(1, rows) for _ in (0, 1)]
        self.separators.setData(xs, ys, pen=pg.mkPen(theme.background, width=2))
        # the heads found dashed, the chosen head solid, in a colour that stands out on every colour map
        colour = style.curve_colour(1, theme)
        tiles = [picture.tile_of(layer, head) for layer, head, *_ in found]
        self.marks.setData(*outlines(tiles, n), pen=pg.mkPen(colour, width=2, style=Qt.DashLine))
        self.chosen_mark.setData(*outlines([picture.tile_of(*chosen)], n), pen=pg.mkPen(colour, width=4))
        # one line on a 1280 px projector in large type (on two, it took a sixth of the heads' height); how the tiles
        # are scaled is said in the notes below
        title = i18n.translate("RealModelView", "every head as trained; dashed: found; click one to open it") \
            if titled else ""
        if self.plot.titleLabel.text != title:
            style.title(self.plot, title, theme, points)


def head_at(picture: heads.Overview, x: float, y: float) -> tuple[int, int] | None:
    """(layer, head) of the tile at data coordinates (x, y) of the overview, or None outside the picture."""
    row, column = int(np.floor(y / picture.n)), int(np.floor(x / picture.n))
    if not (0 <= row < picture.rows and 0 <= column < picture.columns):
        return None
    return picture.head_at(row, column)


def outlines(tiles, n: int) -> tuple[list[float], list[float]]:
    """x and y of the outlines of the tiles (row, column), NaN between them."""
    xs, ys = [], []
    for row, column in tiles:
        x0, y0, x1, y1 = column * n, row * n, (column + 1) * n, (row + 1) * n
        xs += [x0, x1, x1, x0, x0, np.nan]
        ys += [y0, y0, y1, y1, y0, np.nan]
    return xs, ys
