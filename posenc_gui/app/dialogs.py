"""The About dialog: versions of the app and everything it runs on, and the licence texts."""

from __future__ import annotations

import platform
import sys
from pathlib import Path

import numpy as np
import pyqtgraph as pg
import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QListWidget, QPlainTextEdit,
                               QVBoxLayout, QWidget)

from .. import __version__
from ..paths import resources_dir

def licenses_dir() -> Path | None:
    """The folder of licence texts shipped in ``resources/licenses``; None when it is missing."""
    try:
        folder = resources_dir() / "licenses"
    except FileNotFoundError:
        return None
    return folder if folder.is_dir() else None


def versions() -> list[tuple[str, str]]:
    """(component, version) of the app and everything it runs on."""
    return [
        ("PosEnc Explorer", __version__),
        ("Python", f"{platform.python_version()} ({sys.platform})"),
        ("Qt", qVersion()),
        ("PySide6", PySide6.__version__),
        ("pyqtgraph", pg.__version__),
        ("NumPy", np.__version__),
    ]


class AboutDialog(QDialog):
    """Versions at the top; below, the licence files in a list and the chosen one's text."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("About PosEnc Explorer"))
        layout = QVBoxLayout(self)
        rows = "".join(f"<tr><td><b>{name}</b>&nbsp;&nbsp;</td><td>{version}</td></tr>" for name, version in versions())
        intro = QLabel(self.tr("Transformer positional encodings and self-attention, visible and live.")
                       + f"<br><table>{rows}</table>")
        intro.setTextFormat(Qt.RichText)
        intro.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("Licences of the app and of everything it bundles:")))
        self.files = QListWidget()
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.WidgetWidth)
        mono = QFontDatabase.systemFont(QFontDatabase.FixedFont)
        mono.setPointSizeF(self.font().pointSizeF() * 0.85)
        self.text.setFont(mono)
        row = QHBoxLayout()
        row.addWidget(self.files, 1)
        row.addWidget(self.text, 3)
        layout.addLayout(row, 1)
        folder = licenses_dir()
        # the app's own licence first, then the others by name
        self.paths = sorted(folder.glob("*.txt") if folder is not None else [],
                            key=lambda path: (not path.name.startswith("PosEnc"), path.name.lower()))
        if self.paths:
            self.files.addItems([path.stem for path in self.paths])
            self.files.currentRowChanged.connect(self._show_licence)
            self.files.setCurrentRow(0)
        else:
            self.files.setVisible(False)
            self.text.setPlainText(self.tr("The licence texts are missing from this installation."))
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        em = self.font().pointSizeF()
        self.resize(int(em * 75), int(em * 50))

    def _show_licence(self, row: int) -> None:
        try:
            self.text.setPlainText(self.paths[row].read_text(encoding="utf-8", errors="replace"))
        except OSError as error:
            self.text.setPlainText(self.tr("Cannot read {0}: {1}").format(self.paths[row].name, error.strerror))

