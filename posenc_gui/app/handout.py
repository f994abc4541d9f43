"""The handout of a deck: a PDF page per scene with its title, a lesson's formulas, its picture (vector where it is
plots) and its notes, in the deck's language; written atomically, recording how it was made."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import pyqtgraph as pg

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, QSizeF
from PySide6.QtGui import QFont, QGuiApplication, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QTextEdit

from ..core.params import InputError
from ..files import provenance, write_bytes_atomic
from ..look import ColourMaps
from .export import drawn_view, offscreen_app, paint_scene, pdf_writer, source_rect
from .plot_layout_check import in_colour_bar
from .views.readable import document_copy

PAGE = QSizeF(794, 1123)  # A4 in device pixels at 96 dpi, portrait
LANDSCAPE_PAGE = PAGE.transposed()
MARGIN = 54
# A scene is laid out HANDOUT_LAYOUT_WIDTH pixels wide for a portrait page's text width, its text HANDOUT_TEXT_SCALE
# times the screen's: scaled to the page (about half the layout) the figure's names print at about 9 pt, its tick
# names at 8 (at the screen's size they printed at 6 and 5, too small to read on paper). Its height, and its width on
# a landscape page, follow the room the page has for the picture at the same scale, so that the text prints alike.
HANDOUT_LAYOUT = (1300, 1100)
HANDOUT_TEXT_SCALE = 1.25
LAYOUT_PER_PAGE_PIXEL = HANDOUT_LAYOUT[0] / (PAGE.width() - 2 * MARGIN)
# A landscape page only for a picture whose plots print this much larger on it (``printed_plots``: square matrices
# side by side, dials): a picture that fills either page alike (curves) stays on the portrait page.
LANDSCAPE_GAIN = 1.2
TITLE_POINTS, NOTES_POINTS = 16, 10
FORMULA_PRINT_POINTS = 11  # a lesson's formulas under its title, a little larger than the notes: they are the lesson
FORMULA_FRAME = re.compile(rb'<g id="patch_1">.*?</g>', re.S)  # matplotlib's figure patch in resources/formulas
GAP = 14  # between the title, the picture and the notes
CUT_LEAD = 4  # a page of text is cut this far above a paragraph or a table row: its border stays with it


def scene_texts(scene, lang: str) -> tuple[str, str]:
    """A scene's title and notes in ``lang``; the one place that chooses them, for the deck's languages."""
    if hasattr(scene, "title_in"):
        return scene.title_in(lang), scene.notes_in(lang)
    return scene.title, scene.notes


def text_document(text: str, width: float, points: float, bold: bool = False) -> QTextDocument:
    """``text`` wrapped at ``width`` in the application's font at ``points``."""
    document = QTextDocument()
    font = QFont(QGuiApplication.font())
    font.setPointSizeF(points)
    font.setBold(bold)
    document.setDefaultFont(font)
    document.setPlainText(text)
    document.setTextWidth(width)
    return document


def draw_document(painter: QPainter, document: QTextDocument, top_left: QPointF) -> None:
    painter.save()
    painter.translate(top_left)
    document.drawContents(painter, QRectF(QPointF(0, 0), document.size()))
    painter.restore()


def printed_formula(name: str, colour: str) -> bytes:
    """The SVG of formula ``name`` for paper: without the figure's frame, an unstroked path that Qt's PDF engine
    draws as a box round the formula."""
    from .views.lessons.formula_label import formula_svg

    return FORMULA_FRAME.sub(b"", formula_svg(name, colour), count=1)


def lesson_formulas(view) -> list[QSvgRenderer]:
    """The typeset formulas a lesson shows above its plots, those of the scene only (the clocks show RoPE's in place
    of the sinusoid's); none for a view that is not a lesson."""
    return [QSvgRenderer(QByteArray(printed_formula(label.name, view.theme.foreground)))
            for label in getattr(view, "formula_labels", ()) if not label.isHidden()]


def place_formulas(renderers, width: float, top: float) -> list[tuple[QSvgRenderer, QRectF]]:
    """Where the formulas go from ``top`` down: left to right at FORMULA_PRINT_POINTS, on as many rows as ``width``
    needs (one wider than it shrinks to fit), from the left margin."""
    from .views.lessons.formula_label import FORMULA_POINTS

    placed, x, row_top, row_height = [], 0.0, top, 0.0
    for renderer in renderers:
        size = QSizeF(renderer.defaultSize()) * (1.4 * FORMULA_PRINT_POINTS / FORMULA_POINTS)
        size *= min(1.0, width / max(size.width(), 1.0))
        if x and x + size.width() > width:
            x, row_top, row_height = 0.0, row_top + row_height + GAP / 2, 0.0
        placed.append((renderer, QRectF(QPointF(MARGIN + x, row_top), size)))
        x += size.width() + 2 * GAP
        row_height = max(row_height, size.height())
    return placed


@dataclass
class PagePlan:
    """A scene's page laid out before it is drawn: the page's size, its title, formulas and notes, and the room left
    between them for the picture."""
    page: QSizeF
    heading: QTextDocument
    formulas: list[tuple[QSvgRenderer, QRectF]]
    notes: QTextDocument
    room: QRectF


