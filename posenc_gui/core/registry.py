"""The registry of positional-encoding methods.

Each method is a small self-describing unit: name, family, citation, parameters and a set of
outputs. An output is one pure function returning a NumPy array, plus a function that predicts the
array's shape from the parameters, so that a request can be refused before anything is allocated.
"""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Callable, Mapping

import numpy as np

from .named_registry import NamedRegistry
from .output_kinds import KINDS
from .params import InputError, Param, shown, shown_name

FAMILIES = {
    "absolute": "Absolute",
    "relative": "Relative",
    "rotary": "Rotary",
    "bias": "Attention bias",
    "2d": "Images and video",
}

# Output kinds: core/output_kinds.py (the CLI's export subcommands are these)

DEFAULT_BUDGET_BYTES = 2 * 1024**3
CHUNK_BYTES = 4 * 2**20   # working memory of one block, for computations done a block at a time
SMALL_BYTES = 256 * 1024  # Python objects and small arrays beside a computation's arrays, in every estimate


def memory_budget() -> int:
    """Most memory, in bytes, that one request may hold at its peak, intermediates included
    (POSENC_MEMORY_BUDGET overrides)."""
    text = os.environ.get("POSENC_MEMORY_BUDGET", "")
    try:
        return max(int(text), 1) if text else DEFAULT_BUDGET_BYTES
    except ValueError:
        return DEFAULT_BUDGET_BYTES


