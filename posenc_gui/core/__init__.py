"""The compute core: pure NumPy, no Qt. Every method registers itself in ``registry``."""

from .params import InputError, Param
from .registry import Method, Output, by_family, get, memory_budget, all_methods, methods_with

__all__ = ["InputError", "Param", "Method", "Output", "by_family", "get", "memory_budget",
           "all_methods", "methods_with"]
