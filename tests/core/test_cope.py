"""CoPE against the paper's listing (run in torch by scripts/make_method_references.py with the app's seeded
queries, keys and embeddings), and what its counted positions mean."""

import json
from pathlib import Path

import numpy as np
import pytest

from posenc_gui.core import attention, registry
from posenc_gui.core.methods import cope

REFERENCES = json.loads((Path(__file__).resolve().parents[1] / "data" / "method_references.json").read_text())


@pytest.mark.parametrize("case", REFERENCES["cope"], ids=lambda c: str(c["app"]))
def test_the_position_term_is_the_listings(case):
    """The second case clamps at npos_max 6 over 30 tokens."""
    bias = registry.get("cope").compute("bias", case["app"])
    np.testing.assert_allclose(bias, case["bias"], rtol=1e-12, atol=1e-12)


def test_open_gates_count_every_token_from_the_key_to_the_query():
    n = 6
    logits = np.where(np.tril(np.ones((n, n), dtype=bool)), 50.0, -np.inf)
    i, j = np.indices((n, n))
    np.testing.assert_allclose(cope.positions(logits, 64), np.where(j <= i, i - j + 1, 0), atol=1e-12)
    half = cope.positions(np.where(j <= i, 0.0, -np.inf), 64)  # every gate half open
    np.testing.assert_allclose(half, np.where(j <= i, (i - j + 1) / 2, 0))
    assert cope.positions(logits, 3).max() == 2  # clamped at npos_max - 1


def test_a_fractional_position_interpolates_between_whole_ones():
    table = np.arange(12.0).reshape(1, 12)          # head width 1: e[p] = p
    q = np.ones((1, 3, 1))
    logits = np.full((3, 3), np.log(1 / 3))        # sigmoid: every gate a quarter open
    logits[np.triu_indices(3, 1)] = -np.inf
    term = cope.position_logits(q, logits[None], table)[0]
    np.testing.assert_allclose(term[2], [0.75, 0.5, 0.25])  # q . e[p] = p when positions are fractional


def test_cope_enters_attention_through_its_own_scores():
    r = attention.attention_for("cope", {}, "the cat sat on the mat".split(), heads=2)
    assert r.how == "score"
    np.testing.assert_allclose(r.logits, r.content + r.position)
    assert np.all(np.isfinite(r.position))
