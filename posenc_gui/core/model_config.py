"""A Hugging Face ``config.json`` read offline into what its positions do: per layer, which attention
(full, sliding, chunked) and whether q and k rotate; per layer type, the rotary embedding (base, rotated
share, scaling) as Hugging Face transformers builds it. Both forms are read: v4 (``rope_theta`` and
``rope_scaling`` with ``type`` or ``rope_type``, ``rotary_pct``, ``rotary_emb_base``, Gemma 3's
``rope_local_base_freq``, ModernBERT's ``global_rope_theta`` / ``local_rope_theta``, ``no_rope_layers``...)
and v5 (``rope_parameters``, possibly one per layer type), with a multimodal model's nested
``text_config``. The frequencies come from the RoPE scaling registry, so they follow transformers'
``modeling_rope_utils.py`` (tests compare them with it)."""

from __future__ import annotations

import json
import math
import stat
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..paths import resource
from . import rope_scalings
from .params import InputError, shown

# transformers' rope types (ROPE_INIT_FUNCTIONS plus "default") and the registry's name for each
ROPE_TYPES = {"default": "none", "linear": "linear", "dynamic": "dynamic-ntk", "yarn": "yarn",
              "longrope": "longrope", "llama3": "llama3", "proportional": "proportional"}
# v4 names that mean the default rotation (Qwen2-VL's "mrope" sections the pairs but keeps the frequencies)
DEFAULT_ALIASES = ("mrope",)
# Phi-3's first configs call LongRoPE "su" (and Phi3Config reads "yarn" as LongRoPE too, see _rotary)
LONGROPE_ALIASES = ("su",)
# models whose transformers config puts a NoPE layer every no_rope_layer_interval layers (default 4) when
# no_rope_layers is missing (SmolLM3) or empty (Llama 4)
INTERVAL_NOPE_MODELS = ("llama4_text", "llama4", "smollm3")
WIDER_GLOBAL_HEADS = ("gemma4", "gemma4_text")  # full-attention layers take global_head_dim (_layer_head_dim)
ATTENTION_KINDS = ("full_attention", "sliding_attention", "chunked_attention")
# the numeric rope parameters and the range each must lie in
NUMBERS = {"factor": (1e-6, 1e6), "beta_fast": (1e-6, 1e6), "beta_slow": (1e-6, 1e6),
           "attention_factor": (0.0, 1e3), "mscale": (0.0, 1e3), "mscale_all_dim": (0.0, 1e3),
           "low_freq_factor": (1e-6, 1e6), "high_freq_factor": (1e-6, 1e6),
           "original_max_position_embeddings": (1, 2**40)}
MAX_LAYERS = 10_000
MAX_CONFIG_BYTES = 16 * 2**20  # the largest published config.json files (long id2label maps) are far smaller


@dataclass(frozen=True)
class Rotary:
    """One layer type's rotary embedding: transformers' rope_parameters for it, read and checked."""

    rope_type: str
    theta: float
    partial_rotary_factor: float
    head_dim: int
    params: dict = field(default_factory=dict)  # the other keys: factor, beta_fast, short_factor...


@dataclass(frozen=True)
class ModelConfig:
    model_type: str
    head_dim: int
    max_position_embeddings: int
    layer_types: tuple[str, ...]
    rope_layers: tuple[bool, ...]        # per layer: whether q and k rotate
    rotary: dict                         # layer type -> Rotary
    sliding_window: int | None = None
    attention_chunk_size: int | None = None
    mrope_section: tuple[int, ...] | None = None
    mrope_interleaved: bool = False
    mla: bool = False                    # DeepSeek's MLA: head_dim is the decoupled rotary slice beside others

    def first_rope_type(self) -> str:
        """The layer type of the first layer that rotates (the default of --layer-type)."""
        for kind, rotates in zip(self.layer_types, self.rope_layers):
            if rotates:
                return kind
        raise InputError("this config has no layer that rotates q and k (all NoPE)")


