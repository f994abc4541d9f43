"""The handout of a deck: a PDF page per scene with its title, a lesson's formulas, its picture (vector where it is
plots) and its notes, in the deck's language; written atomically, recording how it was made."""

from __future__ import annotations

import os
import re
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSizeF
from PySide6.QtGui import QPainter, QPdfWriter, QTextDocument
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QTextEdit

from ..core.params import InputError
from ..files import provenance, write_bytes_atomic
from .export import drawn_view, offscreen_app, paint_scene, pdf_writer, source_rect

PAGE = QSizeF(794, 1123)  # A4 in device pixels at 96 dpi
MARGIN = 54
# A scene is laid out at this size for a page, its text HANDOUT_TEXT_SCALE times the screen's: at the page's width
# (about half the layout's) the figure's names print at about 9 pt, its tick names at 8 (at the screen's size they
# printed at 6 and 5, too small to read on paper).
HANDOUT_LAYOUT = (1300, 1100)
HANDOUT_TEXT_SCALE = 1.25
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


def text_document(painter: QPainter, text: str, width: float, points: float, bold: bool = False) -> QTextDocument:
    """``text`` wrapped at ``width`` in the painter's font at ``points``."""
    document = QTextDocument()
    font = painter.font()
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
    from .views.lessons.lesson_view import formula_svg

    return FORMULA_FRAME.sub(b"", formula_svg(name, colour), count=1)


def lesson_formulas(view) -> list[QSvgRenderer]:
    """The typeset formulas a lesson shows above its plots, those of the scene only (the clocks show RoPE's in place
    of the sinusoid's); none for a view that is not a lesson."""
    return [QSvgRenderer(QByteArray(printed_formula(label.name, view.theme.foreground)))
            for label in getattr(view, "formula_labels", ()) if not label.isHidden()]


def draw_formulas(painter: QPainter, renderers, top: float) -> float:
    """Draw the formulas as vectors from ``top`` down, left to right at FORMULA_PRINT_POINTS, on as many rows as the
    text width needs (one wider than it shrinks to fit); where the last row ends."""
    from .views.lessons.lesson_view import FORMULA_POINTS

    width = PAGE.width() - 2 * MARGIN
    x, row_top, row_height = 0.0, top, 0.0
    for renderer in renderers:
        size = QSizeF(renderer.defaultSize()) * (1.4 * FORMULA_PRINT_POINTS / FORMULA_POINTS)
        size *= min(1.0, width / max(size.width(), 1.0))
        if x and x + size.width() > width:
            x, row_top, row_height = 0.0, row_top + row_height + GAP / 2, 0.0
        renderer.render(painter, QRectF(QPointF(MARGIN + x, row_top), size))
        x += size.width() + 2 * GAP
        row_height = max(row_height, size.height())
    return row_top + row_height


def picture_box(picture: QSizeF, top: float, notes_height: float) -> QRectF:
    """Where a picture of size ``picture`` goes on a page whose title ends at ``top``: as wide as the text, or less
    wide, centred, so that the notes below it (``notes_height``) fit on the page whole."""
    width = PAGE.width() - 2 * MARGIN
    room = PAGE.height() - MARGIN - top - 2 * GAP - notes_height
    scale = min(width / max(picture.width(), 1.0), max(room, 0.0) / max(picture.height(), 1.0))
    size = QSizeF(picture.width() * scale, picture.height() * scale)
    return QRectF(QPointF(MARGIN + (width - size.width()) / 2, top + GAP), size)


def text_page(view) -> QTextDocument | None:
    """The text of a view that is a page of text (a reference table) as laid out in the view; None for any other."""
    browser = view.findChild(QTextEdit)
    if browser is None or view.graphics.isVisible():
        return None
    return browser.document().clone()


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


def handout_bytes(deck, lang: str = "en", theme: str = "light") -> tuple[bytes, int]:
    """A PDF of ``deck`` and its number of pages: a page per scene with its title, a lesson's formulas, its picture
    (vector where it is plots) and its notes, whole: the picture gives way to the notes. A page of text (a reference
    table) stays text, under the notes, going on to more pages as it needs. The document's title is the deck's."""
    from . import style

    if not deck.scenes:
        raise InputError("the deck has no scenes: a handout needs at least one")
    offscreen_app(theme)
    deck_title = deck.title_in(lang)
    record = provenance("deck", f"handout of {deck_title or 'a deck'} ({len(deck.scenes)} scenes, {lang})")
    buffer = QBuffer()
    buffer.open(QIODevice.WriteOnly)
    writer = pdf_writer(buffer, PAGE, record)
    if deck_title:
        writer.setTitle(deck_title)
    painter = QPainter(writer)
    width = PAGE.width() - 2 * MARGIN
    pages = 0
    try:
        for number, scene in enumerate(deck.scenes):
            if number:
                writer.newPage()
            pages += 1
            title, notes = scene_texts(scene, lang)
            heading = text_document(painter, f"{number + 1}. {title}", width, TITLE_POINTS, True)
            draw_document(painter, heading, QPointF(MARGIN, MARGIN))
            top = MARGIN + heading.size().height()
            notes_text = text_document(painter, notes, width, NOTES_POINTS)
            view = drawn_view(scene, theme, HANDOUT_LAYOUT, style.BASE_POINTS * HANDOUT_TEXT_SCALE)
            try:
                page = text_page(view)
                if page is not None:
                    draw_document(painter, notes_text, QPointF(MARGIN, top + GAP))
                    pages += draw_flowing(writer, painter, page, top + notes_text.size().height() + 2 * GAP)
                    continue
                formulas = lesson_formulas(view)
                if formulas:  # the words are in the notes; the lesson's formulas belong on the student's page too
                    top = draw_formulas(painter, formulas, top + GAP)
                plots = view.graphics.isVisible()
                source = source_rect(view) if plots else QRectF(view.rect())
                target = picture_box(source.size(), top, notes_text.size().height())
                if plots:
                    paint_scene(view, painter, target, view.theme.background)
                else:  # a page of widgets: drawn as shown
                    painter.drawImage(target, view.grab().toImage())
            finally:
                view.close()
            draw_document(painter, notes_text, QPointF(MARGIN, target.bottom() + GAP))
    finally:
        painter.end()
    return bytes(buffer.data()), pages


def write_handout(deck, path: str | os.PathLike, lang: str = "en", theme: str = "light") -> int:
    """Write the handout of ``deck`` to ``path``; its number of pages."""
    data, pages = handout_bytes(deck, lang, theme)
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
