"""A plural title with no state of its own ("les sénateurs", "trois ministres") names holders of that title in the
state the text is about, as "la police" or "les manifestants" does: its focus, when one leads. A bare plural
after "de" ("en cas de départ de sénateurs") names a kind, no one; a complement that names no state, or a focus
state named only as a place where something happens, gives none either."""

from __future__ import annotations

from typing import Any

import pytest

from test_linker_rules import code_of
from veille.events.testing import code, codes, factual


@pytest.fixture(scope="session")
def actors_nlp() -> Any:
    from veille.actors.evaluate import build_nlp

    return build_nlp()


@pytest.mark.parametrize(("text", "noun", "state"), [
    ("La Zambie prépare des élections anticipées. Jeudi, les sénateurs ont rejeté le calendrier du gouvernement.",
     "sénateurs", "ZMB"),
    ("L'Équateur renégocie sa dette extérieure. Trois ministres ont quitté lundi la réunion du cabinet.",
     "ministres", "ECU"),
])
def test_a_plural_title_is_of_the_state_the_text_is_about(actors_nlp: Any, text: str, noun: str,
                                                          state: str) -> None:
    assert code_of(actors_nlp, text, noun, "2023-05-04") == state


def test_a_bare_plural_names_no_one(actors_nlp: Any) -> None:
    text = ("La Zambie prépare des élections anticipées. La constitution ne prévoit un vote partiel qu'en cas de "
            "départ de sénateurs.")
    assert code_of(actors_nlp, text, "sénateurs", "2023-05-04") is None


@pytest.mark.parametrize(("text", "noun"), [
    # two states named alike: no focus leads, the senators are of neither
    ("La Zambie et le Malawi négocient un traité. Les sénateurs ont rejeté jeudi le calendrier.", "sénateurs"),
    # a state named only as the place of a meeting: the ministers are the body's, not the host's
    ("Les ministres de l'Agriculture de l'OCDE se sont retrouvés mardi à Lima. Les ministres ont adopté une "
     "déclaration.", "ministres"),
    # a complement that names no state says whose they are
    ("La Zambie prépare des élections anticipées. Les ministres des deux voisins ont signé un protocole.",
     "ministres"),
])
def test_no_state_without_a_settled_focus(actors_nlp: Any, text: str, noun: str) -> None:
    assert code_of(actors_nlp, text, noun, "2023-05-04", nth=1 if text.count(noun) > 1 else 0) is None


def test_the_plural_title_speaks_for_its_state(veille_nlp: Any) -> None:
    # a verbal act needs a speaker with a state: the senators of the story's state now are one
    events = code(veille_nlp, "La Zambie prépare des élections anticipées. Jeudi, les sénateurs ont dénoncé le "
                              "calendrier imposé par le ministre de l'Intérieur.", published="2023-05-05")
    accusations = factual(events, "ACCUSE")
    assert accusations and codes(accusations[0]["actor"]) == {"ZMB"}