def read_config(path) -> ModelConfig:
    """The config.json at ``path``; InputError with one line for anything that is not a usable config: not a
    regular file (a folder, a pipe: never opened, so never waited on), larger than MAX_CONFIG_BYTES (never read
    whole), not UTF-8, not JSON, nested too deeply, or not a config this module reads."""
    path = Path(path)
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            raise InputError("{0} is not a file (a model config is a JSON file)", path.name)
        with path.open("rb") as handle:
            raw = handle.read(MAX_CONFIG_BYTES + 1)
    except OSError as error:
        raise InputError("cannot read {0}: {1}", str(path), error.strerror or type(error).__name__) from None
    if len(raw) > MAX_CONFIG_BYTES:
        raise InputError("{0} is larger than {1} MiB: not a model config", path.name, MAX_CONFIG_BYTES // 2**20)
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError("{0} is not UTF-8 text: not a model config", path.name) from None
    except RecursionError:
        raise InputError("{0} is nested too deeply: not a model config", path.name) from None
    except ValueError as error:
        raise InputError("{0} is not JSON: {1}", path.name, str(error).split("\n")[0]) from None
    try:
        return parse_config(data)
    except InputError as error:
        raise InputError("{0}: {1}", path.name, error) from None


def parse_config(data: dict) -> ModelConfig:
    if not isinstance(data, dict):
        raise InputError("a config must be a JSON object, not {0}", shown(data))
    if isinstance(data.get("text_config"), dict):  # a multimodal model: its language model's config
        data = {**{k: v for k, v in data.items() if k != "text_config"}, **data["text_config"]}
    layers = _whole(data, "num_hidden_layers", 1, MAX_LAYERS)
    if data.get("model_type") in INTERVAL_NOPE_MODELS and not data.get("no_rope_layers"):
        every = _whole(data, "no_rope_layer_interval", 1, MAX_LAYERS, default=4)
        data = {**data, "no_rope_layers": [int((i + 1) % every != 0) for i in range(layers)]}
    head_dim = _head_dim(data)
    max_positions = _whole(data, "max_position_embeddings", 1, 2**40, default=2048)
    rope_layers = _rope_layers(data, layers)
    layer_types = _layer_types(data, layers, rope_layers)
    rotary = {kind: _rotary(data, kind, _layer_head_dim(data, kind, head_dim)) for kind in dict.fromkeys(
        kind for kind, rotates in zip(layer_types, rope_layers) if rotates)}
    scaling = data.get("rope_parameters") or data.get("rope_scaling") or {}
    section = scaling.get("mrope_section") if isinstance(scaling, dict) else None
    if section is not None:
        if not (isinstance(section, list) and all(isinstance(s, int) and s > 0 for s in section)):
            raise InputError("mrope_section must be a list of positive whole numbers, not {0}", shown(section))
        pairs = {len(range(0, int(r.head_dim * r.partial_rotary_factor), 2)) for r in rotary.values()}
        if pairs and pairs != {sum(section)}:
            raise InputError("mrope_section {0} covers {1} pairs, but the head turns {2}", shown(section),
                             sum(section), ", ".join(map(str, sorted(pairs))))
    return ModelConfig(
        model_type=str(data.get("model_type", "")), head_dim=head_dim, max_position_embeddings=max_positions,
        layer_types=layer_types, rope_layers=rope_layers, rotary=rotary,
        sliding_window=_window(data), attention_chunk_size=_optional_whole(data, "attention_chunk_size"),
        mrope_section=tuple(section) if section else None,
        mrope_interleaved=bool(isinstance(scaling, dict) and scaling.get("mrope_interleaved")),
        mla=data.get("qk_rope_head_dim") is not None)


def _whole(data, key, low, high, default=None) -> int:
    value = data.get(key, default)
    if value is None:
        raise InputError("the config has no {0}", key)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != int(value) or not low <= value <= high:
        raise InputError("{0} must be a whole number from {1} to {2}, not {3}", key, low, high, shown(value))
    return int(value)


def _optional_whole(data, key) -> int | None:
    return None if data.get(key) is None else _whole(data, key, 1, 2**40)


def _window(data) -> int | None:
    """The sliding window: sliding_window (none when use_sliding_window is false, as Qwen2 reads it), or half
    of ModernBERT's local_attention (its whole window)."""
    if data.get("use_sliding_window") is False:
        return None
    if data.get("sliding_window") is None and data.get("local_attention") is not None:
        return _whole(data, "local_attention", 2, 2**40) // 2
    return _optional_whole(data, "sliding_window")


def _number(value, key, low, high) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) \
            or not low <= value <= high:
        raise InputError("{0} must be a number from {1} to {2}, not {3}", key, low, high, shown(value))
    return float(value)


