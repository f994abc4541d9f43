"""Attention over 1024 tokens, 8 heads, d_model 512, with RoPE: the core's multi_head against a plain
NumPy implementation written the obvious way and against PyTorch CPU scaled_dot_product_attention
(skipped when torch is absent). All three compute in float32 from the same inputs."""

from __future__ import annotations

import numpy as np

from benchmarks.timing import median_wall_and_cpu, ratio_rows
from posenc_gui.core.attention import multi_head
from posenc_gui.core.methods.rope import inv_freq

TOKENS, HEADS, D_MODEL = 1024, 8, 512
HEAD_DIM = D_MODEL // HEADS


def obvious_numpy(x, w_q, w_k, w_v, heads, freq):
    """A head at a time: rotate with freshly built cos and sin, softmax, weighted sum, concatenate."""
    n, d = x.shape
    dh = d // heads
    pos = np.arange(n)[:, None]
    outs = []
    for h in range(heads):
        cols = slice(h * dh, (h + 1) * dh)
        q, k, v = x @ w_q[:, cols], x @ w_k[:, cols], x @ w_v[:, cols]
        rq, rk = np.empty_like(q), np.empty_like(k)
        for i, w in enumerate(freq):
            c, s = np.cos(pos[:, 0] * w), np.sin(pos[:, 0] * w)
            rq[:, 2 * i] = q[:, 2 * i] * c - q[:, 2 * i + 1] * s
            rq[:, 2 * i + 1] = q[:, 2 * i] * s + q[:, 2 * i + 1] * c
            rk[:, 2 * i] = k[:, 2 * i] * c - k[:, 2 * i + 1] * s
            rk[:, 2 * i + 1] = k[:, 2 * i] * s + k[:, 2 * i + 1] * c
        scores = rq @ rk.T / np.sqrt(dh)
        scores = np.exp(scores - scores.max(axis=1, keepdims=True))
        weights = scores / scores.sum(axis=1, keepdims=True)
        outs.append(weights @ v)
    return np.concatenate(outs, axis=1)


def torch_sdpa(torch, x, w_q, w_k, w_v, heads, freq):
    """The same with torch: matmuls, interleaved RoPE via complex multiplication (Meta's llama
    reference), then F.scaled_dot_product_attention."""
    n, d = x.shape
    q, k, v = (torch.matmul(x, w).view(n, heads, d // heads).transpose(0, 1) for w in (w_q, w_k, w_v))
    angles = torch.outer(torch.arange(n, dtype=torch.float32), freq)
    rotation = torch.polar(torch.ones_like(angles), angles)
    def turn(t):
        return torch.view_as_real(torch.view_as_complex(t.reshape(heads, n, -1, 2)) * rotation).flatten(2)
    out = torch.nn.functional.scaled_dot_product_attention(turn(q)[None], turn(k)[None], v[None])
    return out[0].transpose(0, 1).reshape(n, d)


def run(repeats: int = 7) -> list[dict]:
    rng = np.random.default_rng(0)
    x = rng.standard_normal((TOKENS, D_MODEL)).astype(np.float32)
    w_q, w_k, w_v = (rng.standard_normal((3, D_MODEL, D_MODEL)) / np.sqrt(D_MODEL)).astype(np.float32)
    freq = inv_freq(HEAD_DIM)
    ours = "core multi_head (float32)"
    candidates = {
        ours: lambda: multi_head(x, w_q, w_k, w_v, HEADS, freq),
        "obvious NumPy (float32)": lambda: obvious_numpy(x, w_q, w_k, w_v, HEADS, freq.astype(np.float32)),
    }
    reference = obvious_numpy(x.astype(np.float64), w_q.astype(np.float64), w_k.astype(np.float64),
                              w_v.astype(np.float64), HEADS, freq)
    errors = {ours: candidates[ours]()[0]}
    try:
        import torch
    except ImportError:
        torch = None
    note = "torch not installed: PyTorch row skipped"
    if torch is not None:
        tensors = [torch.from_numpy(a) for a in (x, w_q, w_k, w_v)]
        tfreq = torch.from_numpy(freq.astype(np.float32))
        name = f"PyTorch {torch.__version__} SDPA (float32, {torch.get_num_threads()} threads)"
        with torch.inference_mode():
            errors[name] = torch_sdpa(torch, *tensors, HEADS, tfreq).numpy()
        def run_torch():
            with torch.inference_mode():
                torch_sdpa(torch, *tensors, HEADS, tfreq)
        candidates[name] = run_torch
        note = "target: no slower than PyTorch (ratio >= 1)"
    worst = max(float(np.abs(out - reference).max()) for out in errors.values())
    wall, cpu = median_wall_and_cpu(candidates, repeats=repeats)
    note = f"{note}; max |output error| vs float64 = {worst:.1e}"
    return (ratio_rows(f"attention {TOKENS} tokens x {HEADS} heads, d_model {D_MODEL}, RoPE", ours, wall, note)
            + ratio_rows("  the same, CPU time (all threads)", ours, cpu, note))


if __name__ == "__main__":
    from benchmarks.__main__ import print_rows

    print_rows(run())
