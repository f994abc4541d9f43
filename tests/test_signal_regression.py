"""PySide6 6.12.0 on Python 3.11 drops a reference to True on every Python-side Signal.emit();
after about 1,000 emits the interpreter aborts ("Fatal Python error: bool_dealloc")."""

import subprocess
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

EMITS = 20_000

SCRIPT = f"""
import sys
from PySide6.QtCore import QCoreApplication, QObject, Signal

class Emitter(QObject):
    changed = Signal(object)
    toggled = Signal(bool)

app = QCoreApplication([])
emitter, received = Emitter(), []
emitter.changed.connect(received.append)
emitter.toggled.connect(received.append)
for i in range({EMITS}):
    emitter.changed.emit(i)
    emitter.toggled.emit(i % 2 == 0)
assert len(received) == {2 * EMITS}, len(received)
print("ok")
"""


def test_many_signal_emits_do_not_abort_the_interpreter():
    # In a child process: the bug kills the interpreter, which would take pytest with it.
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-2000:]


def test_pyside6_6_12_0_cannot_be_installed_on_python_3_11():
    project = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    reqs = [Requirement(r) for r in project["project"]["dependencies"]]
    qt = [r for r in reqs if r.name.lower() == "pyside6-essentials"]
    applies = [r for r in qt if r.marker is None or r.marker.evaluate({"python_version": "3.11"})]
    assert applies, "no PySide6-Essentials requirement applies on Python 3.11"
    for r in applies:
        assert "6.12.0" not in r.specifier and "6.11.3" in r.specifier
    assert not any(r.name.lower() == "pyside6" for r in reqs), "use PySide6-Essentials, not PySide6"