def _head_dim(data) -> int:
    """The width the rotation applies to: MLA's decoupled rotary slice (qk_rope_head_dim), else head_dim,
    else hidden_size / num_attention_heads (which must divide)."""
    for key in ("qk_rope_head_dim", "head_dim"):
        if data.get(key) is not None:
            return _whole(data, key, 1, 65536)
    hidden, heads = _whole(data, "hidden_size", 1, 2**24), _whole(data, "num_attention_heads", 1, 65536)
    if hidden % heads:
        raise InputError("hidden_size {0} is not a multiple of num_attention_heads {1}, and no head_dim is given",
                         hidden, heads)
    return hidden // heads


def _rope_layers(data, layers) -> tuple[bool, ...]:
    """Llama 4 and SmolLM3's no_rope_layers: 1 where a layer rotates, 0 for NoPE (every layer by default)."""
    flags = data.get("no_rope_layers")
    if flags is None:
        return (True,) * layers
    if not isinstance(flags, list) or len(flags) != layers or any(f not in (0, 1) for f in flags):
        raise InputError("no_rope_layers must list 0 or 1 for each of the {0} layers", layers)
    return tuple(bool(f) for f in flags)


def _layer_types(data, layers, rope_layers) -> tuple[str, ...]:
    """The config's layer_types, or what transformers derives without them: Llama 4's chunked attention on
    its RoPE layers, Gemma 3's sliding_window_pattern, ModernBERT's global_attn_every_n_layers."""
    given = data.get("layer_types")
    if given is not None:
        if not isinstance(given, list) or len(given) != layers or any(k not in ATTENTION_KINDS for k in given):
            raise InputError("layer_types must name one of {0} for each of the {1} layers",
                             ", ".join(ATTENTION_KINDS), layers)
        return tuple(given)
    if data.get("use_sliding_window") and data.get("sliding_window") and data.get("max_window_layers") is not None:
        first = _whole(data, "max_window_layers", 0, MAX_LAYERS)  # Qwen2: layers from this one on slide
        return tuple("sliding_attention" if i >= first else "full_attention" for i in range(layers))
    if data.get("no_rope_layers") is not None and data.get("attention_chunk_size"):
        return tuple("chunked_attention" if rotates else "full_attention" for rotates in rope_layers)
    if data.get("sliding_window_pattern"):
        pattern = _whole(data, "sliding_window_pattern", 1, MAX_LAYERS)
        return tuple("sliding_attention" if (i + 1) % pattern else "full_attention" for i in range(layers))
    if data.get("global_attn_every_n_layers"):
        every = _whole(data, "global_attn_every_n_layers", 1, MAX_LAYERS)
        return tuple("sliding_attention" if i % every else "full_attention" for i in range(layers))
    return ("full_attention",) * layers


def _layer_head_dim(data, kind, head_dim) -> int:
    """Gemma 4's full-attention layers are wider than its sliding ones: transformers' Gemma4TextConfig gives them
    global_head_dim (default 512) in place of head_dim."""
    if kind == "full_attention" and data.get("model_type") in WIDER_GLOBAL_HEADS:
        return _whole(data, "global_head_dim", 2, 65536, default=512)
    return head_dim


