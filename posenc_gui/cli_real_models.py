"""``posenc-gui export attention`` and ``export next-token``: a real model's attention and next-token
distribution for a text, with its positions changed, written without a display.

    export attention --model minilm --text TEXT [--positions P] --out F.npz
    export attention --model smollm2 --text TEXT [--rope on|off] [--rope-base B] [--position-offset K]
                     [--scaling S --factor F ...] [--nope-layers 0,2] --out F.npz
    export next-token --model smollm2 --text TEXT [SmolLM2 flags] [--top K] --out F.csv

The .npz holds ``tokens`` (n,) strings, ``token_ids`` (n,), ``weights`` (layers, heads, n, n) float32 and
``ablation`` (its text); a .csv of attention is one head (``--layer L --head H``) with the tokens as row
and column labels. Each model takes only its own flags."""

from __future__ import annotations

import argparse
import csv
import io
from dataclasses import replace
from pathlib import Path

import numpy as np

from .core import real_models, rope_scalings
from .core.methods import rope
from .core.params import BASE, InputError, Param
from .core.real_models import MiniLMPositions, RopeAblation
from .files import write_atomic

KINDS = ("attention", "next-token")
TOP = Param("top", "int", 10, "How many of the most likely next tokens to write", 1, 49152)
ROPE_SWITCH = Param("rope", "choice", "on", "on: RoPE as trained; off: no position information at all (NoPE)",
                    choices=("on", "off"))
POSITION_OFFSET = Param("position_offset", "int", 0, "Added to every position (RoPE sees only offsets: "
                        "attention should not change)", 0, 1_000_000)
NOPE_LAYERS = "nope_layers"
# SmolLM2's flags: the RoPE switch and offset, then the rope method's own parameters with the defaults of
# RopeAblation, which are the trained model's (base 100,000, original length 8192).
SMOLLM2_PARAMS = (ROPE_SWITCH, POSITION_OFFSET) + tuple(
    replace(param, default=getattr(RopeAblation(), param.name))
    for param in (BASE, rope.scaling_param(), rope_scalings.FACTOR, rope_scalings.ORIGINAL_MAX_LEN,
                  rope_scalings.BETA_FAST, rope_scalings.BETA_SLOW, rope_scalings.LOW_FREQ_FACTOR,
                  rope_scalings.HIGH_FREQ_FACTOR))
FLAG_NAMES = {BASE.name: "rope_base"}  # --base would be ambiguous beside --rope: the contract says --rope-base


def flag(param: Param) -> str:
    return "--" + FLAG_NAMES.get(param.name, param.name).replace("_", "-")


def add_parsers(subparsers) -> None:
    """The two subcommands, beside the registry's."""
    models = ", ".join(real_models.MODELS)
    attention = subparsers.add_parser(
        "attention", help=f"a real model's attention for a text (models: {models})",
        description="Export every layer's and head's attention of a real model for a text, with its positions "
                    "as trained or changed. .npz: tokens, token_ids, weights (layers, heads, n, n) float32, "
                    "ablation; .csv: one head (--layer, --head) with the tokens as labels.")
    add_common(attention, "file to write: .npz (every layer and head) or .csv (one head)")
    attention.add_argument("--positions", help="minilm: learned, none, shuffle:SEED, reverse, shift:K or sinusoid "
                                               "(default learned)")
    attention.add_argument("--layer", type=str, help="layer of the head a .csv holds (from 0)")
    attention.add_argument("--head", type=str, help="head a .csv holds (from 0)")
    add_smollm2_flags(attention)
    next_token = subparsers.add_parser(
        "next-token", help="the most likely next tokens of a causal real model (smollm2) for a text",
        description="Export the most likely next tokens after a text, with their probabilities "
                    "(.csv: rank, token_id, token, probability).")
    add_common(next_token, "file to write: .csv")
    next_token.add_argument(flag(TOP), dest=TOP.name, metavar="K", help=describe(TOP))
    add_smollm2_flags(next_token)


def describe(param: Param) -> str:
    from .cli import describe as registry_describe

    return registry_describe(param).replace("%", "%%")


def add_common(parser: argparse.ArgumentParser, out_help: str) -> None:
    parser.add_argument("--model", required=True, help=f"one of {', '.join(real_models.MODELS)}")
    parser.add_argument("--text", required=True, help="the text to run the model on")
    parser.add_argument("--out", required=True, metavar="FILE", help=out_help)


