"""Reference pages to read, in large type and without plots: which models use which encoding, the
timeline of positional encodings, and a guide for choosing one. Their facts live in ``core.models`` and
``core.published_models``."""

from __future__ import annotations

import math
import re
from html import escape, unescape

from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QTextBrowser

from ...core import models, published_models
from ...core.registry import Method
from ..i18n import translate
from ..state import Scene
from .. import style
from .base import View, listed

CELL_PADDING = 6  # pixels around a table cell's text, besides the style sheet's HORIZONTAL_PADDING
TAG = re.compile(r"<[^>]+>")
CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
# what a line may not break: one CJK character, or a word up to a hyphen or a zero-width space (Qt breaks there)
UNBREAKABLE = re.compile(f"[{CJK}]|[^\\s{CJK}\u200b-]+-?")
# where a long identifier in a citation may break: after _ / and :, and where a word starts with a capital after a
# digit or three small letters (configuration_|gemma4.py, arXiv:|2302.13971, Gemma4|Text|Config; not ar|Xiv): whole,
# they widened a presenting page's table past a 1280 px projector
SOFT_BREAK = re.compile(r"(?<=[_/:])(?=\w)|(?<=[0-9])(?=[A-Z])|(?<=[a-z]{3})(?=[A-Z][a-z])")
HORIZONTAL_PADDING = 8  # pixels of the style sheet's padding on each side of a cell's text

# sources in a quieter grey than the text, still readable from the back of a hall: at least WCAG's 4.5:1 for text on
# the page and on the table's header (mid-grey #808080 stood 2.9:1 on the dark theme's header row)
SOURCE_COLOUR = {"light": "#595959", "dark": "#b3b3b3"}


def reference_text(text: str) -> str:
    """A reference fact's text in the interface language, escaped for rich text."""
    return escape(translate(models.CONTEXT, text))


