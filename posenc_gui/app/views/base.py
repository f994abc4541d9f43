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
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QTextOption
from PySide6.QtWidgets import (QApplication, QCheckBox, QFrame, QGraphicsView, QHBoxLayout, QScrollArea, QStyle,
                               QVBoxLayout, QWidget)

from ...core import registry
from ...core.registry import Method
from ..state import DECK_TEXT, SCENE_FIELDS, Scene, StateModel
from .. import compat, i18n, style
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
LAYOUT_MARGIN = 9  # pixels around the plots' layout (Qt's default), more above and below for large names (set_look)
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
        # an upright axis writes its end names centred on its ends, half a name's height past them: the margins above
        # and below the plots keep those in sight (a taller Chinese font cut "1.0" atop a colour bar by 4 px)
        names = QFont(self.font())
        names.setPointSizeF(points * style.TICK_SCALE)
        half_name = max(LAYOUT_MARGIN, math.ceil(0.4 * QFontMetricsF(names).height()) + 2)
        self.graphics.ci.layout.setContentsMargins(LAYOUT_MARGIN, half_name, LAYOUT_MARGIN, half_name)

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
            self.fit_layout_to_view()
        return False

    def fit_layout_to_view(self) -> None:
        """Give the plots' layout the view's width again once its minimum allows: Qt grows a layout whose minimum grew
        (an unwrapped title) but never shrinks it back, and the plots right of a wide one stayed out of sight."""
        shown = self.graphics.range
        if self.graphics.ci.size().width() > shown.width() + 1:
            self.graphics.ci.setGeometry(shown)

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


class ImageItem(pg.ImageItem):
    """A pyqtgraph ImageItem painted from 32-bit pixels. pyqtgraph renders a colour-mapped image as 8-bit
    indexed, which Qt converts again on every scaled paint: 1.7 ms to draw 128 x 128 cells over 900 x 800 px,
    against 0.24 ms from 32-bit pixels. The pixels drawn are the same.

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


class CellTexts(pg.GraphicsObject):
    """The numbers written in a matrix's cells, drawn by one item at a fixed font size (one TextItem per
    cell is far slower once there are hundreds). Numbers too wide for their cells on screen are written with
    fewer decimals, the same number for every cell, and not at all when even whole numbers do not fit or a
    line of text is taller than a cell (hovering a cell still gives its value)."""

    def __init__(self, labels: list[tuple[int, int, str, str]], rows: int, cols: int, font: QFont):
        super().__init__()
        self.labels, self.rows, self.cols, self.font = labels, rows, cols, font
        self._fitted: tuple[tuple, list] = ((), labels)  # (cell size on screen, font), labels fitted to it
        self.setZValue(5)

    def boundingRect(self) -> QRectF:
        return QRectF(-0.5, -0.5, self.cols, self.rows)

    def set_labels(self, labels: list[tuple[int, int, str, str]], rows: int, cols: int, font: QFont) -> None:
        """New (row, column, text, colour) labels for a matrix of ``rows`` x ``cols`` cells."""
        self.prepareGeometryChange()
        self.labels, self.rows, self.cols, self.font = labels, rows, cols, font
        self._fitted = ((), labels)
        self.update()

    def shown_labels(self, cell_width: float, cell_height: float) -> list[tuple[int, int, str, str]]:
        """The labels as written in cells of this size on screen (pixels)."""
        key = (round(cell_width), round(cell_height), self.font.key())
        if self._fitted[0] != key:
            self._fitted = (key, fit_numbers(self.labels, QFontMetricsF(self.font), cell_width, cell_height))
        return self._fitted[1]

    def paint(self, painter, *args) -> None:
        transform = painter.transform()
        cell = transform.mapRect(QRectF(0, 0, 1, 1))
        painter.save()
        painter.resetTransform()
        painter.setFont(self.font)
        for row, col, text, colour in self.shown_labels(cell.width(), cell.height()):
            centre = transform.map(QPointF(col, row))
            painter.setPen(QColor(colour))
            painter.drawText(QRectF(centre.x() - 500, centre.y() - 100, 1000, 200), Qt.AlignCenter, text)
        painter.restore()


CELL_PADDING = 3.0  # pixels left free between a cell's number and its edges


def fit_numbers(labels: list[tuple[int, int, str, str]], metrics: QFontMetricsF, width: float,
                height: float) -> list[tuple[int, int, str, str]]:
    """``labels`` whose texts fit cells of ``width`` x ``height`` pixels: as given, else every number with the
    most decimals that lets all fit (texts that are not numbers stay as they are), else none."""
    room = width - CELL_PADDING

    def fits(texts) -> bool:
        return all(metrics.horizontalAdvance(text) <= room for text in texts)

    texts = [text for _row, _col, text, _colour in labels]
    if not labels or metrics.tightBoundingRect("0").height() > height - 1:
        return []
    if fits(texts):
        return labels
    numbers = [number_in(text) for text in texts]
    for decimals in range(3, -1, -1):
        shorter = [text if number is None else f"{number:.{decimals}f}" for text, number in zip(texts, numbers)]
        shorter = ["0" if text in ("-0", "-0.0", "-0.00", "-0.000") else text for text in shorter]
        if fits(shorter):
            return [(row, col, text, colour) for (row, col, _old, colour), text in zip(labels, shorter)]
    return []


def number_in(text: str) -> float | None:
    """The finite number a cell's text writes (a minus sign may be U+2212), else None."""
    try:
        number = float(text.replace("\u2212", "-"))
    except ValueError:
        return None
    return number if math.isfinite(number) else None


