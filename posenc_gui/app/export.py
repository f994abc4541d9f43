"""Export of what a view shows: figures as PNG at a chosen width, SVG and PDF as vector files (text stays
text, curves stay paths, heatmaps are embedded images), the arrays as CSV / NPY / NPZ (``files.write_arrays``),
and ``render_figure`` for the headless ``posenc-gui export ... --out F.png``.
Every file is written atomically and records the method, its parameters and the app version."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsItem

from ..core import registry
from ..core.params import InputError

# The data formats are written as the command line writes them; the window reaches them from here.
from ..files import DATA_SUFFIXES, provenance, write_arrays, write_bytes_atomic  # noqa: F401
from ..look import ColourMaps

MAX_PNG_SIDE = 16384
FIGURE_SUFFIXES = (".png", ".svg", ".pdf")
# The size a figure is laid out at before it is scaled to the width asked for: text, legends and line
# widths then keep their share of the picture at any width.
LAYOUT_SIZE = (1600, 900)
TITLE = "PosEnc Explorer figure"


def picture_dpi() -> int:
    """The resolution of the QPictures pyqtgraph's axes cache their drawing in: a vector device set to it
    replays them at the scale they were drawn at (at 72 dpi axes shrink to 3/4 beside their plots)."""
    from PySide6.QtGui import QPicture

    return QPicture().logicalDpiX()


def source_rect(view) -> QRectF:
    graphics = view.graphics
    return graphics.mapToScene(graphics.viewport().rect()).boundingRect()


def paint_scene(view, painter: QPainter, target: QRectF, background=None) -> None:
    """Paint the view's plots into ``target``, scaled as a whole (fonts, legends and pens included), with
    pyqtgraph's export mode on so its items draw for a file, not the screen. Legends ignore transformations
    (they keep their size on screen when a plot zooms), which would leave them small in a wide figure:
    for the painting they follow the scale like everything else."""
    import pyqtgraph as pg
    from pyqtgraph.exporters import ImageExporter

    source = source_rect(view)
    fixed = QGraphicsItem.ItemIgnoresTransformations
    legends = [item for item in view.graphics.scene().items()
               if isinstance(item, pg.LegendItem) and item.flags() & fixed]
    modes = ImageExporter(view.graphics.scene())
    if background is not None:
        painter.fillRect(target, background)
    painter.setRenderHint(QPainter.Antialiasing, True)
    painter.setRenderHint(QPainter.LosslessImageRendering, True)  # a PDF keeps heatmap cells exact, not JPEG
    modes.setExportMode(True, {"antialias": True, "background": background, "painter": painter,
                               "resolutionScale": target.width() / max(source.width(), 1.0)})
    try:
        for legend in legends:
            legend.setFlag(fixed, False)
        view.graphics.scene().render(painter, target, source)
    finally:
        for legend in legends:
            legend.setFlag(fixed, True)
        modes.setExportMode(False)


def view_image(view, width: int | None = None) -> QImage:
    """A QImage of the view's plots; ``width`` in pixels scales the whole figure (fonts included)."""
    if width is None:
        return view.graphics.grab().toImage()
    check_width(width)
    source = source_rect(view)
    scale = width / max(source.width(), 1.0)
    scale = min(scale, MAX_PNG_SIDE / max(source.height(), 1.0))
    image = QImage(int(width), max(1, min(round(source.height() * scale), MAX_PNG_SIDE)), QImage.Format_ARGB32)
    image.fill(view.theme.background)
    painter = QPainter(image)
    # The figure scaled alike both ways from the image's corner (its last row may be cut by under half a pixel).
    # Into the rounded image itself it would be shrunk to fit and centred: moved by a fraction of a pixel, every
    # line and name smeared across two pixels and unlike the same figure drawn from the SVG.
    paint_scene(view, painter, QRectF(0, 0, source.width() * scale, source.height() * scale))
    painter.end()
    return image


def check_width(width: int) -> None:
    if not 16 <= width <= MAX_PNG_SIDE:
        raise InputError("PNG width must be from {0} to {1} pixels, not {2}", 16, MAX_PNG_SIDE, width)


