"""The encoding view, the CNN/RNN lesson and the bias view on small projector screens in the largest type (issue 22's
layout matrix found their axis names, legends and colour bars past their room there): the layout report of each is
clean, presenting (a process a configuration, as ``test_layout_matrix`` runs the matrix)."""

import pytest

from test_layout_matrix import layout_report

# cnn_rnn_attention: 'sequence length n' on one line under each of two plots half a 1024 px page wide, 23-29 px longer
# than its axis; encoding: 'dimension' under a heatmap squeezed beside the curves, 23 px longer than its axis at 1024 x
# 768; above the curves at 1280 x 720 in Chinese, the heatmap so short that its colour bar's names ran together; deck
# scene 38 (layer patterns in attention): its sentence 129-143 px longer than its tokens box at 1024 x 768 x1.6
VIEWS = ("cnn_rnn_attention", "encoding:sinusoidal", "encoding:learned", "deck:38")


@pytest.mark.parametrize("screen, theme, language", [("1024x768", "light", "en"), ("1280x720", "dark", "zh")])
def test_small_screens_in_large_type_presenting(tmp_path, screen, theme, language):
    layout_report(tmp_path, screen, "1.6", theme, language, "1", VIEWS)
