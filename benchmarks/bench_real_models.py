"""The real models' forward pass (every layer's attention, and SmolLM2's next-token distribution) at 32 and
128 tokens: the core's NumPy engines against Hugging Face transformers on PyTorch CPU, eager attention,
one thread each, on the same weights (MiniLM: the app's unpacked float32 weights loaded into a BertModel;
SmolLM2: transformers reading the same GGUF). The PyTorch rows are skipped when torch or transformers is
absent (they are never the app's dependencies); the whole benchmark is skipped without the models."""

from __future__ import annotations

import numpy as np

from benchmarks.timing import median_wall_and_cpu, ratio_rows
from posenc_gui.core import real_models
from posenc_gui.core.real_models import Tokens

LENGTHS = (32, 128)
TEXT = ("Position tells a Transformer where each word stands: without it, attention sees a bag of words, "
        "and the cat that chased the mouse is the mouse that chased the cat. ") * 20


def tokens_of_length(model, n: int) -> Tokens:
    tokens = model.tokenize(TEXT[:2000])
    return Tokens(tokens.ids[:n], tokens.strings[:n])


def torch_minilm(torch, transformers, model):
    from posenc_gui.core.real_models import minilm
    from safetensors.numpy import load_file

    config = transformers.BertConfig(vocab_size=30522, hidden_size=384, num_hidden_layers=6, num_attention_heads=12,
                                     intermediate_size=1536, max_position_embeddings=512)
    peer = transformers.BertModel(config, add_pooling_layer=False)
    weights = minilm.unpack(load_file(str(model.folder() / model.files[0])))
    peer.load_state_dict({k: torch.from_numpy(v) for k, v in weights.items()}, strict=False)
    peer.set_attn_implementation("eager")
    return peer.eval()


def torch_smollm2(torch, transformers, model):
    folder = model.folder() / model.files[0]
    return transformers.AutoModelForCausalLM.from_pretrained(
        folder.parent, gguf_file=folder.name, attn_implementation="eager", dtype=torch.float32).eval()


def run(repeats: int = 7) -> list[dict]:
    missing = [name for name, model in real_models.MODELS.items() if not model.available()]
    if missing:
        raise ModuleNotFoundError(f"models {', '.join(missing)} not installed: python3 scripts/fetch_models.py")
    try:
        import torch
        import transformers
        torch.set_num_threads(1)
    except ImportError:
        torch = transformers = None
    rows = []
    for name, make_peer in (("minilm", torch_minilm), ("smollm2", torch_smollm2)):
        model = real_models.get(name)
        model.load()
        peer = make_peer(torch, transformers, model) if torch is not None else None
        for n in LENGTHS:
            tokens = tokens_of_length(model, n)
            ours = f"core {name} (NumPy float32)"
            candidates = {ours: lambda: model.forward(tokens)}
            note = "torch/transformers not installed: PyTorch row skipped"
            if peer is not None:
                ids = torch.from_numpy(tokens.ids)[None]

                def run_peer(peer=peer, ids=ids):
                    with torch.inference_mode():
                        return peer(input_ids=ids, output_attentions=True)

                label = f"transformers {transformers.__version__} eager, torch {torch.__version__} (1 thread)"
                candidates[label] = run_peer
                theirs = np.stack([a[0].numpy() for a in run_peer().attentions])
                error = float(np.abs(model.forward(tokens).attention - theirs).max())
                note = f"target: no slower than PyTorch (ratio >= 1); max |attention difference| {error:.1e}"
            wall, cpu = median_wall_and_cpu(candidates, repeats=repeats)
            rows += ratio_rows(f"{name} forward, {n} tokens", ours, wall, note)
            rows += ratio_rows("  the same, CPU time", ours, cpu, note)
        model.unload()
    return rows


if __name__ == "__main__":
    from benchmarks.__main__ import print_rows

    print_rows(run())
