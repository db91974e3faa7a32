# The two commands of the README. Both set everything up first (idempotent).
.PHONY: setup demo test lint

setup:
	./scripts/setup.sh

demo: setup
	rm -f examples/demo.duckdb
	.venv/bin/veille ingest --db examples/demo.duckdb examples/corpus
	.venv/bin/veille stats --db examples/demo.duckdb
	.venv/bin/veille events --db examples/demo.duckdb --limit 10
	.venv/bin/veille stories --db examples/demo.duckdb --min-documents 1

lint: setup
	.venv/bin/ruff check src tests benchmarks

test: setup lint
	.venv/bin/python -m pytest -q
