"""A will that another party act is a demand of it: "veut voir X céder", "souhaite que X cède", "sa volonté de voir X
régi par ..." (triggers.yaml classes `wanting`, `wants`, entries with `needs_recipient`; real model)."""

from __future__ import annotations

import pytest

from veille.events.testing import code, codes, find
from veille.explain import explain


def test_wanting_to_see_another_state_act_is_a_request(veille_nlp) -> None:
    events = code(veille_nlp, "Le ministre canadien a affirmé que Ottawa voulait voir la Chine libérer les deux "
                              "ressortissants.")
    request = find(events, "REQUEST")
    assert request is not None, events
    assert codes(request["actor"]) == {"CAN"} and codes(request["recipient"]) == {"CHN"}


def test_wishing_that_another_state_act_is_a_request(veille_nlp) -> None:
    events = code(veille_nlp, "Le gouvernement japonais souhaite que la Corée du Nord restitue les otages.")
    request = find(events, "REQUEST")
    assert request is not None, events
    assert codes(request["actor"]) == {"JPN"} and codes(request["recipient"]) == {"PRK"}


def test_a_will_stated_to_see_another_party_act_is_a_request(veille_nlp) -> None:
    events = code(veille_nlp, "Le président ukrainien a rappelé sa volonté de voir la Russie retirer ses troupes "
                              "de Crimée.")
    request = find(events, "REQUEST", "volonté")
    assert request is not None, events
    assert codes(request["actor"]) == {"UKR"} and codes(request["recipient"]) == {"RUS"}


@pytest.mark.parametrize("text", [
    "Le président italien veut que son pays reste uni.",  # no other party named
    "Le président italien veut voir l'Italie gagner la coupe.",  # the one wanted to act is of the wanter's own side
])
def test_a_will_with_no_other_party_to_act_is_no_demand(veille_nlp, text: str) -> None:
    assert find(code(veille_nlp, text), "REQUEST") is None
    candidates = explain(text, nlp=veille_nlp)["sentences"][0]["candidates"]
    wanted = next(c for c in candidates if c["word"] == "veut")
    assert wanted["outcome"] == "dropped" and wanted["reason"] == "no_recipient", candidates


def test_a_state_named_elsewhere_in_the_sentence_is_not_the_one_wanted_to_act(veille_nlp) -> None:
    text = ("Le ministre russe a salué une avancée pour Moscou, qui veut voir sa monnaie utilisée dans les échanges "
            "malgré les sanctions liées à la guerre en Ukraine.")
    assert find(code(veille_nlp, text), "REQUEST") is None
    candidates = explain(text, nlp=veille_nlp)["sentences"][0]["candidates"]
    wanted = next(c for c in candidates if c["word"] == "veut")
    assert wanted["outcome"] == "dropped" and wanted["reason"] == "no_recipient", candidates


@pytest.mark.parametrize(("text", "state"), [
    ("Les rebelles syriens veulent voir la Syrie gouvernée par un conseil de transition.", "SYR"),
    ("Les rebelles maliens veulent voir le Mali dirigé par un conseil religieux.", "MLI"),
])
def test_rebels_wanting_their_own_state_to_act_make_a_demand_of_it(veille_nlp, text: str, state: str) -> None:
    # rebels and the state they fight are the two sides of a civil war: the state is another party to act
    request = find(code(veille_nlp, text), "REQUEST")
    assert request is not None
    assert codes(request["actor"]) == {state} and codes(request["recipient"]) == {state}


def test_a_government_wanting_its_own_state_to_act_is_no_demand(veille_nlp) -> None:
    text = "Le gouvernement syrien veut voir la Syrie gouvernée par un conseil de transition."
    assert find(code(veille_nlp, text), "REQUEST") is None
    candidates = explain(text, nlp=veille_nlp)["sentences"][0]["candidates"]
    wanted = next(c for c in candidates if c["word"] == "veut")
    assert wanted["outcome"] == "dropped" and wanted["reason"] == "no_recipient", candidates
