"""The parties and statuses of meeting and agreement nouns: a pact kept or broken is no act of agreeing, a meeting
that did not take place or was called off is no meeting held, and the participants of a meeting named in a clause's
adjunct (at a moment of it, after an incise, behind a plural possessive) are the clause's."""

from __future__ import annotations

import pytest

from veille.events.testing import code, codes, factual, find, of_type

PUBLISHED = "2023-04-14"


@pytest.mark.parametrize("text", [
    "L'Estonie a respecté jeudi le cessez-le-feu avec la Lettonie.",  # a truce kept
    "La Lettonie a violé jeudi la trêve conclue avec l'Estonie.",  # a truce broken, and its participle
    "Le respect de l'accord entre l'Estonie et la Lettonie reste fragile.",  # the keeping of a pact
])
def test_a_pact_kept_or_broken_is_no_agreement(veille_nlp, text: str) -> None:
    events = code(veille_nlp, text, PUBLISHED)
    assert not of_type(events, "AGREE"), events


def test_a_truce_made_is_still_an_agreement(veille_nlp) -> None:
    events = code(veille_nlp, "L'Estonie a conclu jeudi une trêve avec la Lettonie.", PUBLISHED)
    agreed = factual(events, "AGREE")
    assert agreed and codes(agreed[0]["actor"]) | codes(agreed[0]["recipient"]) == {"EST", "LVA"}, events


@pytest.mark.parametrize("text", [
    "La rencontre entre le Ghana et le Togo n'a pas eu lieu jeudi.",  # did not take place
    "Le sommet entre le Ghana et le Togo ne s'est pas tenu jeudi.",  # did not convene
    "La rencontre entre le Ghana et le Togo a été annulée jeudi.",  # called off
    "Le Ghana a reporté jeudi sa rencontre avec le Togo.",  # put off
])
def test_a_meeting_that_did_not_happen_is_negated(veille_nlp, text: str) -> None:
    events = code(veille_nlp, text, PUBLISHED)
    assert not factual(events, "CONSULT"), events


def test_a_meeting_that_took_place_is_told(veille_nlp) -> None:
    events = code(veille_nlp, "La rencontre entre le Ghana et le Togo a eu lieu jeudi.", PUBLISHED)
    met = factual(events, "CONSULT")
    assert met and codes(met[0]["actor"]) | codes(met[0]["recipient"]) == {"GHA", "TGO"}, events


def test_the_speaker_of_an_incise_took_part_in_the_meeting_at_whose_end_he_spoke(veille_nlp) -> None:
    events = code(veille_nlp, '"Les routes seront rouvertes", a déclaré jeudi le président mongol à l\'issue '
                              "d'un entretien avec le Premier ministre kazakh.", PUBLISHED)
    met = find(events, "CONSULT", "entretien")
    assert met is not None and met["status"] in ("asserted", "reported"), events
    assert codes(met["actor"]) == {"MNG"} and codes(met["recipient"]) == {"KAZ"}, events


def test_an_adjunct_of_an_incise_does_not_take_the_quote_s_future(veille_nlp) -> None:
    events = code(veille_nlp, '"Nous rouvrirons les routes", a déclaré jeudi le président mongol en marge '
                              "d'un entretien avec le Premier ministre kazakh.", PUBLISHED)
    met = find(events, "CONSULT", "entretien")
    assert met is not None and met["status"] in ("asserted", "reported"), events


def test_an_adjunct_moment_of_another_act_gives_it_no_doer(veille_nlp) -> None:
    # only a meeting's moment places the clause's subject in it: a protest at whose edge someone is jostled is
    # not that person's
    events = code(veille_nlp, "Le maire de Tartu a été bousculé jeudi en marge d'une manifestation d'agriculteurs.",
                  PUBLISHED)
    protest = find(events, "PROTEST", "manifestation")
    assert protest is None or "Tartu" not in " ".join(p.get("text") or "" for p in protest["actor"]), events
    # the protest of a side named is coded, still not the mayor's
    events = code(veille_nlp, "Le maire de Tartu a été bousculé jeudi en marge d'une manifestation d'agriculteurs "
                              "estoniens.", PUBLISHED)
    protest = find(events, "PROTEST", "manifestation")
    assert protest is not None and "Tartu" not in " ".join(p.get("text") or "" for p in protest["actor"]), events


def test_their_meeting_is_the_clause_subject_s_and_the_one_it_addresses(veille_nlp) -> None:
    events = code(veille_nlp, "Le ministre uruguayen a assuré jeudi au président paraguayen que le pont resterait "
                              "ouvert lors de leur rencontre à Asuncion.", PUBLISHED)
    met = find(events, "CONSULT", "rencontre")
    assert met is not None, events
    assert codes(met["actor"]) == {"URY"} and codes(met["recipient"]) == {"PRY"}, events


def test_their_meeting_needs_both_sides_named(veille_nlp) -> None:
    events = code(veille_nlp, "Les ministres ont évoqué la pêche lors de leur rencontre jeudi.", PUBLISHED)
    assert find(events, "CONSULT", "rencontre") is None, events
    events = code(veille_nlp, "Le président chilien et son homologue péruvien ont évoqué la pêche lors de leur "
                              "rencontre jeudi.", PUBLISHED)
    assert find(events, "CONSULT", "rencontre") is not None, events


def test_an_attack_repelled_took_place(veille_nlp) -> None:
    # "repousser" an act of force is to repel it, not to put it off: the attack happened
    events = code(veille_nlp, "Les gardes-frontières géorgiens ont repoussé mardi une attaque des milices abkhazes "
                              "près de Zougdidi.", PUBLISHED)
    assert factual(events, "ASSAULT"), events
