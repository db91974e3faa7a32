"""Custom attributes veille's components read and write on spaCy objects.

Importing this module registers them; registration is idempotent.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

MENTIONS = "mentions"  # name of the span group holding every stored mention
TEXT_KEY = "veille.text"  # Doc.user_data key holding the document's text
TIMEX_KEY = "veille_timex"  # Doc.user_data key: veille_timex's Timex records (start, end, value, precision...)

# home: code of the state the outlet publishes from (who "le gouvernement" is when the text names none)
# demonyms: {folded word: state code} of the document's words that are demonyms ("arméniennes": ARM)
_DOC_ATTRS: dict[str, object] = {"published": None, "events": None, "doc_id": None, "home": None,
                                 "demonyms": None}
# discovered: id of a person or body the KB does not hold, linked from how the text presents it
# ("discovered:tomas_ferreira"); actor_id stays None for them (not exported: the store has no column)
_SPAN_ATTRS: dict[str, object] = {"actor_id": None, "code": None, "sector": None, "value": None, "discovered": None}


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
