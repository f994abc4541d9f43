"""Rules of the code that a reader would otherwise have to check by hand."""

import re
from pathlib import Path

PACKAGE = Path(__file__).parents[1] / "posenc_gui"


def test_signals_are_blocked_with_superqt_so_an_error_cannot_leave_them_blocked():
    """A bare ``blockSignals(True)`` ... ``blockSignals(False)`` pair leaves a widget deaf when anything between
    raises; ``superqt.utils.signals_blocked`` unblocks in any case. (A model blocked for good before it is deleted
    needs no pair.)"""
    pairs = [f"{path.relative_to(PACKAGE)}:{number}" for path in sorted(PACKAGE.rglob("*.py"))
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if "blockSignals(False)" in line]
    assert not pairs, pairs


def test_text_documents_are_copied_by_python_not_cloned():
    """``QTextDocument.clone()`` returns a document PySide6 leaves to C++, and nothing deletes it: each measured title
    stayed in memory (the soak grew tens of MB per thousand changes). ``readable.document_copy`` makes one Python
    frees."""
    clones = [f"{path.relative_to(PACKAGE)}:{number}" for path in sorted(PACKAGE.rglob("*.py"))
              for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
              if ".clone()" in re.sub("``.*?``", "", line.split("#")[0])]  # code, not words about it
    assert not clones, clones
