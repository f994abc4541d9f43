"""Where the app may write its own files (settings, crash log): Qt's standard locations, and only those
that lie in a real home.

With HOME unset Qt answers with folders under the file-system root ("//.config"), and with HOME pointing
nowhere with folders under that path; run as root, the app would create both. So a location is usable only
when the home folder exists and is not the root, the location is inside it or exists already (an
XDG_CONFIG_HOME elsewhere, say), and its nearest existing folder can be written to. Otherwise the caller
runs without writing anything.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QDir, QStandardPaths


def _nearest_existing(path: Path) -> Path:
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def usable(kind: QStandardPaths.StandardLocation) -> Path | None:
    """Qt's writable location of this kind when the app may create and write files in it, else None."""
    home = Path(QDir.homePath())
    if home == Path(QDir.rootPath()) or not home.is_dir():
        return None
    text = QStandardPaths.writableLocation(kind)
    if not text:
        return None
    location = Path(text)
    if not location.is_absolute():
        return None
    if not (location.is_dir() or location.resolve().is_relative_to(home.resolve())):
        return None
    if not os.access(_nearest_existing(location), os.W_OK):
        return None
    return location
