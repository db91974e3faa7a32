"""The speaker of an incise that follows a quote is the noun written after its verb, which the parser often reads as
the verb's object while it makes a noun of the quote the verb's subject: the quote's noun is what is said (of whom a
judgement speaks), never the speaker."""

from __future__ import annotations

import pytest

from veille.events.testing import code, codes, find

SPEAKERS = [  # (why, text, type, trigger, actor, recipient)
    ("a presentative quote: the judged is its noun, the speaker the noun after the verb",
     "\"C'est le ministre japonais le plus arrogant depuis longtemps\", accuse encore la députée chilienne Ana "
     "Rojas.", "ACCUSE", "accuse", {"CHL"}, {"JPN"}),
    ("a listed subject in the quote: the owner of its first noun is judged",
     "\"L'entêtement du gouverneur mexicain, son mépris, sa froideur sont une insulte aux pêcheurs\", dénonce le "
     "sénateur péruvien Hugo Quispe.", "ACCUSE", "dénonce", {"PER"}, {"MEX"}),
]


@pytest.mark.parametrize(("why", "text", "event_type", "trigger", "actor", "recipient"), SPEAKERS,
                         ids=[row[0] for row in SPEAKERS])
def test_the_speaker_follows_the_incise_verb(veille_nlp, why, text, event_type, trigger, actor, recipient) -> None:
    event = find(code(veille_nlp, text), event_type, trigger)
    assert event is not None
    assert codes(event["actor"]) == actor, event
    assert codes(event["recipient"]) == recipient, event


def test_a_noun_of_the_quote_is_never_the_speaker(veille_nlp) -> None:
    # the speaker, a bare title, is no one the text names: no side at all rather than the quote's noun
    events = code(veille_nlp, "\"L'entêtement du gouverneur mexicain, son mépris, sa froideur sont une insulte aux "
                              "pêcheurs\", dénonce le sénateur.")
    assert not any("MEX" in codes(e["actor"]) for e in events), events
    # a speaker of a state named judges the quote's noun
    event = find(code(veille_nlp, "\"L'entêtement du gouverneur mexicain, son mépris, sa froideur sont une insulte "
                                  "aux pêcheurs\", dénonce le sénateur chilien."), "ACCUSE")
    assert event is not None and (codes(event["actor"]), codes(event["recipient"])) == ({"CHL"}, {"MEX"}), event


def test_a_speaker_before_the_verb_keeps_the_object_as_recipient(veille_nlp) -> None:
    event = find(code(veille_nlp, "Le sénateur chilien Rodrigo Paz dénonce le gouvernement mexicain."), "ACCUSE",
                 "dénonce")
    assert event is not None
    assert codes(event["actor"]) == {"CHL"}, event
    assert codes(event["recipient"]) == {"MEX"}, event


@pytest.mark.parametrize(("text", "verb", "reports"), [
    ("\"Les digues ne tiendront pas l'hiver\", a averti la maire de Valmontel.", "averti", True),
    ("\"Nous ne céderons rien sur les horaires\", répète-t-elle devant les grévistes.", "répète", True),
    ("\"La passerelle restera fermée\", précisant que les travaux dureront un mois.", "précisant", False),
    ("La passerelle restera fermée, a précisé le préfet de Valmontel.", "précisé", False),
    ("\"La commune manque de tout\", déplore le maire de Valmontel, Paul Ravier.", "déplore", True),
], ids=["compound past", "inverted clitic", "participle", "no quote", "present read as a past participle"])
def test_one_predicate_says_a_verb_reports_the_quote_before_it(veille_nlp, text, verb, reports) -> None:
    """`reports_quote` is the one test of an incise after a quote that the argument finder reads (the speaker
    after the verb, the side a judgement speaks of, the subject hung on a date): a finite verb or one with its
    auxiliary after a closing quote and a comma, not a participle set after the quote, nor a verb with no quote."""
    from veille.events.arguments import reports_quote

    doc = veille_nlp(text)
    token = next(t for t in doc if t.text == verb)
    assert reports_quote(token) is reports, [(t.text, t.dep_, t.morph) for t in doc]


@pytest.mark.parametrize(("text", "speaker", "judged"), [
    ("\"Le gouvernement mexicain a trahi les pêcheurs\", déplore dans un entretien le sénateur chilien Rodrigo Paz.",
     {"CHL"}, {"MEX"}),
    ("\"Ottawa ne respecte pas ses engagements\", déplore dans une lettre la ministre islandaise des Pêches.",
     {"ISL"}, {"CAN"}),
], ids=["judged state in the quote", "speaker after an oblique"])
def test_an_incise_the_tagger_reads_as_a_past_participle_still_reports_its_quote(veille_nlp, text, speaker,
                                                                                   judged) -> None:
    """The tagger reads "déplore" after a quote as a past participle: it is still the incise's verb, whose speaker
    comes after it and whose judgement is of the side the quote names (the speaker is never the quote's noun)."""
    event = find(code(veille_nlp, text, "2023-05-03"), "ACCUSE", "déplore")
    assert event is not None
    assert (codes(event["actor"]), codes(event["recipient"])) == (speaker, judged), event


@pytest.mark.parametrize("text", [
    "« Ils nous ont attaqués avant l'aube », accuse le porte-parole de l'armée géorgienne, Levan Abashidze.",
    "« Ils ont attaqué nos soldats sur la route du col », déplore le ministre géorgien de l'Intérieur.",
    "« Nos soldats ont été attaqués à l'aube près du col », a déclaré le ministre géorgien de l'Intérieur.",
])
def test_others_who_struck_the_speakers_side_are_not_guessed_to_be_the_speakers_state(veille_nlp, text) -> None:
    # "ils" with no antecedent struck "nous": the speaker's own state is not who did it (no self-attack)
    events = code(veille_nlp, text)
    assert not any(e["type"] == "ASSAULT" and codes(e["actor"]) == {"GEO"} and codes(e["recipient"]) == {"GEO"}
                   for e in events), events


def test_others_named_who_struck_the_speakers_side_are_the_attackers(veille_nlp) -> None:
    events = code(veille_nlp, "« Les Russes nous ont attaqués avant l'aube », accuse le porte-parole de l'armée "
                              "géorgienne, Levan Abashidze.")
    assert [(codes(e["actor"]), codes(e["recipient"])) for e in events if e["type"] == "ASSAULT"] \
        == [({"RUS"}, {"GEO"})], events
