"""The real models against Hugging Face transformers (tests/data/real_model_references.npz, written by
scripts/make_model_references.py with PyTorch eager attention): every layer and head, every sentence,
every position ablation; their tokenizers on awkward strings; and what they refuse."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from real_models_support import ids, minilm_model, references, smollm2_model, weights  # noqa: F401 (fixtures)

from posenc_gui.core import real_models
from posenc_gui.core.params import InputError
from posenc_gui.core.real_models import MiniLMPositions, RopeAblation, base, heads, minilm, smollm2

REF = references()
SENTENCES = [str(s) for s in REF["sentences"]]
TOKENIZER_STRINGS = [str(s) for s in REF["tokenizer_strings"]]

# The reference's SmolLM2 ablations as the app's ablation data (names from make_model_references.py)
SMOLLM2_ABLATIONS = {
    "trained": RopeAblation(),
    "rope-off": RopeAblation(rope=False),
    "base-10000": RopeAblation(base=10000.0),
    "linear-4": RopeAblation(scaling="linear", factor=4.0),
    "ntk-4": RopeAblation(scaling="ntk", factor=4.0),
    "dynamic-ntk-4": RopeAblation(scaling="dynamic-ntk", factor=4.0),
    "yarn-4": RopeAblation(scaling="yarn", factor=4.0),
    "llama3-8": RopeAblation(scaling="llama3", factor=8.0),
    "offset-1000": RopeAblation(position_offset=1000),
    "nope-even-layers": RopeAblation(nope_layers=tuple(range(0, 30, 2))),
}


def test_reference_covers_every_ablation_the_tests_name():
    assert set(REF["smollm2_ablations"]) == set(SMOLLM2_ABLATIONS)
    kinds = {MiniLMPositions.parse(str(k)).kind for k in REF["minilm_positions"]}
    assert kinds == set(minilm.POSITION_KINDS)
    assert "transformers" in str(REF["versions"])


@pytest.mark.parametrize("sentence", range(len(SENTENCES)))
def test_minilm_attention_matches_transformers_for_every_position_ablation(minilm_model, sentence):
    tokens = minilm_model.tokenize(SENTENCES[sentence])
    assert tokens.ids.tolist() == REF[f"minilm/{sentence}/ids"].tolist()
    assert list(tokens.strings) == [str(t) for t in REF[f"minilm/{sentence}/tokens"]]
    assert tokens.strings[0] == "[CLS]" and tokens.strings[-1] == "[SEP]"
    for kind in REF["minilm_positions"]:
        result = minilm_model.forward(tokens, MiniLMPositions.parse(str(kind)))
        assert result.attention.dtype == np.float32 and result.attention.shape == (6, 12, len(tokens), len(tokens))
        assert result.next_token is None
        error = np.abs(result.attention - weights(REF[f"minilm/{sentence}/{kind}"])).max()
        assert error < 2e-3, (kind, error)


@pytest.mark.parametrize("sentence", range(len(SENTENCES)))
def test_smollm2_attention_and_next_token_match_transformers_for_every_ablation(smollm2_model, sentence):
    tokens = smollm2_model.tokenize(SENTENCES[sentence])
    assert tokens.ids.tolist() == REF[f"smollm2/{sentence}/ids"].tolist()
    n = len(tokens)
    lower = np.tril_indices(n)
    for name, ablation in SMOLLM2_ABLATIONS.items():
        result = smollm2_model.forward(tokens, ablation)
        assert result.attention.dtype == np.float32 and result.attention.shape == (30, 9, n, n)
        assert not np.triu(result.attention, 1).any()  # causal: no token sees a later one
        error = np.abs(result.attention[..., lower[0], lower[1]] - weights(REF[f"smollm2/{sentence}/{name}"])).max()
        assert error < 2e-4, (name, error)
        top = REF[f"smollm2/{sentence}/{name}/top_ids"]
        assert np.abs(result.next_token[top] - REF[f"smollm2/{sentence}/{name}/top_probabilities"]).max() < 2e-4
        assert result.next_token.sum() == pytest.approx(1, abs=1e-4)


@pytest.mark.parametrize("name", ["minilm", "smollm2"])
def test_tokenizers_give_the_reference_ids_on_awkward_strings(name, request):
    model = request.getfixturevalue(f"{name}_model")
    for text, expected in zip(TOKENIZER_STRINGS, REF[f"{name}/tokenizer_ids"]):
        assert model.tokenize(text).ids.tolist() == ids(expected).tolist(), text


@pytest.mark.parametrize("name", ["minilm", "smollm2"])
def test_tokenizers_give_the_reference_ids_on_3000_random_strings(name, request):
    """Seeded strings of words, whitespace runs, digits and numerals, accents and combining marks, CJK, emoji
    sequences, other scripts and special-token text (make_model_references.PIECES)."""
    model = request.getfixturevalue(f"{name}_model")
    strings = REF["parity_strings"].tobytes().decode("utf-8").split("\0")
    expected = np.split(REF[f"{name}/parity_ids"], REF[f"{name}/parity_offsets"][:-1])
    assert len(strings) == len(expected) == 3000
    mismatches = [text for text, want in zip(strings, expected) if model._tokenize(text).ids.tolist() != want.tolist()]
    assert mismatches == []


def test_smollm2_tokens_read_as_text_and_split_digits(smollm2_model):
    tokens = smollm2_model.tokenize("The year 2024 ½")
    assert "".join(tokens.strings) == "The year 2024 ½"
    assert [t for t in tokens.strings if t.strip().isdigit()] == ["2", "0", "2", "4"]


def test_shifting_positions_changes_minilm_but_not_smollm2(minilm_model, smollm2_model):
    """The lesson's shift test: learned absolute positions change with a shift, RoPE's relative ones not."""
    text = "The cat sat on the mat because it was warm."
    mini = minilm_model.run(text)
    mini_shifted = minilm_model.run(text, MiniLMPositions("shift", 100))
    assert np.abs(mini.attention - mini_shifted.attention).max() > 0.1
    smol = smollm2_model.run(text)
    smol_shifted = smollm2_model.run(text, RopeAblation(position_offset=1000))
    assert np.abs(smol.attention - smol_shifted.attention).max() < 1e-3
    no_rope = smollm2_model.run(text, RopeAblation(rope=False))
    assert np.abs(smol.attention - no_rope.attention).max() > 0.1
    assert heads.change(mini.attention, mini_shifted.attention).mean() > 0.1
    assert heads.change(smol.attention, smol_shifted.attention).max() < 1e-4


def test_rope_off_removes_smollm2_previous_token_heads(smollm2_model):
    text = "The quick brown fox jumps over the lazy dog while the cat watches from the warm windowsill."
    best = heads.head_scores(smollm2_model.run(text).attention).rank("previous", 3)
    off = heads.head_scores(smollm2_model.run(text, RopeAblation(rope=False)).attention)
    assert all(score > 0.6 and off.previous[layer, head] < 0.2 for layer, head, score in best)


def test_top_next_tokens_are_sorted_and_readable(smollm2_model):
    result = smollm2_model.run("The capital of France is")
    top = smollm2_model.top_next_tokens(result, 5)
    assert len(top) == 5 and [t.probability for t in top] == sorted((t.probability for t in top), reverse=True)
    assert top[0].text == " Paris"


def test_top_next_tokens_equal_a_stable_sort_of_the_whole_vocabulary_ties_included(monkeypatch):
    model = smollm2.SmolLM2()
    monkeypatch.setattr(model, "token_text", str)
    probabilities = np.array([0.1, 0.3, 0.05, 0.3, 0.1, 0.1, 0.05], np.float32)
    result = real_models.AttentionResult(real_models.Tokens(np.arange(1), ("a",)), np.ones((1, 1, 1, 1)), probabilities)
    for k in range(9):
        expected = np.argsort(-probabilities, kind="stable")[:k]
        assert [t.id for t in model.top_next_tokens(result, k)] == expected.tolist(), k


def test_smollm2_without_the_next_token_skips_the_logits_and_keeps_the_attention(smollm2_model, monkeypatch):
    tokens = smollm2_model.tokenize("The capital of France is")
    with_logits = smollm2_model.forward(tokens, RopeAblation(rope=False))
    monkeypatch.setattr(smollm2_model, "logits", lambda hidden: pytest.fail("logits computed"))
    without = smollm2_model.forward(tokens, RopeAblation(rope=False), next_token=False)
    assert without.next_token is None
    np.testing.assert_array_equal(without.attention, with_logits.attention)


def test_smollm2_runs_two_ablations_together_with_the_numbers_of_two_passes_apart(smollm2_model, monkeypatch):
    from posenc_gui.core.real_models.compare import PASSES, compare

    tokens = smollm2_model.tokenize("Positions, rotated or not")
    ablations = (RopeAblation(), RopeAblation(scaling="linear", factor=4.0, position_offset=3))
    apart = [smollm2_model.forward(tokens, ablation) for ablation in ablations]
    together = smollm2_model.forward_many(tokens, ablations)
    for one, other in zip(apart, together):
        np.testing.assert_array_equal(one.attention, other.attention)
        np.testing.assert_array_equal(one.next_token, other.next_token)
    PASSES.clear()
    monkeypatch.setattr(smollm2_model, "_forward", lambda *args: pytest.fail("a pass was run by itself"))
    compare(smollm2_model, "Positions, rotated or not", ablations[1], 16)  # both passes missing: one stack


def test_q8_0_parts_equal_the_gguf_packages_dequantisation():
    from gguf import GGML_QUANT_SIZES, GGMLQuantizationType
    from gguf.quants import dequantize, quantize

    table = np.random.default_rng(0).normal(size=(7, 96)).astype(np.float32)
    raw = quantize(table, GGMLQuantizationType.Q8_0)
    values, scales = smollm2.q8_0_parts(raw, GGML_QUANT_SIZES[GGMLQuantizationType.Q8_0][1])
    assert values.dtype == np.int8 and values.shape == (7, 3, 32) and scales.shape == (7, 3)
    expected = dequantize(raw, GGMLQuantizationType.Q8_0)
    assert np.array_equal((values * scales[..., None]).reshape(7, 96).astype(np.float32), expected)


def test_smollm2_embeds_and_projects_with_the_same_table(smollm2_model):
    ids = np.array([0, 504, 49151])
    rows = smollm2_model.embed(ids)
    assert rows.shape == (3, 576) and rows.dtype == np.float32
    hidden = np.random.default_rng(1).normal(size=576).astype(np.float32)
    assert np.allclose(smollm2_model.logits(hidden)[ids], rows @ hidden, rtol=1e-5, atol=1e-5)
    other = np.random.default_rng(2).normal(size=576).astype(np.float32)
    both = smollm2_model.logits(np.stack([hidden, other]))  # two states share each dequantised chunk
    np.testing.assert_array_equal(both, [smollm2_model.logits(hidden), smollm2_model.logits(other)])


def test_minilm_has_no_next_token(minilm_model):
    with pytest.raises(InputError, match="not a causal model"):
        minilm_model.top_next_tokens(minilm_model.run("hello"), 3)


@pytest.mark.parametrize("text", ["", "   \n"])
def test_empty_text_is_refused(minilm_model, text):
    with pytest.raises(InputError, match="empty"):
        minilm_model.tokenize(text)


def test_too_long_text_is_refused(minilm_model):
    with pytest.raises(InputError, match="at most 512"):
        minilm_model.tokenize("word " * 600)


def test_a_limit_caps_long_text_and_says_from_how_many_tokens(minilm_model, smollm2_model):
    text = "one two three four five six seven eight nine ten"
    capped = minilm_model.tokenize(text, limit=5)
    assert capped.strings == ("[CLS]", "one", "two", "three", "[SEP]") and capped.cut_from == 12
    assert minilm_model.forward(capped).attention.shape == (6, 12, 5, 5)
    assert minilm_model.tokenize(text, limit=50).cut_from is None
    assert minilm_model.tokenize("word " * 600, limit=10_000).cut_from == 602  # never past the model's 512
    assert len(minilm_model.tokenize("word " * 600, limit=10_000)) == 512
    capped = smollm2_model.tokenize(text, limit=3)
    assert capped.strings == ("one", " two", " three") and capped.cut_from == 10


def test_a_shift_past_the_position_table_is_refused(minilm_model):
    tokens = minilm_model.tokenize("one two three")
    with pytest.raises(InputError, match="shift by at most 507"):
        minilm_model.forward(tokens, MiniLMPositions("shift", 508))


def test_an_ablation_of_the_other_model_is_refused(minilm_model):
    with pytest.raises(TypeError, match="MiniLMPositions"):
        minilm_model.forward(minilm_model.tokenize("hi"), RopeAblation())


def test_missing_models_raise_a_message_that_says_how_to_get_them(tmp_path, monkeypatch):
    monkeypatch.setenv(base.MODELS_ENV, str(tmp_path))
    monkeypatch.setattr(base, "user_models_dir", lambda: tmp_path / "user")
    monkeypatch.setattr(base, "system_models_dirs", lambda: [tmp_path / "system"])
    model = minilm.MiniLM()
    assert not model.available()
    with pytest.raises(real_models.ModelsMissing, match="fetch_models.py") as caught:
        model.tokenize("hello")
    message = str(caught.value)
    assert "\n" not in message and str(tmp_path / "system") in message and "apt install posenc-gui-models" in message


def test_a_missing_reader_package_is_one_line_naming_it(minilm_model, monkeypatch):
    import sys

    model = minilm.MiniLM()
    monkeypatch.setitem(sys.modules, "safetensors.numpy", None)  # import fails as if not installed
    with pytest.raises(real_models.ModelsMissing, match="needs the Python package safetensors.numpy: pip install"):
        model.load()


def test_models_dir_from_the_environment_comes_first(tmp_path, monkeypatch):
    monkeypatch.setenv(base.MODELS_ENV, str(tmp_path))
    assert real_models.models_dirs()[0] == tmp_path


@pytest.mark.parametrize("frozen", [False, True])
def test_models_are_searched_in_the_users_folder_then_the_apps_then_the_system_folders(tmp_path, monkeypatch, frozen):
    """The order the packaging relies on: the posenc-gui-models package installs into /usr/share/posenc-gui/models,
    searched after the user's folder, by the frozen (PyInstaller) app too."""
    import sys

    monkeypatch.delenv(base.MODELS_ENV, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.delenv("XDG_DATA_DIRS", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home"))
    if frozen:
        (tmp_path / "bundle" / "_internal" / "resources").mkdir(parents=True)
        monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "bundle" / "_internal"), raising=False)
        monkeypatch.setattr(sys, "frozen", True, raising=False)
        monkeypatch.setattr(sys, "executable", str(tmp_path / "bundle" / "posenc-gui"))
    app = [tmp_path / "bundle" / "_internal" / "resources" / "models", tmp_path / "bundle" / "models"] if frozen \
        else [base.resources_dir() / "models"]
    assert real_models.models_dirs() == [tmp_path / "home" / "posenc-gui" / "models", *app,
                                         Path("/usr/local/share/posenc-gui/models"),
                                         Path("/usr/share/posenc-gui/models")]
    monkeypatch.setenv("XDG_DATA_DIRS", "/opt/share::/usr/share")
    assert real_models.models_dirs()[-2:] == [Path("/opt/share/posenc-gui/models"), Path("/usr/share/posenc-gui/models")]


