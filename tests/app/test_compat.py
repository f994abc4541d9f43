"""The private pyqtgraph and superqt internals the app uses (posenc_gui/app/compat.py) are there in the installed
versions; a release that renamed one fails here, by name, not in a paint."""

import pyqtgraph as pg

from posenc_gui.app import compat


def test_the_installed_libraries_have_every_internal_the_app_uses(qapp):
    assert compat.missing_internals() == [], "update posenc_gui/app/compat.py for the installed pyqtgraph / superqt"


def test_an_internal_that_a_release_renamed_is_named(qapp, monkeypatch):
    monkeypatch.delattr(pg.AxisItem, compat.AXIS_HOOK)
    monkeypatch.setattr(compat, "IMAGE_RECORDS", (*compat.IMAGE_RECORDS, "_renamedRecord"))
    assert compat.missing_internals() == ["pyqtgraph.ImageItem._renamedRecord", "pyqtgraph.AxisItem._updateMaxTextSize()"]


def test_no_other_module_reaches_into_the_libraries_privately():
    """Outside compat.py, the app names no private attribute of pyqtgraph or superqt (style.GridAxis's override of
    the axis hook excepted: it is the hook compat checks)."""
    import re
    from pathlib import Path

    root = Path(compat.__file__).parents[1]
    private = re.compile(r"\._(?:imageHasNans|processingBuffer|displayBuffer|renderRequired|unrenderable|tickLevels|"
                         r"tickSpacing|update_size)\b|superqt\.\w+\._|self\._updateMaxTextSize\(")
    found = [f"{path.relative_to(root)}:{number}" for path in root.rglob("*.py") if path.name != "compat.py"
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if private.search(line)]
    assert found == []
