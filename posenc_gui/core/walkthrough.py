"""The worked example of seed 001: three 4-dimensional inputs through key, query and value weights,
unscaled dot-product scores, softmax and the weighted sum of values, step by step.

The article rounds softmax([2, 4, 4]) to [0, 0.5, 0.5]; the exact weights are [0.0634, 0.4683, 0.4683].
``trace(rounded=True)`` reproduces the article, which types in its own rounded weights (the second row's
[0.0, 1.0, 0.0] is really [0.0000, 0.9820, 0.0180]); ``trace()`` is exact."""

from __future__ import annotations

import numpy as np

from .attention import softmax

X = np.array([[1, 0, 1, 0], [0, 2, 0, 2], [1, 1, 1, 1]], dtype=np.float64)
W_KEY = np.array([[0, 0, 1], [1, 1, 0], [0, 1, 0], [1, 1, 0]], dtype=np.float64)
W_QUERY = np.array([[1, 0, 1], [1, 0, 0], [0, 0, 1], [0, 1, 1]], dtype=np.float64)
W_VALUE = np.array([[0, 2, 0], [0, 3, 0], [1, 0, 3], [1, 1, 0]], dtype=np.float64)
# The weights as the article types them in after its softmax step.
ARTICLE_WEIGHTS = np.array([[0.0, 0.5, 0.5], [0.0, 1.0, 0.0], [0.0, 0.9, 0.1]])
STEPS = ("x", "w_key", "w_query", "w_value", "keys", "queries", "values", "scores", "weights", "outputs")


def trace(rounded: bool = False) -> dict[str, np.ndarray]:
    """Every intermediate array, in the order of STEPS. scores[i, j] = query_i . key_j (no 1/sqrt(d));
    outputs[i] = sum_j weights[i, j] * values[j]."""
    keys, queries, values = X @ W_KEY, X @ W_QUERY, X @ W_VALUE
    scores = queries @ keys.T
    weights = ARTICLE_WEIGHTS.copy() if rounded else softmax(scores)
    return dict(zip(STEPS, (X, W_KEY, W_QUERY, W_VALUE, keys, queries, values, scores, weights, weights @ values)))
