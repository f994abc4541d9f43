"""all-MiniLM-L6-v2 (sentence-transformers; a 6-layer BERT, 12 heads of 32, width 384, 512 learned
absolute positions) in NumPy, with its position table swapped for other choices.

The weights are read with ``safetensors``' NumPy API and computed in float32. ``scripts/fetch_models.py``
stores each weight matrix as 16-bit integers with one float32 scale per block of 32 (``pack``): half
the size of the float32 original, and its attention stays within 7e-4 of it where float16 weights err by
up to 2.9e-3 (long sentences, sinusoidal positions). The text is split by Hugging Face ``tokenizers`` from the model's own
``tokenizer.json`` (lower-casing, accents stripped, WordPiece, [CLS] ... [SEP])."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..methods import sinusoidal
from ..params import InputError
from .base import AttentionResult, RealModel, Tokens, softmax_rows

FOLDER = "all-MiniLM-L6-v2"
BLOCK = 32  # weights that share one scale in the packed file
SCALE_SUFFIX = ".block_scale"
POSITION_KINDS = ("learned", "none", "shuffle", "reverse", "shift", "sinusoid")
_WITH_VALUE = {"shuffle": "SEED", "shift": "K"}


@dataclass(frozen=True)
class MiniLMPositions:
    """Which position vector each token gets. learned: the trained row of its place; none: zeros;
    shuffle: the trained rows of the places in a seeded random order; reverse: the rows in reverse order;
    shift: the rows of places k, k+1, ...; sinusoid: the paper's sinusoid (interleaved) of width 384."""

    kind: str = "learned"
    value: int = 0  # the seed of shuffle, the k of shift

    def __post_init__(self):
        if self.kind not in POSITION_KINDS:
            raise InputError("positions {0} is not one of {1}", repr(self.kind), ", ".join(POSITION_KINDS))
        if self.kind in _WITH_VALUE and self.value < 0:
            raise InputError("{0}:{1} needs {1} >= 0, not {2}", self.kind, _WITH_VALUE[self.kind], self.value)

    @classmethod
    def parse(cls, text: str) -> "MiniLMPositions":
        """From the command line's form: learned, none, reverse, sinusoid, shift:K or shuffle:SEED."""
        kind, _, value = text.strip().partition(":")
        if kind in _WITH_VALUE:
            try:
                number = int(value)
            except ValueError:
                raise InputError("positions {0} needs an integer: {0}:{1}", kind, _WITH_VALUE[kind]) from None
            return cls(kind, number)
        if value or kind not in POSITION_KINDS:
            forms = ", ".join(f"{k}:{_WITH_VALUE[k]}" if k in _WITH_VALUE else k for k in POSITION_KINDS)
            raise InputError("positions {0} is not one of {1}", repr(text), forms)
        return cls(kind)

    def __str__(self) -> str:
        return f"{self.kind}:{self.value}" if self.kind in _WITH_VALUE else self.kind

    def vectors(self, table: np.ndarray, n: int) -> np.ndarray:
        """(n, width) position vector of each of n tokens, taken from the trained table (max_len, width)."""
        max_len, width = table.shape
        if self.kind == "none":
            return np.zeros((n, width), np.float32)
        if self.kind == "sinusoid":
            return sinusoidal.encoding(n, width).astype(np.float32)
        if self.kind == "shift" and self.value + n > max_len:
            raise InputError("shift:{0} puts {1} tokens past the model's {2} positions; shift by at most {3}",
                             self.value, n, max_len, max_len - n)
        places = {"learned": np.arange(n), "reverse": np.arange(n)[::-1], "shift": np.arange(n) + self.value,
                  "shuffle": np.random.default_rng(self.value).permutation(n)}[self.kind]
        return table[places]


