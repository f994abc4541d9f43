"""``readable.document_copy``: a copy of a text document that lays out as the original and that Python owns (a
``clone()`` is left to C++ and never deleted)."""

import pytest
from PySide6.QtGui import QFont, QTextDocument, QTextOption
from shiboken6 import Shiboken

from posenc_gui.app.views.readable import document_copy


@pytest.fixture
def document(qapp):
    shown = QTextDocument()
    font = QFont()
    font.setPointSizeF(23.0)
    shown.setDefaultFont(font)
    shown.setDocumentMargin(7.0)
    option = QTextOption()
    option.setWrapMode(QTextOption.WordWrap)
    shown.setDefaultTextOption(option)
    shown.setHtml("<b>frequency</b> of each pair (rad / position)")
    return shown


def test_the_copy_is_owned_by_python_where_a_clone_is_not(document):
    assert not Shiboken.ownedByPython(document.clone())  # why the copy exists: a clone nobody deletes
    assert Shiboken.ownedByPython(document_copy(document))


@pytest.mark.parametrize("width", [-1.0, 60.0, 150.0, 400.0])
def test_the_copy_lays_out_as_the_original(document, width):
    copy = document_copy(document)
    copy.setTextWidth(width)
    document.setTextWidth(width)
    assert copy.size() == document.size()
    assert copy.idealWidth() == document.idealWidth()
