"""Where the shipped data (``resources/``) lives: in a source tree, an installed wheel or a frozen app."""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def resources_dir() -> Path:
    """The ``resources`` folder: beside the package (source tree, editable install, frozen app)
    or inside it (a wheel maps ``resources/`` to ``posenc_gui/resources``)."""
    candidates = [_PACKAGE.parent / "resources", _PACKAGE / "resources"]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.insert(0, Path(frozen) / "resources")
    for path in candidates:
        if path.is_dir():
            return path
    raise FileNotFoundError("the resources folder of PosEnc Explorer is missing; reinstall the app")


def resource(*parts: str) -> Path:
    """Path of one shipped file, e.g. ``resource("decks", "default.json")``."""
    return resources_dir().joinpath(*parts)
