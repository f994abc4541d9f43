"""``posenc-gui export``: write what the app computes to a file, headless.

One subcommand per output kind of the registry (``core.registry.KINDS``) plus ``walkthrough``; the
flags of each are generated from the parameters of the methods that have that output, so a new
method is exportable with no change here; ``deck`` writes a handout PDF of a lecture deck. Qt is imported only
to draw a figure (``.png``, ``.svg``, ``.pdf``) or a handout.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import numpy as np

from . import cli_real_models, config_export
from .core import registry
from .core.params import InputError, Param, printable
from .core.walkthrough import STEPS, trace
from .files import provenance, write_arrays

PROG = "posenc-gui export"
FIGURE_SUFFIXES = (".png", ".svg", ".pdf")
SUFFIXES = (".npy", ".csv", ".npz") + FIGURE_SUFFIXES
# Where a kind has several methods and the contract names one as the default.
DEFAULT_METHODS = {"frequencies": "rope"}
WIDTH = Param("width", "int", 1600, "Width of a .png figure in pixels, text and legends scaled with it "
                                    "(.png only: .svg and .pdf are vector files)", 16, 16384)
DECK_HELP = "a handout PDF of a lecture deck: one page per scene with its title, picture and notes"
WALKTHROUGH_HELP = (f"the seed-001 worked example with the exact softmax ({', '.join(STEPS)}) and the "
                    "article's rounded article_weights, article_outputs (.npz)")


class UsageError(Exception):
    """A command line that argparse refused; its message is one line."""


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are exceptions (one line, no usage dump)."""

    def error(self, message: str):
        raise UsageError(message)


# -- the parser, generated from the registry ---------------------------------------------------------

