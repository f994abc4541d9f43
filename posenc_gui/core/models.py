"""Reference facts, as plain data shared by the reference pages and their tests: the families of positional encoding
with their pros and cons, and a guide for choosing (which published models use which, and a timeline, are in
``published_models``). Facts come from the project's source article on encodings (seed 004, "source article" in
``source``), the published implementations and the papers named in ``source``; where the article is wrong (Falcon),
the entry says so.

Text a reader sees is wrapped in ``QT_TRANSLATE_NOOP("reference", ...)`` so that pyside6-lupdate finds it;
the app translates it when it draws (sources and model names stay as published)."""

from __future__ import annotations

from dataclasses import dataclass

CONTEXT = "reference"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name pyside6-lupdate looks for)
    """Mark ``text`` for translation in ``context``; returns it unchanged (the core imports no Qt)."""
    return text


@dataclass(frozen=True)
class Encoding:
    """One family of positional encoding: how it works, its strengths and weaknesses, when to pick it.
    ``family`` is a key of registry.FAMILIES and ``methods`` the registry methods that implement it."""

    key: str
    name: str
    family: str
    methods: tuple[str, ...]
    how: str
    pros: tuple[str, ...]
    cons: tuple[str, ...]


@dataclass(frozen=True)
class Choice:
    """One row of the choosing guide: a situation and the encodings (keys of ENCODINGS) that fit it."""

    situation: str
    encodings: tuple[str, ...]
    why: str


