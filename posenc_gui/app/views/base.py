"""What every view shares: the fetch/show split, styling, hover text and the data it shows.

A view is a QWidget with two halves:
- ``fetch(scene)`` (a static method) asks the core for the arrays; it touches no widget, so the
  window may run it in a worker thread for large requests;
- ``show_data(scene, data)`` draws them, on the GUI thread.
Selections (clicked columns, chosen head...) are written back to the state model, never kept here.
"""

from __future__ import annotations

import functools
import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetricsF, QTextOption
from PySide6.QtWidgets import (QApplication, QFrame, QGraphicsView, QHBoxLayout, QScrollArea, QStyle, QVBoxLayout,
                               QWidget)

from ...core import registry
from ...core.registry import Method
from ..state import DECK_TEXT, SCENE_FIELDS, Scene, StateModel
from .. import i18n, style
from .flow import FlowLayout


# Antialiased wide strokes drawn as one path are very slow in Qt's raster engine (seconds for a few
# curves of 512 points); drawn segment by segment they cost about 8x less and look the same.
pg.setConfigOptions(imageAxisOrder="row-major", antialias=True, segmentedLineMode="on")


def most_default_heads() -> int:
    """The most heads any method has by default: views with a panel per head build that many ahead."""
    return max(param.default for method in registry.all_methods() for param in method.params
               if param.name == "heads")


def elements(scene: Scene, kind: str) -> int:
    """How many numbers output ``kind`` of the scene's method has (0 when it has no such output)."""
    method = scene.method_obj
    if kind not in method.outputs:
        return 0
    resolved = method.resolve(kind, scene.values_for(kind))
    return int(np.prod(method.output(kind).shape(**resolved), dtype=np.float64))


CONTROL_SPACING = 12  # pixels between the controls of a wrapping row


def captioned(caption: QWidget, control: QWidget) -> QWidget:
    """A caption and its control as one widget, so that a wrapping row keeps them on the same line."""
    pair = QWidget()
    both = QHBoxLayout(pair)
    both.setContentsMargins(0, 0, 0, 0)
    both.addWidget(caption)
    both.addWidget(control)
    return pair


MIN_PLOT = (80, 80)  # pixels: the smallest plot area in which a curve or a matrix can still be read
READABLE_EMS = 8.0  # a plot area that shares a row with others is kept at least this many lines of text wide


