#!/usr/bin/env python3
"""The layout report over the whole lecture-hall matrix, one self-test process a configuration:

    python scripts/layout_matrix.py --out DIR [--subset] [--jobs N] [--screens 1280x800,3840x2160]
                                    [--scales 1.0,1.6] [--themes dark] [--languages zh] [--modes presenting]

Every configuration of screen (1024x768, 1280x720, 1280x800, 1920x1080, and 3840x2160 at device pixel ratio 2),
text scale (x1.0, x1.3, x1.6), theme, language and mode (presenting or windowed) runs
``posenc-gui --self-test --deck <default deck> --layout-report`` on Qt's offscreen platform (a new process each:
the offscreen screen takes its size before the application starts). A 4K screen is QT_SCALE_FACTOR=2 with
``--screen 3840x2160``: 1920 x 1080 logical pixels, every drawing at twice the pixels, as on such a projector.
``--subset`` runs eight configurations that together take every value at least once. Each configuration writes
DIR/NAME.json (the layout report) and DIR/NAME.txt (its output); DIR/problems.md lists every problem found
(configuration, step, problem). Exit status 0 when no configuration found one, 1 when some did, 2 when a run
failed to write its report.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DECK = ROOT / "resources" / "decks" / "default.posdeck"
SCREENS = ("1024x768", "1280x720", "1280x800", "1920x1080", "3840x2160")
PIXEL_RATIO = {"3840x2160": 2}  # device pixels per logical pixel; others 1
SCALES = ("1.0", "1.3", "1.6")
THEMES = ("light", "dark")
LANGUAGES = ("en", "zh")
MODES = ("presenting", "windowed")
# every screen, text scale, theme, language and mode at least once, each screen in both modes where it can be
SUBSET = (("1024x768", "1.3", "dark", "zh", "presenting"), ("1024x768", "1.0", "light", "en", "windowed"),
          ("1280x720", "1.6", "light", "en", "presenting"), ("1280x800", "1.0", "dark", "zh", "windowed"),
          ("1280x800", "1.6", "light", "en", "presenting"), ("1920x1080", "1.6", "dark", "zh", "windowed"),
          ("3840x2160", "1.6", "light", "zh", "presenting"), ("3840x2160", "1.0", "dark", "en", "windowed"))


@dataclass(frozen=True)
class Configuration:
    screen: str
    scale: str
    theme: str
    language: str
    mode: str

    @property
    def name(self) -> str:
        return f"{self.mode}-{self.screen}-x{self.scale}-{self.theme}-{self.language}"

    def command(self, report: Path) -> list[str]:
        return [sys.executable, "-m", "posenc_gui", "--self-test", "--deck", str(DECK), "--screen", self.screen,
                "--text-scale", self.scale, "--theme", self.theme, "--lang", self.language,
                "--layout-report", str(report), *(["--presenting"] if self.mode == "presenting" else [])]

    def environment(self) -> dict[str, str]:
        return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": str(PIXEL_RATIO.get(self.screen, 1))}


def configurations(subset: bool = False, screens=SCREENS, scales=SCALES, themes=THEMES, languages=LANGUAGES,
                   modes=MODES) -> list[Configuration]:
    """The matrix (or its spanning subset), narrowed to the values given."""
    chosen = SUBSET if subset else itertools.product(SCREENS, SCALES, THEMES, LANGUAGES, MODES)
    return [Configuration(*values) for values in chosen
            if values[0] in screens and values[1] in scales and values[2] in themes and values[3] in languages
            and values[4] in modes]


def run(configuration: Configuration, folder: Path) -> tuple[Configuration, dict | None]:
    """One self-test; its report, or None when it wrote none."""
    report = folder / f"{configuration.name}.json"
    report.unlink(missing_ok=True)
    with open(folder / f"{configuration.name}.txt", "w", encoding="utf-8") as output:
        subprocess.run(configuration.command(report), env=configuration.environment(), cwd=ROOT, stdout=output,
                       stderr=subprocess.STDOUT, check=False)
    return configuration, json.loads(report.read_text(encoding="utf-8")) if report.is_file() else None


def problem_lines(configuration: Configuration, report: dict) -> list[str]:
    return [f"| {configuration.name} | {step['name']} | {problem} |"
            for step in report["steps"] for problem in step["problems"]]


def scroll_lines(configuration: Configuration, report: dict) -> list[str]:
    """The deck's scenes whose page scrolls while presenting, where the hall cannot scroll (not problems of the
    layout check: a page taller than the window is laid out right)."""
    if configuration.mode != "presenting":
        return []
    return [f"| {configuration.name} | {step['name']} | {step['scroll']} px |"
            for step in report["steps"] if step["name"].startswith("deck-") and step.get("scroll", 0) > 0]


def values(text: str) -> tuple[str, ...]:
    return tuple(value.strip() for value in text.split(",") if value.strip())


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True, type=Path, help="folder for the reports")
    parser.add_argument("--subset", action="store_true", help="eight configurations that take every value once")
    parser.add_argument("--jobs", type=int, default=1, help="configurations run at once (each takes one core)")
    for option, default in (("screens", SCREENS), ("scales", SCALES), ("themes", THEMES), ("languages", LANGUAGES),
                            ("modes", MODES)):
        parser.add_argument(f"--{option}", type=values, default=default, help=f"among {','.join(default)}")
    args = parser.parse_args(argv)
    chosen = configurations(args.subset, args.screens, args.scales, args.themes, args.languages, args.modes)
    if not chosen:
        parser.error("no configuration has those values")
    args.out.mkdir(parents=True, exist_ok=True)
    lines, scrolling, failed = [], [], []
    with ThreadPoolExecutor(max(1, args.jobs)) as pool:
        for configuration, report in pool.map(lambda each: run(each, args.out), chosen):
            if report is None:
                failed.append(configuration.name)
                print(f"{configuration.name}: no report (see {configuration.name}.txt)", flush=True)
                continue
            found, scrolled = problem_lines(configuration, report), scroll_lines(configuration, report)
            lines += found
            scrolling += scrolled
            print(f"{configuration.name}: {len(found)} problems in {len(report['steps'])} steps"
                  + (f", {len(scrolled)} deck scenes scroll" if scrolled else ""), flush=True)
    table = ["| configuration | step | problem |", "|---|---|---|", *lines] if lines else ["No problem found."]
    if scrolling:
        table += ["", "Deck scenes that scroll while presenting:", "", "| configuration | step | scrolls |",
                  "|---|---|---|", *scrolling]
    (args.out / "problems.md").write_text("\n".join(table) + "\n", encoding="utf-8")
    print(f"layout matrix: {len(lines)} problems in {len(chosen)} configurations, listed in {args.out / 'problems.md'}")
    return 2 if failed else 1 if lines else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
