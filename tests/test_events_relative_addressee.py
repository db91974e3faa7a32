"""A relative pronoun that holds a verb's "à" complement ("à laquelle", "auquel") is what the act is addressed to:
another "à" phrase of the verb naming a place is where it is done, not an addressee."""

from __future__ import annotations

from veille.events.arguments import _a_relative


def _verb(doc, lemma):
    return next(t for t in doc if t.lemma_ == lemma and t.pos_ == "VERB")


def test_a_relative_with_a_holds_the_addressee_slot(veille_nlp) -> None:
    doc = veille_nlp("Elle a cité la réforme à laquelle s'oppose le ministre chilien à Madrid.")
    assert _a_relative(_verb(doc, "opposer"))


def test_a_verb_with_its_own_a_phrase_has_no_relative_addressee(veille_nlp) -> None:
    doc = veille_nlp("Le ministre chilien s'oppose à Madrid sur la réforme.")
    assert not _a_relative(_verb(doc, "opposer"))
