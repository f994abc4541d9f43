"""Views: widgets that draw what the core computed for the current scene.

``VIEWS`` lists them in tab order, {key: (title, applies_to(method) -> bool, widget class)}; the
state model validates scenes' view keys against it (``applies``).
"""

from __future__ import annotations

from ...core.named_registry import NamedRegistry
from .attention import AttentionView
from .encoding import EncodingView
from .lessons import (ClocksLesson, ContextExtensionLesson, ImagesLesson, LayersLesson, LearnedTableLesson,
                      MRopeLesson, MultiHeadLesson, OrderLesson, PrecisionLesson, RealPositionLesson,
                      RelativePropertyLesson, WalkthroughLesson)
from .model_config import ModelConfigView
from .outputs import OutputsView
from .real_model import RealModelView
from .reference import ChoosingPage, ModelsPage, TimelinePage
from .relative import BiasView, DecayView, FrequencyView, SlopesView

# In navigation order; lessons and reference pages add one line each.
VIEW_CLASSES = (
    EncodingView,
    AttentionView,
    BiasView,
    SlopesView,
    DecayView,
    FrequencyView,
    OutputsView,
    RealModelView,
    ModelConfigView,
    WalkthroughLesson,
    MultiHeadLesson,
    OrderLesson,
    RelativePropertyLesson,
    ImagesLesson,
    MRopeLesson,
    LayersLesson,
    ClocksLesson,
    ContextExtensionLesson,
    PrecisionLesson,
    LearnedTableLesson,
    RealPositionLesson,
    ModelsPage,
    TimelinePage,
    ChoosingPage,
)

VIEWS: NamedRegistry[tuple] = NamedRegistry("view")  # two views under one key: refused, not one hidden
for _cls in VIEW_CLASSES:
    VIEWS.add((_cls.title, _cls.applies_to, _cls), _cls.key)


def applies() -> dict:
    """{key: applies_to} for ``StateModel(views=...)`` and ``Deck.load(..., views=...)``."""
    return {key: entry[1] for key, entry in VIEWS.items()}
