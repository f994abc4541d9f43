"""Views: widgets that draw what the core computed for the current scene.

``VIEWS`` lists them in tab order, {key: (title, applies_to(method) -> bool, widget class)}; the
state model validates scenes' view keys against it (``applies``).
"""

from __future__ import annotations

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

VIEWS = {cls.key: (cls.title, cls.applies_to, cls) for cls in VIEW_CLASSES}


def applies() -> dict:
    """{key: applies_to} for ``StateModel(views=...)`` and ``Deck.load(..., views=...)``."""
    return {key: entry[1] for key, entry in VIEWS.items()}
