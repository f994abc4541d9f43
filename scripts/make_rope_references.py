#!/usr/bin/env python3
"""Compute the RoPE known answers once with Hugging Face transformers and store them, with the versions
that made them, in tests/data/rope_references.json; tests/core/test_rope_references.py compares the core
with them (and tests/core/test_absolute_and_images.py the resized learned grid with torch's interpolate). torch and transformers are not dependencies of the app or its tests: run this in a venv of its
own, never in the project's.

    python3 -m venv /tmp/ropevenv && /tmp/ropevenv/bin/pip install torch==2.13.0 transformers
    /tmp/ropevenv/bin/python scripts/make_rope_references.py

Each case names the transformers config it builds (rope_parameters as transformers v5 reads them) and the
app's rope parameters that should give the same numbers; the inverse frequencies and the attention factor
come from transformers' ROPE_INIT_FUNCTIONS (modeling_rope_utils.py) at the given sequence length, as the
rotary embedding holds them after seeing that many positions (transformers computes in float32).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import torch
import transformers
from transformers import GPTNeoXConfig, LlamaConfig
from transformers.modeling_rope_utils import ROPE_INIT_FUNCTIONS
from transformers.models.gpt_neox.modeling_gpt_neox import GPTNeoXRotaryEmbedding, apply_rotary_pos_emb

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from posenc_gui.core.rope_scalings import PHI3_LONG_FACTOR, PHI3_SHORT_FACTOR  # noqa: E402  (plain data)

OUT = ROOT / "tests" / "data" / "rope_references.json"
CONFIG_OUT = ROOT / "tests" / "data" / "config_references.json"

# (name, head_dim, max_position_embeddings, rope_parameters, seq_len, the app's rope parameters)
CASES = [
    ("linear", 64, 2048, {"rope_type": "linear", "rope_theta": 10000.0, "factor": 4.0}, 128,
     {"d_model": 64, "scaling": "linear", "factor": 4.0}),
    ("dynamic below L0", 64, 2048, {"rope_type": "dynamic", "rope_theta": 10000.0, "factor": 4.0}, 1000,
     {"d_model": 64, "scaling": "dynamic-ntk", "factor": 4.0, "original_max_len": 2048}),
    ("dynamic beyond L0", 64, 2048, {"rope_type": "dynamic", "rope_theta": 10000.0, "factor": 4.0}, 5000,
     {"d_model": 64, "scaling": "dynamic-ntk", "factor": 4.0, "original_max_len": 2048}),
    ("yarn", 128, 65536, {"rope_type": "yarn", "rope_theta": 10000.0, "factor": 16.0,
                          "original_max_position_embeddings": 4096}, 128,
     {"d_model": 128, "scaling": "yarn", "factor": 16.0, "original_max_len": 4096}),
    ("yarn explicit attention_factor", 128, 65536,
     {"rope_type": "yarn", "rope_theta": 10000.0, "factor": 16.0, "original_max_position_embeddings": 4096,
      "attention_factor": 0.8, "beta_fast": 16.0, "beta_slow": 2.0}, 128,
     {"d_model": 128, "scaling": "yarn", "factor": 16.0, "original_max_len": 4096, "attention_factor": 0.8,
      "beta_fast": 16.0, "beta_slow": 2.0}),
    ("yarn DeepSeek-V3 (mscale 1, mscale_all_dim 1)", 64, 163840,
     {"rope_type": "yarn", "rope_theta": 10000.0, "factor": 40.0, "original_max_position_embeddings": 4096,
      "mscale": 1.0, "mscale_all_dim": 1.0, "beta_fast": 32.0, "beta_slow": 1.0}, 128,
     {"d_model": 64, "scaling": "yarn", "factor": 40.0, "original_max_len": 4096, "mscale": 1.0,
      "mscale_all_dim": 1.0}),
    ("yarn mscale 1, mscale_all_dim 0.5", 64, 163840,
     {"rope_type": "yarn", "rope_theta": 10000.0, "factor": 40.0, "original_max_position_embeddings": 4096,
      "mscale": 1.0, "mscale_all_dim": 0.5}, 128,
     {"d_model": 64, "scaling": "yarn", "factor": 40.0, "original_max_len": 4096, "mscale": 1.0,
      "mscale_all_dim": 0.5}),
    ("yarn gpt-oss (truncate false)", 64, 131072,
     {"rope_type": "yarn", "rope_theta": 150000.0, "factor": 32.0, "original_max_position_embeddings": 4096,
      "beta_fast": 32.0, "beta_slow": 1.0, "truncate": False}, 128,
     {"d_model": 64, "base": 150000.0, "scaling": "yarn", "factor": 32.0, "original_max_len": 4096,
      "truncate": False}),
    ("llama3", 128, 131072, {"rope_type": "llama3", "rope_theta": 500000.0, "factor": 8.0, "low_freq_factor": 1.0,
                             "high_freq_factor": 4.0, "original_max_position_embeddings": 8192}, 128,
     {"d_model": 128, "base": 500000.0, "scaling": "llama3", "factor": 8.0, "original_max_len": 8192}),
    ("longrope Phi-3 short", 96, 131072,
     {"rope_type": "longrope", "rope_theta": 10000.0, "short_factor": list(PHI3_SHORT_FACTOR),
      "long_factor": list(PHI3_LONG_FACTOR), "original_max_position_embeddings": 4096}, 4096,
     {"d_model": 96, "scaling": "longrope", "factor": 32.0, "original_max_len": 4096}),
    ("longrope Phi-3 long", 96, 131072,
     {"rope_type": "longrope", "rope_theta": 10000.0, "short_factor": list(PHI3_SHORT_FACTOR),
      "long_factor": list(PHI3_LONG_FACTOR), "original_max_position_embeddings": 4096}, 4097,
     {"d_model": 96, "scaling": "longrope", "factor": 32.0, "original_max_len": 4096}),
    ("longrope explicit attention_factor", 96, 131072,
     {"rope_type": "longrope", "rope_theta": 10000.0, "short_factor": list(PHI3_SHORT_FACTOR),
      "long_factor": list(PHI3_LONG_FACTOR), "original_max_position_embeddings": 4096,
      "attention_factor": 1.25}, 8192,
     {"d_model": 96, "scaling": "longrope", "factor": 32.0, "original_max_len": 4096, "attention_factor": 1.25}),
    ("proportional (Gemma 4 global: p = 0.25)", 256, 131072,
     {"rope_type": "proportional", "rope_theta": 1000000.0, "partial_rotary_factor": 0.25}, 128,
     {"d_model": 256, "base": 1000000.0, "rotary_fraction": 0.25, "scaling": "proportional"}),
    ("proportional, p = 0.3 (a fraction of a pair)", 20, 4096,
     {"rope_type": "proportional", "rope_theta": 10000.0, "partial_rotary_factor": 0.3}, 128,
     {"d_model": 20, "rotary_fraction": 0.3, "scaling": "proportional"}),
]


def scaling_case(name, head_dim, max_positions, rope_parameters, seq_len, app) -> dict:
    config = LlamaConfig(hidden_size=head_dim * 4, num_attention_heads=4, head_dim=head_dim,
                         max_position_embeddings=max_positions, rope_parameters=dict(rope_parameters))
    inv_freq, attention_factor = ROPE_INIT_FUNCTIONS[rope_parameters["rope_type"]](config, None, seq_len=seq_len)
    return {"name": name, "head_dim": head_dim, "max_position_embeddings": max_positions,
            "rope_parameters": rope_parameters, "seq_len": seq_len, "app": app,
            "inv_freq": [float(x) for x in inv_freq.tolist()], "attention_factor": float(attention_factor)}


def odd_width_case() -> dict:
    """GPT-NeoX with rotary_pct 0.25 of a head of 76: an odd rotated width of 19, q rotated at positions 0-4."""
    head_dim, fraction, positions = 76, 0.25, [0, 1, 2, 3, 4]
    config = GPTNeoXConfig(hidden_size=head_dim * 2, num_attention_heads=2, max_position_embeddings=2048,
                           rope_parameters={"rope_type": "default", "rope_theta": 10000.0,
                                            "partial_rotary_factor": fraction})
    rotary = GPTNeoXRotaryEmbedding(config)
    q = torch.linspace(-1.0, 1.0, head_dim * len(positions), dtype=torch.float64).reshape(1, 1, len(positions), -1)
    cos, sin = rotary(q.float(), torch.tensor([positions]))
    turned, _ = apply_rotary_pos_emb(q, q, cos.double(), sin.double())
    return {"name": "GPT-NeoX odd rotary width", "head_dim": head_dim, "partial_rotary_factor": fraction,
            "positions": positions, "inv_freq": [float(x) for x in rotary.inv_freq.tolist()],
            "cos_width": int(cos.shape[-1]), "q": q[0, 0].tolist(), "rotated_q": turned[0, 0].tolist(),
            "app": {"d_model": head_dim, "rotary_fraction": fraction, "layout": "half"}}


def resize_case() -> dict:
    """A 6 x 6 grid shrunk to 3 x 4 by torch's bicubic interpolate (align_corners=False) as MAE's
    interpolate_pos_embed calls it (no antialias) and as timm's resample_abs_pos_embed does by default
    (antialias=True): the two differ when a grid shrinks."""
    grid = torch.linspace(-1.0, 1.0, 36, dtype=torch.float64).reshape(6, 6) ** 3
    out = {}
    for antialias in (False, True):
        out[f"antialias_{str(antialias).lower()}"] = torch.nn.functional.interpolate(
            grid[None, None], size=(3, 4), mode="bicubic", align_corners=False, antialias=antialias)[0, 0].tolist()
    return {"grid": grid.tolist(), "size": [3, 4], **out}


CONFIGS = ROOT / "resources" / "configs"
SEQ_LENS = (None, 5000, 200000)  # as built, past most L0, past every max_position_embeddings shipped


def float32s(tensor) -> list:
    """A float32 tensor as a list of 9-significant-digit floats (enough to give every float32 back)."""
    values = tensor.tolist()
    if isinstance(values, float):
        return float(f"{values:.9g}")
    return [float32s_item(v) for v in values]


def float32s_item(value):
    return [float32s_item(v) for v in value] if isinstance(value, list) else float(f"{value:.9g}")


def rotary_module(config):
    """The model's own text rotary embedding class, built from ``config``."""
    import importlib
    module = importlib.import_module(f"transformers.models.{config.model_type.replace('_text', '')}."
                                     f"modeling_{config.model_type.replace('_text', '')}")
    name = next(n for n in dir(module) if n.endswith("RotaryEmbedding") and "Vision" not in n)
    return getattr(module, name)(config)