def _rotary(data, kind, head_dim) -> Rotary:
    """One layer type's rope parameters: v5 rope_parameters (per layer type when nested), else the v4 keys."""
    nested = data.get("rope_parameters")
    if isinstance(nested, dict) and any(key in ATTENTION_KINDS for key in nested):
        params = nested.get(kind)
        if not isinstance(params, dict):
            raise InputError("rope_parameters has no entry for the layer type {0}", kind)
        params = dict(params)
    else:
        params = nested or data.get("rope_scaling") or {}
        if not isinstance(params, dict):
            raise InputError("rope_scaling / rope_parameters must be a JSON object, not {0}", shown(params))
        params = dict(params)
        if kind == "sliding_attention":
            local = data.get("rope_local_base_freq", data.get("local_rope_theta"))
            if local is not None:  # Gemma 3, ModernBERT: local layers turn unscaled at their own base
                params = {"rope_type": "default", "rope_theta": local}
        elif data.get("global_rope_theta") is not None:
            params.setdefault("rope_theta", data["global_rope_theta"])
    rope_type = params.pop("rope_type", params.pop("type", "default"))
    rope_type = "default" if rope_type in DEFAULT_ALIASES else rope_type
    if rope_type in LONGROPE_ALIASES or (rope_type == "yarn" and str(data.get("model_type", "")).startswith("phi3")):
        rope_type = "longrope"
    if not isinstance(rope_type, str) or rope_type not in ROPE_TYPES:
        raise InputError("unknown rope type {0}; known: {1}", shown(rope_type), ", ".join(ROPE_TYPES))
    theta = params.pop("rope_theta", data.get("rope_theta", data.get("rotary_emb_base", 10000.0)))
    fraction = params.pop("partial_rotary_factor", data.get("partial_rotary_factor", data.get("rotary_pct", 1.0)))
    rotary = Rotary(rope_type, _number(theta, "rope_theta", 1.0 + 1e-9, 1e12),
                    _number(fraction, "partial_rotary_factor", 0.0, 1.0), head_dim, params)
    if rope_type in ("yarn", "longrope", "llama3"):
        original = params.get("original_max_position_embeddings", data.get("original_max_position_embeddings"))
        params["original_max_position_embeddings"] = original or data.get("max_position_embeddings", 2048)
    for key, (low, high) in NUMBERS.items():
        if params.get(key) is not None:
            _number(params[key], key, low, high)
    if not isinstance(params.get("truncate", True), bool):
        raise InputError("truncate must be true or false, not {0}", shown(params["truncate"]))
    for key in ("short_factor", "long_factor"):
        values = params.get(key)
        if values is not None and not (isinstance(values, list) and all(
                isinstance(v, (int, float)) and not isinstance(v, bool) and 0 < v < 1e6 for v in values)):
            raise InputError("{0} must be a list of positive numbers, not {1}", key, shown(values))
    if int(head_dim * rotary.partial_rotary_factor) < 1:
        raise InputError("partial_rotary_factor {0} of head_dim {1} rotates nothing", fraction, head_dim)
    return rotary


