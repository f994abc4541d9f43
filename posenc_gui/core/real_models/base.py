"""What every real model shares: where its files live, lazy thread-safe loading, and the typed results.

A real model is a trained Transformer whose weights are read from files fetched by
``scripts/fetch_models.py`` (they are too large for git). Each model module subclasses ``RealModel``,
gives its name, sizes and files, and implements ``_load``, ``tokenize`` and ``forward``; the registry in
``__init__`` lists them. Nothing here imports Qt or torch."""

from __future__ import annotations

import importlib.util
import os
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..models import QT_TRANSLATE_NOOP
from ..params import InputError, Term
from ...paths import resources_dir

MODELS_ENV = "POSENC_MODELS_DIR"


def fetch_hint() -> Term:
    """How to get the models on this system: from what installs the app here (the Linux models package, the Windows
    setup's component, the app in the macOS image), or in a source checkout with the fetch script. A Term: the app shows
    it in the interface's language (written out whole, for lupdate to find)."""
    if sys.platform == "win32":
        return Term(QT_TRANSLATE_NOOP("errors", "run the PosEnc Explorer setup again with its Real models component, "
                                      "or from the source run python3 scripts/fetch_models.py (python3 scripts/dev.py "
                                      "run fetches them too)"))
    if sys.platform == "darwin":
        return Term(QT_TRANSLATE_NOOP("errors", "install PosEnc Explorer again from its .dmg (its app carries them), "
                                      "or from the source run python3 scripts/fetch_models.py (python3 scripts/dev.py "
                                      "run fetches them too)"))
    return Term(QT_TRANSLATE_NOOP("errors", "install the posenc-gui-models package (sudo apt install "
                                  "posenc-gui-models), or from the source run python3 scripts/fetch_models.py "
                                  "(python3 scripts/dev.py run fetches them too)"))


FETCH_HINT = fetch_hint()


class ModelsMissing(InputError):
    """A model's files are not installed; the message says where they were looked for and how to get them."""


def user_models_dir() -> Path:
    """Where ``scripts/fetch_models.py`` puts the models by default: the user's data folder, so that every
    clone and install of the app on this account shares one copy (and the app-only installers stay small)."""
    if sys.platform == "win32":
        root = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        root = Path.home() / "Library" / "Application Support"
    else:
        root = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return root / "posenc-gui" / "models"


def system_models_dirs() -> list[Path]:
    """Where an installer puts the models for every account: on Linux ``posenc-gui/models`` in each of the XDG
    data folders (``/usr/local/share``, ``/usr/share``: the ``posenc-gui-models`` package installs into
    ``/usr/share/posenc-gui/models``), on Windows in ProgramData, on macOS in /Library/Application Support.
    A frozen app searches the same folders: they do not depend on where the app itself is."""
    if sys.platform == "win32":
        roots = [Path(os.environ.get("PROGRAMDATA") or "C:/ProgramData")]
    elif sys.platform == "darwin":
        roots = [Path("/Library/Application Support")]
    else:
        roots = [Path(folder) for folder in
                 (os.environ.get("XDG_DATA_DIRS") or "/usr/local/share:/usr/share").split(":") if folder]
    return [root / "posenc-gui" / "models" for root in roots]


def frozen_app_models_dir() -> Path | None:
    """Where an installer that carries the models puts them beside a frozen (PyInstaller) app, or None when the app
    runs from source or a wheel: in a macOS ``.app`` the bundle's ``Contents/Resources/models`` (the .dmg's copy,
    moved with the app and sealed by its signature), elsewhere ``models`` beside the executable (the Windows
    installer's "Real models" component, or a Linux one-dir unpacked with them). Outside ``_internal`` so that the
    app's own files stay the one-dir PyInstaller made."""
    if not getattr(sys, "frozen", False):
        return None
    executable = Path(sys.executable).resolve()
    if sys.platform == "darwin" and executable.parent.name == "MacOS" and executable.parent.parent.name == "Contents":
        return executable.parent.parent / "Resources" / "models"
    return executable.parent / "models"


