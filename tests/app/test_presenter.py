"""The presenter window's pictures and notes: the next scene drawn at idle into a view the hall does not see (the
next scene's own view when the hall sees another, a spare one when it sees the same kind), its picture kept
while the scene shown changes live, a placeholder for a scene the worker computes, and notes in type as large as
their room allows. Two screens as in test_deck_keys: offscreen Qt has one, given to the lecturer too."""

import json

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QFont, QPixmap

from posenc_gui.app import i18n, presenting
from posenc_gui.app.layout_check import check_window
from posenc_gui.app.presenter import NOTES_PIXELS, notes_pixel_size
from posenc_gui.app.state import Deck
from posenc_gui.app.views import applies
from posenc_gui.app.window import MainWindow
from posenc_gui.paths import resource

DEFAULT_DECK = resource("decks", "default.posdeck")
ATTENTION, ENCODING, SAME_VIEW = 3, 4, 5  # default deck indices: attention, then two scenes in the encoding view


@pytest.fixture
def presenting_window(qtbot, tmp_path, monkeypatch):
    """Presenting three scenes of the default deck (attention, encoding, encoding) with the presenter window."""
    monkeypatch.setattr(presenting, "choose_screens", lambda sizes, primary: (0, 0))
    scenes = Deck.load(DEFAULT_DECK, applies()).scenes
    window = MainWindow(settings=QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat))
    qtbot.addWidget(window)
    window.warm_up_timer.stop()
    window.build_ahead.restart = lambda: None  # only the next scene's preview builds views ahead here
    window.set_deck(Deck(tuple(scenes[index] for index in (ATTENTION, ENCODING, SAME_VIEW))))
    window.show()
    qtbot.waitExposed(window)
    window.set_presenting(True)
    yield window
    window.set_presenting(False)


def wait_for_next_picture(qtbot, presenter):
    qtbot.waitUntil(lambda: presenter.next_drawn_for is not None, timeout=10000)


def settled_picture(qtbot, view):
    """The view's picture once painting it changes nothing more."""
    pictures = [view.grab().toImage()]
    for _ in range(10):
        qtbot.wait(50)
        pictures.append(view.grab().toImage())
        if pictures[-1] == pictures[-2]:
            return pictures[-1]
    raise AssertionError("the view changes at every paint")


def test_the_next_scene_in_another_view_is_drawn_ahead_into_that_view(presenting_window, qtbot):
    window = presenting_window
    presenter = window.presentation.presenter
    shown = window.current_view
    assert presenter.next_picture.text() == "Drawing the next scene…" and presenter.shown_next_picture.isNull()
    wait_for_next_picture(qtbot, presenter)
    assert not presenter.shown_next_picture.isNull() and presenter.next_picture.pixmap().width() > 0
    assert window.current_view is shown and window.model.scene == window.deck.scene  # the hall's view untouched
    encoding = window.views["encoding"]
    assert encoding is not shown and not encoding.isVisible()
    drawn_ahead = window.drawer.fetched[encoding][1]
    window.commands["next_scene"].trigger()
    assert window.current_view is encoding
    assert window.drawer.fetched[encoding][1] is drawn_ahead  # the step found the next scene drawn


def test_the_next_scene_in_the_same_view_is_drawn_in_a_spare_one_leaving_the_hall_s_alone(presenting_window, qtbot):
    window = presenting_window
    presenter = window.presentation.presenter
    window.commands["next_scene"].trigger()
    shown = window.current_view
    kept = window.drawer.fetched[shown]
    qtbot.waitUntil(lambda: not presenter.shown_picture.isNull())
    preview = window.presentation.next_scene
    preview.stop()
    before = settled_picture(qtbot, shown)  # the plots place their labels once painted: the hall's view as it stays
    preview.restart(presenter)
    wait_for_next_picture(qtbot, presenter)
    spare = preview.spare.view
    assert spare is not shown and spare not in window.views.values() and not spare.isVisible()
    assert window.drawer.fetched[shown] is kept and shown.grab().toImage() == before
    assert presenter.shown_next_picture.toImage() != presenter.shown_picture.toImage()  # another scene's picture


def test_a_live_change_of_the_scene_shown_does_not_draw_the_next_one_again(presenting_window, qtbot, monkeypatch):
    window = presenting_window
    presenter = window.presentation.presenter
    wait_for_next_picture(qtbot, presenter)
    drawn = presenter.shown_next_picture.cacheKey()
    preview = window.presentation.next_scene
    draws = []
    monkeypatch.setattr(preview, "_draw", lambda target: draws.append(target) or iter(()))
    window.model.update(causal=not window.model.scene.causal)  # a live change in the attention view
    qtbot.waitUntil(lambda: presenter.shown_picture.cacheKey() != drawn)  # then the preview was asked again
    assert not preview.timer.isActive() and not draws
    assert presenter.shown_next_picture.cacheKey() == drawn


