"""A method declares how it enters attention (registry.Attention), and attention dispatches on that, never on
its name: a method defined here, in the test alone, reaches the parameter panel, ``posenc-gui export --help``,
a working export and the attention view, which computes attention with its own scores function."""

import numpy as np
import pytest

from posenc_gui import cli
from posenc_gui.app.panel import ParameterPanel
from posenc_gui.app.state import Scene, StateModel
from posenc_gui.app.views import applies
from posenc_gui.app.views.attention import AttentionView
from posenc_gui.core import attention, registry
from posenc_gui.core.params import HEADS, SEQ_LEN


def checker_bias(seq_len, heads):
    """(heads, N, N): head h subtracts h + 1 where i + j is odd."""
    pos = np.arange(seq_len)
    odd = ((pos[:, None] + pos[None, :]) % 2).astype(float)
    return -(np.arange(heads) + 1.0)[:, None, None] * odd[None]


calls = []


def checker_scores(values, q, k, scale):
    calls.append(q.shape)
    return q @ np.swapaxes(k, -1, -2) * scale, checker_bias(q.shape[-2], q.shape[0]), ()


CHECKER = registry.Method(
    name="checker", title="Checkerboard (a test)", family="bias", citation="a test of the registry",
    summary="checkerboard penalty, a method defined by a test", params=(HEADS, SEQ_LEN),
    outputs={"bias": registry.Output(checker_bias, lambda seq_len, heads, **_: (heads, seq_len, seq_len))},
    attention=registry.Attention(registry.Entry.SCORE, scores=checker_scores))


@pytest.fixture
def checker():
    with registry.registered(CHECKER) as method:
        yield method
    assert "checker" not in registry.REGISTRY


def test_a_method_defined_here_reaches_the_panel(qtbot, checker):
    panel = ParameterPanel(StateModel(Scene(method="alibi", view="attention"), views=applies()))
    qtbot.addWidget(panel)
    row = panel.picker.findData("checker")
    assert row >= 0 and "Checkerboard (a test)" in panel.picker.itemText(row)
    panel.picker.setCurrentIndex(row)
    panel.picker.activated.emit(row)
    assert panel.model.scene.method == "checker" and "heads" in panel.controls


def test_a_method_defined_here_reaches_export_help_and_exports(tmp_path, capsys, checker):
    assert cli.export_main(["bias", "--help"]) == 0
    assert "checker" in capsys.readouterr().out
    path = tmp_path / "b.npy"
    assert cli.export_main(["bias", "--method", "checker", "--heads", "2", "--seq-len", "3", "--out", str(path)]) == 0
    np.testing.assert_array_equal(np.load(path), checker_bias(3, 2))


def test_a_method_defined_here_enters_attention_as_it_declares(qtbot, checker):
    calls.clear()
    model = StateModel(Scene(method="checker", view="attention", text="a b c d", params={"heads": 2}),
                       views=applies())
    view = AttentionView(model)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    result = view.fetch(model.scene)
    view.show_data(model.scene, result)
    assert calls == [(2, 4, 32)] and result.how == "score"
    np.testing.assert_array_equal(result.position, checker_bias(4, 2))
    np.testing.assert_allclose(result.logits, result.content + result.position)
    np.testing.assert_array_equal(view.shown["weights"], result.weights)
    assert AttentionView.size(model.scene) > 0


def test_a_declaration_missing_its_function_or_output_is_refused():
    with pytest.raises(TypeError):
        registry.Attention(registry.Entry.SCORE)
    with pytest.raises(TypeError):
        registry.Attention(registry.Entry.ROTATE)
    with pytest.raises(TypeError, match="bias output"):
        registry.Method(name="x", title="x", family="bias", citation="", summary="", params=(), outputs={},
                        attention=registry.BIASED)
    assert attention.how_applied(registry.get("shaw")) == registry.Entry.SCORE
    assert attention.how_applied(registry.get("xpos")) == registry.Entry.ROTATE


def test_the_attention_view_says_what_each_head_gives_its_sink(qtbot):
    """Every panel's title gives the mean share its sink takes, hovering a cell the query's share, and the export
    carries the sinks: the content and position parts with their own softmax's share."""
    model = StateModel(Scene(method="sinks", view="attention", text="a b c d", head=1, position_only=True,
                             params={"heads": 2, "sink_mean": 2.0}), views=applies())
    view = AttentionView(model)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    result = view.fetch(model.scene)
    view.show_data(model.scene, result)
    shares = [result.sink_weights[1], result.content_parts[1][1], result.position_parts[1][1]]
    assert [title.replace("\u00a0", " ") for title, _ in view.panels] == [  # its phrases kept whole (no-break spaces)
        f"head 1: {part} · sink {float(share.mean()):.0%}" for part, share in zip(("full", "content", "position"),
                                                                                    shares)]
    assert len({round(float(s.mean()), 3) for s in shares}) == 3
    text = view.hover_text(view.plots[0], 2.0, 3.0)  # query 3, key 2
    assert text.endswith(f"the sink takes {float(result.sink_weights[1, 3]):.4g} of this query's attention")
    np.testing.assert_array_equal(view.shown["sink_weights"], result.sink_weights)
    plain = StateModel(Scene(method="rope", view="attention", text="a b c d", head=1), views=applies())
    view.show_data(plain.scene, view.fetch(plain.scene))
    assert view.panels[0][0] == "head 1" and "sink" not in view.hover_text(view.plots[0], 2.0, 3.0)
