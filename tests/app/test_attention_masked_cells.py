"""Keys a query cannot see are drawn as masked in the attention view (hatched, no number, named on hover), as in the
bias view, not as a weight of 0: Layer patterns' sliding window and the causal mask."""

import numpy as np

from posenc_gui.app import style
from posenc_gui.app.state import Scene, StateModel
from posenc_gui.app.views import applies
from posenc_gui.app.views.attention import AttentionView

TEXT = "the cat chases the mouse across the garden"


def shown(qtbot, scene):
    model = StateModel(scene, views=applies())
    view = AttentionView(model)
    qtbot.addWidget(view)
    view.set_look(style.theme_named("dark"), style.BASE_POINTS)
    view.resize(1280, 800)
    view.show()
    view.show_data(model.scene, view.fetch(model.scene))
    return view


def numbered_cells(view, panel=0):
    return {(row, col) for row, col, _text, _colour in view.grid.texts[view.plots[panel]].labels}


def test_cells_outside_a_sliding_window_are_masked_not_zero(qtbot):
    """Gemma 3's layer 0 with a window of 3 (the deck's scene): query 5 sees keys 3 to 5 only; key 2 is outside the
    window, key 6 is in the future."""
    view = shown(qtbot, Scene(method="layers", view="attention", text=TEXT, head=0, causal=True,
                              params={"pattern": "gemma3", "d_model": 256, "layer": 0, "window": 3}))
    image = view.grid.pool[0][1].image
    assert np.isnan(image[5, 2]) and np.isnan(image[5, 6]) and not np.isnan(image[5, 3:6]).any()
    assert (5, 2) not in numbered_cells(view) and (5, 4) in numbered_cells(view)
    assert "masked" in view.hover_text(view.plots[0], 2.0, 5.0)
    assert "weight" in view.hover_text(view.plots[0], 4.0, 5.0)
    assert view.plots[0].vb.background.isVisible()  # the hatching under the transparent masked cells
    assert not np.isnan(view.shown["weights"]).any()  # the data exported stays the weights, 0 where masked


def test_causal_masks_every_panel_with_the_parts(qtbot):
    view = shown(qtbot, Scene(method="alibi", view="attention", text="a b c d", head=1, causal=True,
                              position_only=True))
    assert len(view.panels) == 3
    for panel in range(3):
        image = view.grid.pool[panel][1].image
        assert np.isnan(image[0, 3]) and not np.isnan(image[3, 0])


def test_without_a_mask_nothing_is_hatched(qtbot):
    view = shown(qtbot, Scene(method="alibi", view="attention", text="a b c d", head="all", causal=False))
    assert not any(np.isnan(view.grid.pool[panel][1].image).any() for panel in range(len(view.panels)))
    assert not view.plots[0].vb.background.isVisible()
