"""Small helpers for the event coder's tests (the model comes from the session fixture)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from spacy.language import Language

from veille.events.status import FACTUAL


def code(nlp: Language, text: str, published: str | None = "2022-01-11", home: str | None = None) -> list[dict]:
    """The events the full pipeline codes in ``text`` (published by an outlet of ``home``, if given)."""
    doc = nlp.make_doc(text)
    doc._.published = published
    doc._.home = home
    return nlp(doc)._.events or []


def codes(parties: list[dict] | dict | None) -> set[str]:
    if isinstance(parties, dict):
        parties = [parties]
    return {p["code"] for p in parties or [] if p.get("code")}


def of_type(events: list[dict], event_type: str) -> list[dict]:
    """The events of that type, in the order coded."""
    return [event for event in events if event["type"] == event_type]


def factual(events: list[dict], event_type: str | None = None) -> list[dict]:
    """The events stated to have happened (asserted or reported), of that type if given, in the order coded."""
    return [event for event in events if event["status"] in FACTUAL
            and (event_type is None or event["type"] == event_type)]


def find(events: list[dict], event_type: str | None = None, trigger: str | None = None) -> dict | None:
    """The first event of that type (and trigger word, if given)."""
    for event in events:
        if (event_type is None or event["type"] == event_type) and (trigger is None or event["trigger"] == trigger):
            return event
    return None


def trigger_type(nlp: Language, text: str, word: str) -> str | None:
    """The PLOVER type the lexicon gives the first token written ``word`` in ``text`` (None: no trigger)."""
    lexicon = nlp.get_pipe("veille_events").lexicon
    token = next(t for t in nlp(text) if t.text == word)
    entry = lexicon.match(token)
    return entry.type if entry is not None else None


@contextmanager
def features_kept(nlp: Language) -> Iterator[None]:
    """Every event the coder finds, whatever its confidence, with the features the model read of it."""
    coder = nlp.get_pipe("veille_events")
    kept = coder.threshold, coder.threshold_nonfactual, coder.keep_features
    coder.threshold = coder.threshold_nonfactual = 0.0
    coder.keep_features = True
    try:
        yield
    finally:
        coder.threshold, coder.threshold_nonfactual, coder.keep_features = kept
