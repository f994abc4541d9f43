"""Which names a crowded axis keeps: every k-th, for what they tell (no Qt)."""

from posenc_gui.app.names_kept import names_kept


def spans_of(widths: list[float], pitch: float) -> list[tuple[float, float]]:
    """Names of ``widths`` centred on ticks ``pitch`` apart."""
    return [(index * pitch + pitch / 2 - width / 2, index * pitch + pitch / 2 + width / 2)
            for index, width in enumerate(widths)]


def test_names_that_fit_are_all_kept_on_as_few_lines_as_hold_them():
    assert names_kept(spans_of([30] * 5, 40), list("abcde"), 5, 3) == (1, 0, 1)
    assert names_kept(spans_of([50] * 5, 40), list("abcde"), 5, 3) == (1, 0, 2)
    assert names_kept([], [], 5, 3) is None


def test_numbers_are_thinned_from_the_first():
    assert names_kept(spans_of([50] * 6, 40), [str(n) for n in range(6)], 5, 1) == (2, 0, 1)


def test_a_repeated_word_gives_way_to_the_words_said_once():
    """"the cat chases the mouse" over five 43 px cells, on one line: every third from the first read "the ... the"."""
    words = "the cat chases the mouse".split()
    widths = [50, 50, 95, 50, 95]
    step, offset, lines = names_kept(spans_of(widths, 43), words, 9, 1)
    assert words[offset::step] == ["cat", "mouse"] and lines == 1


def test_names_that_tell_more_take_no_line_more_than_the_most_names():
    """Every other of "a b a c" from the second tells the most, but needs a second line, taken from the plot (CoPE's
    parts in Chinese at x1.6 no longer stood in a row): "a ... c" on the one line that "a ... a" takes."""
    spans = [(0, 30), (20, 70), (60, 90), (65, 120)]
    assert names_kept(spans, ["a", "b", "a", "c"], 5, 2) == (3, 0, 1)
