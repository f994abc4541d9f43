"""Writing files whole or not at all, and arrays as CSV; no Qt, so the headless CLI can use it."""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path
from typing import BinaryIO, Callable

import numpy as np

from .core import cancel
from .core.params import InputError

WRITE_CHUNK = 16 * 1024**2  # bytes written between two checks for a cancelled export


def write_atomic(path: str | os.PathLike, write: Callable[[BinaryIO], None]) -> None:
    """Have ``write`` fill a temporary file in the same folder, then move it onto ``path``.

    The new file gets the mode of the one it replaces, or the usual mode for a new file (not the
    owner-only mode of temporary files). On any failure the temporary file is removed and ``path``
    keeps its old content; an OSError becomes an InputError naming the path.
    """
    path = Path(path)
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
        with os.fdopen(fd, "wb") as handle:
            write(handle)
        os.chmod(tmp, path.stat().st_mode & 0o7777 if path.exists() else 0o666 & ~current_umask())
        cancel.check()  # a cancelled export leaves the old file as it was
        os.replace(tmp, path)
    except BaseException as error:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
        if isinstance(error, OSError):
            raise InputError("cannot write {0}: {1}", str(path), str(error.strerror or error)) from None
        raise


def current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_bytes_atomic(path: str | os.PathLike, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically; InputError on failure. Written in chunks, so that an export
    cancelled in the app (``core.cancel``) stops within one chunk."""
    def write(handle: BinaryIO) -> None:
        view = memoryview(data)
        for start in range(0, len(view), WRITE_CHUNK):
            cancel.check()
            handle.write(view[start:start + WRITE_CHUNK])

    write_atomic(path, write)


def write_text_atomic(path: str | os.PathLike, text: str) -> None:
    """Write ``text`` as UTF-8 to ``path`` atomically; InputError on failure."""
    write_bytes_atomic(path, text.encode("utf-8"))


def write_csv(handle: BinaryIO | io.TextIOBase, array: np.ndarray) -> None:
    """Write ``array`` as CSV. 1-D: ``index,value`` rows; 2-D: a header of column indices then
    ``row,values...``; 3-D (heads, queries, keys): long format ``head,query,key,value``.
    Integers are written as integers, floats with 17 significant digits (exact round trip)."""
    array = np.asarray(array)
    value = "%d" if array.dtype.kind in "iub" else "%.17g"

    def header(text: str) -> None:
        handle.write(text.encode() if not isinstance(handle, io.TextIOBase) else text)

    if array.ndim == 1:
        header("index,value\n")
        np.savetxt(handle, np.column_stack([np.arange(len(array)), array]), delimiter=",", fmt=["%d", value])
    elif array.ndim == 2:
        header("row," + ",".join(str(c) for c in range(array.shape[1])) + "\n")
        np.savetxt(handle, np.column_stack([np.arange(array.shape[0]), array]), delimiter=",",
                   fmt=["%d"] + [value] * array.shape[1])
    elif array.ndim == 3:
        header("head,query,key,value\n")
        h, q, k = np.indices(array.shape).reshape(3, -1)
        np.savetxt(handle, np.column_stack([h, q, k, array.ravel()]), delimiter=",",
                   fmt=["%d", "%d", "%d", value])
    else:
        raise InputError("CSV holds 1-, 2- or 3-D arrays; this one is {0}-D (use .npy)", array.ndim)


def csv_text(array: np.ndarray) -> str:
    """``array`` as CSV text (see ``write_csv``)."""
    out = io.StringIO()
    write_csv(out, array)
    return out.getvalue()
