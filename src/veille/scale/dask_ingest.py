"""Ingest on a Dask cluster: the driver reads, the workers clean and parse, the driver stores.

Each chunk of raw documents goes through two steps on a worker (`scale/worker.py`):
cleaning, whose summary (ids, sources, languages) comes back to the driver, and parsing of
the documents the store does not have yet, whose rows come back as a shard of Arrow tables
that the store takes in. The clean documents stay on the worker in
between. The driver decides what is new in input order, so the first copy of a document is
the one stored, as in a one-process ingest; it keeps a few chunks per worker in flight, and
stores the shards a few chunks at a time (WRITE_BATCH) and places documents in stories in
input order, whatever order the shards come back in.

Nothing but Dask's connections is shared: a worker needs veille and the model, not the
input files or the store. Every task carries what it needs (the raw documents, the boilerplate
rules, the outlet profiles), or depends only on tasks that do, so the scheduler can compute again
whatever a dead worker held: nothing is scattered, since scattered data a worker takes with it
is lost for good (Dask's memory manager keeps a single copy of it). A chunk whose step the
cluster still loses is cleaned and sent again; the run gives up when the cluster keeps losing
the same chunk while no work completes, or has had no worker for NO_WORKER_TIMEOUT seconds.
Taking a shard in skips documents already stored.
"""

from __future__ import annotations

import itertools
import time
import uuid
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import pyarrow as pa
import pyarrow.compute as pc
from distributed import Client, Future, as_completed, wait
from distributed.client import FutureCancelledError

from veille import stories
from veille.ingest.clean import BoilerplateRules, load_rules
from veille.ingest.outlets import Outlets, load_outlets
from veille.ingest.readers import iter_raw
from veille.ingest.types import RawDocument, ReadFailure
from veille.nlp import NerMode, ner_mode
from veille.pipeline import SUPPORTED_LANGUAGES, IngestReport, ProgressCallback, source_rows, split_fresh
from veille.scale.worker import ModelPlugin, Seen, Shard, clean_chunk, parse_chunk, summary
from veille.store import Batch, Store

CHUNK_SIZE = 32  # documents per task: small enough that the workers finish together
CHUNKS_PER_WORKER = 3  # in flight per worker thread, so a worker never waits for the driver
STORY_BATCH = 512  # documents placed in stories per transaction (the result does not depend on it)
WRITE_BATCH = 128  # parsed documents the driver stores per transaction: a store write costs the same for 32 or 128
_FIRST = 10  # task priority of cleaning: ahead of the parses already queued
MAX_RESUBMITS = 3  # times in a row a chunk the cluster lost is sent again while no work completes
NO_WORKER_TIMEOUT = 120.0  # seconds the cluster may have no worker before the run gives up
DRIVER_THREADS = 1  # DuckDB threads of the driver's store during a run
_CHECK_EVERY = 5.0  # seconds between looks at the cluster's workers while no task completes


@dataclass
class _Chunk:
    """A chunk from submission to story placement."""

    number: int
    cleaned: Future | None
    items: list[RawDocument | ReadFailure] = field(default_factory=list)  # kept to resubmit, until stored
    parse_ids: list[str] = field(default_factory=list)  # ids sent to be parsed, in order
    losses: int = 0  # times the cluster lost the chunk's step since a step last completed
    summary: tuple[list[Seen], list[ReadFailure]] | None = None
    seen: list[Seen] = field(default_factory=list)  # every clean document, copies included
    fresh: set[str] = field(default_factory=set)  # ids being parsed
    sources: Batch | None = None
    stored: bool = False


def ingest_distributed(
    store: Store,
    paths: Sequence[str | Path],
    client: Client,
    *,
    rules: BoilerplateRules | None = None,
    chunk_size: int = CHUNK_SIZE,
    max_bytes: int = 10_000_000,
    stdin: IO[str] | IO[bytes] | None = None,
    progress: ProgressCallback | None = None,
    ner: NerMode | str = NerMode.unknown,
    outlets: Outlets | None = None,
) -> IngestReport:
    """Ingest `paths` into `store`, cleaning and parsing on the cluster behind `client`
    (`ner`: see build_nlp). Every worker loads the model before the first chunk is sent; the
    outlet profiles (the driver's, shipped ones and `$VEILLE_OUTLETS_DIR`) go with the chunks, so
    workers link documents to the same outlets as a one-process ingest."""
    ner = ner_mode(ner)
    client.register_plugin(ModelPlugin(ner))
    run = _Run(store, client, rules or load_rules(), ner, progress, outlets if outlets is not None else load_outlets())
    # The driver's store work is small transactions, a chunk or a batch of stories at a time: with
    # DuckDB's default of a thread per core, its threads spent CPU the workers need (2 cores, 2,000
    # real articles: driver CPU -2 s); the store gets its setting back at the end.
    threads = store.con.execute("SELECT current_setting('threads')").fetchone()[0]  # type: ignore[index]
    store.con.execute(f"SET threads = {DRIVER_THREADS}")
    try:
        return run.ingest(iter_raw(paths, max_bytes=max_bytes, stdin=stdin), chunk_size)
    finally:
        store.con.execute(f"SET threads = {int(threads)}")


