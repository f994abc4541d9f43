"""A config in the app: the rope method's parameters that show one of its layer types, the notes on what that
scene leaves out, and how a scene names the config it came from."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ...paths import resource
from .. import rope_scalings
from ..params import InputError, shown
from .layers import layer_infos
from .reading import ROPE_TYPES, ModelConfig

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