def add_smollm2_flags(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("smollm2 positions")
    for param in SMOLLM2_PARAMS:
        group.add_argument(flag(param), dest=param.name, default=None, metavar=metavar(param), help=describe(param))
    group.add_argument("--nope-layers", dest=NOPE_LAYERS, metavar="L,L,...",
                       help="layers (from 0, comma-separated) that drop RoPE while the others keep it")


def metavar(param: Param) -> str:
    return "{" + ",".join(param.choices) + "}" if param.kind == "choice" else ("N" if param.kind == "int" else "X")


def smollm2_ablation(args: argparse.Namespace) -> RopeAblation:
    values = {p.name: p.coerce(getattr(args, p.name)) for p in SMOLLM2_PARAMS if getattr(args, p.name) is not None}
    fields = {"rope": values.pop(ROPE_SWITCH.name, "on") == "on", **values}
    layers = getattr(args, NOPE_LAYERS)
    if layers is not None:
        try:
            fields["nope_layers"] = tuple(int(part) for part in layers.split(",") if part.strip())
        except ValueError:
            raise InputError("--nope-layers takes layer numbers separated by commas, not {0!r}", layers) from None
    return RopeAblation(**fields)


def given_smollm2_flags(args: argparse.Namespace) -> list[str]:
    names = [p.name for p in SMOLLM2_PARAMS] + [NOPE_LAYERS]
    by_name = {p.name: flag(p) for p in SMOLLM2_PARAMS} | {NOPE_LAYERS: "--nope-layers"}
    return [by_name[name] for name in names if getattr(args, name) is not None]


def ablation_of(model: real_models.RealModel, args: argparse.Namespace):
    """The model's ablation from the flags; a flag of the other model is an error."""
    positions = getattr(args, "positions", None)
    smollm2_flags = given_smollm2_flags(args)
    if model.ablation_type is MiniLMPositions:
        if smollm2_flags:
            raise InputError("{0} applies to smollm2, not {1} (it takes --positions)", smollm2_flags[0], model.name)
        return MiniLMPositions.parse(positions) if positions is not None else MiniLMPositions()
    if positions is not None:
        raise InputError("--positions applies to minilm, not {0} (it takes --rope, --rope-base, "
                         "--position-offset, --scaling, --factor ..., --nope-layers)", model.name)
    return smollm2_ablation(args)


def head_index(text: str | None, name: str, count: int) -> int:
    try:
        value = int(text)
    except (TypeError, ValueError):
        raise InputError("--{0} must be a whole number from 0 to {1}, not {2!r}", name, count - 1, text) from None
    if not 0 <= value < count:
        raise InputError("--{0} must be from 0 to {1}, not {2}", name, count - 1, value)
    return value


def csv_text(rows: list[list[object]]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue().encode("utf-8")


def checked(path_text: str, allowed: tuple[str, ...]) -> Path:
    from .cli import checked_out

    return checked_out(path_text, allowed)


def export_attention(args: argparse.Namespace) -> str:
    path = checked(args.out, (".npz", ".csv"))
    model = real_models.get(args.model)
    ablation = ablation_of(model, args)
    as_csv = path.suffix.lower() == ".csv"
    if as_csv and (args.layer is None or args.head is None):
        raise InputError("a .csv holds one head: give --layer and --head (or write .npz for all of them)")
    if not as_csv and (args.layer is not None or args.head is not None):
        raise InputError("--layer and --head choose the head of a .csv; a .npz holds every head")
    if as_csv:
        layer = head_index(args.layer, "layer", model.layers)
        head = head_index(args.head, "head", model.heads)
    result = model.run(args.text, ablation, next_token=False)
    tokens = result.tokens
    if as_csv:
        weights = result.attention[layer, head]
        rows = [["query \\ key", *tokens.strings]]
        rows += [[token, *(f"{w:.9g}" for w in row)] for token, row in zip(tokens.strings, weights)]
        write_atomic(path, lambda handle: handle.write(csv_text(rows)))
        return f"wrote {model.name} layer {layer} head {head} ({len(tokens)} x {len(tokens)}, {ablation}) to {path}"
    arrays = {"tokens": np.array(tokens.strings, dtype=str), "token_ids": tokens.ids, "weights": result.attention,
              "ablation": np.array(str(ablation))}
    write_atomic(path, lambda handle: np.savez(handle, **arrays))
    return f"wrote {model.name} attention {result.attention.shape} float32 ({ablation}) to {path}"


def export_next_token(args: argparse.Namespace) -> str:
    path = checked(args.out, (".csv",))
    model = real_models.get(args.model)
    if not model.causal:
        causal = ", ".join(m.name for m in real_models.MODELS.values() if m.causal)
        raise InputError("{0} does not predict a next token; causal models: {1}", model.name, causal)
    ablation = ablation_of(model, args)
    top = TOP.coerce(TOP.default if args.top is None else args.top)
    result = model.run(args.text, ablation)
    rows = [["rank", "token_id", "token", "probability"]]
    rows += [[rank, t.id, t.text, f"{t.probability:.9g}"]
             for rank, t in enumerate(model.top_next_tokens(result, top), start=1)]
    write_atomic(path, lambda handle: handle.write(csv_text(rows)))
    return f"wrote the {top} most likely next tokens of {model.name} ({ablation}) to {path}"


def export(args: argparse.Namespace) -> str:
    return export_attention(args) if args.kind == "attention" else export_next_token(args)
