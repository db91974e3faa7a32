"""The state of a titled person or a minister the text gives no state (no nationality, complement nor
apposition): never a state his own act is about or aimed at; a minister named by his portfolio alone
("le ministre de la Santé") belongs to the state the text is about, the outlet's own when it names no other."""

from __future__ import annotations

from typing import Any

import pytest

from test_linker_rules import code_of
from veille.nlp.extensions import MENTIONS


@pytest.fixture(scope="session")
def actors_nlp() -> Any:
    from veille.actors.evaluate import build_nlp

    return build_nlp()


def _code(nlp: Any, text: str, words: str, home: str | None) -> str | None:
    doc = nlp.make_doc(text)
    doc._.published, doc._.home = "2022-03-14", home
    doc = nlp(doc)
    return next(s for s in doc.spans[MENTIONS] if s.text.startswith(words))._.code


@pytest.mark.parametrize(("text", "words"), [
    ("Le ministre Octave Morelli a dénoncé la politique agricole de la Roumanie.", "ministre Octave"),
    ("Le sénateur Basile Ferrant a critiqué le budget militaire de l'Estonie.", "sénateur Basile"),
    ("Le maire Aurèle Dantin et son adjoint ont condamné les essais nucléaires de la Corée du Nord.", "maire Aurèle"),
])
def test_a_state_the_act_is_aimed_at_is_not_the_actors(actors_nlp: Any, text: str, words: str) -> None:
    assert _code(actors_nlp, text, words, None) is None


def test_where_the_titled_person_acts_still_says_whose_he_is(actors_nlp: Any) -> None:
    text = "Le ministre Octave Morelli a inauguré jeudi un hôpital à Lisbonne."
    assert _code(actors_nlp, text, "ministre Octave", None) == "PRT"


def test_an_earlier_sentence_still_gives_the_state(actors_nlp: Any) -> None:
    text = ("La Roumanie a connu un hiver difficile. Le ministre Octave Morelli a dénoncé la politique "
            "gazière de la Hongrie.")
    assert code_of(actors_nlp, text, "ministre Octave", "2022-03-14") == "ROU"


@pytest.mark.parametrize("text", [
    "La ministre de l'Agriculture a fustigé les négociants en céréales.",
    "Le ministre de la Santé a félicité les pharmaciens pour leur mobilisation.",
])
def test_a_portfolio_alone_is_the_outlets_state_in_a_text_naming_no_other(actors_nlp: Any, text: str) -> None:
    words = "ministre de"
    assert _code(actors_nlp, text, words, "FRA") == "FRA"
    assert _code(actors_nlp, text, words, None) is None


def test_a_portfolio_alone_is_the_state_the_text_is_about(actors_nlp: Any) -> None:
    text = "Le Chili a rouvert ses frontières lundi. Le ministre de la Santé a défendu cette décision."
    assert _code(actors_nlp, text, "ministre de la Santé", "FRA") == "CHL"


def test_a_portfolio_alone_does_not_take_the_state_it_accuses(actors_nlp: Any) -> None:
    text = "Le ministre de l'Intérieur a accusé l'Argentine de négligence."
    assert _code(actors_nlp, text, "ministre de l'Intérieur", "FRA") != "ARG"
