"""Baseline for start-up and size: a bare PySide6 + pyqtgraph window, frozen like the app (hello.spec)."""

import sys

if "--version" in sys.argv:
    print("hello-world 1.0")
    sys.exit(0)

import numpy as np
import pyqtgraph as pg
from PySide6 import QtWidgets

app = QtWidgets.QApplication(sys.argv)
plot = pg.PlotWidget()
plot.plot(np.sin(np.linspace(0, 2 * np.pi, 200)))
plot.setWindowTitle("hello-world baseline")
plot.resize(800, 600)
plot.show()
sys.exit(app.exec())