def plan_page(page: QSizeF, heading: str, notes: str, renderers=()) -> PagePlan:
    """The title at the top, the formulas under it, the notes at the foot, whole; the picture gets what is between."""
    width = page.width() - 2 * MARGIN
    title = text_document(heading, width, TITLE_POINTS, True)
    top = MARGIN + title.size().height()
    formulas = place_formulas(renderers, width, top + GAP) if renderers else []
    if formulas:
        top = max(box.bottom() for _, box in formulas)
    notes_text = text_document(notes, width, NOTES_POINTS)
    room = page.height() - MARGIN - notes_text.size().height() - GAP - (top + GAP)
    return PagePlan(page, title, formulas, notes_text, QRectF(MARGIN, top + GAP, width, max(room, 0.0)))


def picture_box(picture: QSizeF, room: QRectF) -> QRectF:
    """Where a picture of size ``picture`` goes in ``room``: as large as it fits, aspect kept, centred across, at the
    room's top (the notes follow it)."""
    scale = min(room.width() / max(picture.width(), 1.0), room.height() / max(picture.height(), 1.0))
    size = QSizeF(picture.width() * scale, picture.height() * scale)
    return QRectF(QPointF(room.left() + (room.width() - size.width()) / 2, room.top()), size)


def picture_source(view) -> QRectF:
    """What of the view goes on paper: its plots, or the whole view where it has none (a page of widgets)."""
    return source_rect(view) if view.graphics.isVisible() else QRectF(view.rect())


def fit_view(view, room: QSizeF) -> None:
    """Lay ``view`` out so that its picture has the shape of ``room`` at LAYOUT_PER_PAGE_PIXEL: the view's own
    controls and text take their room first, so it is resized twice (once to learn how much they take)."""
    app = QGuiApplication.instance()
    wanted = room * LAYOUT_PER_PAGE_PIXEL
    for _ in range(2):
        shown = picture_source(view).size()
        view.resize(max(1, round(view.width() + wanted.width() - shown.width())),
                    max(1, round(view.height() + wanted.height() - shown.height())))
        app.processEvents()


def printed_plots(view, room: QRectF) -> float:
    """How large the view's plots print in ``room``, laid out as they are: the page area their data covers, times the
    share of their boxes it covers. Plots that keep their shape (square matrices, round dials) in boxes of another
    shape float in blank room (on a portrait page, three matrices in a row in boxes as tall as the page); plots that
    take any shape (curves) print alike on either page."""
    source = picture_source(view)
    box = picture_box(source.size(), room)
    if not view.graphics.isVisible():
        return box.width() * box.height()
    data = boxes = 0.0
    for item in view.graphics.scene().items():
        if not isinstance(item, pg.ViewBox) or not item.isVisible() or in_colour_bar(item):
            continue
        shown = item.sceneBoundingRect() & source
        (left, right), (bottom, top) = (span or (0.0, 0.0) for span in item.childrenBounds())
        data_rect = QRectF(QPointF(left, bottom), QPointF(right, top)).normalized()
        covered = item.mapViewToScene(data_rect).boundingRect() & shown if data_rect.isValid() else shown
        data += covered.width() * covered.height()
        boxes += shown.width() * shown.height()
    scale = box.width() / max(source.width(), 1.0)
    return data * scale ** 2 * data / max(boxes, 1.0)


def plan_picture_page(view, heading: str, notes: str) -> PagePlan:
    """The page for a scene with a picture: landscape where the view laid out for it prints its plots clearly larger
    (``printed_plots``) than laid out for a portrait page; the view is left laid out for the page chosen."""
    renderers = lesson_formulas(view)
    portrait, landscape = (plan_page(page, heading, notes, renderers) for page in (PAGE, LANDSCAPE_PAGE))
    fit_view(view, landscape.room.size())
    wide = printed_plots(view, landscape.room)
    fit_view(view, portrait.room.size())
    if wide <= LANDSCAPE_GAIN * printed_plots(view, portrait.room):
        return portrait
    fit_view(view, landscape.room.size())
    return landscape


def page_layout(page: QSizeF) -> QPageLayout:
    """A page of ``page`` device pixels (at ``picture_dpi``): A4 upright or turned, without margins."""
    orientation = QPageLayout.Landscape if page.width() > page.height() else QPageLayout.Portrait
    return QPageLayout(QPageSize(QPageSize.A4), orientation, QMarginsF())


def text_page(view) -> QTextDocument | None:
    """The text of a view that is a page of text (a reference table) as laid out in the view; None for any other."""
    browser = view.findChild(QTextEdit)
    if browser is None or view.graphics.isVisible():
        return None
    return document_copy(browser.document())


