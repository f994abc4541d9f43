"""``posenc-gui`` (everything except ``export``): options, then the main window or the self-test."""

from __future__ import annotations

import argparse
import sys

from .. import __version__ as VERSION


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="posenc-gui", description="PosEnc Explorer: positional encodings, live.")
    parser.add_argument("--deck", metavar="FILE", help="open this lecture deck (JSON)")
    parser.add_argument("--self-test", action="store_true",
                        help="open every view with every method, check each renders, exit 0 when all do")
    parser.add_argument("--screenshot-dir", metavar="DIR", help="with --self-test: save one PNG per view here")
    parser.add_argument("--lang", choices=("en", "zh"), default="en", help="interface language")
    parser.add_argument("--version", action="version", version=f"posenc-gui {VERSION}")
    return parser.parse_args(argv)


def run_app(argv: list[str]) -> int:
    """Run the app; returns the exit status (2 for a bad deck or bad options)."""
    try:
        args = parse(argv)
    except SystemExit as stop:
        return int(stop.code or 0)
    from PySide6.QtWidgets import QApplication

    from ..core.params import InputError
    from .state import Deck
    from .views import applies

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("PosEnc Explorer")
    app.setOrganizationName("PosEnc Explorer")
    deck = None
    if args.deck:
        try:
            deck = Deck.load(args.deck, views=applies())
        except InputError as error:
            print(f"posenc-gui: error: {error}", file=sys.stderr)
            return 2
    from .window import MainWindow

    window = MainWindow()
    if deck is not None:
        window.model.set_scene(deck.scenes[0])
    window.resize(1600, 900)
    window.show()
    return app.exec()
