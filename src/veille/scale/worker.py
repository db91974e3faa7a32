"""What a Dask worker runs for an ingest: clean a chunk of raw documents, then parse the
documents the driver asks for into a shard (Arrow tables, sent back to the driver).

`ModelPlugin` loads the spaCy pipeline (and the language detector) once per worker process,
when the worker joins, so no task waits for it; a task on a worker without the plugin loads
it on first use.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import pyarrow as pa
from distributed import WorkerPlugin
from spacy.language import Language

from veille.ingest.clean import BoilerplateRules
from veille.ingest.outlets import Outlets
from veille.ingest.types import Document, RawDocument, ReadFailure
from veille.model import load_model
from veille.nlp import NerMode, ner_mode
from veille.pipeline import SUPPORTED_LANGUAGES, IngestReport, add_annotations, add_documents, annotate, clean_item
from veille.store import Batch
from veille.store.duckdb_store import arrow_table

SHARD_TABLES = ("documents", "sentences", "mentions", "events")
Shard = dict[str, pa.Table]  # by table name, columns as the store's

_NLP: dict[str, Language] = {}  # by NER mode
_NLP_LOCK = threading.Lock()


def worker_nlp(ner: NerMode | str) -> Language:
    """This process's pipeline for `ner`, loaded once (even with several threads)."""
    ner = ner_mode(ner).value
    with _NLP_LOCK:
        if ner not in _NLP:
            from veille.ingest.langid import detect_language
            from veille.nlp.pipeline import build_nlp

            _NLP[ner] = build_nlp(ner=ner)
            detect_language("Le gouvernement a annoncé une réforme.")  # lingua's models load on first use
        return _NLP[ner]


class ModelPlugin(WorkerPlugin):
    """Loads the pipeline of one NER mode on every worker, as it joins the cluster."""

    def __init__(self, ner: NerMode | str) -> None:
        self.ner = ner_mode(ner).value
        self.name = f"veille-model-{self.ner}"

    def setup(self, worker: Any) -> None:
        worker_nlp(self.ner)


class Seen(NamedTuple):
    """What the driver needs of a clean document: its id, where it was read, its language."""

    doc_id: str
    source: str
    outlet: str | None
    lang: str
    outlet_id: str | None = None
    outlet_kind: str | None = None


@dataclass
class Cleaned:
    """A chunk after cleaning; stays on the worker until its documents are parsed."""

    documents: list[Document] = field(default_factory=list)
    failures: list[ReadFailure] = field(default_factory=list)


def clean_chunk(items: list[RawDocument | ReadFailure], rules: BoilerplateRules,
                outlets: Outlets | None = None) -> Cleaned:
    report = IngestReport()
    documents = [d for d in (clean_item(item, rules, report, outlets) for item in items) if d is not None]
    return Cleaned(documents, report.failures)


def summary(cleaned: Cleaned) -> tuple[list[Seen], list[ReadFailure]]:
    """The small part of a clean chunk the driver reads, in input order (copies included)."""
    seen = [Seen(d.doc_id, d.source, d.outlet, d.lang, d.outlet_id, d.outlet_kind) for d in cleaned.documents]
    return seen, cleaned.failures


def parse_chunk(cleaned: Cleaned, fresh: list[str], ner: NerMode | str = NerMode.unknown) -> Shard:
    """Parse the first copy of each document of `fresh` (ids, in order); their rows as a shard."""
    first: dict[str, Document] = {}
    for document in cleaned.documents:
        first.setdefault(document.doc_id, document)
    documents = [first[doc_id] for doc_id in fresh]
    batch = Batch()
    parse = [d for d in documents if d.lang in SUPPORTED_LANGUAGES]
    parsed = list(zip(parse, annotate(worker_nlp(ner), parse), strict=True)) if parse else []
    for document, annotated in parsed:
        add_annotations(batch, document, annotated)
    add_documents(batch, documents, parsed=parsed)
    model = load_model()
    return {table: arrow_table(model[table], batch.rows.get(table, [])) for table in SHARD_TABLES}
