"""Real model attention: a trained model's attention on the typed text, beside the same model with its
positions changed, and their difference (all numbers from ``core.real_models``).

Every head of every layer is a tile of one overview picture (click a tile to open that head large); the chosen
head is drawn large with the tokens on both axes, as trained, ablated and the difference. A head finder lists
the heads most like a pattern (previous token, first token, diagonal, broad) with their scores before and after
the ablation. SmolLM2 also lists its ten most likely next tokens with and without the ablation. "Show" can
leave one head's panel alone on the page, for File > Export figure and Export data of that head.

The settings live in ``scene.options`` (model, ablation, layer, head, find, show); the text is ``scene.text``,
written a moment after the typing pauses (a forward pass per key would queue work the student never sees).
Loading a model takes seconds and a forward pass up to a second, so ``size`` always asks the window to fetch
in its worker; ``core.real_models.compare`` keeps the last passes, so a new layer, head or pattern is instant.
"""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QLabel

from ...core import real_models
from ...core.real_models import heads
from ...core.real_models.compare import compare
from ...core.registry import Method
from .. import axes, style
from . import colour_bar
from ..state import Scene
from .base import View
from .cell_numbers import fmt
from .grid import ColumnTitle, overhanging_title, place, unplace
from .head_overview import HeadOverview, head_at
from .images import cell
from .readable import MIN_PLOT
from .matrix_panels import draw_matrix, matrix_panel, name_columns_in_corner, panel_columns, set_name_lines
from .real_model_controls import RealModelControls
from .real_model_settings import LARGE, RealAttention, Settings, has_cjk
from .real_model_texts import found_links, large_titles, next_token_table, notes_text

LIVE_TOKENS = 64        # the text is capped at this many tokens, to keep typing live
MAX_LABELLED = 40       # token names on the large panels' axes up to this many tokens
FOUND_HEADS = 6         # heads the finder lists
ALWAYS_IN_WORKER = 2 ** 62  # ``size``: larger than any threshold of the window


