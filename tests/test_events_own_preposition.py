"""A noun trigger's `with` words are its complements, not the preposition that governs it (events/lexicon.py).

"a parlé de son engagement pour la région" holds a "de" that governs the noun: no commitment to do anything
is told. Texts written for veille."""

from __future__ import annotations

import pytest

from veille.events.testing import code, factual


def _types(text: str, veille_nlp, trigger: str) -> set[str]:
    return {e["type"] for e in factual(code(veille_nlp, text)) if e["trigger"] == trigger}


@pytest.mark.parametrize(("text", "trigger", "coded"), [
    # the noun governed by "de": a commitment spoken of, to do nothing named
    ("Le ministre français de l'Agriculture a parlé mardi de son engagement pour les campagnes du Jura.",
     "engagement", set()),
    # a commitment taken, to do something: an agreement
    ("Le ministre français de l'Agriculture a pris mardi l'engagement de rouvrir la laiterie de Pontarlier.",
     "engagement", {"AGREE"}),
])
def test_a_noun_s_own_preposition_is_no_complement(veille_nlp, text: str, trigger: str, coded: set) -> None:
    assert _types(text, veille_nlp, trigger) == coded


def test_an_appeal_answered_is_one_a_roll_call_is_not(veille_nlp) -> None:
    # "répondre à l'appel de": the appeal is the head's complement, named in the entry
    answered = "Le maire de Lyon a répondu mardi à l'appel du Premier ministre français à réduire l'éclairage public."
    assert _types(answered, veille_nlp, "appel") == {"REQUEST"}
    # "manquer à l'appel" (to be missing): its "à" governs the noun, no one appeals for anything
    missing = ("Deux ministres français manquaient à l'appel mardi lors du conseil des ministres à Paris, a indiqué "
               "l'Elysée.")
    assert not [e for e in code(veille_nlp, missing) if e["trigger"] == "appel"]
