"""How the encoding view places its plots: the heatmap beside the curves, or above them side by side or one on
another, whichever the page holds readable (``EncodingArrangement.fitting_arrangement``)."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF

from .. import compat
from .placement import place, unplace
from .readable import document_copy, unbreakable_width


# How the heatmap (with its colour bar), the curve plots across positions and across dimensions (upper and lower),
# and the curves' legend are placed: (row, column, rows, columns) of each, in that order (``fitting_arrangement``).
BESIDE, OVER_ROW, OVER_STACK = "beside", "over a row", "over a stack"
PLACES = {
    BESIDE: ((0, 0, 2, 1), (0, 1, 2, 1), (0, 2, 1, 1), (1, 2, 1, 1), (0, 3, 2, 1)),  # beside the curves, one on another
    OVER_ROW: ((0, 0, 1, 2), (0, 2, 1, 1), (1, 0, 1, 1), (1, 1, 1, 1), (1, 2, 1, 1)),  # above the curves side by side
    OVER_STACK: ((0, 0, 1, 1), (0, 1, 1, 1), (1, 0, 1, 1), (2, 0, 1, 1), (1, 1, 2, 1)),  # above the curves one on another
}
# the columns' and the rows' stretch factors: the plots share the width (beside, the curves as wide as the heatmap:
# their titles wrapped onto three and four lines in large type); the heatmap above a stack is as tall as both curve
# plots (it reads as a picture, they as lines)
STRETCH = {BESIDE: ((1, 0, 1, 0), (1, 1, 0)), OVER_ROW: ((1, 1, 0, 0), (1, 1, 0)), OVER_STACK: ((1, 0, 0, 0), (2, 1, 1))}
PAIR_ROW_EMS = 4.0  # a curve plot beside the other under the heatmap is kept at least this many lines of text wide
SWITCH_MARGIN_EMS = 2.0  # lines of text to spare that another arrangement needs to replace the one shown


def smallest_width(item) -> float:
    return item.effectiveSizeHint(Qt.MinimumSize).width()


def least_width(plot: pg.PlotItem, area: float) -> float:
    """The width of ``plot`` with a plot area ``area`` wide, or as wide as its title's longest word or its bottom axis's
    name on one line (the encoding view's names are one word each), or its own smallest."""
    axis = plot.getAxis("bottom")
    name = axis.label.boundingRect().width() if axis.isVisible() and axis.labelText else 0.0
    # its axes and margins, not its own smallest width less its middle column's: a title wider than the plot area, as it
    # stood wrapped for a wide column, held the plot's smallest width, and the axes beside the area went uncounted
    left, _top, right, _bottom = plot.layout.getContentsMargins()
    beside = sum(smallest_width(plot.getAxis(side)) for side in ("left", "right") if plot.getAxis(side).isVisible())
    return left + right + beside + max(area, smallest_width(plot.vb), unbreakable_width(plot), name)


def smallest_height(plot: pg.PlotItem, title_width: float) -> float:
    """The smallest height of ``plot`` with its title wrapped to ``title_width``."""
    height = plot.effectiveSizeHint(Qt.MinimumSize).height()
    if not plot.titleLabel.text:
        return height
    shown = plot.titleLabel.item.document()
    title = document_copy(shown)
    title.setTextWidth(-1)  # unwrapped: the title may fit the new width on fewer lines
    now = shown.size().height()
    if title.idealWidth() > title_width:
        title.setTextWidth(max(title_width, 1.0))
    return height - now + title.size().height()


class EncodingArrangement:
    """The arranging half of ``EncodingView`` (which it is mixed into): the plots it moves are the view's."""

    def _arrange(self, arrangement: str) -> None:
        """Place the heatmap, its colour bar, the curve plots and their legend as ``arrangement`` has them."""
        if arrangement == self.arrangement:
            return
        items = (self.heat, self.bar, self.across_positions, self.across_dims, self.legend)
        for item in items:  # out of their cells first, so that no move lands on a cell still taken
            unplace(self.graphics, item, hide=False)
        for item, (row, col, rowspan, colspan) in zip(items, PLACES[arrangement]):
            place(self.graphics, item, row, col, rowspan, colspan)
        layout = self.graphics.ci.layout
        layout.setAlignment(self.legend, Qt.AlignTop)  # its entries together at the top
        columns, rows = STRETCH[arrangement]
        for col, stretch in enumerate(columns):
            layout.setColumnStretchFactor(col, stretch)
        for row, stretch in enumerate(rows):
            layout.setRowStretchFactor(row, stretch)
        self.arrangement = arrangement

    def fitting_arrangement(self) -> str:
        """The heatmap beside the curves when the page holds both at the readable width (``readable_plot_width``);
        else, of the heatmap above the curves side by side (each ``PAIR_ROW_EMS`` wide), beside them narrower, and above
        them one on another, the first that the page holds without scrolling, or else the first it holds. Each plot
        area is kept at least as wide as its title's longest word and its axis's name, one word that cannot wrap:
        squeezed beside the curves, the heatmap grew narrower than 'dimension' (3-29 px past its axis at 1024 x 768
        x1.3); above them, it stood so short in a short window that its colour bar's names ran together. Another
        arrangement than the one shown must hold with ``SWITCH_MARGIN_EMS`` to spare: the plots' widths and heights are
        measured as they stand, and a curve plot's value axis is wider where the plot is taller (more, longer names), so
        that each arrangement measured itself out and the other in at every change."""
        layout = self.graphics.ci.layout
        layout.invalidate()  # the size hints of a layout just rearranged are cached from before
        left, _top, right, _bottom = layout.getContentsMargins()
        width, height = self.plot_room()
        room, spacing = width - left - right, max(layout.horizontalSpacing(), 0.0)
        bar, legend = smallest_width(self.bar), smallest_width(self.legend)
        line = QFontMetricsF(self._text_font()).height()

        def holds(arrangement: str, needed: float, room: float) -> bool:
            return needed + (0.0 if arrangement == self.arrangement else SWITCH_MARGIN_EMS * line) <= room

        def beside(area: float) -> float:
            return least_width(self.heat, area) + bar + least_width(self.across_positions, area) + legend + 3 * spacing

        if holds(BESIDE, beside(self.readable_plot_width()), room):
            return BESIDE
        pair = 2 * least_width(self.across_positions, PAIR_ROW_EMS * line) + legend + 2 * spacing
        held = [arrangement for arrangement, needed in ((OVER_ROW, pair), (BESIDE, beside(0.0)), (OVER_STACK, 0.0))
                if holds(arrangement, needed, room) or arrangement == OVER_STACK]
        in_sight = [arrangement for arrangement in held
                    if holds(arrangement, self._smallest_height(arrangement, width), height)]
        return (in_sight or held)[0]

    def _columns(self, arrangement: str, width: float) -> tuple[float, float]:
        """The widths of the heatmap's column and of a curve plot's in ``arrangement`` on a page ``width`` wide."""
        layout = self.graphics.ci.layout
        left, _top, right, _bottom = layout.getContentsMargins()
        spacing, width = max(layout.horizontalSpacing(), 0.0), width - left - right
        bar, legend = self.bar.effectiveSizeHint(Qt.PreferredSize).width(), \
            self.legend.effectiveSizeHint(Qt.PreferredSize).width()
        if arrangement == BESIDE:
            shared = (width - bar - legend - 3 * spacing) / 2
            return shared, shared
        beside = max(bar, legend)
        if arrangement == OVER_ROW:
            return width - beside - spacing, (width - beside - 2 * spacing) / 2
        return width - beside - spacing, width - beside - spacing

    def _smallest_height(self, arrangement: str, width: float) -> float:
        """The smallest height of the plots in ``arrangement`` on a page ``width`` wide, their titles wrapped to their
        columns there."""
        layout = self.graphics.ci.layout
        _left, top, _right, bottom = layout.getContentsMargins()
        spacing = max(layout.verticalSpacing(), 0.0)
        heat_column, curve_column = self._columns(arrangement, width)
        heat = smallest_height(self.heat, heat_column - self.heat.getAxis("left").width())
        upper, lower = (smallest_height(plot, curve_column) for plot in (self.across_positions, self.across_dims))
        legend = self.legend.effectiveSizeHint(Qt.MinimumSize).height()
        if arrangement == BESIDE:
            plots = max(heat, upper + spacing + lower, legend)
        elif arrangement == OVER_ROW:
            plots = heat + spacing + max(upper, lower, legend)
        else:
            plots = heat + spacing + max(upper + spacing + lower, legend)
        return plots + top + bottom

    def arrangement_inputs(self) -> tuple:
        """What the choice of arrangement depends on: the room, the text size, and what sets the plots' smallest widths
        and heights (the heatmap's title, the legend's entries, the digits of the positions). The arrangement is chosen
        again only when one of them changes: measured in the arrangement it stood in, the choice at a small window
        flipped between the heatmap above the curves side by side and one on another at every change of a position."""
        width, height = self.plot_room()
        entries = tuple(label.text for _sample, label in compat.legend_entries(self.legend) if label.isVisible())
        return (round(width), round(height), self.points, self.font().key(), self.heat.titleLabel.text, entries,
                len(str(self.data.shape[0])))

    def reflow(self) -> None:
        """Arrange the plots anew when the page's width calls for another arrangement (``fitting_arrangement``):
        nothing is drawn again, the same plots move."""
        if self._reflowing or not self.isVisible():
            return
        room = self.arrangement_inputs()
        if room == self._arranged_for:
            return
        self._arranged_for = room
        arrangement = self.fitting_arrangement()
        if arrangement == self.arrangement:
            return
        self._reflowing = True
        try:
            self._arrange(arrangement)
            self.fit_titles()  # to their new columns' width
        finally:
            self._reflowing = False
