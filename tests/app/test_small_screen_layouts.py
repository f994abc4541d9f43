"""The encoding view, the CNN/RNN lesson and the bias view on the smallest projector screen in the largest type
(issue 22's layout matrix found their axis names, legends and colour bars past their room there): the layout report
of each is clean, presenting (one process, as ``test_layout_matrix`` runs the matrix)."""

from test_layout_matrix import layout_report


def test_small_screen_in_large_type_presenting(tmp_path):
    # cnn_rnn_attention: 'sequence length n' on one line under each of two plots half a 1024 px page wide, 23-29 px
    # longer than its axis
    layout_report(tmp_path, "1024x768", "1.6", "light", "en", "1", ("cnn_rnn_attention",))
