"""A Hugging Face ``config.json`` read offline into what its positions do: per layer, which attention
(full, sliding, chunked) and whether q and k rotate; per layer type, the rotary embedding (base, rotated
share, scaling) as Hugging Face transformers builds it. Both forms are read: v4 (``rope_theta`` and
``rope_scaling`` with ``type`` or ``rope_type``, ``rotary_pct``, ``rotary_emb_base``, Gemma 3's
``rope_local_base_freq``, ModernBERT's ``global_rope_theta`` / ``local_rope_theta``, ``no_rope_layers``...)
and v5 (``rope_parameters``, possibly one per layer type), with a multimodal model's nested
``text_config``. The frequencies come from the RoPE scaling registry, so they follow transformers'
``modeling_rope_utils.py`` (tests compare them with it).

One module per concern, all re-exported here: ``reading`` checks a config and reads it into a ``ModelConfig``;
``rotation`` turns a layer type's rotary embedding into frequencies and cos / sin; ``layers`` describes the stack
(each layer, each kind of layer's wavelengths and q·k against distance, the Layer patterns stack it matches);
``for_scene`` sets a scene from a config, notes what that leaves out, and names shipped configs."""

from .for_scene import (CONTEXT, EXAMPLE_PREFIX, SceneSettings, config_path, config_reference, example_configs,
                        scene_settings)
from .layers import LayerInfo, LayerTypeSpectrum, layer_infos, layer_pattern, layer_rows, spectra
from .reading import MAX_CONFIG_BYTES, ROPE_TYPES, ModelConfig, Rotary, parse_config, read_config
from .rotation import cos_sin, frequencies

__all__ = ["CONTEXT", "EXAMPLE_PREFIX", "MAX_CONFIG_BYTES", "ROPE_TYPES", "LayerInfo", "LayerTypeSpectrum",
           "ModelConfig", "Rotary", "SceneSettings", "config_path", "config_reference", "cos_sin",
           "example_configs", "frequencies", "layer_infos", "layer_pattern", "layer_rows", "parse_config",
           "read_config", "scene_settings", "spectra"]
