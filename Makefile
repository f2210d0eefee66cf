# jixiao — two commands for a newcomer: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SEED := tests/corpus/dongguan_fulian_2025.txt

.PHONY: install demo test lint bench docs clean compiled test-compiled

$(STAMP): pyproject.toml
	scripts/system-packages.sh venv
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# The system packages first (installed as root, else one line naming them), then the venv.
demo:
	scripts/system-packages.sh demo
	@$(MAKE) --no-print-directory $(STAMP)
	$(BIN)/jixiao demo $(SEED)

test:
	scripts/system-packages.sh test
	@$(MAKE) --no-print-directory $(STAMP)
	$(BIN)/pytest -q -n 2 --dist loadfile

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python -m benchmarks

# Optional: the text reader's hot stages compiled with mypyc, in place (JIXIAO_PURE=1 ignores them).
compiled: $(STAMP)
	$(BIN)/python scripts/build_compiled.py

# CI, after the pure-Python suite: build, read the corpus both ways byte for byte, remove the build.
test-compiled: $(STAMP)
	$(BIN)/python scripts/build_compiled.py
	$(BIN)/pytest -q -p no:xdist tests/readers/test_compiled_reader.py
	$(BIN)/python scripts/build_compiled.py --clean

docs: $(STAMP)
	$(BIN)/jixiao rules --markdown > docs/rule-catalogue.md

clean:
	find src -name '*.so' -delete
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
