"""The start page (first run and Help › Start page) and the recent decks it and File › Open recent offer."""

import json

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QStyle, QStyleOptionButton

from posenc_gui.app import crash, i18n, main, recent, settings as prefs, start_page, tour
from posenc_gui.app.layout_check import check_window
from posenc_gui.app.window import MainWindow
from posenc_gui.core import model_config


def deck_file(folder, name="lecture.posdeck", count=2):
    scenes = [{"method": "sinusoidal", "view": "encoding", "title": f"Scene {k}", "notes": f"notes {k}",
               "position": k} for k in range(count)]
    path = folder / name
    path.write_text(json.dumps({"version": 1, "title": "Test deck", "scenes": scenes}))
    return path


@pytest.fixture
def window(qtbot, private_settings):
    shown = MainWindow(settings=QSettings())
    qtbot.addWidget(shown)
    shown.resize(780, 640)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def pages(window):
    return [page for page in window.findChildren(start_page.StartPage) if page.isVisible()]


# -- first run ----------------------------------------------------------------------------------
def test_the_page_shows_on_the_first_run_only(window, qtbot):
    assert start_page.shows_at_start(window.settings)
    page = start_page.show_at_start(window)
    qtbot.waitExposed(page)
    assert pages(window) == [page] and not page.again.isChecked()
    page.close()
    assert start_page.show_at_start(window) is None and pages(window) == []
    assert not start_page.shows_at_start(QSettings())  # as the next run reads the settings file


def test_asked_for_at_every_start_it_shows_again(window, qtbot):
    page = start_page.show_at_start(window)
    page.again.setChecked(True)
    page.close()
    assert start_page.shows_at_start(QSettings())
    again = start_page.show_at_start(window)
    assert again is not None and again.again.isChecked()


def test_no_settings_no_start_page(qtbot):
    """The self-test and the tests' own windows, which keep no settings, never show it by themselves."""
    window = MainWindow()
    qtbot.addWidget(window)
    assert start_page.show_at_start(window) is None


def test_the_app_shows_the_page_on_a_first_run_but_not_over_a_deck_asked_for(qapp, tmp_path, monkeypatch,
                                                                               private_settings, live_widgets):
    """``run_app`` (the app as started) calls the first-run hook unless a deck was given."""
    shown = []
    monkeypatch.setattr(start_page, "show_at_start", shown.append)
    monkeypatch.setattr(qapp, "exec", lambda: 0)
    monkeypatch.setattr(prefs, "settings_path", lambda: tmp_path / "app.conf")
    monkeypatch.setattr(crash, "install", lambda app: None)  # the test's own exception hooks stay
    names = (qapp.applicationName(), qapp.organizationName())
    earlier = {id(window) for window in live_widgets(MainWindow)}
    try:
        assert main.run_app([]) == 0
        assert len(shown) == 1
        assert main.run_app([str(deck_file(tmp_path))]) == 0
        assert len(shown) == 1
    finally:
        for window in live_widgets(MainWindow):
            if id(window) not in earlier:
                window.close()
                window.deleteLater()
        qapp.setApplicationName(names[0])
        qapp.setOrganizationName(names[1])


# -- what the page offers -----------------------------------------------------------------------
def test_open_the_lecture_deck(window):
    page = start_page.show(window)
    page.deck_button.click()
    assert len(window.deck.scenes) > 20 and not page.isVisible()


def test_take_the_tour(window):
    page = start_page.show(window)
    page.tour_button.click()
    running = window.findChildren(tour.Tour)
    assert len(running) == 1 and running[0].bubble.isVisible() and not page.isVisible()
    running[0].end()


def test_open_an_example_model_config(window):
    page = start_page.show(window)
    example = model_config.example_configs()[0]
    page.findChild(type(page.config_menu.actions()[0]), f"start_example_{example.stem}").trigger()
    assert window.model.scene.view == "model_config" and not page.isVisible()


def test_just_explore_closes_the_page(window):
    page = start_page.show(window)
    page.explore_button.click()
    assert not page.isVisible() and window.deck.scenes == []


