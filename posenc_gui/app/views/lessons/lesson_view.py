"""What every guided (teaching) view shares: a short explanation, its formulas typeset ahead of time
(``formula_label``), optional Back / Next steps, and the plot area of ``View`` below.

A lesson keeps its settings (step, chosen cell, p and k...) in ``scene.options``, never in the widget:
``self.model.set_option(name, value)`` writes one, ``scene.option(name, default)`` reads it back.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractButton, QHBoxLayout, QLabel, QLayout, QPushButton, QSpinBox, QStyle, QVBoxLayout,
                               QWidget)

from ....core.lessons import options as lesson_options
from ....core.registry import Method
from ... import i18n
from ..base import View
from ..flow import FlowLayout
from .formula_label import FormulaLabel
from .header_text import first_sentence, plain_text
from .lesson_options import LessonOptions

FORMULA_SPACING = 24   # pixels between the formulas of a row
HEADER_SHARE = 0.4  # a header taller than this share of the view's height folds its intro, leaving the plots room
HIDING_SHARE = 0.75  # a folded header still taller than this share hides its ``folded_away`` parts
SPARE_SIDES = ("left", "top", "bottom")  # the axes of a plot built ahead that thin their names (a hidden one draws nothing)


class LessonView(LessonOptions, View):
    """A guided view: ``explanation`` (rich text) and ``formulas`` (names under resources/formulas) on top.

    Subclasses with steps set ``steps`` to their step titles, in English (scripts/update_translations.py
    extracts them, like ``title``, for translation in the context of the class); the current step is
    ``scene.option("step", 0)`` and Back / Next write it. Like every view they implement ``fetch`` and ``show_data``.
    """

    group = "learn"
    formulas: tuple[str, ...] = ()
    steps: tuple[str, ...] = ()
    plots_ahead = 0  # the plots its first drawing makes, built ahead while the window is idle (``build_ahead``)
    # presenting, its controls (the lecturer's) give their row to the plots when the page would scroll: at 1280 x 720
    # x1.3 in Chinese, whose lines are a quarter taller, the clocks' bits, the multi-head slices and the context
    # extension's axes ran below the fold.
    # Not where the plots rearrange for the room (a grid of images): given the row, the order lesson's grid took two
    # rows of panels for four across, and the page scrolled where it had not. P (the key that brings the parameter
    # panel back for a live change) brings them back too (``controls_called``).
    controls_give_room = False

    def explanation(self) -> str:
        """The short text above the plots (translated with ``self.tr``)."""
        return ""

    @staticmethod
    def applies_to(method: Method) -> bool:
        return True

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        self.spins: dict[str, QSpinBox] = {}
        self.captions: dict[str, QLabel] = {}
        self.header = QWidget()
        column = QVBoxLayout(self.header)
        column.setContentsMargins(8, 4, 8, 4)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.RichText)
        column.addWidget(self.text)
        # the texts that fold to their first sentence when the header does not fit (``fit_header``), in the order
        # they fold, with their whole texts; and whether the reader unfolded them
        self.folding: dict[QLabel, str] = {}
        self.header_open = False
        self._header_fitted: tuple | None = None  # ``_header_inputs`` as the last ``fit_header`` left them
        self._controls_hidden: tuple = (None, 0)  # a drawing at a size, and how often the controls left it room
        self._placing_controls = False  # showing or hiding them (``fit_header``)
        self.folded_away: list[QWidget] = []  # parts of the header hidden while it is folded (a lesson's table)
        self.formula_labels = [FormulaLabel(name) for name in self.formulas]
        self.formula_row = FlowLayout(FORMULA_SPACING)
        if self.formula_labels:
            for label in self.formula_labels:
                self.formula_row.addWidget(label)
            column.addLayout(self.formula_row)
        self.step_label = QLabel()
        self.step_label.setWordWrap(True)  # a long step title in large type wraps rather than widening the page
        if self.steps:
            row = QHBoxLayout()
            self.back = QPushButton(self.tr("◀ Back"))
            self.next = QPushButton(self.tr("Next ▶"))
            # their words, and the arrows alone to which they shrink presenting when the header would not fit
            self.step_buttons = {self.back: (self.back.text(), "◀"), self.next: (self.next.text(), "▶")}
            self.back.clicked.connect(lambda: self.go_to(self.step - 1))
            self.next.clicked.connect(lambda: self.go_to(self.step + 1))
            row.addWidget(self.back)
            row.addWidget(self.next)
            row.addSpacing(12)
            row.addWidget(self.step_label, 1)
            column.addLayout(row)
        self.page_layout.insertWidget(0, self.header)
        # the grids fill the room the plots have whenever the header or the controls give or take some: their panels,
        # held to the room they were fitted to, do not resize with the page (the images lesson's stayed at 104 px of
        # the 462 px that its note, hidden while presenting, left)
        self.graphics.ci.geometryChanged.connect(self.fill_room)
        self.set_folding(self.text, self.explanation())
        self.spare_plots: list[pg.PlotItem] = []
        self.plots_built_ahead = 0
        self._steps_ahead = None

    def build_ahead(self) -> bool:
        """One more of the ``plots_ahead`` plots of the first drawing, made out of the grid: making a plot is
        most of what a first drawing costs, and the window calls this a slice at a time while idle, so the
        drawing then only places them (``new_plot``)."""
        if self.plots_built_ahead < self.plots_ahead:
            self.plots_built_ahead += 1
            self.spare_plots.append(self.make_plot(SPARE_SIDES, viewBox=pg.ViewBox(enableMenu=False)))
            return True
        if self._steps_ahead is None:
            self._steps_ahead = self.steps_ahead()
        if next(self._steps_ahead, StopIteration) is not StopIteration:
            return True
        return super().build_ahead()

    def steps_ahead(self):
        """A generator that builds, a step between two yields, what the first drawing would build that needs no
        data (its plots' curves, legend and lines, in the look and room the view has), so that the drawing only
        fills them in; each step is one slice of the window's idle build-ahead."""
        return iter(())

    @staticmethod
    def make_plot(sides=SPARE_SIDES, **kwargs) -> pg.PlotItem:
        """``View.make_plot`` with the top axis hidden: pyqtgraph shows every axis it is given, and the top one of a
        plot built ahead drew a second row of meaningless numbers over every lesson plot (a lesson that names
        columns there shows it)."""
        plot = View.make_plot(sides, **kwargs)
        plot.hideAxis("top")
        return plot

    def spare_plot(self) -> pg.PlotItem:
        """A plot built ahead, else a new one (not placed), without the view-box menu that pyqtgraph builds and
        ``View.make_plot`` drops at once (a third of the time a plot takes to make)."""
        if self.spare_plots:
            return self.spare_plots.pop()
        return self.make_plot(SPARE_SIDES, viewBox=pg.ViewBox(enableMenu=False))

    def new_plot(self, row: int, col: int, rowspan: int = 1, colspan: int = 1, sides=SPARE_SIDES) -> pg.PlotItem:
        """A plot built ahead placed at grid (row, col); its axes of ``sides`` (all it may show) thin their names."""
        if not set(sides) <= set(SPARE_SIDES):
            raise ValueError(f"a lesson's plots have grid axes at {SPARE_SIDES} only, not {sides}")
        return self.place_plot(self.spare_plot(), row, col, rowspan, colspan)

    def option_caption(self, name: str) -> str:
        """The translated label of option ``name``, as a control's caption."""
        return self.tr("{0}:").format(i18n.translate("core", self.option(name).title))

    @property
    def step(self) -> int:
        return lesson_options.step_of(self.model.scene.options, len(self.steps))

    def go_to(self, step: int) -> None:
        self.model.set_option("step", min(max(step, 0), len(self.steps) - 1))

    def show_step(self) -> None:
        """Update the step label and buttons (call from ``show_data``)."""
        if not self.steps:
            return
        step = self.step
        self.step_label.setText(self.tr("Step {0} of {1}: {2}").format(
            step + 1, len(self.steps), i18n.translate(type(self).__name__, self.steps[step])))
        self.back.setEnabled(step > 0)
        self.next.setEnabled(step < len(self.steps) - 1)
        self.fit_header()

    def set_look(self, theme, points) -> None:
        super().set_look(theme, points)
        for label in self.formula_labels:
            label.set_look(theme, points)
        self.fit_header()

    def set_intro(self, text: str) -> None:
        """Show ``text`` (rich text) as the explanation above the formulas, folded when it does not fit."""
        self.set_folding(self.text, text)

    def set_folding(self, label: QLabel, text: str) -> None:
        """Show rich ``text`` in ``label``, a text of the header that folds to its first sentence when the header does
        not fit (after the ones given before it)."""
        if label not in self.folding:
            label.setTextInteractionFlags(Qt.TextSelectableByMouse | Qt.LinksAccessibleByMouse)
            label.linkActivated.connect(self._fold_link)
        elif self.folding[label] == text:
            return
        self.folding[label] = text
        label.setText(text)
        self.fit_header()

    def _fold_link(self, link: str) -> None:
        self.header_open = link == "#more"
        self.fit_header()

    def fit_header(self) -> None:
        """Fit the header to the view: its texts and the controls above the plots at the app's text size in every
        lesson (shrunk to leave the plots room, they were too small to read from the back of a hall while presenting),
        each formula scaled down only to fit the width, and the header as tall as its wrapped text needs (left to
        itself the layout squeezes it to its minimum when the plots ask for more room than the window has).

        Windowed, a header taller than ``HEADER_SHARE`` of the height draws its formulas with capitals as tall as the
        text's (``FormulaLabel.capitals_shrink``), then folds the intro and the step's note to their first sentences
        and a "more" link, which unfolds them (the page then scrolls), and when the plots would still
        be out of sight, the ``folded_away`` parts hide behind that link, and then, with the controls' row below still
        over ``HIDING_SHARE``, the texts but the one with the link (at 640 x 480 x1.6 the walkthrough's wrapped row
        pushed its plots below the window). Presenting, the hall sees the title, the
        step line, the formulas and the plots: the intro is left to the lecturer (the header's tooltip; kept as the
        images lesson's step note, it took the room its matrices needed), and the formulas shrink, the notes fold and
        then hide as far as the plots at their smallest need the room, so that the page does not scroll (an audience
        cannot scroll); the controls' row too where the lesson lets it (``controls_give_room``)."""
        if not self.testAttribute(Qt.WA_Resized):
            # not yet sized (made and styled ahead, its texts set): its first size fits it (``resizeEvent``); fitted
            # at Qt's default size, the header was fitted in vain, the formulas rendered at every shrink
            return
        if self._placing_controls or self._header_fitted == self._header_inputs():
            return  # fitted to all it depends on as they are: every drawing asks (``keep_plots_readable``)
        presenting = self.presenting
        # the width the page has when it scrolls: fitted to the full width, the text wrapped onto more lines once
        # the scroll bar came, and was cut
        width = max(self.width() - self.style().pixelMetric(QStyle.PM_ScrollBarExtent), 200)
        margins = self.header.layout().contentsMargins()
        room = width - margins.left() - margins.right() - 2 * self.header.layout().spacing()
        for label in self.formula_labels:  # the row wraps; only a formula wider than a line shrinks
            label.shrink_to(min(1.0, room / label.natural_width()))
        if presenting and self._formulas_wrap(room):
            # on one line fewer at the text's capitals: the header fitted its two lines of formulas to the room its
            # plots needed at their smallest, and the images lesson's matrices shrank to 117 px, cut at the screen's
            # foot, when the hall came back to scene 29 from scene 30
            for label in self.formula_labels:
                label.shrink_to(min(label.shrink, label.capitals_shrink()))
        texts = [label for label in [*self.header.findChildren(QLabel), *self.header.findChildren(QPushButton)]
                 if not isinstance(label, FormulaLabel)]
        for widget in [*texts, self.controls]:  # the controls' widgets inherit their font
            if widget.font().pointSizeF() != self.points:
                font = widget.font()
                font.setPointSizeF(self.points)
                widget.setFont(font)
        intro_left_out = presenting
        self.text.setVisible(not intro_left_out)
        self.header.setToolTip(plain_text(self.folding.get(self.text, "")) if intro_left_out else "")
        notes = [label for label in self.folding if label is not self.text or not intro_left_out]  # may hide
        for widget in [*self.folded_away, *notes]:
            widget.setVisible(True)
        self._show_step_words(True)
        shown = dict(self.folding)
        height = self._header_height(shown, width)
        room = self._header_room(presenting)
        if height > room:
            for label in self.formula_labels:
                label.shrink_to(min(label.shrink, label.capitals_shrink()))
            height = self._header_height(shown, width)
        foldable = [label for label, text in self.folding.items()
                    if label.isVisibleTo(self.header) and first_sentence(text) != text]
        if height > room and foldable and self.header_open:
            fold = self.tr("less ▴").replace(" ", "&nbsp;")  # the arrow never wraps alone onto a line of its own
            shown[foldable[0]] += f' <a href="#less">{fold}</a>'
            height = self._header_height(shown, width)
        elif height > room:
            unfold = self.tr("more ▾").replace(" ", "&nbsp;")
            for label in foldable:
                shown[label] = f'{first_sentence(self.folding[label])} <a href="#more">{unfold}</a>'
                height = self._header_height(shown, width)
                if height <= room:
                    break
            if height > (room if presenting else HIDING_SHARE * self.height()) and (foldable or presenting):
                for widget in self.folded_away:
                    widget.setVisible(False)
                height = self._header_height(shown, width)
            if height > room and presenting:
                for label in notes:
                    label.setVisible(False)
                height = self._header_height(shown, width)
            if height > room and presenting and self.steps:
                self._show_step_words(False)
                height = self._header_height(shown, width)
            if not presenting and foldable and height + self._controls_height(width) > HIDING_SHARE * self.height():
                for label in notes:  # they hide behind the link of the first folded text, which unfolds them all
                    label.setVisible(label is foldable[0])
                height = self._header_height(shown, width)
        if self.controls_give_room and self.controls.layout() is not None:
            hide = self._controls_hide(presenting, height)
            if hide == self.controls.isVisibleTo(self):
                self._placing_controls = True  # showing them lays the page out at once, which fits the header again
                try:
                    self.controls.setVisible(not hide)
                    self.page_layout.activate()  # hiding them, at once too: the plots take the room before the next fit
                finally:
                    self._placing_controls = False
                self._header_fitted = None
                self.fit_header()  # for the room they leave
                return
        if height != self.header.height():
            self.header.setFixedHeight(height)
            self.page_layout.activate()  # the plots take their new height now, not in a second layout pass
        self._header_fitted = self._header_inputs()

    def _show_step_words(self, words: bool) -> None:
        """Back and Next with their words, or with arrows alone and the words as tooltips: presenting, the step's title
        beside them then takes one line rather than two (the M-RoPE lesson's scrolled 33 px at 1280 x 720 x1.3 in
        Chinese, its note and controls already hidden)."""
        for button, (text, arrow) in getattr(self, "step_buttons", {}).items():
            if button.text() != (text if words else arrow):
                button.setText(text if words else arrow)
                button.setToolTip("" if words else text.replace(arrow, "").strip())

    def _controls_hide(self, presenting: bool, height: int) -> bool:
        """Whether the controls give their row to the plots: presenting, not called back, where the page would scroll;
        and for good once they came back within a drawing and the page would scroll again. The plots' smallest height
        may depend on their room (titles wrapped to the images lesson's matrices): in Chinese at 1280 x 720 x1.3 the
        controls shown left the matrices a room that needed 454 px, hidden one that needed 401, and they came and went
        within one layout pass until the stack overflowed (deck scenes 29 and 30). Once only, they may come back: a
        drawing's first layout may ask more than its last (the multi-head split's reflow asked 1311 px)."""
        drawing = (self._drawings, self.model.scene, tuple(plot.titleLabel.text for plot in self.plots), self.width(),
                   self.height(), self.points, self.theme)
        hidden = self._controls_hidden[1] if self._controls_hidden[0] == drawing else 0
        hide = presenting and not self.controls_called and (height > self._page_left() or hidden > 1)
        self._controls_hidden = (drawing, hidden + (hide and self.controls.isVisibleTo(self)))
        return hide

    def _formulas_wrap(self, width: int) -> bool:
        """Whether the formulas shown take more than one line at ``width``."""
        shown = [label for label in self.formula_labels if label.isVisibleTo(self.header)]
        if len(shown) < 2:
            return False
        self.formula_row.invalidate()
        return self.formula_row.heightForWidth(width) > max(label.sizeHint().height() for label in shown)

    def _controls_height(self, width: int) -> int:
        """The height of the controls' row below the header at ``width`` (0 when the lesson has none)."""
        if not self.controls.isVisibleTo(self):
            return 0
        return self.controls.heightForWidth(width) if self.controls.hasHeightForWidth() else self.controls.sizeHint().height()

    def _header_room(self, presenting: bool) -> float:
        """The height the header may take: ``HEADER_SHARE`` of the view's; presenting, what the page leaves beside
        its other parts and its plots at their smallest, when that is less (the page must not scroll)."""
        share = HEADER_SHARE * self.height()
        return min(share, self._page_left()) if presenting else share

    def _page_left(self) -> float:
        """The height the page leaves the header beside its other parts, the controls shown, and its plots at their
        smallest."""
        hidden = 0 if self.controls.isVisibleTo(self) else self._controls_room(self.width())
        return self.plot_room()[1] - hidden + self.header.height() - self.graphics.minimumHeight()

    def _controls_room(self, width: int) -> int:
        """What the controls' row takes of the page's height at ``width``, shown or not (0 when the lesson has none)."""
        if self.controls.layout() is None:
            return 0
        layout = self.controls.layout()
        height = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else layout.totalSizeHint().height()
        return height + max(self.page_layout.spacing(), 0)

    def _header_inputs(self) -> tuple:
        """What fitting the header depends on, as the last fit left it: the view's size, the text size and theme,
        presenting (and then the plots' smallest height), whether the reader unfolded the texts, the texts folding, and
        each part of the header (which shows, and its text, or its size for parts other than texts)."""
        parts = tuple((part, part.isVisibleTo(self.header),
                       part.text() if isinstance(part, (QLabel, QAbstractButton)) else part.sizeHint())
                      for part in self.header.findChildren(QWidget, options=Qt.FindDirectChildrenOnly))
        plots = self.graphics.minimumHeight() if self.presenting else None  # the room left depends on it then
        return (self.width(), self.height(), self.points, self.theme, self.presenting, plots, self.header_open,
                tuple(self.folding.items()), parts, self._controls_height(self.width()), self.controls_called)

    def _header_height(self, shown: dict[QLabel, str], width: int) -> int:
        """The header's height at ``width`` with the folding texts as ``shown`` gives them."""
        for label, text in shown.items():
            if text != label.text():
                label.setText(text)
        for layout in [self.header.layout(), *self.header.layout().findChildren(QLayout)]:
            layout.invalidate()  # heights for widths cached from the old texts (rows keep their own)
        layout = self.header.layout()
        if not layout.hasHeightForWidth():  # nothing shown wraps (presenting hides the notes, the intro is a tooltip)
            return layout.totalSizeHint().height()  # where Qt's height for a width would be -1
        return layout.totalHeightForWidth(width)

    def fit_to_size(self) -> None:
        super().fit_to_size()
        self.fit_header()

    def readable_inputs(self) -> tuple:
        """Also the header's (``fit_header``): a drawing may change its texts, and with them the room left below."""
        return *super().readable_inputs(), self._header_inputs()

    def set_plot_height(self, height: int) -> None:
        """Presenting, or where the controls give room: also fit the header again, as the room it has and whether the
        controls show depend on the plots' smallest height, which grows after the drawing once their titles wrap in the
        first layout (the CNN / RNN lesson's controls stayed, and the page scrolled) or their numbered cells ask for
        their height (the relative property's note stayed over its matrices at 1920 x 1080 x1.3, 50 px below the fold
        in Chinese)."""
        super().set_plot_height(height)
        if self.controls_give_room or self.presenting:
            self.fit_header()

    def keep_plots_readable(self) -> None:
        """Also fit the header again: a drawing may have changed the texts in it (a step's note), and the header
        keeps the height fitted to the old ones."""
        self.fit_header()
        super().keep_plots_readable()
        self.fit_header()  # presenting, to the plots' new smallest height (``_header_room``)
