"""The memory budget bounds the peak of a whole computation, intermediates included: every output kind of
every method, at the largest parameters a small budget admits, is measured with tracemalloc (which sees
NumPy's allocations) and must stay within both its own prediction and the budget."""

from __future__ import annotations

import tracemalloc

import numpy as np
import pytest

from posenc_gui import cli
from posenc_gui.core import attention, registry
from posenc_gui.core.attention import toy
from posenc_gui.core.lessons import order
from posenc_gui.core.methods import learned, rope, t5, xpos
from posenc_gui.core.params import InputError

BUDGET = 6 * 2**20  # small, so that the largest case it admits computes in a moment


def measured_peak(fn) -> tuple[object, int]:
    """(fn(), the most bytes traced while it ran, beyond what was held before)."""
    tracemalloc.start()
    try:
        result = fn()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def variants(method: registry.Method, kind: str) -> list[dict]:
    """The defaults, then each value of each choice and switch the output takes, one at a time."""
    out = [{}]
    for p in method.params_for(kind):
        values = p.choices if p.kind == "choice" else (False, True) if p.kind == "bool" else ()
        out += [{p.name: value} for value in values if value != p.default]
    return out


def valid(method, kind, values) -> dict | None:
    try:
        return method.resolve(kind, values)
    except InputError:
        return None


def at_or_below(method, kind, values, name, value) -> dict | None:
    """``values`` with ``name`` at the largest value from ``value`` down that the method accepts (it may
    want a multiple of something, or a bound another parameter sets)."""
    low = method.param(name).minimum
    while value >= low:
        for candidate in range(value, max(value - 16, low - 1), -1):
            resolved = valid(method, kind, {**values, name: candidate})
            if resolved is not None:
                return resolved
        value //= 2
    return None