def test_a_model_is_read_from_the_system_folder_when_the_user_has_none(tmp_path, monkeypatch):
    monkeypatch.delenv(base.MODELS_ENV, raising=False)
    monkeypatch.setattr(base, "user_models_dir", lambda: tmp_path / "user")
    monkeypatch.setattr(base, "resources_dir", lambda: tmp_path / "app")
    monkeypatch.setattr(base, "system_models_dirs", lambda: [tmp_path / "local", tmp_path / "system"])
    model = minilm.MiniLM()
    for name in model.files:
        (tmp_path / "system" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "system" / name).write_bytes(b"")
    assert model.folder() == tmp_path / "system"
    for name in model.files:
        (tmp_path / "user" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "user" / name).write_bytes(b"")
    assert model.folder() == tmp_path / "user"


def test_registry_lists_both_models_and_refuses_unknown_names():
    assert list(real_models.MODELS) == ["minilm", "smollm2"]
    with pytest.raises(InputError, match="unknown model 'gpt2'; models: minilm, smollm2"):
        real_models.get("gpt2")
    with pytest.raises(ValueError, match="registered twice"):
        real_models.register(minilm.MiniLM())


@pytest.mark.parametrize("text, expected", [
    ("learned", MiniLMPositions()), ("none", MiniLMPositions("none")), ("shift:100", MiniLMPositions("shift", 100)),
    ("shuffle:7", MiniLMPositions("shuffle", 7)), ("reverse", MiniLMPositions("reverse")),
    ("sinusoid", MiniLMPositions("sinusoid")),
])
def test_minilm_positions_parse_and_print_back(text, expected):
    assert MiniLMPositions.parse(text) == expected
    assert str(expected) == text


