"""veille.events.dates: an event is dated on the sentence the coder reads, where the parser cut it in pieces (a date
in a piece with no verb continues the clause before it), and a day counted from an act ("au lendemain de la
condamnation") counts from the day the text gave that act. On sentences written for these tests."""

from __future__ import annotations

import pytest

from veille.events.coder import _sentences
from veille.events.dates import date_index, event_date
from veille.events.testing import code, find

# these tests date acts long before the article too: the background filter is off
pytestmark = pytest.mark.usefixtures("every_event")


def _dated(nlp, text: str, published: str, trigger: str, date_word: str) -> tuple[str | None, str | None]:
    """The date of the word ``trigger`` as the coder's sentence dates it, after checking that the parser cut that
    sentence between the trigger and the word ``date_word`` (else the test would test nothing)."""
    doc = nlp.make_doc(text)
    doc._.published = published
    doc = nlp(doc)
    token = next(t for t in doc if t.text == trigger)
    word = next(t for t in doc if t.text == date_word)
    assert token.sent != word.sent, "the parser no longer cuts this sentence"
    sentence = next(s for s in _sentences(doc, doc.text) if s.start <= token.i < s.end)
    assert sentence.start <= word.i < sentence.end
    when = event_date(token, date_index(doc), published, None, sentence)
    return when.date, when.text


def test_a_date_in_a_piece_without_verb_dates_the_clause_it_continues(veille_nlp):
    text = ("Les quatre militants arrêtés mardi lors d'une opération de police à Lyon ont été inculpés et placés en "
            "détention provisoire vendredi par un juge d'instruction pour \"association de malfaiteurs\".")
    doc = veille_nlp(text)
    assert next(t for t in doc if t.text == "inculpés").sent != next(t for t in doc if t.text == "vendredi").sent
    events = code(veille_nlp, text, "2020-01-25")
    charged, arrested = find(events, trigger="inculpés"), find(events, trigger="arrêtés")
    assert charged is not None and arrested is not None, events
    assert (charged["date"], charged["date_text"]) == ("2020-01-24", "vendredi")
    # the participle of the subject keeps its own day
    assert arrested["date"] == "2020-01-21"


def test_a_date_set_beside_a_noun_across_a_cut(veille_nlp):
    text = ("Selon la police, une expédition punitive aurait été lancée samedi soir dans le centre-ville à la suite "
            "de l'agression, le 10 juin, d'un adolescent de 15 ans issu de cette communauté.")
    assert _dated(veille_nlp, text, "2020-06-16", "agression", "juin") == ("2020-06-10", "le 10 juin")


def test_a_piece_without_verb_before_the_trigger_goes_on_in_the_clause_before(veille_nlp):
    text = ("Ce jugement fait suite au recours en urgence déposé le 14 mai par Marie Dutreil, mère d'élève et par "
            "ailleurs conseillère municipale d'opposition, pour protester contre la fermeture de l'école.")
    assert _dated(veille_nlp, text, "2020-05-22", "protester", "mai") == ("2020-05-14", "le 14 mai")


@pytest.mark.parametrize(("text", "date"), [
    # the condemnation was told on the 3rd: the day after it is the 4th, not the day after the last day named
    ("Un tribunal d'Alger a condamné le 3 mars l'opposant Karim Tabbou à dix ans de prison. Le 5 mars, la police "
     "algérienne a arrêté des dizaines de manifestants à Oran. Au lendemain de la condamnation, l'Union européenne "
     "a dénoncé un procès politique.", "2021-03-04"),
    # the act's own phrase gives its day
    ("Le 5 mars, la police algérienne a arrêté des dizaines de manifestants à Oran. Au lendemain de l'attentat du "
     "2 mars contre une caserne, l'Union européenne a condamné la violence.", "2021-03-03"),
])
def test_the_day_after_an_act_counts_from_its_day(veille_nlp, text, date):
    events = [e for e in _events(veille_nlp, text, "2021-03-10") if e["date_text"] == "lendemain"]
    assert [e["date"] for e in events] == [date]


def _events(nlp, text: str, published: str) -> list[dict]:
    doc = nlp.make_doc(text)
    doc._.published = published
    return nlp(doc)._.events
