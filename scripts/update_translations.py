#!/usr/bin/env python3
"""Update the translations: extract every visible string into resources/translations/posenc_gui_zh.ts
and build posenc_gui_zh.qm from it.

    .venv/bin/python scripts/update_translations.py           # update the .ts, then build the .qm
    .venv/bin/python scripts/update_translations.py --check   # exit 1 if the .ts misses a string

Strings come from two places. The Qt code marks its own with ``self.tr`` / ``i18n.translate``, which
``pyside6-lupdate`` reads. The registry's strings are plain data, so this script writes them (family
names, method titles and summaries, parameter titles, help texts and choices, output kinds with their
meanings, axis names and panel titles, RoPE scaling names: context "core"), with the views' navigation titles
and lesson step titles (in the context of their view class), as ``QT_TRANSLATE_NOOP`` markers into a temporary
file that lupdate reads with the code. lupdate keeps existing translations; a new or changed string comes out
unfinished until someone translates it.

The error messages the app shows are templates too: every ``InputError("... {0} ...", value, ...)``
in the source of the core and of the app's few files outside Qt's string marking (ERROR_SOURCES,
found with ``ast``) is written as a marker in context "errors", which the app translates before
filling in the values. The command line's own messages (cli.py) stay English and are not extracted.

English is the source language, so it needs no .ts or .qm. The .qm is committed, so that the
installed and the frozen app find it in resources/ with no build step.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import pkgutil
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PACKAGE = ROOT / "posenc_gui"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("zh",)
MARKERS_NAME = ".registry_strings.py"  # exists only while lupdate runs
# Where the InputError templates shown by the app are: the core, the scenes and decks, and the app's
# export, handout and file writing (the self-test's one message comes along).
ERROR_SOURCES = (
    PACKAGE / "core",
    PACKAGE / "scene.py",
    PACKAGE / "scene_files.py",
    PACKAGE / "app" / "export.py",
    PACKAGE / "app" / "handout.py",
    PACKAGE / "app" / "selftest.py",
    PACKAGE / "files.py",
)

# the calls whose first argument is such a template (a FileProblem's is in context "files")
ERROR_CLASSES = ("InputError", "ModelsMissing")


def ts_path(code: str) -> Path:
    return TRANSLATIONS / f"posenc_gui_{code}.ts"


def qm_path(code: str) -> Path:
    return TRANSLATIONS / f"posenc_gui_{code}.qm"


def tool(name: str) -> str:
    """Path of a PySide6 tool (``pyside6-lupdate``...), preferring the one beside this Python."""
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if not found:
        sys.exit(f"update_translations: {name} not found; install PySide6-Essentials")
    return found


def core_strings() -> list[str]:
    """What the app shows of the registry, in registry order, without repeats."""
    from posenc_gui.core import registry, rope_scalings
    from posenc_gui.core.lessons import options as lesson_options

    texts = [*registry.FAMILIES.values(), *registry.KINDS]
    for kind in registry.KINDS.values():
        texts += [kind.meaning, *kind.axes, *kind.panel_titles]
    for method in registry.all_methods():
        texts += [method.title, method.summary]
        for param in method.params:
            texts += [param.title, param.help, *param.choices]
    texts += [text for scaling in rope_scalings.SCALINGS.values() for text in (scaling.title, scaling.legend_title)]
    texts += [text for params in lesson_options.LESSON_OPTIONS.values() for param in params
              for text in (param.title, param.help)]
    return list(dict.fromkeys(texts))


def view_strings() -> list[tuple[str, str]]:
    """(class name, text) of every view's navigation title and every lesson's step titles (when a
    class attribute: steps made by a property are translated by their view)."""
    from posenc_gui.app import views
    from posenc_gui.app.views.base import View

    for module in pkgutil.iter_modules(views.__path__):
        importlib.import_module(f"{views.__name__}.{module.name}")
    found, pending = [], list(View.__subclasses__())
    while pending:
        cls = pending.pop(0)
        pending += cls.__subclasses__()
        steps = getattr(cls, "steps", ())
        found += [(cls.__name__, text) for text in (cls.title, *(steps if isinstance(steps, tuple) else ())) if text]
    return list(dict.fromkeys(found))


def error_sources() -> list[Path]:
    """The Python files of ERROR_SOURCES (folders searched whole), sorted."""
    return sorted({path for source in ERROR_SOURCES
                   for path in (source.rglob("*.py") if source.is_dir() else [source])})


def error_templates() -> list[str]:
    """The template of every ``InputError(<string constant>, ...)`` call (or ERROR_CLASSES') in ERROR_SOURCES, in file
    and line order, without repeats."""
    found = []
    for source in error_sources():
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"), str(source))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ERROR_CLASSES
                    and node.args and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                found.append((node.lineno, node.args[0].value, source))
    return list(dict.fromkeys(text for _line, text, _source in sorted(found, key=lambda f: (str(f[2]), f[0]))))


def write_markers(path: Path) -> None:
    lines = ["# Generated by scripts/update_translations.py for lupdate; not part of the app.\n"]
    strings = [("core", text) for text in core_strings()] + view_strings()
    strings += [("errors", text) for text in error_templates()]
    lines += [f"QT_TRANSLATE_NOOP({context!r}, {text!r})\n" for context, text in strings]
    path.write_text("".join(lines), encoding="utf-8")


def run_lupdate(ts: Path, markers: Path, *extra: str) -> None:
    sources = sorted(str(p) for p in PACKAGE.rglob("*.py"))
    subprocess.run([tool("pyside6-lupdate"), *extra, *sources, str(markers), "-ts", str(ts)],
                   check=True, stdout=subprocess.DEVNULL)


def source_strings(ts: Path) -> set[tuple[str, str]]:
    """(context, source) of every current (not vanished or obsolete) message of a .ts file."""
    found = set()
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            if message.find("translation").get("type") not in ("vanished", "obsolete"):
                found.add((name, message.findtext("source")))
    return found


def update() -> None:
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    markers = TRANSLATIONS / MARKERS_NAME
    try:
        write_markers(markers)
        for code in LANGUAGES:
            run_lupdate(ts_path(code), markers, "-no-obsolete", "-target-language", f"{code}_CN")
    finally:
        markers.unlink(missing_ok=True)
    for code in LANGUAGES:
        build_qm(ts_path(code), qm_path(code))
        unfinished = ET.parse(ts_path(code)).getroot().findall(".//translation[@type='unfinished']")
        print(f"updated {ts_path(code).relative_to(ROOT)} ({len(unfinished)} to translate) and {qm_path(code).name}")


def build_qm(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def check() -> int:
    """Compare the strings in the code with the .ts files; print the differences, return 1 if any."""
    with tempfile.TemporaryDirectory() as tmp:
        markers, fresh = Path(tmp) / "registry_strings.py", Path(tmp) / "fresh.ts"
        write_markers(markers)
        run_lupdate(fresh, markers, "-locations", "none")
        in_code = source_strings(fresh)
    status = 0
    for code in LANGUAGES:
        in_ts = source_strings(ts_path(code)) if ts_path(code).exists() else set()
        for label, rows in (("not in", in_code - in_ts), ("no longer in the code but in", in_ts - in_code)):
            for context, text in sorted(rows):
                print(f"{label} {ts_path(code).name}: [{context}] {text!r}")
                status = 1
    if status:
        print("run: python scripts/update_translations.py, then translate the new strings")
    return status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only report strings missing from the .ts")
    if parser.parse_args(argv).check:
        return check()
    update()
    return 0


if __name__ == "__main__":
    sys.exit(main())
