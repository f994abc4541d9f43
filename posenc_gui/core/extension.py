"""RoPE context extension side by side: the frequency and wavelength of every rotated pair under each
published scaling (none, linear, NTK-aware, dynamic NTK, YaRN, Llama 3) for the same factor s and
training length L0, as the rope method computes them."""

from __future__ import annotations

import numpy as np

from . import registry
from .methods.rope import FREQUENCY_PARAMS, SCALINGS, attention_factor


def rope_settings(params: dict | None = None) -> dict:
    """The rope method's frequency parameters: its defaults, overridden by ``params`` (a rope scene's)."""
    method = registry.get("rope")
    values = {**method.defaults(), **(params or {})}
    return {name: values[name] for name in FREQUENCY_PARAMS}


def compare_scalings(params: dict | None = None, dynamic_length: int | None = None) -> dict:
    """Every scaling's inverse frequencies for one set of rope parameters.

    ``dynamic_length`` is the sequence length dynamic NTK is evaluated at (it changes nothing up to L0);
    by default the extended length s * L0. Returns pairs, frequencies and wavelengths ({scaling: array}),
    ratio (scaled / unscaled frequency), original_length L0, extended_length s * L0, dynamic_length and
    the YaRN attention factor (0.1 ln s + 1). Bad parameters raise the rope method's InputError."""
    method = registry.get("rope")
    settings = rope_settings(params)
    factor, original = settings["factor"], settings["original_max_len"]
    length_limit = method.param("seq_len").maximum
    extended = int(round(factor * original))
    dynamic = min(int(dynamic_length or extended), length_limit)
    frequencies = {}
    for scaling in SCALINGS:
        values = {**settings, "scaling": scaling, "seq_len": dynamic if scaling == "dynamic-ntk" else
                  settings["seq_len"]}
        frequencies[scaling] = method.compute("frequencies", values)
    unscaled = frequencies["none"]
    return {
        "pairs": np.arange(len(unscaled)),
        "frequencies": frequencies,
        "wavelengths": {name: 2 * np.pi / freq for name, freq in frequencies.items()},
        "ratio": {name: freq / unscaled for name, freq in frequencies.items()},
        "original_length": original,
        "extended_length": extended,
        "dynamic_length": dynamic,
        "factor": factor,
        "yarn_attention_factor": attention_factor("yarn", factor),
    }
