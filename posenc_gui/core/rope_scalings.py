"""RoPE scalings: the ways a rotary model changes its frequencies for longer contexts (or rotates only some
pairs), one small pure function each, keyed by name in ``SCALINGS`` as transformers keys its
``ROPE_INIT_FUNCTIONS`` (src/transformers/modeling_rope_utils.py). Each entry carries its parameters,
citation, display name and curve style, so that the rope method, the panel, the command line and the
context-extension lesson read a new scaling from here and nowhere else.

Every function takes the head width ``d_model``, ``base``, ``rotary_fraction``, the number of positions
``seq_len`` and its own parameters, and returns ``(inv_freq, attention_factor)``: the angular frequency of
each pair and the factor cos and sin are multiplied by, as transformers' functions do. The rotated width is
transformers' ``int(head_dim * partial_rotary_factor)``, which may be odd: GPT-NeoX and transformers then
rotate one more channel than that width, with the spacing 2i / width (a width of 19 turns 10 pairs,
20 channels, at base^(-2i/19))."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable

import numpy as np

from .named_registry import NamedRegistry
from .params import InputError, Param

LINE_STYLES = ("solid", "dash", "dot", "dashdot", "dashdotdot")


@dataclass(frozen=True)
class Style:
    """How the lesson draws a scaling: colour index (the app's curve colours; 7 = the text colour), line
    style (one of LINE_STYLES) and marker symbol (a pyqtgraph symbol name, or None)."""

    colour: int
    line: str = "solid"
    symbol: str | None = None

    def __post_init__(self):
        if self.line not in LINE_STYLES:
            raise TypeError(f"unknown line style {self.line!r}")


@dataclass(frozen=True)
class Scaling:
    """One RoPE scaling. ``compute(d_model, base, rotary_fraction, seq_len, **params) -> (inv_freq,
    attention_factor)`` takes the values of ``params`` by name. ``title`` is the display name (translated in
    context "core"), ``short_title`` the name where room is short (the lesson's legend; the title when empty: nine
    full names took five rows of a projector's page); ``help`` says in a few words what it does (it becomes part of the scaling parameter's
    help). ``length_dependent``: its frequencies change with seq_len, so the lesson evaluates it at a chosen
    length. ``extends_context``: the context-extension lesson overlays it. ``check(**values)`` refuses values
    the scaling cannot use (InputError)."""

    name: str
    title: str
    help: str
    citation: str
    compute: Callable[..., tuple[np.ndarray, float]]
    params: tuple[Param, ...] = ()
    style: Style = Style(0)
    length_dependent: bool = False
    extends_context: bool = True
    check: Callable[..., None] | None = None
    short_title: str = ""

    @property
    def legend_title(self) -> str:
        """The name where room is short (untranslated)."""
        return self.short_title or self.title


SCALINGS: NamedRegistry[Scaling] = NamedRegistry(
    "RoPE scaling", lambda name, known: InputError("unknown RoPE scaling {0}; known: {1}", name, known))


def register(scaling: Scaling) -> Scaling:
    """Add a scaling (after the shipped ones); the rope method is rebuilt to offer it."""
    SCALINGS.add(scaling)
    try:
        scaling_params()
    except TypeError:
        del SCALINGS[scaling.name]
        raise
    _rebuild_rope()
    return scaling


def unregister(name: str) -> None:
    """Remove a scaling added with ``register`` (tests add their own and take them away again)."""
    del SCALINGS[name]
    _rebuild_rope()


def _rebuild_rope() -> None:
    import sys
    rope = sys.modules.get(__package__ + ".methods.rope")
    if rope is not None:  # while the rope module is first imported, it builds the method itself
        rope.rebuild()


def scaling_params() -> tuple[Param, ...]:
    """Every scaling's parameters, each once, in registration order. Two scalings that share a name share
    the Param (a different definition under the same name is refused: one flag, one control)."""
    found: dict[str, Param] = {}
    for scaling in SCALINGS.values():
        for param in scaling.params:
            if found.setdefault(param.name, param) != param:
                raise TypeError(f"RoPE scaling {scaling.name}: parameter {param.name} differs from another scaling's")
    return tuple(found.values())


get = SCALINGS.find


# -- the common part: transformers' default frequencies ---------------------------------------------

def rotary_width(d_model: int, rotary_fraction: float = 1.0) -> int:
    """transformers' ``dim = int(head_dim * partial_rotary_factor)``: the denominator of the exponents."""
    return int(d_model * rotary_fraction)


def default_inv_freq(dim: int, base: float) -> np.ndarray:
    """((dim + 1) // 2,) base^(-2i/dim) for i = 0, 1, ... while 2i < dim: RoFormer's frequencies."""
    return 1.0 / base ** (np.arange(0, dim, 2) / dim)


def _extension_base(base: float, grow: float, dim: int) -> float:
    """NTK's larger base: base * grow^(dim/(dim-2)) (a single pair, dim 2, takes grow itself)."""
    return base * grow ** (dim / (dim - 2)) if dim > 2 else base * grow


def yarn_mscale(factor: float, mscale: float = 1.0) -> float:
    """YaRN's 0.1 * mscale * ln(s) + 1 (eq. 21 of the paper), 1 for s <= 1, as transformers' yarn_get_mscale."""
    return 1.0 if factor <= 1 else 0.1 * mscale * math.log(factor) + 1.0


# -- the functions -----------------------------------------------------------------------------------

def none(d_model, base, rotary_fraction, seq_len):
    return default_inv_freq(rotary_width(d_model, rotary_fraction), base), 1.0


def linear(d_model, base, rotary_fraction, seq_len, factor):
    return default_inv_freq(rotary_width(d_model, rotary_fraction), base) / factor, 1.0


def ntk(d_model, base, rotary_fraction, seq_len, factor):
    dim = rotary_width(d_model, rotary_fraction)
    return default_inv_freq(dim, _extension_base(base, factor, dim)), 1.0


def dynamic_ntk(d_model, base, rotary_fraction, seq_len, factor, original_max_len):
    """transformers' "dynamic": the base grows with the length once it passes L0 (its max_position_embeddings)."""
    dim = rotary_width(d_model, rotary_fraction)
    length = max(seq_len, original_max_len)
    return default_inv_freq(dim, _extension_base(base, factor * length / original_max_len - (factor - 1), dim)), 1.0


def yarn(d_model, base, rotary_fraction, seq_len, factor, original_max_len, beta_fast=32.0, beta_slow=1.0,
         attention_factor=0.0, mscale=0.0, mscale_all_dim=0.0, truncate=True):
    """transformers' _compute_yarn_parameters. Pairs that turn more than beta_fast times within L0 keep their
    frequency, fewer than beta_slow times are divided by s, a linear ramp between; truncate=False (gpt-oss)
    keeps the ramp's ends where they fall instead of rounding them out to whole pairs. attention_factor 0
    means derived: mscale(s, mscale) / mscale(s, mscale_all_dim) when both are given (DeepSeek), else
    0.1 ln s + 1."""
    dim = rotary_width(d_model, rotary_fraction)
    if not attention_factor:
        attention_factor = (yarn_mscale(factor, mscale) / yarn_mscale(factor, mscale_all_dim)
                            if mscale and mscale_all_dim else yarn_mscale(factor))

    def correction(rotations):
        return dim * math.log(original_max_len / (rotations * 2 * math.pi)) / (2 * math.log(base))

    low, high = correction(beta_fast), correction(beta_slow)
    if truncate:
        low, high = math.floor(low), math.ceil(high)
    low, high = max(low, 0), min(high, dim - 1)
    if low == high:
        high += 0.001  # transformers' guard against a zero-width ramp
    theta = default_inv_freq(dim, base)
    interpolated = np.clip((np.arange(len(theta)) - low) / (high - low), 0.0, 1.0)
    return theta / factor * interpolated + theta * (1 - interpolated), float(attention_factor)


def llama3(d_model, base, rotary_fraction, seq_len, factor, original_max_len, low_freq_factor=1.0,
           high_freq_factor=4.0):
    """Meta's apply_scaling (Llama 3.1): wavelengths under L0/high kept, over L0/low divided by s, blended between."""
    theta = default_inv_freq(rotary_width(d_model, rotary_fraction), base)
    wavelength = 2 * math.pi / theta
    out = np.where(wavelength > original_max_len / low_freq_factor, theta / factor, theta)
    if high_freq_factor == low_freq_factor:  # Llama 4 Scout ships 1 and 1: a step at L0 (transformers warns)
        return out, 1.0
    smooth = (original_max_len / wavelength - low_freq_factor) / (high_freq_factor - low_freq_factor)
    blended = (1 - smooth) * theta / factor + smooth * theta
    medium = (wavelength >= original_max_len / high_freq_factor) & (wavelength <= original_max_len / low_freq_factor)
    return np.where(medium, blended, out), 1.0


def longrope(d_model, base, rotary_fraction, seq_len, factor, original_max_len, short_factor, long_factor,
             attention_factor=0.0):
    """transformers' _compute_longrope_parameters: pair i turns at base^(-2i/d) / f_i, with f the long
    factors once the sequence is longer than L0 and the short ones up to it. attention_factor 0 means
    derived: sqrt(1 + ln s / ln L0) (1 for s <= 1)."""
    dim = rotary_width(d_model, rotary_fraction)
    pairs = len(range(0, dim, 2))
    chosen = np.asarray(long_factor if seq_len > original_max_len else short_factor, dtype=np.float64)
    if chosen.shape != (pairs,):
        raise InputError("LongRoPE needs one factor per rotated pair ({0}), not {1}", pairs, chosen.size)
    if not attention_factor:
        attention_factor = 1.0 if factor <= 1 else math.sqrt(1 + math.log(factor) / math.log(original_max_len))
    return default_inv_freq(dim, base) / chosen, float(attention_factor)


def proportional(d_model, base, rotary_fraction, seq_len, factor=1.0):
    """transformers' _compute_proportional_rope_parameters (Gemma 4's global layers): all d/2 pairs keep
    their place and the spacing base^(-2i/d) of the whole head, the first int(fraction * d // 2) turn, the
    rest get frequency 0 (they never turn), all divided by factor."""
    turning = int(rotary_fraction * d_model // 2)
    out = np.zeros(d_model // 2)
    out[:turning] = 1.0 / base ** (np.arange(0, 2 * turning, 2) / d_model)
    return out / factor, 1.0


# -- parameters and the shipped entries -------------------------------------------------------------

FACTOR = Param("factor", "float", 8.0, "Context extension factor s (new length / original length)",
               1.0, 1024.0, label="Factor")
ORIGINAL_MAX_LEN = Param("original_max_len", "int", 8192, "Context length the model was trained on (L0)",
                         16, 1_048_576, label="Original length")
BETA_FAST = Param("beta_fast", "float", 32.0, "YaRN: pairs turning more than this many times in L0 keep "
                  "their frequency", 0.01, 1e4, label="Beta fast")
BETA_SLOW = Param("beta_slow", "float", 1.0, "YaRN: pairs turning fewer times than this in L0 are "
                  "interpolated fully", 0.01, 1e4, label="Beta slow")
ATTENTION_FACTOR = Param("attention_factor", "float", 0.0,
                         "YaRN and LongRoPE: the factor cos and sin are multiplied by; 0 = derived from s "
                         "(YaRN 0.1 ln s + 1, LongRoPE sqrt(1 + ln s / ln L0))", 0.0, 100.0,
                         label="Attention factor")
MSCALE = Param("mscale", "float", 0.0, "YaRN as DeepSeek-V2/V3: with mscale_all_dim, the attention factor is "
               "(0.1 mscale ln s + 1) / (0.1 mscale_all_dim ln s + 1); 0 = not given. DeepSeek also multiplies "
               "its softmax scale by (0.1 mscale_all_dim ln s + 1)^2, outside the rotary embedding (not shown here)",
               0.0, 100.0, label="mscale")
MSCALE_ALL_DIM = Param("mscale_all_dim", "float", 0.0, "YaRN as DeepSeek-V2/V3: see mscale; 0 = not given",
                       0.0, 100.0, label="mscale all dim")
TRUNCATE = Param("truncate", "bool", True, "YaRN: round the ramp's ends out to whole pairs (transformers' "
                 "default); off as gpt-oss", label="Truncate")
LOW_FREQ_FACTOR = Param("low_freq_factor", "float", 1.0, "Llama 3: wavelengths over L0/this are interpolated",
                        0.01, 1e4, label="Low freq factor")
HIGH_FREQ_FACTOR = Param("high_freq_factor", "float", 4.0, "Llama 3: wavelengths under L0/this are kept",
                         0.01, 1e4, label="High freq factor")

# LongRoPE's factors are searched per model, not given by a formula: these are the short and long factors
# of microsoft/Phi-3-vision-128k-instruct (head width 96, 48 pairs, L0 4096, extended to 131072), from its
# config.json as reproduced in huggingface/diffusers tests/pipelines/omnigen/test_pipeline_omnigen.py.
PHI3_SHORT_FACTOR = (
    1.05, 1.05, 1.05, 1.1, 1.1, 1.1, 1.2500000000000002, 1.2500000000000002, 1.4000000000000004,
    1.4500000000000004, 1.5500000000000005, 1.8500000000000008, 1.9000000000000008, *[2.000000000000001] * 19,
    2.1000000000000005, 2.1000000000000005, 2.2, 2.3499999999999996, 2.3499999999999996, 2.3499999999999996,
    2.3499999999999996, 2.3999999999999995, 2.3999999999999995, 2.6499999999999986, 2.6999999999999984,
    2.8999999999999977, 2.9499999999999975, 3.049999999999997, 3.049999999999997, 3.049999999999997)
PHI3_LONG_FACTOR = (
    1.0299999713897705, 1.0499999523162842, 1.0499999523162842, 1.0799999237060547, 1.2299998998641968,
    1.2299998998641968, 1.2999999523162842, 1.4499999284744263, 1.5999999046325684, 1.6499998569488525,
    1.8999998569488525, 2.859999895095825, 3.68999981880188, 5.419999599456787, 5.489999771118164,
    5.489999771118164, 9.09000015258789, 11.579999923706055, 15.65999984741211, 15.769999504089355,
    15.789999961853027, 18.360000610351562, 21.989999771118164, 23.079999923706055, 30.009998321533203,
    32.35000228881836, 32.590003967285156, 35.56000518798828, 39.95000457763672, 53.840003967285156,
    56.20000457763672, 57.95000457763672, 59.29000473022461, 59.77000427246094, 59.920005798339844,
    61.190006256103516, 61.96000671386719, 62.50000762939453, 63.3700065612793, 63.48000717163086,
    63.48000717163086, 63.66000747680664, 63.850006103515625, 64.08000946044922, 64.760009765625,
    64.80001068115234, 64.81001281738281, 64.81001281738281)


def resampled(factors, pairs: int) -> np.ndarray:
    """A per-pair factor list stretched to ``pairs`` entries by linear interpolation over the relative pair
    index (the list itself when the counts agree)."""
    factors = np.asarray(factors, dtype=np.float64)
    if factors.size == pairs:
        return factors
    return np.interp(np.linspace(0, 1, pairs), np.linspace(0, 1, factors.size), factors)


def phi3_longrope(d_model, base, rotary_fraction, seq_len, factor, original_max_len, attention_factor):
    """LongRoPE with Phi-3-vision's factor lists, resampled when the rotated width is not its 96."""
    pairs = len(range(0, rotary_width(d_model, rotary_fraction), 2))
    return longrope(d_model, base, rotary_fraction, seq_len, factor, original_max_len,
                    resampled(PHI3_SHORT_FACTOR, pairs), resampled(PHI3_LONG_FACTOR, pairs), attention_factor)


def _check_yarn(beta_fast, beta_slow, **_):
    if beta_fast <= beta_slow:
        raise InputError("beta_fast ({0}) must be larger than beta_slow ({1})", beta_fast, beta_slow)


def check_llama3(low_freq_factor, high_freq_factor, **_):
    if high_freq_factor < low_freq_factor:
        raise InputError("high_freq_factor ({0}) must not be smaller than low_freq_factor ({1})",
                         high_freq_factor, low_freq_factor)


HF_ROPE_UTILS = "Hugging Face transformers modeling_rope_utils.py"

for _entry in (
    Scaling("none", "none (as trained)", "none = the trained frequencies", "Su et al. 2021, RoFormer "
            "(arXiv:2104.09864)", none, style=Style(7, "solid"), short_title="none"),
    Scaling("linear", "linear (position interpolation)", "linear = position interpolation, every pair slowed by s",
            "Chen et al. 2023, Position Interpolation (arXiv:2306.15595)", linear, (FACTOR,), Style(0, "dash"),
            short_title="linear"),
    Scaling("ntk", "NTK-aware", "ntk = a larger base, s^(d/(d-2)) times", "bloc97 2023, NTK-aware scaled RoPE",
            ntk, (FACTOR,), Style(1, "dot")),
    Scaling("dynamic-ntk", "dynamic NTK", "dynamic-ntk = the base grows with the length once it passes L0",
            "emozilla 2023, dynamic NTK; " + HF_ROPE_UTILS, dynamic_ntk, (FACTOR, ORIGINAL_MAX_LEN),
            Style(2, "dashdot"), length_dependent=True),
    Scaling("yarn", "YaRN", "yarn = per-band blend plus attention factor (DeepSeek's mscale, gpt-oss's "
            "truncate=False)", "Peng et al. 2023, YaRN (arXiv:2309.00071)", yarn,
            (FACTOR, ORIGINAL_MAX_LEN, BETA_FAST, BETA_SLOW, ATTENTION_FACTOR, MSCALE, MSCALE_ALL_DIM, TRUNCATE),
            Style(3, "dashdotdot"), check=_check_yarn),
    Scaling("llama3", "Llama 3", "llama3 = per-wavelength blend", "Meta 2024, Llama 3.1 (arXiv:2407.21783)",
            llama3, (FACTOR, ORIGINAL_MAX_LEN, LOW_FREQ_FACTOR, HIGH_FREQ_FACTOR), Style(4, "solid", "o"),
            check=check_llama3),
    Scaling("longrope", "LongRoPE (Phi-3)", "longrope = searched per-pair factors, short ones up to L0 and long "
            "ones beyond, plus attention factor (Phi-3-vision's lists, resampled when the rotated width is not 96)",
            "Ding et al. 2024, LongRoPE (arXiv:2402.13753); Phi-3 (arXiv:2404.14219)", phi3_longrope,
            (FACTOR, ORIGINAL_MAX_LEN, ATTENTION_FACTOR), Style(5, "dash", "t"), length_dependent=True,
            short_title="LongRoPE"),
    Scaling("proportional", "proportional (p-RoPE)", "proportional = Gemma 4's p-RoPE: all d/2 pairs keep the "
            "spacing of the whole head, only the first rotary_fraction of them turn, the rest get frequency 0 "
            "(not divided by s: transformers divides by a factor only when the config gives one, Gemma 4's does not)",
            "Barbero et al. 2024, p-RoPE (arXiv:2410.06205); Gemma 4, " + HF_ROPE_UTILS, proportional,
            style=Style(6, "dot", "s"), extends_context=False, short_title="p-RoPE"),
):
    SCALINGS.add(_entry)  # not register: the rope method is built from them when its module is first imported
