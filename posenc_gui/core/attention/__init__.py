"""Self-attention in NumPy: softmax, masks, multi-head split and merge, scaled dot-product attention
(``operations``), and ``attention_for`` (``toy``), which applies any registered method to toy token embeddings the
way that method enters a Transformer (added to the input, rotating q and k, or biasing the logits)."""

from .operations import (causal_mask, merge_heads, multi_head, scaled_dot_product, softmax, softmax_inplace,
                         softmax_with_sinks_inplace, split_heads, valid_lens_mask)
from .toy import CACHE_BYTES, AttentionResult, attention_for, attention_peak, drawing_projection_bank, how_applied

__all__ = ["CACHE_BYTES", "AttentionResult", "attention_for", "attention_peak", "causal_mask", "drawing_projection_bank",
           "how_applied", "merge_heads", "multi_head", "scaled_dot_product", "softmax", "softmax_inplace",
           "softmax_with_sinks_inplace", "split_heads", "valid_lens_mask"]
