"""``posenc-gui export``: every subcommand with known answers from the published references, every kind
of bad input (status 2, one line, no file touched), a headless PNG, and no Qt for the data formats."""

import math
import os
import pwd
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from posenc_gui import cli, files
from posenc_gui.core import registry

ROOT = Path(__file__).resolve().parents[1]


def export(tmp_path, capsys, *words):
    """Run ``export *words`` in-process; returns (status, stdout, stderr)."""
    status = cli.export_main([str(w) for w in words])
    out, err = capsys.readouterr()
    return status, out, err


def written(tmp_path, capsys, *words, name="out.npy"):
    """Export to ``tmp_path / name`` and load what was written (an npz as a dict)."""
    path = tmp_path / name
    status, out, err = export(tmp_path, capsys, *words, "--out", path)
    assert (status, err) == (0, ""), err
    assert out.count("\n") == 1 and path.name in out
    if name.endswith(".npz"):
        with np.load(path) as data:
            return dict(data)
    if name.endswith(".csv"):
        assert path.read_text().startswith("# PosEnc Explorer ")  # the provenance line, then the header
        return np.loadtxt(path, delimiter=",", skiprows=2)
    return np.load(path)


# -- known answers --------------------------------------------------------------------------------

def test_sinusoidal_interleaved_matches_the_paper_formula(tmp_path, capsys):
    pe = written(tmp_path, capsys, "encoding", "--method", "sinusoidal", "--seq-len", 50, "--d-model", 16)
    assert pe.shape == (50, 16) and pe.dtype == np.float64
    p, i = 37, 3
    angle = p / 10000 ** (2 * i / 16)
    assert pe[p, 2 * i] == pytest.approx(math.sin(angle), abs=1e-15)
    assert pe[p, 2 * i + 1] == pytest.approx(math.cos(angle), abs=1e-15)
    assert pe[1, 0] == pytest.approx(0.8414709848078965) and pe[0, 1] == 1.0


def test_sinusoidal_layouts_and_base(tmp_path, capsys):
    concat = written(tmp_path, capsys, "encoding", "--method", "sinusoidal", "--layout", "concat",
                     "--seq-len", 9, "--d-model", 8, "--base", 100)
    w = 100.0 ** (-2 * np.arange(4) / 8)
    p = np.arange(9)[:, None]
    assert np.allclose(concat, np.hstack([np.sin(p * w), np.cos(p * w)]), atol=1e-15)
    paper = written(tmp_path, capsys, "frequencies", "--method", "sinusoidal", "--d-model", 512)
    t2t = written(tmp_path, capsys, "frequencies", "--method", "sinusoidal", "--layout", "tensor2tensor",
                  "--d-model", 512)
    assert t2t[-1] == pytest.approx(1e-4, rel=1e-12)
    assert paper[-1] == pytest.approx(1.0366e-4, rel=1e-4)


def test_fairseq_positions_start_after_the_padding_index(tmp_path, capsys):
    pe = written(tmp_path, capsys, "encoding", "--method", "sinusoidal", "--layout", "fairseq",
                 "--seq-len", 4, "--d-model", 6, "--padding-idx", 1)
    w = np.exp(-np.log(10000) / 2 * np.arange(3))
    assert np.allclose(pe[0], np.concatenate([np.sin(2 * w), np.cos(2 * w)]), atol=1e-15)