def number(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def describe(param: Param) -> str:
    """Help text, range and default of one parameter, e.g. ``Heads (1 to 64, default 8)``."""
    if param.kind == "bool":
        return f"{param.help} (a flag; --no-{param.flag[2:]} turns it off; default {'on' if param.default else 'off'})"
    if param.kind == "choice":
        return f"{param.help} (one of {', '.join(param.choices)}, default {param.default})"
    low = "-inf" if param.minimum is None else number(param.minimum)
    high = "inf" if param.maximum is None else number(param.maximum)
    return f"{param.help} ({low} to {high}, default {number(param.default)})"


def params_of_kind(kind: str) -> dict[str, list[tuple[registry.Method, Param]]]:
    """{parameter name: [(method, its Param), ...]} over every method that has output ``kind``."""
    found: dict[str, list[tuple[registry.Method, Param]]] = {}
    for method in registry.methods_with(kind):
        for param in method.params_for(kind):
            found.setdefault(param.name, []).append((method, param))
    return found


def flag_help(kind: str, users: list[tuple[registry.Method, Param]]) -> str:
    """One flag's help: its description, per method when the methods define it differently."""
    texts: dict[str, list[str]] = {}
    for method, param in users:
        texts.setdefault(describe(param), []).append(method.name)
    everyone = len(users) == len(registry.methods_with(kind))
    if len(texts) == 1:
        text, names = next(iter(texts.items()))
        return text if everyone else f"{', '.join(names)}: {text}"
    return "; ".join(f"{', '.join(names)}: {text}" for text, names in texts.items())


def metavar(users: list[tuple[registry.Method, Param]]) -> str:
    param = users[0][1]
    if param.kind == "choice":
        return "{" + ",".join(dict.fromkeys(c for _, p in users for c in p.choices)) + "}"
    return "N" if all(p.kind == "int" for _, p in users) else "X"


def method_choice_help(kind: str) -> str:
    names = [m.name for m in registry.methods_with(kind)]
    if len(names) == 1:
        return f"method {names[0]}"
    default = default_method(kind)
    return f"one of {', '.join(names)}" + (f" (default {default})" if default else " (required)")


def default_method(kind: str) -> str | None:
    names = [m.name for m in registry.methods_with(kind)]
    return names[0] if len(names) == 1 else DEFAULT_METHODS.get(kind)


def add_kind_parser(subparsers, kind: str) -> None:
    meaning = registry.KINDS[kind].meaning
    sub = subparsers.add_parser(kind, help=f"{meaning}; {method_choice_help(kind)}",
                                description=f"Export {kind}: {meaning}.",
                                formatter_class=argparse.RawDescriptionHelpFormatter,
                                epilog="Each method takes only its own flags; a flag it does not take is an error.")
    sub.add_argument("--method", help=method_choice_help(kind))
    for name, users in params_of_kind(kind).items():
        flag = users[0][1].flag
        text = flag_help(kind, users).replace("%", "%%")
        if users[0][1].kind == "bool":
            sub.add_argument(flag, dest=name, action=argparse.BooleanOptionalAction, default=None, help=text)
        else:
            sub.add_argument(flag, dest=name, metavar=metavar(users), default=None, help=text)
    config_export.add_flags(sub, kind)
    add_out(sub)
    sub.add_argument(WIDTH.flag, dest="png_width", metavar="N", default=None, help=describe(WIDTH))


def add_out(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", required=True, metavar="FILE",
                        help="file to write: .npy (the array in the dtype the method computes), .csv (a table "
                             "after a '#' line naming method and parameters), .npz (named arrays), or the app's "
                             "figure as .png, .svg or .pdf (vector)")


def overview() -> str:
    """Every method with its outputs and parameters (help, range, default), for ``export --help``."""
    lines = ["methods and their parameters (flags):"]
    for method in registry.all_methods():
        lines.append(f"  {method.name}: {method.title}; outputs {', '.join(method.outputs)}")
        lines.append(f"      {method.citation}")
        for param in method.params:
            lines.append(f"      {param.flag:<20} {describe(param)}")
    lines += ["", "Bad input exits with status 2 and one line on stderr; a file is written whole or not at all."]
    return "\n".join(lines)


def build_parser() -> Parser:
    parser = Parser(prog=PROG, formatter_class=argparse.RawDescriptionHelpFormatter,
                    description="Write positional encodings, biases, frequencies and the attention walkthrough "
                                "to .npy, .csv, .npz, .png, .svg or .pdf, and a lecture deck's handout to .pdf, "
                                "with no display.",
                    epilog=overview())
    subparsers = parser.add_subparsers(dest="kind", metavar="KIND", required=True,
                                       title="subcommands (one per output kind)")
    for kind in registry.KINDS:
        if registry.methods_with(kind):
            add_kind_parser(subparsers, kind)
    config_export.add_layers_parser(subparsers, add_out)
    walk = subparsers.add_parser("walkthrough", help=WALKTHROUGH_HELP, description=f"Export {WALKTHROUGH_HELP}.")
    add_out(walk)
    cli_real_models.add_parsers(subparsers)
    deck = subparsers.add_parser("deck", help=DECK_HELP, description=f"Write {DECK_HELP}.")
    deck.add_argument("deck", metavar="DECK.posdeck", help="the lecture deck to print")
    deck.add_argument("--lang", choices=("en", "zh"), default="en", help="language of titles, notes and plots")
    deck.add_argument("--out", required=True, metavar="FILE.pdf", help="the handout to write (.pdf)")
    return parser


# -- running ------------------------------------------------------------------------------------------

def checked_out(path_text: str, allowed: tuple[str, ...] = SUFFIXES) -> Path:
    """The output path, refused early when its suffix is unknown, its folder missing or read-only, or the
    path cannot even be examined (a name too long, a folder that may not be entered)."""
    path = Path(path_text)
    if path.suffix.lower() not in allowed:
        raise InputError(f"cannot write {path}: the suffix must be {', '.join(allowed)}, not {path.suffix or 'none'!r}")
    if "\0" in path_text:  # pathlib answers "no such file" to it; writing it raises ValueError
        raise InputError("cannot write {0}: a file name cannot hold a NUL byte", path_text)
    folder = path.parent
    try:
        if path.is_dir():
            raise InputError(f"cannot write {path}: it is a folder")
        if not folder.exists():
            raise InputError(f"cannot write {path}: folder {folder} does not exist")
        if not folder.is_dir():
            raise InputError(f"cannot write {path}: {folder} is not a folder")
    except OSError as error:
        raise InputError("cannot write {0}: {1}", str(path), str(error.strerror or error)) from None
    if not os.access(folder, os.W_OK):
        raise InputError(f"cannot write {path}: folder {folder} is not writable")
    return path


def chosen_method(kind: str, name: str | None) -> registry.Method:
    if name is None:
        name = default_method(kind)
        if name is None:
            raise InputError(f"{kind} needs --method: {', '.join(m.name for m in registry.methods_with(kind))}")
    method = registry.get(name)
    if kind not in method.outputs:
        raise InputError(f"method {name} has no {kind} output; methods with one: "
                         f"{', '.join(m.name for m in registry.methods_with(kind))}")
    return method


def given_values(args: argparse.Namespace, kind: str, method: registry.Method) -> dict:
    """The parameter flags given on the command line; a flag ``method`` does not take is an error."""
    taken = {p.name for p in method.params_for(kind)}
    values = {}
    for name, users in params_of_kind(kind).items():
        value = getattr(args, name)
        if value is None:
            continue
        if name not in taken:
            flags = " ".join(p.flag for p in method.params_for(kind))
            owners = ", ".join(m.name for m, _ in users)
            raise InputError(f"{users[0][1].flag} is not a parameter of {method.name} {kind} (it takes: {flags}); "
                             f"--method {owners} takes it")
        values[name] = value
    return values


def csv_budget(method: registry.Method, kind: str, resolved: dict) -> None:
    """Refuse a CSV whose staging copy (indices beside values) would pass the memory budget."""
    shape = method.output(kind).shape(**resolved)
    need = int(np.prod(shape, dtype=np.float64)) * 8 * (len(shape) + 2)
    if need > registry.memory_budget():
        raise InputError(f"a CSV of shape {shape} needs about {registry.format_bytes(need)}, over the memory "
                         f"budget of {registry.format_bytes(registry.memory_budget())}; write .npy instead")


def export_kind(args: argparse.Namespace) -> str:
    kind = args.kind
    path = checked_out(args.out)
    method = chosen_method(kind, args.method)
    resolved = method.resolve(kind, given_values(args, kind, method))
    suffix = path.suffix.lower()
    if args.png_width is not None and suffix != ".png":
        raise InputError(f"{WIDTH.flag} applies to .png files only, not {path.name}")
    if suffix in FIGURE_SUFFIXES:
        width = WIDTH.coerce(WIDTH.default if args.png_width is None else args.png_width)
        quiet_qt()
        from .app.export import render_figure

        render_figure(kind, method.name, resolved, path, width=width)
        return f"wrote the {method.name} {kind} figure to {path}"
    if suffix == ".csv":
        csv_budget(method, kind, resolved)
    array = method.compute(kind, resolved)  # in the dtype the method computes: float32 stays float32
    write_arrays(path, {kind: array}, provenance(method.name, kind, resolved))
    return f"wrote {method.name} {kind} {array.shape} {array.dtype} to {path}"


def quiet_qt() -> None:
    """The offscreen platform warns about window features it lacks; success prints one line only."""
    os.environ.setdefault("QT_LOGGING_RULES", "default.warning=false")


def export_deck(args: argparse.Namespace) -> str:
    path = checked_out(args.out, (".pdf",))
    quiet_qt()
    from .app.handout import export_handout

    pages = export_handout(args.deck, path, args.lang)
    return f"wrote a handout of {pages} pages to {path}"


def export_walkthrough(args: argparse.Namespace) -> str:
    path = checked_out(args.out, (".npz",))
    arrays = trace()
    arrays.update({f"article_{k}": v for k, v in trace(rounded=True).items() if k in ("weights", "outputs")})
    write_arrays(path, arrays, provenance("walkthrough", "the seed-001 worked example"))
    return f"wrote the walkthrough ({', '.join(arrays)}) to {path}"


def export_main(argv: list[str] | None = None) -> int:
    """Run ``posenc-gui export`` with ``argv`` (the words after ``export``). 0 written, 2 bad input."""
    try:
        parser = build_parser()
        try:
            args = parser.parse_args(argv)
        except SystemExit as done:  # --help printed
            return int(done.code or 0)
        if args.kind in cli_real_models.KINDS:
            message = cli_real_models.export(args)
        elif config_export.wanted(args):
            message = config_export.export(args, checked_out)
        else:
            run = {"walkthrough": export_walkthrough, "deck": export_deck}.get(args.kind, export_kind)
            message = run(args)
    except (UsageError, InputError) as error:
        print(f"{PROG}: {printable(str(error))}", file=sys.stderr)  # argparse's words too: one line
        return 2
    except MemoryError:
        print(f"{PROG}: not enough memory for this request; lower the sizes or POSENC_MEMORY_BUDGET",
              file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted; nothing was written", file=sys.stderr)
        return 130
    print(printable(message))
    return 0
