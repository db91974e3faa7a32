"""The shared gold corpus as veille reads it, for the component evaluation scripts.

Records are (gold key, clean text, published): the key is what the gold files and the
scorer use (a file's name, else the record's url), the text comes through the real
readers and cleaning, so a component is measured on what `veille ingest` would give it.
"""

from __future__ import annotations

from pathlib import Path

from veille.ingest.clean import clean_document
from veille.ingest.outlets import Outlets, link_document
from veille.ingest.readers import iter_raw
from veille.ingest.types import Document, RawDocument

DEFAULT_SHARED = Path(__file__).resolve().parents[2].parent / "shared"
Record = tuple[str, str, str | None]
GOLD_INPUTS = {"seeds": ("seeds",), "dev": ("corpus", "dev", "articles.jsonl"),
               "real-dev": ("corpus", "real", "dev.jsonl")}


def gold_key(source: str) -> str:
    return source if "://" in source else Path(source).name


def gold_records(shared: Path, which: str) -> list[Record]:
    """The clean documents of one gold set ("seeds", "dev" or "real-dev")."""
    return [(key, document.text, document.published) for key, document in gold_documents(shared, which)]


def gold_documents(shared: Path, which: str, outlets: Outlets | None = None) -> list[tuple[str, Document]]:
    """The clean documents of one gold set with their gold keys, each linked to its outlet among `outlets` as the
    ingest links it (its home state, `outlet_country`, is then what the ingest gives the parse); unlinked when
    `outlets` is None."""
    documents = []
    for item in iter_raw([shared.joinpath(*GOLD_INPUTS[which])]):
        if isinstance(item, RawDocument):
            document = clean_document(item)
            if outlets is not None:
                document = link_document(document, outlets)
            documents.append((gold_key(document.source), document))
    return documents
