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


def write_arrays(path: str | os.PathLike, arrays: dict[str, np.ndarray]) -> None:
    """Write named arrays, streamed into the temporary file: .npz keeps all of them by name; .npy and
    .csv the first (main) one. The app's data export and the command line's both write this way."""
    path = Path(path)
    if not arrays:
        raise InputError("this view shows no data yet")
    suffix = path.suffix.lower()
    if suffix not in DATA_SUFFIXES:
        raise InputError("cannot write {0}: use one of {1}", path.name, ", ".join(DATA_SUFFIXES))
    main = np.asarray(next(iter(arrays.values())))
    if suffix == ".csv":
        write_atomic(path, lambda handle: write_csv(handle, main))
    elif suffix == ".npy":
        write_atomic(path, lambda handle: np.save(handle, main))
    else:
        write_atomic(path, lambda handle: np.savez(handle, **{name: np.asarray(a) for name, a in arrays.items()}))