def png_bytes(image: QImage, record: str = "") -> bytes:
    """PNG bytes; ``record`` (``files.provenance``) goes into tEXt chunks (Title, Description, Software)."""
    if record:
        image = QImage(image)
        image.setText("Title", TITLE)
        image.setText("Description", record)
        image.setText("Software", record.split(";")[0])
    buffer = QBuffer()
    buffer.open(QIODevice.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise InputError("could not encode the PNG image")
    return bytes(buffer.data())


def svg_bytes(view, record: str = "") -> bytes:
    """The view's plots as SVG: text as <text>, curves as paths, images embedded, ``record`` as <desc>."""
    source = source_rect(view)
    size = QSize(round(source.width()), round(source.height()))
    buffer = QBuffer()
    buffer.open(QIODevice.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(size)
    generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
    generator.setResolution(picture_dpi())
    generator.setTitle(TITLE)
    generator.setDescription(record)
    painter = QPainter(generator)
    paint_scene(view, painter, QRectF(0, 0, size.width(), size.height()), view.theme.background)
    painter.end()
    return bytes(buffer.data())


def pdf_writer(buffer: QBuffer, page: QSizeF, record: str) -> QPdfWriter:
    """A PDF writer of pages ``page`` in device pixels (at ``picture_dpi``), no margins."""
    writer = QPdfWriter(buffer)
    dpi = picture_dpi()
    writer.setResolution(dpi)
    points = QSizeF(page.width() * 72 / dpi, page.height() * 72 / dpi)
    writer.setPageLayout(QPageLayout(QPageSize(points, QPageSize.Point), QPageLayout.Portrait, QMarginsF()))
    writer.setTitle(TITLE)
    writer.setCreator(record or TITLE)
    writer.setDocumentXmpMetadata(QByteArray())  # Qt's default metadata; the record is in Creator
    return writer


def pdf_bytes(view, record: str = "") -> bytes:
    """The view's plots as a one-page vector PDF the size of the view; ``record`` as Creator."""
    source = source_rect(view)
    buffer = QBuffer()
    buffer.open(QIODevice.WriteOnly)
    writer = pdf_writer(buffer, QSizeF(source.width(), source.height()), record)
    painter = QPainter(writer)
    paint_scene(view, painter, QRectF(0, 0, source.width(), source.height()), view.theme.background)
    painter.end()
    return bytes(buffer.data())


def figure_suffix(path: str | os.PathLike) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in FIGURE_SUFFIXES:
        raise InputError("cannot write {0}: a figure is written as {1}", Path(path).name, ", ".join(FIGURE_SUFFIXES))
    return suffix


def image_document(image: QImage, suffix: str, record: str = "") -> bytes:
    """A page of text shown as an image (no plots to draw as vectors), in an SVG or PDF file."""
    buffer = QBuffer()
    buffer.open(QIODevice.WriteOnly)
    size = QSizeF(image.width() / image.devicePixelRatio(), image.height() / image.devicePixelRatio())
    if suffix == ".svg":
        device = QSvgGenerator()
        device.setOutputDevice(buffer)
        device.setSize(size.toSize())
        device.setViewBox(QRectF(QPointF(0, 0), size))
        device.setTitle(TITLE)
        device.setDescription(record)
    else:
        device = pdf_writer(buffer, size, record)
    painter = QPainter(device)
    painter.setRenderHint(QPainter.LosslessImageRendering, True)
    painter.drawImage(QRectF(QPointF(0, 0), size), image)
    painter.end()
    return bytes(buffer.data())


def figure_bytes(view, suffix: str, width: int | None = None, record: str = "") -> bytes:
    """The view's figure encoded as ``suffix`` (.png at ``width``, .svg, .pdf)."""
    if suffix == ".png":
        return png_bytes(view_image(view, width), record)
    return svg_bytes(view, record) if suffix == ".svg" else pdf_bytes(view, record)


def offscreen_app(theme: str = "light"):
    """The QApplication, made on the offscreen platform when there is none (the command line)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from . import style

    app = QApplication.instance()
    if app is None:  # the running app keeps its own look
        app = QApplication(["posenc-gui"])
        style.apply_app_theme(app, style.theme_named(theme), style.BASE_POINTS)
    return app


def drawn_view(scene, theme: str = "light", size: tuple[int, int] = LAYOUT_SIZE, points: float | None = None,
               colour_maps: ColourMaps = ColourMaps()):
    """A view showing ``scene`` as the app does, laid out at ``size`` with text of ``points`` (the app's base size
    when None) and heatmaps in ``colour_maps``; close it after use."""
    from . import style
    from .state import StateModel
    from .views import VIEWS, applies

    app = offscreen_app(theme)
    model = StateModel(scene, views=applies())
    view = VIEWS[scene.view][2](model)
    points = style.BASE_POINTS if points is None else points
    font = QFont(view.font())
    font.setPointSizeF(points)
    view.setFont(font)  # its own texts (a lesson's words, a page of text) as large as its plots'
    view.set_look(style.theme_named(theme), points)
    view.recolour(colour_maps)
    view.resize(*size)
    view.setAttribute(Qt.WA_DontShowOnScreen)  # laid out and painted, never flashed on a real screen
    view.show()
    view.show_data(model.scene, view.fetch(model.scene))
    app.processEvents()
    return view


def render_figure(kind: str, method: str, values: dict, path: str | os.PathLike,
                  width: int = 1600, theme: str = "light") -> None:
    """Draw output ``kind`` of ``method`` with ``values`` as the app's view does, headless, to ``path``
    (.png at ``width`` pixels, .svg or .pdf)."""
    from .state import Scene

    drawn_by = {name: entry.figure_view for name, entry in registry.KINDS.items() if entry.figure_view}
    if kind not in drawn_by:
        raise InputError("no figure for {0}; figures are drawn of: {1}", kind, ", ".join(drawn_by))
    view = drawn_view(Scene(method=method, params=dict(values), view=drawn_by[kind]), theme)
    try:
        data = figure_bytes(view, figure_suffix(path), width, provenance(method, kind, values))
    finally:
        view.close()
    write_bytes_atomic(Path(path), data)