def source_text(source: str) -> str:
    """A citation in the interface language, escaped: each of its "; "-separated parts that has a translation
    (such as "source article") is translated; names and identifiers have none and stay as written."""
    text = escape("; ".join(translate(models.CONTEXT, part) for part in source.split("; ")))
    return SOFT_BREAK.sub("\u200b", text)  # configuration_|gemma4.py rather than a column wide enough for it


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
        self._laid_out_width = None  # the page's width when its tables were last sized

    @staticmethod
    def applies_to(method: Method) -> bool:
        return True

    def page_html(self, data) -> str:
        """The page as rich text (subclasses write it, translating every string)."""
        raise NotImplementedError

    def show_data(self, scene: Scene, data) -> None:
        self._data = data
        self._lay_out()

    def _lay_out(self) -> None:
        """The page anew (tens of ms): its tables' columns are sized to the width it has now."""
        self._laid_out_width = self.browser.width()
        self.browser.setHtml(self.page_html(self._data))

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
            f" td, th {{ padding: 6px {HORIZONTAL_PADDING}px; }}"
            f" .source {{ color: {SOURCE_COLOUR[theme.name]}; }}"
            f" .year {{ color: {theme.highlight}; font-weight: bold; }}")
        if self._data is not None:
            self._lay_out()

    def fit_to_size(self) -> None:
        """A new width can leave a column's share narrower than its longest word: lay the page out again."""
        super().fit_to_size()
        if self._data is not None and self.browser.width() != self._laid_out_width:  # a new height changes nothing
            self._lay_out()

    def heading(self, text: str) -> str:
        """The page's title as its heading, except while presenting: the audience title above the view says it."""
        return "" if getattr(self.window(), "presenting", False) else f"<h2>{text}</h2>"

    def table(self, headers: list[str], rows: list[list[str]], widths: tuple[int, ...] = (),
              nowrap: tuple[int, ...] = (), under: tuple[int, int] | None = None) -> str:
        """A bordered table as wide as the page. Each column gets at least its longest word (Qt broke a narrower
        column mid-word: "Transf / ormer", "201 / 7"), the columns in ``nowrap`` their widest text (years); what
        the page has left is shared out in ``widths`` (percent). When the words do not fit, the column ``under[1]``
        is written under column ``under[0]``'s text (five columns in a hall's type were 160 px wider than a 1280 px
        projector); a page too narrow even then scrolls rather than break words."""
        shares = list(widths or (100 // len(headers),) * len(headers))
        floors = self._floors(headers, rows, nowrap)
        if under is not None and sum(floors) > self._table_room(len(headers)):
            into, moved = under
            headers = [f"{h} · {headers[moved]}" if i == into else h for i, h in enumerate(headers) if i != moved]
            rows = [[f"{c}<br>{row[moved]}" if i == into else c for i, c in enumerate(row) if i != moved]
                    for row in rows]
            shares[into] += shares.pop(moved)
            floors = self._floors(headers, rows, nowrap)
        spare = max(0.0, self._table_room(len(headers)) - sum(floors))
        flexible = sum(share for column, share in enumerate(shares) if column not in nowrap) or 1
        pixels = [math.floor(floor + (0 if column in nowrap else spare * share / flexible))
                  for column, (floor, share) in enumerate(zip(floors, shares))]
        head = "".join(f"<th width='{width}'>{h}</th>" for h, width in zip(headers, pixels))
        body = "".join("<tr>" + "".join(f"<td{' nowrap' if i in nowrap else ''}>{c}</td>" for i, c in enumerate(row))
                       + "</tr>" for row in rows)
        return (f"<table cellspacing='0' cellpadding='{CELL_PADDING}' border='1' width='{sum(pixels)}' "
                f"style='border-color:#808080; border-style:solid'><tr>{head}</tr>{body}</table>")

    def _table_room(self, columns: int) -> float:
        """The width a table of ``columns`` has: the page's less its margins, the cells' and the table's borders, and
        a vertical scroll bar (a page laid out before it is known to be long gets one, and a table that filled it
        would then scroll)."""
        page = self.browser.width() - 2 * self.browser.frameWidth() - self.browser.verticalScrollBar().sizeHint().width()
        return page - 2 * self.browser.document().documentMargin() - 2 * columns - 4

    def _floors(self, headers: list[str], rows: list[list[str]], nowrap: tuple[int, ...]) -> list[float]:
        """Each column's least width: its widest piece that may not break, headers and <b> cells measured bold and
        the others plain (all measured bold, the columns asked a tenth more than they need), with the padding."""
        bold = QFont(self.browser.font())
        bold.setBold(True)
        plain, strong = QFontMetricsF(self.browser.font()), QFontMetricsF(bold)
        padding = 2 * (CELL_PADDING + HORIZONTAL_PADDING) + 4

        def least(column: int) -> float:
            cells = [(headers[column], True)] + [(row[column], "<b>" in row[column]) for row in rows]
            texts = [(unescape(TAG.sub("", cell)), bold_cell) for cell, bold_cell in cells]
            return max(((strong if bold_cell else plain).horizontalAdvance(piece) for text, bold_cell in texts
                        for piece in ([text] if column in nowrap else UNBREAKABLE.findall(text))), default=0) + padding

        return [least(column) for column in range(len(headers))]


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
                 f"<span class='source'>{source_text(m.source)}</span>"]
                for m in sorted(data, key=lambda m: (order.index(m.encoding), m.year))]
        heading = self.tr("Which models use which positional encoding")
        intro = self.tr("Grouped by encoding, oldest first. The last column says where each fact is stated.")
        return (f"{self.heading(heading)}<p>{intro}</p>"
                + self.table([self.tr("Model"), self.tr("Year"), self.tr("Encoding"), self.tr("Details"),
                              self.tr("Source")], rows, (15, 6, 18, 34, 27), nowrap=(1,), under=(3, 4)))


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
                         f"<span class='source'>{source_text(step.source)}</span>"])
        heading = self.tr("How positional encoding developed")
        intro = self.tr("From fixed sinusoids added to the input, to biases and rotations inside attention, "
                        "to stretching a trained model to longer contexts.")
        return (f"{self.heading(heading)}<p>{intro}</p>"
                + self.table([self.tr("Year"), self.tr("What appeared"), self.tr("In short"),
                              self.tr("Family"), self.tr("Source")], rows, (6, 22, 40, 17, 15), nowrap=(0,),
                             under=(2, 4)))


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
        return (self.heading(heading)
                + self.table([self.tr("Situation"), self.tr("Use"), self.tr("Why")], situations, (30, 25, 45))
                + f"<h2>{pros_and_cons}</h2>"
                + self.table([self.tr("Encoding"), self.tr("For"), self.tr("Against")], families, (30, 35, 35)))
