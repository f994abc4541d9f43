"""A lesson's header whose shown parts have no height for a width (presenting, the M-RoPE lesson's intro is the
lecturer's and its legend and note do not wrap): its layout's height for the width is -1, and the header was given
that height, which Qt refuses with a warning ("Negative sizes (0,-1) are not possible") as the deck reached scene 32
presenting at 1280 x 720 x1.3."""

from PySide6.QtCore import QSettings

from posenc_gui.app.state import Deck
from posenc_gui.app.views import applies
from posenc_gui.app.views.lessons import MRopeLesson
from posenc_gui.app.window import MainWindow
from posenc_gui.paths import resource

MROPE_SCENE = 31  # the default deck's scene 32 (index 31), the M-RoPE lesson at its third step


def test_presenting_the_mrope_scene_gives_its_header_its_own_height(qtbot, tmp_path):
    window = MainWindow(settings=QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat))
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    window.set_text_scale(1.3)
    window.set_presenting(True)
    window.set_deck(Deck.load(resource("decks", "default.posdeck"), applies()))
    window.go_to_scene(MROPE_SCENE)  # a Qt warning here fails the test (pyproject: qt_log_level_fail)
    window.finish_work()
    view = window.current_view
    assert isinstance(view, MRopeLesson)
    assert view.header.height() > 0
    window.set_presenting(False)
