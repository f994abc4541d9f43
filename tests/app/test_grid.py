"""Items the views move around a graphics layout (``place`` / ``unplace``) stay in pyqtgraph's own bookkeeping: its
removeItem and clear() still work on them, and cell borders follow them."""

import pyqtgraph as pg

from posenc_gui.app.views.grid import place, unplace


def layout_with_moved_plots(qtbot):
    graphics = pg.GraphicsLayoutWidget()
    qtbot.addWidget(graphics)
    first, second, bar = pg.PlotItem(), pg.PlotItem(), pg.ColorBarItem(values=(0, 1))
    place(graphics, first, 0, 0)
    place(graphics, second, 0, 1)
    place(graphics, bar, 0, 2)
    unplace(graphics, second)
    place(graphics, first, 1, 0)  # moved from another cell
    place(graphics, bar, 0, 1, rowspan=2)
    return graphics, first, second, bar


def test_pyqtgraph_can_remove_an_item_the_app_placed(qtbot):
    graphics, first, second, bar = layout_with_moved_plots(qtbot)
    layout = graphics.ci
    assert layout.getItem(1, 0) is first and layout.getItem(0, 1) is bar and layout.getItem(1, 1) is bar
    assert set(layout.itemBorders) == {first, bar}  # a border for every placed item, none for the one taken out
    layout.removeItem(first)
    assert layout.getItem(1, 0) is None and first not in layout.itemBorders and layout.layout.count() == 1
    layout.clear()
    assert layout.items == {} and layout.itemBorders == {} and layout.layout.count() == 0
    assert second.scene() is graphics.scene() and not second.isVisible()  # kept in the scene, hidden, for later


def test_a_cell_border_follows_an_item_the_app_placed(qtbot):
    graphics, first, _second, bar = layout_with_moved_plots(qtbot)
    graphics.ci.setBorder("r")
    graphics.resize(600, 400)
    graphics.show()
    qtbot.waitExposed(graphics)
    for item in (first, bar):
        assert graphics.ci.itemBorders[item].rect() == item.mapRectToParent(item.boundingRect())
