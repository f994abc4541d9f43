"""Formulas are typeset ahead of time: every resources/formulas/NAME.tex has its NAME.svg, and each
loads as a valid SVG in the theme's colour."""

import subprocess
import sys
from pathlib import Path

from posenc_gui.app.views.lessons.formula_label import formula_svg

ROOT = Path(__file__).resolve().parents[1]
FORMULAS = ROOT / "resources" / "formulas"


def test_every_formula_source_has_its_svg():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_formulas.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_formulas_render_in_the_theme_colour(qapp):
    from PySide6.QtCore import QByteArray
    from PySide6.QtSvg import QSvgRenderer

    names = [p.stem for p in FORMULAS.glob("*.tex")]
    assert names
    for name in names:
        data = formula_svg(name, "#f0f0f0")
        assert b'fill="#f0f0f0"' in data
        renderer = QSvgRenderer(QByteArray(data))
        assert renderer.isValid() and renderer.defaultSize().width() > 0, name
