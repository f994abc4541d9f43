"""Layer patterns of recent models: one layer of a stack whose layers differ in how they see position. Llama 4
(iRoPE) and SmolLM3 leave every fourth layer without RoPE (NoPE); Llama 4's RoPE layers attend within chunks
of 8192 tokens, and its NoPE layers scale queries up past 8192 positions (attention temperature tuning).
Gemma 3 alternates five sliding-window layers (base 10^4, 1024 tokens) with one global layer (base 10^6,
linear x8); ModernBERT makes every third layer global (base 160000) and the rest see 64 tokens either side
(base 10^4); gpt-oss alternates windows of 128 tokens with full layers, both YaRN x32 at base 150000
without truncation, and gives every head of every layer a learned sink logit (the sinks method's seeded
stand-ins here: the trained values are not shipped). The numbers are those of each model's config.json and transformers' modeling files
(Llama4TextConfig, SmolLM3Config, Gemma3TextConfig, ModernBertConfig, masking_utils' overlays, Llama4TextAttention):
scripts/make_method_references.py checks them (gpt-oss: the references of its shipped config, made by
scripts/make_rope_references.py). A toy text is short, so ``window`` may shrink the model's window."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from ..params import SEED, SEQ_LEN, InputError, Param
from ..registry import CHUNK_BYTES, Attention, Entry, Method, Output, register
from . import rope, sinks


@dataclass(frozen=True)
class Pattern:
    """A model's stack: how many layers, which ones rotate, and each kind of layer's window and frequencies."""

    title: str
    layers: int
    layout: str
    nope_every: int = 0          # every n-th layer (n-1, 2n-1, ...) has no RoPE; 0: all rotate
    global_every: int = 0        # layers with index % n == offset are global, the rest local
    global_offset: int = 0
    global_rope: tuple = ()      # (base, scaling, scaling values) of global (or all RoPE) layers
    local_rope: tuple = ()
    window: int = 0              # local layers' window; Llama 4: the RoPE layers' chunk
    chunked: bool = False
    bidirectional: bool = False  # the window reaches both ways (an encoder)
    temperature: bool = False    # Llama 4: NoPE layers' queries scaled with position
    sinks: bool = False          # gpt-oss: a learned sink logit per head in every layer

    def kind(self, layer: int) -> str:
        """full_attention, sliding_attention or chunked_attention, as the config's layer_types say."""
        if self.chunked:
            return "chunked_attention" if self.rotates(layer) else "full_attention"
        if self.global_every and layer % self.global_every != self.global_offset:
            return "sliding_attention"
        return "full_attention"

    def rotates(self, layer: int) -> bool:
        return not self.nope_every or (layer + 1) % self.nope_every != 0

    def rope_of(self, layer: int) -> tuple:
        return self.local_rope if self.kind(layer) == "sliding_attention" else self.global_rope


GPT_OSS_YARN = (150000.0, "yarn", {"factor": 32.0, "original_max_len": 4096, "beta_fast": 32.0, "beta_slow": 1.0,
                                   "truncate": False})
LLAMA3_16 = {"factor": 16.0, "original_max_len": 8192, "low_freq_factor": 1.0, "high_freq_factor": 1.0}
PATTERNS = {
    "llama4": Pattern("Llama 4 Scout (iRoPE)", 48, "interleaved", nope_every=4,
                      global_rope=(500000.0, "llama3", LLAMA3_16), window=8192, chunked=True, temperature=True),
    "smollm3": Pattern("SmolLM3", 36, "half", nope_every=4, global_rope=(5000000.0, "none", {})),
    "gemma3": Pattern("Gemma 3", 34, "half", global_every=6, global_offset=5,
                      global_rope=(1000000.0, "linear", {"factor": 8.0}), local_rope=(10000.0, "none", {}),
                      window=1024),
    "modernbert": Pattern("ModernBERT", 22, "half", global_every=3, global_offset=0,
                          global_rope=(160000.0, "none", {}), local_rope=(10000.0, "none", {}), window=64,
                          bidirectional=True),
    "gpt-oss": Pattern("gpt-oss", 24, "half", global_every=2, global_offset=1, global_rope=GPT_OSS_YARN,
                       local_rope=GPT_OSS_YARN, window=128, sinks=True),
}
FLOOR_SCALE, ATTN_SCALE = 8192, 0.1  # Llama 4's temperature tuning

PATTERN = Param("pattern", "choice", "llama4", "The model whose stack is shown: llama4 (every 4th layer NoPE, RoPE "
                "layers chunked), smollm3 (every 4th NoPE), gemma3 (5 local : 1 global), modernbert (every 3rd "
                "global), gpt-oss (windows of 128 and full layers in turn, YaRN in both)", choices=tuple(PATTERNS),
                label="Model")
LAYER = Param("layer", "int", 0, "Which layer (from 0); each model has its own number of layers", 0, 63,
              label="Layer")
HEAD_DIM = Param("d_model", "int", 128, "Width of one head's queries and keys (even)", 2, 2048, label="Head width")
WINDOW = Param("window", "int", 0, "Sliding window or chunk in tokens; 0: the model's own (Llama 4 chunks of "
               "8192, Gemma 3 1024, ModernBERT 64 either side). A short text needs a small one", 0, 1_048_576,
               label="Window")
WITH_SINKS = (("pattern", tuple(name for name, model in PATTERNS.items() if model.sinks)),)
SINK_MEAN = replace(sinks.SINK_MEAN, when=WITH_SINKS)
SINK_SPREAD = replace(sinks.SINK_SPREAD, when=WITH_SINKS)
SINK_SEED = replace(SEED, when=WITH_SINKS)