ENCODINGS = (
    Encoding(
        "sinusoidal", QT_TRANSLATE_NOOP("reference", "Sinusoidal"), "absolute", ("sinusoidal", "binary"),
        QT_TRANSLATE_NOOP("reference", "A fixed vector of sines and cosines at geometrically spaced "
                                       "frequencies is added to each token embedding."),
        (QT_TRANSLATE_NOOP("reference", "No parameters to learn."),
         QT_TRANSLATE_NOOP("reference", "Defined for every position, including ones never seen in training."),
         QT_TRANSLATE_NOOP("reference", "An offset is a fixed rotation: PE[p + k] is a linear function of "
                                        "PE[p], so relative positions are within reach.")),
        (QT_TRANSLATE_NOOP("reference", "Fixed: it cannot adapt to the task."),
         QT_TRANSLATE_NOOP("reference", "Defined beyond the training length, yet models using it degrade "
                                        "there (Press et al. 2022)."),
         QT_TRANSLATE_NOOP("reference", "Several channel layouts exist (interleaved, [sin | cos], "
                                        "tensor2tensor, fairseq) and give different numbers.")),
    ),
    Encoding(
        "learned", QT_TRANSLATE_NOOP("reference", "Learned absolute"), "absolute", ("learned",),
        QT_TRANSLATE_NOOP("reference", "A table with one trained vector per position, max_len × d_model, "
                                       "added to the token embeddings."),
        (QT_TRANSLATE_NOOP("reference", "The simplest to implement."),
         QT_TRANSLATE_NOOP("reference", "Trained with the model, so it fits the task and data.")),
        (QT_TRANSLATE_NOOP("reference", "No vector exists past the last row: the maximum length is fixed "
                                        "(BERT 512, GPT-2 1024)."),
         QT_TRANSLATE_NOOP("reference", "max_len × d_model extra parameters."),
         QT_TRANSLATE_NOOP("reference", "Rarely seen positions are poorly trained.")),
    ),
    Encoding(
        "relative", QT_TRANSLATE_NOOP("reference", "Relative (Shaw, Transformer-XL)"), "relative",
        ("shaw", "transformer_xl"),
        QT_TRANSLATE_NOOP("reference", "Attention scores get a term that depends on the offset j - i "
                                       "between query and key, not on where either one sits."),
        (QT_TRANSLATE_NOOP("reference", "The same pattern applies at every position."),
         QT_TRANSLATE_NOOP("reference", "Shaw et al. clip offsets at K, so one table serves any length."),
         QT_TRANSLATE_NOOP("reference", "Transformer-XL reuses cached segments, since positions are "
                                        "never absolute.")),
        (QT_TRANSLATE_NOOP("reference", "Changes the attention computation itself: harder to implement."),
         QT_TRANSLATE_NOOP("reference", "Extra tables or terms, memory and time in every layer.")),
    ),
    Encoding(
        "t5", QT_TRANSLATE_NOOP("reference", "T5 relative bias"), "bias", ("t5",),
        QT_TRANSLATE_NOOP("reference", "Offsets fall into buckets (exact when short, logarithmic when long); "
                                       "each bucket has one learned scalar per head added to the logits."),
        (QT_TRANSLATE_NOOP("reference", "Very few parameters: buckets × heads, shared by all layers."),
         QT_TRANSLATE_NOOP("reference", "Log-spaced buckets cover long distances cheaply.")),
        (QT_TRANSLATE_NOOP("reference", "All offsets past max_distance share the last bucket."),
         QT_TRANSLATE_NOOP("reference", "Only a scalar per offset: no position information in the "
                                        "values.")),
    ),
    Encoding(
        "rope", QT_TRANSLATE_NOOP("reference", "RoPE (rotary)"), "rotary", ("rope", "xpos"),
        QT_TRANSLATE_NOOP("reference", "Queries and keys are rotated pair by pair by an angle proportional "
                                       "to their position, so their dot product depends only on the offset; "
                                       "xPos adds a scale that damps distant scores."),
        (QT_TRANSLATE_NOOP("reference", "No parameters; the score is exactly relative."),
         QT_TRANSLATE_NOOP("reference", "Touches only queries and keys: values and the attention "
                                        "formula stay as they are."),
         QT_TRANSLATE_NOOP("reference", "A trained model's context can be stretched by rescaling the "
                                        "frequencies (PI, NTK, YaRN, Llama 3).")),
        (QT_TRANSLATE_NOOP("reference", "Past the training length it needs such rescaling to work well."),
         QT_TRANSLATE_NOOP("reference", "Two channel layouts (interleaved, half split) that are not "
                                        "interchangeable."),
         QT_TRANSLATE_NOOP("reference", "The rotation takes some mathematics to explain.")),
    ),
    Encoding(
        "alibi", QT_TRANSLATE_NOOP("reference", "ALiBi"), "bias", ("alibi",),
        QT_TRANSLATE_NOOP("reference", "No embedding at all: each head adds −m × distance to the logits, "
                                       "with a fixed slope m per head."),
        (QT_TRANSLATE_NOOP("reference", "No parameters and almost no cost."),
         QT_TRANSLATE_NOOP("reference", "Trained on short sequences, it still works on longer ones "
                                        "(Press et al. 2022).")),
        (QT_TRANSLATE_NOOP("reference", "A fixed linear penalty: a simple, less expressive model of "
                                        "position."),
         QT_TRANSLATE_NOOP("reference", "Always favours nearby tokens.")),
    ),
    Encoding(
        "kerple", QT_TRANSLATE_NOOP("reference", "KERPLE"), "bias", ("kerple_log", "kerple_power"),
        QT_TRANSLATE_NOOP("reference", "A learned kernel of the distance is subtracted from the logits: "
                                       "r1 log(1 + r2 d) or r1 d^r2, two numbers per head."),
        (QT_TRANSLATE_NOOP("reference", "Generalises ALiBi: each head learns how fast its penalty grows."),
         QT_TRANSLATE_NOOP("reference", "The logarithmic kernel extrapolated best to longer texts in its paper "
                                        "(Chi et al. 2022).")),
        (QT_TRANSLATE_NOOP("reference", "Two more parameters per head to train."),
         QT_TRANSLATE_NOOP("reference", "Few released models use it.")),
    ),
    Encoding(
        "sandwich", QT_TRANSLATE_NOOP("reference", "Sandwich"), "bias", ("sandwich",),
        QT_TRANSLATE_NOOP("reference", "The dot product of two sinusoidal position vectors, shifted to 0 at "
                                       "distance 0 and compressed per head, is added to the logits."),
        (QT_TRANSLATE_NOOP("reference", "No parameters: the sinusoid's own decay becomes the bias."),
         QT_TRANSLATE_NOOP("reference", "Flattens out at long distances instead of falling without end like "
                                        "ALiBi.")),
        (QT_TRANSLATE_NOOP("reference", "Its ripples make some far keys score higher than nearer ones."),
         QT_TRANSLATE_NOOP("reference", "Few released models use it.")),
    ),
    Encoding(
        "fire", QT_TRANSLATE_NOOP("reference", "FIRE"), "bias", ("fire",),
        QT_TRANSLATE_NOOP("reference", "A small learned network maps log distance, divided by the log of the "
                                       "query's position, to one bias per head."),
        (QT_TRANSLATE_NOOP("reference", "Every length maps into the same range [0, 1]: long texts reuse what "
                                        "training saw."),
         QT_TRANSLATE_NOOP("reference", "Can learn ALiBi, KERPLE or T5's bias as special cases.")),
        (QT_TRANSLATE_NOOP("reference", "An MLP per position pair: more work than a table lookup."),
         QT_TRANSLATE_NOOP("reference", "Distances are relative to the query's position, so the same offset "
                                        "means less late in a text.")),
    ),
    Encoding(
        "cope", QT_TRANSLATE_NOOP("reference", "CoPE (contextual positions)"), "relative", ("cope",),
        QT_TRANSLATE_NOOP("reference", "Each query opens a gate on every earlier key; the position of a key is "
                                       "the sum of the gates up to it, interpolated between learned "
                                       "embeddings."),
        (QT_TRANSLATE_NOOP("reference", "Counts what matters to the head: words, sentences, or a chosen "
                                        "token."),
         QT_TRANSLATE_NOOP("reference", "Solves counting and selective copying tasks that RoPE fails "
                                        "(Golovneva et al. 2024).")),
        (QT_TRANSLATE_NOOP("reference", "Positions depend on the content, so no cache of position tables is "
                                        "possible."),
         QT_TRANSLATE_NOOP("reference", "Extra (heads × tokens × tokens) work in every layer.")),
    ),
    Encoding(
        "mrope", QT_TRANSLATE_NOOP("reference", "Multimodal RoPE (M-RoPE)"), "rotary", ("mrope",),
        QT_TRANSLATE_NOOP("reference", "Each token gets a time, row and column id; groups of rotary pairs turn "
                                       "by each. Text tokens get the same id three times."),
        (QT_TRANSLATE_NOOP("reference", "Text stays plain RoPE while image patches get 2D and video 3D "
                                        "positions, in one sequence."),
         QT_TRANSLATE_NOOP("reference", "An image takes only as many positions as its longer side, not as "
                                        "many as its patches.")),
        (QT_TRANSLATE_NOOP("reference", "Each axis turns only part of the pairs: fewer frequencies per "
                                        "axis."),
         QT_TRANSLATE_NOOP("reference", "Models differ in how they split and number the pairs (blocks in "
                                        "Qwen2-VL, interleaved in Qwen3-VL).")),
    ),
    Encoding(
        "mla", QT_TRANSLATE_NOOP("reference", "Decoupled RoPE (MLA)"), "rotary", ("mla",),
        QT_TRANSLATE_NOOP("reference", "Keys and values are compressed into a small latent; a separate slice "
                                       "of each query and key carries RoPE, its key part shared by all "
                                       "heads."),
        (QT_TRANSLATE_NOOP("reference", "Keeps RoPE while caching only the latent: a much smaller key-value "
                                        "cache."),),
        (QT_TRANSLATE_NOOP("reference", "Only a third of each head's score depends on position."),
         QT_TRANSLATE_NOOP("reference", "A more complicated attention layer to implement.")),
    ),
    Encoding(
        "streaming", QT_TRANSLATE_NOOP("reference", "Attention sinks (StreamingLLM)"), "rotary", ("streaming",),
        QT_TRANSLATE_NOOP("reference", "A generating model keeps its first tokens and a rolling window of the "
                                       "latest; RoPE positions count places in that cache, not in the text."),
        (QT_TRANSLATE_NOOP("reference", "Generates indefinitely with a fixed cache and no retraining."),
         QT_TRANSLATE_NOOP("reference", "The first tokens soak up the attention a softmax must put "
                                        "somewhere, so keeping them keeps the model stable.")),
        (QT_TRANSLATE_NOOP("reference", "Whatever left the window is forgotten: no long-range recall."),),
    ),
    Encoding(
        "sinks", QT_TRANSLATE_NOOP("reference", "Learned attention sinks (gpt-oss)"), "rotary", ("sinks",),
        QT_TRANSLATE_NOOP("reference", "Each head learns one logit that joins every softmax as an extra key "
                                       "and is dropped after it: the head may give part of its attention to "
                                       "nothing."),
        (QT_TRANSLATE_NOOP("reference", "A head with nothing to look at need not pile its attention on the "
                                        "first tokens."),
         QT_TRANSLATE_NOOP("reference", "One number per head: nothing to cache, nothing to re-index.")),
        (QT_TRANSLATE_NOOP("reference", "The weights no longer sum to 1, which tools that read them must "
                                        "allow for."),),
    ),
    Encoding(
        "drope", QT_TRANSLATE_NOOP("reference", "DroPE (RoPE dropped after training)"), "rotary", ("drope",),
        QT_TRANSLATE_NOOP("reference", "Pretrain with RoPE, then remove it and recalibrate briefly at the "
                                       "trained length: the model runs without positional encoding."),
        (QT_TRANSLATE_NOOP("reference", "RoPE speeds up pretraining; dropping it lets the model read past its "
                                        "trained length without long-context training."),),
        (QT_TRANSLATE_NOOP("reference", "Needs a recalibration run; order then comes from the causal mask "
                                        "alone."),),
    ),
    Encoding(
        "layers", QT_TRANSLATE_NOOP("reference", "Mixed layers (iRoPE, local / global)"), "rotary", ("layers",),
        QT_TRANSLATE_NOOP("reference", "Layers of one model see position differently: some rotate and some do "
                                       "not (NoPE), some attend within a window or chunk with one base, others "
                                       "to everything with another."),
        (QT_TRANSLATE_NOOP("reference", "Local layers are cheap and keep RoPE's precise near positions; a few "
                                        "global layers carry the long range."),
         QT_TRANSLATE_NOOP("reference", "NoPE layers have nothing to extrapolate, which helps very long "
                                        "contexts (Llama 4: 10 million tokens).")),
        (QT_TRANSLATE_NOOP("reference", "Each model has its own pattern, read from its config."),
         QT_TRANSLATE_NOOP("reference", "What the whole stack does with position is harder to see than one "
                                        "layer.")),
    ),
    Encoding(
        "nope", QT_TRANSLATE_NOOP("reference", "NoPE (no encoding)"), "absolute", ("nope",),
        QT_TRANSLATE_NOOP("reference", "Nothing is added; a causal mask alone lets a decoder infer positions."),
        (QT_TRANSLATE_NOOP("reference", "Nothing to implement or tune."),
         QT_TRANSLATE_NOOP("reference", "Causal language models still learn position (Haviv et al. 2022).")),
        (QT_TRANSLATE_NOOP("reference", "Without a causal mask, attention cannot tell word orders apart: "
                                        "\"cat chases mouse\" = \"mouse chases cat\"."),),
    ),
    Encoding(
        "images", QT_TRANSLATE_NOOP("reference", "Images and video (2D, 3D)"), "2d",
        ("image2d", "video3d", "learned_grid", "rope2d"),
        QT_TRANSLATE_NOOP("reference", "Each patch gets one code per axis: half the channels for the column "
                                       "and half for the row (a third each for time, row, column in video)."),
        (QT_TRANSLATE_NOOP("reference", "2D sin-cos: no parameters, any grid size (MAE)."),
         QT_TRANSLATE_NOOP("reference", "A learned grid fits the data it was trained on (ViT)."),
         QT_TRANSLATE_NOOP("reference", "Axial 2D RoPE: scores depend on the offset (dy, dx) alone (EVA-02, "
                                        "RoPE-ViT).")),
        (QT_TRANSLATE_NOOP("reference", "A learned grid must be resized (bicubic interpolation) when the "
                                        "image size changes."),
         QT_TRANSLATE_NOOP("reference", "Each axis gets only part of the channels.")),
    ),
)

