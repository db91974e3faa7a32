"""Who speaks for an organ the text gives no state: a singular description of a government, army, police, court or
parliament member ("un porte-parole officiel", "le juge X") is of the state whose body of the same sector the text
named in its sentence or the two before; not a plural (people, not the body's voice), not a body of another sector,
not one named too far back. And a verb of asking that asks a question makes no request."""

from __future__ import annotations

import pytest

from veille.events.testing import code, codes, factual

SPEAKERS = [  # (why, text, type, actor, recipient)
    ("a spokesman after his government, named the sentence before",
     "Le gouvernement péruvien a fermé mardi son ambassade au Venezuela. Un porte-parole a accusé jeudi Caracas de "
     "s'ingérer dans les élections.", "ACCUSE", {"PER"}, {"VEN"}),
    ("a judge after his country's courts, two sentences before",
     "La justice péruvienne a ouvert une enquête sur les fonds venus du Venezuela. Les comptes du parti sont gelés. "
     "Le juge Tomás Ferreyra a accusé vendredi Caracas de financer le parti.", "ACCUSE", {"PER"}, {"VEN"}),
]


@pytest.mark.parametrize(("why", "text", "event_type", "actor", "recipient"), SPEAKERS,
                         ids=[row[0] for row in SPEAKERS])
def test_an_organ_speaks_for_the_state_of_its_body(veille_nlp, why, text, event_type, actor, recipient) -> None:
    events = [e for e in factual(code(veille_nlp, text), event_type) if e["trigger"] == "accusé" or
              e["trigger"] == "dénoncé"]
    assert events, code(veille_nlp, text)
    assert codes(events[0]["actor"]) == actor, events
    assert codes(events[0]["recipient"]) == recipient, events


SILENT = [  # (why, text): no accusation by the state, its speaker belongs to no state the text says
    ("no body named before", "Un porte-parole a accusé jeudi Caracas de s'ingérer dans les élections."),
    ("a plural is people, not the body's voice",
     "Le gouvernement péruvien a fermé mardi son ambassade au Venezuela. Des militaires ont accusé jeudi Caracas de "
     "s'ingérer dans les élections."),
    ("a court is not the government",
     "La justice péruvienne a ouvert mardi une enquête sur les fonds du parti. Un porte-parole a accusé jeudi Caracas "
     "de s'ingérer dans les élections."),
    ("the government was named too far back",
     "Le gouvernement péruvien a fermé mardi son ambassade au Venezuela. Les vols sont suspendus. Les écoles restent "
     "ouvertes. Le marché est calme. Un porte-parole a accusé jeudi Caracas de s'ingérer dans les élections."),
]


@pytest.mark.parametrize(("why", "text"), SILENT, ids=[row[0] for row in SILENT])
def test_an_organ_with_no_body_before_is_no_state(veille_nlp, why, text) -> None:
    events = code(veille_nlp, text)
    assert not [e for e in factual(events, "ACCUSE") if e["trigger"] == "accusé" and "PER" in codes(e["actor"])], events


QUESTIONS = [  # (why, text)
    ("an indirect question", "Le président colombien Iván Duque a demandé si l'Equateur comptait fermer sa frontière."),
    ("the incise of a quoted question",
     "\"Combien de soldats l'Equateur a-t-il envoyés à la frontière ?\", a demandé le président colombien Iván Duque."),
]


@pytest.mark.parametrize(("why", "text"), QUESTIONS, ids=[row[0] for row in QUESTIONS])
def test_a_question_asked_is_no_request(veille_nlp, why, text) -> None:
    assert not factual(code(veille_nlp, text), "REQUEST"), code(veille_nlp, text)


def test_a_request_with_a_condition_is_still_a_request(veille_nlp) -> None:
    events = factual(code(veille_nlp, "Le président colombien Iván Duque a demandé à l'Equateur de fermer sa "
                                      "frontière si les violences reprenaient."), "REQUEST")
    assert events and codes(events[0]["actor"]) == {"COL"} and codes(events[0]["recipient"]) == {"ECU"}, events


def test_a_coordinated_verb_takes_the_date_of_an_adjunct_after_both(veille_nlp) -> None:
    # the message's day, hung by the parser on the first verb, dates the act the second verb's object names too
    events = code(veille_nlp, "Le 2 janvier, l'armée bolivienne a fermé la frontière. La ministre chilienne a fustigé "
                              "\"une provocation\" et rappelé son rejet du blocus, dans un entretien accordé samedi "
                              "soir à la télévision.")
    rejections = [e for e in events if e["trigger"] == "rejet"]
    assert rejections and rejections[0]["date"] == "2022-01-08", rejections


MORE_QUESTIONS = [  # (why, text)
    ("a question put to a side after its name", "Le ministre libanais a demandé à la France pourquoi les vivres "
                                                "n'arrivent pas."),
    ("a question word opening the clause after an addressee", "Le ministre libanais a demandé à Chypre quand "
                                                             "rouvriraient les ports."),
]


@pytest.mark.parametrize(("why", "text"), MORE_QUESTIONS, ids=[row[0] for row in MORE_QUESTIONS])
def test_a_question_after_its_addressee_is_no_request(veille_nlp, why, text) -> None:
    assert not factual(code(veille_nlp, text), "REQUEST"), code(veille_nlp, text)


DEMANDS = [  # (why, text, actor, recipient)
    ("a que-clause holding a condition", "Le président ukrainien a demandé que, si la trêve échoue, l'Otan ferme "
                                         "le ciel.", {"UKR"}, {"NATO"}),
    ("a condition before the que-clause", "Le chef du gouvernement moldave a demandé, si les pourparlers échouent, "
                                          "que l'Union européenne envoie des observateurs.", {"MDA"}, {"EU"}),
    # a quoted question put to a side is a demand made of it; asked of no one, it stays a question (above)
    ("a quoted question put to a side", "\"Où sont les radars promis ?\", a demandé le ministre lituanien à "
                                        "l'Otan.", {"LTU"}, {"NATO"}),
]


@pytest.mark.parametrize(("why", "text", "actor", "recipient"), DEMANDS, ids=[row[0] for row in DEMANDS])
def test_a_demand_with_a_question_word_or_a_quoted_question_is_a_request(veille_nlp, why, text, actor,
                                                                        recipient) -> None:
    events = factual(code(veille_nlp, text), "REQUEST")
    assert events and codes(events[0]["actor"]) == actor and codes(events[0]["recipient"]) == recipient, events