@pytest.mark.parametrize("text, message", [
    ("absolute", "is not one of learned, none, shuffle:SEED"), ("shift", "needs an integer: shift:K"),
    ("shift:x", "needs an integer"), ("shift:-3", "shift:K needs K >= 0, not -3"),
    ("shuffle:-1", "shuffle:SEED needs SEED >= 0, not -1"), ("none:3", "is not one of"),
])
def test_minilm_positions_refuse_bad_text(text, message):
    with pytest.raises(InputError, match=message):
        MiniLMPositions.parse(text)


def test_minilm_position_vectors_follow_their_definitions():
    table = np.arange(20.0, dtype=np.float32).reshape(10, 2)
    assert np.array_equal(MiniLMPositions("reverse").vectors(table, 3), table[[2, 1, 0]])
    assert np.array_equal(MiniLMPositions("shift", 4).vectors(table, 3), table[[4, 5, 6]])
    shuffled = MiniLMPositions("shuffle", 0).vectors(table, 6)
    assert sorted(shuffled[:, 0]) == sorted(table[:6, 0]) and not np.array_equal(shuffled, table[:6])
    assert not MiniLMPositions("none").vectors(table, 3).any()
    assert MiniLMPositions("sinusoid").vectors(table, 3)[0].tolist() == [0.0, 1.0]  # sin 0, cos 0


