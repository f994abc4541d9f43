"""RoPE context extension side by side: the frequency and wavelength of every rotated pair under each
scaling of the registry (core.rope_scalings) that extends the context, for the same factor s and
training length L0, as the rope method computes them."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .. import registry, rope_scalings
from ..methods.rope import frequency_params, scaled


def rope_settings(params: dict | None = None) -> dict:
    """The rope method's frequency parameters: its defaults, overridden by ``params`` (a rope scene's)."""
    method = registry.get("rope")
    values = {**method.defaults(), **(params or {})}
    return {name: values[name] for name in frequency_params()}


def compared_scalings() -> list[str]:
    """The scalings the lesson overlays, in registry order."""
    return [name for name, scaling in rope_scalings.SCALINGS.items() if scaling.extends_context]


@dataclass(frozen=True, eq=False)
class ScalingComparison:
    """Every context-extending scaling side by side, each {scaling: value} in registry order: the
    ``frequencies`` and ``wavelengths`` of each of the ``pairs``, ``ratio`` (scaled / unscaled frequency)
    and ``attention_factors``; the ``factor`` s, ``original_length`` L0, ``extended_length`` s * L0 and the
    ``dynamic_length`` the length-dependent scalings are evaluated at; ``settings`` the rope frequency
    parameters compared (``rope_settings``)."""

    pairs: np.ndarray
    frequencies: dict[str, np.ndarray]
    wavelengths: dict[str, np.ndarray]
    ratio: dict[str, np.ndarray]
    attention_factors: dict[str, float]
    original_length: int
    extended_length: int
    dynamic_length: int
    factor: float
    settings: dict

    def curves(self, what: str) -> dict[str, np.ndarray]:
        """{scaling: values} of one plotted quantity: "frequencies", "wavelengths" or "ratio"."""
        return {"frequencies": self.frequencies, "wavelengths": self.wavelengths, "ratio": self.ratio}[what]


def compare_scalings(params: dict | None = None, dynamic_length: int | None = None) -> ScalingComparison:
    """Every context-extending scaling's inverse frequencies for one set of rope parameters.

    ``dynamic_length`` is the sequence length the length-dependent scalings (dynamic NTK, LongRoPE) are
    evaluated at (dynamic NTK changes nothing up to L0, LongRoPE uses its short factors); by default the
    extended length s * L0. Bad parameters raise the rope method's InputError."""
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
    return ScalingComparison(
        pairs=np.arange(len(unscaled)),
        frequencies=frequencies,
        wavelengths={name: 2 * np.pi / freq for name, freq in frequencies.items()},
        ratio={name: freq / unscaled for name, freq in frequencies.items()},
        attention_factors=attention,
        original_length=original,
        extended_length=extended,
        dynamic_length=dynamic,
        factor=factor,
        settings=settings,
    )