def test_help_start_page_shows_one_page(window):
    window.commands["start_page"].trigger()
    window.commands["start_page"].trigger()
    assert len(pages(window)) == 1


# -- recent decks -------------------------------------------------------------------------------
def test_recent_decks_round_trip(window, tmp_path):
    first, second = deck_file(tmp_path, "a.posdeck"), deck_file(tmp_path, "b.posdeck")
    assert window.open_deck(first) and window.open_deck(second) and window.open_deck(first)
    assert window.recent.paths == [str(first.resolve()), str(second.resolve())]
    assert recent.RecentDecks(QSettings()).paths == window.recent.paths  # as the next run reads them


def test_one_recent_deck_reads_back_as_a_list(private_settings, tmp_path):
    """QSettings gives a one-item list back as a plain string."""
    decks = recent.RecentDecks(QSettings())
    decks.add(deck_file(tmp_path))
    assert recent.RecentDecks(QSettings()).paths == [str((tmp_path / "lecture.posdeck").resolve())]


@pytest.mark.parametrize("stored", [42, ["", 3, None], "", {"a": 1}])
def test_damaged_recent_decks_are_no_list(stored):
    assert recent.stored_paths(stored) == []


def test_the_list_keeps_the_newest_few(tmp_path):
    decks = recent.RecentDecks()
    for k in range(recent.MOST_RECENT + 3):
        decks.add(tmp_path / f"{k}.posdeck")
    assert len(decks.paths) == recent.MOST_RECENT and decks.paths[0].endswith(f"{recent.MOST_RECENT + 2}.posdeck")


def test_file_open_recent_lists_them_and_opens_one(window, tmp_path):
    first, second = deck_file(tmp_path, "a&b.posdeck"), deck_file(tmp_path, "c.posdeck", count=3)
    window.open_deck(first)
    window.open_deck(second)
    menu = QMenu()
    recent.fill_menu(menu, window.recent, window.open_deck, window.show_error)
    entries = [action for action in menu.actions() if action.objectName().startswith("recent_")]
    assert [action.text() for action in entries] == ["&1 c.posdeck", "&2 a&&b.posdeck"]
    assert entries[1].toolTip() == str(first.resolve())
    entries[1].trigger()
    assert len(window.deck.scenes) == 2 and window.recent.paths[0] == str(first.resolve())


def test_the_file_menu_has_open_recent(window):
    file_menu = window.menuBar().actions()[0].menu()
    titles = [action.text() for action in file_menu.actions()]
    assert "Open &recent" in titles


def test_a_missing_recent_deck_is_greyed_and_removed_with_a_message(window, tmp_path):
    gone, kept = deck_file(tmp_path, "gone.posdeck"), deck_file(tmp_path, "kept.posdeck")
    window.open_deck(gone)
    window.open_deck(kept)
    gone.unlink()
    menu = QMenu()
    recent.fill_menu(menu, window.recent, window.open_deck, window.show_error)
    entry = menu.findChild(type(menu.actions()[0]), "recent_2")
    assert not entry.isEnabled() and "not found" in entry.text()
    assert window.recent.open(str(gone.resolve()), window.open_deck, window.show_error) is False
    assert "gone.posdeck is no longer there" in window.error_label.text()
    assert window.recent.paths == [str(kept.resolve())]
    assert recent.RecentDecks(QSettings()).paths == [str(kept.resolve())]


def test_the_menu_removes_every_missing_deck_at_once(window, tmp_path):
    for name in ("a.posdeck", "b.posdeck", "c.posdeck"):
        window.open_deck(deck_file(tmp_path, name))
    (tmp_path / "a.posdeck").unlink()
    (tmp_path / "c.posdeck").unlink()
    menu = QMenu()
    recent.fill_menu(menu, window.recent, window.open_deck, window.show_error)
    menu.findChild(type(menu.actions()[0]), "recent_forget_missing").trigger()
    assert window.recent.paths == [str((tmp_path / "b.posdeck").resolve())]
    assert "Removed 2" in window.error_label.text()


