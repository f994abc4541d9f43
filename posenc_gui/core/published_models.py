"""Which published models use which positional encoding, and a timeline of the encodings: plain data for the
reference pages and their tests, from the sources named in each entry (see ``models`` for the conventions)."""

from __future__ import annotations

from dataclasses import dataclass

from .models import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Model:
    """A published model, the encoding it uses (a key of ENCODINGS) and where that is stated."""

    name: str
    year: int
    encoding: str
    detail: str
    source: str


@dataclass(frozen=True)
class Milestone:
    """One step of the timeline: year, what appeared, and the encoding it belongs to."""

    year: int
    name: str
    what: str
    encoding: str
    source: str


SOURCE_ARTICLE = QT_TRANSLATE_NOOP("reference", "source article")  # the seeds' article; translated where shown

MODELS = (
    Model("Transformer", 2017, "sinusoidal",
          QT_TRANSLATE_NOOP("reference", "Interleaved sin / cos, base 10000."),
          "Vaswani et al. 2017 (arXiv:1706.03762)"),
    Model("BERT", 2018, "learned",
          QT_TRANSLATE_NOOP("reference", "512 learned positions."),
          "Devlin et al. 2019 (arXiv:1810.04805)"),
    Model("GPT-2", 2019, "learned",
          QT_TRANSLATE_NOOP("reference", "1024 learned positions (wpe)."),
          "Radford et al. 2019"),
    Model("Transformer-XL", 2019, "relative",
          QT_TRANSLATE_NOOP("reference", "Relative sinusoid R(i - j) with global biases u, v."),
          "Dai et al. 2019 (arXiv:1901.02860)"),
    Model("T5", 2019, "t5",
          QT_TRANSLATE_NOOP("reference", "32 buckets, max distance 128, one scalar per bucket and head."),
          "Raffel et al. 2020 (arXiv:1910.10683)"),
    Model("GPT-Neo", 2021, "learned",
          QT_TRANSLATE_NOOP("reference", "Learned positions (the source article groups it with GPT-J)."),
          f"{SOURCE_ARTICLE}; EleutherAI GPT-Neo"),
    Model("GPT-J", 2021, "rope",
          QT_TRANSLATE_NOOP("reference", "Interleaved pairs, 64 of 256 dimensions per head rotate."),
          f"{SOURCE_ARTICLE}; Wang and Komatsuzaki 2021"),
    Model("GPT-NeoX-20B", 2022, "rope",
          QT_TRANSLATE_NOOP("reference", "Half-split pairs, a quarter of the dimensions rotate."),
          "Black et al. 2022 (arXiv:2204.06745)"),
    Model("BLOOM", 2022, "alibi",
          QT_TRANSLATE_NOOP("reference", "Linear biases, no position embedding."),
          f"{SOURCE_ARTICLE}; arXiv:2211.05100"),
    Model("MPT", 2023, "alibi",
          QT_TRANSLATE_NOOP("reference", "Linear biases, no position embedding."),
          f"{SOURCE_ARTICLE}; MosaicML"),
    Model("LLaMA / Llama 2", 2023, "rope",
          QT_TRANSLATE_NOOP("reference", "Interleaved pairs (complex multiplication), base 10000."),
          f"{SOURCE_ARTICLE}; Touvron et al. 2023 (arXiv:2302.13971)"),
    Model("Llama 3.1", 2024, "rope",
          QT_TRANSLATE_NOOP("reference", "Base 500000; Llama 3 scaling, factor 8 from 8192 positions."),
          "Grattafiori et al. 2024 (arXiv:2407.21783)"),
    Model("ChatGLM / GLM-130B", 2022, "rope",
          QT_TRANSLATE_NOOP("reference", "Rotary positions."),
          SOURCE_ARTICLE),
    Model("Phi-2", 2023, "rope",
          QT_TRANSLATE_NOOP("reference", "Rotary positions."),
          SOURCE_ARTICLE),
    Model("Qwen", 2023, "rope",
          QT_TRANSLATE_NOOP("reference", "Rotary positions."),
          "Bai et al. 2023 (arXiv:2309.16609)"),
    Model("Falcon", 2023, "rope",
          QT_TRANSLATE_NOOP("reference", "Rotary positions (the source article lists it under ALiBi; the released "
                                         "models use RoPE)."),
          "arXiv:2311.16867"),
    Model("Qwen2-VL", 2024, "mrope",
          QT_TRANSLATE_NOOP("reference", "M-RoPE: 16 time, 24 row, 24 column pairs of 64, base 1000000."),
          "Wang et al. 2024 (arXiv:2409.12191)"),
    Model("Qwen2.5-VL", 2025, "mrope",
          QT_TRANSLATE_NOOP("reference", "M-RoPE whose video time ids follow seconds, not frames."),
          "Bai et al. 2025 (arXiv:2502.13923)"),
    Model("Qwen3-VL", 2025, "mrope",
          QT_TRANSLATE_NOOP("reference", "Interleaved M-RoPE: time, row and column pairs take turns."),
          "transformers Qwen3-VL"),
    Model("DeepSeek-V2 / V3", 2024, "mla",
          QT_TRANSLATE_NOOP("reference", "Multi-head latent attention: 64 of each head's 192 query and key "
                                         "channels rotate."),
          "DeepSeek-AI 2024 (arXiv:2405.04434, arXiv:2412.19437)"),
    Model("Gemma 3", 2025, "layers",
          QT_TRANSLATE_NOOP("reference", "Five sliding-window layers (1024 tokens, base 10000) to one global "
                                         "layer (base 1000000, linear ×8)."),
          "Gemma Team 2025 (arXiv:2503.19786)"),
    Model("Gemma 4", 2026, "layers",
          QT_TRANSLATE_NOOP("reference", "Five sliding-window layers (512 tokens, base 10000) to one global layer "
                                         "with p-RoPE: heads twice as wide (512), a quarter of the pairs turn "
                                         "(base 1000000), the rest get frequency 0."),
          "transformers models/gemma4 configuration_gemma4.py (Gemma4TextConfig defaults)"),
    Model("Llama 4", 2025, "layers",
          QT_TRANSLATE_NOOP("reference", "iRoPE: every 4th layer has no RoPE and sees everything; RoPE layers "
                                         "attend in chunks of 8192."),
          "Meta 2025, Llama 4 model card"),
    Model("ModernBERT", 2024, "layers",
          QT_TRANSLATE_NOOP("reference", "Every 3rd layer global (base 160000); the rest see 64 tokens either "
                                         "side (base 10000)."),
          "Warner et al. 2024 (arXiv:2412.13663)"),
    Model("SmolLM3", 2025, "layers",
          QT_TRANSLATE_NOOP("reference", "Every 4th layer without RoPE, base 5000000."),
          "Hugging Face 2025, SmolLM3"),
    Model("Mistral 7B", 2023, "rope",
          QT_TRANSLATE_NOOP("reference", "Base 10000; every layer attends within a sliding window of 4096 "
                                         "positions."),
          "Jiang et al. 2023 (arXiv:2310.06825); config.json"),
    Model("Phi-3 (128k)", 2024, "rope",
          QT_TRANSLATE_NOOP("reference", "LongRoPE: one searched factor per pair, short ones up to 4096 positions "
                                         "and long ones beyond, with an attention factor."),
          "Abdin et al. 2024 (arXiv:2404.14219); config.json"),
    Model("Qwen2.5", 2024, "rope",
          QT_TRANSLATE_NOOP("reference", "Base 1000000; YaRN x4 past 32768 positions when the user adds it to "
                                         "the config."),
          "Qwen Team 2024 (arXiv:2412.15115); config.json"),
    Model("gpt-oss", 2025, "rope",
          QT_TRANSLATE_NOOP("reference", "YaRN x32 from 4096 positions; layers alternate a window of 128 and "
                                         "full attention; a learned sink logit per head."),
          "OpenAI 2025 (arXiv:2508.10925); config.json"),
    Model("ViT", 2021, "images",
          QT_TRANSLATE_NOOP("reference", "Learned table over patches, resized by 2D interpolation for a new "
                                         "image size."),
          "Dosovitskiy et al. 2021 (arXiv:2010.11929)"),
    Model("MAE", 2022, "images",
          QT_TRANSLATE_NOOP("reference", "Fixed 2D sin-cos: first half column, second half row."),
          "He et al. 2022 (arXiv:2111.06377)"),
    Model("EVA-02", 2023, "images",
          QT_TRANSLATE_NOOP("reference", "Axial 2D RoPE: first half of each head by the row, second by the "
                                         "column, base 10000, positions stretched to the pretraining grid."),
          "Fang et al. 2024 (arXiv:2303.11331); EVA-02/asuka/rope.py"),
    Model("RoPE-ViT", 2024, "images",
          QT_TRANSLATE_NOOP("reference", "RoPE-Axial: first half by the column, second by the row, base 100."),
          "Heo et al. 2024 (arXiv:2403.13298); models/vit_rope.py"),
)

