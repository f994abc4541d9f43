"""The play button's sweeps: evenly spaced steps up from the current value and back, geometric for log-scale
parameters."""

import numpy as np

from posenc_gui.app.panel import SWEEP_STEPS, ParameterPanel
from posenc_gui.app.state import Scene, StateModel
from posenc_gui.app.views import applies


def panel_for(qtbot, method: str, **params) -> ParameterPanel:
    panel = ParameterPanel(StateModel(Scene(method=method, view="encoding", params=params), views=applies()))
    qtbot.addWidget(panel)
    return panel


def test_a_log_scale_parameter_sweeps_by_a_constant_ratio_up_to_a_hundredfold_and_back(qtbot):
    values = panel_for(qtbot, "sinusoidal", base=10000.0).sweep_values("base")
    up = np.array(values[:SWEEP_STEPS + 1])
    assert up[0] == 10000.0 and up[-1] == 1e6 and values[SWEEP_STEPS + 1:] == values[SWEEP_STEPS - 1:0:-1]
    assert np.allclose(up[1:] / up[:-1], 100 ** (1 / SWEEP_STEPS), rtol=1e-3)  # four significant digits kept


def test_positions_sweep_evenly_over_the_sequence(qtbot):
    values = panel_for(qtbot, "sinusoidal", seq_len=241).sweep_values("position")
    assert values[:SWEEP_STEPS + 1] == list(range(0, 241, 2)) and values[-1] == 2
