"""Pins what veille makes of the fixture corpus: a digest of each export of the fixture store.

The store is tests/fixtures/corpus (two articles and the dispatches) ingested as conftest's
`corpus_store` ingests it (real model, shipped knowledge base and outlets only). Each table is
exported as JSON Lines (`veille export`), its timestamp fields (as model.yaml types them) left
out and the repository's path made relative, and digested (SHA-256 of the canonical rows).
`tests/fixtures/exports.sha256.json` holds the expected digests; `tests/test_exports_pinned.py`
checks them. A change that alters what veille extracts changes a digest, on purpose or not.

Regenerate the expected file (after a change meant to alter the output; review it first)::

    PYTHONPATH=src .venv/bin/python tests/pin_exports.py            # rewrites the expected file
    PYTHONPATH=src .venv/bin/python tests/pin_exports.py --rows DIR  # also writes the rows, to diff
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "fixtures" / "corpus"
INPUTS = (CORPUS / "articles", CORPUS / "depeches.jsonl")
EXPECTED = ROOT / "tests" / "fixtures" / "exports.sha256.json"
TABLES = ("documents", "sources", "sentences", "mentions", "events", "stories", "merged_events")


def _relative(value: Any, prefix: str) -> Any:
    if isinstance(value, str):
        return value[len(prefix):] if value.startswith(prefix) else value
    if isinstance(value, list):
        return [_relative(v, prefix) for v in value]
    if isinstance(value, dict):
        return {k: _relative(v, prefix) for k, v in value.items()}
    return value


def rows(store: Any, table: str) -> list[str]:
    """The table's JSONL export as canonical lines: no timestamp field, paths relative to the repository."""
    from veille.store.export import export

    timestamps = {f.name for f in store.model[table].fields if f.type == "timestamp"}
    prefix = str(ROOT) + os.sep
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{table}.jsonl"
        export(store, table, "jsonl", path)
        lines = []
        for line in path.read_text("utf-8").splitlines():
            row = {k: v for k, v in json.loads(line).items() if k not in timestamps}
            lines.append(json.dumps(_relative(row, prefix), ensure_ascii=False, sort_keys=True))
    return lines


def digests(store: Any) -> dict[str, dict[str, Any]]:
    """table → {rows, sha256} of its canonical export."""
    out = {}
    for table in TABLES:
        lines = rows(store, table)
        out[table] = {"rows": len(lines), "sha256": hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()}
    return out


def build_store(path: Path, nlp: Any = None) -> Any:
    """The fixture store, ingested as conftest's `corpus_store` is."""
    from veille.pipeline import Ingestor
    from veille.store import Store

    store = Store(path)
    Ingestor(store, nlp=nlp).ingest_paths(list(INPUTS))
    return store


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=Path, help="also write each table's canonical rows here (to diff)")
    args = parser.parse_args(argv)
    # hermetic, as in the tests: the user's own actors and outlets folders must not count
    os.environ["VEILLE_ACTORS_DIR"] = tempfile.mkdtemp(prefix="veille-pin-actors-")
    os.environ["VEILLE_OUTLETS_DIR"] = tempfile.mkdtemp(prefix="veille-pin-outlets-")
    with tempfile.TemporaryDirectory() as folder:
        store = build_store(Path(folder) / "fixtures.duckdb")
        found = digests(store)
        if args.rows:
            args.rows.mkdir(parents=True, exist_ok=True)
            for table in TABLES:
                (args.rows / f"{table}.jsonl").write_text("\n".join(rows(store, table)) + "\n", "utf-8")
        store.close()
    EXPECTED.write_text(json.dumps(found, indent=2) + "\n", "utf-8")
    print(f"{EXPECTED.relative_to(ROOT)}: " + ", ".join(f"{t} {d['rows']}" for t, d in found.items()), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
