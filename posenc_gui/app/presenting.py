"""Presenting a lecture: full screen with the view and its title only, the presenter window on a second screen,
the black screen (B), the panel and the notes on a key (P, N), and the clicker's keys taken from whatever widget
has the focus. The window keeps its layout; this object moves, hides and puts back its parts."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QToolBar, QWidget

from . import style
from .clicker import clicker_command
from .next_scene import NextScenePreview
from .presenter import PresenterWindow, choose_screens
from .widgets import ElidedLabel

PICTURE_PAUSE_MS = 250  # the presenter window's picture of the hall's view is taken at most this often
AUDIENCE_TITLE_SCALE = 1.3  # the view's title above it while presenting, larger than the text


class Presentation(QObject):
    """What presenting adds to ``window``: the title bar above the view, the black screen, the presenter window,
    and where the window was, to put back after (its parts put back what they hid). ``look`` is the window's
    ``LookModel`` (presenting is part of the look), ``deck`` its ``DeckNavigator`` (for the clicker's keys)."""

    def __init__(self, window, look, deck):
        super().__init__(window)
        self.window, self.look, self.deck = window, look, deck
        self.before_presenting: dict = {}  # where the window was before presenting, to put it back after
        self.presenter: PresenterWindow | None = None
        self.next_scene = NextScenePreview(window)  # the next scene's picture for the presenter window
        self.drawn_view = None  # the view drawn since the presenter window's last picture of it (``scene_drawn``)
        self.picture_timer = QTimer(self)
        self.picture_timer.setSingleShot(True)
        self.picture_timer.timeout.connect(self._show_drawn)
        self.focus_before_blank: QWidget | None = None
        # what the hall reads above the view while presenting; a title longer than the screen is elided (whole in
        # its tooltip) instead of widening the window past the projector
        self.audience_title = ElidedLabel()
        self.audience_title.setObjectName("audience_title")
        self.audience_title.setMargin(6)
        self.audience_title.setTextFormat(Qt.PlainText)  # a scene's title as written, bold by its font
        self.blank = QWidget(window)  # B or ".": a black screen until any key or click
        self.blank.setObjectName("blank_screen")
        self.blank.setStyleSheet("background: black")
        self.blank.setAttribute(Qt.WA_StyledBackground)
        self.blank.setFocusPolicy(Qt.StrongFocus)
        self.blank.setCursor(Qt.BlankCursor)  # nothing on the black screen, not even the pointer
        self.blank.installEventFilter(self)
        self.blank.hide()
        # the title in a bar of its own above the view, not in a box around the stack: one layout more around the
        # views painted them again after a switch
        self.title_bar = QToolBar(window)
        self.title_bar.setObjectName("audience_title_bar")
        self.title_bar.setMovable(False)
        self.title_bar.toggleViewAction().setVisible(False)  # not among the window's bars to switch on
        self.title_bar.addWidget(self.audience_title)
        # a computation that runs on (a real model's first forward pass) said so only in the status bar, which the
        # hall does not see: the view stood blank for seconds; the status line shows this while it shows its busy bar
        self.busy_label = QLabel(self.tr("computing…"), objectName="audience_busy")
        self.busy_label.setMargin(6)
        self.busy_shown = self.title_bar.addWidget(self.busy_label)  # a bar's widget shows and hides by its action
        self.busy_shown.setVisible(False)
        window.addToolBar(Qt.TopToolBarArea, self.title_bar)
        self.title_bar.hide()

    def set_presenting(self, on: bool) -> None:
        """Presentation mode: the audience sees the view and its title only (no menus, toolbar, panel or notes),
        full screen, text and lines scaled by ``style.PRESENTATION_SCALE``; P brings the panel back, N the
        notes. With a second screen the view goes to the projector and the presenter window to the lecturer's
        screen (``choose_screens``). Leaving puts everything back where it was."""
        window = self.window
        if on == window.presenting:
            return
        self.set_blank(False)
        self.look.update(presenting=on)
        window.commands["present"].setChecked(on)
        if on:
            self.before_presenting = {
                "state": window.windowState(), "geometry": window.geometry(), "screen": window.screen()}
            window.panel_dock.start_presenting()
            window.menus.show_bars(False)
            window.status.set_presenting(True)
            window.notes_room.start_presenting()
            self.title_bar.show()
            screens = QApplication.screens()
            primary = QApplication.primaryScreen()
            audience, lecturer = choose_screens([(s.size().width(), s.size().height()) for s in screens],
                                                screens.index(primary) if primary in screens else 0)
            self._move_to(screens[audience])
            window.setGeometry(screens[audience].geometry())  # what full screen is where no window manager says so
            window.showFullScreen()
            if lecturer is not None:
                self._show_presenter(screens[lecturer])
        else:
            before = self.before_presenting
            if self.presenter is not None:
                self.presenter.stop()
                self.presenter.hide()
                self.next_scene.stop()
            window.menus.show_bars(True)
            window.status.set_presenting(False)
            self.title_bar.hide()
            window.notes_room.stop_presenting()
            window.panel_dock.stop_presenting()
            self._move_to(before["screen"])
            window.setWindowState(before["state"])
            if not before["state"] & (Qt.WindowFullScreen | Qt.WindowMaximized):
                window.setGeometry(before["geometry"])
        window.panel_dock.show_for(window.current_view)
        window.sync_busy()
        window.look_controls.apply()

    def show_title(self, title: str) -> None:
        """What the hall reads above the view while presenting."""
        self.audience_title.setText(title)

    def show_scene(self, *scene) -> None:
        """Where the lecture is, for the presenter window when it is open (``PresenterWindow.show_scene``)."""
        if self.presenter is not None:
            self.presenter.show_scene(*scene)

    def set_points(self, points: float, text_scale: float) -> None:
        """The audience's title larger than the text of ``points``; the presenter window's type at ``text_scale``."""
        font = self.audience_title.font()
        font.setPointSizeF(points * AUDIENCE_TITLE_SCALE)
        font.setBold(True)
        self.audience_title.setFont(font)
        font = self.busy_label.font()
        font.setPointSizeF(points)
        self.busy_label.setFont(font)
        if self.presenter is not None:
            self.presenter.set_points(style.BASE_POINTS * text_scale)

    def fit_blank(self) -> None:
        """The black screen over the whole window (after a resize)."""
        self.blank.setGeometry(self.window.rect())

    def close_presenter(self) -> None:
        if self.presenter is not None:
            self.presenter.close()

    def _move_to(self, screen) -> None:
        """Put the window on ``screen`` (a QScreen) before it goes full screen there."""
        window = self.window
        if screen is not None and screen is not window.screen() and screen in QApplication.screens():
            window.setScreen(screen)
            window.move(screen.availableGeometry().topLeft())

    def scene_drawn(self, view) -> None:
        """A picture of ``view`` as the hall sees it for the presenter window, once the event loop is back, and
        then, at idle, the next scene's. Only while the presenter window shows, and at most once every
        ``PICTURE_PAUSE_MS``: the grab paints the view a second time (tens of ms), which every frame of an
        animation (Play) would pay."""
        if self.presenter is not None and self.presenter.isVisible():
            self.drawn_view = view
            if not self.picture_timer.isActive():
                self.picture_timer.start(0)

    def _show_drawn(self) -> None:
        view, self.drawn_view = self.drawn_view, None
        if view is None or self.presenter is None or not self.presenter.isVisible() or not shiboken6.isValid(view):
            return  # nothing drawn since the last picture
        picture = view.grab()
        self.presenter.show_picture(picture)
        self.next_scene.remember(view, picture)
        self.next_scene.restart(self.presenter)
        self.picture_timer.start(PICTURE_PAUSE_MS)  # what is drawn meanwhile is pictured when the pause ends

    def _show_presenter(self, screen) -> None:
        """The presenter window, filling ``screen``; its clock starts from 0:00."""
        if self.presenter is None:
            self.presenter = PresenterWindow(self.window)
            self.presenter.installEventFilter(self)  # the clicker's keys, when the lecturer's window is active
        self.presenter.setScreen(screen)
        self.presenter.setGeometry(screen.availableGeometry())
        self.presenter.set_points(style.BASE_POINTS * self.window.text_scale)
        self.presenter.start()
        self.presenter.showMaximized()
        self.scene_drawn(self.window.current_view)  # as it is now laid out for the hall

    def set_blank(self, on: bool) -> None:
        """B or ".", as clickers send: the window goes black until any key or click (the presenter window
        stays, for the lecturer). The focus comes back to where it was."""
        if on == self.blank.isVisible():
            return
        if on:
            self.focus_before_blank = QApplication.focusWidget()
            self.blank.setGeometry(self.window.rect())
            self.blank.raise_()
            self.blank.show()
            self.blank.setFocus()
            return
        self.blank.hide()
        focused = self.focus_before_blank
        if focused is not None and shiboken6.isValid(focused) and focused.isVisible():
            focused.setFocus()

    def toggle_panel(self) -> None:
        """P while presenting: the parameter panel beside the view for a live change, or away again; a lesson's
        controls too, where they gave their row to the plots."""
        view = self.window.current_view
        self.window.panel_dock.toggle_while_presenting(view)
        view.keep_plots_readable()  # a view beside no panel is not resized: its room is fitted here

    def toggle_notes(self) -> None:
        """N: the scene notes under the view, or away (while presenting on one screen, the lecturer's notes)."""
        self.window.notes_room.toggle()
        self.window.deck_controls.sync()

    # -- keys -----------------------------------------------------------------------------------
    def watch_focus(self, _old, new) -> None:
        """Filter the keys of the focused widget only (``eventFilter``): an application-wide filter
        would run Python for every paint and layout event of every widget."""
        if new is not None and new.window() in (self.window, self.presenter):
            new.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        """The clicker's keys (``clicker_command``) from the focused widget, the presenter window and the black
        screen, which any key or click takes away. A widget that lost the focus is let go at its next event
        (not when it loses it: it may be being deleted then)."""
        kind = event.type()
        if watched is self.blank:
            if kind in (QEvent.KeyPress, QEvent.MouseButtonPress):
                self.set_blank(False)
                return True
            if kind == QEvent.ShortcutOverride:  # no shortcut runs behind the black screen
                event.accept()
                return True
            return False
        if kind in (QEvent.ShortcutOverride, QEvent.KeyPress):
            return self.clicker_key(event)
        if watched is not self.presenter and not watched.hasFocus():
            watched.removeEventFilter(self)
        return False

    def clicker_key(self, event) -> bool:
        """Take a clicker key (accepted as a shortcut override, so that neither a shortcut nor the focused widget
        acts on it; run at the key press). Returns whether it was taken."""
        command = clicker_command(event.key(), event.modifiers(), QApplication.focusWidget(),
                                  self.deck.is_open, self.window.presenting)
        if command is None:
            return False
        event.accept()
        if event.type() == QEvent.KeyPress:
            self.run_clicker(command)
        return True

    def run_clicker(self, command: str) -> None:
        """Do what a clicker key stands for (a name from CLICKER_KEYS or PRESENTING_KEYS). A step past the first
        or last scene does nothing: the action is disabled there."""
        if command == "blank":
            self.set_blank(True)
        elif command == "toggle_panel":
            self.toggle_panel()
        elif command == "toggle_notes":
            self.toggle_notes()
        elif command == "stop_presenting":
            self.set_presenting(False)
        else:
            self.window.commands[command].trigger()
