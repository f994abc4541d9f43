"""Typed, self-describing parameters: one definition feeds the panel, the CLI and the tests."""

from __future__ import annotations

import math
from dataclasses import dataclass, field


class InputError(ValueError):
    """Bad input from a user. The message is one line, fit to show as it is."""


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

    def __post_init__(self):
        if self.kind not in KINDS:
            raise TypeError(f"unknown parameter kind {self.kind!r}")
        if self.kind == "choice" and self.default not in self.choices:
            raise TypeError(f"default of {self.name} is not one of its choices")

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
            text = str(value)
            if text not in self.choices:
                raise InputError(
                    f"{self.name} must be one of {', '.join(self.choices)}, not {text!r}"
                )
            return text
        number = _to_number(self.name, value, integer=self.kind == "int")
        if self.minimum is not None and number < self.minimum:
            raise InputError(f"{self.name} must be at least {_fmt(self.minimum)}, not {_fmt(number)}")
        if self.maximum is not None and number > self.maximum:
            raise InputError(f"{self.name} must be at most {_fmt(self.maximum)}, not {_fmt(number)}")
        return number


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else repr(float(x))


def _to_bool(name: str, value: object) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off"):
        return False
    raise InputError(f"{name} must be true or false, not {value!r}")


def _to_number(name: str, value: object, integer: bool) -> int | float:
    if isinstance(value, bool):
        raise InputError(f"{name} must be a number, not {value!r}")
    try:
        number = float(value) if not isinstance(value, int) else value
    except (TypeError, ValueError):
        raise InputError(f"{name} must be a number, not {value!r}") from None
    if isinstance(number, float) and not math.isfinite(number):
        raise InputError(f"{name} must be a finite number, not {value!r}")
    if integer:
        if isinstance(number, float) and not number.is_integer():
            raise InputError(f"{name} must be a whole number, not {value!r}")
        return int(number)
    return float(number)


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
