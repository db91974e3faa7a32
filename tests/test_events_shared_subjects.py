"""Who acts when the clause leaves its subject unsaid or the parser hides it (sentences written for veille): a verb
coordinated with a passive clause, or with a verb of motion the parser reads as one, shares that clause's subject,
not its agent; a subject pronoun of a clause hung on such a clause stands for its subject; an agent the parser hung on
the day after a passive verb acts; a subject relative the parser coordinated with the main verb stands for the noun
before its comma, an adjective after it included."""

from __future__ import annotations

from spacy.tokens import Doc

from veille.events.arguments import ArgumentFinder, _subject_child
from veille.events.lexicon import Lexicon
from veille.events.testing import code, codes, factual, features_kept
from veille.events.view import view_of


def test_a_verb_coordinated_with_a_passive_shares_its_subject_not_its_agent(veille_nlp) -> None:
    # "X a été accueilli par Y et a dénoncé Z": X denounces, Y only welcomed X
    events = code(veille_nlp, "Le chef de la diplomatie islandaise a été accueilli par le maire et a dénoncé "
                              "l'Argentine.")
    accuse = factual(events, "ACCUSE")
    assert accuse and codes(accuse[0]["actor"]) == {"ISL"} and codes(accuse[0]["recipient"]) == {"ARG"}, events


def test_a_verb_coordinated_with_a_verb_of_motion_shares_its_subject(veille_nlp) -> None:
    # "est arrivé à X et a critiqué ...": the parser reads "est arrivé" as a passive; its subject criticises
    events = code(veille_nlp, "Le chancelier estonien est arrivé mardi à Riga et a critiqué la Biélorussie.")
    accuse = factual(events, "ACCUSE")
    assert accuse and codes(accuse[0]["actor"]) == {"EST"} and codes(accuse[0]["recipient"]) == {"BLR"}, events


def test_a_modal_coordinated_with_a_verb_of_motion_lends_its_infinitive_that_subject(veille_nlp) -> None:
    with features_kept(veille_nlp):
        events = code(veille_nlp, "Le ministre slovène est arrivé samedi à Vienne et doit rencontrer le "
                                  "chancelier autrichien.")
    consult = [e for e in events if e["type"] == "CONSULT" and e["trigger"] == "rencontrer"]
    assert consult and codes(consult[0]["actor"]) == {"SVN"} and codes(consult[0]["recipient"]) == {"AUT"}, events


def test_a_pronoun_of_a_clause_hung_on_a_verb_of_motion_stands_for_its_subject(veille_nlp) -> None:
    # "X est arrivé à Y, où il doit ...": "il" is X, whom the parser made a passive subject
    with features_kept(veille_nlp):
        events = code(veille_nlp, "Le ministre tunisien est arrivé lundi à Alger, où il doit signer un accord avec "
                                  "le gouvernement algérien.")
    agree = [e for e in events if e["type"] == "AGREE" and e["trigger"] == "signer"]
    assert agree and codes(agree[0]["actor"]) == {"TUN"} and codes(agree[0]["recipient"]) == {"DZA"}, events


def test_a_pronoun_in_an_incise_does_not_stand_for_the_quotes_passive_subject(veille_nlp) -> None:
    # the incise's clause is no clause of the quote: "un autre" is not the one the quote says is saddened
    with features_kept(veille_nlp):
        events = code(veille_nlp, "\"Le maire de Quito sera bien déçu\", écrivait l'un sur un forum tandis qu'un autre "
                                  "remerciait les pompiers colombiens.")
    assert not any(codes(e["actor"]) == {"ECU"} for e in events if e["trigger"] == "remerciait"), events


def test_an_agent_hung_on_the_day_after_a_passive_verb_acts(veille_nlp) -> None:
    # "a été blâmé vendredi par X": the parser reads the day as a complement and X as its agent
    events = code(veille_nlp, "L'ambassadeur péruvien a été blâmé vendredi par le gouvernement paraguayen.")
    accuse = factual(events, "ACCUSE")
    assert accuse and codes(accuse[0]["actor"]) == {"PRY"} and codes(accuse[0]["recipient"]) == {"PER"}, events


def test_a_subject_relative_the_parser_coordinated_stands_for_the_noun_and_adjective_before_it(veille_nlp) -> None:
    # "..., selon les autorités kirghizes, qui ont accusé ...", parsed with the relative's verb coordinated with the
    # main verb: "qui" is the authorities, the noun the adjective before the comma follows
    words = ["Le", "convoi", "a", "été", "arrêté", ",", "selon", "les", "autorités", "kirghizes", ",", "qui", "ont",
             "accusé", "Douchanbé", "."]
    heads = [1, 4, 4, 4, 4, 4, 8, 8, 4, 8, 13, 13, 13, 4, 13, 4]
    deps = ["det", "nsubj:pass", "aux:tense", "aux:pass", "ROOT", "punct", "case", "det", "obl:mod", "amod", "punct",
            "nsubj", "aux:tense", "conj", "obj", "punct"]
    pos = ["DET", "NOUN", "AUX", "AUX", "VERB", "PUNCT", "ADP", "DET", "NOUN", "ADJ", "PUNCT", "PRON", "AUX", "VERB",
           "PROPN", "PUNCT"]
    doc = Doc(veille_nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    finder = ArgumentFinder(Lexicon.load())
    assert finder._antecedent(doc[11]) == doc[8]


def test_an_act_noun_set_beside_a_party_with_en_is_that_partys_act(veille_nlp) -> None:
    # "la ministre, en tournée au Sénégal, a ...": the minister is the one touring
    events = code(veille_nlp, "Le chef du gouvernement ghanéen, en visite en Namibie, a inauguré une usine.")
    consult = factual(events, "CONSULT")
    assert consult and codes(consult[0]["actor"]) == {"GHA"} and codes(consult[0]["recipient"]) == {"NAM"}, events


def test_an_act_noun_set_beside_a_thing_with_en_has_no_doer(veille_nlp) -> None:
    # "un arbre en hommage à X": a thing does no act
    with features_kept(veille_nlp):
        events = code(veille_nlp, "Une plaque en hommage à Lucien Ferrandin a été posée samedi à Rodez.")
    assert not any(e["trigger"] == "hommage" for e in events), events


def test_a_day_of_the_month_the_parser_made_a_subject_is_not_the_clauses_subject(veille_nlp) -> None:
    # "Le 12, Lisbonne a ... en convoquant ...", parsed with "12" as a second subject: the gerund's doer is Lisbon
    words = ["Le", "12", ",", "Lisbonne", "a", "durci", "le", "ton", "en", "convoquant", "l'", "ambassadeur", "."]
    heads = [1, 5, 5, 5, 5, 5, 7, 5, 9, 5, 11, 9, 5]
    deps = ["det", "nsubj", "punct", "nsubj", "aux:tense", "ROOT", "det", "obj", "mark", "advcl", "det", "obj",
            "punct"]
    pos = ["DET", "NUM", "PUNCT", "PROPN", "AUX", "VERB", "DET", "NOUN", "ADP", "VERB", "DET", "NOUN", "PUNCT"]
    doc = Doc(veille_nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert _subject_child(view_of(doc), 5) == 3