FLOAT32_MAX = float(np.finfo(np.float32).max)


def float32_pixels(data) -> np.ndarray:
    """``data`` as C-contiguous float32 for an ImageItem. Values past float32's range (an xPos scale at
    extreme settings reaches 1e100) saturate at its largest value instead of overflowing to inf."""
    data = np.asarray(data)
    if data.dtype != np.float32:
        data = np.clip(data, -FLOAT32_MAX, FLOAT32_MAX)
    return np.ascontiguousarray(data, dtype=np.float32)


QWIDGETSIZE_MAX = float((1 << 24) - 1)  # Qt's "no maximum"
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
    colours end short of a few outliers (``style.robust_levels``); with ``own_scales``, each panel's colours span
    its own values (signed data: symmetric about 0 in each), so a head of small values is not drawn blank."""
    stack = np.asarray(stack)
    values = stack if stack.dtype.kind == "f" else stack.astype(np.float64)
    side = max(SHOWN_CELLS // columns, 1)
    pixels = tuple(shown_pixels(matrix, side) for matrix in stack)
    low, high, signed = style.levels_for(values)
    if own_scales:
        own = [style.levels_for(matrix) for matrix in values]
        if signed:  # one diverging map for all: 0 in the middle of every panel
            own = [(-extent, extent, True) for extent in (max(-a, b, 1e-12) for a, b, _ in own)]
        return Picture((low, high), signed, pixels, panel_levels=tuple((a, b) for a, b, _ in own))
    if not robust:
        return Picture((low, high), signed, pixels)
    robust_low, robust_high, signed, outlier = style.robust_levels(values)
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
    sums = block_sums(block_sums(matrix, row_step).T, col_step).T
    counts = np.outer(block_lengths(rows, row_step), block_lengths(cols, col_step))
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
            bar_row: int = 0, bar_col: int = 1, bar: pg.ColorBarItem | None = None) -> pg.ImageItem:
    """Draw a 2-D array as an image in ``plot``: row 0 at the top, pixel (r, c) centred on (c, r).

    Signed data gets a diverging colour map centred on 0. Returns the ImageItem. ``bar``: a colour bar made ahead
    (``colour_bar_ahead``) to use, else one is made.
    """
    low, high, signed = style.levels_for(data) if levels is None else (*levels, levels[0] < 0)
    image = pg.ImageItem(axisOrder="row-major")
    image.setAutoDownsample(True)
    image.setImage(float32_pixels(data), levels=(low, high))
    image.setRect(-0.5, -0.5, data.shape[1], data.shape[0])
    style.cell_ticks(plot)
    cmap = style.colour_map(signed)
    image.setColorMap(cmap)
    plot.addItem(image)
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
        style.fit_bar_axis(bar)
    return image


def colour_bar_ahead() -> pg.ColorBarItem:
    """A colour bar for ``heatmap`` to use later: making one is most of what drawing a heatmap first costs."""
    return pg.ColorBarItem(interactive=False, width=18)


def own_scales_switch(view: View) -> QCheckBox:
    """The check box that gives each head of a view's small multiples its own colour scale (scene option
    "own_scales"): shown by ``sync_own_scales`` only where there are several heads."""
    switch = QCheckBox(i18n.translate("View", "Each head its own colours"))
    switch.setToolTip(i18n.translate("View", "Colour each head over its own range (its title gives the range), so "
                                     "that a head of small values is not drawn blank; off: one scale for all, to "
                                     "compare heads"))
    switch.toggled.connect(lambda on: view.model.set_option("own_scales", on))
    return switch


def sync_own_scales(switch: QCheckBox, scene: Scene, panels: int) -> None:
    switch.blockSignals(True)
    switch.setChecked(bool(scene.option("own_scales", False)))
    switch.blockSignals(False)
    switch.setVisible(panels > 1)


def hug_cells(plot: pg.PlotItem, rows: int, cols: int) -> None:
    """Keep a plot of square cells (``rows`` x ``cols``, aspect locked) no wider than its cells at its height, or
    let it fill its room again with ``rows`` 0: pyqtgraph widens the view range of a locked plot to its area, and the
    row names and the title stood far from a small matrix in the middle of a wide plot."""
    vb = plot.vb
    if not hasattr(vb, "cells_shape"):
        vb.sigResized.connect(lambda _vb: fit_width_to_cells(plot))
    vb.cells_shape = (rows, cols)
    fit_width_to_cells(plot)


def fit_width_to_cells(plot: pg.PlotItem) -> None:
    """The width ``hug_cells`` keeps: the cells' at the plot area's height, the axes beside them, and no less than
    the plot's own layout needs (the plot's minimum is capped by the maximum set here, so its layout is asked)."""
    rows, cols = plot.vb.cells_shape
    wanted = QWIDGETSIZE_MAX
    if rows and plot.vb.height() > 0:
        beside = sum(plot.getAxis(side).width() for side in ("left", "right") if plot.getAxis(side).isVisible())
        left, _top, right, _bottom = plot.layout.getContentsMargins()
        wanted = max(plot.vb.height() * cols / rows + beside + left + right,
                     plot.layout.effectiveSizeHint(Qt.MinimumSize).width())
    if abs(plot.maximumWidth() - wanted) > 1:
        plot.setMaximumWidth(wanted)


def frame_cells(plot: pg.PlotItem, rows: int, cols: int) -> None:
    """Show a heatmap's ``rows`` x ``cols`` cells whole, and let it zoom out or pan by at most its own size. The
    limits come first: set after, they clamped the range to the last shape's limits (a wider table showed in part)."""
    plot.vb.setLimits(xMin=-0.5 - cols, xMax=2 * cols, yMin=-0.5 - rows, yMax=2 * rows)
    plot.setRange(xRange=(-0.5, cols - 0.5), yRange=(-0.5, rows - 0.5), padding=0)
    count_cells(plot, rows, cols)


