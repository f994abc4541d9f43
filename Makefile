# Shortcuts for scripts/dev.py, which bootstraps .venv (and, as root, Qt's system libraries) first.
PYTHON ?= python3

.PHONY: run test bench clean

run:
	$(PYTHON) scripts/dev.py run

test:
	$(PYTHON) scripts/dev.py test

bench:
	$(PYTHON) scripts/dev.py bench

clean:
	rm -rf .venv build dist *.egg-info .pytest_cache
