"""Reference pages to read, in large type and without plots: which models use which encoding, the
timeline of positional encodings, and a guide for choosing one. Their facts live in ``core.models`` and
``core.published_models``."""

from __future__ import annotations

import math
import re
from html import escape

from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QTextBrowser

from ...core import models, published_models
from ...core.registry import Method
from ..i18n import translate
from ..state import Scene
from .. import style
from .base import View, listed

CELL_PADDING = 6  # pixels around a table cell's text, besides the style sheet's 12 on each side
TAG = re.compile(r"<[^>]+>")


def reference_text(text: str) -> str:
    """A reference fact's text in the interface language, escaped for rich text."""
    return escape(translate(models.CONTEXT, text))


class ReferencePage(View):
    """A read-only rich-text page at the app's font size; the plot area of ``View`` is hidden."""

    group = "reference"
    uses_method = False
    data_fields = ()

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        self.graphics.setVisible(False)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.page_layout.addWidget(self.browser, 1)
        self._data = None

    @staticmethod
    def applies_to(method: Method) -> bool:
        return True

    def page_html(self, data) -> str:
        """The page as rich text (subclasses write it, translating every string)."""
        raise NotImplementedError

    def show_data(self, scene: Scene, data) -> None:
        self._data = data
        self.browser.setHtml(self.page_html(data))

    def show_selection(self, scene: Scene, data) -> None:
        """Nothing: the page shows constants (``data_fields`` is empty), laid out once (tens of ms)."""

    def set_look(self, theme: style.Theme, points: float) -> None:
        super().set_look(theme, points)
        font = self.browser.font()
        font.setPointSizeF(points * 1.15)
        self.browser.setFont(font)
        self.browser.document().setDefaultFont(font)
        self.browser.document().setDefaultStyleSheet(
            f"th {{ background-color: {theme.window}; text-align: left; }}"
            f" td, th {{ padding: 6px 12px; }}"
            f" .source {{ color: #808080; }}"
            f" .year {{ color: {theme.highlight}; font-weight: bold; }}")
        if self._data is not None:
            self.browser.setHtml(self.page_html(self._data))

    def table(self, headers: list[str], rows: list[list[str]], widths: tuple[int, ...] = (),
              nowrap: tuple[int, ...] = ()) -> str:
        """A bordered full-width table; ``widths`` are the columns' shares of the width, in percent, and
        the columns listed in ``nowrap`` never break a line (years): they are given, in pixels, the width of their
        widest text in bold (Qt kept a share narrower than the text and broke it mid-word, "201 / 7")."""
        widths = widths or (100 // len(headers),) * len(headers)
        bold = QFont(self.browser.font())
        bold.setBold(True)
        metrics = QFontMetricsF(bold)

        def fitted(column: int) -> int:
            texts = [headers[column]] + [TAG.sub("", row[column]) for row in rows]
            return math.ceil(max(metrics.horizontalAdvance(text) for text in texts) + 2 * (CELL_PADDING + 12) + 4)

        head = "".join(f"<th width='{fitted(i)}'>{h}</th>" if i in nowrap else f"<th width='{w}%'>{h}</th>"
                       for i, (h, w) in enumerate(zip(headers, widths)))
        body = "".join("<tr>" + "".join(f"<td{' nowrap' if i in nowrap else ''}>{c}</td>" for i, c in enumerate(row))
                       + "</tr>" for row in rows)
        return (f"<table cellspacing='0' cellpadding='{CELL_PADDING}' border='1' width='100%' "
                f"style='border-color:#808080; border-style:solid'><tr>{head}</tr>{body}</table>")


class ModelsPage(ReferencePage):
    """Which published models use which positional encoding."""

    key = "models"
    title = "Which models use what"

    @staticmethod
    def fetch(scene: Scene):
        return published_models.MODELS

    def page_html(self, data) -> str:
        order = [entry.key for entry in models.ENCODINGS]
        rows = [[f"<b>{escape(m.name)}</b>", str(m.year),
                 reference_text(models.encoding_named(m.encoding).name), reference_text(m.detail),
                 f"<span class='source'>{escape(m.source)}</span>"]
                for m in sorted(data, key=lambda m: (order.index(m.encoding), m.year))]
        heading = self.tr("Which models use which positional encoding")
        intro = self.tr("Grouped by encoding, oldest first. The last column says where each fact is stated.")
        return (f"<h2>{heading}</h2><p>{intro}</p>"
                + self.table([self.tr("Model"), self.tr("Year"), self.tr("Encoding"), self.tr("Details"),
                              self.tr("Source")], rows, (15, 6, 18, 34, 27), nowrap=(1,)))


class TimelinePage(ReferencePage):
    """The timeline of positional encodings, 2017 to 2024."""

    key = "timeline"
    title = "Timeline"

    @staticmethod
    def fetch(scene: Scene):
        return published_models.TIMELINE

    def page_html(self, data) -> str:
        rows, last_year = [], None
        for step in data:
            year = f"<span class='year'>{step.year}</span>" if step.year != last_year else ""
            last_year = step.year
            rows.append([year, f"<b>{reference_text(step.name)}</b>", reference_text(step.what),
                         reference_text(models.encoding_named(step.encoding).name),
                         f"<span class='source'>{escape(step.source)}</span>"])
        heading = self.tr("How positional encoding developed")
        intro = self.tr("From fixed sinusoids added to the input, to biases and rotations inside attention, "
                        "to stretching a trained model to longer contexts.")
        return (f"<h2>{heading}</h2><p>{intro}</p>"
                + self.table([self.tr("Year"), self.tr("What appeared"), self.tr("In short"),
                              self.tr("Family"), self.tr("Source")], rows, (6, 22, 40, 17, 15), nowrap=(0,)))


class ChoosingPage(ReferencePage):
    """A guide for choosing an encoding: situations first, then each family's pros and cons."""

    key = "choosing"
    title = "Choosing an encoding"

    @staticmethod
    def fetch(scene: Scene):
        return {"choices": models.CHOICES, "encodings": models.ENCODINGS}

    def page_html(self, data) -> str:
        def names(keys):
            return listed(reference_text(models.encoding_named(k).name) for k in keys)

        situations = [[reference_text(c.situation), f"<b>{names(c.encodings)}</b>", reference_text(c.why)]
                      for c in data["choices"]]
        families = [[f"<b>{reference_text(e.name)}</b><br>{reference_text(e.how)}",
                     "<br>".join(f"+ {reference_text(p)}" for p in e.pros),
                     "<br>".join(f"− {reference_text(c)}" for c in e.cons)]
                    for e in data["encodings"]]
        heading, pros_and_cons = self.tr("Choosing a positional encoding"), self.tr("Strengths and weaknesses")
        return (f"<h2>{heading}</h2>"
                + self.table([self.tr("Situation"), self.tr("Use"), self.tr("Why")], situations, (30, 25, 45))
                + f"<h2>{pros_and_cons}</h2>"
                + self.table([self.tr("Encoding"), self.tr("For"), self.tr("Against")], families, (30, 35, 35)))
