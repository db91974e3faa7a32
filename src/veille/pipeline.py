"""The ingest flow: read → clean → skip known → NLP → store, in bounded batches.

The whole input goes through one lazy `nlp.pipe` (so `n_process` workers are started once
per run) and each batch is written in one transaction, in input order, so memory stays
flat whatever the corpus size and an interrupted run is completed by running it again.
"""

from __future__ import annotations

import gc
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any, Protocol, TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from veille import stories
from veille.ingest.clean import BoilerplateRules, clean_document, load_rules
from veille.ingest.outlets import Outlets, link_document, load_outlets
from veille.ingest.readers import iter_raw
from veille.ingest.types import Document, RawDocument, ReadFailure
from veille.nlp import NerMode, ner_mode
from veille.nlp.pipeline import annotations, build_nlp, make_doc
from veille.store import Batch, Store

SUPPORTED_LANGUAGES = frozenset({"fr"})
MAX_NLP_CHARS = 1_000_000


@dataclass
class IngestReport:
    read: int = 0
    new: int = 0
    duplicates: int = 0
    unsupported: int = 0
    failures: list[ReadFailure] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)

    def as_dict(self) -> dict[str, Any]:
        return {
            "read": self.read,
            "new": self.new,
            "duplicates": self.duplicates,
            "unsupported": self.unsupported,
            "failed": self.failed,
            "failures": [{"source": f.source, "reason": f.reason} for f in self.failures],
        }


ProgressCallback = Callable[[IngestReport], None]


class Ingestor:
    """Runs the ingest flow into one store. The spaCy pipeline is loaded on first use."""

    def __init__(
        self,
        store: Store,
        *,
        nlp: Language | None = None,
        rules: BoilerplateRules | None = None,
        batch_size: int = 128,
        nlp_batch_size: int = 32,
        n_process: int = 1,
        max_bytes: int = 10_000_000,
        ner: NerMode | str = NerMode.unknown,
        outlets: Outlets | None = None,
    ) -> None:
        self.store = store
        self._nlp = nlp
        self.rules = rules or load_rules()
        self.outlets = outlets if outlets is not None else load_outlets()
        self.batch_size = batch_size
        self.nlp_batch_size = nlp_batch_size
        self.n_process = n_process
        self.max_bytes = max_bytes
        self.ner = ner_mode(ner)

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = build_nlp(ner=self.ner)
        return self._nlp

    def ingest_paths(
        self,
        paths: Sequence[str | Path],
        *,
        stdin: IO[str] | IO[bytes] | None = None,
        progress: ProgressCallback | None = None,
    ) -> IngestReport:
        return self.ingest_raw(iter_raw(paths, max_bytes=self.max_bytes, stdin=stdin), progress=progress)

    def ingest_raw(
        self, items: Iterable[RawDocument | ReadFailure], *, progress: ProgressCallback | None = None
    ) -> IngestReport:
        """One `nlp.pipe` over the whole stream (its worker processes started once), each
        write batch stored in one transaction as soon as its last document comes out."""
        report = IngestReport()
        stories.update(self.store, merge=False)  # documents a crashed run stored but never placed in stories
        run = _Run(report, progress)
        parsed = self.nlp.pipe(self._stream(items, run), as_tuples=True, batch_size=self.nlp_batch_size,
                               n_process=self.n_process)
        with closing(parsed), frozen_heap():
            for doc, document in parsed:
                if run.error is not None:
                    continue  # what the workers still held, parsed for nothing
                try:
                    if document is None:  # end of a batch: every document of it is parsed
                        self._write(run.batches.popleft(), run)
                    else:
                        run.batches[0].parsed.append((document, annotations(doc)))
                except Exception as error:
                    run.error = error
                    # the stream stops; spaCy's workers must hand back what they hold before they
                    # can exit (closing the pipe early waits for them forever), one process need not
                    if self.n_process == 1:
                        break
        if run.error is not None:
            raise run.error
        stories.merge_stale(self.store)  # each story touched by this run (or a crashed one) merged once
        if progress:
            progress(report)
        return report

    def _stream(self, items: Iterable[RawDocument | ReadFailure], run: _Run) -> Iterator[tuple[Doc, Document | None]]:
        """The documents to parse, with themselves as context, each write batch closed by an
        empty marker Doc; pulled lazily by `nlp.pipe`, which keeps a bounded number in flight."""
        try:
            for documents in self._read(items, run):
                if run.error is not None:  # writing failed: the run stops
                    return
                ids = [d.doc_id for d in documents]
                # stored, or read earlier in this run and still in the pipeline
                known = self.store.known_documents(ids) | run.in_flight.intersection(ids)
                fresh = split_fresh(documents, known, run.report)
                run.in_flight.update(d.doc_id for d in fresh)
                run.batches.append(_Pending(documents, fresh))
                for document in fresh:
                    if run.error is not None:
                        return
                    if document.lang in SUPPORTED_LANGUAGES:
                        yield make_doc(self.nlp, document), document
                # a marker for every batch, so that one with nothing to parse is written in turn too
                yield self.nlp.make_doc(""), None
        except Exception as error:  # raised inside spaCy's loop, it would wait for its workers forever
            run.error = error

    def _read(self, items: Iterable[RawDocument | ReadFailure], run: _Run) -> Iterator[list[Document]]:
        """Clean documents in write batches of `batch_size` (copies included)."""
        pending: list[Document] = []
        for item in items:
            run.report.read += 1
            document = clean_item(item, self.rules, run.report, self.outlets)
            if document is not None:
                pending.append(document)
            if run.progress:
                run.progress(run.report)
            if len(pending) >= self.batch_size:
                yield pending
                pending = []
        if pending:
            yield pending

    def _write(self, pending: _Pending, run: _Run) -> None:
        batch = source_rows(pending.documents)
        for document, annotated in pending.parsed:
            add_annotations(batch, document, annotated)
        add_documents(batch, pending.fresh, run.report, pending.parsed)
        self.store.write(batch)
        run.in_flight.difference_update(d.doc_id for d in pending.fresh)  # the store knows them now
        run.report.new += len(pending.fresh)
        # every document read, copies included: their outlets count as carriers of the story
        stories.update(self.store, [d.doc_id for d in pending.documents], merge=False)
        if run.progress:
            run.progress(run.report)


