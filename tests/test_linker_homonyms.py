"""People the knowledge base holds a namesake of (issue 16's hand-judged wrong states): a surname alone, or a
full name with another first name, is not the KB person when the text does not name them or their state."""

from __future__ import annotations

from typing import Any

from veille.nlp.extensions import MENTIONS


def _mentions(nlp: Any, text: str) -> dict[str, tuple[str | None, str | None]]:
    doc = nlp.make_doc(text)
    doc._.published = "2020-09-01"
    doc = nlp(doc)
    return {s.text: (s._.code, s._.actor_id) for s in doc.spans[MENTIONS]}


def test_a_surname_alone_is_not_a_namesake_of_a_state_the_text_never_names(veille_nlp) -> None:
    # Barham Saleh (the KB's Iraqi president) in a text about Afghanistan that never names Iraq
    found = _mentions(veille_nlp, "Les talibans ont de nouveau attaqué un poste de police près de Kaboul. "
                                  "Samedi, M. Saleh a assuré que le gouvernement afghan ne cèderait pas.")
    assert found["M. Saleh"] == ("AFG", None), found


def test_a_surname_alone_is_the_kb_person_where_the_text_names_their_state(veille_nlp) -> None:
    found = _mentions(veille_nlp, "Le chef de la diplomatie américaine est arrivé à Bagdad mardi. "
                                  "M. Saleh a salué la visite au nom de l'Irak.")
    assert found["M. Saleh"] == ("IRQ", "barham_saleh"), found


def test_a_full_name_with_another_first_name_is_another_person(veille_nlp) -> None:
    # "Amrullah Saleh" after Barham Saleh: the title's state, not the namesake's
    found = _mentions(veille_nlp, "Le président irakien Barham Saleh a reçu son homologue à Bagdad. "
                                  "A Kaboul, le vice-président afghan Amrullah Saleh a condamné l'attentat.")
    assert found["président irakien Barham Saleh"] == ("IRQ", "barham_saleh"), found
    assert found["vice-président afghan Amrullah Saleh"][0] == "AFG", found
