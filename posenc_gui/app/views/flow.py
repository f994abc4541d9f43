"""A layout that wraps a row of widgets onto more lines when its width runs out (formulas, controls), and a text
box for such a row that asks for the width of its text."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QLayout, QLineEdit, QWidget

USUAL_CHARS = 17  # the width of Qt's own size hint for a line edit, in x's (QLineEdit::sizeHint)


class FlowLayout(QLayout):
    """Widgets left to right at their size hints, wrapping onto the next line when the width runs out (a row of
    formulas or controls on a narrow or zoomed window), edge to edge (it has no margins); one wider than a whole line
    gets the line, and the height it asks for at that width (a wrapped text). A widget made to ``fill_line`` takes the
    rest of its line (a box of sentences, a long explanation). Not superqt's QFlowLayout: it (0.9) gives hidden
    widgets their room, and a lesson hides the formulas of the other steps."""

    def __init__(self, spacing: int, parent=None):
        # width -> height, until the layout is invalidated (Qt invalidates it when an item's hint or visibility
        # changes): the window, a lesson's header fit and each drawing's check of the plots' room ask it for the same
        # widths again and again, and each answer asked every item for its size (set first: Qt invalidates a layout
        # while making it)
        self._heights: dict[int, int] = {}
        super().__init__(parent)
        self.items = []
        self.gap = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item) -> None:
        self.items.append(item)
        self.invalidate()

    def count(self) -> int:
        return len(self.items)

    def itemAt(self, index: int):
        return self.items[index] if 0 <= index < len(self.items) else None

    def takeAt(self, index: int):
        if not 0 <= index < len(self.items):
            return None
        self.invalidate()
        return self.items.pop(index)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        height = self._heights.get(width)
        if height is None:
            margins = self.contentsMargins()
            inside = self._inside(QRect(0, 0, width, 0))
            height = self._heights[width] = self._arrange(inside, move=False) + margins.top() + margins.bottom()
        return height

    def invalidate(self) -> None:
        self._heights.clear()
        super().invalidate()

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(self._inside(rect), move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        """The largest item's minimum, with the margins above and below but not beside: on a page barely wide enough
        for that item, the side margins give way rather than widen the page past the window."""
        size = QSize()
        for item in self.items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return QSize(size.width(), size.height() + margins.top() + margins.bottom()) if not size.isEmpty() else size

    def _inside(self, rect: QRect) -> QRect:
        """``rect`` within the margins; the side margins narrowed as far as the widest item needs (``minimumSize``)."""
        margins = self.contentsMargins()
        widest = max((item.minimumSize().width() for item in self.items
                      if item.widget() is None or not item.widget().isHidden()), default=0)
        side = max(0, min(margins.left(), (rect.width() - widest) // 2))
        return rect.adjusted(side, margins.top(), -side, -margins.bottom())

    def _arrange(self, rect: QRect, move: bool) -> int:
        """Place the items in ``rect`` (when ``move``); the height they take."""
        x, y, line_height = rect.x(), rect.y(), 0
        for item in self.items:
            if item.widget() is not None and item.widget().isHidden():
                continue  # a formula of another step takes no room
            hint = item.sizeHint()
            if rect.width() > 0:
                hint.setWidth(min(hint.width(), rect.width()))
            if x > rect.x() and x + hint.width() > rect.right() + 1:
                x, y, line_height = rect.x(), y + line_height + self.gap // 3, 0
            if rect.width() > 0 and item.widget() is not None and item.widget().sizePolicy().horizontalStretch():
                hint.setWidth(rect.right() + 1 - x)
            if item.hasHeightForWidth():
                hint.setHeight(item.heightForWidth(hint.width()))
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self.gap
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y()


def fill_line(widget: QWidget) -> QWidget:
    """``widget``, made to take the rest of its line in a ``FlowLayout``: a horizontal stretch in its size policy (as a
    box layout's stretch). Not every widget that may grow: a line edit's policy expands, and the attention view's
    sentence box then pushed the boxes after it onto a line more, and its matrix lost that height."""
    policy = widget.sizePolicy()  # the rest of it kept: a wrapping label's height for width
    policy.setHorizontalStretch(1)
    widget.setSizePolicy(policy)
    return widget


class SentenceBox(QLineEdit):
    """A line edit that asks for the width of its text (at least Qt's usual width), so that a wrapping row, which
    gives it its size hint, shows the whole sentence: at the usual width the attention view's row showed "at chases
    the mouse" of "the cat chases the mouse" at 1280 x 800. ``FlowLayout`` keeps it within a line."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.textEdited.connect(self.updateGeometry)

    def setText(self, text: str) -> None:
        """Also asks for the new width when set with its signals blocked (as a view sets it from the scene)."""
        super().setText(text)
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        metrics = self.fontMetrics()
        around = hint.width() - metrics.horizontalAdvance("x") * USUAL_CHARS  # frame, margins and padding
        text = metrics.horizontalAdvance(self.text()) + around + 1  # and the cursor after the last letter
        return QSize(max(hint.width(), text), hint.height())