def draw_flowing(writer: QPdfWriter, painter: QPainter, document: QTextDocument, top: float) -> int:
    """Draw ``document`` from ``top`` down, scaled to the page's width as a figure is, on as many pages as it takes,
    each page cut just above a paragraph or a table row (not through a line of text). The number of pages it went
    on to."""
    scale = (PAGE.width() - 2 * MARGIN) / max(document.textWidth(), 1.0)
    layout = document.documentLayout()
    starts, block = set(), document.begin()
    while block.isValid():
        starts.add(layout.blockBoundingRect(block).top() - CUT_LEAD)
        block = block.next()
    height, offset, more = document.size().height(), 0.0, 0
    while True:
        end = offset + (PAGE.height() - MARGIN - top) / scale
        if end < height:
            end = max((start for start in starts if offset < start <= end), default=end)
        painter.save()
        painter.translate(MARGIN, top)
        painter.scale(scale, scale)
        painter.translate(0, -offset)
        document.drawContents(painter, QRectF(0, offset, document.textWidth(), end - offset))
        painter.restore()
        if end >= height:
            return more
        writer.newPage()
        offset, top, more = end, MARGIN, more + 1


class HandoutPages:
    """The handout's PDF, a page at a time, each page upright or turned as its scene needs: Qt takes a page's layout
    before the painter begins (the first page) or just before the next page is started."""

    def __init__(self, record: str, title: str):
        self.buffer = QBuffer()
        self.buffer.open(QIODevice.WriteOnly)
        self.writer = pdf_writer(self.buffer, PAGE, record)
        if title:
            self.writer.setTitle(title)
        self.painter = QPainter()
        self.count = 0

    def start(self, page: QSizeF) -> QPainter:
        self.writer.setPageLayout(page_layout(page))
        if self.painter.isActive():
            self.writer.newPage()
        else:
            self.painter.begin(self.writer)
        self.count += 1
        return self.painter

    def finish(self) -> bytes:
        if self.painter.isActive():
            self.painter.end()
        return bytes(self.buffer.data())


def draw_picture_page(painter: QPainter, plan: PagePlan, view) -> None:
    """Title, formulas, the view's picture as large as its room allows (vector where it is plots), notes under it."""
    draw_document(painter, plan.heading, QPointF(MARGIN, MARGIN))
    for renderer, box in plan.formulas:
        renderer.render(painter, box)
    target = picture_box(picture_source(view).size(), plan.room)
    if view.graphics.isVisible():
        paint_scene(view, painter, target, view.theme.background)
    else:  # a page of widgets: drawn as shown
        painter.drawImage(target, view.grab().toImage())
    draw_document(painter, plan.notes, QPointF(MARGIN, target.bottom() + GAP))


def handout_bytes(deck, lang: str = "en", theme: str = "light",
                  colour_maps: ColourMaps = ColourMaps()) -> tuple[bytes, int]:
    """A PDF of ``deck`` and its number of pages: a page per scene with its title, a lesson's formulas, its picture
    (vector where it is plots) laid out for the room the page leaves it, and its notes, whole: the picture gives way
    to the notes. A page of text (a reference table) stays text, under the notes, going on to more pages as it needs.
    The document's title is the deck's; the heatmaps are drawn in ``colour_maps``."""
    from . import style

    if not deck.scenes:
        raise InputError("the deck has no scenes: a handout needs at least one")
    offscreen_app(theme)
    deck_title = deck.title_in(lang)
    record = provenance("deck", f"handout of {deck_title or 'a deck'} ({len(deck.scenes)} scenes, {lang})")
    pages = HandoutPages(record, deck_title)
    try:
        for number, scene in enumerate(deck.scenes):
            title, notes = scene_texts(scene, lang)
            heading = f"{number + 1}. {title}"
            view = drawn_view(scene, theme, HANDOUT_LAYOUT, style.BASE_POINTS * HANDOUT_TEXT_SCALE, colour_maps)
            try:
                document = text_page(view)
                if document is None:
                    plan = plan_picture_page(view, heading, notes)
                    draw_picture_page(pages.start(plan.page), plan, view)
                    continue
                plan = plan_page(PAGE, heading, notes)
                painter = pages.start(PAGE)
                draw_document(painter, plan.heading, QPointF(MARGIN, MARGIN))
                draw_document(painter, plan.notes, QPointF(MARGIN, plan.room.top()))
                pages.count += draw_flowing(pages.writer, painter, document,
                                            plan.room.top() + plan.notes.size().height() + GAP)
            finally:
                view.close()
    finally:
        data = pages.finish()
    return data, pages.count


def write_handout(deck, path: str | os.PathLike, lang: str = "en", theme: str = "light",
                  colour_maps: ColourMaps = ColourMaps()) -> int:
    """Write the handout of ``deck`` to ``path``; its number of pages."""
    data, pages = handout_bytes(deck, lang, theme, colour_maps)
    write_bytes_atomic(Path(path), data)
    return pages


def export_handout(deck_path: str | os.PathLike, path: str | os.PathLike, lang: str = "en") -> int:
    """The command line's handout: read the deck, draw its scenes in ``lang`` headless; the page count."""
    from . import i18n
    from .views import applies
    from ..scene import Deck

    deck = Deck.load(deck_path, views=applies())
    i18n.install(offscreen_app(), lang)
    return write_handout(deck, path, lang)
