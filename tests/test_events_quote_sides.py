"""The sides of an act reported as the incise of a quote ('"...", a-t-il déploré', '"...", a regretté sur la radio X'):
its speaker is the incise's subject, however the parser hangs it (an inverted clitic read as no subject, a name after
an oblique), never a noun of the quote; and a judgement's recipient is the one side the quoted clause is about."""

from __future__ import annotations

from veille.events.testing import code, codes, find


def test_a_clitic_speaker_is_never_the_quotes_subject(veille_nlp) -> None:
    # no source named before the quote's clitic: no one coded, rather than the government the quote speaks of
    events = code(veille_nlp, "La sénatrice chilienne Ana Rojas a visité lundi une mine d'Atacama. \"Le "
                              "gouvernement péruvien est injuste envers les mineurs\", a-t-elle déploré.")
    assert not any("PER" in codes(e["actor"]) for e in events), events
    # the speaker named after the quote judges the government
    event = find(code(veille_nlp, "\"Le gouvernement péruvien est injuste envers les mineurs\", a déploré la "
                                  "sénatrice chilienne Ana Rojas."), "ACCUSE")
    assert event is not None and (codes(event["actor"]), codes(event["recipient"])) == ({"CHL"}, {"PER"}), event


def test_the_clitic_speaks_and_the_quoted_government_is_judged(veille_nlp) -> None:
    event = find(code(veille_nlp, "Le ministre chilien Pablo Soto a reçu les pêcheurs. \"Le gouvernement bolivien "
                                  "nous a trahis\", dénonce-t-il."), "ACCUSE", "dénonce")
    assert event is not None
    assert codes(event["actor"]) == {"CHL"}, event
    assert codes(event["recipient"]) == {"BOL"}, event


def test_the_subject_of_the_quoted_clause_is_judged(veille_nlp) -> None:
    # the speaker written after an oblique; the quote's clause is about a named office of another state
    event = find(code(veille_nlp, "\"Le président mexicain doit respecter les juges\", a regretté sur la radio "
                                  "nationale le député colombien Luis Pardo."), "ACCUSE", "regretté")
    assert event is not None
    assert codes(event["actor"]) == {"COL"}, event
    assert codes(event["recipient"]) == {"MEX"}, event


def test_a_participle_after_a_quote_still_acts_for_the_clause(veille_nlp) -> None:
    # '", accusant X': no incise of its own; its subject is the clause's speaker
    events = code(veille_nlp, "\"La Bolivie ment\", a dénoncé le ministre chilien Pablo Soto, accusant La Paz de "
                              "cacher des armes.")
    event = find(events, "ACCUSE", "dénoncé")
    assert event is not None and codes(event["actor"]) == {"CHL"}, events
