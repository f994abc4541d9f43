"""Typed, self-describing parameters: one definition feeds the panel, the CLI and the tests."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field


class InputError(ValueError):
    """Bad input from a user. The message is one line, fit to show as it is.

    ``InputError(template, *values)``: an English ``str.format`` template with positional fields
    ({0}, {1}...) and the values that fill them, formatted beforehand where the message wants a repr
    or a list. ``str(error)`` is the English message (the command line's); the app shows the template
    translated (context "errors", extracted by scripts/update_translations.py) filled with the same
    values. Without values the template is the message as it is (no fields are filled)."""

    def __init__(self, template: str, *values: object):
        super().__init__(template, *values)  # args too: a pickled copy keeps template and values
        self.template, self.values = template, values

    def __str__(self) -> str:
        return printable(self.template.format(*self.values) if self.values else self.template)


class Term(str):
    """A value of an InputError that is the app's own English words, not the user's (the name of a
    JSON type, how to get the real models): ``str`` as it is, translated by the app's ``error_text``
    (context "errors")."""


# Characters that would break a one-line message or act on the terminal showing it: C0 and C1 controls
# (newline, ESC...), line and paragraph separators, bidirectional overrides, and lone surrogates (from
# file names that are not UTF-8), which cannot even be printed.
UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` with each character of UNPRINTABLE written as its Python escape (``\\n``, ``\\x1b``,
    ``\\u202e``): a message that quotes user input stays one line and sends no escape sequences."""
    return UNPRINTABLE.sub(lambda found: found[0].encode("unicode_escape").decode("ascii"), text)


KINDS = ("int", "float", "bool", "choice")


@dataclass(frozen=True)
class Param:
    """One parameter of a method: name, type, range, default and a one-line help."""

    name: str
    kind: str
    default: object
    help: str
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] = field(default=())
    label: str = ""
    # The parameter changes the result only while every named choice has one of the listed values, e.g.
    # (("layout", ("fairseq",)),): the panel hides it otherwise and does not offer it to sweep.
    when: tuple[tuple[str, tuple[str, ...]], ...] = field(default=())
    step: float | None = None  # a control's step (an even width steps by 2); None: the control's own

    def __post_init__(self):
        if self.kind not in KINDS:
            raise TypeError(f"unknown parameter kind {self.kind!r}")
        if self.kind == "choice" and self.default not in self.choices:
            raise TypeError(f"default of {self.name} is not one of its choices")

    def applies(self, values) -> bool:
        """Whether this parameter changes anything with the other parameters at ``values``."""
        return all(values.get(name) in allowed for name, allowed in self.when)

    @property
    def flag(self) -> str:
        """The command-line flag, e.g. ``--seq-len``."""
        return "--" + self.name.replace("_", "-")

    @property
    def title(self) -> str:
        """The label shown in the panel."""
        return self.label or self.name.replace("_", " ").capitalize()

    def coerce(self, value: object) -> object:
        """Return ``value`` as this parameter's type, or raise InputError naming the problem."""
        if self.kind == "bool":
            return _to_bool(self.name, value)
        if self.kind == "choice":
            text = value if isinstance(value, str) else shown(value)
            if text not in self.choices:
                raise InputError("{0} must be one of {1}, not {2}", self.name, ", ".join(self.choices), shown(value))
            return str(text)
        number = _to_number(self.name, value, integer=self.kind == "int")
        if self.minimum is not None and number < self.minimum:
            raise InputError("{0} must be at least {1}, not {2}", self.name, _fmt(self.minimum), _fmt(number))
        if self.maximum is not None and number > self.maximum:
            raise InputError("{0} must be at most {1}, not {2}", self.name, _fmt(self.maximum), _fmt(number))
        return number

    def clamp(self, value: object) -> object:
        """``value`` as this parameter's type, pulled into its range (a fraction cut to its whole part for an
        int); the default when it is not one of the type. For a setting read where it cannot be refused: a
        scene made in code skips ``coerce``."""
        if self.kind not in ("int", "float"):
            try:
                return self.coerce(value)
            except InputError:
                return self.default
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            return self.default
        number = int(value) if self.kind == "int" else float(value)
        if self.minimum is not None:
            number = max(number, type(number)(self.minimum))
        if self.maximum is not None:
            number = min(number, type(number)(self.maximum))
        return number


def _fmt(x: float) -> str:
    if isinstance(x, int):
        return shown(x)
    return str(int(x)) if x.is_integer() and abs(x) < 1e15 else repr(x)


def shown(value: object, limit: int = 40) -> str:
    """``repr(value)`` fit for a one-line message: cut to about ``limit`` characters, and never
    failing (Python refuses to print integers of over 4,300 digits)."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 3 * limit:
        return f"a number of about {int(value.bit_length() * math.log10(2)) + 1} digits"
    try:
        text = repr(value)
    except (ValueError, RecursionError):
        text = type(value).__name__
    return text if len(text) <= limit else text[:limit - 1] + "…"


def shown_name(name: object) -> str:
    """A name for a message: as it is when it is one short printable word, else ``shown(name)``."""
    if isinstance(name, str) and name.isprintable() and 0 < len(name) <= 40 and " " not in name:
        return name
    return shown(name)


def _to_bool(name: str, value: object) -> bool:
    if isinstance(value, bool):
        return value
    text = (value if isinstance(value, str) else shown(value)).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off"):
        return False
    raise InputError("{0} must be true or false, not {1}", name, shown(value))


def _to_number(name: str, value: object, integer: bool) -> int | float:
    if isinstance(value, bool):
        raise InputError("{0} must be a number, not {1}", name, shown(value))
    try:
        number = float(value) if not isinstance(value, int) else value
    except (TypeError, ValueError):
        raise InputError("{0} must be a number, not {1}", name, shown(value)) from None
    if isinstance(number, float) and not math.isfinite(number):
        raise InputError("{0} must be a finite number, not {1}", name, shown(value))
    if integer:
        if isinstance(number, float) and not number.is_integer():
            raise InputError("{0} must be a whole number, not {1}", name, shown(value))
        return int(number)
    try:
        return float(number)
    except OverflowError:  # an integer beyond the float range
        raise InputError("{0} is too large: {1}", name, shown(value)) from None


# Parameters that many methods share. A method may define its own with another range.
SEQ_LEN = Param("seq_len", "int", 128, "Number of positions (tokens) in the sequence", 1, 8192,
                label="Sequence length")
D_MODEL = Param("d_model", "int", 128, "Width of each encoding vector (model dimension)", 1, 2048,
                label="d_model")
EVEN_D_MODEL = Param("d_model", "int", 128, "Width of each vector; must be even (dimensions rotate in pairs)",
                     2, 2048, label="d_model")
BASE = Param("base", "float", 10000.0, "Base of the geometric frequency progression", 2.0, 1e7,
             label="Base")
HEADS = Param("heads", "int", 8, "Number of attention heads", 1, 64, label="Heads")
CAUSAL = Param("causal", "bool", False, "Decoder form: a query sees only itself and earlier keys",
               label="Causal")
SEED = Param("seed", "int", 0, "Seed of the random generator (same seed, same numbers)", 0, 2**31 - 1,
             label="Seed")
