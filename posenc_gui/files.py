"""Writing files whole or not at all, and arrays as CSV / NPY / NPZ; no Qt, so the headless CLI can use it."""

from __future__ import annotations

import io
import os
import re
import signal
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Callable, Iterator

import numpy as np

from .core import cancel
from .core.params import InputError

# A temporary file is named for the app and the process writing it, not for its target: the name is
# short enough to fit wherever the final name fits, and a later write can tell a dead writer's leftover.
TEMPORARY_PREFIX = ".posenc-"
TEMPORARY_NAME = re.compile(r"\.posenc-(\d+)-[a-z0-9_]+\.tmp")
# A leftover is removed only once it has not changed for this long (seconds): a writer in another PID
# namespace or on another host sharing the folder looks dead from here but keeps its file changing.
STALE_AFTER = 10.0
# Signals that end the process by default; while a file is written they remove its temporary file first.
ENDING_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))
DATA_SUFFIXES = (".csv", ".npy", ".npz")


class Terminated(BaseException):
    """An ending signal arrived during a write; like KeyboardInterrupt, no ``except Exception`` stops it."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


@contextmanager
def ending_signals_clean_up() -> Iterator[None]:
    """While the body runs, SIGTERM and SIGHUP (where they would end the process anyway) raise Terminated,
    so the writer's cleanup runs; the same signal then ends the process as it would have. Python runs
    signal handlers on the main thread only: a write on another thread leaves a leftover that the next
    write removes (``remove_stale_temporaries``)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []

    def stop(signum, frame):
        if not caught:  # a second signal must not interrupt the cleanup of the first
            caught.append(signum)
            raise Terminated(signum)

    replaced = [signum for signum in ENDING_SIGNALS if signal.getsignal(signum) == signal.SIG_DFL]
    for signum in replaced:
        signal.signal(signum, stop)
    try:
        yield
    except Terminated as ended:
        for signum in replaced:
            signal.signal(signum, signal.SIG_DFL)
        signal.raise_signal(ended.signum)
        raise
    finally:
        for signum in replaced:
            signal.signal(signum, signal.SIG_DFL)


def process_alive(pid: int) -> bool:
    """Whether process ``pid`` exists here; True where that cannot be asked safely (Windows' os.kill ends it)."""
    if os.name != "posix":
        return True
    try:
        os.kill(pid, 0)
    except PermissionError:  # someone else's process
        return True
    except (OverflowError, OSError):  # no such process (ProcessLookupError), or no such number
        return False
    return True


def remove_stale_temporaries(folder: Path) -> None:
    """Remove this app's temporary files in ``folder`` whose writer is gone (killed by SIGKILL, a power
    cut) and that have not changed for STALE_AFTER seconds. Anything that fails is left as it is."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    now = time.time()
    for entry in entries:
        match = TEMPORARY_NAME.fullmatch(entry.name)
        if match is None:
            continue
        try:
            if (entry.is_file(follow_symlinks=False) and not process_alive(int(match[1]))
                    and now - entry.stat(follow_symlinks=False).st_mtime > STALE_AFTER):
                os.unlink(entry.path)
        except OSError:
            continue

WRITE_CHUNK = 16 * 1024**2  # bytes written between two checks for a cancelled export


def write_atomic(path: str | os.PathLike, write: Callable[[BinaryIO], None]) -> None:
    """Have ``write`` fill a temporary file in the same folder, then move it onto ``path``.

    The new file gets the mode of the one it replaces, or the usual mode for a new file (not the
    owner-only mode of temporary files). On any failure, Ctrl+C, SIGTERM or SIGHUP the temporary file is
    removed and ``path`` keeps its old content; an OSError becomes an InputError naming the path.
    Leftovers of writers that were killed outright are removed first.
    """
    path = Path(path)
    folder = path.parent
    tmp = None
    with ending_signals_clean_up():
        try:
            remove_stale_temporaries(folder)
            fd, tmp = tempfile.mkstemp(prefix=f"{TEMPORARY_PREFIX}{os.getpid()}-", suffix=".tmp", dir=folder)
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


def provenance(method: str, what: str, params: dict | None = None) -> str:
    """One line naming the app and its version, the method, what was exported and its parameters: every
    exported figure and table carries it, so a file found later says how to make it again."""
    from . import __version__

    settings = ", ".join(f"{name}={value}" for name, value in (params or {}).items())
    return f"PosEnc Explorer {__version__}; method {method}; {what}" + (f"; {settings}" if settings else "")


def shortest_texts(values: np.ndarray) -> list[str]:
    """Each value as the shortest text that reads back as the same number of the array's own dtype
    (numpy's round-trip formatting), so float32 data is not padded to float64's 17 digits."""
    if values.dtype.kind in "iub":
        return [str(int(v)) for v in values.tolist()]
    if values.dtype == np.float64:
        return [repr(v) for v in values.tolist()]  # Python's repr is the shortest round trip of a double
    return [str(v) for v in values]  # numpy scalars print their own dtype's shortest round trip


def write_csv(handle: BinaryIO | io.TextIOBase, array: np.ndarray, comment: str = "") -> None:
    """Write ``array`` as CSV, after a ``# comment`` line when given (numpy.loadtxt, pandas with
    ``comment="#"`` and R skip it). 1-D: ``index,value`` rows; 2-D: a header of column indices then
    ``row,values...``; 3-D (heads, queries, keys): long format ``head,query,key,value``."""
    array = np.asarray(array)
    if array.ndim not in (1, 2, 3):
        raise InputError("CSV holds 1-, 2- or 3-D arrays; this one is {0}-D (use .npy)", array.ndim)
    text_handle = isinstance(handle, io.TextIOBase)

    def put(lines: list[str]) -> None:
        text = "".join(lines)
        handle.write(text if text_handle else text.encode("utf-8"))

    if comment:
        put(["# " + " ".join(comment.splitlines()) + "\n"])
    if array.ndim == 1:
        put(["index,value\n"])
        put([f"{i},{v}\n" for i, v in enumerate(shortest_texts(array))])
    elif array.ndim == 2:
        put(["row," + ",".join(str(c) for c in range(array.shape[1])) + "\n"])
        for row, values in enumerate(array):
            put([f"{row}," + ",".join(shortest_texts(values)) + "\n"])
    else:
        put(["head,query,key,value\n"])
        for head in range(array.shape[0]):
            for query in range(array.shape[1]):
                put([f"{head},{query},{key},{v}\n" for key, v in enumerate(shortest_texts(array[head, query]))])


def write_arrays(path: str | os.PathLike, arrays: dict[str, np.ndarray], comment: str = "") -> None:
    """Write named arrays, streamed into the temporary file: .npz keeps all of them by name; .npy and
    .csv the first (main) one. ``comment`` (``provenance``) heads a CSV. The app's data export and the
    command line's both write this way."""
    path = Path(path)
    if not arrays:
        raise InputError("this view shows no data yet")
    suffix = path.suffix.lower()
    if suffix not in DATA_SUFFIXES:
        raise InputError("cannot write {0}: use one of {1}", path.name, ", ".join(DATA_SUFFIXES))
    main = np.asarray(next(iter(arrays.values())))
    if suffix == ".csv":
        write_atomic(path, lambda handle: write_csv(handle, main, comment))
    elif suffix == ".npy":
        write_atomic(path, lambda handle: np.save(handle, main))
    else:
        write_atomic(path, lambda handle: np.savez(handle, **{name: np.asarray(a) for name, a in arrays.items()}))
