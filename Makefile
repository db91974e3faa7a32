# The commands of the README. Each sets everything up first (idempotent).
#   make demo  ingest the example corpus and show what veille finds
#   make test  lint (ruff, import layers) + the test suite, on the project's own texts (nothing beside the repository)
#   make eval  the measures against the shared gold: needs ../shared (gold, corpora, tools/score.py)
.PHONY: setup demo test lint eval check-shared

ROOT := $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))
SHARED := $(abspath $(ROOT)/../shared)

setup:
	./scripts/setup.sh

demo: setup
	rm -f examples/demo.duckdb
	.venv/bin/veille ingest --db examples/demo.duckdb examples/corpus
	.venv/bin/veille stats --db examples/demo.duckdb
	.venv/bin/veille events --db examples/demo.duckdb --limit 10
	.venv/bin/veille stories --db examples/demo.duckdb --min-documents 1
	@echo "Next: .venv/bin/veille serve --db examples/demo.duckdb   (then open http://127.0.0.1:8000)"

# ruff, then the layering of the packages and the absence of import cycles ([tool.importlinter] in pyproject.toml)
lint: setup
	.venv/bin/ruff check src tests benchmarks eval
	PYTHONPATH=src .venv/bin/lint-imports

test: setup lint
	.venv/bin/python -m pytest -q tests

# Checked before setup, so that a missing ../shared stops `make eval` at once; eval/conftest.py
# checks again, for `pytest eval/` run by hand.
check-shared:
	@test -f "$(SHARED)/tools/score.py" -a -d "$(SHARED)/gold" -a -d "$(SHARED)/seeds" -a -d "$(SHARED)/corpus" || \
	  { echo "make eval needs ../shared (gold, corpora, tools/score.py) beside the repository: not found at $(SHARED)" >&2; exit 2; }

eval: check-shared setup
	.venv/bin/python -m pytest -q eval