CHOICES = (
    Choice(QT_TRANSLATE_NOOP("reference", "Short texts, e.g. classification"), ("learned",),
           QT_TRANSLATE_NOOP("reference", "Lengths stay under the table size; the table fits the task.")),
    Choice(QT_TRANSLATE_NOOP("reference", "Long-text generation"), ("rope", "alibi"),
           QT_TRANSLATE_NOOP("reference", "Relative by construction, no parameters, extendable context.")),
    Choice(QT_TRANSLATE_NOOP("reference", "Relations between tokens matter most"), ("relative", "t5"),
           QT_TRANSLATE_NOOP("reference", "The score sees the offset directly.")),
    Choice(QT_TRANSLATE_NOOP("reference", "As light as possible"), ("alibi",),
           QT_TRANSLATE_NOOP("reference", "Nothing to store and a fixed bias to add.")),
    Choice(QT_TRANSLATE_NOOP("reference", "Broad compatibility, a baseline"), ("sinusoidal",),
           QT_TRANSLATE_NOOP("reference", "Fixed, well known, in every textbook and library.")),
    Choice(QT_TRANSLATE_NOOP("reference", "Extending a trained RoPE model's context"), ("rope",),
           QT_TRANSLATE_NOOP("reference", "Rescale the frequencies (PI, NTK, YaRN, Llama 3) and fine-tune "
                                          "briefly.")),
    Choice(QT_TRANSLATE_NOOP("reference", "Images or video"), ("images",),
           QT_TRANSLATE_NOOP("reference", "2D or 3D sin-cos, or a learned grid resized to the new size.")),
    Choice(QT_TRANSLATE_NOOP("reference", "Text with images or video in one sequence"), ("mrope",),
           QT_TRANSLATE_NOOP("reference", "Text keeps RoPE; patches get row, column and time positions.")),
    Choice(QT_TRANSLATE_NOOP("reference", "A causal decoder, as an experiment"), ("nope",),
           QT_TRANSLATE_NOOP("reference", "The mask alone carries order; worth comparing against.")),
)


def encoding_named(key: str) -> Encoding:
    """The entry of ENCODINGS with this key (KeyError for an unknown one)."""
    for entry in ENCODINGS:
        if entry.key == key:
            return entry
    raise KeyError(key)
