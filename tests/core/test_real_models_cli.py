"""``posenc-gui export attention`` and ``export next-token``: the files they write follow the contract and
hold what the core computes; bad input gets one line, status 2 and no file."""

from __future__ import annotations

import csv

import numpy as np
import pytest
from real_models_support import minilm_model, smollm2_model  # noqa: F401 (fixtures)

from posenc_gui.cli import export_main
from posenc_gui.core import real_models
from posenc_gui.core.real_models import MiniLMPositions, RopeAblation, base

TEXT = "The cat chased the mouse, then slept."


@pytest.fixture(scope="module")
def minilm(minilm_model):
    return minilm_model


@pytest.fixture(scope="module")
def smollm2(smollm2_model):
    return smollm2_model


def export(*argv) -> int:
    return export_main([str(a) for a in argv])


def test_minilm_npz_holds_tokens_and_every_layer_and_head(minilm, tmp_path, capsys):
    out = tmp_path / "a.npz"
    assert export("attention", "--model", "minilm", "--text", TEXT, "--positions", "shuffle:3", "--out", out) == 0
    assert capsys.readouterr().out.startswith("wrote minilm attention (6, 12, 11, 11) float32 (shuffle:3)")
    with np.load(out) as data:
        assert data["tokens"].dtype.kind == "U" and data["tokens"].shape == (11,)
        assert data["tokens"][0] == "[CLS]" and data["tokens"][-1] == "[SEP]"
        assert data["weights"].dtype == np.float32 and data["weights"].shape == (6, 12, 11, 11)
        expected = minilm.run(TEXT, MiniLMPositions("shuffle", 3)).attention
        assert np.array_equal(data["weights"], expected)
        assert not np.array_equal(data["weights"], minilm.run(TEXT).attention)


@pytest.mark.parametrize("flags, ablation", [
    ((), RopeAblation()),
    (("--rope", "off"), RopeAblation(rope=False)),
    (("--rope-base", "10000"), RopeAblation(base=10000.0)),
    (("--scaling", "yarn", "--factor", "4", "--beta-fast", "16"), RopeAblation(scaling="yarn", factor=4.0, beta_fast=16.0)),
    (("--position-offset", "1000", "--nope-layers", "0,2"), RopeAblation(position_offset=1000, nope_layers=(0, 2))),
])
def test_smollm2_npz_applies_every_flag(smollm2, tmp_path, flags, ablation):
    out = tmp_path / "b.npz"
    assert export("attention", "--model", "smollm2", "--text", TEXT, *flags, "--out", out) == 0
    with np.load(out) as data:
        tokens = smollm2.tokenize(TEXT)
        assert data["tokens"].tolist() == list(tokens.strings) and data["token_ids"].tolist() == tokens.ids.tolist()
        assert data["weights"].shape == (30, 9, len(tokens), len(tokens))  # the 9 query heads; no special tokens
        assert np.array_equal(data["weights"], smollm2.forward(tokens, ablation).attention)
        assert str(data["ablation"]) == str(ablation)


def test_help_shows_smollm2_s_own_defaults(capsys):
    assert export("attention", "--help") == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "--rope-base X Base of the geometric frequency progression (2 to 10000000, default 100000)" in text
    assert "--original-max-len N" in text and "default 8192" in text


def test_csv_holds_one_head_with_token_labels(smollm2, tmp_path):
    out = tmp_path / "head.csv"
    assert export("attention", "--model", "smollm2", "--text", "Hi, you", "--layer", 4, "--head", 8, "--rope", "off",
                  "--out", out) == 0
    rows = list(csv.reader(out.open(encoding="utf-8")))
    tokens = smollm2.tokenize("Hi, you").strings
    assert rows[0] == ["query \\ key", *tokens] and [r[0] for r in rows[1:]] == list(tokens)
    values = np.array([[float(v) for v in row[1:]] for row in rows[1:]])
    expected = smollm2.run("Hi, you", RopeAblation(rope=False)).attention[4, 8]
    assert np.abs(values - expected).max() < 1e-8


def test_next_token_csv_lists_the_most_likely_tokens(smollm2, tmp_path):
    out = tmp_path / "next.csv"
    assert export("next-token", "--model", "smollm2", "--text", "The capital of France is", "--top", 4,
                  "--out", out) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [r["rank"] for r in rows] == ["1", "2", "3", "4"] and rows[0]["token"] == " Paris"
    probabilities = [float(r["probability"]) for r in rows]
    assert probabilities == sorted(probabilities, reverse=True) and 0 < sum(probabilities) <= 1


@pytest.mark.parametrize("argv, message", [
    (("attention", "--model", "gpt2", "--text", "hi"), "unknown model 'gpt2'; models: minilm, smollm2"),
    (("attention", "--model", "minilm", "--text", " "), "the text is empty"),
    (("attention", "--model", "minilm", "--text", "word " * 600), "at most 512"),
    (("attention", "--model", "minilm", "--text", "hi", "--rope", "off"), "--rope applies to smollm2"),
    (("attention", "--model", "smollm2", "--text", "hi", "--positions", "none"), "--positions applies to minilm"),
    (("attention", "--model", "minilm", "--text", "hi", "--positions", "sideways"), "is not one of"),
    (("attention", "--model", "smollm2", "--text", "hi", "--scaling", "foo"), "scaling must be one of"),
    (("attention", "--model", "smollm2", "--text", "hi", "--factor", "0.5"), "factor"),
    (("attention", "--model", "smollm2", "--text", "hi", "--nope-layers", "31"), "NoPE layers"),
    (("attention", "--model", "smollm2", "--text", "hi", "--layer", "0", "--head", "0"), "a .npz holds every head"),
    (("next-token", "--model", "minilm", "--text", "hi"), "minilm does not predict a next token"),
    (("next-token", "--model", "smollm2", "--text", "hi", "--top", "0"), "top"),
])
def test_bad_input_is_one_line_and_status_2_and_writes_nothing(minilm, smollm2, tmp_path, capsys, argv, message):
    out = tmp_path / ("x.csv" if argv[0] == "next-token" else "x.npz")
    assert export(*argv, "--out", out) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("argv", [
    ("--layer", "6", "--head", "0"), ("--layer", "0", "--head", "12"), ("--layer", "x", "--head", "0"), ()])
def test_csv_head_must_be_named_and_exist(minilm, tmp_path, capsys, argv):
    assert export("attention", "--model", "minilm", "--text", "hi", *argv, "--out", tmp_path / "h.csv") == 2
    assert capsys.readouterr().err.count("\n") == 1 and list(tmp_path.iterdir()) == []


def test_models_not_installed_is_one_line_saying_how_to_get_them(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv(base.MODELS_ENV, str(tmp_path / "none"))
    monkeypatch.setattr(base, "user_models_dir", lambda: tmp_path / "user")
    model = real_models.get("smollm2")
    model.unload()
    assert export("attention", "--model", "smollm2", "--text", "hi", "--out", tmp_path / "x.npz") == 2
    err = capsys.readouterr().err
    assert "smollm2 is not installed" in err and "fetch_models.py" in err and err.count("\n") == 1
    assert not (tmp_path / "x.npz").exists()