TIMELINE = (
    Milestone(2017, QT_TRANSLATE_NOOP("reference", "Sinusoidal encoding"),
              QT_TRANSLATE_NOOP("reference", "The original Transformer adds fixed sines and cosines."),
              "sinusoidal", "Vaswani et al. 2017"),
    Milestone(2018, QT_TRANSLATE_NOOP("reference", "Relative position representations"),
              QT_TRANSLATE_NOOP("reference", "Shaw et al. put clipped offsets j - i into keys and values."),
              "relative", "Shaw et al. 2018"),
    Milestone(2018, QT_TRANSLATE_NOOP("reference", "Learned positions in BERT"),
              QT_TRANSLATE_NOOP("reference", "A trained table of 512 positions (GPT-2 follows with 1024)."),
              "learned", "Devlin et al. 2019"),
    Milestone(2019, QT_TRANSLATE_NOOP("reference", "Transformer-XL"),
              QT_TRANSLATE_NOOP("reference", "Relative sinusoids plus two global biases, with segment memory."),
              "relative", "Dai et al. 2019"),
    Milestone(2019, QT_TRANSLATE_NOOP("reference", "T5 bucketed bias"),
              QT_TRANSLATE_NOOP("reference", "One learned scalar per log-spaced bucket and head."),
              "t5", "Raffel et al. 2020"),
    Milestone(2021, QT_TRANSLATE_NOOP("reference", "RoPE"),
              QT_TRANSLATE_NOOP("reference", "Rotating queries and keys makes their score depend on the offset "
                                             "only."),
              "rope", "Su et al. 2021"),
    Milestone(2022, QT_TRANSLATE_NOOP("reference", "ALiBi"),
              QT_TRANSLATE_NOOP("reference", "A linear distance penalty per head: train short, test long."),
              "alibi", "Press et al. 2022"),
    Milestone(2022, QT_TRANSLATE_NOOP("reference", "KERPLE"),
              QT_TRANSLATE_NOOP("reference", "Learned kernels of the distance (logarithmic, power) generalise ALiBi."),
              "kerple", "Chi et al. 2022 (arXiv:2205.09921)"),
    Milestone(2022, QT_TRANSLATE_NOOP("reference", "NoPE"),
              QT_TRANSLATE_NOOP("reference", "Causal models without any encoding still learn position."),
              "nope", "Haviv et al. 2022"),
    Milestone(2022, QT_TRANSLATE_NOOP("reference", "xPos"),
              QT_TRANSLATE_NOOP("reference", "RoPE with an exponential scale that damps distant scores."),
              "rope", "Sun et al. 2023 (arXiv:2212.10554)"),
    Milestone(2023, QT_TRANSLATE_NOOP("reference", "Position Interpolation"),
              QT_TRANSLATE_NOOP("reference", "Divide RoPE's frequencies by s to fit s times more positions."),
              "rope", "Chen et al. 2023"),
    Milestone(2023, QT_TRANSLATE_NOOP("reference", "NTK-aware scaling"),
              QT_TRANSLATE_NOOP("reference", "Raise the base instead: high frequencies stay almost untouched."),
              "rope", "bloc97 2023"),
    Milestone(2023, QT_TRANSLATE_NOOP("reference", "YaRN"),
              QT_TRANSLATE_NOOP("reference", "Blend per frequency band, plus an attention temperature."),
              "rope", "Peng et al. 2023"),
    Milestone(2023, QT_TRANSLATE_NOOP("reference", "Sandwich"),
              QT_TRANSLATE_NOOP("reference", "The sinusoid's inner product becomes a parameter-free bias."),
              "sandwich", "Chi et al. 2023 (arXiv:2212.10356)"),
    Milestone(2023, QT_TRANSLATE_NOOP("reference", "FIRE"),
              QT_TRANSLATE_NOOP("reference", "A learned function of normalised log distance."),
              "fire", "Li et al. 2023 (arXiv:2310.04418)"),
    Milestone(2023, QT_TRANSLATE_NOOP("reference", "Attention sinks"),
              QT_TRANSLATE_NOOP("reference", "StreamingLLM keeps the first tokens and counts positions in the "
                                             "cache."),
              "streaming", "Xiao et al. 2024 (arXiv:2309.17453)"),
    Milestone(2023, QT_TRANSLATE_NOOP("reference", "2D RoPE for images"),
              QT_TRANSLATE_NOOP("reference", "EVA-02 turns half of each head by the patch's row, half by its "
                                             "column."),
              "images", "Fang et al. 2024 (arXiv:2303.11331)"),
    Milestone(2024, QT_TRANSLATE_NOOP("reference", "Llama 3 scaling"),
              QT_TRANSLATE_NOOP("reference", "Blend per wavelength: short kept, long divided by 8."),
              "rope", "Meta Llama 3.1"),
    Milestone(2024, QT_TRANSLATE_NOOP("reference", "Decoupled RoPE"),
              QT_TRANSLATE_NOOP("reference", "DeepSeek-V2 rotates a separate slice beside a compressed latent."),
              "mla", "DeepSeek-AI 2024 (arXiv:2405.04434)"),
    Milestone(2024, QT_TRANSLATE_NOOP("reference", "CoPE"),
              QT_TRANSLATE_NOOP("reference", "Positions counted by gates the context opens."),
              "cope", "Golovneva et al. 2024 (arXiv:2405.18719)"),
    Milestone(2024, QT_TRANSLATE_NOOP("reference", "M-RoPE"),
              QT_TRANSLATE_NOOP("reference", "Qwen2-VL turns pairs by time, row and column ids."),
              "mrope", "Wang et al. 2024 (arXiv:2409.12191)"),
    Milestone(2025, QT_TRANSLATE_NOOP("reference", "iRoPE"),
              QT_TRANSLATE_NOOP("reference", "Llama 4 interleaves layers without RoPE among chunked RoPE layers."),
              "layers", "Meta 2025"),
    Milestone(2025, QT_TRANSLATE_NOOP("reference", "Learned sinks"),
              QT_TRANSLATE_NOOP("reference", "gpt-oss gives each head a logit that soaks up attention."),
              "sinks", "OpenAI 2025 (arXiv:2508.10925)"),
    Milestone(2025, QT_TRANSLATE_NOOP("reference", "DroPE"),
              QT_TRANSLATE_NOOP("reference", "RoPE as a training scaffold, removed after pretraining."),
              "drope", "Gelberg et al. 2025 (arXiv:2512.12167)"),
)
