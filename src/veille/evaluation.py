"""The shared gold corpus as veille reads it, for the component evaluation scripts.

Each gold set is a list of (gold key, clean `Document`): the key is what the gold files and the
scorer use (a file's name, else the record's url), the document comes through the real readers,
cleaning and outlet linking, so that a component parsing it with `nlp.pipeline.make_doc` is measured
on what `veille ingest` would give it.
"""

from __future__ import annotations

from pathlib import Path

from veille.ingest.clean import clean_document
from veille.ingest.outlets import Outlets, link_document, load_outlets
from veille.ingest.readers import iter_raw
from veille.ingest.types import Document, RawDocument

DEFAULT_SHARED = Path(__file__).resolve().parents[2].parent / "shared"
GoldDocuments = list[tuple[str, Document]]
GOLD_INPUTS = {"seeds": ("seeds",), "dev": ("corpus", "dev", "articles.jsonl"),
               "real-dev": ("corpus", "real", "dev.jsonl")}


def gold_key(source: str) -> str:
    return source if "://" in source else Path(source).name


def gold_documents(shared: Path, which: str, outlets: Outlets | None = None) -> GoldDocuments:
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


def ingested_gold(shared: Path, which: str) -> GoldDocuments:
    """`gold_documents` linked to veille's outlets (`load_outlets`: the package's profiles and
    `$VEILLE_OUTLETS_DIR`'s), as `veille ingest` links them."""
    return gold_documents(shared, which, load_outlets())