def test_a_next_scene_the_worker_computes_shows_a_placeholder_until_it_has_been_shown(presenting_window, qtbot):
    window = presenting_window
    presenter = window.presentation.presenter
    big = window.deck.scenes[1]
    window.drawer.in_background = lambda view, scene: scene == big
    wait_for_next_picture(qtbot, presenter)
    assert presenter.shown_next_picture.isNull() and "long computation" in presenter.next_picture.text()
    window.commands["next_scene"].trigger()
    window.finish_work()
    qtbot.waitUntil(lambda: 1 in window.presentation.next_scene.remembered)
    window.commands["previous_scene"].trigger()
    wait_for_next_picture(qtbot, presenter)
    assert presenter.shown_next_picture is window.presentation.next_scene.remembered[1][2]


def test_the_notes_take_the_largest_type_their_room_allows(presenting_window):
    presenter = presenting_window.presentation.presenter
    presenter.resize(1920, 1080)
    smallest, largest = (round(presenter.points * factor) for factor in NOTES_PIXELS)
    assert presenter.notes.font().pixelSize() == largest  # a scene's notes on a lecturer's 1080p screen
    presenter.resize(800, 500)
    assert smallest <= presenter.notes.font().pixelSize() < largest


def test_the_notes_size_is_the_largest_that_fits():
    font = QFont()
    text = "a question for the hall " * 20
    roomy = notes_pixel_size(text, font, 900, 900, 10, 60)
    tight = notes_pixel_size(text, font, 900, 300, 10, 60)
    assert 10 < tight < roomy <= 60
    assert notes_pixel_size(text, font, 100, 20, 10, 60) == 10  # nothing fits: the smallest, and it scrolls
    assert notes_pixel_size("short", font, 2000, 2000, 10, 60) == 60


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_presenter_window_has_no_text_cut_or_over_other_text(presenting_window, qtbot, qapp, language):
    """The lecturer's 1920 x 1080 screen, in both languages: the longest titles and notes of the three scenes."""
    window = presenting_window
    window.set_language(language)  # the views are built anew: the next scene's spare view too
    presenter = window.presentation.presenter
    presenter.resize(1920, 1080)
    try:
        for step in range(3):
            if step < 2:
                wait_for_next_picture(qtbot, presenter)
            report = check_window(presenter)
            assert report.problems == [] and report.texts_checked >= 5
            window.commands["next_scene"].trigger()
    finally:
        i18n.install(qapp, "en")


def test_the_picture_of_the_hall_s_view_is_taken_once_for_many_drawings_in_a_row(presenting_window, qtbot,
                                                                                 monkeypatch):
    """An animation draws the view at every frame; each grab paints it again (tens of ms)."""
    window = presenting_window
    presentation = window.presentation
    qtbot.waitUntil(lambda: not presentation.picture_timer.isActive())
    grabbed = []
    monkeypatch.setattr(presentation.presenter, "show_picture", grabbed.append)
    for _ in range(5):  # five frames in one turn of the event loop: one picture at once
        presentation.scene_drawn(window.current_view)
    qtbot.waitUntil(lambda: len(grabbed) == 1)
    presentation.scene_drawn(window.current_view)  # during the pause: its picture when the pause ends
    presentation.scene_drawn(window.current_view)
    assert len(grabbed) == 1 and presentation.picture_timer.isActive()
    qtbot.waitUntil(lambda: len(grabbed) == 2)
    qtbot.waitUntil(lambda: not presentation.picture_timer.isActive())
    assert len(grabbed) == 2  # nothing drawn since: no picture more


def test_the_presenter_window_s_title_follows_the_language(presenting_window, qapp, qtbot):
    presenter = presenting_window.presentation.presenter
    try:
        presenting_window.set_language("zh")
        qtbot.waitUntil(lambda: presenter.windowTitle() == "演讲者视图 — PosEnc Explorer")
    finally:
        i18n.install(qapp, "en")
    qtbot.waitUntil(lambda: presenter.windowTitle() == "Presenter — PosEnc Explorer")


def fills_its_box(label) -> bool:
    """The label's picture as large as its box allows: as wide or as tall as it (within 2 px), inside it, centred."""
    box, shown = label.contentsRect(), label.pixmap().size()
    fits = shown.width() <= box.width() and shown.height() <= box.height()
    return fits and (box.width() - shown.width() <= 2 or box.height() - shown.height() <= 2)


