"""RoPE context extension side by side: the frequency and wavelength of every rotated pair under each
scaling of the registry (core.rope_scalings) that extends the context, for the same factor s and
training length L0, as the rope method computes them."""

from __future__ import annotations

import numpy as np

from . import registry, rope_scalings
from .methods.rope import frequency_params, scaled


def rope_settings(params: dict | None = None) -> dict:
    """The rope method's frequency parameters: its defaults, overridden by ``params`` (a rope scene's)."""
    method = registry.get("rope")
    values = {**method.defaults(), **(params or {})}
    return {name: values[name] for name in frequency_params()}


def compared_scalings() -> list[str]:
    """The scalings the lesson overlays, in registry order."""
    return [name for name, scaling in rope_scalings.SCALINGS.items() if scaling.extends_context]


def compare_scalings(params: dict | None = None, dynamic_length: int | None = None) -> dict:
    """Every context-extending scaling's inverse frequencies for one set of rope parameters.

    ``dynamic_length`` is the sequence length the length-dependent scalings (dynamic NTK, LongRoPE) are
    evaluated at (dynamic NTK changes nothing up to L0, LongRoPE uses its short factors); by default the
    extended length s * L0. Returns pairs, frequencies and wavelengths ({scaling: array}), ratio (scaled /
    unscaled frequency), attention_factors ({scaling: float}), original_length L0, extended_length s * L0
    and dynamic_length. Bad parameters raise the rope method's InputError."""
    method = registry.get("rope")
    settings = rope_settings(params)
    factor, original = settings["factor"], settings["original_max_len"]
    length_limit = method.param("seq_len").maximum
    extended = int(round(factor * original))
    dynamic = min(int(dynamic_length or extended), length_limit)
    frequencies, attention = {}, {}
    for name in compared_scalings():
        length = dynamic if rope_scalings.SCALINGS[name].length_dependent else settings["seq_len"]
        values = {**settings, "scaling": name, "seq_len": length}
        frequencies[name] = method.compute("frequencies", values)
        attention[name] = scaled(**values)[1]
    unscaled = frequencies["none"]
    return {
        "pairs": np.arange(len(unscaled)),
        "frequencies": frequencies,
        "wavelengths": {name: 2 * np.pi / freq for name, freq in frequencies.items()},
        "ratio": {name: freq / unscaled for name, freq in frequencies.items()},
        "attention_factors": attention,
        "original_length": original,
        "extended_length": extended,
        "dynamic_length": dynamic,
        "factor": factor,
    }
