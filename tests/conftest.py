"""Shared fixtures: every test runs on Qt's offscreen platform unless told otherwise."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
