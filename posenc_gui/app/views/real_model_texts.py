"""The real model view's texts: the notes under the controls, the heads found as links and the next-token table,
each made from the fetched data (translated in the view's context, RealModelView)."""

from __future__ import annotations

import html

from ...core import real_models
from ..i18n import translate
from .real_model_settings import ABLATIONS, RealAttention, Settings


def ablation_title(settings: Settings) -> str:
    return translate("RealModelView", dict(ABLATIONS[settings.model])[settings.ablation])


def large_titles(data: RealAttention, hall: bool) -> tuple[str, str, str]:
    """The titles of the large panels: the head as trained, as ablated and their difference. The hall's difference is
    named short: in full it took four lines presenting at 1280 x 720 x1.6, two more than its neighbours, and the page
    scrolled, which an audience cannot."""
    settings = data.settings
    layer, head, change = settings.layer, settings.head, float(data.change[settings.layer, settings.head])
    difference = translate("RealModelView", "difference, change {0:.2f}") if hall else \
        translate("RealModelView", "difference (ablated − trained), change {0:.2f}")
    return (translate("RealModelView", "trained: layer {0}, head {1}").format(layer, head),
            translate("RealModelView", "{0}: layer {1}, head {2}").format(ablation_title(settings), layer, head),
            difference.format(change))


def notes_text(data: RealAttention) -> str:
    """The model's size and the mean change, and why the text is cut or read badly (plain text)."""
    settings = data.settings
    model = real_models.get(settings.model)
    lines = [translate("RealModelView", "{0}: {1} layers × {2} heads. Mean change of attention under \"{3}\": "
                                        "{4:.3f} over all heads.").format(
        model.title, model.layers, model.heads, ablation_title(settings), float(data.change.mean())),
        translate("RealModelView", "Each head in the picture of every head is scaled to its largest weight.")]
    if data.cut_from:
        lines.append(translate("RealModelView", "The text is {0} tokens long: only the first {1} are shown.").format(
            data.cut_from, len(data.tokens)))
    if data.cjk:
        lines.append(translate("RealModelView", "MiniLM knows only 244 Chinese characters: most Chinese text "
                                                "becomes [UNK]. SmolLM2 reads it byte by byte."))
    return "\n".join(lines)


def found_links(data: RealAttention) -> str:
    """The heads found as links ``layer,head``, each with its score as trained and under the ablation."""
    links = [f'<a href="{layer},{head}">{html.escape(translate("RealModelView", "L{0} H{1}").format(layer, head))}'
             f"</a> {before:.2f} → {after:.2f}" for layer, head, before, after in data.found]
    return " · ".join(links)


def next_token_table(data: RealAttention) -> str:
    """The most likely next tokens as trained and under the ablation, side by side (an HTML table)."""
    rows = "".join(
        f"<tr><td>{i + 1}</td><td>{html.escape(repr(a.text))}</td><td>{a.probability:.3f}</td>"
        f"<td>&nbsp;&nbsp;</td><td>{html.escape(repr(b.text))}</td><td>{b.probability:.3f}</td></tr>"
        for i, (a, b) in enumerate(zip(data.next_real, data.next_ablated)))
    trained = translate("RealModelView", "next token, trained")
    header = (f"<tr><th></th><th colspan=2>{html.escape(trained)}</th><th></th>"
              f"<th colspan=2>{html.escape(ablation_title(data.settings))}</th></tr>")
    return f"<table cellspacing=0 cellpadding=2>{header}{rows}</table>"
