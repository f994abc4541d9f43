"""The Chinese interface shows no English text that has a Chinese translation: every view (and the
every-output view with every output), its lesson steps, the panel, menus, tooltips, plot titles and axes
and the status-bar text of hovering each plot are walked, as a lecturer clicking through would see them."""

import html
import re
import xml.etree.ElementTree as ET

import pyqtgraph as pg
import pytest
from PySide6.QtWidgets import QAbstractButton, QComboBox, QGroupBox, QLabel, QTabBar, QWidget

from posenc_gui.app import i18n
from posenc_gui.app.dialogs import AboutDialog
from posenc_gui.app.panel import tooltip
from posenc_gui.app.state import Scene
from posenc_gui.app.views import VIEWS, applies
from posenc_gui.app.views.base import listed
from posenc_gui.app.window import MainWindow
from posenc_gui.core import registry
from tests.test_translations import TS

WORD = re.compile(r"[A-Za-z]{3,}")
FIELD = re.compile(r"\\\{\d+\\\}")
TAG = re.compile(r"<[^>]+>")
CITATION = re.compile(r"<i>.*?</i>", re.S)  # works cited keep their published titles
# Where a shown text is cut into the pieces that are looked up (a title "distances" inside "… : distances")
PIECES = re.compile(r"[\n:：，,；;（）()·—\[\]]+")


def translated_english() -> re.Pattern:
    """One pattern matching, whole, any English source text whose Chinese translation differs from it
    ("{0}" fields match anything). Sources without a word of three letters are left out ("B", "{0}: {1}")."""
    patterns = set()
    for message in ET.parse(TS).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        texts = [form.text or "" for form in translation.findall("numerusform")] or [translation.text or ""]
        if source in texts or not WORD.search(re.sub(r"\{\d+\}", "", source)):
            continue
        for line in source.splitlines():
            if WORD.search(re.sub(r"\{\d+\}", "", line)):
                patterns.add(FIELD.sub(".+?", re.escape(line.strip())))
    return re.compile("|".join(sorted(patterns, key=len, reverse=True)))


def shown_texts(root: QWidget) -> set[str]:
    """Every text a visible widget of ``root`` shows or tells on hover, and the texts in its plots."""
    texts = set()
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        texts.add(widget.toolTip())
        if isinstance(widget, QLabel):
            texts.add(widget.text())
        elif isinstance(widget, QAbstractButton):
            texts.add(widget.text())
        elif isinstance(widget, QComboBox):
            texts.update(widget.itemText(i) for i in range(widget.count()))
        elif isinstance(widget, QGroupBox):
            texts.add(widget.title())
        elif isinstance(widget, QTabBar):
            texts.update(widget.tabText(i) for i in range(widget.count()))
        elif isinstance(widget, pg.GraphicsView):
            for item in widget.scene().items():
                if isinstance(item, pg.LabelItem):
                    texts.add(item.text)
                elif isinstance(item, pg.AxisItem):
                    texts.add(item.labelText)
                elif hasattr(item, "toPlainText"):
                    texts.add(item.toPlainText())
    return texts


def menu_texts(window) -> set[str]:
    texts, menus = set(), [action.menu() for action in window.menuBar().actions()]
    while menus:
        menu = menus.pop()
        texts.add(menu.title())
        for action in menu.actions():
            texts.update((action.text(), action.toolTip()))
            if action.menu():
                menus.append(action.menu())
    return texts


def hover_texts(view) -> set[str]:
    """The status-bar texts of the mouse at three points of each plot."""
    texts = set()
    for plot in view.plots:
        (x0, x1), (y0, y1) = plot.vb.viewRange()
        texts.update(view.hover_text(plot, x0 + f * (x1 - x0), y0 + f * (y1 - y0)) for f in (0.3, 0.5, 0.7))
    return texts


def english_in(texts, pattern) -> set[str]:
    found = set()
    for text in texts:
        plain = html.unescape(TAG.sub(" ", CITATION.sub("", text or ""))).replace("&", "")
        for piece in {plain.strip(), *PIECES.split(plain)}:
            piece = piece.strip(" .…“”'\"")
            if piece and pattern.fullmatch(piece):
                found.add(piece)
    return found


def walk(window, qapp, scenes) -> dict[str, set[str]]:
    """{step: English pieces shown there} for each scene (and every step of a lesson)."""
    pattern = translated_english()
    found = {}
    for scene in scenes:
        if not window.model.set_scene(scene):
            window.refresh(window.model.scene)
        window.finish_work()
        qapp.processEvents()
        view = window.current_view
        texts = shown_texts(window) | hover_texts(view) | {window.statusBar().currentMessage()}
        for step in range(1, len(getattr(view, "steps", ()) or ())):
            window.model.set_option("step", step)
            window.finish_work()
            qapp.processEvents()
            texts |= shown_texts(window) | hover_texts(view)
        english = english_in(texts, pattern)
        if english:
            found[f"{scene.view}/{scene.method}"] = english
    return found


@pytest.fixture
def chinese_window(qtbot, qapp):
    assert i18n.install(qapp, "zh") == "zh"
    window = MainWindow(language="zh")
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    yield window
    i18n.install(qapp, "en")


def test_the_pattern_finds_english_that_has_a_translation():
    pattern = translated_english()
    assert english_in({"distances", "头 3：distances", "head 3", "<b>Method</b>"}, pattern) == \
        {"distances", "head 3", "Method"}
    assert not english_in({"YaRN", "d_model", "相对距离", "B", "float32"}, pattern)


def test_no_translated_english_in_any_view_menu_or_hover_text(chinese_window, qapp):
    scenes = []
    for key, (_title, applies_to, cls) in VIEWS.items():
        if cls.unavailable() is not None:
            continue
        methods = [method for method in registry.all_methods() if applies_to(method)]
        scenes.append(Scene(method=methods[0].name, view=key).validated(applies()))
    for kind in registry.KINDS:  # every output has a title and axes of its own
        method = next(method for method in registry.all_methods() if kind in method.outputs)
        scenes.append(Scene(method=method.name, view="outputs", options={"output": kind}).validated(applies()))
    found = walk(chinese_window, qapp, scenes)
    menus = english_in(menu_texts(chinese_window), translated_english())
    assert not found and not menus, (found, menus)


def test_no_translated_english_in_the_panel_of_any_method(chinese_window, qapp):
    pattern = translated_english()
    found = {}
    for method in registry.all_methods():
        chinese_window.model.set_method(method.name)
        qapp.processEvents()
        english = english_in(shown_texts(chinese_window.panel), pattern)
        if english:
            found[method.name] = english
    assert not found, found


def test_the_about_dialog_is_chinese(chinese_window, qtbot):
    dialog = AboutDialog(chinese_window)
    qtbot.addWidget(dialog)
    assert not english_in(shown_texts(dialog) | {dialog.windowTitle()}, translated_english())


def test_lists_and_bounds_are_written_as_chinese_is(chinese_window):
    rope = registry.get("rope")
    assert "（可选：交错、前后两半；默认 交错）" in tooltip(rope.param("layout"))
    bounds = tooltip(rope.param("seq_len"))
    assert "1048576" in bounds and "e+" not in bounds
    assert listed(["float32 0.1", "float16，先对 2π 取模 0.2"]) == "float32 0.1；float16，先对 2π 取模 0.2"
