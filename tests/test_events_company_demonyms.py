"""A compound demonym that qualifies a company ("le groupe franco-belge", grammar class `company_nouns`) tells where
the firm is from: the firm is no state, and the states it names are no parties of what it does; the same demonym on
a treaty or a summit still names both states (events/arguments.py, `MentionIndex`). Sentences written for veille."""

from __future__ import annotations

import pytest

from veille.events.testing import code, codes, of_type


@pytest.mark.parametrize("text", [
    "Le groupe franco-belge a signé un accord mardi.",
    "La compagnie italo-suisse a conclu un contrat avec le gouvernement tchèque.",
])
def test_a_company_of_two_states_is_neither_state(veille_nlp, text: str) -> None:
    events = code(veille_nlp, text)
    named = {"FRA", "BEL", "ITA", "CHE"}
    assert not any(named & (codes(e["actor"]) | codes(e["recipient"])) for e in events), events


def test_a_treaty_of_two_states_is_still_theirs(veille_nlp) -> None:
    agreements = of_type(code(veille_nlp, "Le traité germano-suédois a été signé mardi."), "AGREE")
    assert agreements and codes(agreements[0]["actor"]) | codes(agreements[0]["recipient"]) == {"DEU", "SWE"}
