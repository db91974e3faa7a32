"""Whose act: a speaker written after its verb, past a date, when an incise follows the clause it reports with no
quote ("X bafoue les règles, dénoncent mardi des députés"), and an obligation the speaker's own side says it will
have to meet on another side's condition ('"si X ne ... pas, nous devrons prendre des mesures", a prévenu Y'): a
threat by the speaker toward the one the condition is set on."""

from __future__ import annotations

import pytest

from veille.events.testing import code, codes, find


@pytest.mark.parametrize("text, actor, recipient", [
    # the deputies speak; what they denounce is of the subject of the clause before the comma, not their own state
    ("La Slovaquie bafoue les règles européennes, dénoncent mardi une trentaine de députés autrichiens dans une lettre "
     "commune.", "AUT", "SVK"),
    # the parser hangs "dénoncent" on "bafoue" as an infinitive complement: its subject is the noun after the date
    ("La Pologne bafoue les règles européennes, dénoncent mardi une trentaine de députés allemands dans une lettre "
     "ouverte.", "DEU", "POL"),
], ids=["unquoted-incise", "finite-verb-misread-as-complement"])
def test_an_unquoted_incise_reports_the_clause_it_follows(veille_nlp, text: str, actor: str, recipient: str) -> None:
    event = find(code(veille_nlp, text), "ACCUSE", "dénoncent")
    assert event is not None
    assert codes(event["actor"]) == {actor}, event
    assert codes(event["recipient"]) == {recipient}, event


def test_an_own_obligation_on_a_condition_is_a_threat(veille_nlp) -> None:
    events = code(veille_nlp, "\"Si le Honduras ne rend pas nos chalutiers, nous devrons prendre des mesures\", a "
                              "prévenu la ministre nicaraguayenne.")
    event = find(events, "THREATEN", "devrons")
    assert event is not None, events
    assert codes(event["actor"]) == {"NIC"}, event
    assert codes(event["recipient"]) == {"HND"}, event


def test_an_own_obligation_told_with_aller_is_read_through_its_verb(veille_nlp) -> None:
    events = code(veille_nlp, "\"Si le Honduras ne rend pas nos chalutiers avant l'été, alors nous allons devoir "
                              "envisager une riposte\", a averti vendredi le ministre nicaraguayen.")
    event = find(events, "THREATEN", "devoir")
    assert event is not None, events
    assert codes(event["actor"]) == {"NIC"} and codes(event["recipient"]) == {"HND"}, event


def test_an_own_obligation_is_no_threat_without_condition_or_hostile_measure(veille_nlp) -> None:
    for text in ("\"Nous allons devoir envisager une riposte\", a averti le ministre nicaraguayen.",
                 "\"Si le Honduras signe, nous devrons ratifier le traité\", a dit le ministre nicaraguayen.",
                 "\"Nous devrons prendre des mesures contre l'épidémie si le Honduras ne ferme pas sa frontière\", "
                 "a dit la ministre nicaraguayenne."):
        events = code(veille_nlp, text)
        assert not [e for e in events if e["type"] == "THREATEN"], (text, events)


def test_an_incise_speaker_past_an_adverbial_between_commas(veille_nlp) -> None:
    for text in ("\"Le Monténégro doit rouvrir le port\", a exigé, jeudi, le président albanais Arben Kola.",
                 "\"Le Monténégro doit rouvrir le port\", a exigé jeudi soir, depuis Tirana, le président albanais."):
        event = find(code(veille_nlp, text), "REQUEST", "exigé")
        assert event is not None, text
        assert codes(event["actor"]) == {"ALB"} and codes(event["recipient"]) == {"MNE"}, event


def test_a_clause_after_the_comma_names_no_incise_speaker(veille_nlp) -> None:
    # the comma opens another clause, not an adverbial: its subject does not speak the quote
    events = code(veille_nlp, "\"Le Monténégro doit rouvrir le port\", a exigé jeudi, alors que la Serbie appelait "
                              "au calme.")
    assert not [e for e in events if e["trigger"] == "exigé" and "SRB" in codes(e["actor"])], events
    events = code(veille_nlp, "\"Le Monténégro doit rouvrir le port\", a exigé jeudi le ministre serbe, alors que la "
                              "Serbie appelait au calme.")
    assert [e for e in events if e["trigger"] == "exigé" and "SRB" in codes(e["actor"])], events


def test_an_obligation_fronted_by_pour_is_the_holders_demand(veille_nlp) -> None:
    event = find(code(veille_nlp, "Pour Tirana, le Monténégro doit rouvrir le port."), "REQUEST", "doit")
    assert event is not None
    assert codes(event["actor"]) == {"ALB"} and codes(event["recipient"]) == {"MNE"}, event
    # "pour sa part", "pour la première fois": no holder
    assert find(code(veille_nlp, "Pour la première fois, le Monténégro doit rouvrir le port."), "REQUEST") is None


def test_an_unquoted_incise_speaker_hung_on_the_date(veille_nlp) -> None:
    # the parser hangs the deputies on "jeudi": they still speak, of the subject of the clause they report
    event = find(code(veille_nlp, "Le Kenya a menti à ses voisins, ont dénoncé jeudi plusieurs députés ougandais."),
                 "ACCUSE", "dénoncé")
    assert event is not None
    assert codes(event["actor"]) == {"UGA"} and codes(event["recipient"]) == {"KEN"}, event