def pack(tensors: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """The float32 weights the model reads, with every weight matrix (not the position table, which the
    app shows as it is) as int16 in blocks of BLOCK that share a float32 scale (``NAME.block_scale``)."""
    packed = {}
    for name, value in tensors.items():
        if value.dtype != np.float32 or name.startswith("pooler."):
            continue
        if value.ndim == 2 and value.shape[1] % BLOCK == 0 and "position_embeddings" not in name:
            blocks = value.reshape(value.shape[0], -1, BLOCK)
            scale = np.abs(blocks).max(axis=2) / 32767
            scale[scale == 0] = 1
            packed[name] = np.round(blocks / scale[..., None]).astype(np.int16).reshape(value.shape)
            packed[name + SCALE_SUFFIX] = scale.astype(np.float32)
        else:
            packed[name] = value
    return packed


def unpack(packed: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """The float32 weights of a file written from ``pack`` (a float32 or float16 original reads as it is)."""
    weights = {}
    for name, value in packed.items():
        if name.endswith(SCALE_SUFFIX):
            continue
        scale = packed.get(name + SCALE_SUFFIX)
        if scale is None:
            weights[name] = value.astype(np.float32)
        else:
            blocks = value.reshape(value.shape[0], -1, BLOCK).astype(np.float32) * scale[..., None]
            weights[name] = blocks.reshape(value.shape)
    return weights


def gelu(x: np.ndarray) -> np.ndarray:
    """BERT's exact GELU x Phi(x), with erf by Abramowitz & Stegun 7.1.26 (error under 1.5e-7; NumPy has
    no erf)."""
    z = np.abs(x) * np.float32(1 / np.sqrt(2))
    t = 1 / (1 + np.float32(0.3275911) * z)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    erf = np.copysign(1 - poly.astype(np.float32) * np.exp(-z * z), x)
    return 0.5 * x * (1 + erf)


def layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float = 1e-12) -> np.ndarray:
    centred = x - x.mean(axis=-1, keepdims=True)
    return centred / np.sqrt((centred * centred).mean(axis=-1, keepdims=True) + eps) * weight + bias


@dataclass
class _Layer:
    qkv: np.ndarray  # (width, 3 width): query, key and value projections side by side, transposed
    qkv_bias: np.ndarray
    out: np.ndarray
    out_bias: np.ndarray
    norm1: tuple[np.ndarray, np.ndarray]
    up: np.ndarray
    up_bias: np.ndarray
    down: np.ndarray
    down_bias: np.ndarray
    norm2: tuple[np.ndarray, np.ndarray]


class MiniLM(RealModel):
    name = "minilm"
    title = "all-MiniLM-L6-v2"
    citation = ("Wang et al. 2020, MiniLM (arXiv:2002.10957); sentence-transformers/all-MiniLM-L6-v2, "
                "Apache-2.0")
    causal = False
    layers = 6
    heads = 12
    max_tokens = 512
    files = (f"{FOLDER}/model.safetensors", f"{FOLDER}/tokenizer.json")
    ablation_type = MiniLMPositions

    def _load(self, folder: Path) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        tokenizer = Tokenizer.from_file(str(folder / self.files[1]))
        tokenizer.no_padding()
        tokenizer.no_truncation()
        weights = unpack(load_file(str(folder / self.files[0])))

        def get(name):
            return weights.pop(name)

        def norm(prefix):
            return get(prefix + ".weight"), get(prefix + ".bias")

        self._words = get("embeddings.word_embeddings.weight")
        self._positions = get("embeddings.position_embeddings.weight")
        self._segment = get("embeddings.token_type_embeddings.weight")[0]
        self._embedding_norm = norm("embeddings.LayerNorm")
        self._layers = []
        for i in range(self.layers):
            p = f"encoder.layer.{i}."
            projections = [p + f"attention.self.{part}" for part in ("query", "key", "value")]
            self._layers.append(_Layer(
                qkv=np.ascontiguousarray(np.concatenate([get(n + ".weight") for n in projections]).T),
                qkv_bias=np.concatenate([get(n + ".bias") for n in projections]),
                out=np.ascontiguousarray(get(p + "attention.output.dense.weight").T),
                out_bias=get(p + "attention.output.dense.bias"),
                norm1=norm(p + "attention.output.LayerNorm"),
                up=np.ascontiguousarray(get(p + "intermediate.dense.weight").T),
                up_bias=get(p + "intermediate.dense.bias"),
                down=np.ascontiguousarray(get(p + "output.dense.weight").T),
                down_bias=get(p + "output.dense.bias"),
                norm2=norm(p + "output.LayerNorm")))
        self._tokenizer = tokenizer

    def _tokenize(self, text: str) -> Tokens:
        encoding = self._tokenizer.encode(text)
        return Tokens(np.asarray(encoding.ids, np.int64), tuple(encoding.tokens))

    def _cap(self, tokens: Tokens, limit: int) -> Tokens:
        return tokens.first(limit, keep_last=True)  # ends with [SEP] as BERT's tokenizer truncates

    def token_text(self, token_id: int) -> str:
        self.load()
        return self._tokenizer.id_to_token(token_id)

    def _forward(self, tokens: Tokens, ablation: MiniLMPositions, next_token: bool) -> AttentionResult:
        """Every layer's attention (an encoder predicts no next token, whatever ``next_token`` says)."""
        n, width = len(tokens), self._words.shape[1]
        size = width // self.heads
        x = self._words[tokens.ids] + ablation.vectors(self._positions, n) + self._segment
        x = layer_norm(x, *self._embedding_norm)
        attention = np.empty((self.layers, self.heads, n, n), np.float32)
        scale = np.float32(1 / np.sqrt(size))
        for i, layer in enumerate(self._layers):
            qkv = (x @ layer.qkv + layer.qkv_bias).reshape(n, 3, self.heads, size).transpose(1, 2, 0, 3)
            q, k, v = qkv[0], qkv[1], qkv[2]
            weights = softmax_rows(q @ k.transpose(0, 2, 1) * scale)
            attention[i] = weights
            context = (weights @ v).transpose(1, 0, 2).reshape(n, width)
            x = layer_norm(context @ layer.out + layer.out_bias + x, *layer.norm1)
            hidden = gelu(x @ layer.up + layer.up_bias)
            x = layer_norm(hidden @ layer.down + layer.down_bias + x, *layer.norm2)
        return AttentionResult(tokens, attention)
