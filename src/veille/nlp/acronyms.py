"""Acronyms keep their form as lemma. The model's lemmatizer reads a capitalised word it tags as a common noun
as a plural to lower-case and strip ("CRS" → "cr", "LBD" → "lbd", "FARC" → "farc"), so the word lists that name
them (trigger classes, sectors) never meet them. veille_acronyms, right after the lemmatizer, gives a word written
all in capitals its own form back as lemma, unless its sentence is shouted (a headline in capitals, whose words
the lemmatizer reads as it should)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

_MIN_LETTERS = 2
_SHOUTED_SHARE = 0.5  # a sentence with at least this share of its longer words in capitals is shouted
_LONGER_WORD = 4


def is_acronym(token: Token) -> bool:
    """A word of two capitals or more, with no lower-case letter ("CRS", "AP-HP", "G7")."""
    text = token.text
    return text.isupper() and text[0].isalpha() and sum(c.isalpha() for c in text) >= _MIN_LETTERS


def _shouted(sent: Span) -> bool:
    words = [t.text for t in sent if t.is_alpha and len(t.text) >= _LONGER_WORD]
    return bool(words) and sum(w.isupper() for w in words) >= _SHOUTED_SHARE * len(words)


@Language.component("veille_acronyms", assigns=["token.lemma"], requires=["token.lemma", "token.is_sent_start"])
def keep_acronyms(doc: Doc) -> Doc:
    """Set each acronym's lemma to its form, outside shouted sentences (read only where one has an acronym)."""
    for sent in doc.sents:
        acronyms = [token for token in sent if is_acronym(token) and token.lemma_ != token.text]
        if acronyms and not _shouted(sent):
            for token in acronyms:
                token.lemma_ = token.text
    return doc