def rotary_call(rotary, x, ids, kind):
    """cos and sin of the model's rotary embedding; Llama 4's returns complex numbers (one per pair)."""
    out = rotary(x, ids) if kind is None else rotary(x, ids, kind)
    if torch.is_tensor(out) and out.is_complex():
        return out.real, out.imag
    return out


def config_case(path: Path) -> dict:
    """What a shipped config's rotary embedding holds after N positions (inv_freq, attention_factor per
    rotating layer type), its cos and sin for a few position ids (on the first RoPE layer's type, and on each
    other type that has its own frequencies), and its layer types and which layers rotate."""
    v4 = json.loads(path.read_text(encoding="utf-8"))
    config = transformers.AutoConfig.for_model(**v4).get_text_config()
    layer_types = list(getattr(config, "layer_types", None) or ["full_attention"] * config.num_hidden_layers)
    rope_layers = [int(bool(f)) for f in getattr(config, "no_rope_layers", None) or [1] * len(layer_types)]
    per_type = hasattr(rotary_module(config), f"{layer_types[0]}_inv_freq")  # Gemma 3, ModernBERT
    kinds = sorted({k for k, r in zip(layer_types, rope_layers) if r}) if per_type else [None]
    first_rope = next(k for k, r in zip(layer_types, rope_layers) if r)
    multimodal = "qwen2_vl" in config.model_type or "qwen3_vl" in config.model_type
    frequencies = {}
    for kind in kinds:
        for seq_len in SEQ_LENS:
            rotary = rotary_module(config)
            x = torch.zeros(1, dtype=torch.float32)
            ids = torch.tensor([[0 if seq_len is None else seq_len - 1]])
            if multimodal:
                ids = ids[None].expand(3, 1, 1)
            rotary_call(rotary, x, ids, kind)  # lets a dynamic or LongRoPE embedding update to this length
            prefix = "" if kind is None else f"{kind}_"
            scaling = getattr(rotary, f"{prefix}attention_scaling")
            frequencies[f"{kind or first_rope}@{seq_len}"] = {
                "inv_freq": float32s(getattr(rotary, f"{prefix}inv_freq")), "attention_factor": float(scaling)}
    rotary = rotary_module(config)
    if multimodal:  # text, then a 2 x 3 image patch grid at t = 3, as Qwen2-VL numbers them
        ids = [[0, 1, 2, 3, 3, 3, 3, 3, 3], [0, 1, 2, 3, 3, 3, 4, 4, 4], [0, 1, 2, 3, 4, 5, 3, 4, 5]]
        position_ids = torch.tensor(ids)[:, None, :]
    else:
        ids = [0, 7, 4096, 9000]
        position_ids = torch.tensor([ids])
    x = torch.zeros(1, dtype=torch.float32)
    cos, sin = rotary_call(rotary, x, position_ids, first_rope if per_type else None)
    other_types = {}  # Gemma 3, ModernBERT, Gemma 4: the other layer types' tables (Gemma 4's are wider)
    for kind in kinds if per_type else []:
        if kind != first_rope:
            kind_cos, kind_sin = rotary_call(rotary, x, position_ids, kind)
            other_types[kind] = {"cos": float32s(kind_cos[0]), "sin": float32s(kind_sin[0])}
    return {"file": path.name, "model_type": config.model_type, "layer_types": layer_types,
            "rope_layers": rope_layers, "cos_layer_type": first_rope, "frequencies": frequencies,
            "position_ids": ids, "cos": float32s(cos[0]), "sin": float32s(sin[0]), "other_types": other_types,
            "v5": {k: v for k, v in config.to_dict().items() if not k.startswith("_")}}


def main() -> int:
    data = {
        "made_by": "scripts/make_rope_references.py",
        "versions": {"transformers": transformers.__version__, "torch": torch.__version__},
        "scalings": [scaling_case(*case) for case in CASES],
        "odd_width": odd_width_case(),
        "bicubic_resize": resize_case(),
    }
    configs = {"versions": data["versions"], "configs": [config_case(path) for path in sorted(CONFIGS.glob("*.json"))]}
    CONFIG_OUT.write_text(json.dumps(configs) + "\n", encoding="utf-8")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(data['scalings'])} scaling cases, transformers "
          f"{transformers.__version__}, torch {torch.__version__}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
