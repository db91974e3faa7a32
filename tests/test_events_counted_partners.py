"""Sides of a reciprocal act told by a noun that a quantity or a batch counts ("beaucoup de discussions", "une série
de réunions"): the noun holds its counter's place in the clause, so an "entre X et Y" of the predicate names its sides;
and an "entre" list the parser broke ("entre X, Y et Z") still names every side."""

from __future__ import annotations

from veille.events.testing import code, codes, of_type

PUBLISHED = "2021-03-18"


def test_counted_talks_take_the_sides_their_predicate_names(veille_nlp) -> None:
    events = code(veille_nlp, "Beaucoup de discussions sont prévues ce mois-ci entre la Tanzanie et le Kenya sur "
                              "le partage du lac.", PUBLISHED)
    talks = of_type(events, "CONSULT")
    assert talks and codes(talks[0]["actor"]) | codes(talks[0]["recipient"]) == {"TZA", "KEN"}, events


def test_a_batch_of_meetings_takes_the_sides_its_predicate_names(veille_nlp) -> None:
    events = code(veille_nlp, "Une série de réunions se sont tenues mardi entre la Hongrie et la Slovénie à "
                              "propos du gazoduc.", PUBLISHED)
    talks = of_type(events, "CONSULT")
    assert talks and codes(talks[0]["actor"]) | codes(talks[0]["recipient"]) == {"HUN", "SVN"}, events


def test_a_broken_list_after_between_names_every_side(veille_nlp) -> None:
    events = code(veille_nlp, "Un guide de montagne a raconté qu'énormément de pourparlers sont prévus entre le "
                              "Chili, l'Argentine et la Bolivie.", PUBLISHED)
    talks = of_type(events, "CONSULT")
    assert talks and codes(talks[0]["actor"]) | codes(talks[0]["recipient"]) == {"CHL", "ARG", "BOL"}, events


def test_counted_talks_about_a_relation_between_states_name_no_side(veille_nlp) -> None:
    # the "entre" phrase completes what the talks are about, not the predicate: no sides
    events = code(veille_nlp, "Beaucoup de discussions ont porté sur la frontière entre le Chili et le Pérou.",
                  PUBLISHED)
    assert not [e for e in of_type(events, "CONSULT") if codes(e["actor"]) | codes(e["recipient"]) >= {"CHL", "PER"}], \
        events
