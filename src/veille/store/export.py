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


def export(store: Store, table: str, fmt: str, out: str | Path | None = None) -> int:
    """Write every row of `table` to `out` (stdout when None) and return the row count."""
    if table not in store.model.tables:
        raise ValueError(f"unknown table {table!r}; choose one of {', '.join(store.model.tables)}")
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    rows = store.iter_rows(table)
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
