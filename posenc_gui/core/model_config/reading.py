"""Reading a model's config.json: the checks that turn any file into a ``ModelConfig`` or one clear message, and
the v4 / v5 keys, aliases and per-model defaults that decide each layer's attention and rotary embedding."""

from __future__ import annotations

import json
import math
import stat
from dataclasses import dataclass, field
from pathlib import Path

from ..params import InputError, shown

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