def test_the_hall_s_picture_fills_its_box_when_the_box_changes_without_the_window(presenting_window, qtbot):
    """The picture was scaled when the window was resized only: a title wrapping onto more lines above it (or larger
    type) changed its box and left the picture cut at its foot, or part of the box empty."""
    presenter = presenting_window.presentation.presenter
    presenter.resize(1600, 900)
    qtbot.waitUntil(lambda: not presenter.shown_picture.isNull())
    presenter.show_picture(presenter.shown_picture.scaled(900, 900))  # square: fitted to its box in height
    qtbot.waitUntil(lambda: fills_its_box(presenter.picture))
    before = presenter.picture.height()
    presenter.show_scene(1, 3, "A title that wraps " * 12, "next", "notes")
    qtbot.waitUntil(lambda: presenter.picture.height() < before)
    assert fills_its_box(presenter.picture)
    presenter.set_points(presenter.points * 1.5)
    qtbot.wait(50)
    assert fills_its_box(presenter.picture) and presenter.picture.alignment() & Qt.AlignHCenter


def sixteen_by_nine() -> QPixmap:
    """A picture of the hall's 1920 x 1080 screen."""
    picture = QPixmap(1920, 1080)
    picture.fill(Qt.darkBlue)
    return picture


def share(size, presenter) -> float:
    """The part of the presenter window's area that ``size`` covers."""
    return size.width() * size.height() / (presenter.width() * presenter.height())


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720)])
def test_the_pictures_side_by_side_fill_their_row_and_the_notes_run_across_under_them(presenting_window, qtbot, size):
    """With the notes in a column beside them, the hall's 16:9 picture in two thirds of the width left 30 % of its
    column empty under it (1280 x 720: 835 x 442 px in a box 626 px tall), the next scene's took a tenth of the window
    (415 x 220 px) and the notes a sixth (417 x 356 px). Now each picture is as wide as its column and the row as tall
    as they need, right under their titles, the notes across the window below."""
    presenter = presenting_window.presentation.presenter
    presenter.resize(*size)
    wait_for_next_picture(qtbot, presenter)
    qtbot.waitUntil(lambda: not presenting_window.presentation.picture_timer.isActive())
    presenter.show_picture(sixteen_by_nine())
    presenter.show_next_picture(sixteen_by_nine())
    now, upcoming = presenter.picture, presenter.next_picture
    qtbot.waitUntil(lambda: fills_its_box(now) and fills_its_box(upcoming))
    box, shown = now.contentsRect(), now.pixmap().size()
    assert box.width() - shown.width() <= 2 and box.height() - shown.height() <= 2  # no room empty under it
    assert now.alignment() & Qt.AlignTop
    title_foot = presenter.current.geometry().bottom()
    assert now.geometry().top() + box.top() - title_foot <= presenter.layout().spacing() + 8
    assert share(shown, presenter) >= 0.3 and share(upcoming.pixmap().size(), presenter) >= 0.13
    notes = presenter.notes_room
    assert notes.geometry().top() > presenter.pictures.geometry().bottom()
    assert notes.width() >= 0.95 * presenter.width() and share(notes.size(), presenter) >= 0.25
    qtbot.waitUntil(lambda: check_window(presenter).problems == [])  # the notes fitted to their room


def test_at_the_last_scene_the_end_of_the_deck_stands_at_the_top_of_the_next_scene_s_column(presenting_window, qtbot):
    """No next scene, no picture under its title: the row is as tall as the hall's picture needs, and the title, given
    the column's height, says so at its top (it stood in the middle of the row)."""
    presenter = presenting_window.presentation.presenter
    presenter.resize(1280, 720)
    presenter.show_scene(3, 3, "The last scene", None, "notes")
    assert not presenter.next_picture.isVisible()
    qtbot.waitUntil(lambda: check_window(presenter).problems == [])
    title = presenter.upcoming
    assert title.text() == "Next: (end of the deck)" and title.alignment() & Qt.AlignTop
    assert title.geometry().top() == presenter.current.geometry().top()


def test_long_notes_in_large_chinese_type_stay_whole_on_a_small_screen(presenting_window, qtbot, qapp):
    """The longest Chinese notes of the default deck at text size 1.6 on a 1280 x 720 screen: in a column a third of
    the window wide, 'rope_parameters）。' did not fit its line and ran 37 px out of sight."""
    window = presenting_window
    longest = max(json.loads(DEFAULT_DECK.read_text(encoding="utf-8"))["scenes"], key=lambda s: len(s["notes_zh"]))
    try:
        window.set_language("zh")
        window.set_text_scale(1.6)
        presenter = window.presentation.presenter
        presenter.resize(1280, 720)
        presenter.show_scene(37, 46, longest["title_zh"], "层模式：注意力中的 Gemma 3", longest["notes_zh"], "注意力 · 层模式")
        report = check_window(presenter)
        assert report.problems == [] and report.texts_checked >= 5
        assert presenter.notes.font().pixelSize() >= round(presenter.points * NOTES_PIXELS[0])
    finally:
        i18n.install(qapp, "en")