def models_dirs() -> list[Path]:
    """Folders searched for model files, in this order (a model is read from the first that holds all of its
    files): $POSENC_MODELS_DIR, the user's data folder (``scripts/fetch_models.py``), models shipped inside
    the app in ``resources/models``, those an installer put beside a frozen app, then the system folders a models
    package installs into. The user's copy comes before the installed ones so that a user can try other files
    without being root or reinstalling."""
    dirs = []
    if os.environ.get(MODELS_ENV):
        dirs.append(Path(os.environ[MODELS_ENV]))
    dirs.append(user_models_dir())
    try:
        dirs.append(resources_dir() / "models")
    except FileNotFoundError:
        pass
    beside_app = frozen_app_models_dir()
    if beside_app is not None:
        dirs.append(beside_app)
    return dirs + system_models_dirs()


@dataclass(frozen=True)
class Tokens:
    """A tokenised text: vocabulary ids and the text each token stands for (special tokens included)."""

    ids: np.ndarray  # (n,) int64
    strings: tuple[str, ...]
    cut_from: int | None = None  # the text's full length in tokens, when it was capped

    def __len__(self) -> int:
        return len(self.strings)

    def first(self, n: int, keep_last: bool = False) -> "Tokens":
        """The first n tokens (with ``keep_last``, the first n-1 and the final one, e.g. [SEP])."""
        if len(self) <= n:
            return self
        keep = np.r_[0:n - 1, len(self) - 1] if keep_last else np.arange(n)
        return Tokens(self.ids[keep], tuple(self.strings[i] for i in keep), len(self))


@dataclass(frozen=True)
class AttentionResult:
    """One forward pass: every layer's attention per query head, and for a causal model the distribution
    of the token that would follow the text."""

    tokens: Tokens
    attention: np.ndarray  # (layers, heads, n, n) float32, rows sum to 1 (query i attends to key j)
    next_token: np.ndarray | None = None  # (vocabulary,) float32 probabilities, causal models only


@dataclass(frozen=True)
class TokenProbability:
    id: int
    text: str
    probability: float


READERS = ("safetensors", "gguf", "tokenizers")  # the packages that read the weights and the tokenizers