class _Run:
    def __init__(self, store: Store, client: Client, rules: BoilerplateRules, ner: NerMode,
                 progress: ProgressCallback | None, outlets: Outlets) -> None:
        self.store, self.client, self.rules, self.ner, self.progress = store, client, rules, ner, progress
        self.outlets = outlets  # in every cleaning task (20 kB): nothing a dead worker takes with it
        self.report = IngestReport()
        self.prefix = f"veille-{uuid.uuid4().hex[:8]}"  # concurrent ingests on one scheduler never collide
        self.events = as_completed()
        self.tasks: dict[str, tuple[str, _Chunk, Future]] = {}  # future key -> (step, chunk, future)
        self.lost: dict[int, _Chunk] = {}  # chunks lost since a step last completed, by number
        self.resubmits = itertools.count(1)
        self.unsummarised: deque[_Chunk] = deque()  # in input order
        self.unplaced: deque[_Chunk] = deque()  # not yet placed in stories, in input order
        self.parsing: set[str] = set()  # ids of documents sent to be parsed, not stored yet
        self.unwritten: list[tuple[_Chunk, Shard | None]] = []  # chunks done by the cluster, not stored yet
        self.in_flight = 0
        self.threads, self.counted = 1, -float("inf")

    def ingest(self, items: Iterable[RawDocument | ReadFailure], chunk_size: int) -> IngestReport:
        stories.update(self.store, merge=False)  # documents a crashed run stored but never placed in stories
        chunks = _chunks(items, chunk_size)
        numbers = itertools.count()
        exhausted = False
        while True:
            while not exhausted and self.in_flight < self._limit():
                items_ = next(chunks, None)
                if items_ is None:
                    exhausted = True
                else:
                    self._submit(next(numbers), items_)
            if not self.in_flight:
                break
            future = self._next()
            step, chunk, _ = self.tasks.pop(future.key)
            try:
                value = future.result()
            except FutureCancelledError as error:
                # the scheduler forgot the chunk's step (its inputs were lost with a worker): send it again
                self._resubmit(step, chunk, error)
                continue
            self._progress()
            if step == "summary":
                chunk.summary = value
                self._decide()
            else:
                self._take(chunk, value)
            self._write(final=not self.in_flight)
            self._place(final=False)
        self._write(final=True)
        self._place(final=True)
        stories.merge_stale(self.store)
        if self.progress:
            self.progress(self.report)
        return self.report

    def _next(self) -> Future:
        """The next task done; a clear error, not a wait without end, if the cluster has had no
        worker for NO_WORKER_TIMEOUT seconds."""
        alone_since: float | None = None
        while not self.events.has_ready():
            pending = [future for _, _, future in self.tasks.values()]
            try:
                wait(pending, timeout=_CHECK_EVERY, return_when="FIRST_COMPLETED")
                break
            except TimeoutError:
                pass
            if self.client.nthreads():
                alone_since = None
            elif alone_since is None:
                alone_since = time.monotonic()
            elif time.monotonic() - alone_since >= NO_WORKER_TIMEOUT:
                raise RuntimeError(f"the cluster has had no worker for {NO_WORKER_TIMEOUT:.0f} s "
                                   f"(chunks not done: {self.in_flight})")
        return next(self.events)

    def _progress(self) -> None:
        """A step completed: the cluster works, so the chunks it lost before start counting again."""
        for chunk in self.lost.values():
            chunk.losses = 0
        self.lost.clear()

    def _limit(self) -> int:
        """Chunks to keep in flight: a few per worker thread, workers counted again every few seconds."""
        if time.monotonic() - self.counted > 2:
            self.threads = max(1, sum(self.client.nthreads().values()))
            self.counted = time.monotonic()
        return CHUNKS_PER_WORKER * self.threads

    def _submit(self, number: int, items: list[RawDocument | ReadFailure]) -> None:
        self.report.read += len(items)
        key = f"{self.prefix}-{number}"
        cleaned = self.client.submit(clean_chunk, items, self.rules, self.outlets, key=f"{key}-clean", priority=_FIRST,
                                     retries=3)
        chunk = _Chunk(number, cleaned, items=items)
        self._watch(self.client.submit(summary, cleaned, key=f"{key}-summary", priority=_FIRST, retries=3),
                    "summary", chunk)
        self.unsummarised.append(chunk)
        self.unplaced.append(chunk)
        self.in_flight += 1

    def _resubmit(self, step: str, chunk: _Chunk, error: FutureCancelledError) -> None:
        """Clean the chunk again and redo the step the cluster lost, under new keys. One worker's
        death may take several steps of a chunk, and several chunks, but each once: a chunk lost
        again and again while no step of any chunk completes is a cluster that does not work."""
        chunk.losses += 1
        self.lost[chunk.number] = chunk
        if chunk.losses > MAX_RESUBMITS:
            raise RuntimeError(f"chunk {chunk.number}: lost by the cluster {chunk.losses} times in a row while no "
                               f"work completed (last: {error.reason})")
        key = f"{self.prefix}-{chunk.number}-again{next(self.resubmits)}"
        chunk.cleaned = self.client.submit(clean_chunk, chunk.items, self.rules, self.outlets, key=f"{key}-clean",
                                           priority=_FIRST, retries=3)
        if step == "summary":
            future = self.client.submit(summary, chunk.cleaned, key=f"{key}-summary", priority=_FIRST, retries=3)
        else:
            future = self.client.submit(parse_chunk, chunk.cleaned, chunk.parse_ids, self.ner, key=f"{key}-parse",
                                        retries=3)
        self._watch(future, step, chunk)

    def _watch(self, future: Future, step: str, chunk: _Chunk) -> None:
        self.tasks[future.key] = (step, chunk, future)
        self.events.add(future)

    def _decide(self) -> None:
        """For each summarised chunk, in input order: what is new goes to be parsed."""
        while self.unsummarised and self.unsummarised[0].summary is not None:
            chunk = self.unsummarised.popleft()
            seen, failures = chunk.summary
            chunk.seen, chunk.summary = seen, None
            self.report.failures.extend(failures)
            ids = [s.doc_id for s in seen]
            fresh = split_fresh(seen, self.store.known_documents(ids) | self.parsing.intersection(ids), self.report)
            self.report.unsupported += sum(s.lang not in SUPPORTED_LANGUAGES for s in fresh)
            chunk.sources = source_rows(seen)
            if not fresh:
                self._take(chunk, None)
                continue
            chunk.fresh = {s.doc_id for s in fresh}
            self.parsing |= chunk.fresh
            chunk.parse_ids = [s.doc_id for s in fresh]
            shard = self.client.submit(parse_chunk, chunk.cleaned, chunk.parse_ids, self.ner,
                                       key=f"{self.prefix}-{chunk.number}-parse", retries=3)
            self._watch(shard, "parse", chunk)

    def _take(self, chunk: _Chunk, shard: Shard | None) -> None:
        """The cluster is done with the chunk: its rows wait to be stored with the next chunks'."""
        self.unwritten.append((chunk, shard))
        self.in_flight -= 1

    def _write(self, *, final: bool) -> None:
        """Store the chunks done, once they hold WRITE_BATCH parsed documents (all, if `final`):
        their source rows and the shards' documents not stored yet, in one transaction."""
        parsed = sum(shard["documents"].num_rows for _, shard in self.unwritten if shard is not None)
        if not self.unwritten or (parsed < WRITE_BATCH and not final):
            return
        sources, shards = Batch(), []
        for chunk, shard in self.unwritten:
            for name, rows in (chunk.sources.rows if chunk.sources is not None else {}).items():
                sources.extend(name, rows)
            if shard is not None:
                shards.append(shard)
        frames: Shard = {}
        if shards:
            shard = {name: pa.concat_tables([s[name] for s in shards]) for name in shards[0]}
            ids = shard["documents"].column("doc_id").to_pylist()
            known = self.store.known_documents(ids)
            keep = [i for i in ids if i not in known]
            frames = {name: table.filter(pc.is_in(table.column("doc_id"), value_set=pa.array(keep, pa.string())))
                      for name, table in shard.items()} if known else shard
            self.report.new += len(keep)
        self.store.write(sources, frames)
        for chunk, _ in self.unwritten:
            self.parsing -= chunk.fresh
            chunk.stored, chunk.cleaned, chunk.sources, chunk.items = True, None, None, []  # the worker may forget it
        self.unwritten = []
        if self.progress:
            self.progress(self.report)

    def _place(self, *, final: bool) -> None:
        """Place the stored chunks at the head of the input in stories, a batch at a time."""
        ready = list(itertools.takewhile(lambda c: c.stored, self.unplaced))
        ids = [s.doc_id for chunk in ready for s in chunk.seen]
        if not ids or (len(ids) < STORY_BATCH and not final):
            return
        for _ in ready:
            self.unplaced.popleft()
        stories.update(self.store, ids, merge=False)


def _chunks(items: Iterable[RawDocument | ReadFailure], size: int) -> Iterator[list[RawDocument | ReadFailure]]:
    chunk: list[RawDocument | ReadFailure] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
