"""The guided tour on a real X server (Xvfb, openbox; the fixture of test_deck_keys) with xdotool's key presses:
the tour's keys step it, go round its buttons and end it, ahead of the deck open behind it; after it, the deck's
keys step the deck again."""

import subprocess
import sys
from pathlib import Path

from tests.app.test_deck_keys import x_server  # noqa: F401  (a fixture)
from tests.app.xcb_support import wait_for_state

ROOT = Path(__file__).resolve().parents[2]
XCB_APP = Path(__file__).with_name("xcb_tour_app.py")
DECK = ROOT / "resources" / "decks" / "default.posdeck"


def test_tour_keys_on_a_real_x_server(x_server, tmp_path):  # noqa: F811
    state_file = tmp_path / "state.json"
    env = {**x_server, "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": str(ROOT)}
    app = subprocess.Popen([sys.executable, str(XCB_APP), str(state_file), str(DECK)], env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

    def state(until, what):
        return wait_for_state(app, state_file, until, what)

    def key(name, step, what, focus="tour_next"):
        subprocess.run(["xdotool", "key", "--delay", "50", name], env=x_server, check=True)
        shown = state(lambda s: s["step"] == step and s["focus"] == focus, what)
        assert shown["deck_index"] == 0, f"{name} stepped the deck behind the tour"

    try:
        first = state(lambda s: s["running"] and s["bubble_visible"] and s["focus"] == "tour_next",
                      "the tour runs with the focus on Next")
        assert first["step"] == 0 and first["deck_index"] == 0
        key("Right", 1, "Right goes on")
        key("Return", 2, "Return goes on")
        key("Next", 3, "PageDown goes on")
        key("Left", 2, "Left goes back")
        key("Prior", 1, "PageUp goes back")
        key("space", 2, "Space presses the focused Next")
        key("Tab", 2, "Tab goes round the bubble's buttons", focus="tour_end")
        key("shift+Tab", 2, "Shift+Tab comes back")
        subprocess.run(["xdotool", "key", "Escape"], env=x_server, check=True)
        ended = state(lambda s: not s["running"], "Escape ends the tour")
        assert ended["deck_index"] == 0 and not ended["presenting"]
        subprocess.run(["xdotool", "key", "Next"], env=x_server, check=True)
        state(lambda s: s["deck_index"] == 1, "after the tour PageDown steps the deck")
    finally:
        app.terminate()
        try:
            app.wait(10)
        except subprocess.TimeoutExpired:
            app.kill()
