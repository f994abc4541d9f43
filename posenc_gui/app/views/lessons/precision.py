"""Lesson: the precision lens, an angle formed in float32 / float16 / bfloat16 against float64, and the
mod-2pi reduction that keeps the error at the format's resolution."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt

from ....core import registry
from ....core.lessons import precision
from ....core.lessons.precision import PrecisionCurves
from ....core.analysis import DTYPES
from ....core.registry import Method
from ... import style
from ...state import Scene
from ..base import listed
from ..cell_numbers import fmt
from .frequency_lesson import FrequencyLesson, decade_ticks, positive


DTYPE_COLOURS = {"float32": 0, "float16": 1, "bfloat16": 2}


class PrecisionLesson(FrequencyLesson):
    """Max |sin error| of an angle formed in float32 / float16 / bfloat16, against position."""

    key = "precision"
    plots_ahead = 1
    title = QT_TRANSLATE_NOOP("PrecisionLesson", "Precision lens")
    data_fields = ("method", "params")  # the step chooses the curves shown of the same data
    formulas = ("angle_precision", "angle_reduction")
    steps = (QT_TRANSLATE_NOOP("PrecisionLesson", "float32 angles"),
             QT_TRANSLATE_NOOP("PrecisionLesson", "float16 and bfloat16"),
             QT_TRANSLATE_NOOP("PrecisionLesson", "the fix: reduce modulo 2π in float64 first"))

    def explanation(self) -> str:
        return self.tr(
            "A float keeps a fixed number of significant bits, so the angle <i>p</i>·ω is off by about "
            "<i>p</i>·ω·2<sup>−t</sup>: the error of sin grows with the position. Once it nears 1 the "
            "encoding is noise. float16 cannot even hold a position past 65504. Reducing the angle modulo 2π "
            "in float64 before rounding keeps it below 2π, and the error stays at the format's resolution.")

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        self.data: PrecisionCurves | None = None
        self.plot: pg.PlotItem | None = None
        self.legend: pg.LegendItem | None = None
        self.curve_items: dict[tuple[str, bool], pg.PlotDataItem] = {}
        self.curves: list[tuple[str, np.ndarray]] = []  # (legend name, errors) of the curves shown, for hovering

    @staticmethod
    def applies_to(method: Method) -> bool:
        return True

    @staticmethod
    def fetch(scene: Scene):
        if "frequencies" in scene.method_obj.outputs:
            frequencies = scene.compute("frequencies", display=False)
        else:
            frequencies = registry.get("sinusoidal").compute("frequencies")
        return precision.precision_curves(frequencies)

    def set_look(self, theme, points) -> None:
        """The plot is built anew in the new look."""
        super().set_look(theme, points)
        self.plot = None
        if self.data is not None:
            self.show_data(self.model.scene, self.data)

    def _build(self) -> None:
        """The log-log plot with all six curves (naive and reduced, per format) and its legend."""
        self.clear_plots()
        self.plot = plot = self.new_plot(0, 0)
        plot.setLogMode(x=True, y=True)
        plot.showGrid(x=True, y=True, alpha=0.3)
        self.legend = self.legend_for(plot, offset=(-10, -10))
        width = max(2.5, self.points / 4)
        self.curve_items = {}
        for fixed in (False, True):
            for dtype in DTYPES:
                colour = style.curve_colour(DTYPE_COLOURS[dtype], self.theme)
                pen = pg.mkPen(colour, width=width, style=Qt.DashLine if fixed else Qt.SolidLine)
                self.curve_items[dtype, fixed] = plot.plot([], [], pen=pen, connect="finite")
        plot.setRange(xRange=(0, 6), yRange=(-10, 0.5), padding=0.02)
        plot.getAxis("bottom").setTicks(decade_ticks(0, 6))
        plot.getAxis("left").setTicks(decade_ticks(-10, 0))
        style.title(plot, self.tr("max |sin error| over all pairs, against float64"), self.theme, self.points)
        style.label(plot, "bottom", self.tr("position p"), self.theme, self.points)
        style.label(plot, "left", self.tr("max |sin error|"), self.theme, self.points)
        style.style_plot(plot, self.theme, self.points)

    def curve_name(self, dtype: str, fixed: bool) -> str:
        return self.tr("{0}, reduced mod 2π first").format(dtype) if fixed else dtype

    def show_data(self, scene: Scene, data: PrecisionCurves) -> None:
        """All six curves take the new data (in a plot built for the look when there is none); the step chooses
        which are shown."""
        self.data = data
        if self.plot is None:
            self._build()
        for (dtype, fixed), item in self.curve_items.items():
            item.setData(data.positions, positive((data.reduced if fixed else data.naive)[dtype]), connect="finite")
        self.show_selection(scene, data)

    def show_selection(self, scene: Scene, data: PrecisionCurves) -> None:
        """Show the curves of the step (float32 only, then every format, then the reduced ones too), list them in the
        legend and say what they show: the data is drawn already."""
        self.show_step()
        step = self.step
        dtypes = DTYPES[:1] if step == 0 else DTYPES
        shown = {key: item for key, item in self.curve_items.items()
                 if key[0] in dtypes and (step == 2 or not key[1])}
        if [sample.item for sample, _label in self.legend.items] != list(shown.values()):  # a legend entry is made
            self.legend.clear()  # anew each time: only for another step's curves
            for (dtype, fixed), item in shown.items():
                self.legend.addItem(item, self.curve_name(dtype, fixed))
        positions = data.positions
        self.curves = []
        self.shown = {"positions": positions}
        for (dtype, fixed), item in self.curve_items.items():
            item.setVisible((dtype, fixed) in shown)
            if (dtype, fixed) in shown:
                errors = (data.reduced if fixed else data.naive)[dtype]
                self.curves.append((self.curve_name(dtype, fixed), errors))
                self.shown[f"{dtype}_{'reduced' if fixed else 'naive'}"] = errors
        checked = " · ".join(self.tr("p = {0}: {1}").format(f"{position:.0e}", f"{error:.1e}")
                             for position, error in data.checked.items())
        text = self.tr("float32 angle error, computed here: {0}.").format(checked)
        if data.pairs == 0:
            text = self.tr("No pair of channels rotates here (the head is narrower than two channels): there is "
                           "no angle whose precision could be lost, and nothing to draw.")
        elif step == 2:
            text += " " + self.tr("With the reduction first: at most {0} for float32.").format(
                f"{data.worst_reduced['float32']:.1e}")
        self.facts.setText(text)

    def hover_text(self, plot, x, y) -> str:
        if plot is not self.plot or not self.curves:
            return ""
        positions = self.data.positions
        index = int(np.argmin(np.abs(np.log10(positions) - x)))
        values = listed(f"{name} {fmt(errors[index])}" for name, errors in self.curves)
        return self.tr("p = {0}: {1}").format(fmt(positions[index]), values)
