"""Custom attributes veille's components read and write on spaCy objects: the contracts
between the components (ARCHITECTURE.md lists each with who writes and who reads it).

Each component declares them in its `@Language.factory` (`assigns`, `requires`; see
`nlp.analyze_pipes()`). What the caller sets before the pipeline runs is `CALLER_SETS`
(veille's ingest: `pipeline.py`). Importing this module registers the extensions;
registration is idempotent.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

MENTIONS = "mentions"  # name of the span group holding every stored mention
TEXT_KEY = "veille.text"  # Doc.user_data key holding the document's text
TIMEX_KEY = "veille_timex"  # Doc.user_data key: veille_timex's Timex records, read by events/dates.py
# Doc.user_data key: the events.explain.Trace a caller asking why (`veille explain`) sets; veille_events records
# in it why each trigger candidate became an event or did not (absent: nothing is recorded)
EXPLAIN_KEY = "veille.explain"

# published: ISO date of the document (partial allowed); doc_id: its id in the store
# home: code of the state the outlet publishes from (who "le gouvernement" is when the text names none)
# demonyms: {folded word: state code} of the document's words that are demonyms ("arméniennes": ARM)
# events: the events veille_events coded
# politics: probability that the document reports politics (veille_topic; None when no model is trained)
_DOC_ATTRS: dict[str, object] = {"published": None, "events": None, "doc_id": None, "home": None,
                                 "demonyms": None, "politics": None}
# actor_id, code, sector: what a mention is linked to; value: TIMEX3 value of a DATE/TIME/DURATION/SET
# discovered: id of a person or body the KB does not hold, linked from how the text presents it
# ("discovered:tomas_ferreira"); actor_id stays None for them (not exported: the store has no column)
_SPAN_ATTRS: dict[str, object] = {"actor_id": None, "code": None, "sector": None, "value": None, "discovered": None}

# set on the Doc by the caller before the pipeline runs (all optional: None when unknown)
CALLER_SETS = ("doc._.published", "doc._.home", "doc._.doc_id", f"doc.user_data[{TEXT_KEY!r}]",
               f"doc.user_data[{EXPLAIN_KEY!r}]")


def doc_text(doc: Doc) -> str:
    """The document's text. spaCy rebuilds `doc.text` from every token on each call; a Doc's
    text never changes, so it is kept in `user_data` (set up front by veille's ingest)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def register() -> None:
    for name, default in _DOC_ATTRS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name, default in _SPAN_ATTRS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)


register()
