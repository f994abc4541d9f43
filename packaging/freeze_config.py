"""What every frozen build leaves out: unused Python packages, Qt modules, plugins and translations.

Shared by packaging/posenc-gui.spec and the hello-world baseline packaging/bench/hello.spec, so both are
trimmed the same way. Plain Python (no PyInstaller import) so the tests can check it.
"""

import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

# Qt modules and Python packages the app never imports, and pyqtgraph extras that nothing imports at start-up
# (pyqtgraph 0.14 imports util.cupy_helper, multiprocess and QtOpenGL(Widgets) at start-up: those stay).
EXCLUDES = [
    "tkinter", "_tkinter", "readline", "matplotlib", "PIL", "scipy", "pandas", "IPython", "numba", "cupy",
    "pytest", "pytestqt", "hypothesis", "_pytest", "setuptools", "pip",
    # the real models' readers (safetensors, gguf, tokenizers) stay; what they only import for downloading or
    # for other frameworks goes
    "huggingface_hub", "torch", "tensorflow", "jax", "flax", "paddle", "mlx",
    # PyYAML's LibYAML binding (2.7 MB; gguf imports yaml, PyYAML falls back to its pure-Python code without it):
    # it keeps the app-only one-dir within 150 MB
    "yaml._yaml", "_yaml",
    "PyQt5", "PyQt6", "PySide2",
    "PySide6.QtNetwork", "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets", "PySide6.QtQuickControls2",
    "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "PySide6.QtWebChannel", "PySide6.QtWebSockets",
    "PySide6.Qt3DCore", "PySide6.Qt3DRender", "PySide6.Qt3DExtras", "PySide6.QtMultimedia", "PySide6.QtSql",
    "PySide6.QtDesigner", "PySide6.QtHelp", "PySide6.QtPdf",
    "PySide6.QtUiTools", "PySide6.QtDBus", "PySide6.QtXml", "PySide6.QtConcurrent", "PySide6.QtTest", "PySide6.QtSvgWidgets",
    "pyqtgraph.opengl", "pyqtgraph.examples", "pyqtgraph.jupyter", "pyqtgraph.console", "pyqtgraph.flowchart",
    "pyqtgraph.canvas", "pyqtgraph.functions_numba",
]

# Qt plugins kept per folder; every other plugin file in these folders is dropped.
KEEP_PLUGINS = {
    "platforms": {"qxcb", "qwayland", "qoffscreen", "qminimal", "qwindows", "qcocoa"},
    "imageformats": {"qsvg", "qico"},  # the app reads and writes SVG and PNG (built into Qt Gui) only
    # qgtk3 would load the system GTK against the bundled GLib; the portal theme gives native dialogs instead.
    "platformthemes": {"qxdgdesktopportal"},
}
DROP_PLUGIN_DIRS = {"egldeviceintegrations", "generic", "networkinformation", "tls", "sqldrivers", "qmltooling",
                    "designer", "printsupport", "qmllint", "wayland-graphics-integration-server"}
# Qt's own translations only for the languages the app offers (English needs none).
KEEP_TRANSLATIONS = {"qt_zh_CN.qm", "qtbase_zh_CN.qm"}
# Shared libraries of excluded Qt modules that hooks may still pull in.
DROP_LIBRARY_PREFIXES = ("libQt6Qml", "libQt6Quick", "libQt6Network", "libQt6Pdf", "libQt6WebEngine", "libQt6Designer",
                         "libQt6Multimedia", "libQt6Sql", "libQt6Help", "libQt6Labs", "libQt6Lottie",
                         "libQt6EglFS", "libQt6EglFs", "Qt6Qml", "Qt6Quick", "Qt6Network", "Qt6Pdf", "Qt6Designer", "Qt6Help")