def layer_info(pattern: str, layer: int) -> tuple[Pattern, str, bool]:
    """(the pattern, the layer's attention kind, whether it rotates)."""
    model = PATTERNS[pattern]
    return model, model.kind(layer), model.rotates(layer)


def inv_freq(d_model: int, pattern: str = "llama4", layer: int = 0, seq_len: int = 128) -> np.ndarray:
    """(d/2,) the layer's frequencies: its base and scaling; all 0 in a NoPE layer (no pair turns)."""
    model, _, rotates = layer_info(pattern, layer)
    if not rotates:
        return np.zeros(d_model // 2)
    base, scaling, values = model.rope_of(layer)
    with np.errstate(divide="ignore", invalid="ignore"):  # Llama 4's equal low and high factors: no blend band
        return rope.inv_freq(d_model, base, scaling=scaling, seq_len=seq_len, **values)


def wavelengths(**values) -> np.ndarray:
    with np.errstate(divide="ignore"):
        return 2 * np.pi / inv_freq(**values)


def decay(seq_len: int, d_model: int = 128, pattern: str = "llama4", layer: int = 0) -> np.ndarray:
    """(seq_len,) mean score of rotated all-ones q and k against the offset: flat at 1 in a NoPE layer."""
    return rope.mean_cosine(seq_len, inv_freq(d_model, pattern, layer, seq_len))


def visible(n: int, pattern: str, layer: int, window: int = 0) -> np.ndarray:
    """(n, n) bool: key j within query i's window or chunk (the overlays of masking_utils, without the causal
    part, which the causal switch adds); everything in a full-attention layer."""
    model, kind, _ = layer_info(pattern, layer)
    size = window or model.window
    i, j = np.indices((n, n))
    if kind == "chunked_attention":
        return j // size == i // size
    if kind == "sliding_attention":
        return np.abs(i - j) <= size if model.bidirectional else j > i - size
    return np.ones((n, n), dtype=bool)


def query_scales(n: int, pattern: str, layer: int) -> np.ndarray:
    """(n,) Llama 4's NoPE-layer query scale log(1 + floor((p + 1) / 8192)) x 0.1 + 1 at position p; 1 elsewhere."""
    model, _, rotates = layer_info(pattern, layer)
    if rotates or not model.temperature:
        return np.ones(n)
    return np.log1p(np.floor((np.arange(n) + 1.0) / FLOOR_SCALE)) * ATTN_SCALE + 1.0


def attention_scores(values: dict, q: np.ndarray, k: np.ndarray, scale: float) -> tuple:
    """In attention: content q.k; position part the layer's change to it (rotation, or a NoPE layer's query
    scale), both scaled; keys outside the window or chunk -inf in both."""
    n, head_dim = q.shape[-2:]
    pattern, layer = values["pattern"], values["layer"]
    model, _, rotates = layer_info(pattern, layer)
    content = q @ np.swapaxes(k, -1, -2) * scale
    if rotates:
        frequencies = inv_freq(head_dim - head_dim % 2, pattern, layer, n)
        positions = np.arange(n)
        turned = rope.rotate(q, positions, frequencies, model.layout) @ np.swapaxes(
            rope.rotate(k, positions, frequencies, model.layout), -1, -2) * scale
    else:
        turned = content * query_scales(n, pattern, layer)[:, None]
    position = turned - content
    hidden = ~visible(n, pattern, layer, values["window"])
    content[..., hidden] = -np.inf
    position[..., hidden] = -np.inf
    return content, position, ()


def attention_sinks(values: dict, heads: int) -> np.ndarray | None:
    """gpt-oss: each head's sink logit (seeded, as the sinks method draws them); None for the other models."""
    if not PATTERNS[values["pattern"]].sinks:
        return None
    return sinks.sink_logits(heads, values["sink_mean"], values["sink_spread"], values["seed"])


def _attention_bytes(values, n, heads, d_model):
    """Turned queries and keys, the turned scores, the masks and index grids."""
    return 8 * (2 * n * d_model + heads * n * n + 5 * n * n)


def _check(pattern, layer, d_model, **_):
    if d_model % 2:
        raise InputError("d_model must be even (channels rotate in pairs), not {0}", d_model)
    if layer >= PATTERNS[pattern].layers:
        raise InputError("{0} has {1} layers (0 to {2}), not layer {3}", pattern, PATTERNS[pattern].layers,
                         PATTERNS[pattern].layers - 1, layer)


FREQ = ("d_model", "pattern", "layer", "seq_len")

register(Method(
    name="layers",
    title="Layer patterns (iRoPE, local / global)",
    family="rotary",
    citation="Meta 2025, Llama 4 (iRoPE); Hugging Face 2025, SmolLM3; Gemma Team 2025, Gemma 3 (arXiv:2503.19786); "
             "Warner et al. 2024, ModernBERT (arXiv:2412.13663); transformers' configs and masking_utils",
    summary="One layer of a real stack: RoPE or none, a local window or chunk or all, and that layer's base "
            "and scaling (gpt-oss: with its sinks, seeded stand-ins for the learned ones).",
    params=(SEQ_LEN, HEAD_DIM, PATTERN, LAYER, WINDOW, SINK_MEAN, SINK_SPREAD, SINK_SEED),
    outputs={
        "frequencies": Output(inv_freq, lambda d_model, **_: (d_model // 2,), params=FREQ),
        "wavelengths": Output(wavelengths, lambda d_model, **_: (d_model // 2,), params=FREQ),
        "decay": Output(decay, lambda seq_len, **_: (seq_len,), params=FREQ,
                        peak=lambda seq_len, d_model, **_: 8 * seq_len + CHUNK_BYTES + 64 * d_model),
    },
    check=_check,
    tags=("rotary",),
    attention=Attention(Entry.SCORE, scores=attention_scores, sinks=attention_sinks, own_bytes=_attention_bytes),
))
