"""The private pyqtgraph and superqt internals the app uses (posenc_gui/app/compat.py) are there in the installed
versions; a release that renamed one fails here, by name, not in a paint."""

import pyqtgraph as pg
import superqt

from posenc_gui.app import compat


def test_the_installed_libraries_have_every_internal_the_app_uses(qapp):
    missing = compat.missing_internals()
    assert missing == [], (f"pyqtgraph {pg.__version__} / superqt {superqt.__version__} lack {', '.join(missing)}: "
                           "update posenc_gui/app/compat.py")


def test_an_internal_that_a_release_renamed_is_named(qapp, monkeypatch):
    monkeypatch.delattr(pg.AxisItem, compat.AXIS_HOOK)
    monkeypatch.delattr(pg.GraphicsLayout, compat.LAYOUT_BORDER_HOOK)
    monkeypatch.setattr(compat, "IMAGE_RECORDS", (*compat.IMAGE_RECORDS, "_renamedRecord"))
    monkeypatch.setattr(compat, "LEGEND_RECORDS", (*compat.LEGEND_RECORDS, "renamedEntries"))
    assert compat.missing_internals() == ["pyqtgraph.ImageItem._renamedRecord", "pyqtgraph.AxisItem._updateMaxTextSize()",
                                          "pyqtgraph.GraphicsLayout._updateItemBorder()",
                                          "pyqtgraph.LegendItem.renamedEntries"]


def test_no_other_module_reaches_into_the_libraries_privately():
    """Outside compat.py, the app names no private attribute of pyqtgraph or superqt (axes.GridAxis's override of
    the axis hook excepted: it is the hook compat checks)."""
    import re
    from pathlib import Path

    root = Path(compat.__file__).parents[1]
    private = re.compile(r"\._(?:imageHasNans|processingBuffer|displayBuffer|renderRequired|unrenderable|tickLevels|"
                         r"tickSpacing|update_size|updateItemBorder)\b|superqt\.\w+\._|self\._updateMaxTextSize\(|"
                         r"\.(?:itemBorders|ci\.rows)\b|legend\.layout\b")
    found = [f"{path.relative_to(root)}:{number}" for path in root.rglob("*.py") if path.name != "compat.py"
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if private.search(line)]
    assert found == []
