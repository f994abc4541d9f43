"""The project's own metadata: the packages a wheel carries, and the resources it finds."""

import tomllib
from pathlib import Path

from posenc_gui.paths import resources_dir

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_lists_every_package():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "posenc_gui").rglob("__init__.py")}
    assert found | {"posenc_gui.resources"} == listed


def test_resources_are_found_from_the_source_tree():
    assert resources_dir() == ROOT / "resources"
