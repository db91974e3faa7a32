"""A compound demonym that qualifies a company ("le groupe franco-belge", grammar class `company_nouns`) tells where
the firm is from: the firm is one party, a company (sector BUS) of its first state, as a single demonym makes it a
company of that state ("le groupe français"); the other states it names are no parties of what it does. The same
demonym on a treaty or a summit still names both states (events/arguments.py, `MentionIndex`). Sentences written for
veille."""

from __future__ import annotations

import pytest

from veille.events.testing import code, codes, of_type
from veille.explain import explain


def _sides(events: list[dict]) -> list[tuple]:
    return [(e["type"], sorted(codes(e["actor"])), sorted(p.get("sector") or "" for p in e["actor"]),
             sorted(codes(e["recipient"]))) for e in events]


@pytest.mark.parametrize(("compound", "single"), [
    ("Le groupe franco-belge a dénoncé le gouvernement algérien.",
     "Le groupe français a dénoncé le gouvernement algérien."),
    ("La compagnie italo-suisse a conclu un contrat avec le gouvernement tchèque.",
     "La compagnie italienne a conclu un contrat avec le gouvernement tchèque."),
])
def test_a_company_of_two_states_is_a_company_of_the_first(veille_nlp, compound: str, single: str) -> None:
    both, one = code(veille_nlp, compound), code(veille_nlp, single)
    assert one and _sides(both) == _sides(one), (both, one)
    assert all(p.get("sector") == "BUS" for e in both for p in e["actor"]), both
    named = {"BEL", "CHE"}  # the second states: no party
    assert not any(named & (codes(e["actor"]) | codes(e["recipient"])) for e in both), both


def test_a_company_acting_on_no_side_is_still_business(veille_nlp) -> None:
    # the firm is a side now (of its first state), and its deal with no one is cut as business, not left sideless
    text = "Le groupe franco-belge a signé un accord mardi."
    assert not code(veille_nlp, text)
    [signed] = [c for s in explain(text, nlp=veille_nlp)["sentences"] for c in s["candidates"] if c["word"] == "signé"]
    [event] = signed["events"]
    assert event["reason"] == "trade" and codes(event["actor"]) == {"FRA"}, signed


def test_a_treaty_of_two_states_is_still_theirs(veille_nlp) -> None:
    agreements = of_type(code(veille_nlp, "Le traité germano-suédois a été signé mardi."), "AGREE")
    assert agreements and codes(agreements[0]["actor"]) | codes(agreements[0]["recipient"]) == {"DEU", "SWE"}
