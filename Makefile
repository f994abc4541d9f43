# The two commands of the README: `make run` and `make test`. Both bootstrap .venv first.
PY := .venv/bin/python
export QT_API := pyside6

.PHONY: run test bench bootstrap clean

bootstrap:
	@bash scripts/bootstrap.sh test

run: bootstrap
	$(PY) -m posenc_gui

test: bootstrap
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

bench: bootstrap
	$(PY) -m benchmarks

clean:
	rm -rf .venv build dist *.egg-info .pytest_cache