def frequencies(config: ModelConfig, layer_type: str | None = None, seq_len: int | None = None) -> tuple:
    """(inv_freq, attention_factor) of ``layer_type``'s rotary embedding after it has seen ``seq_len``
    positions, with transformers' semantics: dynamic NTK grows past max_position_embeddings, LongRoPE takes
    its long factors past original_max_position_embeddings; without ``seq_len``, as the model is built."""
    kind = layer_type or config.first_rope_type()
    if kind not in config.rotary:
        raise InputError("layer type {0} does not rotate in this config; rotating types: {1}", shown(kind),
                         ", ".join(config.rotary) or "none")
    rotary = config.rotary[kind]
    p, top = rotary.params, config.max_position_embeddings
    base = {"d_model": rotary.head_dim, "base": rotary.theta, "rotary_fraction": rotary.partial_rotary_factor,
            "seq_len": seq_len or 0}
    original = p.get("original_max_position_embeddings", top)
    factor = p.get("factor")
    kind_of = rotary.rope_type
    if kind_of == "default":
        return rope_scalings.none(**base)
    if kind_of == "linear":
        return rope_scalings.linear(**base, factor=_need(p, "factor"))
    if kind_of == "dynamic":
        return rope_scalings.dynamic_ntk(**base, factor=_need(p, "factor"), original_max_len=top)
    if kind_of == "proportional":
        return rope_scalings.proportional(**base, factor=p.get("factor", 1.0))
    if kind_of == "llama3":
        rope_scalings.check_llama3(_need(p, "low_freq_factor"), _need(p, "high_freq_factor"))
        return rope_scalings.llama3(**base, factor=_need(p, "factor"), original_max_len=original,
                                    low_freq_factor=_need(p, "low_freq_factor"),
                                    high_freq_factor=_need(p, "high_freq_factor"))
    if factor is None:
        factor = top / original
    if kind_of == "yarn":
        return rope_scalings.yarn(**base, factor=factor, original_max_len=original,
                                  beta_fast=p.get("beta_fast") or 32.0, beta_slow=p.get("beta_slow") or 1.0,
                                  attention_factor=p.get("attention_factor") or 0.0, mscale=p.get("mscale") or 0.0,
                                  mscale_all_dim=p.get("mscale_all_dim") or 0.0, truncate=p.get("truncate", True))
    return rope_scalings.longrope(**base, factor=factor, original_max_len=original,
                                  short_factor=_need(p, "short_factor"), long_factor=_need(p, "long_factor"),
                                  attention_factor=p.get("attention_factor") or 0.0)


def _need(params, key):
    if params.get(key) is None:
        raise InputError("the rope parameters have no {0}", key)
    return params[key]


