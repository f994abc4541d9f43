"""Keystroke latency of the real-model view: a key typed into its text box, then Enter (which sends the text at
once instead of after the typing pause), to the repainted layer x head overview and the chosen head's three large
panels, for MiniLM and SmolLM2 at 32 tokens. The peer is the same figure drawn with matplotlib (Agg): the overview
and the three heads as ``imshow`` panels with colour bars, fed by the same core call.

Both sides compute what they draw: ``core.real_models.compare`` (tokenise, two forward passes, the head scores)
and ``heads.overview``, its caches (comparisons and passes) emptied before each update so that every update runs
both passes, as a new keystroke does. The key alternates between "." and "!", so every update changes the text. The typing pause the
view waits for before sending (``TYPING_PAUSE_MS``) is not timed: it is a fixed wait, not work.
"""

from __future__ import annotations

from benchmarks.bench_latency import HEIGHT, WIDTH, alternate, dispose, live_view, qt_app
from benchmarks.timing import median_wall_and_cpu, ratio_rows

TOKENS = 32
WORDS = ("the student typed a sentence about a cat that chased a mouse across the garden while the dog slept "
         "beside the door and the teacher watched the attention of every head change with each key").split()
OURS = "app view (pyqtgraph)"
PEER = "matplotlib Agg imshow + draw"
TARGETS_MS = {"minilm": 100, "smollm2": 300}


def text_of_tokens(model, n: int) -> str:
    """The longest prefix of WORDS, plus the final key, that the model splits into at most n tokens."""
    best = WORDS[0]
    for count in range(1, len(WORDS) + 1):
        text = " ".join(WORDS[:count]) + "."
        if len(model.tokenize(text)) > n:
            break
        best = text
    return best[:-1]


def candidates(name: str):
    """(ours, peer, close, tokens): one keystroke into the view and the matplotlib twin's update."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from posenc_gui.app.state import Scene
    from posenc_gui.app.views.real_model import LIVE_TOKENS, RealModelView, Settings
    from posenc_gui.core import real_models
    from posenc_gui.core.real_models import heads
    from posenc_gui.core.real_models.compare import PASSES, compare

    model = real_models.get(name)
    prefix = text_of_tokens(model, TOKENS)
    scene = Scene(view="real_model", text=prefix + ".", options={"model": name})
    state, view = live_view(RealModelView, scene)
    ours_key, peer_key = alternate(".", "!"), alternate(".", "!")

    def ours():
        compare.cache_clear()
        PASSES.clear()
        view.control_row.text.setText(prefix)  # as if the last key had been deleted (setText sends nothing)
        QTest.keyClick(view.control_row.text, ours_key())
        QTest.keyClick(view.control_row.text, Qt.Key_Return)
        view.graphics.grab()

    settings = Settings.of(scene)
    ablation = settings.ablation_object()
    first = compare(model, scene.text, ablation, LIVE_TOKENS)
    picture = heads.overview(first.real)
    figure = Figure(figsize=(WIDTH / 100, HEIGHT / 100), dpi=100)
    canvas = FigureCanvasAgg(figure)
    grid = figure.add_gridspec(2, 3, height_ratios=(2, 3))
    top = figure.add_subplot(grid[0, :])
    overview = top.imshow(picture.pixels, aspect="auto", cmap="cividis", vmin=0, vmax=1)
    top.set_title("every layer x head")
    panels = []
    for column, (title, cmap) in enumerate((("trained", "cividis"), ("ablated", "cividis"), ("difference", "RdBu_r"))):
        axes = figure.add_subplot(grid[1, column])
        image = axes.imshow(first.real[0, 0], cmap=cmap, vmin=-1 if column == 2 else 0, vmax=1)
        figure.colorbar(image, ax=axes)
        axes.set_title(title)
        axes.set_xlabel("key")
        axes.set_ylabel("query")
        axes.set_xticks(range(len(first.tokens)), first.tokens.strings, rotation=90)
        axes.set_yticks(range(len(first.tokens)), first.tokens.strings)
        panels.append((axes, image))

    def peer():
        compare.cache_clear()
        PASSES.clear()
        result = compare(model, prefix + peer_key(), ablation, LIVE_TOKENS)
        overview.set_data(heads.overview(result.real).pixels)
        real, ablated = result.real[0, 0], result.ablated[0, 0]
        for (axes, image), matrix in zip(panels, (real, ablated, ablated - real)):
            image.set_data(matrix)
            axes.set_xticks(range(len(result.tokens)), result.tokens.strings, rotation=90)
            axes.set_yticks(range(len(result.tokens)), result.tokens.strings)
        canvas.draw()

    def close():
        dispose(view)
    return ours, peer, close, len(first.tokens)


def run(repeats: int = 7) -> list[dict]:
    from posenc_gui.core import real_models

    missing = [name for name, model in real_models.MODELS.items() if not model.available()]
    if missing:
        raise ModuleNotFoundError(f"models {', '.join(missing)} not installed: python3 scripts/fetch_models.py")
    app = qt_app()  # noqa: F841 (kept alive while the views exist)
    rows = []
    for name in ("minilm", "smollm2"):
        ours, peer, close, tokens = candidates(name)
        wall, cpu = median_wall_and_cpu({OURS: ours, PEER: peer}, repeats=repeats, warmup=2)
        close()
        note = f"{tokens} tokens; target: ours <= {TARGETS_MS[name]} ms"
        rows += ratio_rows(f"keystroke {name}", OURS, wall, note)
        rows += ratio_rows("  the same, CPU time", OURS, cpu, note)
        real_models.get(name).unload()
    return rows


if __name__ == "__main__":
    from benchmarks.__main__ import print_rows

    print_rows(run())
