"""One test of a que-clause (`lexicon.que_clause`, `lexicon.says_that`), read by the trigger lexicon (a verb that
reports speech, a verb that asks a question) and by the coder (a sentence that reports speech, the clause an
obligation is about)."""

from __future__ import annotations

import pytest

from veille.events.lexicon import _asks, _says, que_clause, says_that
from veille.events.view import view_of


def _word(doc, text):
    return next(t for t in doc if t.text == text)


@pytest.mark.parametrize(("text", "verb", "says"), [
    ("La trésorière a affirmé que la caisse du club resterait vide jusqu'en juin.", "affirmé", True),
    ("La trésorière a affirmé son soutien au nouveau bureau du club.", "affirmé", False),
    ("La trésorière a demandé si la caisse du club resterait vide jusqu'en juin.", "demandé", False),
], ids=["que-clause", "object", "question"])
def test_a_verb_says_that_when_its_complement_opens_on_que(veille_nlp, text, verb, says) -> None:
    doc = veille_nlp(text)
    token = _word(doc, verb)
    assert says_that(view_of(doc), token.i) is says
    assert _says(token) is says


def test_a_question_asked_is_no_que_clause(veille_nlp) -> None:
    asked = veille_nlp("Le pêcheur a demandé si la criée rouvrirait avant l'été.")
    demanded = veille_nlp("Le pêcheur a demandé que la criée rouvre avant l'été.")
    assert _asks(_word(asked, "demandé")) and not _asks(_word(demanded, "demandé"))
    view = view_of(demanded)
    clause = next(j for j in view.kids(_word(demanded, "demandé").i) if view.dep[j] == "ccomp")
    assert que_clause(view, clause)