class View(QWidget):
    """Base class of the views. Subclasses set ``key`` and ``title`` and implement ``applies_to``,
    ``fetch`` and ``show_data``; ``size`` tells the window how big a request is. ``group`` sorts the
    views in the window's navigation: "explore" (a method's outputs), "learn" (guided lessons) or
    "reference" (pages to read); ``uses_method`` False hides the parameter panel while the view is shown
    (it reads nothing the panel sets). ``title`` stays English: the navigation shows
    ``i18n.translate(cls.__name__, cls.title)`` and scripts/update_translations.py extracts every title."""

    key = ""
    title = ""
    group = "explore"
    uses_method = True
    # The scene fields ``fetch`` reads: the window fetches again only when one of them changed (``data_key``) and
    # otherwise hands the data it kept to ``show_selection``. Every field by default but the deck's texts and the view
    # key; a view that reads fewer names them, so that a selection or a title costs no computation.
    data_fields: tuple[str, ...] = tuple(name for name in SCENE_FIELDS if name not in DECK_TEXT | {"view"})
    hovered = Signal(str)

    def __init__(self, model: StateModel, parent=None):
        super().__init__(parent)
        self.model = model
        self.theme = style.theme_named("light")
        self.points = style.BASE_POINTS
        self.shown: dict[str, np.ndarray] = {}  # name -> array on screen, for CSV / NPY export
        self.graphics = pg.GraphicsLayoutWidget()
        # the background is filled once, with the theme's opaque colour: not copied from a cached pixmap (a copy
        # of the whole view on every full repaint: 0.5 ms at 1600 x 900) nor filled with the palette before
        self.graphics.setCacheMode(QGraphicsView.CacheModeFlag.CacheNone)
        self.graphics.viewport().setAutoFillBackground(False)
        self.graphics.viewport().setAttribute(Qt.WA_OpaquePaintEvent)
        # The scene counts as active from now on: it was deactivated whenever the view was hidden and activated
        # when shown again, and its top item, the whole layout, repainted on activation (every switch to a view
        # painted it twice; nothing here looks different when inactive).
        QApplication.sendEvent(self.graphics.scene(), QEvent(QEvent.WindowActivate))
        # Everything a view shows sits on one page in a scroll area: at a large text size or in a small window
        # the page scrolls rather than squeezing the plots below a readable size (``keep_plots_readable``).
        self.page = QWidget()
        self.page_layout = QVBoxLayout(self.page)
        self.page_layout.setContentsMargins(0, 0, 0, 0)
        self.controls = QWidget()
        self.controls.setVisible(False)
        self.page_layout.addWidget(self.controls)
        self.page_layout.addWidget(self.graphics, 1)
        self.scroll = QScrollArea()
        self.scroll.setFrameShape(QFrame.NoFrame)
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)
        self.graphics.scene().sigMouseMoved.connect(self._mouse_moved)
        self.graphics.ci.installEventFilter(self)  # its layout grows when axes find their names wider as they paint
        self.plots: list[pg.PlotItem] = []
        self._fitted_size = QSize()  # the size fit_to_size last fitted to
        self._mouse_at = None  # scene position of the mouse's last move over the plots
        # Reflow (``plots_across``): the most plots a row may hold (0: as many as the view wants), the row the
        # view asked for and got at its last drawing, and that drawing's scene and data, to draw it again
        self.across = 0
        self.asked_across = self.drawn_across = 0
        self._last_drawing: tuple | None = None
        self._reflowing = False

    def __init_subclass__(cls, **kwargs):
        """Every view's ``show_data`` ends by asking for the room its plots need (``keep_plots_readable``): a
        view may make or drop plots whenever it draws, and every caller (window, export, tests) draws through it."""
        super().__init_subclass__(**kwargs)
        draw = cls.__dict__.get("show_data")
        if draw is not None and not getattr(draw, "keeps_plots_readable", False):
            @functools.wraps(draw)
            def show_data(self, scene, data, draw=draw):
                kept = self.asked_across, self.drawn_across
                self.asked_across = self.drawn_across = 0
                draw(self, scene, data)
                if not self.asked_across:  # nothing drawn anew (the same data): the rows stay as they were
                    self.asked_across, self.drawn_across = kept
                # kept to draw again in fewer or more columns; only by views whose rows reflow (data can be large)
                self._last_drawing = (scene, data) if self.asked_across else None
                self.keep_plots_readable()

            show_data.keeps_plots_readable = True
            cls.show_data = show_data

    # -- to implement -------------------------------------------------------------------------
    @staticmethod
    def applies_to(method: Method) -> bool:
        raise NotImplementedError

    @staticmethod
    def fetch(scene: Scene):
        raise NotImplementedError

    @staticmethod
    def size(scene: Scene) -> int:
        """Number of array elements ``fetch`` produces (decides whether it runs off the GUI thread)."""
        return 0

    @classmethod
    def data_key(cls, scene: Scene) -> tuple:
        """What ``fetch(scene)`` depends on: equal keys, equal data. The values of ``data_fields``; a view whose
        fetch reads only part of a field (another method's parameters it ignores) may narrow it further."""
        return tuple(getattr(scene, name) for name in cls.data_fields)

    @staticmethod
    def unavailable() -> str | None:
        """Why this view cannot show anything on this installation (the self-test leaves it out), else None."""
        return None

    def show_data(self, scene: Scene, data) -> None:
        raise NotImplementedError

    def ignored_params(self) -> dict[str, str]:
        """Parameters of the method that this view does not use, each with the reason the panel gives on its
        (disabled) control."""
        return {}

    def show_selection(self, scene: Scene, data) -> None:
        """Show a scene whose data did not change (``data_key``), with the data fetched before: a new selection,
        overlay or look. By default the whole drawing again (its parts skip what did not change); a view may draw
        only what the fields outside ``data_fields`` choose."""
        self.show_data(scene, data)

    def hover_text(self, plot: pg.PlotItem, x: float, y: float) -> str:
        """Status-bar text for the mouse at data coordinates (x, y) of ``plot``; "" for none."""
        return ""

    def hasHeightForWidth(self) -> bool:
        """False: a view takes the room the window gives it. Otherwise Qt's stacked layout asks every view,
        hidden ones too, for its height at each layout of the window, and views with wrapped labels
        made every switch and every panel toggle about 5 ms slower."""
        return False

    def build_ahead(self) -> bool:
        """Build one more thing a later scene may need (the window calls it while idle); False when
        there is nothing left to build."""
        return False

    def panels_needed(self, scene: Scene, data) -> int:
        """How many panels of its ``grid`` (an ``ImageGrid``) the view draws ``data`` in; 0 without one. The window
        builds the missing panels a slice at a time before drawing when there are many (128 took 2.35 s at once)."""
        return 0

    # -- shared -------------------------------------------------------------------------------
    def set_look(self, theme: style.Theme, points: float) -> None:
        self.theme, self.points = theme, points
        self.graphics.setBackground(theme.background)
        for plot in self.plots:
            style.style_plot(plot, theme, points)

    def recolour(self, maps: dict[str, pg.ColorMap]) -> None:
        """Give every image and colour bar drawn with a map named in ``maps`` the map it names instead (a new choice
        of colour map, in place: nothing is built or fetched again)."""
        for item in self.graphics.scene().items():
            if isinstance(item, pg.ImageItem):
                current = item.getColorMap()
            elif isinstance(item, pg.ColorBarItem):
                current = item.colorMap()
            else:
                continue
            if current is not None and current.name in maps:
                item.setColorMap(maps[current.name])

    def controls_row(self) -> QHBoxLayout:
        """Show the controls bar above the plots and return its row layout."""
        self.controls.setVisible(True)
        row = QHBoxLayout(self.controls)
        row.setContentsMargins(6, 2, 6, 2)
        return row

    def wrapping_controls_row(self) -> FlowLayout:
        """Show the controls bar above the plots as a row that wraps onto more lines when the page is narrow (a long
        row of controls in large type widened the page past the window, and its last ones were out of sight)."""
        self.controls.setVisible(True)
        row = FlowLayout(CONTROL_SPACING, self.controls)
        row.setContentsMargins(6, 2, 6, 2)
        return row

    def new_plot(self, row: int, col: int, rowspan: int = 1, colspan: int = 1, sides=("left", "bottom"),
                 **kwargs) -> pg.PlotItem:
        """A plot at grid (row, col); the axes of ``sides`` thin their names to leave gaps (``style.GridAxis``)."""
        return self.place_plot(self.make_plot(sides, **kwargs), row, col, rowspan, colspan)

    @staticmethod
    def make_plot(sides=("left", "bottom"), **kwargs) -> pg.PlotItem:
        """A plot in the views' manner (grid axes, no menu, no buttons), not yet placed (``place_plot``)."""
        plot = pg.PlotItem(axisItems=style.grid_axes(sides), **kwargs)
        plot.setMenuEnabled(False)
        plot.hideButtons()
        return plot

    def place_plot(self, plot: pg.PlotItem, row: int, col: int, rowspan: int = 1, colspan: int = 1) -> pg.PlotItem:
        self.graphics.addItem(plot, row=row, col=col, rowspan=rowspan, colspan=colspan)
        self.plots.append(plot)
        return plot

    def fit_titles(self) -> None:
        """Wrap the plot titles that are wider than their columns' share of the plot area (a long title
        would widen its plot and push the plots beside it off the window). Views call it after building
        plots. The columns of plots share, by their stretch factors (equally when none is set), what the
        columns of other items (colour bars, legends) leave. Widths are the items' preferred ones, which the
        layout gives them: so the plots need not be laid out first (a pass over 16 panels took 3.5 ms)."""
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
        free = min(self.graphics.width(), self.page_width()) - left - right - sum(fixed.values()) \
            - layout.horizontalSpacing() * (len(plot_columns) + len(fixed) - 1)
        # the title sits between the axes; the widest axes of any plot, so that plots made equally wide fit
        axes = max((sum(width(plot.getAxis(side)) for side in ("left", "right") if plot.getAxis(side).isVisible())
                    for plot in self.plots), default=0)
        for plot in self.plots:
            columns = {col for _row, col in cells.get(plot, [])}
            share = sum(stretches[c] for c in columns) / sum(stretches.values()) if columns else 1.0
            room = max(free * share - axes - self.points, 6 * self.points)  # a margin for rounding and the label's own
            text = plot.titleLabel.item
            text.document().setDefaultTextOption(QTextOption(Qt.AlignHCenter))
            text.setTextWidth(-1)
            if text.boundingRect().width() > room:
                text.setTextWidth(room)
            plot.titleLabel.resizeEvent(None)  # re-centre and take the new size
            style.fit_title_row(plot)
        self.ask_plot_height()  # titles wrapped onto more lines need more height

    def keep_plots_readable(self) -> None:
        """Ask for the room the plots need at their smallest readable size (``MIN_PLOT`` for every plot area,
        with its axes and title at the current text size): the page then scrolls instead of collapsing them."""
        # Height only: a page that scrolled sideways would cut every line of text on it; plots narrower than their
        # minimum still draw (the layout check names them), and rows of plots reflow (``plots_across``).
        for plot in self.plots:
            plot.vb.setMinimumSize(MIN_PLOT[0], self.smallest_plot_height(plot))
        self.reflow()
        self.ask_plot_height()

    def eventFilter(self, watched, event) -> bool:
        """The plots' layout asks to be laid out anew: the page gives it the height it needs now, and titles fitted
        while the axes were narrower are fitted again when the plots no longer fit the width (then rows reflow)."""
        if event.type() == QEvent.LayoutRequest and watched is self.graphics.ci and not self._reflowing:
            needed = self.graphics.ci.layout.effectiveSizeHint(Qt.MinimumSize)
            if needed.width() > min(self.graphics.width(), self.page_width()) + 1 and self.isVisible():
                self._reflowing = True  # fitting the titles asks for a layout again
                try:
                    self.fit_titles()
                finally:
                    self._reflowing = False
                self.reflow()
            elif math.ceil(needed.height()) > self.graphics.minimumHeight():
                self.graphics.setMinimumHeight(math.ceil(needed.height()))
        return False

    def ask_plot_height(self) -> None:
        """Make the plot area as tall as its layout needs at its smallest."""
        self.graphics.ci.layout.invalidate()  # its size hints are cached from before new minimums or titles
        needed = self.graphics.ci.layout.effectiveSizeHint(Qt.MinimumSize).height()
        self.graphics.setMinimumHeight(math.ceil(needed))

    def smallest_plot_height(self, plot: pg.PlotItem) -> float:
        """The height below which ``plot``'s area is not readable: ``MIN_PLOT``, and as tall as the names along its
        sides, which would be cut off otherwise."""
        return max(MIN_PLOT[1], *(side_name_length(plot.getAxis(side)) for side in ("left", "right")))

    def plots_across(self, wanted: int) -> int:
        """How many of a row of ``wanted`` plots to put side by side: all of them unless the page is too narrow for
        that many readable plots (then the row wraps onto more rows and the page scrolls). Views whose rows may
        wrap ask here while drawing, and draw anew when the answer changes."""
        across = min(wanted, self.across) if self.across else wanted
        self.asked_across = max(self.asked_across, wanted)
        self.drawn_across = max(self.drawn_across, across)
        return across

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
        if fits == self.drawn_across:
            return
        self.across = 0 if fits == self.asked_across else fits
        self._reflowing = True
        try:
            self.show_data(*self._last_drawing)
            self.fit_titles()  # to the new columns' width
        finally:
            self._reflowing = False

    def column_width(self) -> float:
        """The width a column of plots takes at its smallest readable: a plot's axes and a readable plot area, and
        its share of what else the row holds (colour bars, spacing). Titles wrap to any width, so they do not count."""
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

        def needs(plot: pg.PlotItem) -> float:  # the plot without its title's width, with a readable area
            middle = max(smallest(plot.titleLabel), smallest(plot.vb))
            return smallest(plot) - middle + max(readable, smallest(plot.vb))

        return max(needs(plot) for plot in widest) + others / len(widest)

    def resizeEvent(self, event) -> None:
        """Fit to a new size. A view shown again is sent a resize to the size it kept whenever the window moved it
        while hidden (Qt's pending resize, even when it ends as it was: every other switch in a soak); refitting
        to the same size changed nothing and took 0.4 ms, a lesson's header more."""
        super().resizeEvent(event)
        if event.size() != self._fitted_size:
            self._fitted_size = event.size()
            self.fit_to_size()

    def fit_to_size(self) -> None:
        """Fit what depends on the view's size to it (views that show more than plots add theirs)."""
        self.fit_titles()
        self.reflow()

    def showEvent(self, event) -> None:
        """A view drawn while hidden (at a width it did not have) reflows when it is shown."""
        super().showEvent(event)
        self.reflow()

    def clear_plots(self) -> None:
        # Items leave their plots before the layout is cleared: without this, two replayed soak
        # sequences segfaulted in a later paint (tests/test_soak.py keeps a similar case).
        for plot in self.plots:
            for item in list(plot.items):
                plot.removeItem(item)
        self.graphics.clear()
        for plot in self.plots:  # those kept out of the grid (``unplace``) are still in the scene
            if plot.scene() is not None:
                plot.scene().removeItem(plot)
        self.plots = []

    def hover_again(self) -> None:
        """Say anew what is under the mouse, if it is over the plots (after a drawing the old text is stale)."""
        if self._mouse_at is not None and self.graphics.underMouse():
            self._mouse_moved(self._mouse_at)

    def _mouse_moved(self, pos) -> None:
        self._mouse_at = pos
        for plot in self.plots:
            if plot.sceneBoundingRect().contains(pos) and plot.vb.sceneBoundingRect().contains(pos):
                point = plot.vb.mapSceneToView(pos)
                text = self.hover_text(plot, point.x(), point.y())
                if text:
                    self.hovered.emit(text)
                return


def side_name_length(axis: pg.AxisItem) -> float:
    """The length of the name written along a vertical axis (0 when it shows none)."""
    if not axis.isVisible() or not axis.label.isVisible() or not axis.labelText:
        return 0.0
    return axis.label.boundingRect().width() + 4


def listed(parts) -> str:
    """Items of a list in one line, with the interface language's separator (Chinese items may hold
    commas of their own, so they are set apart by semicolons)."""
    return i18n.translate("View", ", ").join(parts)


# The lesson modules import these from here; their imports move to the modules below when the lessons become a package.
from .cell_numbers import CellTexts, fmt  # noqa: E402
from .grid import ImageGrid, place, unplace  # noqa: E402
from .images import cell, colour_bar_ahead, float32_pixels, frame_cells, heatmap  # noqa: E402

__all__ = ["CellTexts", "ImageGrid", "cell", "colour_bar_ahead", "float32_pixels", "fmt", "frame_cells", "heatmap",
           "place", "unplace"]
