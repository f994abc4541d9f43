"""``posenc-gui export`` from a model's config.json (core.model_config): ``frequencies --config``,
``angles --config --position-ids`` and ``layers --config``. Kept beside cli.py, which adds these flags to
its generated subcommands and hands such requests here."""

from __future__ import annotations

import argparse
import io

import numpy as np

from .core import model_config
from .core.params import InputError
from .files import write_atomic

CONFIG_HELP = ("a Hugging Face config.json (v4 rope_scaling or v5 rope_parameters, a nested text_config read "
               "too): export what that model's rotary embedding holds instead of a method's output")
LAYERS_HELP = "one row per layer of a model's config.json: layer,attention,rope (.csv)"


def add_flags(sub: argparse.ArgumentParser, kind: str) -> None:
    """--config (and --layer-type, --position-ids) on the frequencies and angles subcommands."""
    if kind not in ("frequencies", "angles"):
        return
    group = sub.add_argument_group("from a model's config.json")
    group.add_argument("--config", metavar="CONFIG.json", help=CONFIG_HELP + (
        "; writes .npz with inv_freq and attention_factor after --seq-len positions (transformers' semantics: "
        "dynamic NTK and LongRoPE's choice of factors depend on it; default: as the model is built)"
        if kind == "frequencies" else
        "; writes .npz with cos and sin, shape (n, rotated width: head_dim unless partial), the attention "
        "factor and M-RoPE sectioning applied"))
    group.add_argument("--layer-type", metavar="T", help="with --config: a layer type of the config "
                       "(full_attention, sliding_attention, ...); default the first RoPE layer's")
    if kind == "angles":
        group.add_argument("--position-ids", metavar="P.npy", help="with --config: the position ids, "
                           "shape (n,), or (3, n) of (t, h, w) ids for an M-RoPE model")


def add_layers_parser(subparsers, add_out) -> None:
    sub = subparsers.add_parser("layers", help=LAYERS_HELP, description=f"Export {LAYERS_HELP}.")
    sub.add_argument("--config", metavar="CONFIG.json", required=True, help=CONFIG_HELP)
    add_out(sub)


def wanted(args: argparse.Namespace) -> bool:
    """Whether this request is one for a config."""
    return args.kind == "layers" or getattr(args, "config", None) is not None


def export(args: argparse.Namespace, checked_out) -> str:
    config = model_config.read_config(args.config)
    if args.kind == "layers":
        path = checked_out(args.out, (".csv",))
        rows = model_config.layer_rows(config)
        text = "layer,attention,rope\n" + "".join(f"{i},{kind},{rope}\n" for i, kind, rope in rows)
        write_atomic(path, lambda handle: handle.write(text.encode("utf-8")))
        return f"wrote {len(rows)} layers of {args.config} to {path}"
    extra = [name for name, value in vars(args).items() if value is not None and name not in
             ("kind", "config", "layer_type", "position_ids", "seq_len", "out")]
    if extra or (args.kind == "angles" and args.seq_len is not None):
        taken = "--layer-type, --seq-len" if args.kind == "frequencies" else "--layer-type, --position-ids"
        raise InputError(f"with --config, {args.kind} takes only {taken} and --out")
    path = checked_out(args.out, (".npz",))
    if args.kind == "frequencies":
        seq_len = None if args.seq_len is None else _positive(args.seq_len)
        inv, factor = model_config.frequencies(config, args.layer_type, seq_len)
        arrays = {"inv_freq": np.asarray(inv, dtype=np.float64), "attention_factor": np.float64(factor)}
    else:
        if args.position_ids is None:
            raise InputError("angles --config needs --position-ids P.npy")
        cos, sin = model_config.cos_sin(config, _load_ids(args.position_ids), args.layer_type)
        arrays = {"cos": cos, "sin": sin}
    write_atomic(path, lambda handle: np.savez(handle, **arrays))
    return f"wrote {', '.join(arrays)} of {args.config} to {path}"


def _positive(text) -> int:
    try:
        value = int(text)
    except ValueError:
        raise InputError(f"--seq-len must be a whole number, not {text!r}") from None
    if value < 1:
        raise InputError(f"--seq-len must be at least 1, not {value}")
    return value


def _load_ids(path_text: str) -> np.ndarray:
    try:
        with open(path_text, "rb") as handle:
            data = handle.read()
        ids = np.load(io.BytesIO(data), allow_pickle=False)
    except OSError as error:
        raise InputError(f"cannot read {path_text}: {error.strerror or type(error).__name__}") from None
    except ValueError as error:
        raise InputError(f"{path_text} is not a .npy array: {str(error).splitlines()[0]}") from None
    if not isinstance(ids, np.ndarray):
        raise InputError(f"{path_text} holds several arrays; give one .npy array")
    return ids
