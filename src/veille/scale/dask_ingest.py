"""Ingest on a Dask cluster: chunks of clean documents are parsed by workers into Parquet
shards, and the store takes the shards in, one transaction each.

The driver reads and cleans (cheap), drops documents the store already has, and keeps a
bounded number of chunks in flight. A chunk's id is a hash of its documents, and a
worker writes its shard to a temporary folder renamed into place when complete, so a
chunk that failed or whose worker died is simply computed again (Dask reschedules it)
and a shard already written is reused. Taking a shard in skips documents already stored,
so the result is the same documents, mentions and events as a one-process ingest.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
import threading
import uuid
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq
from distributed import Client, as_completed

from veille import stories
from veille.ingest.clean import BoilerplateRules, load_rules
from veille.ingest.outlets import Outlets, load_outlets
from veille.ingest.readers import iter_raw
from veille.ingest.types import Document
from veille.model import load_model
from veille.nlp import NerMode, ner_mode
from veille.pipeline import (
    SUPPORTED_LANGUAGES,
    IngestReport,
    ProgressCallback,
    add_annotations,
    add_documents,
    annotate,
    clean_item,
    source_rows,
    split_fresh,
)
from veille.store import Batch, Store
from veille.store.duckdb_store import ARROW_TYPES
from veille.store.export import model_json_fields

SHARD_TABLES = ("documents", "sentences", "mentions", "events")
_WORKER_NLP: dict[str, Any] = {}  # by `ner`
_WORKER_LOCK = threading.Lock()


def chunk_id(documents: Sequence[Document]) -> str:
    digest = hashlib.sha256("\n".join(d.doc_id for d in documents).encode()).hexdigest()
    return digest[:20]


def process_chunk(documents: list[dict[str, Any]], shard_root: str, ident: str,
                  ner: NerMode | str = NerMode.unknown) -> str:
    """Worker side: parse the documents and write one Parquet file per table. Idempotent."""
    final = Path(shard_root) / ident
    if (final / "_SUCCESS").exists():
        return str(final)
    with _WORKER_LOCK:  # the model is loaded once per worker process, even with several threads
        if ner not in _WORKER_NLP:
            from veille.nlp.pipeline import build_nlp

            _WORKER_NLP[ner] = build_nlp(ner=ner)
        nlp = _WORKER_NLP[ner]
    docs = [Document(**d) for d in documents]
    batch = Batch()
    parse = [d for d in docs if d.lang in SUPPORTED_LANGUAGES]
    for document, annotated in zip(parse, annotate(nlp, parse), strict=True):
        add_annotations(batch, document, annotated)
    add_documents(batch, docs)
    staging = Path(tempfile.mkdtemp(prefix=f".{ident}-", dir=shard_root))
    model = load_model()
    for table in SHARD_TABLES:
        _write_shard(staging / f"{table}.parquet", model[table], batch.rows.get(table, []))
    (staging / "_SUCCESS").touch()
    try:
        staging.rename(final)
    except OSError:  # another attempt finished first: its shard is as good as ours
        shutil.rmtree(staging, ignore_errors=True)
    return str(final)


def _write_shard(path: Path, table: Any, rows: list[dict[str, Any]]) -> None:
    columns = {}
    for f in table.fields:
        values = [row.get(f.name) for row in rows]
        if f.type == "json":
            values = [None if v is None else json.dumps(v, ensure_ascii=False) for v in values]
        columns[f.name] = pa.array(values, type=ARROW_TYPES[f.type])
    pq.write_table(pa.table(columns), path)


def read_shard(store: Store, folder: Path) -> Batch:
    """The rows of a shard as a Batch, JSON fields decoded."""
    batch = Batch()
    for table in SHARD_TABLES:
        json_fields = model_json_fields(store.model[table])
        for row in pq.read_table(folder / f"{table}.parquet").to_pylist():
            for name in json_fields:
                if isinstance(row.get(name), str):
                    row[name] = json.loads(row[name])
            batch.add(table, row)
    return batch


def take_shard(store: Store, folder: Path, sources: Batch | None = None) -> int:
    """Write a shard's documents not yet stored, with their annotations (and the chunk's
    source rows, in the same transaction). Returns how many documents were new."""
    batch = read_shard(store, folder)
    if sources is not None:
        batch.extend("sources", sources.rows.get("sources", []))
    known = store.known_documents([r["doc_id"] for r in batch.rows.get("documents", [])])
    if known:
        for table in SHARD_TABLES:  # sources are kept: every copy read is recorded
            batch.rows[table] = [r for r in batch.rows.get(table, []) if r["doc_id"] not in known]
    store.write(batch)
    return len(batch.rows.get("documents", []))


def _chunks(
    items: Iterable[Any], rules: BoilerplateRules, outlets: Outlets, report: IngestReport, size: int
) -> Iterator[list[Document]]:
    chunk: list[Document] = []
    for item in items:
        report.read += 1
        document = clean_item(item, rules, report, outlets)
        if document is not None:
            chunk.append(document)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def ingest_distributed(
    store: Store,
    paths: Sequence[str | Path],
    client: Client,
    *,
    rules: BoilerplateRules | None = None,
    chunk_size: int = 128,
    max_bytes: int = 10_000_000,
    shard_root: str | Path | None = None,
    stdin: IO[str] | IO[bytes] | None = None,
    progress: ProgressCallback | None = None,
    ner: NerMode | str = NerMode.unknown,
    outlets: Outlets | None = None,
) -> IngestReport:
    """Ingest `paths` into `store`, parsing on the cluster behind `client` (`ner`: see build_nlp).
    Documents are linked to their outlets here, before they are sent: workers need no profiles."""
    report = IngestReport()
    rules = rules or load_rules()
    outlets = outlets if outlets is not None else load_outlets()
    own_root = shard_root is None
    # an absolute folder next to the store: on a multi-machine cluster, a shared file system
    near_store = Path(store.path).resolve().parent if store.path != ":memory:" else None
    root = Path(shard_root or tempfile.mkdtemp(prefix="veille-shards-", dir=near_store)).resolve()
    root.mkdir(parents=True, exist_ok=True)
    run = uuid.uuid4().hex[:8]  # task keys of concurrent ingests on one scheduler never collide
    try:
        return _run(store, paths, client, root, run, rules, chunk_size, max_bytes, stdin, progress, report,
                    ner_mode(ner), outlets)
    finally:
        if own_root:
            shutil.rmtree(root, ignore_errors=True)


def _run(store: Store, paths: Sequence[str | Path], client: Client, root: Path, run: str,
         rules: BoilerplateRules, chunk_size: int, max_bytes: int, stdin: IO[str] | IO[bytes] | None,
         progress: ProgressCallback | None, report: IngestReport, ner: NerMode, outlets: Outlets) -> IngestReport:
    in_flight_limit = max(2, 2 * len(client.scheduler_info().get("workers", {})))
    futures = as_completed()
    in_flight: dict[str, set[str]] = {}  # chunk id -> doc ids submitted, not yet stored
    chunk_sources: dict[str, Batch] = {}  # chunk id -> its source rows, written with its shard
    # Stories are built in input order, whatever order the shards come back in, so that they
    # come out as in a one-process ingest: (chunk id or None, every doc id the chunk read).
    story_queue: deque[tuple[str | None, list[str]]] = deque()

    def place_stories() -> None:
        while story_queue and (story_queue[0][0] is None or story_queue[0][0] not in in_flight):
            stories.update(store, story_queue.popleft()[1], merge=False)

    def drain(block_until: int) -> None:
        while len(in_flight) > block_until:
            future = next(futures)
            folder = Path(future.result())
            in_flight.pop(folder.name, None)
            report.new += take_shard(store, folder, chunk_sources.pop(folder.name, None))
            shutil.rmtree(folder, ignore_errors=True)
            place_stories()
            if progress:
                progress(report)

    stories.update(store, merge=False)  # documents a crashed run stored but never placed in stories
    for chunk in _chunks(iter_raw(paths, max_bytes=max_bytes, stdin=stdin), rules, outlets, report, chunk_size):
        pending = set().union(*in_flight.values()) if in_flight else set()
        fresh = split_fresh(chunk, store.known_documents([d.doc_id for d in chunk]) | pending, report)
        report.unsupported += sum(d.lang not in SUPPORTED_LANGUAGES for d in fresh)
        if not fresh:
            store.write(source_rows(chunk))
            story_queue.append((None, [d.doc_id for d in chunk]))
            place_stories()
            continue
        ident = chunk_id(fresh) + ("" if ner == "unknown" else f"-ner-{ner}")  # not a shard of another setting
        story_queue.append((ident, [d.doc_id for d in chunk]))
        chunk_sources[ident] = source_rows(chunk)
        futures.add(client.submit(process_chunk, [asdict(d) for d in fresh], str(root), ident, ner,
                                  key=f"veille-chunk-{run}-{ident}", retries=3, pure=False))
        in_flight[ident] = {d.doc_id for d in fresh}
        drain(in_flight_limit)
    drain(0)
    place_stories()
    stories.merge_stale(store)
    if progress:
        progress(report)
    return report
