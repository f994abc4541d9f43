"""The words under the layer strip: a kind's layers as runs ("0, 1, 2, 3 … 33" hid that Gemma 3's local layers skip
every sixth), its description and its list of layers apart ("llama3 scaling ×8 32 layers" read as "×8 32"), and the
language's comma in Chinese, and every heading in Chinese ("Not in the scene:" stayed English: its tr() sat inside an
f-string, where lupdate does not look)."""

import re

from posenc_gui.app import i18n
from posenc_gui.app.views.model_config import ModelConfigView, layer_runs

from view_helpers import open_view


def test_layer_runs_group_consecutive_layers():
    assert layer_runs([0, 1, 2, 4, 6, 7]) == [(0, 2), (4, 4), (6, 7)]
    assert layer_runs([]) == []


def test_gemma_3s_local_layers_are_listed_with_their_gaps(qtbot, themed):
    _model, view = open_view(qtbot, ModelConfigView, themed("light"), {"model_config": "example:gemma-3-4b-text.json"})
    text = view.summary.text()
    assert "29 layers: 0–4, 6–10, 12–16, 18–22, 24–28, 30–33" in text and "layers 5, 11, 17, 23, 29" in text
    _model, view = open_view(qtbot, ModelConfigView, themed("light"), {"model_config": "example:llama-3.1-8b.json"})
    assert "32 layers: 0–31" in view.summary.text()


def test_a_kinds_description_and_its_layers_stand_apart(qtbot, themed):
    _model, view = open_view(qtbot, ModelConfigView, themed("light"), {"model_config": "example:llama-3.1-8b.json"})
    cells = re.findall(r"<td([^>]*)>([^<]*(?:<[^/][^>]*>[^<]*</[^>]+>[^<]*)*)</td>", view.summary.text())
    lists = [attributes for attributes, text in cells if "layers" in text]
    assert lists and all("padding-left" in attributes for attributes in lists)


def test_chinese_descriptions_use_the_chinese_comma(qtbot, qapp, themed):
    assert i18n.install(qapp, "zh") == "zh"
    try:
        _model, view = open_view(qtbot, ModelConfigView, themed("light"),
                                 {"model_config": "example:llama-3.1-8b.json"})
        row = next(line for line in view.summary.text().split("<tr>") if "500000" in line)
    finally:
        i18n.install(qapp, "en")
    assert "，" in row and ", " not in row.split("</td>")[0]


def test_the_left_out_heading_is_chinese_in_chinese(qtbot, qapp, themed):
    assert i18n.install(qapp, "zh") == "zh"
    try:
        _model, view = open_view(qtbot, ModelConfigView, themed("light"),
                                 {"model_config": "example:gemma-3-4b-text.json"})
        text = view.summary.text()
    finally:
        i18n.install(qapp, "en")
    assert "<ul>" in text and "Not in the scene" not in text
