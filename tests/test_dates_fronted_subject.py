"""A bare date in a fronted phrase the parser misread as a second subject of the clause's verb ("Tranchant avec les
déclarations la semaine dernière de X, Y a réaffirmé ...") dates the phrase's noun, not the verb (the parse is
given, as the parser reads such a sentence)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from veille.events.dates import date_head

_WORDS = ["Tranchant", "avec", "les", "déclarations", "la", "semaine", "dernière", "de", "Trump", ",", "Pompeo", "a",
          "réaffirmé", "."]
_POS = ["ADJ", "ADP", "DET", "NOUN", "DET", "NOUN", "ADJ", "ADP", "PROPN", "PUNCT", "PROPN", "AUX", "VERB", "PUNCT"]
_HEADS = [12, 3, 3, 0, 5, 3, 5, 8, 5, 12, 12, 12, 12, 12]


def _doc(fronted_dep: str) -> Doc:
    deps = [fronted_dep, "case", "det", "nmod", "det", "nmod", "amod", "case", "nmod", "punct", "nsubj", "aux:tense",
            "ROOT", "punct"]
    return Doc(spacy.blank("fr").vocab, words=_WORDS, heads=_HEADS, deps=deps, pos=_POS)


def test_a_bare_date_in_a_fronted_phrase_read_as_a_second_subject_dates_its_noun() -> None:
    doc = _doc("nsubj")
    assert date_head(doc[4:7]).text == "déclarations"


def test_the_same_phrase_read_as_an_adjunct_is_left_as_it_was() -> None:
    # (paired: with one subject, the bare date hung on a noun still goes to the verb of its clause, as before)
    doc = _doc("advcl")
    assert date_head(doc[4:7]).text == "réaffirmé"
