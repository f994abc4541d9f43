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
from PySide6.QtGui import QFont, QFontMetricsF, QResizeEvent
from PySide6.QtWidgets import QApplication, QFrame, QGraphicsView, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from ...core import registry
from ...core.registry import Method
from ...look import ColourMaps
from ..state import DECK_TEXT, SCENE_FIELDS, Scene, StateModel
from .. import axes, i18n, style
from . import colour_bar
from .flow import FlowLayout
from .readable import ReadablePlots


# Antialiased wide strokes drawn as one path are very slow in Qt's raster engine; drawn segment by segment they are
# far cheaper and look the same (figures in benchmarks/README.md).
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
CONTROLS_INSET = 8  # pixels left and right of a controls row, as a lesson's header text: not flush with the window's edge


def captioned(caption: QWidget, control: QWidget) -> QWidget:
    """A caption and its control as one widget, so that a wrapping row keeps them on the same line."""
    pair = QWidget()
    both = QHBoxLayout(pair)
    both.setContentsMargins(0, 0, 0, 0)
    both.addWidget(caption)
    both.addWidget(control)
    return pair


class PlotArea(pg.GraphicsLayoutWidget):
    """The plots' widget, asking for the height its plots need at their smallest (``ask_plot_height``); the page's
    stretch gives it the rest. Qt's size hint of a graphics view is the size it has: a page with wrapped texts kept
    asking for the plots' old height, and scrolled them below the fold."""

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.minimumHeight())

    def event(self, event: QEvent) -> bool:
        """A resize asked while the view handles one (its plots, laid out for the new size, asked for a new height:
        ``ask_plot_height``) is handled after it: Qt's scroll area resizes its viewport once per resize event, not
        within one, and the viewport and the plots' scene kept the first size while the widget took the second (deck
        scene 5's curve plots, 29 px taller with their titles widened, were cut at 1280 x 720 x1.6 in Chinese)."""
        handled = super().event(event)
        if event.type() == QEvent.Resize and self.size() != event.size():
            QApplication.sendEvent(self, QResizeEvent(self.size(), event.size()))
        return handled


LAYOUT_MARGIN = 9  # pixels around the plots' layout (Qt's default), more above and below for large names (set_look)


