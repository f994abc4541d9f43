"""Look of the app: themes, font sizes, colour maps and the styling of pyqtgraph plots.

Pure layout: nothing here computes anything a view shows.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QImage, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleFactory

from ..look import ColourMaps
from . import compat, i18n
from .axes import GridAxis, measure_names
from .cjk_breaks import keep_short_words_attached, keep_words_whole

BASE_POINTS = 13.0  # readable from the back of a hall on a 1080p projector
PRESENTATION_SCALE = 1.6
MIN_SCALE, MAX_SCALE = 0.6, 3.0
TICK_SCALE = 0.9  # tick names' size against the text's
INDICATOR_EM = 0.7  # a check box's square, in lines of text

# Okabe-Ito: distinguishable with the common colour-vision deficiencies.
CURVE_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000")


@dataclass(frozen=True)
class Theme:
    name: str
    background: str
    foreground: str
    window: str
    base: str
    highlight: str
    curve_black: str
    masked: str  # the hatching of masked cells: at least UI_CONTRAST against the background


THEMES = {
    "light": Theme("light", "#ffffff", "#000000", "#f2f2f2", "#ffffff", "#0057b8", "#000000", "#767676"),
    "dark": Theme("dark", "#121212", "#f0f0f0", "#202020", "#3a3a3a", "#4da3ff", "#f0f0f0", "#9a9a9a"),
}
# WCAG's least contrast for the parts of a graphic that must be seen (1.4.11, non-text contrast)
UI_CONTRAST = 3.0
# A matrix's edge, drawn round its cells: the end colours of the maps (black, white) would otherwise merge with the
# background of one theme or the other; this grey stands at least UI_CONTRAST from both backgrounds and both ends.
MATRIX_EDGE = "#808080"


def theme_named(name: str) -> Theme:
    return THEMES.get(name, THEMES["light"])


def set_symbol_look(curve: pg.PlotDataItem, brush, pen=(200, 200, 200)) -> None:
    """Give ``curve``'s symbols a brush and an outline (pyqtgraph's default outline unless told), kept as
    QBrush and QPen objects. pyqtgraph's symbol atlas keys a symbol by those objects: given as a colour
    name or a tuple, they became new objects at every ``setData``, and the atlas of a curve updated often
    gained two symbols per update, without end (200 after 100 updates)."""
    curve.setSymbolBrush(brush)
    curve.setSymbolPen(pen)


def curve_colour(index: int, theme: Theme) -> str:
    colour = CURVE_COLOURS[index % len(CURVE_COLOURS)]
    return theme.curve_black if colour == "#000000" else colour


def apply_app_theme(app: QApplication, theme: Theme, points: float) -> None:
    """Palette and base font of the whole application. The Fusion style is set once, and the Fusion style already in
    use is kept as its base: setting a style deletes the old one, and graphics layouts made before still pointed at it
    (a segfault in their next size computation)."""
    if not isinstance(app.style(), TextSizedStyle):  # wraps the Fusion style in use, which so lives on as its base
        current = app.style()
        app.setStyle(TextSizedStyle(current if current.name().lower() == "fusion" else QStyleFactory.create("Fusion")))
    palette = QPalette()
    fg, window, base = QColor(theme.foreground), QColor(theme.window), QColor(theme.base)
    # buttons, slider handles and spin-box arrows stand out from a dark window (Fusion shades them from Button): dark
    # as the one contrast rule says, a window on which white text reads better than black
    button = window.lighter(180) if text_colour_on(theme.window) == "#ffffff" else window
    for role, colour in ((QPalette.Window, window), (QPalette.WindowText, fg), (QPalette.Base, base),
                         (QPalette.AlternateBase, window), (QPalette.Text, fg), (QPalette.Button, button),
                         (QPalette.ButtonText, fg), (QPalette.ToolTipBase, base), (QPalette.ToolTipText, fg),
                         (QPalette.Highlight, QColor(theme.highlight)),
                         (QPalette.HighlightedText, QColor(text_colour_on(theme.highlight))),
                         # links in the theme's accent: Qt's own blue was near black on the dark theme
                         (QPalette.Link, QColor(theme.highlight)), (QPalette.LinkVisited, QColor(theme.highlight))):
        palette.setColor(role, colour)
    palette.setColor(QPalette.Disabled, QPalette.Text, QColor("#808080"))
    palette.setColor(QPalette.Disabled, QPalette.WindowText, QColor("#808080"))
    palette.setColor(QPalette.Disabled, QPalette.ButtonText, QColor("#808080"))
    app.setPalette(palette)
    font = QFont(app.font())
    font.setPointSizeF(points)
    app.setFont(font)
    pg.setConfigOption("background", theme.background)
    pg.setConfigOption("foreground", theme.foreground)


class TextSizedStyle(QProxyStyle):
    """Fusion, with every check box's square as large as the text beside it: Fusion draws it at a fixed size
    (about 13 px at any text size, a speck beside x1.6 text on a projector) and draws it scaled in a larger room.
    Measured from each widget's own font, so it follows every text size change. Menu entries are a line's height
    wider than Fusion asks: in large type its margins fall short of what it draws, and it elided the entries to fit
    ("简体中文" showed as "简…文" at x1.3)."""

    # Qt asks the style for a metric dozens of times per change of scene, each call a trip into Python: the metrics
    # changed are looked up once here (a lookup of ``QStyle.PM_...`` makes a new enum member each time)
    MENU_ITEM = QStyle.CT_MenuItem
    INDICATOR_SIDES = frozenset((QStyle.PM_IndicatorWidth, QStyle.PM_IndicatorHeight))

    def sizeFromContents(self, kind, option, size, widget=None):  # noqa: N802 - Qt's name
        size = super().sizeFromContents(kind, option, size, widget)
        if kind == self.MENU_ITEM:
            size.setWidth(size.width() + option.fontMetrics.height())
        return size

    def pixelMetric(self, metric, option=None, widget=None):
        if metric not in self.INDICATOR_SIDES:
            return super().pixelMetric(metric, option, widget)
        fixed = super().pixelMetric(metric, option, widget)
        metrics = widget.fontMetrics() if widget is not None else QFontMetricsF(QApplication.font())
        return max(fixed, round(INDICATOR_EM * metrics.height()))


def hatch_masked(plot: pg.PlotItem, on: bool, theme: Theme) -> None:
    """Cells without a value (masked: NaN, which images leave transparent) hatched in the theme's ``masked`` grey, so
    that they differ from a value at either end of the colour map; off where nothing is masked (the hatching costs a
    paint)."""
    plot.vb.setBackgroundColor(QBrush(QColor(theme.masked), Qt.BDiagPattern) if on else None)


def edge_matrix(plot: pg.PlotItem) -> None:
    """Draw the edge of the matrix that fills ``plot`` (``MATRIX_EDGE``), so that its dark or light end cells do not
    merge with the background; two pixels wide (one was faint in a screenshot at 1920 x 1080)."""
    plot.vb.setBorder(pg.mkPen(MATRIX_EDGE, width=2))


def plain_numbers(axis: pg.AxisItem) -> None:
    """Tick labels as plain numbers, never scaled by an SI prefix. pyqtgraph's ``enableAutoSIPrefix(False)``
    still sets the prefix scale from the axis' range at that moment (a hidden view's slopes 0.5 were
    labelled 500 after a theme switch): the scale is pinned to 1."""
    axis.enableAutoSIPrefix(False)
    axis.autoSIPrefixScale = 1.0
    axis.labelUnitPrefix = ""
    axis.picture = None  # drawn again with the plain labels
    axis.update()


def style_plot(plot: pg.PlotItem, theme: Theme, points: float) -> None:
    """Axis pens, tick fonts and label sizes of one plot, for the theme and font size."""
    font = tick_font(points)
    for name in ("left", "bottom", "top", "right"):
        axis = plot.getAxis(name)
        if isinstance(axis, GridAxis):  # its opaque grid goes under the data, not over it
            axis.background = QColor(theme.background)
            axis.setZValue(-101)  # the ViewBox, holding the data, sits at -100
        axis.setPen(pg.mkPen(theme.foreground, width=max(1, round(points / 12))))
        axis.setTextPen(pg.mkPen(theme.foreground))
        axis.setStyle(tickFont=i18n.latin_first(font) if getattr(axis, "names_tokens", False) else font,
                      tickTextOffset=max(3, round(points / 3)))
        plain_numbers(axis)
        if axis.labelText:
            axis.setLabel(axis.labelText, units=axis.labelUnits, **{"font-size": f"{points:.0f}pt",
                                                                    "color": theme.foreground})
            if name == "top":
                room_under_top_name(axis, font)
    if plot.titleLabel.text:
        title(plot, plot.titleLabel.text, theme, points)


def room_under_top_name(axis: pg.AxisItem, tick_font: QFont) -> None:
    """Room between a named top axis's name and its tick names in ``tick_font``: pyqtgraph counts 80 % of the name's
    height, and the name would overlap the tick names. Given wherever a top axis is named (``style_plot``, and an image
    grid's ``name_axes``): set by the restyle only, a grid built ahead (restyled before it was named) was 8 px shorter
    than the same grid built on the switch (the outputs view's heatmap)."""
    axis.setStyle(autoExpandTextSpace=False, tickTextHeight=round(
        QFontMetricsF(tick_font).height() + 0.25 * axis.label.boundingRect().height()))


def tick_font(points: float) -> QFont:
    """The font of the tick names at text size ``points`` (``style_plot``'s)."""
    font = QFont()
    font.setPointSizeF(points * TICK_SCALE)
    return font


def label(plot: pg.PlotItem, side: str, text: str, theme: Theme, points: float) -> None:
    plot.setLabel(side, text, **{"font-size": f"{points:.0f}pt", "color": theme.foreground})


def bar_label(bar: pg.ColorBarItem, text: str, theme: Theme, points: float) -> None:
    """Name what a colour bar's values are (plain numbers, no SI prefix)."""
    plain_numbers(bar.getAxis("right"))
    label(bar, "right", text, theme, points)
    fit_bar_axis(bar)


def fit_bar_axis(bar: pg.ColorBarItem) -> None:
    """Let a colour bar's axis grow with its tick labels (pyqtgraph fixes it at 45 px, which drops
    the labels that do not fit at large text sizes); two levels of ticks, as on the matrices' axes, names on the
    larger only (a bar as tall as a page, or a figure's, named every tick: 21 names from -1 to 1). The colours end
    half a name (as pyqtgraph measures it, 0.4 of a line) inside the bar's box, so that the names centred on their ends
    stay in it: stacked panels put one bar's '0' over the '1.0' of the bar below (the real model's three panels in
    one column at 1024 x 768); a bar level with its images (``views.colour_bar.level_bar``) ends where they do. Call it
    again when the names' font changes."""
    axis = bar.getAxis("right")
    axis.setWidth(None)
    axis.setStyle(maxTickLevel=1, maxTextLevel=0)
    measure_names(axis)
    half_name = math.ceil(0.4 * QFontMetricsF(axis.style["tickFont"] or QFont()).height()) + 1
    for end in ("top", "bottom"):  # pyqtgraph's frame lines of the bar, without names
        bar.getAxis(end).setHeight(half_name)
    relevel = getattr(bar, "relevel", None)
    if relevel is not None:
        # its end names reach half a name past the colours, into the layout's margin (pyqtgraph drops one past 15 px:
        # the top '1.0' of the encoding's bar at x1.6)
        axis.setStyle(hideOverlappingLabels=max(half_name, 15))
        relevel()


def name_fewer_ticks(axis: pg.AxisItem, low: float, high: float, length: float) -> None:
    """Name a colour bar's ticks from ``low`` to ``high`` no closer than a line of names apart along its ``length``:
    pyqtgraph names at least two intervals' ticks however short the bar, and the encoding's bar, as short as its
    heatmap above the curves in large type, wrote '0.05', '0' and '-0.05' over each other. Spacings of 1, 2 and 5
    times a power of ten, the least that holds the names apart; pyqtgraph's own where its names stand apart."""
    spacing = None
    levels = compat.own_tick_spacing(axis, low, high, length) if high > low and length > 0 else []
    if levels:
        line = 0.8 * QFontMetricsF(axis.style["tickFont"] or QFont()).height()  # a name's box, as pyqtgraph has it
        spacing = levels[0][0]
        if spacing * length / (high - low) >= line:
            spacing = None
        while spacing is not None and spacing * length / (high - low) < line and spacing < high - low:
            power = 10.0 ** math.floor(math.log10(spacing) + 1e-9)
            spacing = next(step * power for step in (2.0, 5.0, 10.0) if step * power > spacing * (1 + 1e-9))
    if (None if spacing is None else [(spacing, 0.0), (spacing / 2, 0.0)]) != compat.tick_spacing(axis):
        axis.setTickSpacing(spacing, None if spacing is None else spacing / 2)
        measure_names(axis)


def title(plot: pg.PlotItem, text: str, theme: Theme, points: float) -> None:
    """Set ``plot``'s title; an empty one takes no room (pyqtgraph keeps a row for an empty text)."""
    if not text:
        plot.titleLabel.setText("")
        plot.setTitle(None)
        return
    plot.setTitle(keep_words_whole(keep_short_words_attached(text)), size=f"{points:.0f}pt", color=theme.foreground)  # wraps between words
    plot.titleLabel.text = text  # as written: views compare it with the title they want
    fit_title_row(plot)


def fit_title_row(plot: pg.PlotItem) -> None:
    """Make the title's row as tall as its text, on one line or wrapped (pyqtgraph fixes it at 30 px,
    which cuts off large or wrapped titles)."""
    if plot.titleLabel.text:
        height = plot.titleLabel.itemRect().height()
        plot.titleLabel.setMaximumHeight(height)
        plot.layout.setRowFixedHeight(0, height)


def colour_map(signed: bool, maps: ColourMaps = ColourMaps()) -> pg.ColorMap:
    """The map of ``maps`` (the defaults unless told) for signed data (diverging, levels symmetric about 0), else for
    values from 0 up (sequential)."""
    return pg.colormap.get(maps.name(signed))


def colour_map_swatch(name: str, width: int, height: int) -> QPixmap:
    """A small picture of map ``name``, left to right, for a menu."""
    colours = pg.colormap.get(name).getLookupTable(nPts=width, alpha=False).astype(np.uint8)
    image = QImage(np.ascontiguousarray(np.repeat(colours[None], height, axis=0)).data, width, height,
                   3 * width, QImage.Format_RGB888)
    return QPixmap.fromImage(image.copy())


def text_colours_on(cmap: pg.ColorMap, fractions) -> np.ndarray:
    """Black or white ("#000000" or "#ffffff") for each of ``fractions`` (0 to 1 of ``cmap``'s range), whichever
    contrasts more with the colour the map gives it (WCAG relative luminance: black text from 0.179 up).
    One vectorised pass: a cell at a time was slow for the hundreds of cells of the attention view."""
    return text_colours_for(cmap.map(np.clip(np.asarray(fractions, dtype=float), 0.0, 1.0), mode="float")[..., :3])


def text_colours_for(rgb) -> np.ndarray:
    """Black or white for text on each colour of ``rgb`` (sRGB, 0 to 1, last axis red, green, blue): the one with the
    higher WCAG contrast ratio, which is black from a relative luminance of 0.179 up. The app's one rule for it."""
    return np.where(relative_luminance(rgb) > 0.179, "#000000", "#ffffff")


def text_colour_on(colour: str) -> str:
    """Black or white for text on ``colour`` ("#rrggbb"), by the rule of ``text_colours_for``."""
    return str(text_colours_for(QColor(colour).getRgbF()[:3]))


def relative_luminance(rgb) -> np.ndarray:
    """WCAG relative luminance of sRGB colours (0 to 1, last axis red, green, blue)."""
    rgb = np.asarray(rgb, dtype=float)
    linear = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    return linear @ np.array([0.2126, 0.7152, 0.0722])


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast ratio of two colours given by name ("#rrggbb"), from 1 (alike) to 21 (black on white)."""
    lighter, darker = sorted((float(relative_luminance(QColor(name).getRgbF()[:3])) for name in (first, second)),
                             reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
