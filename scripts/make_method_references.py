#!/usr/bin/env python3
"""Compute known answers for the methods added after 2023 once, with the reference implementations, and store
them with the versions that made them in tests/data/method_references.json; tests/core/test_method_references.py
compares the core with them. torch and transformers are not dependencies of the app or its tests: run this in
a venv of its own, never in the project's.

    python3 -m venv /tmp/ropevenv && /tmp/ropevenv/bin/pip install torch==2.13.0 transformers
    /tmp/ropevenv/bin/python scripts/make_method_references.py

M-RoPE comes from transformers itself (Qwen2-VL's and Qwen2.5-VL's get_rope_index, the Qwen2-VL and Qwen3-VL
text rotary embeddings and apply_rotary_pos_emb). Methods without a transformers implementation are written
out below in torch as their authors wrote them (named at each), with the app's seeded parameters put in.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from types import SimpleNamespace

import torch
import transformers
from transformers.models.qwen2_5_vl.modeling_qwen2_5_vl import Qwen2_5_VLModel
from transformers.models.qwen2_vl.configuration_qwen2_vl import Qwen2VLTextConfig
from transformers.models.qwen2_vl.modeling_qwen2_vl import Qwen2VLModel, Qwen2VLRotaryEmbedding, apply_rotary_pos_emb
from transformers.models.qwen3_vl.configuration_qwen3_vl import Qwen3VLTextConfig
from transformers.models.qwen3_vl.modeling_qwen3_vl import Qwen3VLTextRotaryEmbedding

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tests" / "data" / "method_references.json"


def rope_index(model_class, text_before, grid_thw, text_after, video=False, tokens_per_second=1, seconds=1.0):
    """(3, n) position ids from the model's own get_rope_index for text, one image or video, text; a stand-in
    ``self`` carries the config (spatial merge 2) and the model's get_vision_position_ids."""
    merged = grid_thw[0] * grid_thw[1] * grid_thw[2] // 4
    kind = 2 if video else 1
    types = [0] * text_before + [kind] * merged + [0] * text_after
    vision_config = SimpleNamespace(spatial_merge_size=2, tokens_per_second=tokens_per_second)
    stand_in = SimpleNamespace(config=SimpleNamespace(vision_config=vision_config))
    stand_in.get_vision_position_ids = model_class.get_vision_position_ids.__get__(stand_in)
    grids = torch.tensor([grid_thw])
    kwargs = {"video_grid_thw": grids} if video else {"image_grid_thw": grids}
    if video and model_class is Qwen2_5_VLModel:
        kwargs["second_per_grid_ts"] = torch.tensor([seconds])
    ids, _ = model_class.get_rope_index(stand_in, torch.zeros(1, len(types), dtype=torch.long),
                                        mm_token_type_ids=torch.tensor([types]), **kwargs)
    return ids[:, 0, :]