def test_image2d_columns_first_then_rows_as_mae(tmp_path, capsys):
    h, w, d = 3, 5, 16
    pe = written(tmp_path, capsys, "encoding", "--method", "image2d", "--grid-h", h, "--grid-w", w,
                 "--d-model", d)
    assert pe.shape == (h * w, d)
    omega = 1 / 10000 ** (np.arange(4) / 4)

    def half(c):
        return np.concatenate([np.sin(c * omega), np.cos(c * omega)])

    for row in range(h):
        for col in range(w):
            patch = pe[row * w + col]
            assert np.allclose(patch[: d // 2], half(col), atol=1e-15)
            assert np.allclose(patch[d // 2:], half(row), atol=1e-15)


def test_alibi_slopes_for_12_heads(tmp_path, capsys):
    expected = [0.5, 0.25, 0.125, 0.0625, 0.03125, 0.015625, 0.0078125, 0.00390625,
                0.7071, 0.3536, 0.1768, 0.0884]
    for name in ("slopes.npy", "slopes.csv"):
        slopes = written(tmp_path, capsys, "slopes", "--heads", 12, name=name)
        values = slopes[:, 1] if name.endswith(".csv") else slopes
        assert values.shape == (12,)
        assert np.allclose(values, expected, atol=5e-5)
    assert np.array_equal(written(tmp_path, capsys, "slopes", "--heads", 8), 0.5 ** np.arange(1, 9))


def test_alibi_bias_symmetric_and_causal(tmp_path, capsys):
    heads, n = 4, 7
    m = 2.0 ** (-8 / heads * np.arange(1, heads + 1))
    i = np.arange(n)
    symmetric = written(tmp_path, capsys, "bias", "--method", "alibi", "--heads", heads, "--seq-len", n)
    assert symmetric.shape == (heads, n, n)
    assert np.allclose(symmetric, -m[:, None, None] * np.abs(i[:, None] - i[None, :]))
    causal = written(tmp_path, capsys, "bias", "--method", "alibi", "--heads", heads, "--seq-len", n, "--causal")
    below = i[:, None] >= i[None, :]
    assert np.allclose(causal[:, below], (-m[:, None, None] * (i[:, None] - i[None, :]))[:, below])
    assert not np.allclose(causal, symmetric)


T5_BIDIRECTIONAL = {-1: 1, -7: 7, -8: 8, -16: 10, -32: 12, -64: 14, -127: 15, -200: 15,
                    1: 17, 8: 24, 16: 26, 32: 28, 64: 30, 127: 31, 199: 31}
T5_CAUSAL = {-15: 15, -16: 16, -32: 21, -64: 26, -128: 31, -200: 31, 1: 0, 50: 0}


@pytest.mark.parametrize("causal, vectors", [(False, T5_BIDIRECTIONAL), (True, T5_CAUSAL)])
def test_t5_buckets_match_the_reference_vectors(tmp_path, capsys, causal, vectors):
    n, query = 401, 200
    words = ["buckets", "--seq-len", n] + (["--causal"] if causal else [])
    table = written(tmp_path, capsys, *words)
    assert table.shape == (n, n) and table.dtype.kind == "i"
    for rel, bucket in vectors.items():
        assert table[query, query + rel] == bucket, rel  # [i, j] = bucket of key j for query i
    csv = written(tmp_path, capsys, *words, name="buckets.csv")
    assert np.array_equal(csv[:, 1:], table)


def test_t5_bucket_options(tmp_path, capsys):
    table = written(tmp_path, capsys, "buckets", "--seq-len", 40, "--num-buckets", 8, "--max-distance", 16)
    assert table.max() == 7 and table[0, 39] == 7 and table[39, 0] == 3


def test_llama3_frequencies(tmp_path, capsys):
    d, base, factor, length = 128, 500000.0, 8.0, 8192
    inv = written(tmp_path, capsys, "frequencies", "--d-model", d, "--base", base, "--scaling", "llama3",
                  "--factor", factor, "--original-max-len", length)
    theta = 1 / base ** (np.arange(0, d, 2) / d)
    wavelength = 2 * np.pi / theta
    high, low = wavelength < length / 4, wavelength > length / 1
    assert inv.shape == (d // 2,) and high.any() and low.any()
    assert np.array_equal(inv[high], theta[high])
    assert np.allclose(inv[low], theta[low] / factor, rtol=1e-15)
    middle = ~high & ~low
    assert middle.any() and np.all((inv[middle] < theta[middle]) & (inv[middle] > theta[middle] / factor))


def test_yarn_frequencies_follow_the_ramp(tmp_path, capsys):
    d, base, factor, length = 64, 10000.0, 4.0, 4096
    inv = written(tmp_path, capsys, "frequencies", "--d-model", d, "--scaling", "yarn", "--factor", factor,
                  "--original-max-len", length)

    def correction(rotations):
        return d * math.log(length / (rotations * 2 * math.pi)) / (2 * math.log(base))

    low, high = max(math.floor(correction(32)), 0), min(math.ceil(correction(1)), d - 1)
    theta = 1 / base ** (np.arange(0, d, 2) / d)
    assert np.array_equal(inv[:low + 1], theta[:low + 1])
    assert np.allclose(inv[high:], theta[high:] / factor, rtol=1e-15)
    ratio = inv / theta
    assert np.all(np.diff(ratio) <= 1e-15)
    # The same frequencies with the defaults spelled out: beta fast 32, beta slow 1.
    spelled = written(tmp_path, capsys, "frequencies", "--d-model", d, "--scaling", "yarn", "--factor", factor,
                      "--original-max-len", length, "--beta-fast", 32, "--beta-slow", 1, name="spelled.npy")
    assert np.array_equal(spelled, inv)


def test_rope_scalings_linear_and_ntk(tmp_path, capsys):
    d = 32
    theta = 1 / 10000 ** (np.arange(0, d, 2) / d)
    none = written(tmp_path, capsys, "frequencies", "--d-model", d)
    linear = written(tmp_path, capsys, "frequencies", "--d-model", d, "--scaling", "linear", "--factor", 4)
    ntk = written(tmp_path, capsys, "frequencies", "--d-model", d, "--scaling", "ntk", "--factor", 4)
    assert np.allclose(none, theta, rtol=1e-15) and np.allclose(linear, theta / 4, rtol=1e-15)
    assert np.allclose(ntk, 1 / (10000 * 4 ** (d / (d - 2))) ** (np.arange(0, d, 2) / d), rtol=1e-12)


def test_walkthrough_exact_and_article_numbers(tmp_path, capsys):
    steps = written(tmp_path, capsys, "walkthrough", name="steps.npz")
    assert np.array_equal(steps["keys"], [[0, 1, 1], [4, 4, 0], [2, 3, 1]])
    assert np.array_equal(steps["queries"], [[1, 0, 2], [2, 2, 2], [2, 1, 3]])
    assert np.array_equal(steps["values"], [[1, 2, 3], [2, 8, 0], [2, 6, 3]])
    assert np.array_equal(steps["scores"], [[2, 4, 4], [4, 16, 12], [4, 12, 10]])
    assert np.allclose(steps["weights"][0], [0.0634, 0.4683, 0.4683], atol=1e-4)
    assert np.allclose(steps["outputs"][0], [1.9366, 6.6831, 1.5951], atol=1e-4)
    assert np.allclose(steps["article_outputs"][0], [2.0, 7.0, 1.5])
    assert np.allclose(steps["weights"].sum(axis=1), 1.0)


def test_csv_round_trips_the_npy_exactly(tmp_path, capsys):
    words = ("encoding", "--method", "rope", "--seq-len", 20, "--d-model", 8, "--scaling", "yarn", "--factor", 3)
    array = written(tmp_path, capsys, *words)
    table = written(tmp_path, capsys, *words, name="out.csv")
    assert np.array_equal(table[:, 0], np.arange(20)) and np.array_equal(table[:, 1:], array)


def test_npz_holds_the_array_by_kind(tmp_path, capsys):
    data = written(tmp_path, capsys, "distances", "--method", "shaw", "--seq-len", 6, "--max-relative", 2,
                   name="d.npz")
    assert list(data) == ["distances"]
    i = np.arange(6)
    assert np.array_equal(data["distances"], np.clip(i[None, :] - i[:, None], -2, 2) + 2)  # tensor2tensor


EVERY_OUTPUT = [(kind, m.name) for m in registry.all_methods() for kind in m.outputs]


@pytest.mark.parametrize("kind, method", EVERY_OUTPUT, ids=[f"{k}-{m}" for k, m in EVERY_OUTPUT])
def test_every_output_of_every_method_exports(tmp_path, capsys, kind, method):
    array = written(tmp_path, capsys, kind, "--method", method)
    expected = registry.get(method).compute(kind)
    assert array.shape == expected.shape
    assert array.dtype == expected.dtype
    assert np.array_equal(array, expected)


def test_method_defaults_when_one_method_has_the_kind(tmp_path, capsys):
    for kind in ("slopes", "buckets", "frequencies", "scale", "terms"):
        status, out, _ = export(tmp_path, capsys, kind, "--out", tmp_path / f"{kind}.npy")
        assert status == 0
        assert out.split()[1] == {"slopes": "alibi", "buckets": "t5", "frequencies": "rope",
                                  "scale": "xpos", "terms": "transformer_xl"}[kind]


def test_help_lists_every_subcommand_method_and_parameter(capsys):
    assert cli.export_main(["--help"]) == 0
    text = capsys.readouterr().out
    for kind in list(registry.KINDS) + ["walkthrough"]:
        assert kind in text
    for method in registry.all_methods():
        assert f"{method.name}:" in text
        for param in method.params:
            assert param.flag in text and param.help[:30] in " ".join(text.split())
    assert "default 10000" in text and "1 to 8192" in text
    assert cli.export_main(["frequencies", "--help"]) == 0
    text = " ".join(capsys.readouterr().out.split())
    for flag in ("--scaling", "--factor", "--original-max-len", "--beta-fast", "--low-freq-factor", "--out"):
        assert flag in text
    assert "default 32" in text and "default rope" in text and "one of none, linear, ntk, dynamic-ntk, yarn, llama3" in text


# -- bad input ------------------------------------------------------------------------------------

BAD = {
    "unknown kind": ["embedding", "--out", "{out}"],
    "unknown method": ["encoding", "--method", "sinusoid", "--out", "{out}"],
    "method without that kind": ["encoding", "--method", "alibi", "--out", "{out}"],
    "ambiguous kind needs --method": ["bias", "--out", "{out}"],
    "zero size": ["encoding", "--method", "sinusoidal", "--seq-len", "0", "--out", "{out}"],
    "negative size": ["slopes", "--heads", "-3", "--out", "{out}"],
    "not a number": ["encoding", "--method", "sinusoidal", "--d-model", "wide", "--out", "{out}"],
    "not a whole number": ["encoding", "--method", "sinusoidal", "--d-model", "12.5", "--out", "{out}"],
    "NaN": ["encoding", "--method", "sinusoidal", "--base", "nan", "--out", "{out}"],
    "infinite": ["frequencies", "--factor", "inf", "--out", "{out}"],
    "bad choice": ["frequencies", "--scaling", "quadratic", "--out", "{out}"],
    "flag the method does not take": ["encoding", "--method", "sinusoidal", "--grid-h", "4", "--out", "{out}"],
    "flag no method of the kind takes": ["slopes", "--seq-len", "4", "--out", "{out}"],
    "cross-parameter check": ["frequencies", "--d-model", "33", "--out", "{out}"],
    "missing --out": ["slopes"],
    "missing kind": [],
    "width for a data file": ["slopes", "--width", "800", "--out", "{out}"],
    "walkthrough to .npy": ["walkthrough", "--out", "{out}"],
}


def assert_refused(status, out, err, *names):
    assert status == 2 and out == ""
    assert err.endswith("\n") and err.count("\n") == 1 and "Traceback" not in err, err
    assert err.startswith("posenc-gui export: ")
    for name in names:
        assert name in err, err


@pytest.mark.parametrize("case", BAD, ids=list(BAD))
def test_bad_input_is_one_line_with_status_2_and_no_file(tmp_path, capsys, case):
    out = tmp_path / "out.npy"
    status, stdout, err = export(tmp_path, capsys, *(w.format(out=out) for w in BAD[case]))
    assert_refused(status, stdout, err)
    assert list(tmp_path.iterdir()) == []


def test_messages_name_the_problem(tmp_path, capsys):
    out = str(tmp_path / "x.npy")
    cases = [
        (["encoding", "--method", "sinusoid", "--out", out], "sinusoid"),
        (["encoding", "--method", "sinusoidal", "--seq-len", "0", "--out", out], "seq_len"),
        (["encoding", "--method", "sinusoidal", "--base", "nan", "--out", out], "finite"),
        (["encoding", "--method", "sinusoidal", "--grid-h", "4", "--out", out], "--grid-h"),
        (["bias", "--out", out], "--method"),
        (["slopes"], "--out"),
    ]
    for words, name in cases:
        assert_refused(*export(tmp_path, capsys, *words), name)


@pytest.mark.parametrize("target, problem", [
    ("missing/out.npy", "does not exist"),
    ("out.txt", "suffix"),
    ("out", "suffix"),
    ("a_file/out.npy", "not a folder"),
    ("a_folder.npy", "folder"),
])
def test_bad_output_paths(tmp_path, capsys, target, problem):
    (tmp_path / "a_file").write_text("keep")
    (tmp_path / "a_folder.npy").mkdir()
    before = sorted(tmp_path.iterdir())
    assert_refused(*export(tmp_path, capsys, "slopes", "--out", tmp_path / target), problem)
    assert sorted(tmp_path.iterdir()) == before and (tmp_path / "a_file").read_text() == "keep"


POSIX_ONLY = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")


@POSIX_ONLY
def test_unwritable_folder(tmp_path, capsys):
    if os.geteuid() == 0:
        target = Path("/proc/posenc-out.npy")  # not even root may create files here
    else:
        folder = tmp_path / "locked"
        folder.mkdir()
        folder.chmod(0o500)
        target = folder / "out.npy"
    assert_refused(*export(tmp_path, capsys, "slopes", "--out", target), str(target))
    assert not target.exists()


def test_an_output_name_too_long_to_examine_is_one_line(tmp_path, capsys):
    target = tmp_path / ("n" * 300 + ".npy")
    assert_refused(*export(tmp_path, capsys, "slopes", "--out", target), "cannot write", "File name too long")
    assert_refused(*export(tmp_path, capsys, "slopes", "--out", tmp_path / "nul\0.npy"), "nul\\x00.npy", "NUL byte")
    assert list(tmp_path.iterdir()) == []


@POSIX_ONLY
def test_an_output_folder_that_may_not_be_entered_is_one_line(tmp_path):
    """A real EACCES: a folder without permissions, examined by a user other than root (root, which runs
    CI, may enter any folder, so the probe gives up root for nobody once Python has loaded)."""
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o000)
    target = locked / "out.npy"
    try:
        nobody = pwd.getpwnam("nobody")
    except KeyError:
        pytest.skip("no user nobody to give up root for")
    probe = ("import os, sys\nfrom posenc_gui import cli\n"
             f"if os.geteuid() == 0:\n    os.setgid({nobody.pw_gid}); os.setuid({nobody.pw_uid})\n"
             f"sys.exit(cli.export_main(['slopes', '--out', {str(target)!r}]))\n")
    try:
        done = run_command("-c", probe, cwd=ROOT)
    finally:
        locked.chmod(0o700)
    assert done.returncode == 2 and done.stdout == "", done.stderr
    assert done.stderr == f"posenc-gui export: cannot write {target}: Permission denied\n"
    assert list(locked.iterdir()) == []


@pytest.mark.parametrize("length", [245, 255])
def test_names_up_to_the_longest_the_system_allows_are_written(tmp_path, capsys, length):
    """The temporary file beside the target must fit wherever the target's name fits."""
    target = tmp_path / ("n" * (length - 4) + ".npy")
    status, out, err = export(tmp_path, capsys, "slopes", "--heads", 4, "--out", target)
    assert (status, err) == (0, "")
    assert np.load(target).shape == (4,) and list(tmp_path.iterdir()) == [target]


def test_control_characters_in_a_path_are_shown_escaped_on_one_line(tmp_path, capsys):
    target = tmp_path / "two\nlines\x1b[31mred" / "out.npy"
    status, out, err = export(tmp_path, capsys, "slopes", "--out", target)
    assert_refused(status, out, err, "two\\nlines\\x1b[31mred", "does not exist")
    assert "\x1b" not in err
    assert_refused(*export(tmp_path, capsys, "slopes", "--heads\x1b[2J", "4", "--out", target), "\\x1b[2J")
    written_name = tmp_path / "tab\there.npy"
    status, out, err = export(tmp_path, capsys, "slopes", "--out", written_name)
    assert (status, err) == (0, "") and out.count("\n") == 1 and "tab\\there.npy" in out


def test_memory_budget_refuses_before_writing(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("POSENC_MEMORY_BUDGET", "100000")
    out = tmp_path / "pe.npy"
    out.write_bytes(b"old")
    assert_refused(*export(tmp_path, capsys, "encoding", "--method", "sinusoidal", "--seq-len", 1000,
                           "--d-model", 64, "--out", out), "memory budget")
    assert_refused(*export(tmp_path, capsys, "bias", "--method", "alibi", "--heads", 8, "--seq-len", 32,
                           "--out", tmp_path / "b.csv"), "memory budget")
    assert out.read_bytes() == b"old" and sorted(p.name for p in tmp_path.iterdir()) == ["pe.npy"]


def test_existing_file_kept_when_the_new_write_fails(tmp_path, capsys, monkeypatch):
    out = tmp_path / "table.csv"
    out.write_text("old table\n")

    def fail_half_way(handle, array, comment):
        handle.write(b"row,0,1\n0,0.5,")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files, "write_csv", fail_half_way)
    assert_refused(*export(tmp_path, capsys, "buckets", "--seq-len", 8, "--out", out), "No space left")
    assert out.read_text() == "old table\n" and [p.name for p in tmp_path.iterdir()] == ["table.csv"]
    assert_refused(*export(tmp_path, capsys, "buckets", "--seq-len", "-8", "--out", out), "seq_len")
    assert out.read_text() == "old table\n"


def test_interrupted_write_leaves_no_trace(tmp_path, capsys, monkeypatch):
    out = tmp_path / "pe.csv"
    out.write_text("old\n")

    def interrupted(handle, array, comment):
        handle.write(b"row,0\n")
        raise KeyboardInterrupt

    monkeypatch.setattr(files, "write_csv", interrupted)
    status, stdout, err = export(tmp_path, capsys, "slopes", "--out", out)
    assert status == 130 and err.count("\n") == 1 and "interrupted" in err
    assert out.read_text() == "old\n" and [p.name for p in tmp_path.iterdir()] == ["pe.csv"]


@POSIX_ONLY
def test_new_files_get_the_usual_mode_and_replaced_ones_keep_theirs(tmp_path, capsys):
    mask = os.umask(0o022)
    os.umask(mask)
    out = tmp_path / "s.npy"
    assert export(tmp_path, capsys, "slopes", "--out", out)[0] == 0
    assert out.stat().st_mode & 0o777 == 0o666 & ~mask
    out.chmod(0o600)
    assert export(tmp_path, capsys, "slopes", "--heads", 4, "--out", out)[0] == 0
    assert out.stat().st_mode & 0o777 == 0o600 and np.load(out).shape == (4,)


# -- signals and leftovers ------------------------------------------------------------------------

def start_large_csv_export(folder: Path) -> subprocess.Popen:
    """The real command writing a CSV of tens of MB into ``folder``/big.csv, which takes seconds."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "posenc_gui", "export", "encoding", "--method", "sinusoidal",
                             "--seq-len", "8192", "--d-model", "512", "--out", "big.csv"],
                            cwd=folder, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            preexec_fn=default_ending_signals)


def default_ending_signals() -> None:
    """In the export's process: SIGTERM and SIGHUP as a shell gives them. A suite started under nohup passes SIGHUP on
    ignored, and an export that ignores it rightly runs on (the SIGHUP case failed in two runs started so)."""
    for name in ("SIGTERM", "SIGHUP"):
        signal.signal(getattr(signal, name), signal.SIG_DFL)


def partial_file(folder: Path, process: subprocess.Popen) -> Path:
    """The hidden temporary file of ``process``, once it has data in it (the export is then mid-write)."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        for path in folder.iterdir():
            try:
                if path.name.startswith(".") and path.stat().st_size > 0:
                    return path
            except FileNotFoundError:
                continue
        assert process.poll() is None, process.communicate()
        time.sleep(0.005)
    process.kill()
    pytest.fail("the export never started writing")


@POSIX_ONLY
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_signal_during_a_large_export_leaves_the_old_file_and_no_temporary(tmp_path, signum):
    old = tmp_path / "big.csv"
    old.write_text("the previous export\n")
    process = start_large_csv_export(tmp_path)
    partial_file(tmp_path, process)
    process.send_signal(signum)
    process.wait(timeout=60)
    assert process.returncode == -signum  # ended by the signal, as it would have been
    assert old.read_text() == "the previous export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["big.csv"]


@POSIX_ONLY
def test_the_leftover_of_a_killed_export_is_removed_by_the_next_write_there(tmp_path, capsys):
    process = start_large_csv_export(tmp_path)
    leftover = partial_file(tmp_path, process)
    process.kill()  # SIGKILL: nothing can clean up
    process.wait(timeout=60)
    assert leftover.exists()
    fresh = tmp_path / f".posenc-{process.pid}-justnow.tmp"     # dead writer, but changed a moment ago
    live = tmp_path / f".posenc-{os.getpid()}-inflight.tmp"     # a writer still running
    mine = tmp_path / ".notes.tmp"                               # not the app's
    for path in (fresh, live, mine):
        path.write_bytes(b"x")
    a_minute_ago = time.time() - 60
    for path in (leftover, live, mine):
        os.utime(path, (a_minute_ago, a_minute_ago))
    status, out, err = export(tmp_path, capsys, "slopes", "--out", tmp_path / "s.npy")
    assert (status, err) == (0, "")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([fresh.name, live.name, mine.name, "s.npy"])


# -- PNG and the real command ---------------------------------------------------------------------

def test_png_is_the_apps_figure_and_not_blank(tmp_path, capsys):
    from matplotlib.image import imread

    out = tmp_path / "pe.png"
    status, stdout, err = export(tmp_path, capsys, "encoding", "--method", "sinusoidal", "--seq-len", 32,
                                 "--d-model", 64, "--width", 800, "--out", out)
    assert (status, err) == (0, "") and "pe.png" in stdout
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    pixels = imread(out)
    assert pixels.shape[1] == 800 and pixels.shape[0] > 200
    colours = np.unique(pixels.reshape(-1, pixels.shape[2]), axis=0)
    assert len(colours) > 50 and pixels.std() > 0.05
    assert_refused(*export(tmp_path, capsys, "slopes", "--width", "8", "--out", tmp_path / "s.png"), "width")
    assert_refused(*export(tmp_path, capsys, "buckets", "--out", tmp_path / "b.png"), "buckets")
    assert [p.name for p in tmp_path.iterdir()] == ["pe.png"]


def run_command(*words, cwd):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, *words], capture_output=True, text=True, cwd=cwd, env=env, timeout=120)


def test_real_command_writes_without_importing_qt(tmp_path):
    done = run_command("-m", "posenc_gui", "export", "bias", "--method", "alibi", "--heads", "8", "--seq-len", "16",
                       "--causal", "--out", "alibi.npy", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, "") and done.stdout.count("\n") == 1
    assert np.load(tmp_path / "alibi.npy").shape == (8, 16, 16)
    probe = ("import sys\nfrom posenc_gui.__main__ import main\n"
             "status = main(['export', 'encoding', '--method', 'sinusoidal', '--seq-len', '8', '--d-model', '4',"
             " '--out', 'pe.csv'])\n"
             "status |= main(['export', 'walkthrough', '--out', 'steps.npz'])\n"
             "print('qt' if any(name.startswith('PySide6') for name in sys.modules) else 'no qt', status)\n")
    done = run_command("-c", probe, cwd=tmp_path)
    assert done.stdout.splitlines()[-1] == "no qt 0", done.stderr


def test_real_command_refuses_with_one_line(tmp_path):
    done = run_command("-m", "posenc_gui", "export", "slopes", "--heads", "many", "--out", "s.npy", cwd=tmp_path)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == "posenc-gui export: heads must be a number, not 'many'\n"
    assert list(tmp_path.iterdir()) == []
