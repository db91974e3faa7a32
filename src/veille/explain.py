"""Why a text's trigger words became events, or did not: the one API that `veille explain` and
`POST /api/explain` are thin layers over.

`explain(text)` parses the text as the ingest does (`nlp.pipeline.make_doc`, the default pipeline and
thresholds) with a trace on the Doc (`events.explain.Trace`), and returns, per sentence the coder read, each
trigger candidate (the word, its offsets, lemma, PLOVER type and mode) with its outcome: the events it gave (codes,
status, confidence and the threshold each passed, or the reason it was cut), or the reason it was dropped or set
aside (an id of `events/data/reasons.yaml`, its line in French or English, the sides found so far).
`explain_document(store, doc_id)` codes a stored document again, with its publication date and home state.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.language import Language

from veille.events.explain import LANGUAGES, Trace
from veille.ingest.dates import normalize_date
from veille.ingest.outlets import is_state_code
from veille.nlp.extensions import EXPLAIN_KEY
from veille.nlp.pipeline import annotations, build_nlp, make_doc
from veille.store import queries


class UnknownDocument(LookupError):
    """No document of that id in the store."""


@dataclass(frozen=True)
class _Text:
    text: str
    published: str | None
    doc_id: str
    outlet_country: str | None


@cache
def _default_nlp() -> Language:
    return build_nlp()


def explain(text: str, *, published: str | None = None, home: str | None = None, lang: str = "en",
            nlp: Language | None = None, doc_id: str = "") -> dict[str, Any]:
    """The text's sentences with their trigger candidates and outcomes, and the events the text gives (the same as
    an ingest of it codes). `published`: the document's ISO date; `home`: the state its outlet publishes from.
    ValueError on a `lang`, `published` or `home` it cannot take."""
    if lang not in LANGUAGES:
        raise ValueError(f"lang: one of {', '.join(LANGUAGES)}")
    if published is not None:  # as the ingest reads a document's date: a date it cannot read is no date at all
        given, published = published, normalize_date(published)
        if published is None:
            raise ValueError(f"published: {given!r} is not a date such as 2025-06-10")
    if home is not None and not is_state_code(home):  # as an outlet profile's country is checked
        raise ValueError(f"home: {home!r} is not an ISO 3166-1 alpha-3 state code such as 'FRA'")
    nlp = nlp or _default_nlp()
    doc = make_doc(nlp, _Text(text, published, doc_id, home))
    trace = Trace()
    doc.user_data[EXPLAIN_KEY] = trace
    doc = nlp(doc)
    coder = nlp.get_pipe("veille_events")
    return {
        "doc_id": doc_id or None,
        "published": published,
        "home": home,
        "threshold": coder.threshold,
        "threshold_nonfactual": coder.threshold_nonfactual,
        "sentences": trace.report(text, lang),
        "events": annotations(doc)["events"],
    }


def explain_document(store: queries.Reader, doc_id: str, *, lang: str = "en",
                     nlp: Language | None = None) -> dict[str, Any]:
    """A stored document coded again, with the publication date and home state the ingest gave it."""
    document = queries.get_document(store, doc_id)
    if document is None:
        raise UnknownDocument(doc_id)
    return explain(document["text"], published=document.get("published"), home=document.get("outlet_country"),
                   lang=lang, nlp=nlp, doc_id=doc_id)

