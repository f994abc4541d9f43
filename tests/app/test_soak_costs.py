"""Work a soak of seeded changes repeated with the same inputs, each counted (never timed): the like-for-like soak ran at
0.58-0.77x of 2d32621's changes per CPU-second (issue 21's "no slower than before"; benchmarks/README.md)."""

from posenc_gui.app.state import Scene
from posenc_gui.app.views import applies, grid_fit
from posenc_gui.app.views.relative import BiasView

from test_grid_fills_room import columns_of, shown_view
from test_repeats_cost_nothing import count_calls


def test_a_grid_of_square_cells_keeps_its_arrangement_for_a_new_sequence_length(qtbot, qapp, monkeypatch):
    """A new sequence length keeps the proportion of square cells, so the columns and each panel's share: the grid is
    not arranged, capped and the page laid out anew (it was at every other drawing of the attention view in a soak)."""
    scene = Scene(method="alibi", view="bias", head="all", params={"heads": 4, "seq_len": 16}).validated(applies())
    view = shown_view(qtbot, BiasView, scene, 1280, 630, 13.0)
    qapp.processEvents()
    columns = columns_of(view)
    chosen = count_calls(monkeypatch, grid_fit, "best_columns")
    capped = count_calls(monkeypatch, view.grid, "_cap_panels")
    view.model.set_param("seq_len", 24)  # two digits still: the row names as wide
    qapp.processEvents()
    assert view.grid.shape == (24, 24)
    assert chosen == [] and capped == []
    assert columns_of(view) == columns
    view.model.set_param("seq_len", 7)  # narrower row names: the room changed, the grid is fitted to it again
    qapp.processEvents()
    assert chosen and view.grid.shape == (7, 7)
