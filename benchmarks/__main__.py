"""Run every benchmark: `python -m benchmarks [name ...]` (or `make bench`).

Each figure is printed as a ratio against its peer measured in the same run, so that the load of a
shared machine cancels out. Names: sinusoidal, attention, soak, latency, real_models, gui_thread,
build_ahead, keystroke.
"""

from __future__ import annotations

import argparse
import importlib
import os
import platform
import sys
import time

from posenc_gui.__main__ import use_one_blas_thread

use_one_blas_thread()  # measure NumPy as the app runs it (before anything imports NumPy)

BENCHMARKS = {
    "sinusoidal": "benchmarks.bench_sinusoidal",
    "attention": "benchmarks.bench_attention",
    "soak": "benchmarks.bench_soak",
    "latency": "benchmarks.bench_latency",
    "real_models": "benchmarks.bench_real_models",
    "gui_thread": "benchmarks.bench_gui_thread",
    "build_ahead": "benchmarks.bench_build_ahead",
    "keystroke": "benchmarks.bench_keystroke",
}


def print_rows(rows: list[dict]) -> None:
    for r in rows:
        print(f"{r['name']:<34} {r['ours']} {r['seconds'] * 1e3:9.2f} ms | {r['peer']} "
              f"{r['peer_seconds'] * 1e3:9.2f} ms | ratio {r['ratio']:6.2f}x"
              + (f"  ({r['note']})" if r.get("note") else ""))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", metavar="NAME",
                        help=f"benchmarks to run: {', '.join(BENCHMARKS)} (default: all)")
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args(argv)
    unknown = sorted(set(args.names) - set(BENCHMARKS))
    if unknown:
        parser.error(f"unknown benchmark {', '.join(unknown)}; known: {', '.join(BENCHMARKS)}")
    import numpy

    print(f"# {time.strftime('%Y-%m-%d %H:%M')} | {platform.machine()} | Python {platform.python_version()} "
          f"| NumPy {numpy.__version__} | OPENBLAS_NUM_THREADS={os.environ['OPENBLAS_NUM_THREADS']} "
          f"| {platform.processor() or platform.platform()}")
    for name in args.names or list(BENCHMARKS):
        try:
            module = importlib.import_module(BENCHMARKS[name])
        except ModuleNotFoundError as exc:
            print(f"{name}: skipped ({exc})")
            continue
        print_rows(module.run(repeats=args.repeats))
    return 0


if __name__ == "__main__":
    sys.exit(main())
