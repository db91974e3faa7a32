"""What the trigger keys about the words around a trigger read (events/lexicon.py `_near_lemmas`): `with` and
`not_near` the words hung on it, on its complements, and its head; `not_with` only the words hung on it, the little
words that introduce them, and its head, not a complement's own complements. Entries written for the test."""

from __future__ import annotations

from pathlib import Path

import pytest

from veille.events.lexicon import Lexicon

TEXT = "Le garçon a repeint la façade de la caserne."


@pytest.mark.parametrize("key, words, fits", [
    ("not_with", "[caserne]", True),  # a complement's own complement is not with the verb
    ("not_with", "[façade]", False),  # its object is
    ("not_near", "[caserne]", False),  # but it is near
    ("with", "[caserne]", True),
])
def test_not_with_reads_the_words_with_the_trigger(veille_nlp, tmp_path: Path, key: str, words: str,
                                                   fits: bool) -> None:
    path = tmp_path / "extra.yaml"
    path.write_text(f"version: 1\ntypes:\n  SUPPORT:\n    - {{lemma: repeindre, pos: VERB, {key}: {words}}}\n",
                    encoding="utf-8")
    lexicon = Lexicon.load([path])
    token = next(t for t in veille_nlp(TEXT) if t.text == "repeint")
    assert token.lemma_ == "repeindre"
    assert (lexicon.match(token) is not None) == fits
