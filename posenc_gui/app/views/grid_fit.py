"""How an ``ImageGrid`` fits its room: the columns that make its panels largest, each panel's equal share of the
room, and the axes sized for their names before anything is drawn."""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF, QTextDocument

from .axis_name import wrapped_width
from .placement import best_columns, fit_width_to_cells
from .readable import document_copy, side_name_length, top_name_length, unbreakable_width

ROOMS_REMEMBERED = 8  # ``GridFitting._best_columns``' answers kept
TITLE_SETS_REMEMBERED = 4  # sets of titles whose copies are kept (``GridFitting._titles_to_wrap``), 16 at most each
WIDTHS_REMEMBERED = 256  # trial widths of the titles' heights kept (``GridFitting._title_height``)
MAX_FILLS_WITHIN = 2  # ``fill_room`` calls within ``fill_room``


class GridFitting:
    """The fitting half of ``ImageGrid`` (which it is mixed into): the state it reads is ``ImageGrid``'s."""

    def fill_room(self) -> bool:
        """Move the panels, when they fill the room (``show`` without columns), into the number of columns that makes
        them largest in the room the page has now (``best_columns``); True when they moved. A grid of heads about
        square left half a wide screen empty and put its last row below the fold."""
        # a panel it resizes asks again (``_refill``), which sets a fit right; but rooms that swap at every pass recursed
        # until the stack overflowed (Transformer-XL's outputs after CoPE's at 1024 x 768 x1.3 in Chinese)
        if not (self.fills and self.count) or self._fills_within > MAX_FILLS_WITHIN:
            return False
        self._fills_within += 1
        try:
            return self._fill_room()
        finally:
            self._fills_within -= 1

    def _fill_room(self) -> bool:
        first = self.pool[0][0]
        plot_room = self.view.plot_room()
        room = (self.count, self._fitted_shape(), tuple(self.titles), self.look, self.pairs, plot_room,
                self.bar.isVisible() and self.bar.effectiveSizeHint(Qt.PreferredSize).width(), self.gutter,
                first.getAxis("left").maximumWidth(),
                tuple(plot.getAxis("top").maximumHeight() for plot, _ in self.pool[:self.count]))
        if room == self._filled:  # arranged for this room already (a redraw of new values)
            return False
        self._filled = room
        self._fitting = {"room": plot_room}
        try:
            smallest = self._smallest_area()
            columns = self._best_columns(room, smallest)
            moved = columns != self.columns
            if moved:
                self._arrange(self.count, columns)
                self._fit_axes()
                self.view.fit_titles()
                self._fitting = {"room": self.view.plot_room()}  # measured anew for the panels as they now stand
            self._cap_panels(columns, smallest)
        finally:
            self._fitting = None
        return moved

    def _best_columns(self, room: tuple, smallest: tuple[float, float]) -> int:
        """``best_columns`` for ``room`` (``fill_room``'s inputs) and the axes' names, remembered for the last few
        rooms: the attention view's one head and all heads take turns, and each turn tried every column count anew."""
        key = (room, self.row_label, self.column_label, self.bar_label)
        columns = self._chosen.get(key)
        if columns is None:
            columns = best_columns(self.count, self.panel_area, self.shape if self._square() else None, smallest,
                                   self.pairs, self._plot_in_sight)
            if len(self._chosen) >= ROOMS_REMEMBERED:
                del self._chosen[next(iter(self._chosen))]  # the oldest
            self._chosen[key] = columns
        return columns

    def _cap_panels(self, columns: int, smallest: tuple[float, float]) -> None:
        """Hold every panel's plot area to the same width x height, its share of the room in ``columns`` columns
        (``panel_layout``): the layout gave the first column and row, which carry the names, more than the others
        (panels of one grid unequal by a tenth). When the page scrolls, the rows stand at their smallest height, all
        equal (the layout gave the page's height to its rows unequally, and the rows' names wrapped beside one row but
        not the other)."""
        width, height, _title, column_title = self.panel_layout(columns)
        in_sight = width >= smallest[0] and height >= smallest[1]
        if not in_sight:  # the page scrolls: the rows stand at their smallest height
            height = max(height, smallest[1])
        if self._square():  # no taller or wider than the matrix, whose names would stand off from it
            rows, cols = self.shape
            width, height = min(width, height * cols / rows), min(height, width * rows / cols)
        # the titles wrap as the share was worked out for (``_area_beside``): in sight, to the matrix's width and the
        # gap beside it (``View.fit_titles``), or to their column's when only that leaves the matrices in sight; on a
        # scrolled page, to their column's share of the page. Wrapped before the heights are capped, which count them
        title_width, overhang = None, 0.0
        if in_sight and self._square():
            title_width = width if column_title is None else column_title
            overhang = self.title_overhang(self.columns) if column_title is None else 0.0
        if any((getattr(plot.vb, "title_width", None), plot.titleLabel.overhang) != (title_width, overhang)
               for plot, _ in self.pool[:self.count]):
            for plot, _ in self.pool[:self.count]:
                plot.vb.title_width, plot.titleLabel.overhang = title_width, overhang
            self.view.fit_titles()
        for plot, _ in self.pool[:self.count]:
            plot.vb.width_cap = width
            fit_width_to_cells(plot)
            above = plot.titleLabel.maximumHeight() if plot.titleLabel.text else 0.0
            inner_left, inner_top, inner_right, inner_bottom = plot.layout.getContentsMargins()
            cap = above + plot.getAxis("top").maximumHeight() + inner_top + inner_bottom + height
            plot.setMaximumHeight(cap)
        self.view.fit_layout_to_view()

    def panel_area(self, columns: int) -> tuple[float, float]:
        """``panel_layout``'s width and height."""
        return self.panel_layout(columns)[:2]

    def _plot_in_sight(self, columns: int) -> float:
        """How much of the panels' plot areas is in sight with the grid in ``columns`` columns on a page that scrolls
        (the rows standing at their smallest height): each row's height above the fold, times its panels. The fewest
        rows put all four gpt-oss heads in a row, their titles on four lines in Chinese, with their matrices below the
        fold presenting at 1280 x 720 x1.6; two rows of two showed the first two."""
        width, height, title, _column_title = self.panel_layout(columns)
        rows = -(-self.count // columns)
        down = max(self.view.graphics.ci.layout.verticalSpacing(), 0.0)
        _inner_left, inner_top, _inner_right, inner_bottom = self.pool[0][0].layout.getContentsMargins()
        row = title + inner_top + inner_bottom  # a row's share of the room but its plot area
        room = rows * (height + row) + down * (rows - 1)  # what the rows share below the names of the columns
        smallest = self._smallest_area()[1]
        pitch = smallest + row + down
        seen = 0.0
        for index in range(rows):
            panels = min(columns, self.count - index * columns)
            seen += panels * min(max(room - row - index * pitch, 0.0), smallest)
        return seen

    def panel_layout(self, columns: int) -> tuple[float, float, float, float | None]:
        """(width, height) of each panel's plot area with the grid in ``columns`` columns in the room the page has
        without scrolling (``View.plot_room``): what the layout's margins and spacing, the colour bar, the names along
        the first column and the first row (``_share_axes``), and each panel's title (wrapped to its column) leave.
        The bar and the rows' name as wide as they will be beside panels this tall: their names wrap onto a second
        line when they are shorter (``axis_name``), and a grid fitted to them before that was squeezed by them. Then the
        height of the titles above them, and the width of their column when they wrap to it rather than to the
        matrices (``_area_beside``)."""
        fitting = self._fitting  # within ``fill_room``: each arrangement's layout worked out once
        if fitting is not None and columns in fitting:
            return fitting[columns]
        rows_name = self.pool[0][0].getAxis("left")  # the first column's
        across = max(self.view.graphics.ci.layout.horizontalSpacing(), 0.0)
        bar_length = names_length = None  # as laid out now
        for _ in range(3):  # the names for the panels' height, and the panels for the names' width
            beside = self._bar_width(bar_length) + across if self.bar.isVisible() else 0.0
            names_width = wrapped_width(rows_name, names_length)
            width, height, title, column_title = self._area_beside(columns, beside, names_width)
            shown = self._shown_height(width, height)
            lengths = (self._bar_length(columns, shown, width + (names_width if columns == 1 else 0.0)), shown)
            if lengths == (bar_length, names_length):
                break
            bar_length, names_length = lengths
        if fitting is not None:
            fitting[columns] = (width, height, title, column_title)
        return width, height, title, column_title

    def _plot_room(self) -> tuple[float, float]:
        """``View.plot_room``, measured once within ``fill_room`` (it asks the page's rows their heights, and every
        trial arrangement asked it twice)."""
        fitting = self._fitting
        return self.view.plot_room() if fitting is None else fitting["room"]

    def _area_beside(self, columns: int, beside: float, names_width: float) \
            -> tuple[float, float, float, float | None]:
        """``panel_layout`` with ``beside`` (the colour bar and its spacing) to the panels' right and the rows' names
        ``names_width`` wide."""
        room_width, room_height = self._plot_room()
        rows = -(-self.count // columns)
        layout = self.view.graphics.ci.layout
        left, top, right, bottom = layout.getContentsMargins()
        across, down = max(layout.horizontalSpacing(), 0.0), max(layout.verticalSpacing(), 0.0)
        plot = self.pool[0][0]  # the first panel, which names both axes
        inner_left, inner_top, inner_right, inner_bottom = plot.layout.getContentsMargins()
        names_height = plot.getAxis("top").maximumHeight()
        width = (room_width - left - right - beside - (across + self.gutter) * (columns - 1) - names_width) / columns \
            - inner_left - inner_right
        column_title = width + (names_width if columns == 1 else 0.0)
        title_width = column_title - self.view.points
        title = self._title_height(title_width)
        height = (room_height - top - bottom - down * (rows - 1) - names_height) / rows \
            - title - inner_top - inner_bottom
        # the titles wrap to the matrix's width and the gap beside it (``_cap_panels``), on more lines when it is
        if self._square():  # narrower
            cells_rows, cells_cols = self.shape
            reach = 2 * self.title_overhang(columns)
            for _ in range(2):  # the height the wrapped titles leave, and the width that height gives the matrix
                side = min(width, height * cells_cols / cells_rows)
                wrapped = self._title_height(min(title_width,
                                                 max(side + reach - self.view.points, self._title_floor())))
                height, title = height + title - wrapped, wrapped
            if height >= self._smallest_area()[1]:
                column_title = None
            else:  # the titles wrap to their column (``_cap_panels``), on fewer lines: the page scrolls,
                # or their matrices stand in sight below them (eight heads' "head 0 · sink 39%" on two lines over wider
                # panels; wrapped to their matrices on three, the second row was below the fold presenting at
                # 1280 x 720 x1.3)
                wrapped = self._title_height(title_width)
                height, title = height + title - wrapped, wrapped
        return width, height, title, column_title

    def title_overhang(self, columns: int) -> float:
        """How far a panel's title may reach past each side of its matrix (``OverhangingTitle``) in ``columns``
        columns: half the gap between the matrices of neighbouring columns (the next panel's margins, the layout's
        spacing and the gutter), so that neighbouring titles never meet; the first column's reaches over its rows'
        names, the last over its spacing from the colour bar, whose colours start at the matrices' top. In one row
        only: a title of a lower row stands right on its matrix, beside the rows' first name and the bar's colours
        (Transformer-XL's four terms in two rows at 1024 x 768: "(c) global content bias u" over the row name '0',
        "(d) global position bias v" under the colour bar)."""
        if self.count > columns:
            return 0.0
        inner_left, _inner_top, inner_right, _inner_bottom = self.pool[0][0].layout.getContentsMargins()
        across = max(self.view.graphics.ci.layout.horizontalSpacing(), 0.0)
        return (self.gutter + across + inner_left + inner_right) / 2

    def _shown_height(self, width: float, height: float) -> float:
        """The height a panel's plot area stands at with a ``width`` x ``height`` share (``_cap_panels``): no taller
        than a matrix of square cells is wide, and no shorter than the smallest (the page scrolling then)."""
        if self._square():
            cells_rows, cells_cols = self.shape
            height = min(height, width * cells_rows / cells_cols)
        return max(height, self._smallest_area()[1])

    def _bar_length(self, columns: int, shown: float, column_width: float) -> float:
        """The length of the colour bar's axis beside rows of panels whose plot areas stand ``shown`` tall
        (``_shown_height``) in columns ``column_width`` wide: from the first row's plot area's top to the last row's
        bottom (``ImageGrid._explained``), the titles between rows counted wrapped to their columns, and no shorter than
        the bar's name."""
        rows = -(-self.count // columns)
        plot = self.pool[0][0]
        _inner_left, inner_top, _inner_right, inner_bottom = plot.layout.getContentsMargins()
        title = self._title_height(max(column_width - self.view.points, self._title_floor()))
        between = title + inner_top + inner_bottom + max(self.view.graphics.ci.layout.verticalSpacing(), 0.0)
        return max(rows * shown + (rows - 1) * between, side_name_length(self.bar.getAxis("right")))

    def _bar_width(self, length: float | None) -> float:
        """The colour bar's width with its axis ``length`` long (None: as laid out now)."""
        width = self.bar.effectiveSizeHint(Qt.PreferredSize).width()
        return width - wrapped_width(self.bar.getAxis("right"), None) + wrapped_width(self.bar.getAxis("right"), length)

    def _title_height(self, width: float) -> float:
        """The height of the tallest panel title wrapped to ``width`` (as ``View.fit_titles`` wraps them)."""
        documents, heights = self._titles_to_wrap()  # their heights kept: trial widths recur from one fit to the next
        tallest = heights.get(width)
        if tallest is not None:
            return tallest
        tallest = 0.0
        for document, natural_width, natural_height, _unbreakable in documents:
            if natural_width > width:
                document.setTextWidth(max(width, 1.0))
                tallest = max(tallest, document.size().height())
            else:
                tallest = max(tallest, natural_height)
        if len(heights) >= WIDTHS_REMEMBERED:
            heights.clear()
        heights[width] = tallest
        return tallest

    def _title_documents(self) -> list[tuple[QTextDocument, float, float, float]]:
        """A copy of each distinct panel title's text (to wrap at trial widths) with its unwrapped width and height and
        the width of its longest part that cannot wrap (``readable.unbreakable_width``)."""
        return self._titles_to_wrap()[0]

    def _titles_to_wrap(self) -> tuple[list, dict[float, float]]:
        """``_title_documents`` and the tallest title's height at each width tried (``_title_height``), kept for the
        last few sets of titles and text sizes (copying them for every trial of every arrangement cost a tenth of a
        second for sixteen heads; the attention view's one head and all heads take turns)."""
        key = (tuple(plot.titleLabel.text for plot, _ in self.pool[:self.count]), self.view.points)
        kept = self._documents.get(key)
        if kept is None:
            documents, seen = [], set()
            for plot, _ in self.pool[:self.count]:
                if plot.titleLabel.text and plot.titleLabel.text not in seen:
                    seen.add(plot.titleLabel.text)
                    document = document_copy(plot.titleLabel.item.document())
                    document.setTextWidth(-1)
                    natural = (document.idealWidth(), document.size().height())
                    documents.append((document, *natural, unbreakable_width(plot)))
            if len(self._documents) >= TITLE_SETS_REMEMBERED:
                del self._documents[next(iter(self._documents))]  # the oldest
            kept = self._documents[key] = (documents, {})
        return kept

    def _square(self) -> bool:
        return bool(self.pool[0][0].vb.state["aspectLocked"])

    def _fitted_shape(self) -> tuple[int, int] | None:
        """What of the matrices' shape the arrangement depends on: the proportion of square cells, nothing when cells
        fill their panels. A new sequence length keeps it, and re-arranged at each, the grid laid the page out anew."""
        if not self._square():
            return None
        rows, cols = self.shape
        common = math.gcd(rows, cols)
        return rows // common, cols // common

    def _smallest_area(self) -> tuple[float, float]:
        """``_readable_area``, measured once within ``fill_room`` (every trial arrangement asked it several times)."""
        fitting = self._fitting
        if fitting is None:
            return self._readable_area()
        if "smallest" not in fitting:
            fitting["smallest"] = self._readable_area()
        return fitting["smallest"]

    def _readable_area(self) -> tuple[float, float]:
        """The smallest readable plot area of a panel: a matrix of square cells at least ``readable_cells_width`` (of
        small multiples, when there are several) on its longer side, and as tall as the rows' name along the first
        panel at its shortest, on two lines (a grid fitted shorter held the first panel taller than its share: it ran
        past the view's edge, and its cells were no longer square), and as wide as the columns' name above it (one
        word: 'column' stuck out 13 px each side of 83 px patch grids windowed at 1024 x 768 x1.6); another plot area
        the view's readable width and its smallest height (``View.smallest_plot_height``, which counts the name too);
        as wide as the titles at their narrowest."""
        view = self.view
        first = self.pool[0][0]
        if self._square():
            rows, cols = self.shape
            name = max(side_name_length(first.getAxis(side)) for side in ("left", "right"))
            top_name = top_name_length(first.getAxis("top"))
            side = max(view.readable_cells_width(self.count > 1), name / min(1.0, rows / cols),
                       top_name / min(1.0, cols / rows))
            width, height = side * min(1.0, cols / rows), side * min(1.0, rows / cols)
        else:
            width, height = view.readable_plot_width(), view.smallest_plot_height(first)
        # and no narrower than the titles above them wrap to (``View.fit_titles``): eight heads' titles with their
        # sinks' shares held four columns wider than the page, and the colour bar went past its edge
        return max(width, self._title_floor()), height

    def _title_floor(self) -> float:
        """The narrowest the panels' titles wrap to (``View.title_floor``): small multiples', their longest part that
        cannot wrap; a lone panel's, six ems (or less when the title is shorter)."""
        documents = self._title_documents()
        if getattr(self.pool[0][0].vb, "small_multiple", False):
            return max((unbreakable for *_, unbreakable in documents), default=0.0)
        return min(max((natural for _, natural, *_ in documents), default=0.0), self.view.title_wrap_floor())

    def _fit_axes(self) -> None:
        """Size the axes before anything is drawn: the first column's and first row's for their names (the tick
        labels, or the largest row and column numbers); the other panels' take no room (their panels grow by it)
        but a gutter between columns, as wide as half the first and last column names and a margin, so that the
        names atop neighbouring panels stay apart. An axis that found its names wider only while painting grew, and
        the whole view was laid out and painted a second time."""
        if not self.count:
            return
        rows, cols = self.shape
        self.gutter = 0.0
        for side, last, fix in (("top", cols - 1, pg.AxisItem.setHeight), ("left", rows - 1, pg.AxisItem.setWidth)):
            names = [text for _, text in self.ticks[0]] if self.ticks else [str(last)]
            axes = [plot.getAxis(side) for plot, _ in self.pool[:self.count]]
            for axis in axes:
                if axis.style["showValues"]:  # the first row's or column's
                    fix(axis, None)  # sized by its names and title
                    axis.expect_labels(names)
                    if side == "top":  # numbers, centred on the end cells, reach past them by half; token names
                        metrics = QFontMetricsF(axis.style["tickFont"] or QFont())  # stay inside the ends (_within)
                        reach = 0.0 if self.ticks else (metrics.horizontalAdvance(names[0])
                                                        + metrics.horizontalAdvance(names[-1])) / 2
                        self.gutter = reach + self.view.points / (1 if self.ticks else 2)
                else:
                    fix(axis, None if side == "top" else self.gutter)
