"""What the trigger keys about the words around a trigger read (events/lexicon.py `_near_lemmas`): `with` and
`not_near` the words hung on it, on its complements, and its head; `not_with` only the words hung on it, the little
words that introduce them, what a quantity hung on it counts, and its head, not a complement's own complements.
Entries and sentences written for the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from veille.events.lexicon import Lexicon
from veille.events.testing import trigger_type

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


def test_not_with_reads_what_a_quantity_counts(veille_nlp, tmp_path: Path) -> None:
    # "des centaines de façades": the quantity's "de" phrase is the object itself, with the verb
    path = tmp_path / "extra.yaml"
    path.write_text("version: 1\ntypes:\n  SUPPORT:\n    - {lemma: repeindre, pos: VERB, not_with: [façade]}\n",
                    encoding="utf-8")
    lexicon = Lexicon.load([path])
    token = next(t for t in veille_nlp("Le garçon a repeint des centaines de façades.") if t.text == "repeint")
    assert lexicon.match(token) is None


@pytest.mark.parametrize("text, word, expected", [
    # words showered on someone are no shelling, counted or not; shells counted are
    ("La ministre Odile Marchand a été bombardée de centaines de questions par les députés.", "bombardée", None),
    ("L'artillerie a bombardé des centaines de positions rebelles dans la nuit.", "bombardé", "ASSAULT"),
    # a barrage of policemen counted is no blockade by protesters
    ("La préfecture a dressé un barrage de centaines de policiers devant la mairie.", "barrage", None),
])
def test_a_counted_word_is_with_the_trigger(veille_nlp, text: str, word: str, expected: str | None) -> None:
    assert trigger_type(veille_nlp, text, word) == expected
