"""The ingest flow: read → clean → skip known → NLP → store, in bounded batches.

Each batch is parsed with `nlp.pipe` and written in one transaction, so memory stays
flat whatever the corpus size and an interrupted run is completed by running it again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from spacy.language import Language

from veille import stories
from veille.ingest.clean import BoilerplateRules, clean_document, load_rules
from veille.ingest.readers import iter_raw
from veille.ingest.types import Document, RawDocument, ReadFailure
from veille.nlp.extensions import TEXT_KEY
from veille.nlp.pipeline import annotations, build_nlp
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
    ) -> None:
        self.store = store
        self._nlp = nlp
        self.rules = rules or load_rules()
        self.batch_size = batch_size
        self.nlp_batch_size = nlp_batch_size
        self.n_process = n_process
        self.max_bytes = max_bytes

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = build_nlp()
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
        report = IngestReport()
        stories.update(self.store, merge=False)  # documents a crashed run stored but never placed in stories
        pending: list[Document] = []
        for item in items:
            report.read += 1
            document = clean_item(item, self.rules, report)
            if document is not None:
                pending.append(document)
            if len(pending) >= self.batch_size:
                self._flush(pending, report)
                pending = []
            if progress:
                progress(report)
        if pending:
            self._flush(pending, report)
        stories.merge_stale(self.store)  # each story touched by this run (or a crashed one) merged once
        if progress:
            progress(report)
        return report

    def _flush(self, documents: list[Document], report: IngestReport) -> None:
        known = self.store.known_documents([d.doc_id for d in documents])
        fresh = split_fresh(documents, known, report)
        batch = source_rows(documents)
        parse = [d for d in fresh if d.lang in SUPPORTED_LANGUAGES]
        for document, annotated in zip(parse, annotate(self.nlp, parse, self.nlp_batch_size, self.n_process),
                                       strict=True):
            add_annotations(batch, document, annotated)
        add_documents(batch, fresh, report)
        self.store.write(batch)
        report.new += len(fresh)
        # every document read, copies included: their outlets count as carriers of the story
        stories.update(self.store, [d.doc_id for d in documents], merge=False)


def clean_item(item: RawDocument | ReadFailure, rules: BoilerplateRules, report: IngestReport) -> Document | None:
    """The clean document, or None with the failure recorded in the report."""
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
    return document


def split_fresh(documents: Iterable[Document], known: set[str], report: IngestReport) -> list[Document]:
    """The documents not stored yet, each once; the others are counted as duplicates."""
    fresh: dict[str, Document] = {}
    for document in documents:
        if document.doc_id in known or document.doc_id in fresh:
            report.duplicates += 1
        else:
            fresh[document.doc_id] = document
    return list(fresh.values())


def source_rows(documents: Iterable[Document]) -> Batch:
    """A batch holding one `sources` row for every document read, duplicates included."""
    batch = Batch()
    now = _now()
    for document in documents:
        batch.add("sources", {"doc_id": document.doc_id, "source": document.source,
                              "outlet": document.outlet, "seen_at": now})
    return batch


def add_documents(batch: Batch, documents: Iterable[Document], report: IngestReport | None = None) -> None:
    now = _now()
    for document in documents:
        supported = document.lang in SUPPORTED_LANGUAGES
        if report is not None:
            report.unsupported += not supported
        batch.add("documents", document_row(document, "parsed" if supported else "unsupported", now))


def annotate(
    nlp: Language, documents: list[Document], batch_size: int = 32, n_process: int = 1
) -> Iterator[dict[str, list[dict[str, Any]]]]:
    """Sentences, mentions and events of each document, in order."""
    docs = (_make_doc(nlp, d) for d in documents)
    for doc in nlp.pipe(docs, batch_size=batch_size, n_process=n_process):
        yield annotations(doc)


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _make_doc(nlp: Language, document: Document) -> Any:
    doc = nlp.make_doc(document.text)
    doc.user_data[TEXT_KEY] = document.text  # spaCy's doc.text would rebuild it from the tokens
    doc._.published = document.published
    doc._.doc_id = document.doc_id
    return doc


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
        "lang": document.lang,
        "status": status,
        "format": document.format,
        "text": document.text,
        "ingested_at": now,
    }


def add_annotations(batch: Batch, document: Document, annotated: dict[str, list[dict[str, Any]]]) -> None:
    ident = {"doc_id": document.doc_id}
    batch.extend("sentences", ({**ident, **row} for row in annotated["sentences"]))
    batch.extend("mentions", ({**ident, "source": document.source, **row} for row in annotated["mentions"]))
    for number, event in enumerate(annotated["events"]):
        batch.add("events", {**event, **ident, "source": document.source,
                             "event_id": f"{document.doc_id}-{number:03d}"})
