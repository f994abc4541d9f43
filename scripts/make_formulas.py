#!/usr/bin/env python3
"""Typeset every formula of the app ahead of time: ``resources/formulas/NAME.tex`` (one line of
matplotlib mathtext, a subset of LaTeX) becomes ``resources/formulas/NAME.svg`` beside it. A formula with words has a
variant per interface language, ``NAME.<code>.tex``, whose words outside ``$...$`` are set in that language's font
(``TEXT_FONTS``); the app shows it in that language. Space such words with ``$\ $``: a space outside ``$...$`` is an
empty glyph that Qt's SVG renderer warns about.

    .venv/bin/python scripts/make_formulas.py          # (re)write every SVG that is missing or older
    .venv/bin/python scripts/make_formulas.py --check  # exit 1 if any SVG is missing or stale

The glyphs are drawn as black paths on a transparent background; the app recolours black to the
theme's text colour when it loads one (``posenc_gui.app.views.lessons.formula_label.formula_svg``). No LaTeX
installation is needed, here or at run time. Needs matplotlib (the test extra).
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

FOLDER = Path(__file__).resolve().parents[1] / "resources" / "formulas"
POINTS = 22
TEXT_FONTS = {"zh": "Noto Sans CJK SC"}  # the words of NAME.<code>.tex; drawn as paths, so not needed at run time
DEFAULT_FONT = "DejaVu Sans"  # matplotlib's own


def render(tex: str, font: str = DEFAULT_FONT) -> bytes:
    import matplotlib

    matplotlib.use("svg")
    matplotlib.rcParams.update({"svg.fonttype": "path", "svg.hashsalt": "posenc", "mathtext.fontset": "cm",
                                "font.family": font})
    from matplotlib.figure import Figure

    figure = Figure()
    figure.text(0, 0, tex, fontsize=POINTS, color="#000000")
    out = io.BytesIO()
    figure.savefig(out, format="svg", transparent=True, bbox_inches="tight", pad_inches=0.04,
                   metadata={"Date": None, "Creator": None})
    return out.getvalue()


def stale(tex: Path) -> bool:
    svg = tex.with_suffix(".svg")
    return not svg.exists() or svg.stat().st_mtime < tex.stat().st_mtime


def main(argv: list[str]) -> int:
    sources = sorted(FOLDER.glob("*.tex"))
    if "--check" in argv:
        missing = [t.name for t in sources if not t.with_suffix(".svg").exists()]
        for name in missing:
            print(f"make_formulas: {name} has no SVG; run scripts/make_formulas.py", file=sys.stderr)
        return 1 if missing else 0
    for tex in sources:
        if stale(tex) or "--all" in argv:
            text = tex.read_text(encoding="utf-8").strip()
            try:
                language = tex.stem.rpartition(".")[2] if "." in tex.stem else ""
                tex.with_suffix(".svg").write_bytes(render(text, TEXT_FONTS.get(language, DEFAULT_FONT)))
            except ValueError as error:
                print(f"make_formulas: {tex.name}: {error}", file=sys.stderr)
                return 1
            print(f"wrote {tex.with_suffix('.svg').name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
