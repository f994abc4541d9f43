"""A change recomputes only what depends on it: the state model says which scene fields changed, each view names
the fields its data depends on, and the window fetches a view's data again only when one of those changed. Counted
on the encoding view at 4096 x 1024 (computed in the worker): a click, a hover, a title, the text size or the theme
computes nothing; a parameter computes once."""

import gc

import pytest
import shiboken6
from PySide6.QtCore import QPointF, QSettings, Qt
from PySide6.QtTest import QTest

from posenc_gui.app.state import SceneChange, StateModel
from posenc_gui.app.views import applies
from posenc_gui.app.views.images import cell
from posenc_gui.app.views.encoding import EncodingView
from posenc_gui.app.window import MainWindow
from posenc_gui.core import registry

ROWS, COLUMNS = 4096, 1024


@pytest.fixture
def window(qtbot, qapp, private_settings):
    win = MainWindow(settings=QSettings())
    qtbot.addWidget(win)
    win.warm_up_timer.timeout.disconnect()  # nothing built ahead: a slow computation leaves the window idle long enough
    win.show()
    qtbot.waitExposed(win)
    win.model.set_params({"seq_len": ROWS, "d_model": COLUMNS})
    settle(win, qapp)
    return win


def other_windows_idle(but=None) -> None:
    """Windows of earlier tests, not yet deleted, build nothing ahead meanwhile (it would count). Found among Python's
    objects, each checked alive: walking ``QApplication.topLevelWidgets()`` while earlier tests' widgets were being
    deleted crashed the interpreter (a segfault in a fresh-clone CI run)."""
    for window in [item for item in gc.get_objects() if isinstance(item, MainWindow)]:
        if window is not but and shiboken6.isValid(window):
            window.warm_up_timer.stop()


def settle(window, qapp) -> None:
    """Every computation started has been drawn; nothing is built ahead meanwhile (an idle window would)."""
    window.finish_work()
    for _ in range(3):
        qapp.processEvents()
    window.warm_up_timer.stop()


@pytest.fixture
def computations(qapp, monkeypatch):
    """Counts of the core's computations and of the views' fetches, from any thread. Windows of earlier tests, not yet
    deleted, build nothing ahead meanwhile (it would count)."""
    other_windows_idle()
    counts = {"compute": 0, "fetch": 0}
    compute, fetch = registry.Method.compute, EncodingView.fetch

    def counted_compute(self, *args, **kwargs):
        counts["compute"] += 1
        return compute(self, *args, **kwargs)

    def counted_fetch(scene):
        counts["fetch"] += 1
        return fetch(scene)

    monkeypatch.setattr(registry.Method, "compute", counted_compute)
    monkeypatch.setattr(EncodingView, "fetch", staticmethod(counted_fetch))
    return counts


def viewport_point(view, row: int, column: int):
    """Where cell (row, column) of the heatmap is on the view's plots' viewport."""
    scene_point = view.heat.vb.mapViewToScene(QPointF(column, row))
    return view.graphics.mapFromScene(scene_point)


def clicked_cell(view, point) -> tuple[int, int]:
    """The heatmap cell under a point of the viewport (a cell is under a pixel: not the one aimed at; a mouse event's
    scene position may fall in the neighbouring cell)."""
    at = view.heat.vb.mapSceneToView(view.graphics.mapToScene(point))
    return cell(view.data, at.x(), at.y())


def near(value: int, aimed: int) -> bool:
    return abs(value - aimed) <= 1


def click_column(window, qapp):
    view = window.current_view
    point = viewport_point(view, 100, 40)
    before = set(window.model.scene.dims)
    QTest.mouseClick(view.graphics.viewport(), Qt.LeftButton, Qt.NoModifier, point)
    added = set(window.model.scene.dims) - before
    assert len(added) == 1 and near(added.pop(), clicked_cell(view, point)[1])


def shift_click_row(window, qapp):
    view = window.current_view
    point = viewport_point(view, 300, 10)
    QTest.mouseClick(view.graphics.viewport(), Qt.LeftButton, Qt.ShiftModifier, point)
    assert window.model.scene.position > 0 and near(window.model.scene.position, clicked_cell(view, point)[0])


def hover(window, qapp):
    view = window.current_view
    QTest.mouseMove(view.graphics.viewport(), viewport_point(view, 7, 5))
    qapp.processEvents()
    assert window.hover_label.text().startswith("position ")


CHANGES_THAT_COMPUTE_NOTHING = {
    "column click": click_column,
    "row click (shift)": shift_click_row,
    "hover": hover,
    "chosen dimensions cleared": lambda window, qapp: window.model.update(dims=()),
    "title": lambda window, qapp: window.model.update(title="Four layouts", notes="read slowly"),
    "text size": lambda window, qapp: window.set_text_scale(1.3),
    "theme": lambda window, qapp: window.set_theme("dark"),
}


@pytest.mark.parametrize("change", CHANGES_THAT_COMPUTE_NOTHING)
def test_a_change_outside_the_views_data_computes_nothing(window, qapp, computations, change):
    CHANGES_THAT_COMPUTE_NOTHING[change](window, qapp)
    settle(window, qapp)
    assert computations == {"compute": 0, "fetch": 0}


def test_a_parameter_change_computes_once(window, qapp, computations):
    window.model.set_param("base", 5000.0)
    settle(window, qapp)
    assert computations == {"compute": 1, "fetch": 1}
    assert window.current_view.data.shape == (ROWS, COLUMNS)


def test_a_selection_drawn_from_the_kept_data_looks_as_the_whole_drawing(window, qapp):
    """The curves of a column and a row clicked, drawn alone from the table kept (``show_selection``), look as the
    whole view drawn again from that table (``show_data``, what every change did before)."""
    click_column(window, qapp)
    shift_click_row(window, qapp)
    settle(window, qapp)
    view = window.current_view
    selected = view.grab().toImage()
    view.show_data(window.model.scene, window.drawer.fetched[view][1])
    qapp.processEvents()
    assert view.grab().toImage() == selected


def test_the_model_says_which_fields_changed(qapp):
    model = StateModel(views=applies())
    changes = []
    model.edited.connect(changes.append)
    old = model.scene
    model.update(position=3, dims=(1,))
    model.update(position=3)  # no change: nothing said
    assert changes == [SceneChange(old, model.scene, frozenset({"position", "dims"}))]