def rows_per_chunk(row_bytes: float) -> int:
    """How many rows of ``row_bytes`` working memory each make one block of at most CHUNK_BYTES (at least 1)."""
    return max(1, int(CHUNK_BYTES // max(row_bytes, 1)))


def block_bytes(rows: int, row_bytes: float) -> int:
    """Working memory of one block when ``rows`` rows of ``row_bytes`` each go rows_per_chunk at a time."""
    return int(min(rows, rows_per_chunk(row_bytes)) * row_bytes)


def format_bytes(n: float) -> str:
    for unit in ("bytes", "KiB", "MiB", "GiB", "TiB"):
        if n < 1024 or unit == "TiB":
            return f"{n:.0f} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024
    raise AssertionError


@dataclass(frozen=True)
class Output:
    """One array a method can produce.

    ``compute(**params)`` returns float64 (or int) arrays for export. ``display`` is an optional
    faster float32 variant for drawing, with a bounded error. ``shape(**params)`` predicts the shape.
    ``params`` names the method parameters this output uses (all of them when empty). ``peak(**params)``
    predicts the bytes ``compute`` (and ``display``) hold at their peak, the result and every intermediate
    included; without it the result is taken to be all there is (a computation that allocates nothing
    else). The registry's tests measure each prediction against the real peak.
    """

    compute: Callable[..., np.ndarray]
    shape: Callable[..., tuple]
    params: tuple[str, ...] = ()
    display: Callable[..., np.ndarray] | None = None
    itemsize: int = 8
    peak: Callable[..., float] | None = None
    steps: bool = False  # whole levels that jump (bits): curves are drawn as steps, not lines between points


class Entry(StrEnum):
    """Where a method's positions enter attention."""

    ADD = "add"        # its encoding output is added to the token embeddings
    ROTATE = "rotate"  # it turns each head's queries and keys; its d_model is the width of one head
    BIAS = "bias"      # its bias output is added to the logits
    SCORE = "score"    # a function of each head's queries and keys gives the logits' parts


@dataclass(frozen=True)
class Attention:
    """How a method enters toy attention (``core.attention.attention_for``) and what it brings there, so that
    attention dispatches on this and never on a method's name.

    ``rotation(values, positions, head_dim)`` (ROTATE) returns ``turn(x, key)``, which rotates queries
    (``key`` False) or keys (True) of shape (..., N, head_dim). ``scores(values, q, k, scale)`` (SCORE) returns
    (content, position, value_parts): the logits' two parts per head, and arrays that ``value_term(weights,
    *value_parts)`` turns into a term added to the outputs (``()`` when the values are left alone).
    ``sinks(values, heads)`` (any entry) returns a logit per head, (heads,), that joins every query's softmax as
    one more key and is dropped after it (gpt-oss), so the weights over the tokens sum to less than 1; or None
    when these values have no sinks (Layer patterns: only gpt-oss has them).
    ``token_tables`` and ``score_tables`` count the float64 tables of (tokens, width) and of (heads, tokens,
    tokens) attention holds at its peak with this method, ``own_bytes(values, n, heads, d_model)`` what
    ``scores`` holds beside them (measured in tests/core/test_memory_budget.py)."""

    entry: Entry
    rotation: Callable | None = None
    scores: Callable | None = None
    value_term: Callable | None = None
    sinks: Callable | None = None
    token_tables: int = 12
    score_tables: int = 5
    own_bytes: Callable[..., int] | None = None

    def __post_init__(self):
        if (self.entry is Entry.ROTATE) != (self.rotation is not None):
            raise TypeError("a rotation is given exactly when the entry is ROTATE")
        if (self.entry is Entry.SCORE) != (self.scores is not None):
            raise TypeError("scores are given exactly when the entry is SCORE")


ADDED = Attention(Entry.ADD, token_tables=20)
BIASED = Attention(Entry.BIAS)


@dataclass(frozen=True)
class Method:
    """A positional-encoding method: what it is, what it takes, what it computes."""

    name: str
    title: str
    family: str
    citation: str
    summary: str
    params: tuple[Param, ...]
    outputs: dict[str, Output]
    check: Callable[..., None] | None = None
    tags: tuple[str, ...] = field(default=())
    attention: Attention | None = None  # how it enters attention; None: it does not

    def __post_init__(self):
        if self.family not in FAMILIES:
            raise TypeError(f"{self.name}: unknown family {self.family!r}")
        unknown = set(self.outputs) - set(KINDS)
        if unknown:
            raise TypeError(f"{self.name}: unknown output kinds {sorted(unknown)}")
        names = {p.name for p in self.params}
        for param in self.params:
            for name, allowed in param.when:
                choice = next((p for p in self.params if p.name == name), None)
                if choice is None or choice.kind != "choice" or set(allowed) - set(choice.choices):
                    raise TypeError(f"{self.name}.{param.name}: applies when {name} is {allowed}, not one of its choices")
        for kind, out in self.outputs.items():
            if set(out.params) - names:
                raise TypeError(f"{self.name}.{kind}: unknown params {sorted(set(out.params) - names)}")
        needed = {Entry.ADD: "encoding", Entry.BIAS: "bias"}.get(self.attention.entry) if self.attention else None
        if needed and needed not in self.outputs:
            raise TypeError(f"{self.name}: enters attention by its {needed} output, which it lacks")

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        raise InputError("method {0} has no parameter {1}", self.name, repr(name))

    def idle(self, values: Mapping) -> tuple[str, ...]:
        """Names of the parameters that change nothing at ``values`` (their ``when`` is not met)."""
        return tuple(p.name for p in self.params if not p.applies(values))

    def params_for(self, kind: str) -> tuple[Param, ...]:
        """The parameters that output ``kind`` uses, in declaration order."""
        used = self.output(kind).params
        return tuple(p for p in self.params if not used or p.name in used)

    def output(self, kind: str) -> Output:
        try:
            return self.outputs[kind]
        except KeyError:
            raise InputError("method {0} has no {1} output (it has: {2})", self.name, kind,
                             ", ".join(self.outputs)) from None

    def defaults(self) -> dict:
        return {p.name: p.default for p in self.params}

    def resolve(self, kind: str | None = None, values: Mapping | None = None) -> dict:
        """Validated parameters of output ``kind``, or of the whole method when ``kind`` is None (a
        scene's): defaults filled in, types coerced, ranges checked, then the method's cross-parameter
        check (with the defaults of any parameter ``kind`` does not use).

        Names the method (or ``kind``) does not take raise InputError.
        """
        values = dict(values or {})
        params = self.params if kind is None else self.params_for(kind)
        names = [p.name for p in params]
        unknown = sorted(set(values) - set(names), key=str)
        if unknown and kind is not None:
            raise InputError("{0} {1} does not take {2}", self.name, kind, ", ".join(map(shown_name, unknown)))
        if unknown and not names:
            raise InputError("method {0} has no parameter {1} (it has: none)",
                             self.name, ", ".join(map(shown_name, unknown)))
        if unknown:
            raise InputError("method {0} has no parameter {1} (it has: {2})",
                             self.name, ", ".join(map(shown_name, unknown)), ", ".join(names))
        resolved = {p.name: p.coerce(values.get(p.name, p.default)) for p in params}
        if self.check is not None:
            self.check(**{**self.defaults(), **resolved})
        return resolved

    def nbytes(self, kind: str, resolved: dict) -> int:
        out = self.output(kind)
        return int(np.prod(out.shape(**resolved), dtype=np.float64)) * out.itemsize

    def peak_bytes(self, kind: str, resolved: dict, display: bool = False) -> int:
        """Bytes computing ``kind`` holds at its peak: the output's own prediction (or the result alone),
        the float32 copy made for drawing, and SMALL_BYTES for the small things beside the arrays."""
        out = self.output(kind)
        need = self.nbytes(kind, resolved) if out.peak is None else float(out.peak(**resolved))
        if display and out.display is None:
            need += int(np.prod(out.shape(**resolved), dtype=np.float64)) * 4
        return int(need) + SMALL_BYTES

    def compute(self, kind: str, values: dict | None = None, display: bool = False) -> np.ndarray:
        """Compute output ``kind``; refuse before allocating when its peak (intermediates included) would
        exceed the budget.

        With ``display=True`` the result is float32 C-contiguous, for drawing.
        """
        resolved = self.resolve(kind, values)
        need, budget = self.peak_bytes(kind, resolved, display), memory_budget()
        if need > budget:
            raise InputError("{0} {1} of shape {2} is {3} and needs {4} at its peak, over the memory budget of {5}",
                             self.name, kind, self.output(kind).shape(**resolved),
                             format_bytes(self.nbytes(kind, resolved)), format_bytes(need), format_bytes(budget))
        out = self.output(kind)
        if display:
            array = out.display(**resolved) if out.display else out.compute(**resolved)
            return np.ascontiguousarray(array, dtype=np.float32)
        return out.compute(**resolved)


REGISTRY: NamedRegistry[Method] = NamedRegistry(
    "method", lambda name, known: InputError("unknown method {0}; known: {1}", shown(name), known))
register = REGISTRY.add


def registered(method: Method):
    """``method`` registered for the duration of a with-block (a method a test defines), then removed."""
    _load()
    return REGISTRY.temporarily(method)


def get(name: str) -> Method:
    _load()
    return REGISTRY.find(name)


def all_methods() -> list[Method]:
    _load()
    return list(REGISTRY.values())


def methods_with(kind: str) -> list[Method]:
    return [m for m in all_methods() if kind in m.outputs]


def by_family() -> dict[str, list[Method]]:
    groups: dict[str, list[Method]] = {f: [] for f in FAMILIES}
    for m in all_methods():
        groups[m.family].append(m)
    return {f: ms for f, ms in groups.items() if ms}


def _load() -> None:
    importlib.import_module(__package__ + ".methods")  # importing it registers every method


def replace(method: Method) -> Method:
    """Put a rebuilt method in place of the one registered under its name (the rope method, when a RoPE
    scaling is added)."""
    if method.name not in REGISTRY:
        raise TypeError(f"method {method.name!r} is not registered")
    REGISTRY[method.name] = method
    return method
