# Two commands matter on a fresh machine: `make demo` and `make test` (see README.md).
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin

.PHONY: demo test lint typecheck fixtures bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Stamp files: reinstall only when the project's dependencies change.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python scripts/install_model $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python scripts/install_model $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@ $(VENV)/.installed

demo: $(VENV)/.installed
	$(BIN)/permaudit audit samples/ipcam-demo.apk --policy samples/privacy-policy.md --fail-on none

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(VENV)/.installed-test
	$(BIN)/mypy

test: lint typecheck
	$(BIN)/python -m pytest

# Figures, not pass/fail: each script says what it measures. evidence_bench.py (needs smali),
# batch_bench.py (needs aapt; times -j1, -j2 and --dask local)
# and policy_eval.py (needs ../shared/datasets) are run by hand.
bench: $(VENV)/.installed
	$(BIN)/python benchmarks/extract_bench.py
	$(BIN)/python benchmarks/aab_bench.py
	$(BIN)/python benchmarks/policy_load_bench.py

# Needs Debian's aapt, libsmali-java and android-framework-res; the built files are committed.
fixtures:
	$(BIN)/python scripts/build_fixtures

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
