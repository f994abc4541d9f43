"""Update latency: a parameter change to repainted pixels, in the app's real views, beside the same
figure drawn with matplotlib (Agg).

Ours: a ``StateModel`` holds the scene; its ``changed`` signal makes the view fetch from the core and
draw (what the window does on the GUI thread), then ``view.graphics.grab()`` paints the plots into a
pixmap. Peer: a matplotlib figure of the same size and panels (``imshow`` heatmaps, colour bar, line
plots) whose artists get the same new arrays, then ``canvas.draw()``. Both compute the arrays with the
same core call, so the ratio measures drawing. The parameter alternates between two values, so every
update really changes the pixels.

Each figure comes twice: wall time, and the process's CPU time (the estimate of an idle machine when
the machine is shared: NumPy runs one OpenBLAS thread here, as in the app).

The last rows isolate what dominated the encoding view before it chose its strokes: repainting four
zigzag curves of 512 points with a 1 px plain pen (what the view now uses for curves that turn every
few pixels), with its wide pen plain (zigzags), and with the wide pen antialiased (smooth curves; every
curve before).
"""

from __future__ import annotations

import os

from benchmarks.timing import median_wall_and_cpu, ratio_rows

WIDTH, HEIGHT = 1600, 900        # the view's size in pixels; matplotlib gets the same at dpi 100
ENCODING_SIZES = ((128, 128), (512, 512), (4096, 1024))
TOKENS, HEADS = 256, 8
FRAME_MS = 1000 / 60             # target for 512 x 512: one frame at 60 Hz
OURS = "app view (pyqtgraph)"
PEER = "matplotlib Agg imshow + draw"


def qt_app():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from posenc_gui.app import style

    app = QApplication.instance() or QApplication(["posenc-gui-bench"])
    style.apply_app_theme(app, style.theme_named("light"), style.BASE_POINTS)
    return app


def live_view(view_class, scene):
    """A shown view of WIDTH x HEIGHT driven by a StateModel, as the window drives it."""
    from posenc_gui.app import style
    from posenc_gui.app.state import StateModel
    from posenc_gui.app.views import applies

    model = StateModel(scene, views=applies())
    view = view_class(model)
    view.set_look(style.theme_named("light"), style.BASE_POINTS)
    view.resize(WIDTH, HEIGHT)
    view.show()
    model.changed.connect(lambda new: view.show_data(new, view.fetch(new)))
    view.show_data(model.scene, view.fetch(model.scene))
    return model, view


def alternate(first, second):
    """A function returning first, second, first, ... on successive calls."""
    state = {"flip": False}

    def next_value():
        state["flip"] = not state["flip"]
        return first if state["flip"] else second
    return next_value