class RealModel:
    """A trained model read from files, loaded on first use (once, whichever thread asks first)."""

    name: str = ""
    title: str = ""
    citation: str = ""
    causal: bool = False
    layers: int = 0
    heads: int = 0
    max_tokens: int = 0
    files: tuple[str, ...] = ()
    ablation_type: type = type(None)

    def __init__(self):
        self._lock = threading.Lock()
        self._loaded = False

    def folder(self) -> Path | None:
        """The first searched folder that holds every file of this model, or None."""
        for folder in models_dirs():
            if all((folder / name).is_file() for name in self.files):
                return folder
        return None

    def available(self) -> bool:
        """Whether the model's files are installed and the packages that read them importable."""
        return self.folder() is not None and all(importlib.util.find_spec(name) for name in READERS)

    def load(self) -> None:
        """Read the weights and tokenizer (seconds; call it off the GUI thread). Raises ModelsMissing."""
        with self._lock:
            if self._loaded:
                return
            folder = self.folder()
            if folder is None:
                raise ModelsMissing("model {0} is not installed: its files ({1}) are in none of {2}; to get them, "
                                    "{3}", self.name, ", ".join(self.files),
                                    ", ".join(str(d) for d in models_dirs()), FETCH_HINT)
            try:
                self._load(folder)
            except ImportError as error:
                raise ModelsMissing("model {0} needs the Python package {1}: pip install safetensors gguf "
                                    "tokenizers", self.name, error.name) from None
            self._loaded = True

    def unload(self) -> None:
        """Forget the weights (hundreds of MB for SmolLM2); the next use loads them again."""
        with self._lock:
            for key in [key for key in vars(self) if key not in ("_lock", "_loaded")]:
                delattr(self, key)
            self._loaded = False

    def tokenize(self, text: str, limit: int | None = None) -> Tokens:
        """The text as this model's tokenizer splits it; InputError if it is empty, or longer than the model
        takes. With ``limit``, a longer text is capped at that many tokens instead (``cut_from`` says from how
        many), as a live view does to stay fast."""
        if not text or not text.strip():
            raise InputError("the text is empty; type a sentence")
        self.load()
        tokens = self._tokenize(text)
        if limit is not None:
            tokens = self._cap(tokens, min(limit, self.max_tokens))
        if len(tokens) > self.max_tokens:
            raise InputError("the text is {0} tokens long; {1} takes at most {2}", len(tokens), self.name,
                             self.max_tokens)
        return tokens

    def forward(self, tokens: Tokens, ablation=None, next_token: bool = True) -> AttentionResult:
        """Run the model on tokens with the positions changed as ``ablation`` says (None: as trained). Without
        ``next_token`` a causal model leaves out the next-token distribution (SmolLM2: a product with its whole
        embedding table, a tenth of a pass), and ``next_token`` of the result is None."""
        self.load()
        ablation = self.trained() if ablation is None else ablation
        if not isinstance(ablation, self.ablation_type):
            raise TypeError(f"{self.name} takes a {self.ablation_type.__name__}, not {type(ablation).__name__}")
        return self._forward(tokens, ablation, next_token)

    def forward_many(self, tokens: Tokens, ablations: tuple, next_token: bool = True) -> list[AttentionResult]:
        """``forward`` under each of several ablations (the trained model and an ablated one, for a comparison),
        as cheaply as the model can: by default at the same time in helper threads (NumPy releases the GIL in its
        products); a model may compute them together instead."""
        self.load()
        for ablation in ablations:
            if not isinstance(ablation, self.ablation_type):
                raise TypeError(f"{self.name} takes a {self.ablation_type.__name__}, not {type(ablation).__name__}")
        return self._forward_many(tokens, tuple(ablations), next_token)

    def _forward_many(self, tokens: Tokens, ablations: tuple, next_token: bool) -> list[AttentionResult]:
        """All passes but the last in the helper threads, the last in this thread."""
        elsewhere = [helper().submit(self._forward, tokens, ablation, next_token) for ablation in ablations[:-1]]
        last = self._forward(tokens, ablations[-1], next_token)
        return [future.result() for future in elsewhere] + [last]

    def trained(self):
        """The ablation that leaves the positions as trained."""
        return self.ablation_type()

    def run(self, text: str, ablation=None, next_token: bool = True) -> AttentionResult:
        """Tokenise and run in one call."""
        return self.forward(self.tokenize(text), ablation, next_token)

    def top_next_tokens(self, result: AttentionResult, k: int = 10) -> tuple[TokenProbability, ...]:
        """The k most likely next tokens, most likely first, ties in the order of their ids (causal models only).
        Only the tokens at least as likely as the k-th are sorted, not the whole vocabulary."""
        if result.next_token is None:
            raise InputError("{0} does not predict a next token (it is not a causal model)", self.name)
        probabilities = result.next_token
        k = min(k, len(probabilities))
        if k <= 0:
            return ()
        kth = np.partition(probabilities, len(probabilities) - k)[len(probabilities) - k]
        candidates = np.flatnonzero(probabilities >= kth)
        order = candidates[np.argsort(-probabilities[candidates], kind="stable")][:k]
        return tuple(TokenProbability(int(i), self.token_text(int(i)), float(probabilities[i])) for i in order)

    def token_text(self, token_id: int) -> str:
        raise NotImplementedError

    def _cap(self, tokens: Tokens, limit: int) -> Tokens:
        return tokens.first(limit)

    def _load(self, folder: Path) -> None:
        raise NotImplementedError

    def _tokenize(self, text: str) -> Tokens:
        raise NotImplementedError

    def _forward(self, tokens: Tokens, ablation, next_token: bool) -> AttentionResult:
        raise NotImplementedError


_helper: ThreadPoolExecutor | None = None
_helper_lock = threading.Lock()


def helper() -> ThreadPoolExecutor:
    """The helper threads that run passes at the same time as the calling thread (made on first use)."""
    global _helper
    with _helper_lock:
        if _helper is None:
            _helper = ThreadPoolExecutor(max_workers=2, thread_name_prefix="real-model-pass")
        return _helper


def softmax_rows(scores: np.ndarray) -> np.ndarray:
    """Softmax over the last axis, in place, stable against large scores (-inf entries give 0)."""
    scores -= scores.max(axis=-1, keepdims=True)
    np.exp(scores, out=scores)
    scores /= scores.sum(axis=-1, keepdims=True)
    return scores
