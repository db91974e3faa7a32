"""Recall of material acts told without a number or with their parties one step away: a toll given as a vague
quantity ("des dizaines de morts", "de nombreux blessés") is a count, a kind of acts ("toutes sortes
d'exercices") belongs to the subject of the verb it completes, and a source met again ("a précisé cet élu") or
words quoted after a source are that source's."""

from __future__ import annotations

from veille.events.sizes import counted_vaguely, extract_sizes
from veille.events.testing import code, codes, find, of_type
from veille.explain import explain


def test_vague_adjectives_count_no_size_of_their_own() -> None:
    # "de nombreux" counts the word after it, whatever it is: no size for an event of the clause
    assert extract_sizes("de nombreux pays ont protesté contre les frappes", "PROTEST") == {}
    assert extract_sizes("des « dizaines » de manifestants", "PROTEST") == {"vague": "des dizaines"}


def test_a_vague_quantity_counts_the_word_right_after_it() -> None:
    for before in ("ont fait des dizaines de ", "faisant de « nombreux » ", "des « centaines » de ",
                   "d'innombrables "):
        assert counted_vaguely(before), before
    for before in ("ont fait 30 ", "des dizaines de personnes et ", "selon de ", "les nombreux ", "la "):
        assert not counted_vaguely(before), before


def test_a_toll_given_as_a_vague_quantity_is_an_attack(veille_nlp) -> None:
    for text in [
        "Lundi, les rebelles nigériens ont fait des dizaines de morts parmi les soldats près de Diffa.",
        "Mardi, les rebelles ont tendu une embuscade à une patrouille tchadienne près d'Abéché, faisant de nombreux "
        "blessés parmi les soldats.",
    ]:
        # the toll is coded as the attack it tells (whether it is kept is the confidence model's call: the one in an
        # ambush, with no recipient named, sits at its threshold)
        coded = [event for sentence in explain(text, published="2023-04-12", nlp=veille_nlp)["sentences"]
                 for candidate in sentence["candidates"] for event in candidate.get("events") or []
                 if event["type"] == "ASSAULT" and event["status"] in ("asserted", "reported")]
        assert coded and (coded[0]["kept"] or coded[0]["reason"] == "below_threshold"), text


def test_a_vague_toll_needs_a_cause_and_a_count(veille_nlp) -> None:
    for text in [
        "La tempête a fait de nombreuses victimes mardi sur la côte bretonne.",  # no one attacked
        "De nombreux pays ont déploré la mort du diplomate mardi.",  # "la mort": no count
        "Les défilés de mardi à Lyon ont été marqués par de nombreux blessés.",  # no side named that made them
    ]:
        assert not of_type(code(veille_nlp, text, "2023-04-12"), "ASSAULT"), text


def test_a_kind_of_acts_belongs_to_who_resumes_it(veille_nlp) -> None:
    events = code(veille_nlp, "Les blindés tchadiens multiplieront toutes sortes d'exercices militaires près du lac, "
                              "a annoncé mardi N'Djamena.", "2023-04-12")
    drills = find(events, "MOBILIZE")
    assert drills is not None, events
    assert codes(drills["actor"]) == {"TCD"}, drills


def test_a_demonstrative_source_is_the_source_named_before(veille_nlp) -> None:
    events = code(veille_nlp, "Selon un élu de l'opposition tchadienne, la police a dispersé lundi une manifestation "
                              "d'étudiants à Abéché. Les policiers ont ensuite arrêté 12 étudiants, a précisé cet "
                              "élu.", "2023-04-12")
    arrest = find(events, "COERCE", "arrêté")
    assert arrest is not None, events
    assert arrest["reported_by"] and arrest["reported_by"]["code"] == "TCD", arrest


def test_words_quoted_after_a_source_announce_what_it_said(veille_nlp) -> None:
    events = code(veille_nlp, "Le ministre tchadien de la Défense a jugé mardi que la situation restait tendue dans le "
                              "nord. L'armée tchadienne va déployer \"des milliers de soldats\" près de la frontière "
                              "soudanaise.", "2023-04-12")
    deployment = find(events, "MOBILIZE")
    assert deployment is not None and deployment["status"] == "future", events
    assert deployment["reported_by"] and deployment["reported_by"]["code"] == "TCD", deployment
    # no source before: the text's own announcement
    events = code(veille_nlp, "L'armée tchadienne va déployer \"des milliers de soldats\" près de la frontière "
                              "soudanaise.", "2023-04-12")
    deployment = find(events, "MOBILIZE")
    assert deployment is not None and not deployment["reported_by"], events


def test_a_kind_of_acts_undergone_is_not_the_subjects(veille_nlp) -> None:
    events = code(veille_nlp, "Le Honduras subit depuis deux ans toutes sortes de sanctions internationales.",
                  "2023-04-12")
    assert not any("HND" in codes(e["actor"]) for e in of_type(events, "SANCTION")), events
    events = code(veille_nlp, "Le Honduras subit des sanctions américaines.", "2023-04-12")
    assert [(codes(e["actor"]), codes(e["recipient"])) for e in of_type(events, "SANCTION")] == [({"USA"}, {"HND"})], \
        events