def count_cells(plot: pg.PlotItem, rows: int, cols: int) -> None:
    """Tell the plot's axes how many cells they number: a square-celled panel shows room beside its cells, where
    ticks at -50 or 600 would name cells that do not exist."""
    for side, count in (("left", rows), ("right", rows), ("top", cols), ("bottom", cols)):
        axis = plot.getAxis(side)
        if isinstance(axis, style.GridAxis) and axis.cell_count != count:
            axis.cell_count = count
            axis.picture = None
            axis.update()


def place(graphics: pg.GraphicsLayoutWidget, item: pg.GraphicsWidget, row: int, col: int,
          rowspan: int = 1) -> None:
    """Put ``item`` in a cell of the layout, or move it there from another, and show it. The item becomes
    a child of the layout's item, which owns it from then on, and it never leaves the scene: a PlotItem that
    Python freed while Qt still held it (pyqtgraph's removeItem hands it back to Python) crashed a later
    layout pass."""
    layout = graphics.ci
    if item.parentItem() is not layout:
        item.setParentItem(layout)
    unplace(graphics, item, hide=False)
    layout.items[item] = [(row + r, col) for r in range(rowspan)]
    for cell_row, cell_col in layout.items[item]:
        layout.rows.setdefault(cell_row, {})[cell_col] = item
    layout.layout.addItem(item, row, col, rowspan, 1)
    item.setVisible(True)


