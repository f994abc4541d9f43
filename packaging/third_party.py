"""Third-party components shipped inside the frozen app, and their licence texts.

One table feeds ``resources/licenses/`` (shipped in the wheel and in every frozen app, shown by the About box), the
Debian ``copyright`` file and the NSIS licence page. Refresh the texts from the build environment with:

    python packaging/third_party.py        (writes resources/licenses/)
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LICENSES = ROOT / "resources" / "licenses"
COMMON_LICENSES = Path("/usr/share/common-licenses")  # Debian's verbatim copies of the standard texts


@dataclass(frozen=True)
class Component:
    name: str
    distribution: str | None  # the Python distribution whose version and licence file we read, if any
    spdx: str
    copyright: str
    url: str
    licence_file: str  # file name inside resources/licenses/


COMPONENTS = (
    Component("Qt 6 (libraries, plugins, translations)", "PySide6-Essentials", "LGPL-3.0-only",
              "The Qt Company Ltd. and other contributors", "https://www.qt.io/", "LGPL-3.0.txt"),
    Component("PySide6 / Shiboken6", "PySide6-Essentials", "LGPL-3.0-only",
              "The Qt Company Ltd.", "https://wiki.qt.io/Qt_for_Python", "LGPL-3.0.txt"),
    Component("ICU (linked by Qt Core)", None, "Unicode-DFS-2016",
              "Unicode, Inc. and others", "https://icu.unicode.org/", "ICU-LICENSE.txt"),
    Component("NumPy (with OpenBLAS and gfortran runtime)", "numpy", "BSD-3-Clause AND 0BSD AND MIT AND Zlib AND CC0-1.0",
              "NumPy Developers", "https://numpy.org/", "numpy-LICENSE.txt"),
    Component("pyqtgraph", "pyqtgraph", "MIT", "Luke Campagnola and pyqtgraph contributors",
              "https://www.pyqtgraph.org/", "pyqtgraph-LICENSE.txt"),
    Component("superqt", "superqt", "BSD-3-Clause", "Talley Lambert and superqt contributors",
              "https://github.com/pyapp-kit/superqt", "superqt-LICENSE.txt"),
    Component("QtPy (imported by superqt)", "QtPy", "MIT", "The Spyder Development Team and QtPy contributors",
              "https://github.com/spyder-ide/qtpy", "QtPy-LICENSE.txt"),
    Component("Pygments (imported by superqt)", "pygments", "BSD-2-Clause", "Georg Brandl, Matthäus Chajdas and contributors",
              "https://pygments.org/", "Pygments-LICENSE.txt"),
    Component("Python runtime", None, "PSF-2.0", "Python Software Foundation", "https://www.python.org/",
              "Python-LICENSE.txt"),
    Component("safetensors (reads the MiniLM weights)", "safetensors", "Apache-2.0", "Hugging Face",
              "https://github.com/huggingface/safetensors", "Apache-2.0.txt"),
    Component("gguf (reads the SmolLM2 weights)", "gguf", "MIT", "Georgi Gerganov and the ggml authors",
              "https://github.com/ggml-org/llama.cpp/tree/master/gguf-py", "gguf-LICENSE.txt"),
    Component("PyYAML (imported by gguf)", "pyyaml", "MIT", "Ingy döt Net, Kirill Simonov", "https://pyyaml.org/",
              "PyYAML-LICENSE.txt"),
    Component("tokenizers (splits text for the real models)", "tokenizers", "Apache-2.0", "Hugging Face",
              "https://github.com/huggingface/tokenizers", "Apache-2.0.txt"),
    Component("all-MiniLM-L6-v2 position-embedding table (resources/embeddings)", None, "Apache-2.0",
              "Microsoft / sentence-transformers", "https://huggingface.co/sentence-transformers/all-MiniLM-L6-v2",
              "Apache-2.0.txt"),
)
# No font is bundled: the .deb depends on fonts-noto-cjk, Windows and macOS ship CJK fonts of their own.

# Texts kept in the repository because no build environment has a copy (no Python distribution carries ICU's).
KEPT = ("ICU-LICENSE.txt",)


def version_of(component: Component) -> str:
    """Installed version of the component's Python distribution, or '' when it has none."""
    if component.distribution is None:
        return sys.version.split()[0] if component.spdx == "PSF-2.0" else ""
    try:
        return metadata.version(component.distribution)
    except metadata.PackageNotFoundError:
        return ""


def distribution_licence(name: str) -> str | None:
    """Text of the main licence file of an installed distribution (LICENSE*, COPYING*), if it has one."""
    try:
        files = metadata.files(name) or []
    except metadata.PackageNotFoundError:
        return None
    candidates = [f for f in files if ".dist-info" in str(f) and Path(str(f)).name.upper().startswith(("LICENSE", "COPYING"))]
    candidates.sort(key=lambda f: len(str(f)))  # the top-level file before bundled sub-licences
    return candidates[0].read_text(encoding="utf-8") if candidates else None


def licence_texts() -> dict[str, str]:
    """File name -> verbatim licence text, read from the build environment."""
    texts = {name: (LICENSES / name).read_text(encoding="utf-8") for name in KEPT}
    texts["PosEnc-Explorer-LICENSE.txt"] = (ROOT / "LICENSE").read_text(encoding="utf-8")
    for name, source in {"LGPL-3.0.txt": "LGPL-3", "GPL-3.0.txt": "GPL-3", "Apache-2.0.txt": "Apache-2.0"}.items():
        if (COMMON_LICENSES / source).is_file():
            texts[name] = (COMMON_LICENSES / source).read_text(encoding="utf-8")
    python_licence = Path(sys.base_prefix) / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}" / "LICENSE.txt"
    if python_licence.is_file():
        texts["Python-LICENSE.txt"] = python_licence.read_text(encoding="utf-8")
    for distribution, name in {"numpy": "numpy-LICENSE.txt", "pyqtgraph": "pyqtgraph-LICENSE.txt",
                               "superqt": "superqt-LICENSE.txt", "QtPy": "QtPy-LICENSE.txt",
                               "pygments": "Pygments-LICENSE.txt", "gguf": "gguf-LICENSE.txt",
                               "pyyaml": "PyYAML-LICENSE.txt"}.items():
        text = distribution_licence(distribution)
        if text:
            texts[name] = text
    return texts


def summary() -> str:
    """Plain-text table of the bundled components (THIRD-PARTY-NOTICES.txt)."""
    lines = ["PosEnc Explorer is MIT-licensed. The packaged app also contains these components,",
             "each under its own licence (full texts in this folder). Qt and PySide6 are used as",
             "shared libraries, unmodified; you may replace them with your own build (LGPL-3.0 section 4).",
             ""]
    for component in COMPONENTS:
        version = version_of(component)
        lines += [f"{component.name}{' ' + version if version else ''}",
                  f"  Licence: {component.spdx}  (see {component.licence_file})",
                  f"  Copyright: {component.copyright}",
                  f"  Source: {component.url}", ""]
    return "\n".join(lines)


def write_licenses(out: Path = LICENSES) -> list[Path]:
    """Write the summary and every licence text into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    texts = licence_texts()
    texts["THIRD-PARTY-NOTICES.txt"] = summary()
    for name, text in texts.items():
        (out / name).write_text(text, encoding="utf-8")
    return sorted(out / name for name in texts)


if __name__ == "__main__":
    for path in write_licenses():
        print(path)
