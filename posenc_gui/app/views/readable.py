"""How a view keeps its plots readable at any window size and text size: titles wrap to their columns, rows of plots
wrap onto more rows when the page is narrow, and the page grows (and scrolls) rather than squeezing plots."""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QTextCursor, QTextDocument, QTextDocumentFragment, QTextOption
from PySide6.QtWidgets import QGraphicsLayout, QGraphicsWidget, QStyle

from .. import style
from .axis_name import name_document, shortest_length

MIN_PLOT = (80, 80)  # pixels: the smallest plot area in which a curve or a matrix can still be read
READABLE_EMS = 8.0  # a plot area that shares a row with others is kept at least this many lines of text wide
READABLE_CELLS_EMS = 4.0  # a matrix of square cells is kept at least this many lines of text wide (so, tall)
# ... and a panel among small multiples (a grid of heads) this many: read as a pattern beside its neighbours, it may be
# smaller than a lone matrix so that the whole grid stays in sight (eight heads at 1280 x 720 presenting x1.3)
READABLE_MULTIPLES_EMS = 2.5


class ReadablePlots:
    """Mixed into ``View`` (before QWidget), whose ``graphics``, ``plots``, ``points``, ``show_data`` and reflow records
    (``across``, ``asked_across``, ``drawn_across``, ``_last_drawing``, ``_reflowing``, ``_fitted_size``,
    ``_readable_inputs``) it uses."""

    def fit_titles(self) -> None:
        """Wrap the plot titles that are wider than their columns' share of the plot area (a long title
        would widen its plot and push the plots beside it off the window). Views call it after building
        plots. The columns of plots share, by their stretch factors (equally when none is set), what the
        columns of other items (colour bars, legends) leave. Widths are the items' preferred ones, which the
        layout gives them: so the plots need not be laid out first."""
        def width(item) -> float:
            return item.effectiveSizeHint(Qt.PreferredSize).width()

        layout, cells = self.graphics.ci.layout, self.graphics.ci.items
        plot_columns = {col for plot in self.plots for _row, col in cells.get(plot, [])}
        stretches = {col: layout.columnStretchFactor(col) for col in plot_columns}
        if not any(stretches.values()):
            stretches = dict.fromkeys(plot_columns, 1)
        fixed = {}
        for item, item_cells in cells.items():
            columns = {col for _row, col in item_cells}
            if len(columns) == 1 and not columns & plot_columns:
                fixed[min(columns)] = max(fixed.get(min(columns), 0.0), width(item))
        left, _top, right, _bottom = layout.getContentsMargins()
        # the page's width, not the plots' widget's: in a resize that widget still has its old width (its layout
        # resizes it later), and titles fitted to it stayed wrapped for the old width
        free = self.page_width() - left - right - sum(fixed.values()) \
            - layout.horizontalSpacing() * (len(plot_columns) + len(fixed) - 1)
        axes = self._titles_axes = self.widest_axes()
        for plot in self.plots:
            columns = {col for _row, col in cells.get(plot, [])}
            share = sum(stretches[c] for c in columns) / sum(stretches.values()) if columns else 1.0
            floor = self.title_floor(plot)
            room = max(free * share - axes - self.points, floor)  # a margin for rounding, the label's
            # a grid's panel of square cells is held to the matrix's width and the gap beside it, over which its
            # title reaches (``ImageGrid._cap_panels``, ``grid.OverhangingTitle``): a title wider than that widened
            # the plot area past the matrix, the masked cells' hatching filling the room beside it. The grid fitted
            # that width to its column: the share above, less the widest axes (the first column's rows' names), wrapped
            # "head 0: content only" beside it on three lines over a 277 px matrix presenting at 1280 x 720 x1.3
            held = getattr(plot.vb, "title_width", None)
            if held is not None:
                room = max(held + 2 * getattr(plot.titleLabel, "overhang", 0.0) - self.points, floor)
            text = plot.titleLabel.item
            text.document().setDefaultTextOption(QTextOption(Qt.AlignHCenter))
            text.setTextWidth(-1)
            if text.boundingRect().width() > room:
                text.setTextWidth(room)
            plot.titleLabel.resizeEvent(None)  # re-centre and take the new size
            style.fit_title_row(plot)
        self.align_title_rows()
        self.ask_plot_height()  # titles wrapped onto more lines need more height

    def widest_axes(self) -> float:
        """The width of the widest axes of any plot, left and right: a title sits between its plot's axes, and with
        the widest, plots made equally wide fit."""
        return max((sum(plot.getAxis(side).effectiveSizeHint(Qt.PreferredSize).width() for side in ("left", "right")
                        if plot.getAxis(side).isVisible()) for plot in self.plots), default=0)

    def title_wrap_floor(self) -> float:
        """The narrowest a plot title is wrapped to (a longer one stays this wide)."""
        return 6 * self.points

    def title_floor(self, plot: pg.PlotItem) -> float:
        """The narrowest ``plot``'s title is wrapped to: ``title_wrap_floor``, or for a panel among small multiples its
        longest part that cannot wrap (its title takes more lines rather than widen the panels: four heads' titles at
        six ems held a grid presenting at 1280 x 720 x1.6 to two columns, its matrices a third smaller)."""
        if getattr(plot.vb, "small_multiple", False):
            return unbreakable_width(plot)
        return self.title_wrap_floor()

    def align_title_rows(self) -> None:
        """Plots side by side start at the same height: the titles of one row of the layout all take the tallest's
        height (a title wrapped onto three lines beside one on two put the matrices at different heights)."""
        cells = self.graphics.ci.items
        rows: dict[int, list[pg.PlotItem]] = {}
        for plot in self.plots:
            if plot.titleLabel.text and cells.get(plot):
                rows.setdefault(min(cells[plot])[0], []).append(plot)
        for plots in rows.values():
            tallest = max(plot.titleLabel.itemRect().height() for plot in plots)
            for plot in plots:
                plot.titleLabel.setMaximumHeight(tallest)
                plot.layout.setRowFixedHeight(0, tallest)

    def keep_plots_readable(self) -> None:
        """Ask for the room the plots need at their smallest readable size (``MIN_PLOT`` for every plot area,
        with its axes and title at the current text size): the page then scrolls instead of collapsing them."""
        # Height only: a page that scrolled sideways would cut every line of text on it; plots narrower than their
        # minimum still draw (the layout check names them), and rows of plots reflow (``plots_across``).
        for plot in self.plots:
            plot.vb.setMinimumSize(MIN_PLOT[0], self.smallest_plot_height(plot))
        self.reflow()
        self.ask_plot_height()

    def keep_plots_readable_after_drawing(self) -> None:
        """``keep_plots_readable`` after a drawing, unless all it reads is as the last one left it: the plots' layouts
        all laid out (a size hint changed since leaves one waiting) and ``readable_inputs`` the same. Most drawings
        change values, not sizes, and it laid the whole page out again after each of them. The layouts are asked first:
        with one waiting, the inputs need not be read before they are fitted (only after)."""
        if layouts_settled(self.graphics.ci.layout) and self.readable_inputs() == self._readable_inputs:
            return
        self.keep_plots_readable()
        self._readable_inputs = self.readable_inputs()

    def readable_inputs(self) -> tuple:
        """What ``keep_plots_readable`` reads besides the plots' size hints: the view's size and text size, the rows of
        plots asked and drawn, and what each plot's smallest size and column width depend on (see
        ``smallest_plot_height``, ``column_width``)."""
        return (self.isVisible(), self.width(), self.height(), self.points, self.font(), self.across, self.asked_across,
                self.drawn_across, self._last_drawing is not None,
                tuple((plot, plot.titleLabel.text, getattr(plot.vb, "cells_shape", None),
                       getattr(plot.vb, "small_multiple", False), getattr(plot.vb, "title_width", None),
                       *(side_name_length(plot.getAxis(side)) for side in ("left", "right")),
                       top_name_length(plot.getAxis("top"))) for plot in self.plots))

    def eventFilter(self, watched, event) -> bool:
        """The plots' layout asks to be laid out anew: the page gives it the height it needs now, and titles fitted
        while the axes had other widths are fitted again (then rows reflow): axes are measured for their names after a
        new drawing is first fitted, and titles fitted only when the plots no longer fit the width kept the wrapping
        of unmeasured axes on the switch, another after a resize or when built ahead (the context extension's
        'frequency (rad/position)' on one line or two)."""
        if event.type() == QEvent.LayoutRequest and watched is self.graphics.ci and not self._reflowing:
            needed = self.graphics.ci.layout.effectiveSizeHint(Qt.MinimumSize)
            if self.isVisible() and (needed.width() > min(self.graphics.width(), self.page_width()) + 1
                                     or self.widest_axes() != self._titles_axes):
                self._reflowing = True  # fitting the titles asks for a layout again
                try:
                    self.fit_titles()
                finally:
                    self._reflowing = False
                self.reflow()
            elif math.ceil(needed.height()) != self.graphics.minimumHeight():  # less too: a grid refilled for
                # the room left may need less, and the page kept the old height (deck scene 39 scrolled 7 px)
                self.set_plot_height(math.ceil(needed.height()))
            self.fit_layout_to_view()
        return False

    def fit_layout_to_view(self) -> None:
        """Give the plots' layout the view's width again once its minimum or maximum allows: Qt grows a layout whose
        minimum grew (an unwrapped title) but never shrinks it back, and the plots right of a wide one stayed out of
        sight; a layout held narrow by its plots' maximums (``grid.hug_cells``) stayed narrow when they grew."""
        from . import colour_bar  # which reads names' lengths here

        shown = self.graphics.range
        size = self.graphics.ci.size()
        if abs(size.width() - shown.width()) > 1 or abs(size.height() - shown.height()) > 1:
            with colour_bar.levelled_after():
                self.graphics.ci.setGeometry(shown)

    def ask_plot_height(self) -> None:
        """Make the plot area as tall as its layout needs at its smallest."""
        self.graphics.ci.layout.invalidate()  # its size hints are cached from before new minimums or titles
        needed = self.graphics.ci.layout.effectiveSizeHint(Qt.MinimumSize).height()
        self.set_plot_height(math.ceil(needed))

    def set_plot_height(self, height: int) -> None:
        """The plots' smallest height, and the page sized anew for it: Qt's scroll area is not told when a page whose
        height depends on its width (wrapped lines) needs more, and a line below the plots stayed over them."""
        if height != self.graphics.minimumHeight():
            self.graphics.setMinimumHeight(height)
            self.page.updateGeometry()

    def smallest_plot_height(self, plot: pg.PlotItem) -> float:
        """The height below which ``plot``'s area is not readable: ``MIN_PLOT``, and as tall as the names along its
        sides, which would be cut off otherwise; square cells as wide as the name above them, which would stick out."""
        height = max(MIN_PLOT[1], *(side_name_length(plot.getAxis(side)) for side in ("left", "right")))
        rows, cols = getattr(plot.vb, "cells_shape", (0, 0))  # square cells (``grid.hug_cells``), as wide as tall:
        if rows and cols:  # at the smallest height, four heads' matrices in large type were 80 px in wide panels
            among_many = getattr(plot.vb, "small_multiple", False)  # set by a grid that fills the room
            height = max(height, self.readable_cells_width(among_many) * min(1.0, rows / cols),
                         top_name_length(plot.getAxis("top")) * rows / cols)
        return height

    def readable_cells_width(self, among_many: bool = False) -> float:
        """The narrowest a matrix of square cells reads at the current text size, alone or ``among_many`` small
        multiples."""
        ems = READABLE_MULTIPLES_EMS if among_many else READABLE_CELLS_EMS
        return max(MIN_PLOT[0], ems * QFontMetricsF(self._text_font()).height())

    def plots_across(self, wanted: int) -> int:
        """How many of a row of ``wanted`` plots to put side by side: all of them unless the page is too narrow for
        that many readable plots (then the row wraps onto more rows and the page scrolls). Views whose rows may
        wrap ask here while drawing, and draw anew when the answer changes."""
        across = min(wanted, self.across) if self.across else wanted
        self.asked_across = max(self.asked_across, wanted)
        self.drawn_across = max(self.drawn_across, across)
        return across

    def plot_room(self) -> tuple[float, float]:
        """(width, height) the plots have on the page without scrolling: the page's width (``page_width``), and the
        view's height less what the page holds above and below the plots (controls, texts) at that width."""
        width = self.page_width()
        layout = self.page_layout
        top, bottom = layout.contentsMargins().top(), layout.contentsMargins().bottom()
        others = [layout.itemAt(index) for index in range(layout.count())]
        others = [item for item in others if item.widget() is not self.graphics and not item.isEmpty()]
        height = self.height() - top - bottom - max(layout.spacing(), 0) * len(others)
        for item in others:
            height -= item.heightForWidth(width) if item.hasHeightForWidth() else item.sizeHint().height()
        return float(width), float(height)

    def fill_room(self) -> None:
        """Arrange the view's image grids for the room the page has now (``ImageGrid.fill_room``)."""
        for grid in self.grids:
            grid.fill_room()

    def page_width(self) -> int:
        """The width the page has, with room for the vertical scroll bar (which a reflow may bring)."""
        return max(self.width() - self.style().pixelMetric(QStyle.PM_ScrollBarExtent), 1)

    def readable_plot_width(self) -> float:
        """The narrowest plot area worth sharing a row at the current text size."""
        return max(MIN_PLOT[0], READABLE_EMS * QFontMetricsF(self._text_font()).height())

    def _text_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(self.points)
        return font

    def reflow(self) -> None:
        """Draw again with fewer (or, with room, more) plots a row when the page's width calls for it."""
        if self._reflowing or not self.asked_across or self._last_drawing is None or not self.isVisible():
            return
        fits = min(max(int(self.page_width() // self.column_width()), 1), self.asked_across)
        if fits != self.drawn_across:
            self.across = 0 if fits == self.asked_across else fits
            self._reflowing = True
            try:
                self.show_data(*self._last_drawing)
                self.fit_titles()  # to the new columns' width
            finally:
                self._reflowing = False
        self._reflowed_for = self.reflow_inputs()

    def reflow_inputs(self) -> tuple:
        """What ``reflow``'s answer depends on: the drawing (its plots' smallest sizes), the page's width, what the
        plots' room depends on (``readable_inputs``, not a lesson's header, above the plots) and whether a lesson is
        short of room (its plots' floors)."""
        return (self._drawings, self.page_width(), ReadablePlots.readable_inputs(self),
                getattr(self, "short_of_room", None))

    def column_width(self) -> float:
        """The width a column of plots takes at its smallest readable: a plot's axes and a readable plot area, and
        its share of what else the row holds (colour bars, spacing). Titles wrap, down to their longest word (four
        panels titled 'StreamingLLM (attention sinks): …' in Chinese ran 83 px past a 1024 px page). Plots of unequal
        needs: the page's width over the number of them that fit side by side (and a half)."""
        layout = self.graphics.ci.layout
        layout.invalidate()  # the size hints of a layout just rebuilt are cached from before
        rows: dict[int, list] = {}  # the items starting in each row of the grid
        for item, cells in self.graphics.ci.items.items():
            if cells:
                rows.setdefault(min(cells)[0], []).append(item)
        plot_rows = [[item for item in items if item in self.plots] for items in rows.values()]
        if not any(plot_rows):
            return float(self.page_width())
        row = max(range(len(plot_rows)), key=lambda index: len(plot_rows[index]))
        widest, beside = plot_rows[row], [item for item in list(rows.values())[row] if item not in self.plots]

        def smallest(item) -> float:
            return item.effectiveSizeHint(Qt.MinimumSize).width()

        left, _top, right, _bottom = layout.getContentsMargins()
        others = sum(smallest(item) for item in beside) + left + right \
            + max(layout.horizontalSpacing(), 0.0) * (len(widest) + len(beside) - 1)  # colour bars, spacing
        readable = self.readable_plot_width()

        def needs(plot: pg.PlotItem) -> float:  # the plot without its title's width, with a readable area (a view may
            middle = max(smallest(plot.titleLabel), smallest(plot.vb))  # set its own: a column of numbers needs less)
            area = getattr(plot.vb, "readable_width", readable)
            return smallest(plot) - middle + max(area, smallest(plot.vb), unbreakable_width(plot))

        # each column as wide as its own plot needs: every one as wide as the widest put the relative property's five
        # panels, which need 1214 of 1266 px presenting at 1280 x 720 x1.3, onto two rows of 100 px plots
        widths = [needs(plot) + others / len(widest) for plot in self.plots]
        page = self.page_width()
        across = max(count for count in range(1, len(widths) + 1)
                     if count == 1 or all(sum(widths[first:first + count]) <= page
                                          for first in range(0, len(widths), count)))
        return page / (across + 0.5)  # the page holds ``across`` of these, and not one more

    def resizeEvent(self, event) -> None:
        """Fit to a new size. A view shown again is sent a resize to the size it kept whenever the window moved it
        while hidden (Qt's pending resize, even when it ends as it was: every other switch in a soak); refitting
        to the same size would change nothing."""
        super().resizeEvent(event)
        if event.size() != self._fitted_size:
            self._fitted_size = event.size()
            self.fit_to_size()

    def fit_to_size(self) -> None:
        """Fit what depends on the view's size to it (views that show more than plots add theirs), the plots' height
        too: drawn ahead in a smaller window, their page kept the height asked there and scrolled when shown larger."""
        self.fit_titles()
        self.fill_room()
        self.reflow()
        if self._last_drawing is not None:
            self.keep_plots_readable_after_drawing()

    def showEvent(self, event) -> None:
        """A view drawn while hidden (at a size it did not have) reflows when it is shown; one shown again as it last
        reflowed does not (``column_width`` invalidated the plots' layout at every switch of views)."""
        super().showEvent(event)
        self.fill_room()
        last = self._reflowed_for  # a new drawing since is told without reading the rest
        if last is None or last[0] != self._drawings or self.reflow_inputs() != last:
            self.reflow()


def layouts_settled(layout: QGraphicsLayout) -> bool:
    """Whether ``layout`` and the layouts of the items in it are laid out for their items' size hints as they are now:
    a changed hint leaves the layouts holding it waiting for a layout pass (Qt posts it)."""
    if not layout.isActivated():
        return False
    for index in range(layout.count()):
        item = layout.itemAt(index)
        inner = item if item.isLayout() else QGraphicsWidget.layout(item) if isinstance(item, QGraphicsWidget) else None
        if inner is not None and not layouts_settled(inner):
            return False
    return True


def document_copy(document: QTextDocument) -> QTextDocument:
    """A copy of ``document`` to lay out at trial widths, made as ``document.clone()`` makes one (its text and
    formats, font, style sheet, wrapping, frame and page size). Not ``clone()`` itself: PySide6 leaves a clone to C++,
    which never deletes it (about 25 KB each; the soak's memory grew tens of MB per thousand changes); this copy is
    Python's and goes with its last reference."""
    copy = QTextDocument()
    copy.setDefaultFont(document.defaultFont())
    copy.setDefaultStyleSheet(document.defaultStyleSheet())
    copy.setDefaultTextOption(document.defaultTextOption())
    copy.setIndentWidth(document.indentWidth())
    if not document.isEmpty():
        QTextCursor(copy).insertFragment(QTextDocumentFragment(document))
    copy.rootFrame().setFrameFormat(document.rootFrame().frameFormat())
    copy.setPageSize(document.pageSize())
    return copy


def unbreakable_width(plot: pg.PlotItem) -> float:
    """The width of the longest part of ``plot``'s title that cannot wrap (0 without a title). Kept on the title for its
    text and font (``unbreakable_kept``): asked for every plot at every reflow, each a copy of the title's document
    laid out."""
    label = plot.titleLabel
    if not label.text:
        return 0.0
    key = (label.text, repr(sorted(label.opts.items())), label.item.font().key())
    kept = getattr(label, "unbreakable_kept", None)
    if kept is None or kept[0] != key:
        document = document_copy(label.item.document())
        option = document.defaultTextOption()  # at words only: a title not yet fitted wraps anywhere (Qt's default)
        option.setWrapMode(QTextOption.WordWrap)
        document.setDefaultTextOption(option)
        document.setTextWidth(1)
        kept = label.unbreakable_kept = (key, document.idealWidth())
    return kept[1]


def side_name_length(axis: pg.AxisItem) -> float:
    """The length of the name written along a vertical axis (0 when it shows none). A name kept along its axis is
    as long as it is on two lines (``shortest_length``), kept on the axis for its text and font (``shortest_kept``):
    read for every plot after every drawing (``readable_inputs``), it wrapped a new document at a dozen trial
    lengths."""
    if not axis.isVisible() or not axis.label.isVisible() or not axis.labelText:
        return 0.0
    if not getattr(axis, "keeps_name_along", False):
        return axis.label.boundingRect().width() + 4
    key = (axis.labelString(), axis.label.font().key())
    kept = getattr(axis, "shortest_kept", None)
    if kept is None or kept[0] != key:
        kept = axis.shortest_kept = (key, shortest_length(axis))
    return kept[1] + 4


def top_name_length(axis: pg.AxisItem) -> float:
    """The length of a horizontal axis that holds its name (one word, as 'column' is, cannot wrap) on one line: its
    width as pyqtgraph centres it, with the space it writes after it (0 when it shows none). Kept on the axis for its
    text and font, as ``side_name_length`` is."""
    if not axis.isVisible() or not axis.label.isVisible() or not axis.labelText:
        return 0.0
    key = (axis.labelString(), axis.label.font().key())
    kept = getattr(axis, "top_kept", None)
    if kept is None or kept[0] != key:
        kept = axis.top_kept = (key, name_document(axis).idealWidth())
    return kept[1]