def keep(dest: str) -> bool:
    """Whether a file collected for the bundle (its destination path) is needed by the app."""
    parts = Path(dest).parts
    name = parts[-1]
    if "translations" in parts and "PySide6" in parts:
        return name in KEEP_TRANSLATIONS
    if "plugins" in parts:
        folder = parts[parts.index("plugins") + 1] if len(parts) > parts.index("plugins") + 2 else ""
        if folder in DROP_PLUGIN_DIRS:
            return False
        if folder in KEEP_PLUGINS:
            stem = name.split(".")[0].removeprefix("lib")
            return stem in KEEP_PLUGINS[folder]
    return not name.startswith(DROP_LIBRARY_PREFIXES)


# Where a Linux system keeps its shared libraries. Libraries found there (xcb, X11, EGL, fontconfig, GLib, the C++
# runtime, OpenSSL, ...) are left to the system: the .deb declares them in Depends (dpkg-shlibdeps). Bundling them
# would pin this machine's copies, which can clash with the target's drivers and configuration files.
SYSTEM_LIBRARY_DIRS = (Path("/lib"), Path("/lib64"), Path("/usr/lib"), Path("/usr/lib64"))


def is_system_library(source: str) -> bool:
    """Whether a collected binary (its source path) is a Linux system library rather than part of Python or a wheel."""
    if not sys.platform.startswith("linux"):
        return False
    path = Path(source).resolve()
    if Path(source).name.startswith("libpython") or {"site-packages", "dist-packages"} & set(path.parts):
        return False  # PyInstaller's bootloader loads libpython from the bundle; wheels ship their own libraries
    if path.is_relative_to(Path(sysconfig.get_paths()["platstdlib"]).resolve()):
        return False  # the interpreter's own extension modules (lib-dynload)
    return any(path.is_relative_to(folder) for folder in SYSTEM_LIBRARY_DIRS)


ICU_DATA_STUB = Path(__file__).resolve().parent / "linux" / "icudata_stub.c"


def trimmed_binaries(binaries: list, workdir: str) -> list:
    """The collected binaries the app needs, minus the system's own libraries, with an empty ICU data library and
    the interpreter's debug info stripped."""
    kept = [entry for entry in binaries if keep(entry[0]) and not is_system_library(entry[1])]
    return without_debug_info(with_empty_icu_data(kept, workdir), workdir)


def with_empty_icu_data(binaries: list, workdir: str) -> list:
    """On Linux, swap Qt's libicudata.so.NN (32 MB of collation, converter and dictionary data the app never uses)
    for the empty library built from linux/icudata_stub.c. Needs a C compiler (cc)."""
    result = []
    for dest, source, kind in binaries:
        match = re.fullmatch(r"libicudata\.so\.(\d+)", Path(dest).name)
        if match and sys.platform.startswith("linux"):
            stub = Path(workdir) / "icudata-stub" / Path(dest).name
            stub.parent.mkdir(parents=True, exist_ok=True)
            subprocess.run(["cc", "-shared", "-nostdlib", "-fPIC", "-O2", f"-DICU_DATA_SYMBOL=icudt{match[1]}_dat",
                            f"-Wl,-soname,{stub.name}", "-o", str(stub), str(ICU_DATA_STUB)], check=True)
            source = str(stub)
        result.append((dest, source, kind))
    return result


def without_debug_info(binaries: list, workdir: str) -> list:
    """On Linux, swap the interpreter's own libraries (libpython, lib-dynload) for copies without debug sections
    (a pyenv build carries ~25 MB of them). Wheels' libraries stay as they are: PyInstaller's strip=True also
    strips their patched copies (NumPy's OpenBLAS) and breaks them."""
    if not sys.platform.startswith("linux") or shutil.which("strip") is None:
        return binaries
    interpreter = Path(sys.base_prefix).resolve()
    result = []
    for dest, source, kind in binaries:
        if Path(source).resolve().is_relative_to(interpreter) and ".so" in Path(dest).name:
            copy = Path(workdir) / "stripped" / dest
            copy.parent.mkdir(parents=True, exist_ok=True)
            subprocess.run(["strip", "--strip-debug", "-o", str(copy), source], check=True)
            source = str(copy)
        result.append((dest, source, kind))
    return result