@dataclass
class _Pending:
    """A write batch whose documents are in the pipeline."""

    documents: list[Document]  # every clean document read, copies included
    fresh: list[Document]  # the first copy of each document not stored yet
    parsed: list[tuple[Document, dict[str, Any]]] = field(default_factory=list)


@dataclass
class _Run:
    """The state of one ingest run, shared by the reading and the writing side."""

    report: IngestReport
    progress: ProgressCallback | None
    batches: deque[_Pending] = field(default_factory=deque)  # read, not written yet, in input order
    in_flight: set[str] = field(default_factory=set)  # doc ids of those batches' fresh documents
    error: Exception | None = None  # the first error, reading or writing: the run stops


@contextmanager
def frozen_heap() -> Iterator[None]:
    """The objects alive when a run starts (the model, the knowledge base, their caches: most of the
    heap) kept out of the garbage collector's full passes until it ends, which would otherwise walk
    them all again and again for nothing. Left alone when the process already froze objects itself."""
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def clean_item(item: RawDocument | ReadFailure, rules: BoilerplateRules, report: IngestReport,
               outlets: Outlets | None = None) -> Document | None:
    """The clean document, linked to its outlet among `outlets`, or None with the failure recorded in the report."""
    if isinstance(item, ReadFailure):
        report.failures.append(item)
        return None
    try:
        document = clean_document(item, rules)
    except ValueError as error:
        report.failures.append(ReadFailure(item.source, str(error)))
        return None
    if len(document.text) > MAX_NLP_CHARS:
        reason = f"text too long to parse ({len(document.text):,} characters > {MAX_NLP_CHARS:,})"
        report.failures.append(ReadFailure(item.source, reason))
        return None
    return link_document(document, outlets) if outlets is not None else document


class Read(Protocol):
    """A document read: a clean `Document`, or what a Dask driver knows of one."""

    @property
    def doc_id(self) -> str: ...
    @property
    def source(self) -> str: ...
    @property
    def outlet(self) -> str | None: ...


R = TypeVar("R", bound=Read)


def split_fresh(documents: Iterable[R], known: set[str], report: IngestReport) -> list[R]:
    """The documents not stored yet, each once; the others are counted as duplicates."""
    fresh: dict[str, R] = {}
    for document in documents:
        if document.doc_id in known or document.doc_id in fresh:
            report.duplicates += 1
        else:
            fresh[document.doc_id] = document
    return list(fresh.values())


def source_rows(documents: Iterable[Read]) -> Batch:
    """A batch holding one `sources` row for every document read, duplicates included."""
    batch = Batch()
    now = _now()
    for document in documents:
        batch.add("sources", {"doc_id": document.doc_id, "source": document.source, "outlet": document.outlet,
                              "outlet_id": document.outlet_id, "outlet_kind": document.outlet_kind, "seen_at": now})
    return batch


def add_documents(batch: Batch, documents: Iterable[Document], report: IngestReport | None = None,
                  parsed: Iterable[tuple[Document, dict[str, Any]]] = ()) -> None:
    """The documents' rows, with the topic of those `parsed` (document, annotations) gave (by id: with spaCy's
    processes, the parsed documents are copies)."""
    now = _now()
    politics = {document.doc_id: annotated.get("politics") for document, annotated in parsed}
    for document in documents:
        supported = document.lang in SUPPORTED_LANGUAGES
        if report is not None:
            report.unsupported += not supported
        row = document_row(document, "parsed" if supported else "unsupported", now)
        row["politics"] = politics.get(document.doc_id)
        batch.add("documents", row)


def annotate(
    nlp: Language, documents: list[Document], batch_size: int = 32, n_process: int = 1
) -> Iterator[dict[str, list[dict[str, Any]]]]:
    """Sentences, mentions and events of each document, in order."""
    docs = (make_doc(nlp, d) for d in documents)
    for doc in nlp.pipe(docs, batch_size=batch_size, n_process=n_process):
        yield annotations(doc)


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def document_row(document: Document, status: str, now: datetime) -> dict[str, Any]:
    return {
        "doc_id": document.doc_id,
        "source": document.source,
        "url": document.url,
        "title": document.title,
        "byline": document.byline,
        "published": document.published,
        "published_precision": document.published_precision,
        "outlet": document.outlet,
        "outlet_id": document.outlet_id,
        "outlet_kind": document.outlet_kind,
        "outlet_country": document.outlet_country,
        "outlet_state": document.outlet_state,
        "lang": document.lang,
        "status": status,
        "format": document.format,
        "text": document.text,
        "ingested_at": now,
    }


def add_annotations(batch: Batch, document: Document, annotated: dict[str, Any]) -> None:
    """The rows of a parsed document (its topic goes on its row: `add_documents`, and on each of its events)."""
    ident = {"doc_id": document.doc_id}
    batch.extend("sentences", ({**ident, **row} for row in annotated["sentences"]))
    batch.extend("mentions", ({**ident, "source": document.source, **row} for row in annotated["mentions"]))
    for number, event in enumerate(annotated["events"]):
        batch.add("events", {**event, **ident, "source": document.source, "politics": annotated.get("politics"),
                             "event_id": f"{document.doc_id}-{number:03d}"})