def chained_rope_index(model_class, blocks, tokens_per_second=1, seconds=1.0):
    """(3, n) position ids from the model's own get_rope_index for several blocks in a row: ("text", length),
    ("image", [t, h, w]) or ("video", [t, h, w]) before the 2 x 2 merge, each video ``seconds`` per frame pair."""
    types, grids = [], {1: [], 2: []}
    for kind, size in blocks:
        if kind == "text":
            types += [0] * size
        else:
            code = 1 if kind == "image" else 2
            types += [code] * (size[0] * size[1] * size[2] // 4)
            grids[code].append(size)
    vision_config = SimpleNamespace(spatial_merge_size=2, tokens_per_second=tokens_per_second)
    stand_in = SimpleNamespace(config=SimpleNamespace(vision_config=vision_config))
    stand_in.get_vision_position_ids = model_class.get_vision_position_ids.__get__(stand_in)
    kwargs = {"image_grid_thw": torch.tensor(grids[1]) if grids[1] else None,
              "video_grid_thw": torch.tensor(grids[2]) if grids[2] else None}
    if grids[2] and model_class is Qwen2_5_VLModel:
        kwargs["second_per_grid_ts"] = torch.tensor([seconds] * len(grids[2]))
    ids, _ = model_class.get_rope_index(stand_in, torch.zeros(1, len(types), dtype=torch.long),
                                        mm_token_type_ids=torch.tensor([types]), **kwargs)
    return ids[:, 0, :]


def mrope_chain_cases() -> list[dict]:
    """Position ids of sequences with two vision blocks and text between, from get_rope_index: each block starts
    where the text before it left the running position, and text after a block resumes at the block's start +
    max(rows, columns). ``blocks`` give the sizes after the 2 x 2 merge (frames, rows, columns), as the app's
    lesson takes them, with the time step between frames."""
    layouts = [
        ("Qwen2-VL text, image, text, video, text", Qwen2VLModel,
         [("text", 3), ("image", [1, 4, 6]), ("text", 2), ("video", [3, 4, 6]), ("text", 2)], {}, 1),
        ("Qwen2-VL two images of different sizes", Qwen2VLModel,
         [("text", 2), ("image", [1, 4, 4]), ("text", 3), ("image", [1, 6, 8]), ("text", 1)], {}, 1),
        ("Qwen2.5-VL image, then a video (time step 5)", Qwen2_5_VLModel,
         [("text", 1), ("image", [1, 2, 6]), ("text", 2), ("video", [4, 4, 2]), ("text", 3)],
         {"tokens_per_second": 2, "seconds": 2.5}, 5),
    ]
    cases = []
    for name, model_class, blocks, timing, frame_step in layouts:
        ids = chained_rope_index(model_class, blocks, **timing)
        merged = [[kind, size] if kind == "text" else [kind, [size[0], size[1] // 2, size[2] // 2]]
                  for kind, size in blocks]
        cases.append({"name": name, "blocks": merged, "frame_step": frame_step, "position_ids": ids.tolist()})
    return cases


def mrope_cases() -> list[dict]:
    """Position ids of an image (Qwen2-VL) and a video (Qwen2.5-VL, 2.5 s per frame pair at 2 tokens per
    second: a time step of 5), and the cos, sin and rotated q of Qwen2-VL's blocks and Qwen3-VL's interleaving."""
    cases = []
    layouts = [
        ("Qwen2-VL image", Qwen2VLModel, dict(text_before=4, grid_thw=[1, 8, 12], text_after=12), {},
         {"text_before": 4, "grid_h": 4, "grid_w": 6, "frames": 1, "frame_step": 1}),
        ("Qwen2.5-VL video", Qwen2_5_VLModel, dict(text_before=3, grid_thw=[3, 4, 6], text_after=5),
         {"video": True, "tokens_per_second": 2, "seconds": 2.5},
         {"text_before": 3, "grid_h": 2, "grid_w": 3, "frames": 3, "frame_step": 5}),
    ]
    for name, model_class, layout, video, app in layouts:
        ids = rope_index(model_class, **layout, **video)
        cases.append({"name": name, "position_ids": ids.tolist(), "app": {**app, "seq_len": int(ids.shape[1])}})
    generator = torch.Generator().manual_seed(0)
    for name, config_class, rotary_class, section, interleaved in (
            ("Qwen2-VL blocks", Qwen2VLTextConfig, Qwen2VLRotaryEmbedding, [16, 24, 24], False),
            ("Qwen3-VL interleaved", Qwen3VLTextConfig, Qwen3VLTextRotaryEmbedding, [24, 20, 20], True)):
        config = config_class(hidden_size=512, num_attention_heads=4, head_dim=128,
                              rope_parameters={"rope_type": "default", "rope_theta": 1000000.0,
                                               "mrope_section": section, "mrope_interleaved": interleaved})
        ids = torch.tensor(cases[0]["position_ids"])
        cos, sin = rotary_class(config)(torch.zeros(1), ids[:, None, :])
        q = torch.randn(1, 1, ids.shape[1], 128, generator=generator, dtype=torch.float64)
        rotated, _ = apply_rotary_pos_emb(q, q, cos.double(), sin.double())
        cases.append({"name": name, "position_ids": ids.tolist(), "cos": cos[0].tolist(), "sin": sin[0].tolist(),
                      "q": q[0, 0].tolist(), "rotated_q": rotated[0, 0].tolist(),
                      "app": {**cases[0]["app"], "d_model": 128, "base": 1000000.0, "section_t": section[0],
                              "section_h": section[1], "interleaved": interleaved}})
    return cases


def sandwich_nemo(bidirectional, num_attention_heads, hidden_size, seq_len):
    """NeMo's SandwichRelativePositionEmbedding.forward (with build_relative_position), on the CPU and in
    float64 (NeMo's frequencies and head divisors are float32): |i - j|, its lower triangle when not
    bidirectional, sum_i cos(r theta_i) for i = 1 ... d/2, minus d/2, divided by 8h/H."""
    relative_position = torch.arange(1 - seq_len, 1)[None, :].mul(-1)
    memory_position = torch.arange(1 - seq_len, 1)[:, None].mul(-1)
    relative_position = torch.abs(memory_position - relative_position)
    if not bidirectional:
        relative_position = torch.tril(relative_position)
    inv_freq = 1.0 / (10000 ** (2 * torch.arange(1, hidden_size / 2 + 1, dtype=torch.float64) / hidden_size))
    _bias = torch.sum((relative_position[:, :, None].repeat(1, 1, len(inv_freq)) * inv_freq).cos(), axis=2)
    bias = _bias.repeat(num_attention_heads, 1, 1)
    bias_scales = torch.arange(1, num_attention_heads + 1, 1, dtype=torch.float64)[:, None, None]
    return (bias - hidden_size / 2) / (bias_scales * 8 / num_attention_heads)


def sandwich_cases() -> list[dict]:
    return [{"app": {"heads": heads, "seq_len": n, "causal": causal, "d_model": d},
             "bias": sandwich_nemo(not causal, heads, d, n).tolist()}
            for heads, n, causal, d in ((8, 12, False, 128), (3, 9, True, 16), (5, 30, False, 6))]


class FIRE(torch.nn.Module):
    """The FIRE module of Li et al. 2023's appendix listing: an MLP 1 -> width -> heads of
    log(|c (i - j)| + 1) / (log(|c max(i, L)| + 1) + eps), L = |multiplier x init_L|."""

    def __init__(self, num_heads=12, mlp_width=32, init_c=0.1, init_L=512.0, eps=1e-6):
        super().__init__()
        self.mlp = torch.nn.Sequential(torch.nn.Linear(1, mlp_width), torch.nn.ReLU(),
                                       torch.nn.Linear(mlp_width, num_heads))
        self.c = torch.nn.Parameter(torch.tensor(init_c))
        self.init_L = torch.nn.Parameter(torch.tensor(init_L), requires_grad=False)
        self.L_multiplier = torch.nn.Parameter(torch.tensor(1.0))
        self.eps = eps

    def forward(self, x):
        seq_length = x.size(2)
        positions = torch.arange(seq_length, dtype=x.dtype, device=x.device)
        rel_distance = positions[:, None] - positions[None, :]
        threshold = torch.abs(self.L_multiplier * self.init_L)
        pos_normalizer = torch.max(positions, threshold)[:, None]
        rel_distance = torch.log(torch.abs(self.c * rel_distance) + 1)
        pos_normalizer = torch.log(torch.abs(self.c * pos_normalizer) + 1) + self.eps
        normalized_distance = rel_distance / pos_normalizer
        fire_bias = self.mlp(normalized_distance.unsqueeze(-1))
        return fire_bias.unsqueeze(0).permute(0, 3, 1, 2)


def fire_cases() -> list[dict]:
    """The module in float64 with the app's seeded MLP weights put in."""
    sys.path.insert(0, str(ROOT))
    from posenc_gui.core.methods.fire import mlp_weights  # noqa: E402  (the seeded draws: plain NumPy)
    cases = []
    for heads, n, width, c, threshold, seed in ((4, 10, 32, 0.1, 512.0, 0), (3, 40, 8, 2.0, 16.0, 7)):
        module = FIRE(heads, width, c, threshold).double()
        w1, b1, w2, b2 = (torch.from_numpy(a) for a in mlp_weights(heads, width, seed))
        with torch.no_grad():
            module.c.copy_(torch.tensor(c, dtype=torch.float64))  # made in float32 by the listing
            module.init_L.copy_(torch.tensor(threshold, dtype=torch.float64))
            module.mlp[0].weight.copy_(w1[:, None])
            module.mlp[0].bias.copy_(b1)
            module.mlp[2].weight.copy_(w2)
            module.mlp[2].bias.copy_(b2)
            bias = module(torch.zeros(1, heads, n, 2, dtype=torch.float64))[0]
        cases.append({"app": {"heads": heads, "seq_len": n, "mlp_width": width, "c": c, "threshold": threshold,
                              "seed": seed}, "bias": bias.tolist()})
    return cases


class CoPE(torch.nn.Module):
    """CoPE of Golovneva et al. 2024's listing: gates sigmoid(logits) summed from each key onwards, clamped,
    the query's products with the whole-position embeddings interpolated."""

    def __init__(self, npos_max, head_dim):
        super().__init__()
        self.npos_max = npos_max
        self.pos_emb = torch.nn.Parameter(torch.zeros(1, head_dim, npos_max))

    def forward(self, query, attn_logits):
        gates = torch.sigmoid(attn_logits)
        pos = gates.flip(-1).cumsum(dim=-1).flip(-1)
        pos = pos.clamp(max=self.npos_max - 1)
        pos_ceil = pos.ceil().long()
        pos_floor = pos.floor().long()
        logits_int = torch.matmul(query, self.pos_emb)
        logits_ceil = logits_int.gather(-1, pos_ceil)
        logits_floor = logits_int.gather(-1, pos_floor)
        w = pos - pos_floor
        return logits_ceil * w + logits_floor * (1 - w)


def cope_cases() -> list[dict]:
    """The listing's SelfAttn up to the logits (scaled q.k, the causal mask's log, then CoPE's term), heads as
    the batch, in float64 with the app's seeded queries, keys and embeddings."""
    sys.path.insert(0, str(ROOT))
    from posenc_gui.core.methods.cope import embeddings, seeded_queries_and_keys  # noqa: E402  (plain NumPy)
    cases = []
    for heads, n, npos_max, head_dim, seed in ((2, 9, 64, 16, 0), (3, 30, 6, 8, 5)):
        q, k = (torch.from_numpy(a) for a in seeded_queries_and_keys(n, heads, head_dim, seed))
        cope = CoPE(npos_max, head_dim).double()
        with torch.no_grad():
            cope.pos_emb.copy_(torch.from_numpy(embeddings(npos_max, head_dim, seed))[None])
            attn_logits = torch.bmm(q, k.transpose(-1, -2)) / math.sqrt(head_dim)
            attn_logits += torch.tril(torch.ones(n, n, dtype=torch.float64)).log()
            term = cope(q, attn_logits)
        cases.append({"app": {"heads": heads, "seq_len": n, "npos_max": npos_max, "head_dim": head_dim,
                              "seed": seed}, "bias": term.tolist()})
    return cases


def mla_cases() -> list[dict]:
    """DeepSeek-V3's attention logits from its parts: queries of 2 heads x (128 + 64), each head's non-rotary
    key, one rotary key per token; the model's rotary embedding and rotation (interleaved as rope_interleave,
    or rotate_half), concatenated as DeepseekV3Attention does, times its scaling (no YaRN: (128 + 64)^-0.5)."""
    from transformers import DeepseekV3Config
    from transformers.models.deepseek_v3.modeling_deepseek_v3 import (
        DeepseekV3RotaryEmbedding, apply_rotary_pos_emb, apply_rotary_pos_emb_interleave)
    generator = torch.Generator().manual_seed(1)
    heads, n, nope, rope = 2, 7, 128, 64
    q = torch.randn(1, heads, n, nope + rope, generator=generator, dtype=torch.float64)
    k_nope = torch.randn(1, heads, n, nope, generator=generator, dtype=torch.float64)
    k_rot = torch.randn(1, 1, n, rope, generator=generator, dtype=torch.float64)
    cases = []
    for interleave in (True, False):
        config = DeepseekV3Config(hidden_size=256, num_attention_heads=heads, qk_nope_head_dim=nope,
                                  qk_rope_head_dim=rope, v_head_dim=nope, rope_interleave=interleave,
                                  rope_parameters={"rope_type": "default", "rope_theta": 10000.0})
        cos, sin = DeepseekV3RotaryEmbedding(config)(q.float(), torch.arange(n)[None])
        apply = apply_rotary_pos_emb_interleave if interleave else apply_rotary_pos_emb
        q_rot, k_rot_turned = apply(q[..., nope:], k_rot, cos.double(), sin.double())
        query = torch.cat((q[..., :nope], q_rot), dim=-1)
        key = torch.cat((k_nope, k_rot_turned.expand(-1, heads, -1, -1)), dim=-1)
        logits = query @ key.transpose(-1, -2) * (nope + rope) ** -0.5
        cases.append({"layout": "interleaved" if interleave else "half", "q": q[0].tolist(),
                      "k_nope": k_nope[0].tolist(), "k_rot": k_rot[0, 0].tolist(), "logits": logits[0].tolist(),
                      "app": {"d_model": nope + rope, "rope_dim": rope, "base": 10000.0,
                              "layout": "interleaved" if interleave else "half"}})
    return cases


def streaming_cases() -> list[dict]:
    """Token-by-token decoding as mit-han-lab/streaming-llm does it: before each new token the cache is cut to
    the first start_size and the last recent_size - 1 entries (StartRecentKVCache.evict_for_space, one coming),
    the query is turned by its position, the length of the cache before it (the Hugging Face default the
    authors' loop leaves), and the cached (unturned) keys by their slots (llama_pos_shift_attention_forward),
    with transformers' Llama rotary embedding and rotate_half. Logits of keys not in the cache are None."""
    from transformers import LlamaConfig
    from transformers.models.llama.modeling_llama import LlamaRotaryEmbedding, rotate_half
    cases = []
    for n, start_size, recent_size in ((12, 2, 4), (9, 0, 3)):
        head_dim = 16
        generator = torch.Generator().manual_seed(2)
        q = torch.randn(n, head_dim, generator=generator, dtype=torch.float64)
        k = torch.randn(n, head_dim, generator=generator, dtype=torch.float64)
        config = LlamaConfig(hidden_size=head_dim * 2, num_attention_heads=2, head_dim=head_dim,
                             rope_parameters={"rope_type": "default", "rope_theta": 10000.0})
        cos, sin = LlamaRotaryEmbedding(config)(q.float(), torch.arange(n)[None])
        cos, sin = cos[0].double(), sin[0].double()
        cached = []  # original indices of the cached keys
        rows = []
        for step in range(n):
            if len(cached) + 1 > start_size + recent_size:
                cached = cached[:start_size] + cached[len(cached) - recent_size + 1:]
            query_position = len(cached)
            cached.append(step)
            query = q[step] * cos[query_position] + rotate_half(q[step]) * sin[query_position]
            keys = k[cached]
            keys = keys * cos[:len(cached)] + rotate_half(keys) * sin[:len(cached)]
            logits = (keys @ query / head_dim ** 0.5).tolist()
            row = [None] * n
            for index, value in zip(cached, logits):
                row[index] = value
            rows.append(row)
        cases.append({"app": {"sinks": start_size, "window": recent_size, "base": 10000.0}, "q": q.tolist(),
                      "k": k.tolist(), "logits": rows})
    return cases


def sink_cases() -> list[dict]:
    """gpt-oss attention with its learned sinks: the model's own rotary embedding (default RoPE at its base 150000,
    no YaRN), apply_rotary_pos_emb and eager_attention_forward, on a stand-in module that carries the sinks;
    causal and not (a mask of -inf above the diagonal, as the model's mask adds). The sink weight is what the
    weights leave of 1."""
    from transformers import GptOssConfig
    from transformers.models.gpt_oss.modeling_gpt_oss import (GptOssRotaryEmbedding, apply_rotary_pos_emb,
                                                              eager_attention_forward)
    generator = torch.Generator().manual_seed(3)
    heads, n, head_dim = 3, 6, 16
    q, k, v = torch.randn(3, 1, heads, n, head_dim, generator=generator, dtype=torch.float64)
    sinks = torch.tensor([-1.0, 0.5, 3.0], dtype=torch.float64)
    config = GptOssConfig(hidden_size=heads * head_dim, num_attention_heads=heads, num_key_value_heads=heads,
                          head_dim=head_dim, rope_parameters={"rope_type": "default", "rope_theta": 150000.0})
    cos, sin = GptOssRotaryEmbedding(config)(q.float(), torch.arange(n)[None])
    q_turned, k_turned = apply_rotary_pos_emb(q, k, cos.double(), sin.double())
    module = SimpleNamespace(sinks=sinks, num_key_value_groups=1, training=False)
    cases = []
    for causal in (False, True):
        mask = torch.full((n, n), -math.inf, dtype=torch.float64).triu(1)[None, None] if causal else None
        outputs, weights = eager_attention_forward(module, q_turned, k_turned, v, mask, scaling=head_dim ** -0.5)
        cases.append({"causal": causal, "q": q[0].tolist(), "k": k[0].tolist(), "v": v[0].tolist(),
                      "sinks": sinks.tolist(), "weights": weights[0].tolist(),
                      "outputs": outputs[0].tolist(),  # (n, heads, head_dim)
                      "sink_weights": (1 - weights[0].sum(-1)).tolist(),
                      "app": {"base": 150000.0, "d_model": head_dim, "heads": heads}})
    return cases


def drope_cases() -> dict:
    """DroPE's pretrained model, RoPE kept: logits of q and k turned by transformers' Llama rotary embedding and
    apply_rotary_pos_emb (rotate_half), as in the SmolLM and Llama 2 models DroPE recalibrates. Dropped, the
    logits are q.k (no rotation), which the test checks without a reference."""
    from transformers import LlamaConfig
    from transformers.models.llama.modeling_llama import LlamaRotaryEmbedding, apply_rotary_pos_emb
    generator = torch.Generator().manual_seed(5)
    n, head_dim = 7, 16
    q, k = torch.randn(2, 1, 1, n, head_dim, generator=generator, dtype=torch.float64)
    config = LlamaConfig(hidden_size=head_dim * 2, num_attention_heads=2, head_dim=head_dim,
                         rope_parameters={"rope_type": "default", "rope_theta": 10000.0})
    cos, sin = LlamaRotaryEmbedding(config)(q.float(), torch.arange(n)[None])
    q_turned, k_turned = apply_rotary_pos_emb(q, k, cos.double(), sin.double())
    return {"q": q[0, 0].tolist(), "k": k[0, 0].tolist(),
            "kept_logits": (q_turned @ k_turned.transpose(-1, -2))[0, 0].tolist(),
            "app": {"d_model": head_dim, "base": 10000.0, "phase": "kept"}}


def eva02_rotate(x, head_dim, grid, pretrain_grid, theta=10000.0):
    """EVA-02's VisionRotaryEmbeddingFast (EVA-02/asuka/rope.py) built with dim = head_dim / 2, as its
    VisionTransformer builds it, restated without einops: frequencies theta^(-2j/dim) for j < dim/2, positions
    arange(grid) / grid * pretrain_grid, each frequency repeated for the two channels of its pair, the row's
    angles (first grid axis) beside the column's, flattened row by row; x cos + rotate_half(x) sin with its
    interleaved rotate_half."""
    dim = head_dim // 2
    freqs = 1.0 / theta ** (torch.arange(0, dim, 2)[:dim // 2].float() / dim)
    t = torch.arange(grid) / grid * pretrain_grid
    freqs = torch.repeat_interleave(torch.outer(t, freqs), 2, dim=-1)
    freqs = torch.cat((freqs[:, None, :].expand(grid, grid, -1), freqs[None, :, :].expand(grid, grid, -1)), dim=-1)
    cos, sin = freqs.cos().reshape(grid * grid, -1), freqs.sin().reshape(grid * grid, -1)
    pairs = x.reshape(*x.shape[:-1], -1, 2)
    turned_half = torch.stack((-pairs[..., 1], pairs[..., 0]), dim=-1).reshape(x.shape)
    return x * cos.double() + turned_half * sin.double()


def rope_vit_rotate(x, head_dim, end_x, end_y, theta=100.0):
    """RoPE-ViT's RoPE-Axial (models/vit_rope.py): compute_axial_cis with init_t_xy (x the column, y the row of
    patches flattened row by row), then apply_rotary_emb on consecutive channel pairs as complex numbers."""
    freqs = 1.0 / theta ** (torch.arange(0, head_dim, 4)[:head_dim // 4].float() / head_dim)
    t = torch.arange(end_x * end_y, dtype=torch.float32)
    t_x, t_y = t % end_x, torch.div(t, end_x, rounding_mode="floor")
    cis = torch.cat([torch.polar(torch.ones(len(t), len(freqs)), torch.outer(t_x, freqs)),
                     torch.polar(torch.ones(len(t), len(freqs)), torch.outer(t_y, freqs))], dim=-1)
    as_complex = torch.view_as_complex(x.float().reshape(*x.shape[:-1], -1, 2))
    return torch.view_as_real(as_complex * cis).flatten(-2).double()


def rope2d_cases() -> list[dict]:
    """A head's queries on a patch grid turned by each convention's own code (rewritten above as the authors
    wrote it): EVA-02 on a 4 x 4 grid pretrained at 6 x 6 (positions stretched), RoPE-ViT on 3 rows of 5 at
    its base 100."""
    generator = torch.Generator().manual_seed(4)
    head_dim = 16
    cases = []
    q = torch.randn(16, head_dim, generator=generator, dtype=torch.float64)
    cases.append({"q": q.tolist(), "rotated_q": eva02_rotate(q, head_dim, 4, 6).tolist(),
                  "app": {"convention": "eva02", "grid_h": 4, "grid_w": 4, "pretrain_grid": 6, "d_model": head_dim,
                          "base": 10000.0}})
    q = torch.randn(15, head_dim, generator=generator, dtype=torch.float64)
    cases.append({"q": q.tolist(), "rotated_q": rope_vit_rotate(q, head_dim, 5, 3).tolist(),
                  "app": {"convention": "rope-vit", "grid_h": 3, "grid_w": 5, "d_model": head_dim, "base": 100.0}})
    return cases


LAYER_MODELS = {  # the app's pattern: (model_type, head_dim, config arguments as in the shipped config.json files)
    "llama4": ("llama4_text", 128, {"num_hidden_layers": 48, "attention_chunk_size": 8192, "rope_parameters": {
        "rope_type": "llama3", "rope_theta": 500000.0, "factor": 16.0, "low_freq_factor": 1.0,
        "high_freq_factor": 1.0, "original_max_position_embeddings": 8192}}),
    "smollm3": ("smollm3", 128, {"num_hidden_layers": 36, "rope_parameters": {"rope_type": "default",
                                                                             "rope_theta": 5000000.0}}),
    "gemma3": ("gemma3_text", 256, {"num_hidden_layers": 34, "sliding_window": 1024, "rope_parameters": {
        "full_attention": {"rope_type": "linear", "factor": 8.0, "rope_theta": 1000000.0},
        "sliding_attention": {"rope_type": "default", "rope_theta": 10000.0}}}),
    "modernbert": ("modernbert", 64, {"num_hidden_layers": 22, "hidden_size": 768, "num_attention_heads": 12,
                                      "rope_parameters": {
                                          "full_attention": {"rope_type": "default", "rope_theta": 160000.0},
                                          "sliding_attention": {"rope_type": "default", "rope_theta": 10000.0}}}),
}


def layer_cases() -> dict:
    """Each model's layer types and RoPE layers as its transformers config makes them, each layer type's
    inv_freq from its own rotary embedding class, masking_utils' overlays on a 10-token grid, and Llama 4's
    NoPE-layer query scale as Llama4TextAttention computes it."""
    import importlib

    from transformers import AutoConfig
    from transformers.masking_utils import chunked_overlay, sliding_window_bidirectional_overlay, sliding_window_overlay
    models = {}
    for pattern, (model_type, head_dim, arguments) in LAYER_MODELS.items():
        config = AutoConfig.for_model(model_type, head_dim=head_dim, **arguments)
        layer_types = list(config.layer_types)
        rope_layers = [int(x) for x in getattr(config, "no_rope_layers", None) or [1] * len(layer_types)]
        module = importlib.import_module(f"transformers.models.{model_type.replace('_text', '')}."
                                         f"modeling_{model_type.replace('_text', '')}")
        name = next(n for n in dir(module) if n.endswith("RotaryEmbedding") and "Vision" not in n)
        rotary = getattr(module, name)(config)
        frequencies = {}
        for kind in sorted(set(layer_types)):
            inv = getattr(rotary, f"{kind}_inv_freq", None)
            frequencies[kind] = (rotary.inv_freq if inv is None else inv).tolist()
        models[pattern] = {"layer_types": layer_types, "rope_layers": rope_layers, "inv_freq": frequencies,
                           "head_dim": head_dim}
    grid = range(10)

    def overlay(function):
        return [[bool(function(0, 0, i, j)) for j in grid] for i in grid]

    masks = {"chunked 4": overlay(chunked_overlay(4, torch.tensor([0]))),
             "sliding 3": overlay(sliding_window_overlay(3)),
             "bidirectional 2": overlay(sliding_window_bidirectional_overlay(2))}
    positions = torch.tensor([0, 8190, 8191, 16383, 100000])
    scales = torch.log1p(torch.floor((positions.float() + 1.0) / 8192)) * 0.1 + 1.0
    return {"models": models, "masks": masks,
            "temperature": {"positions": positions.tolist(), "scales": scales.tolist()}}


def main() -> int:
    data = {
        "made_by": "scripts/make_method_references.py",
        "versions": {"transformers": transformers.__version__, "torch": torch.__version__},
        "mrope": mrope_cases(),
        "mrope_chains": mrope_chain_cases(),
        "sandwich": sandwich_cases(),
        "fire": fire_cases(),
        "cope": cope_cases(),
        "mla": mla_cases(),
        "streaming": streaming_cases(),
        "sinks": sink_cases(),
        "rope2d": rope2d_cases(),
        "drope": drope_cases(),
        "layers": layer_cases(),
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: transformers {transformers.__version__}, torch {torch.__version__}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