@pytest.mark.parametrize("fields, message", [
    (dict(scaling="xpos"), "scaling"), (dict(position_offset=-1), "offset"), (dict(nope_layers=(0, 30)), "30"),
    (dict(base=0.5), "base"), (dict(factor=0.5), "factor"),
    (dict(scaling="yarn", beta_fast=1.0, beta_slow=2.0), "beta_fast"),
])
def test_rope_ablation_refuses_bad_values(fields, message):
    with pytest.raises(InputError, match=message):
        RopeAblation(**fields)


def test_rope_ablation_frequencies_come_from_the_registry_rope():
    from posenc_gui.core.methods import rope

    ablation = RopeAblation(scaling="yarn", factor=4.0)
    assert np.array_equal(ablation.frequencies(64, 10), rope.inv_freq(64, 100000.0, scaling="yarn", factor=4.0,
                                                                       original_max_len=8192, seq_len=10))
    assert RopeAblation(nope_layers=(3, 1, 3)).nope_layers == (1, 3)
    assert not RopeAblation(nope_layers=(2,)).uses_rope(2) and RopeAblation(nope_layers=(2,)).uses_rope(1)


def test_packed_weights_stay_within_a_block_step_of_the_original():
    rng = np.random.default_rng(0)
    tensors = {"encoder.layer.0.output.dense.weight": rng.normal(0, 0.05, (8, 64)).astype(np.float32),
               "embeddings.position_embeddings.weight": rng.normal(size=(4, 64)).astype(np.float32),
               "embeddings.LayerNorm.bias": rng.normal(size=64).astype(np.float32),
               "pooler.dense.weight": np.ones((4, 64), np.float32)}
    tensors["encoder.layer.0.output.dense.weight"][0, :32] = 0  # a block of zeros keeps a usable scale
    packed = minilm.pack(tensors)
    assert packed["encoder.layer.0.output.dense.weight"].dtype == np.int16
    assert "pooler.dense.weight" not in packed
    unpacked = minilm.unpack(packed)
    original = tensors["encoder.layer.0.output.dense.weight"]
    step = np.abs(original.reshape(8, 2, 32)).max(axis=2, keepdims=True) / 32767
    assert (np.abs(unpacked["encoder.layer.0.output.dense.weight"] - original).reshape(8, 2, 32) <= step / 2 + 1e-8).all()
    for exact in ("embeddings.position_embeddings.weight", "embeddings.LayerNorm.bias"):
        assert np.array_equal(unpacked[exact], tensors[exact])
