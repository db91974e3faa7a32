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


def test_a_speaker_before_the_verb_keeps_the_object_as_recipient(veille_nlp) -> None:
    event = find(code(veille_nlp, "Le sénateur chilien Rodrigo Paz dénonce le gouvernement mexicain."), "ACCUSE",
                 "dénonce")
    assert event is not None
    assert codes(event["actor"]) == {"CHL"}, event
    assert codes(event["recipient"]) == {"MEX"}, event
