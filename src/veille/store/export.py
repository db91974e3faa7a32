"""Exports of the store as JSON Lines, CSV or Parquet, with the columns of model.yaml."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from veille.store.duckdb_store import ARROW_TYPES, Store

FORMATS = ("jsonl", "csv", "parquet")
EXPORT_CHUNK = 5_000


# The floors an export takes, by table: the column each filters on (queries.EventFilter's, for events).
FLOORS = {"events": {"min_confidence": "confidence", "min_politics": "politics"},
          "documents": {"min_politics": "politics"}}


def export(store: Store, table: str, fmt: str, out: str | Path | None = None, *,
           min_confidence: float | None = None, min_politics: float | None = None) -> int:
    """Write every row of `table` to `out` (stdout when None) and return the row count. `min_confidence` keeps
    the events whose confidence is at least it; `min_politics` the events and documents whose (document's)
    politics probability is at least it (a row without one is left out)."""
    if table not in store.model.tables:
        raise ValueError(f"unknown table {table!r}; choose one of {', '.join(store.model.tables)}")
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    floors = {name: value for name, value in (("min_confidence", min_confidence), ("min_politics", min_politics))
              if value is not None}
    for name, value in floors.items():
        if name not in FLOORS.get(table, {}):
            kept = [t for t, names in FLOORS.items() if name in names]
            raise ValueError(f"{name} filters {' and '.join(kept)}, not {table}")
        if not 0.0 <= float(value) <= 1.0:
            raise ValueError(f"{name}: {value!r} is not a number from 0 to 1")
    where = [(FLOORS[table][name], float(value)) for name, value in floors.items()]
    rows = store.iter_rows(table, at_least=where)
    if fmt == "parquet":
        if out is None:
            raise ValueError("parquet needs an output file (-o FILE)")
        return _write_parquet(store, table, rows, Path(out))
    handle: IO[str]
    handle = open(out, "w", encoding="utf-8", newline="") if out else sys.stdout  # noqa: SIM115
    try:
        return _write_jsonl(rows, handle) if fmt == "jsonl" else _write_csv(store, table, rows, handle)
    finally:
        if out:
            handle.close()


def _write_jsonl(rows: Iterator[dict[str, Any]], handle: IO[str]) -> int:
    count = 0
    for row in rows:
        handle.write(json.dumps(row, ensure_ascii=False, default=str))
        handle.write("\n")
        count += 1
    return count


def _write_csv(store: Store, table: str, rows: Iterator[dict[str, Any]], handle: IO[str]) -> int:
    spec = store.model[table]
    nested = {f.name for f in spec.fields if f.type in ("json", "list")}
    writer = csv.DictWriter(handle, fieldnames=spec.columns)
    writer.writeheader()
    count = 0
    for row in rows:
        for name in nested:
            if row[name] is not None:
                row[name] = json.dumps(row[name], ensure_ascii=False)
        writer.writerow(row)
        count += 1
    return count


def _write_parquet(store: Store, table: str, rows: Iterator[dict[str, Any]], path: Path) -> int:
    spec = store.model[table]
    # nested JSON fields are written as JSON text: their shape varies from row to row
    schema = pa.schema([(f.name, ARROW_TYPES[f.type]) for f in spec.fields])
    count = 0
    with pq.ParquetWriter(path, schema) as writer:
        while chunk := list(islice(rows, EXPORT_CHUNK)):
            columns = {}
            for f in spec.fields:
                values = [row[f.name] for row in chunk]
                if f.type == "json":
                    values = [None if v is None else json.dumps(v, ensure_ascii=False) for v in values]
                columns[f.name] = pa.array(values, type=ARROW_TYPES[f.type])
            writer.write_table(pa.table(columns, schema=schema))
            count += len(chunk)
    return count


def model_json_fields(table: Any) -> set[str]:
    return {f.name for f in table.fields if f.type == "json"}