def unplace(graphics: pg.GraphicsLayoutWidget, item: pg.GraphicsWidget, hide: bool = True) -> None:
    """Take ``item`` out of its cells (see ``place``); it stays in the scene, hidden unless ``hide`` is False."""
    layout = graphics.ci
    if item in layout.items:
        for row, col in layout.items.pop(item):
            if layout.rows.get(row, {}).get(col) is item:
                del layout.rows[row][col]
        layout.layout.removeItem(item)
    item.setVisible(not hide)


class ImageGrid:
    """Equal image panels in a grid of ``view.graphics`` (row 0 at the top, column labels on top, as in a
    matrix) and one colour bar on the right, shared by all. The plots, images and bar are built once and
    kept: a new matrix shape, titles or tick labels are written into them, a new panel or column count
    moves them in the layout (building a PlotItem costs tens of milliseconds, moving one well under one)
    and a new look restyles them. Panels not shown wait, hidden, for a larger count."""

    def __init__(self, view: View, row_label: str, column_label: str, bar_label: str = ""):
        self.view = view
        self.row_label, self.column_label, self.bar_label = row_label, column_label, bar_label
        self.pool: list[tuple[pg.PlotItem, pg.ImageItem]] = []  # the first ``count`` are shown
        self.count = self.columns = 0
        self.bar: pg.ColorBarItem | None = None
        self.look = None
        self.shape = self.pixel_shape = self.ticks = self.levels = None
        # every panel's image is given the map itself: handing the shown images to the bar (setImageItem) at each new
        # arrangement re-coloured them all (1 ms), and the bar needs none of them (the levels are set with the pixels)
        self.cmap: pg.ColorMap | None = None
        self.titles: list[str] = []
        self.texts: dict[pg.PlotItem, CellTexts] = {}

    @property
    def plots(self) -> list[pg.PlotItem]:
        return [plot for plot, _ in self.pool[:self.count]]

    def name_axes(self, row_label: str, column_label: str) -> None:
        """Name the axes of every panel: rows (in the first column), columns (on top)."""
        if (row_label, column_label) == (self.row_label, self.column_label):
            return
        self.row_label, self.column_label = row_label, column_label
        for plot, _ in self.pool:
            for side, name in (("left", row_label), ("top", column_label)):
                if plot.getAxis(side).labelText:  # the panels that name this axis (_share_axes)
                    style.label(plot, side, name, self.view.theme, self.view.points)
        self._fit_axes()

    def show(self, panels: list[tuple[str, np.ndarray]], columns: int, cmap: pg.ColorMap,
             levels: tuple[float, float], ticks: list | None = None, pixels: tuple | None = None,
             square: bool = False, panel_levels: tuple | None = None) -> None:
        """Draw (title, matrix) panels of equal shape in ``columns`` columns, coloured by ``cmap`` between
        ``levels``. ``ticks`` (pyqtgraph's list of tick levels) labels both axes; None numbers them. ``pixels``, one
        array per panel (a ``Picture``'s), are drawn instead of the matrices when given. ``square``: both axes are
        positions (query and key), so cells are drawn square rather than stretched to the panel. ``panel_levels``, one
        (low, high) per panel, colour each panel over its own range instead; the shared colour bar, which no longer
        holds, is hidden."""
        view = self.view
        if self.bar is None:
            self.bar = pg.ColorBarItem(values=(0, 1), colorMap=cmap, interactive=False, width=18)
        restyled = (view.theme, view.points) != self.look
        if restyled:
            self._restyle(view.theme, view.points)
        while len(self.pool) < len(panels):
            self.pool.append(self._new_panel())
        arranged = (len(panels), columns) != (self.count, self.columns)
        if arranged:
            self._arrange(len(panels), columns)
        if self.cmap is None or cmap.name != self.cmap.name:
            self.bar.setColorMap(cmap)
            for _, image in self.pool:
                image.setColorMap(cmap)
            self.cmap = cmap
        shown = self.pool[:self.count]
        shape = np.shape(panels[0][1])
        rows, cols = shape
        pixels = pixels or [float32_pixels(matrix) for _, matrix in panels]
        pixel_shape = np.shape(pixels[0])
        for index, ((plot, image), cells) in enumerate(zip(shown, pixels)):
            if plot.vb.state["aspectLocked"] != (1.0 if square else False):
                plot.setAspectLocked(square)
            hug_cells(plot, *(shape if square else (0, 0)))
            image.setImage(cells, levels=levels if panel_levels is None else panel_levels[index])
            if arranged or (shape, pixel_shape) != (self.shape, self.pixel_shape):  # the rect scales the pixels set
                image.setRect(-0.5, -0.5, cols, rows)
                plot.setRange(xRange=(-0.5, cols - 0.5), yRange=(-0.5, rows - 0.5), padding=0)
                count_cells(plot, rows, cols)
            if arranged or ticks != self.ticks:
                for side in ("left", "top"):
                    plot.getAxis(side).setTicks(ticks)
        self.bar.setVisible(panel_levels is None)
        if levels != self.levels:  # unchanged levels leave the bar's axis as drawn
            self.bar.setLevels(levels)
            style.measure_names(self.bar.getAxis("right"))
            self.levels = levels
        refit = restyled or arranged or ticks != self.ticks or (ticks is None and shape != self.shape)
        self.shape, self.pixel_shape, self.ticks = shape, pixel_shape, ticks
        if refit:
            self._fit_axes()
        titles = [title for title, _ in panels]
        if arranged or titles != self.titles:
            for (plot, _), name in zip(shown, titles):
                if plot.titleLabel.text != name:  # a new look re-titles every panel (style_plot)
                    style.title(plot, name, view.theme, view.points)
            self.titles = titles
            view.fit_titles()

    def build_ahead(self, count: int) -> bool:
        """Build one more panel for the pool while it holds fewer than ``count`` (the view calls it while
        the window is idle: a scene with more panels than shown so far then only places them); True
        when it built one. The colour bar comes first: making it costs as much as a panel."""
        if self.bar is None and count:
            self.bar = colour_bar_ahead()
            return True
        if len(self.pool) >= count:
            return False
        self.pool.append(self._new_panel())
        return True

    def write_cells(self, labels: list[list[tuple[int, int, str, str]]], font: QFont) -> None:
        """Write (row, column, text, colour) labels into the cells of the first panels, one list per panel;
        the other panels show none."""
        rows, cols = self.shape
        for index, (plot, _) in enumerate(self.pool):
            texts = self.texts.get(plot)
            if index < len(labels):
                if texts is None:
                    texts = self.texts[plot] = CellTexts([], rows, cols, font)
                    plot.addItem(texts)
                texts.set_labels(labels[index], rows, cols, font)
                texts.setVisible(True)
            elif texts is not None:
                texts.setVisible(False)

    def detach(self) -> None:
        """Hide the panels and the bar and take them out of the layout (kept for the next ``show``)."""
        for plot, _ in self.pool[:self.count]:
            unplace(self.view.graphics, plot)
        if self.count:
            unplace(self.view.graphics, self.bar)
        self.count = self.columns = 0
        self.view.plots = []

    def _restyle(self, theme: style.Theme, points: float) -> None:
        """Pens, fonts and label sizes of every panel and the bar for a new look."""
        for plot, _ in self.pool:
            style.style_plot(plot, theme, points)
        axis = self.bar.getAxis("right")
        axis.setPen(pg.mkPen(theme.foreground))
        axis.setTextPen(pg.mkPen(theme.foreground))
        font = self.view.font()
        font.setPointSizeF(points * 0.85)
        axis.setStyle(tickFont=font)
        if self.bar_label:
            style.bar_label(self.bar, self.bar_label, theme, points)
        style.fit_bar_axis(self.bar)
        self.look = (theme, points)
        self.titles = []  # the titles (re-set by style_plot) are fitted again to the new text size

    def _new_panel(self) -> tuple[pg.PlotItem, pg.ImageItem]:
        view = self.view
        # no menu built (a third of a plot's making)
        plot = pg.PlotItem(viewBox=pg.ViewBox(enableMenu=False), axisItems=style.grid_axes(("left", "top")))
        plot.setMenuEnabled(False)
        plot.hideButtons()
        image = ImageItem(axisOrder="row-major")
        image.setAutoDownsample(True)
        if self.cmap is not None:
            image.setColorMap(self.cmap)
        plot.addItem(image)
        plot.invertY(True)
        plot.setMouseEnabled(False, False)
        plot.showAxis("top")
        plot.hideAxis("bottom")
        plot.getAxis("top").setStyle(hideOverlappingLabels=False)  # the last name may reach into the gutter
        style.cell_ticks(plot)
        style.label(plot, "top", self.column_label, view.theme, view.points)
        style.style_plot(plot, view.theme, view.points)
        return plot, image

    def _arrange(self, count: int, columns: int) -> None:
        """Lay out the first ``count`` panels in ``columns`` columns and the bar to their right."""
        graphics = self.view.graphics
        for plot, _ in self.pool[count:self.count]:
            unplace(graphics, plot)
        kept = [plot for plot, _ in self.pool[:min(count, self.count)]] + ([self.bar] if self.count else [])
        for item in kept:  # out of their cells first, so that no move lands on a cell still taken
            unplace(graphics, item, hide=False)
        for index, (plot, _) in enumerate(self.pool[:count]):
            row, col = divmod(index, columns)
            self._share_axes(plot, row == 0, col == 0)
            place(graphics, plot, row, col)
        place(graphics, self.bar, 0, columns, rowspan=max(1, -(-count // columns)))
        self.count, self.columns = count, columns
        self.view.plots = self.plots

    def _share_axes(self, plot: pg.PlotItem, first_row: bool, first_column: bool) -> None:
        """Small multiples share their axes, as every panel shows the same rows and columns: the row names and
        the rows' axis title in the first column only, the column names and title in the first row only
        (repeated on every panel, they crowded the inner panels and each cost a text layout per redraw)."""
        for side, shown, name in (("left", first_column, self.row_label), ("top", first_row, self.column_label)):
            axis = plot.getAxis(side)
            if axis.style["showValues"] != shown:
                axis.setStyle(showValues=shown)
            if shown and name and not axis.labelText:
                style.label(plot, side, name, self.view.theme, self.view.points)
            elif not shown and axis.labelText:
                axis.setLabel("")

    def _fit_axes(self) -> None:
        """Size the axes before anything is drawn: the first column's and first row's for their names (the
        tick labels, or the largest row and column numbers), and every other panel's to the same size,
        names or not, so that all panels stay equal and line up. An axis that found its names wider only
        while painting grew, and the whole view was laid out and painted a second time."""
        if not self.count:
            return
        rows, cols = self.shape
        for side, last, fix, size_of in (("left", rows - 1, pg.AxisItem.setWidth, pg.AxisItem.maximumWidth),
                                         ("top", cols - 1, pg.AxisItem.setHeight, pg.AxisItem.maximumHeight)):
            names = [text for _, text in self.ticks[0]] if self.ticks else [str(last)]
            axes = [plot.getAxis(side) for plot, _ in self.pool[:self.count]]
            named = [axis for axis in axes if axis.style["showValues"]]  # the first panel's among them
            for axis in named:
                fix(axis, None)  # sized by its names and title
                axis.expect_labels(names)
            size = size_of(named[0])
            for axis in axes:
                if axis not in named:
                    fix(axis, size)


def grid_columns(panels: int, pairs: bool = False) -> int:
    """Columns of a small-multiples grid: about square; content/position pairs stay side by side."""
    if panels <= 3:
        return panels
    columns = math.ceil(math.sqrt(panels))
    if pairs and columns % 2:
        columns += 1
    return columns


def cell(data: np.ndarray, x: float, y: float) -> tuple[int, int] | None:
    """(row, column) of a 2-D array under data coordinates (x, y) as drawn by ``heatmap``."""
    row, col = int(np.floor(y + 0.5)), int(np.floor(x + 0.5))
    if 0 <= row < data.shape[0] and 0 <= col < data.shape[1]:
        return row, col
    return None


def listed(parts) -> str:
    """Items of a list in one line, with the interface language's separator (Chinese items may hold
    commas of their own, so they are set apart by semicolons)."""
    return i18n.translate("View", ", ").join(parts)


def fmt(value: float) -> str:
    return f"{value:.4g}" if np.isfinite(value) else ("-inf" if value < 0 else "inf" if value > 0 else "nan")

