"""Bodies and office holders of a state's political life named by a plain noun ("les élus", "les magistrats", "les
syndicats": `generic_actors` with the class `aimed_at_only`) are the recipient of an act aimed at them, of the state
where it happens: as the verb's complement, as the owner of what a judgement is about, as the agent of a participle
of doing hung on it, or as whom a demand asks to give ("de la part de"); unnamed, they never act."""

from __future__ import annotations

import pytest

from veille.events.testing import code, codes, find


@pytest.mark.parametrize(("text", "event_type", "recipient"), [
    # the verb's own complement
    ("La ministre Agnès Morvan a reproché mardi aux élus locaux de retarder la rénovation des écoles.", "ACCUSE",
     "élus locaux"),
    ("La ministre Agnès Morvan a félicité les syndicats pour leur sens du dialogue.", "SUPPORT", "syndicats"),
    # the owner of the thing a judgement is about
    ("Le ministre Bastien Roullier a critiqué la frilosité de certains magistrats face aux fraudes fiscales.",
     "ACCUSE", "magistrats"),
    # whom a demand asks to give what it demands ("de la part de")
    ("La ministre Agnès Morvan a réclamé des garanties de la part des syndicats.", "REQUEST", "syndicats"),
    # the agent of a participle of doing hung on the thing judged
    ("Le gouvernement a condamné les dégâts commis par des casseurs dans le centre de Villebourg.", "ACCUSE",
     "casseurs"),
])
def test_a_body_named_by_a_plain_noun_is_the_recipient_of_its_state(veille_nlp, text, event_type, recipient) -> None:
    event = find(code(veille_nlp, text, home="FRA"), event_type)
    assert event is not None
    assert codes(event["actor"]) == {"FRA"}, event
    assert [(p["text"], p["code"]) for p in event["recipient"]] == [(recipient, "FRA")], event


def test_a_foreign_actors_body_is_of_that_state_not_the_outlets(veille_nlp) -> None:
    event = find(code(veille_nlp, "Le président américain Joe Biden a reproché aux élus républicains de bloquer le "
                                  "budget.", home="FRA"), "ACCUSE")
    assert event is not None
    assert codes(event["recipient"]) == {"USA"}, event


def test_the_victims_of_an_act_judged_are_no_recipient(veille_nlp) -> None:
    # who is judged is who did the act, not the elected it struck
    event = find(code(veille_nlp, "Le ministre Bastien Roullier a condamné l'agression de plusieurs élus à "
                                  "Villebourg.", home="FRA"), "ACCUSE")
    assert event is not None and not any(p["text"] for p in event["recipient"]), event


def test_such_a_body_unnamed_does_not_act(veille_nlp) -> None:
    events = code(veille_nlp, "Des élus ont démissionné mardi du conseil municipal de Villebourg.", home="FRA")
    assert not any(p["text"] == "élus" for e in events for p in e["actor"]), events


def test_a_thing_received_from_someone_does_not_make_them_asked(veille_nlp) -> None:
    # "de la part de" names the one asked only in a demand: threats received come from them
    events = code(veille_nlp, "La ministre Agnès Morvan a reçu des menaces de la part des syndicats.", home="FRA")
    assert not any(p["text"] == "syndicats" for e in events for p in e["recipient"]), events
    # from a party that may act, the threat received is coded: made by them
    event = find(code(veille_nlp, "La ministre Agnès Morvan a reçu des menaces de la part du gouvernement russe.",
                      home="FRA"), "THREATEN")
    assert event is not None and codes(event["actor"]) == {"RUS"}, event
