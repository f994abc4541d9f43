"""A lesson's formulas: typeset ahead of time (``resources/formulas/NAME.svg``, made by ``scripts/make_formulas.py``)
and drawn in a label with letters as large as the text's."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QLabel

from ....paths import resource
from ... import i18n, style

FORMULA_POINTS = 22.0  # the size scripts/make_formulas.py renders at
# Computer Modern's x-height in ems (cmr10 and cmmi10): make_formulas.py sets the formulas in it, whose letters are
# smaller than the interface font's at one size, so a formula is scaled to the text's x-height instead
FORMULA_X_HEIGHT = 0.430555
FORMULA_CAP_HEIGHT = 0.683333  # ... and its capitals' height: a formula is drawn no smaller than capitals as the text's


def formula_svg(name: str, colour: str) -> bytes:
    """The SVG of formula ``name`` with its glyphs in ``colour`` (they are drawn black by default): ``NAME.<code>.svg``
    in the interface language where there is one (words in a formula stayed English in Chinese)."""
    return _formula_svg(name, colour, i18n.language())


@lru_cache(maxsize=64)
def _formula_svg(name: str, colour: str, language: str) -> bytes:
    variant = resource("formulas", f"{name}.{language}.svg")
    data = (variant if variant.is_file() else resource("formulas", f"{name}.svg")).read_bytes()
    return data.replace(b"<svg ", f'<svg fill="{colour}" '.encode(), 1)


class FormulaLabel(QLabel):
    """Shows one typeset formula with letters as large as the text's (read from the back row like the text beside it),
    in the theme's text colour; ``shrink`` (at most 1) scales it down to fit a narrow window."""

    def __init__(self, name: str, parent=None):
        super().__init__(parent)
        self.name = name
        self.shrink = 1.0
        self.setAlignment(Qt.AlignLeft | Qt.AlignVCenter)
        self.set_look(style.theme_named("light"), style.BASE_POINTS)

    def set_look(self, theme: style.Theme, points: float) -> None:
        self.renderer = QSvgRenderer(QByteArray(formula_svg(self.name, theme.foreground)))
        self.points = points
        self._render()

    def full_scale(self) -> float:
        """The scale of the SVG (set at ``FORMULA_POINTS``) at which its x-height is the text's, at the text size."""
        font = QFont(self.font())
        font.setPointSizeF(self.points)
        return QFontMetricsF(font).xHeight() / (FORMULA_X_HEIGHT * FORMULA_POINTS)

    def capitals_shrink(self) -> float:
        """The shrink at which the formula's capitals are as tall as the text's (its small letters then a little
        smaller than the text's): the least a formula is drawn at to leave the plots room."""
        font = QFont(self.font())
        font.setPointSizeF(self.points)
        return QFontMetricsF(font).capHeight() / (FORMULA_CAP_HEIGHT * FORMULA_POINTS) / self.full_scale()

    def natural_width(self) -> float:
        """Width in pixels at the full size."""
        return self.renderer.defaultSize().width() * self.full_scale()

    def shrink_to(self, shrink: float) -> None:
        if abs(shrink - self.shrink) > 0.005:
            self.shrink = shrink
            self._render()

    def _render(self) -> None:
        size = self.renderer.defaultSize()
        scale = self.full_scale() * self.shrink * self.devicePixelRatioF()
        pixmap = QPixmap(QSize(max(1, round(size.width() * scale)), max(1, round(size.height() * scale))))
        pixmap.fill(Qt.transparent)
        painter = QPainter(pixmap)
        self.renderer.render(painter)
        painter.end()
        pixmap.setDevicePixelRatio(self.devicePixelRatioF())
        self.setPixmap(pixmap)
