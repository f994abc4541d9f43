"""PosEnc Explorer: Transformer positional encodings and self-attention, visible and live."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("posenc-gui")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"
