# Shortcuts for scripts/dev.py, which bootstraps .venv (and, as root, Qt's system libraries) first.
PYTHON ?= python3

.PHONY: run test bench package clean

run:
	$(PYTHON) scripts/dev.py run

test:
	$(PYTHON) scripts/dev.py test

bench:
	$(PYTHON) scripts/dev.py bench

# Freeze (one-dir), self-test the frozen app, then this system's installers, from a build venv of its own
# (dist/posenc-gui_VERSION_ARCH.deb and a .tar.gz on Linux). See packaging/README.md.
package:
	$(PYTHON) packaging/build.py --venv build/pkgvenv

clean:
	rm -rf .venv build dist *.egg-info .pytest_cache