def encoding_candidates(seq_len: int, d_model: int):
    """(ours, peer, close): one update of the encoding view and of its matplotlib twin (a plain Agg
    figure, not registered with pyplot, so it needs no closing)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from posenc_gui.app.state import Scene
    from posenc_gui.app.views.encoding import EncodingView
    from posenc_gui.core import get

    params = {"seq_len": seq_len, "d_model": d_model}
    model, view = live_view(EncodingView, Scene(method="sinusoidal", params=params, view="encoding"))
    dims = list(model.scene.dims)
    ours_base, peer_base = alternate(5000.0, 10000.0), alternate(5000.0, 10000.0)

    def ours():
        model.set_param("base", ours_base())
        view.graphics.grab()

    method = get("sinusoidal")
    data = method.compute("encoding", params, display=True)
    figure = Figure(figsize=(WIDTH / 100, HEIGHT / 100), dpi=100)
    canvas = FigureCanvasAgg(figure)
    grid = figure.add_gridspec(2, 2, width_ratios=(3, 2))
    heat = figure.add_subplot(grid[:, 0])
    image = heat.imshow(data, aspect="auto", cmap="RdBu_r", vmin=-1, vmax=1)
    figure.colorbar(image, ax=heat)
    across_positions, across_dims = figure.add_subplot(grid[0, 1]), figure.add_subplot(grid[1, 1])
    curves = [across_positions.plot(data[:, d], label=f"dim {d}")[0] for d in dims]
    across_positions.legend(loc="upper right")
    row, = across_dims.plot(data[0], marker="o" if d_model <= 64 else None)
    for axes, x, y in ((heat, "dimension", "position"), (across_positions, "position", "value"),
                       (across_dims, "dimension", "value")):
        axes.set_xlabel(x)
        axes.set_ylabel(y)

    def peer():
        new = method.compute("encoding", {**params, "base": peer_base()}, display=True)
        image.set_data(new)
        image.set_clim(-1, 1)
        for curve, d in zip(curves, dims):
            curve.set_ydata(new[:, d])
        row.set_ydata(new[0])
        canvas.draw()

    def close():
        dispose(view)
    return ours, peer, close


def attention_candidates():
    """(ours, peer, close): one update of the attention view (all heads) and of its matplotlib twin."""
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from posenc_gui.app.state import Scene
    from posenc_gui.app.views.attention import AttentionView
    from posenc_gui.app.views.grid import grid_columns
    from posenc_gui.core.attention import attention_for
    from posenc_gui.core.tokens import tokenize

    text = " ".join(f"w{i}" for i in range(TOKENS))
    scene = Scene(method="alibi", params={"heads": HEADS}, view="attention", text=text, head="all")
    model, view = live_view(AttentionView, scene)
    ours_causal, peer_causal = alternate(True, False), alternate(True, False)

    def ours():
        model.set_param("causal", ours_causal())
        view.graphics.grab()

    tokens = tokenize(text)
    params = dict(model.scene.params)
    result = attention_for("alibi", params, tokens, heads=HEADS, dtype=np.float32)  # as the view asks
    columns = grid_columns(HEADS)
    rows = -(-HEADS // columns)
    figure = Figure(figsize=(WIDTH / 100, HEIGHT / 100), dpi=100)
    canvas = FigureCanvasAgg(figure)
    axes = figure.subplots(rows, columns).ravel()
    images = []
    for h, ax in enumerate(axes):
        if h >= HEADS:
            ax.set_visible(False)
            continue
        images.append(ax.imshow(result.weights[h], cmap="cividis", vmin=0, vmax=1))
        ax.set_title(f"head {h}")
        ax.set_xlabel("key")
        ax.set_ylabel("query")
        ax.xaxis.set_label_position("top")
        ax.xaxis.tick_top()
    colour_bar = figure.colorbar(images[0], ax=list(axes))

    def peer():
        new = attention_for("alibi", {**params, "causal": peer_causal()}, tokens, heads=HEADS, dtype=np.float32)
        high = float(new.weights.max())
        for image, weights in zip(images, new.weights):
            image.set_data(weights)
            image.set_clim(0, high)
        colour_bar.update_normal(images[0])
        canvas.draw()

    def close():
        dispose(view)
    return ours, peer, close


def dispose(widget) -> None:
    """Close and delete a widget now (not at interpreter exit, where Qt's teardown order may crash)."""
    from PySide6.QtWidgets import QApplication

    widget.close()
    widget.deleteLater()
    QApplication.processEvents()


def stroke_candidates(points: int = 512, curves: int = 4):
    """({name: repaint}, close, description): repaint a plot of ``curves`` zigzag sinusoid columns of
    ``points`` positions with a 1 px plain pen, and with the encoding view's wide pen plain and antialiased."""
    import pyqtgraph as pg

    from posenc_gui.app import style
    from posenc_gui.core import get

    data = get("sinusoidal").compute("encoding", {"seq_len": points, "d_model": 512}, display=True)
    width = max(2.0, style.BASE_POINTS / 6)  # as EncodingView._draw_curves
    widgets = []

    def plot_with(pen_width: float, antialias: bool):
        graphics = pg.GraphicsLayoutWidget()
        graphics.resize(WIDTH, HEIGHT)
        graphics.show()
        plot = graphics.addPlot()
        for number, dim in enumerate(range(6, 6 + curves)):
            plot.plot(data[:, dim], pen=pg.mkPen(style.curve_colour(number, style.theme_named("light")),
                                                 width=pen_width), antialias=antialias)
        widgets.append(graphics)
        return graphics.grab

    def close():
        for widget in widgets:
            dispose(widget)
    candidates = {"1 px plain": plot_with(1, False), f"{width:.1f} px plain": plot_with(width, False),
                  f"{width:.1f} px antialiased": plot_with(width, True)}
    return candidates, close, f"{curves} zigzag curves of {points} points"


def run(repeats: int = 7) -> list[dict]:
    app = qt_app()  # noqa: F841 (kept alive while the views exist)
    rows = []
    for seq_len, d_model in ENCODING_SIZES:
        ours, peer, close = encoding_candidates(seq_len, d_model)
        wall, cpu = median_wall_and_cpu({OURS: ours, PEER: peer}, repeats=repeats, warmup=2)
        close()
        note = "target ratio >= 10"
        if (seq_len, d_model) == (512, 512):
            note += f"; target median < {FRAME_MS:.1f} ms"
        if seq_len * d_model > 4_000_000:
            note += "; the window computes this size in its worker thread"
        rows += ratio_rows(f"latency encoding {seq_len}x{d_model}", OURS, wall, note)
        rows += ratio_rows("  the same, CPU time", OURS, cpu, note)
    ours, peer, close = attention_candidates()
    wall, cpu = median_wall_and_cpu({OURS: ours, PEER: peer}, repeats=repeats, warmup=2)
    close()
    rows += ratio_rows(f"latency attention {TOKENS} tokens x {HEADS} heads", OURS, wall, "target ratio >= 10")
    rows += ratio_rows("  the same, CPU time", OURS, cpu, "target ratio >= 10")
    strokes, close, what = stroke_candidates()
    wall, cpu = median_wall_and_cpu(strokes, repeats=repeats)
    close()
    rows += ratio_rows("repaint a plot: stroking curves", "1 px plain", wall, what)
    rows += ratio_rows("  the same, CPU time", "1 px plain", cpu, what)
    return rows


if __name__ == "__main__":
    from benchmarks.__main__ import print_rows

    print_rows(run())
