"""``posenc-gui`` (everything except ``export``): options, then the main window or the self-test."""

from __future__ import annotations

import argparse
import sys

from .. import __version__ as VERSION
from ..paths import resource

LANGUAGE_CODES = ("en", "zh")  # i18n.LANGUAGES, without importing Qt before the options are read


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="posenc-gui", description="PosEnc Explorer: positional encodings, live.")
    parser.add_argument("--deck", metavar="FILE", help="open this lecture deck (JSON)")
    parser.add_argument("--config", metavar="CONFIG.json",
                        help="open a model's Hugging Face config.json: its layer strip, and RoPE set to its first "
                             "RoPE layer type (base, head width, scaling)")
    parser.add_argument("--self-test", action="store_true",
                        help="open every view with every method it applies to (and each scene of --deck), "
                             "check each renders, exit 0 when all do")
    parser.add_argument("--screenshot-dir", metavar="DIR", help="with --self-test: save one PNG per step here")
    parser.add_argument("--layout-report", metavar="FILE",
                        help="with --self-test: check every step's layout from Qt's geometry (text cut or over "
                             "other text, plots too small) and write the findings as JSON; exit 1 on any problem")
    parser.add_argument("--screen", metavar="WxH", type=screen_size, default=None,
                        help="with --self-test: the window's size (on the offscreen platform, the screen's too)")
    parser.add_argument("--presenting", action="store_true", help="with --self-test: in presentation mode")
    parser.add_argument("--text-scale", metavar="S", type=float, default=1.0,
                        help="with --self-test: text size, 1.0 to 1.6 as Ctrl+= sets it")
    parser.add_argument("--theme", choices=("light", "dark"), help="with --self-test: the theme")
    parser.add_argument("--lang", choices=LANGUAGE_CODES,
                        help="interface language (default: the last one chosen, else the system's)")
    parser.add_argument("--version", action="version", version=f"posenc-gui {VERSION}")
    parser.add_argument("deck_file", nargs="?", metavar="DECK",
                        help="a lecture deck to open, as a file manager passes it (same as --deck)")
    args = parser.parse_args(argv)
    args.deck = args.deck or args.deck_file
    for option in ("screenshot_dir", "layout_report", "screen", "presenting", "theme"):
        if getattr(args, option) and not args.self_test:
            parser.error(f"--{option.replace('_', '-')} goes with --self-test")
    if not 0.5 <= args.text_scale <= 3.0:
        parser.error(f"--text-scale must be between 0.5 and 3.0, not {args.text_scale}")
    return args


def screen_size(text: str) -> tuple[int, int]:
    """``1920x1080`` as (1920, 1080), for argparse."""
    width, _, height = text.lower().partition("x")
    if not (width.isdigit() and height.isdigit() and 320 <= int(width) <= 16384 and 240 <= int(height) <= 16384):
        raise argparse.ArgumentTypeError(f"a screen size is WIDTHxHEIGHT in pixels, such as 1920x1080, not {text!r}")
    return int(width), int(height)


def offscreen_screen(size: tuple[int, int]) -> None:
    """Give Qt's offscreen platform a screen of ``size`` (its own is 800 x 800), through its JSON
    configuration file, before the application starts."""
    import json
    import os
    import tempfile

    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform != "offscreen":
        return
    screen = {"name": "screen", "x": 0, "y": 0, "width": size[0], "height": size[1],
              "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    handle, path = tempfile.mkstemp(prefix="posenc-screen-", suffix=".json")
    with os.fdopen(handle, "w") as config:
        json.dump({"screens": [screen]}, config)
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={path}"


def make_application(argv: list[str]):
    """The QApplication, made able to open the decks the desktop hands over: macOS Finder sends a file
    opened with the app as a QFileOpenEvent to the application, not on the command line. Paths that
    come before a window takes them (``take_decks``) wait in ``pending_decks``.

    A subclass, not an event filter on the application: such a filter would run Python for every
    event of every widget."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    class Application(QApplication):
        def __init__(self, args: list[str]):
            super().__init__(args)
            self.open_deck = None
            self.pending_decks: list[str] = []

        def take_decks(self, open_deck) -> None:
            """Open every deck handed over, those that came already and those to come, with ``open_deck``."""
            self.open_deck = open_deck
            while self.pending_decks:
                open_deck(self.pending_decks.pop(0))

        def event(self, event) -> bool:
            if event.type() == QEvent.FileOpen:
                if self.open_deck is None:
                    self.pending_decks.append(event.file())
                else:
                    self.open_deck(event.file())
                return True
            return super().event(event)

    return Application(argv)


def show_within_screen(window) -> None:
    """Show ``window``; one larger than its screen's free area (the first run's 1600 x 900 on a 1280 x 720
    projector, or a size remembered from a larger screen) is shrunk to it and maximised, so that the window manager
    fits it with its frame: shown as it was, its right part and every line's end were off the screen."""
    available = window.screen().availableGeometry().size()
    if window.width() <= available.width() and window.height() <= available.height():
        window.show()
        return
    window.resize(window.size().boundedTo(available))
    window.showMaximized()


def run_app(argv: list[str]) -> int:
    """Run the app; returns the exit status (2 for a bad deck or bad options)."""
    try:
        args = parse(argv)
    except SystemExit as stop:
        return int(stop.code or 0)
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from ..core.params import InputError
    from . import crash, i18n, settings
    from .state import Deck
    from .views import applies

    if args.self_test and args.screen and QApplication.instance() is None:
        offscreen_screen(args.screen)
    app = QApplication.instance() or make_application(sys.argv[:1])
    app.setApplicationName("PosEnc Explorer")
    app.setOrganizationName("PosEnc Explorer")
    app.setApplicationVersion(VERSION)
    app.setWindowIcon(QIcon(str(resource("icons", "posenc-gui.svg"))))
    if args.self_test:
        from .selftest import run_self_test

        language = i18n.install(app, args.lang or i18n.system_language())
        from .selftest import WINDOW_SIZE

        return run_self_test(app, deck_path=args.deck, screenshot_dir=args.screenshot_dir, language=language,
                             layout_report=args.layout_report, presenting=args.presenting,
                             window_size=args.screen or WINDOW_SIZE, text_scale=args.text_scale, theme=args.theme)
    crash.install(app)
    deck = None
    if args.deck:
        try:
            deck = Deck.load(args.deck, views=applies())
        except InputError as error:
            print(f"posenc-gui: error: {error}", file=sys.stderr)
            return 2
    if args.config:
        from ..core import model_config

        try:
            model_config.read_config(args.config)
        except InputError as error:
            print(f"posenc-gui: error: {error}", file=sys.stderr)
            return 2
    store = settings.Store(settings.settings_path())
    if store.problem:
        print(f"posenc-gui: {store.problem}", file=sys.stderr)
    preferences = settings.load(store)
    language = i18n.install(app, args.lang or preferences.language or i18n.system_language())
    from . import start_page
    from .window import MainWindow

    window = MainWindow(settings=store, language=language)
    if deck is not None:
        window.set_deck(deck, args.deck)
    if args.config:
        window.open_model_config(args.config)
    if hasattr(app, "take_decks"):  # not when an application was made before (by a test, say)
        app.take_decks(window.open_deck)
    show_within_screen(window)
    if deck is None and not args.config:  # a first run shows the start page (not over a deck asked for)
        start_page.show_at_start(window)
    return app.exec()