def test_the_start_page_greys_a_missing_deck_and_says_so_when_chosen(window, tmp_path, qtbot):
    gone, kept = deck_file(tmp_path, "gone.posdeck"), deck_file(tmp_path, "kept.posdeck")
    window.open_deck(gone)
    window.open_deck(kept)
    gone.unlink()
    page = start_page.show(window)
    items = [page.recent_list.item(row) for row in range(page.recent_list.count())]
    assert [item.text() for item in items] == ["kept.posdeck", "gone.posdeck (not found)"]
    assert items[1].foreground().color() == page.palette().color(page.palette().ColorGroup.Disabled,
                                                                 page.palette().ColorRole.Text)
    page._recent_chosen(items[1])
    assert "no longer there" in page.message.text() and page.isVisible()
    assert page.recent_list.count() == 1  # the list follows the recent decks at once
    page._recent_chosen(page.recent_list.item(0))
    assert not page.isVisible() and window.deck.is_open


def test_a_damaged_recent_deck_says_why_on_the_page(window, tmp_path):
    damaged = deck_file(tmp_path, "damaged.posdeck")
    window.open_deck(damaged)
    damaged.write_text("{ not json")
    page = start_page.show(window)
    page._recent_chosen(page.recent_list.item(0))
    assert "damaged.posdeck" in page.message.text() and page.isVisible()


def test_no_recent_decks_yet(window):
    page = start_page.show(window)
    assert page.recent_list.count() == 1 and not page.recent_list.item(0).flags() & Qt.ItemIsEnabled


# -- look ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("size, scale, theme, language", [((1280, 720), 1.6, "dark", "zh"),
                                                          ((1280, 720), 1.0, "light", "en"),
                                                          ((1920, 1080), 1.6, "light", "en"),
                                                          ((1920, 1080), 1.0, "dark", "zh")])
def test_the_page_fits_without_cut_or_overlapping_text(qtbot, qapp, private_settings, tmp_path, size, scale, theme,
                                                       language):
    i18n.install(qapp, language)
    window = MainWindow(settings=QSettings(), language=language)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    window.set_theme(theme)
    window.set_text_scale(scale)
    window.recent.add(deck_file(tmp_path, "a lecture deck with a rather long file name.posdeck"))
    page = start_page.show(window)
    qtbot.waitExposed(page)
    report = check_window(page)
    assert report.problems == [] and report.texts_checked >= 12
    assert window.geometry().contains(page.geometry()) or page.size().boundedTo(window.size()) == page.size()
    window.set_theme("light")


def test_an_open_page_follows_a_text_size_change(window, qtbot):
    """Ctrl+= with the page open: the heading stays a size above the body text and nothing is cut, without
    reopening the page."""
    window.resize(1280, 720)
    page = start_page.show(window)
    qtbot.waitExposed(page)
    window.set_text_scale(1.6)
    heading, intro = (page.findChild(QLabel, name) for name in ("start_heading", "start_intro"))
    qtbot.waitUntil(lambda: intro.font().pointSizeF() == pytest.approx(window.points))
    QApplication.processEvents()
    assert heading.font().pointSizeF() > intro.font().pointSizeF()
    assert check_window(page).problems == []


def check_box_square(page):
    option = QStyleOptionButton()
    page.again.initStyleOption(option)
    return page.again.style().subElementRect(QStyle.SE_CheckBoxIndicator, option, page.again)


def test_the_check_box_square_grows_with_the_text(window, qtbot):
    """Fusion draws it about 13 px at any text size: at x1.6 a speck beside the text."""
    window.resize(1280, 720)
    page = start_page.show(window)
    qtbot.waitExposed(page)
    at_first = check_box_square(page)
    window.set_text_scale(1.6)
    qtbot.waitUntil(lambda: page.again.font().pointSizeF() == pytest.approx(window.points))
    QApplication.processEvents()
    square, line = check_box_square(page), page.again.fontMetrics().height()
    assert square.width() == square.height() >= 0.6 * line > at_first.height()
    assert page.again.rect().contains(square)
    assert check_window(page).problems == []
