"""Real trained models whose attention the app shows, with their positions changed.

The registry is the only extension point: a new model is one module here (a ``RealModel`` subclass with
its ablation dataclass, registered below) plus its tests. Every model loads lazily: importing this package
reads no weights.

    model = get("minilm")
    result = model.run("The cat chased the mouse", MiniLMPositions.parse("shuffle:0"))
    result.tokens.strings, result.attention.shape   # ('[CLS]', 'the', ...), (6, 12, 9, 9)

``load`` takes seconds and hundreds of megabytes: call it, or the first ``run``, off the GUI thread.
Loading is locked (the first caller loads, the others wait); ``tokenize`` and ``forward`` only read the
weights, so several threads may run them at once. ``heads`` scores what each head does (previous token,
first token, diagonal, broad) and how much an ablation changes it, for a head finder.
"""

from __future__ import annotations

from ..named_registry import NamedRegistry
from ..params import InputError
from .base import (FETCH_HINT, AttentionResult, ModelsMissing, RealModel, TokenProbability, Tokens,
                   models_dirs, system_models_dirs, user_models_dir)
from .minilm import MiniLM, MiniLMPositions
from .smollm2 import RopeAblation, SmolLM2

MODELS: NamedRegistry[RealModel] = NamedRegistry(
    "model", lambda name, known: InputError("unknown model {0}; models: {1}", repr(name), known), ValueError)
register = MODELS.add
get = MODELS.find  # the registered model of that name, or InputError listing the known ones


register(MiniLM())
register(SmolLM2())

__all__ = ["AttentionResult", "FETCH_HINT", "MODELS", "MiniLM", "MiniLMPositions", "ModelsMissing", "RealModel",
           "RopeAblation", "SmolLM2", "TokenProbability", "Tokens", "get", "models_dirs", "register",
           "system_models_dirs", "user_models_dir"]