def largest_admitted(method, kind, variant: dict) -> dict:
    """Every whole-number parameter at its maximum, then the one whose halving saves most halved, again and
    again until the budget admits the peak, and that last one raised back to the largest admitted value."""
    sizes = [p.name for p in method.params_for(kind) if p.kind == "int"]
    values = {**variant, **{name: int(method.param(name).maximum) for name in sizes}}
    resolved = valid(method, kind, values)
    for name in sizes:
        if resolved is None:
            resolved = at_or_below(method, kind, values, name, values[name])
    assert resolved is not None, f"no valid parameters found near the maxima of {method.name} {kind}"

    def need(candidate):
        return method.peak_bytes(kind, candidate, display=True)

    last = None
    while need(resolved) > BUDGET:
        shrunk = [c for c in (at_or_below(method, kind, resolved, name, resolved[name] // 2) for name in sizes
                              if resolved[name] > method.param(name).minimum) if c is not None]
        best = min(shrunk, key=need, default=None)
        assert best is not None and need(best) < need(resolved), \
            f"{method.name} {kind} cannot be brought within {BUDGET} bytes: {resolved}"
        last = next(name for name in sizes if best[name] != resolved[name]), resolved
        resolved = best
    if last is not None:
        name, above = last
        low, high = resolved[name], above[name]
        while high - low > 1:
            middle = (low + high) // 2
            trial = at_or_below(method, kind, resolved, name, middle)
            low, high = (middle, high) if trial is not None and need(trial) <= BUDGET else (low, middle)
        resolved = at_or_below(method, kind, resolved, name, low)
    return resolved


CASES = [(m.name, kind, variant) for m in registry.all_methods() for kind in m.outputs
         for variant in variants(m, kind)]


@pytest.mark.parametrize("name, kind, variant", CASES,
                         ids=[f"{n}-{k}-" + "-".join(map(str, v.values())) for n, k, v in CASES])
def test_each_output_at_the_largest_admitted_size_peaks_within_its_prediction_and_the_budget(
        name, kind, variant, monkeypatch):
    method = registry.get(name)
    method.compute(kind, variant)  # once at the default sizes: NumPy's first use of a function allocates for good
    monkeypatch.setenv("POSENC_MEMORY_BUDGET", str(BUDGET))
    resolved = largest_admitted(method, kind, variant)
    for display in (False, True):
        predicted = method.peak_bytes(kind, resolved, display)
        array, peak = measured_peak(lambda: method.compute(kind, resolved, display=display))
        assert array.shape == method.output(kind).shape(**resolved)
        assert peak <= predicted <= BUDGET, (resolved, display, peak, predicted)
        del array


def test_the_largest_sizes_are_refused_with_their_peak_and_the_budget(monkeypatch):
    monkeypatch.setenv("POSENC_MEMORY_BUDGET", str(BUDGET))
    with pytest.raises(InputError, match=r"alibi bias of shape \(64, 8192, 8192\) is 32\.0 GiB and needs "
                                         r"[\d.]+ GiB at its peak, over the memory budget of 6\.0 MiB"):
        registry.get("alibi").compute("bias", {"heads": 64, "seq_len": 8192})


def test_rope_decay_at_the_largest_length_and_width_computes_in_blocks_within_a_small_budget(
        tmp_path, monkeypatch, capsys):
    """The audit's case: 16.8 GB with a budget of 100 MB; the whole (seq_len, pairs) angle table was built."""
    monkeypatch.setenv("POSENC_MEMORY_BUDGET", "100000000")
    out = tmp_path / "d.npy"
    status, peak = measured_peak(lambda: cli.export_main(
        ["decay", "--method", "rope", "--seq-len", "1048576", "--d-model", "2048", "--out", str(out)]))
    assert status == 0, capsys.readouterr().err
    assert peak <= 100_000_000 and peak < 32 * 2**20
    curve = np.load(out)
    assert curve.shape == (1048576,) and curve[0] == pytest.approx(1.0)


# -- what the blocks compute ----------------------------------------------------------------------------------

@pytest.mark.parametrize("seq_len, d_model", [(1, 2), (2, 2), (7, 2), (3000, 128), (4097, 2048)])
def test_rope_decay_in_blocks_equals_the_mean_cosine_of_the_whole_angle_table(seq_len, d_model):
    whole = np.cos(rope.angles(seq_len, d_model=d_model)).mean(axis=1)
    np.testing.assert_allclose(rope.decay(seq_len, d_model=d_model), whole, rtol=0, atol=1e-13)


def test_xpos_decay_in_blocks_equals_the_direct_sum():
    offset, d = np.arange(5000)[:, None], 64
    direct = (xpos.zeta(d) ** (offset / 512.0) * np.cos(offset * rope.inv_freq(d))).mean(axis=1)
    np.testing.assert_allclose(xpos.decay(5000, d, 512.0), direct, rtol=0, atol=1e-13)


def test_rope_decay_under_yarn_carries_the_attention_factor_squared_as_the_exported_encoding_does():
    """Rotated all-ones q and k score 2 (c_m c_n + s_m s_n) per pair, with the cos and sin the encoding
    exports (YaRN's attention factor in both): at offset 0 that is the factor squared, (0.1 ln 8 + 1)^2."""
    params = {"seq_len": 300, "d_model": 64, "scaling": "yarn", "factor": 8.0, "original_max_len": 64}
    method = registry.get("rope")
    curve = method.compute("decay", params)
    table = method.compute("encoding", params)
    cos, sin = table[:, 0::2], table[:, 1::2]
    np.testing.assert_allclose(curve, (cos * cos[0] + sin * sin[0]).mean(axis=1), rtol=0, atol=1e-13)
    assert curve[0] == pytest.approx((0.1 * np.log(8.0) + 1) ** 2, rel=1e-15) == pytest.approx(1.4591291, rel=1e-7)
    assert method.compute("decay", {**params, "scaling": "linear"})[0] == pytest.approx(1.0, rel=1e-15)


def test_learned_random_rows_are_the_first_rows_of_the_whole_table():
    whole = learned.random_table(8192, 16, 0.02, 3)
    np.testing.assert_array_equal(learned.encoding(40, "random", 16, 8192, 0.02, 3), whole[:40])


@pytest.mark.parametrize("causal", [False, True])
def test_t5_buckets_and_bias_by_blocks_equal_the_whole_table(causal, monkeypatch):
    monkeypatch.setattr(registry, "CHUNK_BYTES", 4096)  # many small blocks
    pos = np.arange(300)
    whole = t5.relative_position_bucket(pos[None, :] - pos[:, None], not causal, 32, 128)
    np.testing.assert_array_equal(t5.buckets(300, causal, 32, 128), whole)
    table = t5.random_table(32, 4, 5)
    np.testing.assert_array_equal(t5.bias(300, 4, causal, 32, 128, 5), np.moveaxis(table[whole], -1, 0))


# -- toy attention ----------------------------------------------------------------------------------------

def clear_attention_caches():
    for cache in (toy._scores, toy._computed_cached, toy._embeddings, toy._projection_bank):
        cache.cache_clear()


def attention_cases(method) -> list[tuple[int, int, dict]]:
    """(tokens, heads, params): one case where the (heads, tokens, tokens) scores dominate, one where the
    (tokens, width) tables do (past the projection bank's width where the method sets the width)."""
    widths = "d_model" in {p.name for p in method.params}
    positions = method.output("encoding").shape(**method.resolve("encoding")) if "encoding" in method.outputs else None
    many = min(300, positions[0]) if positions and "seq_len" not in {p.name for p in method.params} else 300
    if method.name == "learned":
        return [(many, 8, {}), (64, 1, {"table": "random", "d_model": 816})]
    return [(many, 8, {"d_model": 48} if widths else {}), (64, 1, {"d_model": 816} if widths else {})]


ATTENTION_CASES = [(m.name, n, heads, params) for m in registry.all_methods()
                   for n, heads, params in attention_cases(m)]


@pytest.mark.parametrize("name, n, heads, params", ATTENTION_CASES)
def test_toy_attention_peaks_within_its_prediction(name, n, heads, params):
    method = registry.get(name)
    tokens = [f"w{i}" for i in range(n)]
    values = {**method.defaults(), **params, "seq_len": n}
    values.update({"heads": heads} if "heads" in values else {})
    clear_attention_caches()
    result, peak = measured_peak(lambda: attention.attention_for(name, params, tokens, heads=heads))
    assert result.weights.shape == (heads, n, n)
    # the caches were emptied: the share of the prediction for what they keep from earlier calls is not used
    assert peak <= attention.attention_peak(method, values, n, heads) - attention.CACHE_BYTES, peak


def test_toy_attention_and_the_order_lesson_with_wide_rope_stay_within_the_budget(monkeypatch):
    """The audit's case: RoPE at d_model 2048 (4 heads of it: 8192 wide) held 2.6-3.5 GB for 5-512 tokens,
    the projections drawn whole; here 512 (2048 wide: 150 MB so drawn) under a budget of 100 MB."""
    monkeypatch.setenv("POSENC_MEMORY_BUDGET", "100000000")
    params = {"d_model": 512}
    with pytest.raises(InputError, match=r"attention over 512 tokens with rope and 4 heads needs [\d.]+ MiB at its "
                                         r"peak, over the memory budget of 95\.4 MiB"):
        attention.attention_for("rope", params, [f"w{i}" for i in range(512)], heads=4)
    clear_attention_caches()
    result, peak = measured_peak(lambda: order.order_test("rope", params, *order.ORDER_PAIRS["en"], heads=4))
    assert result.method_difference > 1e-6 and peak <= 100_000_000


def test_wide_projections_drawn_by_blocks_are_the_whole_draw():
    width = toy.PROJECTION_BANK + 40
    x = np.random.default_rng(1).standard_normal((5, width))
    whole = np.random.default_rng(3 + 7).standard_normal((3, width, width), dtype=np.float32).astype(np.float64)
    for product, weights in zip(toy._projected([x], width, 3)[0], whole):
        np.testing.assert_allclose(product, x @ weights, rtol=1e-12, atol=1e-11)
