"""What the real-X tests share: the app under test publishes its state to a JSON file every 100 ms (written whole,
then renamed, so the test never reads half a file), and the test waits for a state it expects."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path


def publish_state(state: dict, state_file: str) -> None:
    """Write ``state`` to ``state_file`` as one rename (a reader sees the old file or the new one)."""
    temporary = state_file + ".tmp"
    Path(temporary).write_text(json.dumps(state))
    os.replace(temporary, state_file)


def wait_for_state(app, state_file: Path, until, what: str, seconds: float = 30):
    """The app's published state once ``until(state)`` holds; fails with ``what`` and the last state after
    ``seconds``, or at once with the app's output if it has ended."""
    deadline, now = time.monotonic() + seconds, None
    while time.monotonic() < deadline:
        assert app.poll() is None, app.stdout.read()
        try:
            now = json.loads(state_file.read_text())
        except (OSError, ValueError):
            now = None
        if now is not None and until(now):
            return now
        time.sleep(0.05)
    raise AssertionError(f"{what}: last state {now}")