def cos_sin(config: ModelConfig, position_ids, layer_type: str | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(n, 2 * pairs) cos and sin the model multiplies q and k by, in transformers' [first | second half]
    layout, times the attention factor. ``position_ids`` has shape (n,), or (3, n) of (t, h, w) ids for an
    M-RoPE model: Qwen2-VL gives each axis a block of pairs (mrope_section), Qwen3-VL interleaves them."""
    ids = np.asarray(position_ids)
    if ids.dtype.kind not in "iu" or ids.ndim not in (1, 2) or (ids.ndim == 2 and ids.shape[0] != 3):
        raise InputError("position ids must be whole numbers of shape (n,) or (3, n), not {0} of shape {1}",
                         str(ids.dtype), shown(ids.shape))
    inv, factor = frequencies(config, layer_type, int(ids.max()) + 1 if ids.size else None)
    if ids.ndim == 1:
        angle = np.outer(ids.astype(np.float64), inv)
    elif config.mrope_section is None:
        raise InputError("(3, n) position ids need an M-RoPE model (mrope_section); this one takes (n,)")
    else:
        by_axis = ids.astype(np.float64)[:, :, None] * inv          # (3, n, pairs)
        axis = np.zeros(len(inv), dtype=np.int64)
        section = config.mrope_section
        if config.mrope_interleaved:  # Qwen3-VL: pair j is h's when j = 1 mod 3 below 3*h, w's when 2 mod 3
            for which, offset in ((1, 1), (2, 2)):
                axis[offset:3 * section[which]:3] = which
        else:  # Qwen2-VL: consecutive blocks of section[0], section[1], section[2] pairs
            axis = np.repeat(np.arange(len(section)) % 3, section)
        angle = np.take_along_axis(by_axis, axis[None, None, :].repeat(ids.shape[1], axis=1), axis=0)[0]
    table = np.concatenate([angle, angle], axis=1)
    return factor * np.cos(table), factor * np.sin(table)


def layer_rows(config: ModelConfig) -> list[tuple[int, str, int]]:
    """(layer, attention, 1 if it rotates q and k else 0) per layer."""
    return [(i, kind, int(rotates)) for i, (kind, rotates) in enumerate(zip(config.layer_types, config.rope_layers))]


# -- what the app shows of a config ---------------------------------------------------------------------

CONTEXT = "model_config"  # the translation context of the notes below


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name pyside6-lupdate looks for)
    return text


# What a config does that the scene set from it leaves out, one note each (English; the app translates them)
NOPE_LAYERS = QT_TRANSLATE_NOOP("model_config", "NoPE layers (no rotation) beside the RoPE ones: the scene shows the "
                                "RoPE layers; the method Layer patterns shows both for Llama 4 and SmolLM3")
WINDOWED = QT_TRANSLATE_NOOP("model_config", "sliding-window and chunked attention masks: the scene attends to every "
                             "earlier position; the method Layer patterns masks as Llama 4, Gemma 3, ModernBERT and gpt-oss "
                             "do (the button above takes a stack it has there)")
SEVERAL_TYPES = QT_TRANSLATE_NOOP("model_config", "layer types with different rotations: the scene shows one of "
                                  "them (the layer strip shows all)")
M_ROPE = QT_TRANSLATE_NOOP("model_config", "M-RoPE's (t, h, w) sections: the scene shows text tokens, whose three "
                           "ids are equal; the method M-RoPE gives images and videos their ids")
MLA = QT_TRANSLATE_NOOP("model_config", "MLA: the scene shows the decoupled rotary slice (qk_rope_head_dim) only; "
                        "the method MLA decoupled RoPE puts it beside the non-rotary dimensions")
OWN_LONGROPE = QT_TRANSLATE_NOOP("model_config", "this config's own LongRoPE factor lists: not yet simulated, the "
                                 "scene uses Phi-3-vision's lists")


@dataclass(frozen=True)
class LayerInfo:
    """One layer as the config sets it: its attention kind, the span it attends within (the sliding window or
    the chunk; None for the whole context) and its rotary embedding (None for a NoPE layer)."""

    index: int
    attention: str
    span: int | None
    rotary: Rotary | None


def layer_infos(config: ModelConfig) -> list[LayerInfo]:
    """Every layer of ``config``. A config with a sliding window and no sliding layer type (Mistral, Phi-3)
    windows every layer, as transformers' masks do."""
    every_layer_windowed = config.sliding_window is not None and "sliding_attention" not in config.layer_types
    infos = []
    for index, (kind, rotates) in enumerate(zip(config.layer_types, config.rope_layers)):
        if kind == "sliding_attention" or every_layer_windowed:
            span = config.sliding_window
        else:
            span = config.attention_chunk_size if kind == "chunked_attention" else None
        infos.append(LayerInfo(index, kind, span, config.rotary.get(kind) if rotates else None))
    return infos


@dataclass(frozen=True)
class SceneSettings:
    """The rope method's parameters that show one layer type of a config, and what that leaves out."""

    layer_type: str
    params: dict
    not_simulated: tuple[str, ...]


# transformers' rope parameter -> the scaling registry's parameter of the same meaning
SCENE_KEYS = {"factor": "factor", "beta_fast": "beta_fast", "beta_slow": "beta_slow",
              "attention_factor": "attention_factor", "mscale": "mscale", "mscale_all_dim": "mscale_all_dim",
              "truncate": "truncate", "low_freq_factor": "low_freq_factor", "high_freq_factor": "high_freq_factor"}


def scene_settings(config: ModelConfig, layer_type: str | None = None) -> SceneSettings:
    """The rope method's parameters for ``layer_type`` (default the first RoPE layer's): the rotated head width
    as d_model, the base, the rotated share, the scaling and its parameters (L0 as transformers reads it). The
    values are checked against the method's ranges by the scene that takes them (a message if out of range)."""
    kind = layer_type or config.first_rope_type()
    if kind not in config.rotary:
        raise InputError("layer type {0} does not rotate in this config; rotating types: {1}", shown(kind),
                         ", ".join(config.rotary) or "none")
    rotary = config.rotary[kind]
    p = rotary.params
    params = {"d_model": rotary.head_dim, "base": rotary.theta, "rotary_fraction": rotary.partial_rotary_factor,
              "scaling": ROPE_TYPES[rotary.rope_type],
              "layout": "interleaved" if config.model_type.startswith("llama4") else "half"}
    params.update({ours: p[theirs] for theirs, ours in SCENE_KEYS.items() if p.get(theirs) is not None})
    if rotary.rope_type == "dynamic":
        params["original_max_len"] = config.max_position_embeddings
    elif "original_max_position_embeddings" in p:
        params["original_max_len"] = p["original_max_position_embeddings"]
    if rotary.rope_type in ("yarn", "longrope") and "factor" not in params:
        params["factor"] = config.max_position_embeddings / params["original_max_len"]
    notes = []
    if not all(config.rope_layers):
        notes.append(NOPE_LAYERS)
    if len(config.rotary) > 1:
        notes.append(SEVERAL_TYPES)
    if any(info.span is not None for info in layer_infos(config)):
        notes.append(WINDOWED)
    if config.mrope_section is not None:
        notes.append(M_ROPE)
    if config.mla:
        notes.append(MLA)
    if rotary.rope_type == "longrope" and (
            list(p.get("short_factor", [])) != list(rope_scalings.PHI3_SHORT_FACTOR)
            or list(p.get("long_factor", [])) != list(rope_scalings.PHI3_LONG_FACTOR)):
        notes.append(OWN_LONGROPE)
    return SceneSettings(kind, params, tuple(notes))


# -- where a scene finds its config ----------------------------------------------------------------------

EXAMPLE_PREFIX = "example:"  # a scene names a shipped config by file name, so that a deck works on any install


def example_configs() -> list[Path]:
    """The shipped configs (resources/configs), by file name."""
    return sorted(resource("configs").glob("*.json"))


def config_reference(path) -> str:
    """How a scene names the config at ``path``: ``example:NAME`` for a shipped one, else the absolute path."""
    path = Path(path).resolve()
    return EXAMPLE_PREFIX + path.name if path.parent == resource("configs").resolve() else str(path)


def config_path(reference: str) -> Path:
    """The file a scene's ``config_reference`` names."""
    if reference.startswith(EXAMPLE_PREFIX):
        return resource("configs", Path(reference[len(EXAMPLE_PREFIX):]).name)
    return Path(reference)


# -- what each layer type does with distance ------------------------------------------------------------

SCORE_POINTS = 400  # distances sampled for q.k, evenly on a log scale from 1 to the extended length


@dataclass(frozen=True)
class LayerTypeSpectrum:
    """One kind of layer of a config (its attention and whether it rotates) as its rotation shapes distance.

    ``wavelengths`` are the tokens each rotated pair needs for one full turn, as the model is built (empty for
    NoPE); ``trained_length`` is the context the unscaled rotation was trained on (the config's
    original_max_position_embeddings; for linear scaling the extended length over the factor, which the config
    implies but does not state) and ``extended_length`` the context the config allows (max_position_embeddings;
    for dynamic NTK the length at which it has grown by its factor). ``score`` is q.k / (|q| |k|) of two equal
    all-ones heads at ``distances`` apart: the rotated channels carry the attention factor squared, the others
    (a partial rotation, or all of a NoPE layer) stay 1. ``distances`` include ``reach``."""

    attention: str
    span: int | None
    rotary: Rotary | None
    layers: tuple[int, ...]
    wavelengths: np.ndarray
    trained_length: int
    extended_length: int
    distances: np.ndarray
    score: np.ndarray

    @property
    def reach(self) -> int:
        """The farthest distance a layer of this type scores in use: its window or chunk, else the trained length."""
        return self.span or self.trained_length

    @property
    def reach_score(self) -> float:
        """``score`` at ``reach`` (one of ``distances``)."""
        return float(self.score[np.searchsorted(self.distances, self.reach)])

    @property
    def wavelength_range(self) -> tuple[float, float]:
        """The fastest pair's wavelength and the slowest turning one's (a pair of frequency 0 never turns)."""
        turning = self.wavelengths[np.isfinite(self.wavelengths)]
        return float(turning.min()), float(turning.max())

    @property
    def unturned_pairs(self) -> int:
        """Pairs that never complete a turn within the trained length (so no trained score saw them wrap)."""
        return int(np.count_nonzero(self.wavelengths > self.trained_length))


def _lengths(config: ModelConfig, rotary: Rotary | None) -> tuple[int, int]:
    top = config.max_position_embeddings
    if rotary is None or rotary.rope_type in ("default", "proportional"):
        return top, top
    factor = rotary.params.get("factor")
    if rotary.rope_type == "linear":
        return max(1, round(top / factor)), top
    if rotary.rope_type == "dynamic":
        return top, round(top * factor)
    return int(rotary.params["original_max_position_embeddings"]), top


def spectra(config: ModelConfig) -> list[LayerTypeSpectrum]:
    """Each kind of layer of ``config`` in order of first appearance: (attention, span, rotates) groups."""
    groups: dict[tuple, list[LayerInfo]] = {}
    for info in layer_infos(config):
        groups.setdefault((info.attention, info.span, info.rotary is not None), []).append(info)
    result = []
    for (attention, span, rotates), infos in groups.items():
        rotary = infos[0].rotary
        trained, extended = _lengths(config, rotary)
        distances = np.union1d(np.round(np.geomspace(1, max(extended, 2), SCORE_POINTS)), [span or trained])
        if rotates:
            inv, factor = frequencies(config, attention)
            with np.errstate(divide="ignore"):  # a pair of frequency 0 (p-RoPE) never turns
                wavelengths = 2 * np.pi / inv
            turned = 2 * factor ** 2 * np.cos(np.outer(distances, inv)).sum(axis=1)
            score = (turned + rotary.head_dim - 2 * len(inv)) / rotary.head_dim
        else:
            wavelengths = np.zeros(0)
            score = np.ones_like(distances)
        result.append(LayerTypeSpectrum(attention, span, rotary, tuple(info.index for info in infos), wavelengths,
                                        trained, extended, distances, score))
    return result


# -- a config's stack as the method Layer patterns shows it ----------------------------------------------

def layer_pattern(config: ModelConfig) -> dict | None:
    """The Layer patterns method's parameters (pattern, head width, layer 0, the model's own window) whose stack
    is this config's: the same number of layers, each with the config's attention, window or chunk, rotation or
    none, and frequencies (compared numerically). None when no pattern of the method is this stack."""
    from .methods import layers  # the method registers itself on import; only this needs it

    infos = layer_infos(config)
    for name, pattern in layers.PATTERNS.items():
        if pattern.layers == len(infos) and all(_same_layer(config, name, pattern, info) for info in infos):
            return {"pattern": name, "d_model": config.head_dim, "layer": 0, "window": 0}
    return None


def _same_layer(config: ModelConfig, name: str, pattern, info: LayerInfo) -> bool:
    from .methods import layers

    kind, rotates = pattern.kind(info.index), pattern.rotates(info.index)
    if kind != info.attention or rotates != (info.rotary is not None):
        return False
    if (info.span or 0) != (pattern.window if kind != "full_attention" else 0):
        return False
    if not rotates:
        return True
    if info.rotary.partial_rotary_factor != 1:
        return False
    expected = frequencies(config, info.attention)[0]
    return np.allclose(layers.inv_freq(config.head_dim, name, info.index), expected, rtol=1e-9, atol=0)
