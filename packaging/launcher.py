"""Entry script that PyInstaller freezes: the same ``main`` as ``posenc-gui`` and ``python -m posenc_gui``."""

import sys

from posenc_gui.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