class RealModelView(View):
    key = "real_model"
    title = "Real model attention"
    uses_method = False
    titles_follow_axes = True  # the large panels' titles reach over their rows' names, as wide as those are measured

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        self.data: RealAttention | None = None
        self.large: list[tuple[pg.PlotItem, np.ndarray]] = []
        self.control_row = RealModelControls(self)
        self._build_found()
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.PlainText)
        self.page_layout.addWidget(self.notes)  # below the heads found
        self.next_tokens = QLabel()
        self.next_tokens.setTextFormat(Qt.RichText)
        self.page_layout.addWidget(self.next_tokens)
        self.graphics.scene().sigMouseClicked.connect(self._clicked)
        # the overview above the three large panels; ``place`` / ``unplace`` move items in and out of any
        # GraphicsLayout given as ``.ci`` without deleting them (one head alone leaves the others out)
        self.overview = HeadOverview(self.theme, self.points, self.colour_map(False))
        # its top axis grows as it first draws its names: the overview's height (``smallest_plot_height``) is fitted
        # again then, or its last row ended below the fold
        self.overview.plot.getAxis("top").geometryChanged.connect(
            lambda: QTimer.singleShot(0, self, self.keep_plots_readable))
        self.big = pg.GraphicsLayout()
        self.big.layout.setContentsMargins(0, 0, 0, 0)  # the page's margins are around it already
        self.big_holder = SimpleNamespace(ci=self.big)
        # the three large panels (trained, ablated, difference) with their colour bars: built one a call of
        # ``build_ahead`` while the window is idle, or all at once when first drawn (together they cost as much as
        # the rest of the view, too long for one slice of the window's idle time)
        self.large_panels: list[tuple[pg.PlotItem, pg.ImageItem, pg.ColorBarItem]] = []
        self._arranged = None  # (show, columns) of the panels as placed

    def _build_found(self) -> None:
        """The heads found, as links, below the plots (as the notes: above them, the two held every head below a
        1280 x 720 projector's fold)."""
        self.found = QLabel()
        self.found.setTextFormat(Qt.RichText)
        self.found.setWordWrap(True)
        self.found.setToolTip(self.tr("Score as trained → under the ablation; click a head to open it"))
        self.found.linkActivated.connect(self._open_found)
        self.page_layout.addWidget(self.found)

    def fit_to_size(self) -> None:
        super().fit_to_size()
        self.control_row.fit()
        if self.data is not None:
            self._arrange(self.data.settings.show)
            self.fit_titles()

    def fit_titles(self) -> None:
        """Also wrap the large panels' titles to their column's width: they sit in a layout of their own, which
        ``View.fit_titles`` does not see into (a long title kept a panel wider than a 1280 px projector)."""
        super().fit_titles()
        if self._arranged is None:
            return
        show, columns = self._arranged
        first_row = [index for index, name in enumerate(LARGE) if show in ("all", name)][:columns]
        # a column is as wide as its widest colour bar (the trained head's, its names longer, was 27 px wider than the
        # difference's, whose title fitted beside the narrower bar ran the page 17 px past the view at 1024 x 768 x1.3)
        bars = max((bar.effectiveSizeHint(Qt.PreferredSize).width() for _plot, _image, bar in self.large_panels),
                   default=0.0)
        outer, inner = self.graphics.ci.layout.getContentsMargins(), self.big.layout.getContentsMargins()
        across = (outer[0] + outer[2] + inner[0] + inner[2]
                  + max(self.big.layout.horizontalSpacing(), 0.0) * (2 * columns - 1))
        for index, (plot, _image, bar) in enumerate(self.large_panels):
            # the hall's: the columns' names on one line (staggered on two, they took 35 px of a 1280 x 720 screen)
            set_name_lines(plot.getAxis("top"), 1 if self.hall_only else axes.NAME_LINES)
            axis = plot.getAxis("left")
            names = axis.effectiveSizeHint(Qt.PreferredSize).width() if axis.isVisible() else 0
            # over the rows' names and its colour bar too (``ColumnTitle``): held to its matrix, a title of three
            # columns took four lines in Chinese at 1280 x 720 x1.3. In the first row: below it, the names of the panel
            # above reach half a line below their matrix (5 px into a title at 1280 x 720 x1.6 in Chinese)
            title = plot.titleLabel
            title.left, title.right = (names, bar.effectiveSizeHint(Qt.PreferredSize).width()) \
                if index in first_row else (0.0, 0.0)
            room = (self.page_width() - across) / columns - bars - names + title.left + title.right - 2  # (rounding)
            text = plot.titleLabel.item
            text.setTextWidth(-1)
            if text.boundingRect().width() > room:
                text.setTextWidth(max(room, 6 * self.points))
            plot.titleLabel.resizeEvent(None)
            style.fit_title_row(plot)
        self.big.layout.invalidate()  # its size hints cached from the titles before (the page was 2,419 px wide)
        self.ask_plot_height()

    def _open_found(self, link: str) -> None:
        self.open_head(*(int(part) for part in link.split(",")))

    def open_head(self, layer: int, head: int) -> None:
        """Draw that head large (one change of the scene for both numbers: one fetch, not two)."""
        self.model.update(options={**self.model.scene.options, "layer": layer, "head": head})

    @staticmethod
    def applies_to(method: Method) -> bool:
        return True

    @staticmethod
    def unavailable() -> str | None:
        if any(model.available() for model in real_models.MODELS.values()):
            return None
        return f"no real model is installed: {real_models.FETCH_HINT}"

    @staticmethod
    def size(scene: Scene) -> int:
        """Always large: the first use loads a model (seconds) and a forward pass takes up to a second."""
        return ALWAYS_IN_WORKER

    @staticmethod
    def fetch(scene: Scene) -> RealAttention:
        settings = Settings.of(scene)
        # the next tokens are listed only beside the overview: one head alone (for export) leaves them out
        result = compare(real_models.get(settings.model), scene.text, settings.ablation_object(), LIVE_TOKENS,
                         next_tokens=settings.show == "all")
        return RealAttention(settings, result.tokens.strings, result.real, result.ablated, result.change,
                             heads.overview(result.real), result.found(settings.find, FOUND_HEADS),
                             result.tokens.cut_from, settings.model == "minilm" and has_cjk(scene.text),
                             result.next_real, result.next_ablated)

    # -- drawing --------------------------------------------------------------------------------
    def show_data(self, scene: Scene, data: RealAttention) -> None:
        settings = data.settings
        self.control_row.show_settings(scene, settings)
        self.control_row.fit()  # their widths follow the model's names and the look, not only the view's width
        self.data = data
        layer, head = settings.layer, settings.head
        real, ablated = data.real[layer, head], data.ablated[layer, head]
        difference = ablated - real
        matrices = dict(zip(LARGE, (real, ablated, difference)))
        # the main array (what .csv and .npy hold) is the head the page shows; .npz adds every layer and head
        main = "trained" if settings.show == "all" else settings.show
        self.shown = {f"head_{main}": matrices[main]} | {
            f"head_{name}": matrix for name, matrix in matrices.items() if name != main} | {
            "attention": data.real, "ablated": data.ablated, "change": data.change, "tokens": np.array(data.tokens)}
        self._draw_overview()
        ticks = [list(enumerate(data.tokens))] if len(data.tokens) <= MAX_LABELLED else None
        bound = float(np.abs(difference).max()) or 1e-6
        titles = large_titles(data, self.hall_only)
        levels = ((0.0, 1.0), (0.0, 1.0), (-bound, bound))
        self.large = []
        self._complete_large()
        for (plot, image, bar), name, title, level in zip(self.large_panels, LARGE, titles, levels):
            draw_matrix(plot, image, title, matrices[name], level, ticks, self.theme, self.points)
            bar.setLevels(level)
            if ticks:  # sized for the names now: an axis that grows while painting drops the longer ones
                for side in ("left", "top"):
                    plot.getAxis(side).expect_labels(list(data.tokens))
            self._name_keys(plot)
            if settings.show in ("all", name):
                self.large.append((plot, matrices[name]))
        self._arrange(settings.show)  # after drawing: the axes are as wide as their tick names now
        self.plots = ([self.overview.plot] if settings.show == "all" else []) + [plot for plot, _ in self.large]
        self.fit_titles()
        self.notes.setText(notes_text(data))
        self.found.setText(found_links(data))
        if data.next_real:
            self.next_tokens.setText(next_token_table(data))
        self.show_lecturers_parts()

    @property
    def hall_only(self) -> bool:
        """Whether the page shows only what the hall sees: presenting, the controls not called back (P)."""
        return self.presenting and not self.controls_called

    def show_lecturers_parts(self) -> bool:
        """Presenting, the controls, the heads found, the notes and the next tokens leave the page to the overview and
        the head, as a lesson's controls do: the hall cannot scroll (at 1280 x 720 x1.3 the next-token table alone was
        627 px tall, and the page 1,670 px taller than the screen). P brings them back (``controls_called``). True when
        any of them came or went."""
        shown = not self.hall_only
        parts = {self.controls: shown, self.found: shown, self.notes: shown,
                 self.next_tokens: shown and self.data is not None and bool(self.data.next_real)}
        changed = [widget for widget, visible in parts.items() if widget.isHidden() == visible]
        for widget in changed:
            widget.setVisible(parts[widget])
        if changed and self.data is not None:  # the hall's titles, or the desk's
            self._draw_overview()
            for (plot, _image, _bar), title in zip(self.large_panels, large_titles(self.data, self.hall_only)):
                if plot.titleLabel.text != title:
                    style.title(plot, title, self.theme, self.points)
        return bool(changed)

    def keep_plots_readable(self) -> None:
        """Then the lecturer's parts shown or hidden (P asks here), and the plots' room fitted again if they changed. Not
        at once: asked while Qt shows the view (the controls' first resize), the controls hidden then were left hidden
        and visible both, over the plots."""
        super().keep_plots_readable()
        QTimer.singleShot(0, self, self._place_lecturers_parts)

    def _place_lecturers_parts(self) -> None:
        if self.show_lecturers_parts():
            super().keep_plots_readable()
        if self.data is not None:  # the axes and colour bars measured for their names by now: as many columns as
            self._arrange(self.data.settings.show)  # fit them (three at 1024 x 768 x1.6 ran 190 px past the page)
            self.fit_titles()  # and the titles reaching over them
        self.fit_layout_to_view()  # the page's width again, that the plots had before they gave up their minimums

    def _arrange(self, show: str) -> None:
        """The overview above the three large panels, or one large panel alone. The large panels take as many
        columns as fit the view's width at their smallest readable size, the others wrap onto a second row (three
        with token names in large type are wider than a 1280 px projector)."""
        shown = [index for index, name in enumerate(LARGE) if show in ("all", name)]
        # the hall cannot scroll: its matrices as small as readable (MIN_PLOT), all three side by side (at 1280 x 720
        # x1.6 two columns put the difference 425 px below the screen)
        left, _top, right, _bottom = self.graphics.ci.layout.getContentsMargins()
        columns = max(1, min(len(shown), panel_columns(self.scroll.viewport().width() - left - right, [
            (self.large_panels[index][0], self.large_panels[index][2]) for index in shown],
            0.0 if self.hall_only else MIN_PLOT[0], max(self.big.layout.horizontalSpacing(), 0.0))))
        if self._arranged == (show, columns):
            return
        self._arranged = (show, columns)
        if show == "all":
            place(self.graphics, self.overview.plot, 0, 0)
        else:
            unplace(self.graphics, self.overview.plot)
        place(self.graphics, self.big, 1, 0)
        self.graphics.ci.layout.setRowStretchFactor(0, 2 if show == "all" else 0)
        self.graphics.ci.layout.setRowStretchFactor(1, 3)
        for plot, _image, bar in self.large_panels:
            unplace(self.big_holder, plot)
            unplace(self.big_holder, bar)
        for place_index, index in enumerate(shown):
            plot, _image, bar = self.large_panels[index]
            row, col = divmod(place_index, columns)
            place(self.big_holder, plot, row, 2 * col)
            place(self.big_holder, bar, row, 2 * col + 1)
        # the sizes the layouts ask for are known after their next layout pass: the page's height is fitted then
        QTimer.singleShot(0, self, self.keep_plots_readable)

    def smallest_plot_height(self, plot: pg.PlotItem) -> float:
        """The overview of every head fills what the first screen leaves below the controls, up to square tiles, when
        the large panels would not fit beside it there anyway: then they are scrolled to, and the heads are what a hall
        sees first (the notes, the ranking and its smallest height left none of them in sight). When the page scrolls
        for the texts below but they fit, or presenting (the hall cannot scroll), it takes what they leave, down to its
        smallest: the rows' stretch gave it nothing on a page taller than its window, and nine heads had 80 px."""
        height = super().smallest_plot_height(plot)
        if plot is not self.overview.plot or self.data is None or not plot.isVisible():
            return height
        picture = self.data.overview
        square = plot.vb.width() * picture.rows / picture.columns
        around = plot.geometry().height() - plot.vb.geometry().height()  # its title and axis names
        _left, top, _right, _bottom = self.graphics.ci.layout.getContentsMargins()
        names = QFont(self.font())
        names.setPointSizeF(self.points * style.TICK_SCALE)
        last_name = QFontMetricsF(names).height() / 2 + 2  # the last row's name reaches half a line below it
        # the plots' top from the controls' fixed height, not the page's last layout (which may predate it)
        above = self.controls.minimumHeight() + self.page_layout.spacing() if self.controls.isVisible() else 0
        left_below = self.scroll.viewport().height() - above - top - around - last_name
        self.big.layout.invalidate()  # its hints cached from the panels' titles and axes before
        large = self.big.layout.effectiveSizeHint(Qt.MinimumSize).height() + self.graphics.ci.layout.verticalSpacing()
        beside_texts = self.plot_room()[1] - top - around - last_name  # with the ranking, notes and next tokens
        if height + large <= beside_texts:
            return height  # all in sight: the rows share the height by their stretch
        if self.hall_only or height + large <= left_below:  # the head in sight below it
            return max(height, min(square, left_below - large))
        return max(height, min(square, left_below))

    def _draw_overview(self) -> None:
        data = self.data
        self.overview.draw(data.overview, data.found, (data.settings.layer, data.settings.head), self.theme,
                           self.points, titled=not self.hall_only)

    def build_ahead(self) -> bool:
        """One more large panel, until the three exist."""
        if len(self.large_panels) == len(LARGE):
            return False
        self._add_large_panel()
        return True

    def _complete_large(self) -> None:
        while self.build_ahead():
            pass

    def _add_large_panel(self) -> None:
        plot, image = matrix_panel(self.theme, self.points, ("left", "top"),
                                   self.colour_map(len(self.large_panels) == 2), tokens=True)
        overhanging_title(plot, ColumnTitle)
        bar = pg.ColorBarItem(values=(0, 1), colorMap=image.getColorMap(), interactive=False, width=14)
        bar.setImageItem(image)
        colour_bar.level_bar(bar, lambda: [image], (plot, plot.vb), (plot.vb,))
        self.large_panels.append((plot, image, bar))
        self._label_axes(self.large_panels[-1:])

    def _label_axes(self, panels) -> None:
        for plot, _, bar in panels:
            style.label(plot, "left", self.tr("query"), self.theme, self.points)
            style.label(plot, "top", self.tr("key"), self.theme, self.points)
            self._name_keys(plot)
            axis = bar.getAxis("right")
            axis.setPen(pg.mkPen(self.theme.foreground))
            axis.setTextPen(pg.mkPen(self.theme.foreground))
            style.fit_bar_axis(bar)  # its ends' room for the names in the new text size

    def _name_keys(self, plot: pg.PlotItem) -> None:
        """'key' in the corner left of the column names where it fits (``name_columns_in_corner``): on a line of its
        own it took a line of the matrices' height, and presenting at 1280 x 720 x1.6 the page scrolled. Asked again
        once the rows' names are drawn: the corner is as wide as they are."""
        name_columns_in_corner(plot, self.tr("key"), self.theme, self.points)

    def set_look(self, theme: style.Theme, points: float) -> None:
        shown = self.plots
        self.plots = [self.overview.plot] + [plot for plot, _, _ in self.large_panels]
        super().set_look(theme, points)
        self.show_lecturers_parts()
        self._label_axes(self.large_panels)
        for widget in (self.notes, self.next_tokens):
            font = widget.font()
            font.setPointSizeF(points)
            widget.setFont(font)
        self.control_row.fit()
        self.plots = shown
        if self.data is not None:
            self._draw_overview()
            self.fit_titles()

    def overview_head(self, x: float, y: float) -> tuple[int, int] | None:
        """(layer, head) of the overview's tile at data coordinates (x, y), or None outside the picture."""
        return None if self.data is None else head_at(self.data.overview, x, y)

    def _clicked(self, event) -> None:
        plot = self.overview.plot
        if not plot.isVisible() or not plot.sceneBoundingRect().contains(event.scenePos()):
            return
        point = plot.vb.mapSceneToView(event.scenePos())
        found = self.overview_head(point.x(), point.y())
        if found is not None:
            self.open_head(*found)

    def hover_text(self, plot, x, y) -> str:
        if self.data is None:
            return ""
        if plot is self.overview.plot:
            found = self.overview_head(x, y)
            if found is None:
                return ""
            layer, head = found
            n = self.data.overview.n
            q, k = int(y) % n, int(x) % n
            return self.tr("layer {0}, head {1}: query {2} ({3}) → key {4} ({5}): {6}; change {7:.3f}").format(
                layer, head, repr(self.data.tokens[q]), q, repr(self.data.tokens[k]), k,
                fmt(float(self.data.real[layer, head, q, k])), float(self.data.change[layer, head]))
        found = [(p.titleLabel.text, m) for p, m in self.large if p is plot]
        if not found:
            return ""
        name, matrix = found[0]
        where = cell(matrix, x, y)
        if where is None:
            return ""
        q, k = where
        return self.tr("{0}: query {1} ({2}) → key {3} ({4}): {5}").format(
            name, repr(self.data.tokens[q]), q, repr(self.data.tokens[k]), k, fmt(float(matrix[q, k])))
