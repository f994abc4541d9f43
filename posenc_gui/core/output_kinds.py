"""Output kinds: what each kind of array a method returns means, and how it is named and drawn. The registry
is the only place a kind is described: the command line makes one export subcommand per kind, the Outputs view
takes its axis names and panel titles from here, and a figure is drawn by the view a kind names. The texts are
English; the app translates them in context "core" (scripts/update_translations.py extracts them)."""

from __future__ import annotations

from dataclasses import dataclass

from .named_registry import NamedRegistry


@dataclass(frozen=True)
class OutputKind:
    """One kind of output. ``axes`` name the rows and columns of a 2-D panel; ``panel_titles`` the panels of a
    3-D output along its first axis (none: one panel a head); ``square`` keeps the cells square, for outputs
    whose both axes are positions (query by key); ``figure_view`` is the key of the view that draws the kind as
    an exported figure (None: no figure)."""

    name: str
    meaning: str
    axes: tuple[str, str] = ("query i", "key j")
    panel_titles: tuple[str, ...] = ()
    square: bool = True
    figure_view: str | None = None


KINDS: NamedRegistry[OutputKind] = NamedRegistry("output kind")
register_kind = KINDS.add
registered_kind = KINDS.temporarily  # a kind a test defines, for the duration of a with-block


POSITION_BY_DIMENSION = ("position", "dimension")
POSITION_BY_PAIR = ("position", "pair i")

for _kind in (
    OutputKind("encoding", "vectors added to (or describing) each position: (positions, channels)",
               POSITION_BY_DIMENSION, square=False, figure_view="encoding"),
    OutputKind("bias", "additive attention-logit bias: (heads, queries, keys)", figure_view="bias"),
    OutputKind("slopes", "ALiBi slope per head: (heads,)", figure_view="slopes"),
    OutputKind("buckets", "T5 bucket of key j for query i: (queries, keys), int"),
    OutputKind("distances", "clipped relative distance j - i used as table index: (queries, keys), int"),
    OutputKind("tables", "learned relative tables: (2 [key, value], 2K+1, channels)",
               ("clipped distance + K", "channel"), ("key table aᴷ", "value table aⱽ"), square=False),
    OutputKind("terms", "Transformer-XL score terms a, b, c, d: (4, queries, keys)",
               panel_titles=("(a) content · content", "(b) content · position", "(c) global content bias u",
                             "(d) global position bias v")),
    OutputKind("frequencies", "angular frequency per rotated pair: (pairs,)", figure_view="frequencies"),
    OutputKind("wavelengths", "wavelength 2*pi/frequency per pair, in positions: (pairs,)"),
    OutputKind("angles", "rotation angle of each pair at each position: (positions, pairs)", POSITION_BY_PAIR,
               square=False),
    OutputKind("decay", "mean rotated score q.k as a function of the offset m - n: (offsets,)", figure_view="decay"),
    OutputKind("scale", "xPos scale per position and pair: (positions, pairs)", POSITION_BY_PAIR, square=False),
    OutputKind("sinks", "learned sink logit per head, one more key in every softmax: (heads,)"),
    OutputKind("positions", "the position a scheme gives each token, a row per component (M-RoPE: t, h, w; 2D RoPE: "
                            "row, column; StreamingLLM: place in the text, slot in the cache at the last step, -1 "
                            "when dropped; CoPE: each head's count at the last query): (components, tokens)",
               ("component", "token")),
):
    register_kind(_kind)
