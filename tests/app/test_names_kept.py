"""Which names a crowded axis keeps: every k-th, for what they tell (no Qt)."""

from posenc_gui.app.names_kept import names_kept, words


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


SMOLLM2_TOKENS = ["the", " cat", " ch", "ases", " the", " mouse"]  # "the cat chases the mouse", as SmolLM2 cuts it


def test_a_models_tokens_are_told_apart_as_words_and_pieces_of_words_tell_nothing():
    """Deck scene 44 presenting at 1920 x 1080 x1.6: SmolLM2's key names, measured as drawn (the last moved inside the
    axis), read "the ch the": ' the' counted as another name than 'the', and ' ch' (of "chases") as a word."""
    spans = [(0, 66), (37, 112), (94, 154), (128, 219), (184, 262), (150, 297)]
    step, offset, lines = names_kept(spans, SMOLLM2_TOKENS, 12.7, 1)
    assert [name.strip() for name in SMOLLM2_TOKENS[offset::step]] == ["cat", "mouse"] and lines == 1


def test_words_are_read_without_spaces_and_pieces_are_none():
    assert words(SMOLLM2_TOKENS + ["."]) == ["the", "cat", None, None, "the", "mouse", None]  # '.' tells nothing
    assert words(["[CLS]", "The", "chase", "##s", "[SEP]"]) == [None, "the", None, None, None]  # special tokens
    assert words(["<s>", "<|endoftext|>", "<", "[x"]) == [None, None, None, "[x"]
    assert words("the cat chases".split()) == ["the", "cat", "chases"]  # words without spaces are whole
    assert words(["0", "-0.5", "1"]) == ["0", "-0.5", "1"]
    assert words([" 我", "们", " a", "b"]) == ["我", "们", None, None]  # a Chinese character reads alone


def test_of_as_many_words_the_way_with_fewer_pieces_of_words():
    """The difference's rows presenting deck scene 44 at 1280 x 720 x1.6: "cat ases mouse", where "cat mouse" fit."""
    step, offset, _lines = names_kept(spans_of([45] * 6, 25), SMOLLM2_TOKENS, 0, 1)
    assert [name.strip() for name in SMOLLM2_TOKENS[offset::step]] == ["cat", "mouse"]


MINILM_TOKENS = ["[CLS]", "the", "cat", "chased", "the", "mouse", ",", "and", "then", "the", "mouse", "chased", "the",
                 "cat", "around", "the", "garden", ".", "[SEP]"]  # the real-position lesson's text, as MiniLM cuts it


def test_punctuation_tells_nothing_and_of_as_many_words_the_way_that_repeats_none():
    """Deck scene 43's key names read "then ." where "The ... around" fit (a lone '.' counted as a word said once; here
    a ',');
    deck scene 41's rows, every third, are "cat mouse then chased around ." rather than "the the and mouse cat garden"
    (as many different words, one said twice)."""
    keys = names_kept(spans_of([60] * 19, 12), MINILM_TOKENS, 5, 1)
    assert all(any(character.isalpha() for character in name) for name in MINILM_TOKENS[keys[1]::keys[0]])
    step, offset, _lines = names_kept(spans_of([30] * 19, 11), MINILM_TOKENS, 0, 1)
    assert (step, MINILM_TOKENS[offset::step]) == (3, ["cat", "mouse", "then", "chased", "around", "."])


def test_special_tokens_tell_nothing():
    """Deck scene 41's keys presenting at 1920 x 1080 x1.6 read "[CLS] the [SEP]" (each special token said once
    outranked the words) where "cat and the ." fit."""
    step, offset, _lines = names_kept(spans_of([60] * 19, 15), MINILM_TOKENS, 5, 1)
    kept = MINILM_TOKENS[offset::step]
    assert "[CLS]" not in kept and "[SEP]" not in kept and len(kept) == 4 and len(set(kept)) == 4


def test_more_names_to_find_a_column_by_before_rarer_words():
    """Deck scene 41's keys at 1920 x 1080 x1.6: "the and cat" (three names, no punctuation) was taken over "cat and
    the ." (four), and its rows at 1280 x 720 x1.3 "cat then around" over five names of as many words."""
    step, offset, _lines = names_kept(spans_of([45] * 19, 14.6), MINILM_TOKENS, 5, 1)
    assert step == 4 and MINILM_TOKENS[offset::step] == ["cat", ",", "mouse", "around", "[SEP]"]  # no word twice
