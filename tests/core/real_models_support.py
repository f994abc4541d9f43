"""What the real-model tests share: the reference file, the models as fixtures (import them into a test
module), and the rule for when they may skip.

The models are fetched by scripts/fetch_models.py (python3 scripts/dev.py test does it first). A test that
needs them skips, naming the reason, only where they could not be fetched (offline); with CI set in the
environment it fails instead, so that a CI run never passes without them."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from posenc_gui.core import real_models

REFERENCES = Path(__file__).resolve().parents[1] / "data" / "real_model_references.npz"


def require(name: str) -> None:
    model = real_models.get(name)
    if model.available():
        return
    message = (f"model {name} is not installed (python3 scripts/fetch_models.py fetches it; "
               f"looked in {', '.join(map(str, real_models.models_dirs()))})")
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def loaded(name: str):
    """The registered model, loaded for one test module and unloaded after it (SmolLM2 holds 525 MB)."""
    require(name)
    model = real_models.get(name)
    model.load()
    yield model
    model.unload()


@pytest.fixture(scope="module")
def minilm_model():
    yield from loaded("minilm")


@pytest.fixture(scope="module")
def smollm2_model():
    yield from loaded("smollm2")


def references() -> dict[str, np.ndarray]:
    with np.load(REFERENCES) as data:
        return {key: data[key] for key in data.files}


def weights(stored: np.ndarray) -> np.ndarray:
    """Attention weights from the reference file's 16-bit fixed point."""
    return stored.astype(np.float64) / 65535


def ids(row: np.ndarray) -> np.ndarray:
    """One row of a ragged id table (padded with -1)."""
    return row[row >= 0]