class View(ReadablePlots, QWidget):
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
        self.colour_maps = ColourMaps()  # the look's, given by the window (``recolour``)
        self.shown: dict[str, np.ndarray] = {}  # name -> array on screen, for CSV / NPY export
        self.graphics = PlotArea()
        # the background is filled once, with the theme's opaque colour: not copied from a cached pixmap (a copy
        # of the whole view on every full repaint) nor filled with the palette before
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
        self.grids: list = []  # the view's ImageGrids (each adds itself), arranged anew for a new size (fill_room)
        self._fitted_size = QSize()  # the size fit_to_size last fitted to
        self._mouse_at = None  # scene position of the mouse's last move over the plots
        # Reflow (``plots_across``): the most plots a row may hold (0: as many as the view wants), the row the
        # view asked for and got at its last drawing, and that drawing's scene and data, to draw it again
        self.across = 0
        self.asked_across = self.drawn_across = 0
        self._last_drawing: tuple | None = None
        self._reflowing = False
        self._titles_axes = 0.0  # the widest axes the titles were last fitted beside (``ReadablePlots.fit_titles``)
        self._readable_inputs: tuple | None = None  # what the plots' room was last asked for (keep_plots_readable)
        self._drawings = 0  # drawings made so far, and what the last reflow found (``ReadablePlots.reflow_inputs``)
        self._reflowed_for: tuple | None = None

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
                self._drawings += 1
                self.keep_plots_readable_after_drawing()

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

    def fetching_steps(self, scene: Scene):
        """Fetch as ``fetch`` does, a part between two yields, for the window's idle build-ahead (a generator that
        returns the data): by default in one part. A view whose fetch takes long computes it a part a step."""
        data = self.fetch(scene)
        yield from ()
        return data

    def drawing_steps(self, scene: Scene, data):
        """Draw ``data`` as ``show_data`` does, a step between two yields, for the window's idle build-ahead (a step a
        slice of idle time, the event loop answering in between): by default in one step. A view whose first drawing
        places many panels places one a step; if the view is shown or restyled meanwhile, the rest is never run and
        its next ``show_data`` draws it whole."""
        self.show_data(scene, data)
        yield from ()

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
        made every switch and every panel toggle slower."""
        return False

    def build_ahead(self) -> bool:
        """Build one more thing a later scene may need (the window calls it while idle); False when
        there is nothing left to build."""
        return False

    def panels_needed(self, scene: Scene, data) -> int:
        """How many panels of its ``grid`` (an ``ImageGrid``) the view draws ``data`` in; 0 without one. The window
        builds the missing panels a slice at a time before drawing when there are many (all at once, they held the
        GUI thread for seconds)."""
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

    @property
    def presenting(self) -> bool:
        """Whether the window shows this view to a hall (presentation mode)."""
        window = self.window()
        return window is not self and bool(getattr(window, "presenting", False))

    @property
    def controls_called(self) -> bool:
        """Whether the lecturer called the controls back while presenting (P): they show, and the page may scroll."""
        window = self.window()
        return window is not self and bool(getattr(window, "controls_called", False))

    def colour_map(self, signed: bool) -> pg.ColorMap:
        """The look's map for signed data (diverging), else for values from 0 up (sequential)."""
        return style.colour_map(signed, self.colour_maps)

    def recolour(self, colour_maps: ColourMaps) -> None:
        """Draw with ``colour_maps`` from now on: every image and colour bar drawn with a map replaced takes the new one
        in place (nothing is built or fetched again)."""
        maps = {self.colour_maps.name(signed): style.colour_map(signed, colour_maps) for signed in (False, True)
                if self.colour_maps.name(signed) != colour_maps.name(signed)}
        self.colour_maps = colour_maps
        if not maps:
            return
        for item in self.graphics.scene().items():
            if isinstance(item, pg.ImageItem):
                current = item.getColorMap()
            elif isinstance(item, pg.ColorBarItem):
                current = item.colorMap()
            else:
                continue
            if current is not None and current.name in maps:
                item.setColorMap(maps[current.name])

    def controls_row(self) -> FlowLayout:
        """Show the controls bar above the plots as a row that wraps onto more lines when the page is narrow (a long
        row of controls in large type widened the page past the window, and its last ones were out of sight)."""
        self.controls.setVisible(True)
        row = FlowLayout(CONTROL_SPACING, self.controls)
        row.setContentsMargins(CONTROLS_INSET, 0, CONTROLS_INSET, 0)
        return row

    def new_plot(self, row: int, col: int, rowspan: int = 1, colspan: int = 1, sides=("left", "bottom"),
                 **kwargs) -> pg.PlotItem:
        """A plot at grid (row, col); the axes of ``sides`` thin their names to leave gaps (``axes.GridAxis``)."""
        return self.place_plot(self.make_plot(sides, **kwargs), row, col, rowspan, colspan)

    @staticmethod
    def make_plot(sides=("left", "bottom"), **kwargs) -> pg.PlotItem:
        """A plot in the views' manner (grid axes, no menu, no buttons), not yet placed (``place_plot``). Its view box
        is made without the menu that pyqtgraph would build and ``setMenuEnabled`` drop (a third of a plot's making)."""
        kwargs.setdefault("viewBox", pg.ViewBox(enableMenu=False))
        plot = pg.PlotItem(axisItems=axes.grid_axes(sides), **kwargs)
        plot.setMenuEnabled(False)
        plot.hideButtons()
        return plot

    def place_plot(self, plot: pg.PlotItem, row: int, col: int, rowspan: int = 1, colspan: int = 1) -> pg.PlotItem:
        self.graphics.addItem(plot, row=row, col=col, rowspan=rowspan, colspan=colspan)
        self.plots.append(plot)
        return plot

    def clear_plots(self) -> None:
        # Items leave their plots before the layout is cleared: without this, two replayed soak
        # sequences segfaulted in a later paint (tests/test_soak.py keeps a similar case). Colour bars are levelled
        # after, not as each item leaves (a bar still placed, levelled while the learned table's linked plots were half
        # taken apart, segfaulted on F5 after the table was built ahead); out of the scene by then, they are not.
        with colour_bar.levelled_after():
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


def listed(parts) -> str:
    """Items of a list in one line, with the interface language's separator (Chinese items may hold
    commas of their own, so they are set apart by semicolons)."""
    return i18n.translate("View", ", ").join(parts)
