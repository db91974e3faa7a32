"""Whom an object clitic of a trigger stands for ("l'a félicité", "lui a rendu hommage"): someone named before, even of
the actor's own state, never the actor itself; a clitic whose participle says it is a thing of another gender ("l'a
rejetée") stands for no one named of the other."""

from __future__ import annotations

import pytest

from veille.events.testing import code, codes, find


@pytest.mark.parametrize(("text", "event_type", "trigger", "recipient"), [
    pytest.param("La Première ministre danoise Karen Holst a reçu lundi le député danois Erik Lund. Elle l'a félicité "
                 "pour sa réélection.", "SUPPORT", "félicité", {"DNK"},
                 id="a clitic stands for the person the actor met, of the same state"),
    pytest.param("Le sénateur norvégien Arne Dahl est mort vendredi à Bergen. Le Premier ministre norvégien Jon Moe "
                 "lui a rendu hommage.", "SUPPORT", "hommage", {"NOR"},
                 id="a dative clitic on the verb an event noun is the object of"),
    pytest.param("Le ministre chilien Pedro Rojas est arrivé mardi à Lima. Le président péruvien l'a félicité pour son "
                 "travail.", "SUPPORT", "félicité", {"CHL"},
                 id="a clitic stands for the party of another state named before"),
    pytest.param("Le président chilien Pedro Rojas est arrivé mardi à Lima, pour un pays qui exporte l'essentiel de "
                 "son cuivre. Le président péruvien l'a félicité pour son élection.", "SUPPORT", "félicité", {"CHL"},
                 id="a thing of a relative clause before is not what the clitic takes up"),
])
def test_an_object_clitic_names_the_recipient(veille_nlp, text, event_type, trigger, recipient) -> None:
    events = code(veille_nlp, text)
    event = find(events, event_type, trigger)
    assert event is not None and codes(event["recipient"]) == recipient, events


def test_a_clitic_the_participle_marks_as_a_thing_of_another_gender_names_no_one(veille_nlp) -> None:
    # "rejetée": the bill, not the deputy who tabled it
    events = code(veille_nlp, "Le député danois Erik Lund a présenté une motion sur la pêche. Le gouvernement danois "
                              "l'a rejetée jeudi.")
    event = find(events, "REJECT", "rejetée")
    assert event is not None and not codes(event["recipient"]), events


def test_the_actor_is_not_the_recipient_of_its_own_clitic(veille_nlp) -> None:
    # "il" is the prime minister, the one he met is whom "l'" stands for (not the prime minister again)
    events = code(veille_nlp, "Le Premier ministre danois Niels Berg a reçu mardi le chef de l'armée danoise. Il l'a "
                              "ensuite félicité pour la manœuvre.")
    event = find(events, "SUPPORT", "félicité")
    assert event is not None, events
    assert all("Berg" not in (p.get("text") or "") for p in event["recipient"]), events


@pytest.mark.parametrize("text", [
    "Le Premier ministre danois Niels Berg a reçu le député danois Erik Lund. Le ministre danois Ole Kjær a lui aussi "
    "appelé à voter pour le candidat social-démocrate.",
    "Le Premier ministre danois Niels Berg a reçu le député danois Erik Lund. Le ministre danois Ole Kjær a quant à "
    "lui dénoncé la réforme des retraites.",
])
def test_a_stressed_pronoun_beside_the_subject_is_no_object_clitic(veille_nlp, text) -> None:
    # "lui aussi", "quant à lui": the subject again, no one it acts on
    acts = [e for e in code(veille_nlp, text) if e["type"] in ("REQUEST", "ACCUSE")]
    assert acts and all("Berg" not in (p.get("text") or "") for e in acts for p in e["recipient"]), acts


def test_a_stressed_dative_before_the_auxiliary_is_the_clitic(veille_nlp) -> None:
    events = code(veille_nlp, "Le Premier ministre danois Niels Berg a reçu le député danois Erik Lund. Il lui a "
                              "promis une réforme de la pêche.")
    event = find(events, "AGREE", "promis")
    assert event is not None and any("Lund" in (p.get("text") or "") for p in event["recipient"]), events


@pytest.mark.parametrize(("text", "trigger"), [
    pytest.param("Le maire de Copenhague a présenté un nouveau budget. Le gouvernement danois l'a salué.", "salué",
                 id="the thing the one named before presented"),
    pytest.param("La ministre danoise Karen Holst a présenté jeudi une réforme. Le gouvernement danois l'a saluée.",
                 "saluée", id="the reform the minister presented, of her gender"),
])
def test_a_clitic_that_agrees_with_a_thing_named_after_the_party_stands_for_the_thing(veille_nlp, text,
                                                                                      trigger) -> None:
    events = code(veille_nlp, text)
    event = find(events, trigger=trigger)
    assert event is not None and not event["recipient"], events


def test_a_clitic_that_agrees_only_with_the_party_stands_for_it(veille_nlp) -> None:
    # "salué" is masculine: the mayor, not the school
    events = code(veille_nlp, "Le maire de Copenhague a visité une école mardi. Le gouvernement danois l'a salué.")
    event = find(events, "SUPPORT", "salué")
    assert event is not None and codes(event["recipient"]) == {"DNK"}, events
