"""Entry point of ``posenc-gui`` and ``python -m posenc_gui``.

``posenc-gui export ...`` runs headless (no Qt is imported); anything else opens the app.
"""

from __future__ import annotations

import os
import sys


def use_one_blas_thread() -> None:
    """One OpenBLAS thread (unless the user chose a number): the app's products are small, and waking a
    second thread, or waiting for it on a busy machine, costs more than it gives. Call before NumPy loads."""
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "export":
        from .cli import export_main

        return export_main(argv[1:])
    use_one_blas_thread()
    from .app.main import run_app

    return run_app(argv)


if __name__ == "__main__":
    sys.exit(main())
