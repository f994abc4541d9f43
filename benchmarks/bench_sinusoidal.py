"""Sinusoidal 4096 x 1024: the core's display path against the code of seed 000 and seed 003."""

from __future__ import annotations

import numpy as np

from benchmarks.timing import median_wall_and_cpu, ratio_rows
from posenc_gui.core import get

SEQ_LEN, D_MODEL = 4096, 1024


def seed000(seq_len, d_model):
    """The NumPy function of seed 000 (div_term via exp/log, strided sin and cos writes), float64."""
    position = np.arange(seq_len)[:, np.newaxis]
    div_term = np.exp(np.arange(0, d_model, 2) * -(np.log(10000.0) / d_model))
    pe = np.zeros((seq_len, d_model))
    pe[:, 0::2] = np.sin(position * div_term)
    pe[:, 1::2] = np.cos(position * div_term)
    return pe


def seed003(seq_len, d_model):
    """The meshgrid code of seed 003: full sin and cos grids, then a column loop, float64."""
    x = np.linspace(0, d_model - 1, d_model)
    y = np.linspace(0, seq_len - 1, seq_len)
    xx, yy = np.meshgrid(x, y)
    z_even = np.sin(yy / np.power(10000, xx / d_model))
    z_odd = np.cos(yy / np.power(10000, xx / d_model))
    for i in range(d_model // 2):
        z_odd[:, 2 * i] = z_even[:, 2 * i]
    return z_odd


def run(repeats: int = 7) -> list[dict]:
    method = get("sinusoidal")
    values = {"seq_len": SEQ_LEN, "d_model": D_MODEL}
    exact = method.compute("encoding", values)
    shown = method.compute("encoding", values, display=True)
    error = float(np.abs(shown.astype(np.float64) - exact).max())
    assert np.abs(seed000(64, 16) - method.compute("encoding", {"seq_len": 64, "d_model": 16})).max() < 1e-12
    wall, cpu = median_wall_and_cpu({
        "core display path (float32)": lambda: method.compute("encoding", values, display=True),
        "seed 000 NumPy (float64)": lambda: seed000(SEQ_LEN, D_MODEL),
        "seed 003 meshgrid (float64)": lambda: seed003(SEQ_LEN, D_MODEL),
    }, repeats=repeats)
    note = f"max |error| vs float64 = {error:.1e} (target <= 1e-5); target ratio vs seed 000 >= 10"
    return (ratio_rows(f"sinusoidal {SEQ_LEN}x{D_MODEL}", "core display path (float32)", wall, note)
            + ratio_rows("  the same, CPU time", "core display path (float32)", cpu, note))


if __name__ == "__main__":
    from benchmarks.__main__ import print_rows

    print_rows(run())
