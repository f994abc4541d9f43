"""The guided lessons, one module each, on the shared bases: ``LessonView`` (explanation, typeset formulas,
steps), ``FrequencyLesson`` (controls above, facts below) and ``MatrixLesson`` (labelled matrices).
A new lesson is a module here and one line in ``views.VIEW_CLASSES``."""

from __future__ import annotations

from .clocks import ClocksLesson
from .context_extension import ContextExtensionLesson
from .images import ImagesLesson
from .layers import LayersLesson
from .learned_table import LearnedTableLesson
from .mrope_ids import MRopeLesson
from .multihead import MultiHeadLesson
from .order import OrderLesson
from .precision import PrecisionLesson
from .real_position import RealPositionLesson
from .relative_property import RelativePropertyLesson
from .walkthrough import WalkthroughLesson

__all__ = ["ClocksLesson", "ContextExtensionLesson", "ImagesLesson", "LayersLesson", "LearnedTableLesson",
           "MRopeLesson", "MultiHeadLesson", "OrderLesson", "PrecisionLesson", "RealPositionLesson",
           "RelativePropertyLesson", "WalkthroughLesson"]
