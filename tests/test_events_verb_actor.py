"""The actor of a verb trigger is its own subject (active) or its agent (passive), on sentences written for veille
(issue 16's hand-judged press: actors taken from elsewhere in the paragraph): an impersonal passive the parser reads as
a compound tense, a participle set before its clause with its agent, "l'un des X", and a participle coordinated
without its auxiliary, which keeps the first verb's subject."""

from __future__ import annotations

from veille.events.testing import code, codes, factual, features_kept


def test_an_impersonal_passive_has_no_actor_from_the_sentence_before(veille_nlp) -> None:
    # "il est reproché à X": the "il" is no one, certainly not the minister named before
    with features_kept(veille_nlp):
        events = code(veille_nlp, "La ministre autrichienne des Sports a inauguré mardi une patinoire à Linz. "
                                  "Selon un hebdomadaire, il est reproché à l'entraîneur Tobias Brenner d'avoir "
                                  "égaré les patins du club.")
    assert not any(codes(e["actor"]) == {"AUT"} for e in events if e["type"] == "ACCUSE"), events
    # "elle" is the minister
    with features_kept(veille_nlp):
        events = code(veille_nlp, "La ministre autrichienne des Sports a inauguré mardi une patinoire à Linz. Elle a "
                                  "reproché à l'entraîneur Tobias Brenner d'avoir égaré les patins du club.")
    assert any(codes(e["actor"]) == {"AUT"} for e in events if e["type"] == "ACCUSE"), events


def test_a_participle_before_its_clause_with_its_agent_tells_what_the_subject_underwent(veille_nlp) -> None:
    # "Soutenu par X, le ministre ...": X supports the minister, who receives the support
    events = code(veille_nlp, "Soutenu mardi par son homologue allemand, le ministre français des Affaires "
                              "étrangères a condamné l'essai nucléaire.")
    support = factual(events, "SUPPORT")
    assert support and codes(support[0]["actor"]) == {"DEU"}, events
    assert any("ministre français" in p["text"] for p in support[0]["recipient"]), events


def test_one_of_those_a_phrase_names_is_not_the_party_named_before(veille_nlp) -> None:
    # "par l'un des agresseurs": one of the attackers struck, not the president named in the sentence before
    events = code(veille_nlp, "Le président tunisien a visité lundi la caserne de Sfax. Un gendarme a été tué lundi "
                              "par l'un des agresseurs.")
    assault = factual(events, "ASSAULT")
    assert assault and not any("président" in p["text"] for e in assault for p in e["actor"]), events


def test_a_participle_coordinated_without_its_auxiliary_keeps_the_first_verbs_subject(veille_nlp) -> None:
    # "a dénoncé ... et appelé": the participle shares the first verb's subject
    events = code(veille_nlp, "Le ministre allemand de l'Economie a dénoncé jeudi une taxe injuste et appelé "
                              "Bruxelles à la retirer.")
    request = factual(events, "REQUEST")
    assert request and codes(request[0]["actor"]) == {"DEU"}, events
