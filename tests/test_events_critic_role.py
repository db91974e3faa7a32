"""A noun that also names someone (trigger key `role_noun`: "soutien", "critique") set beside a person named is that
person's role, no act: in apposition after the name ("X, une critique du Kremlin, ...") and before it, however the
parser hung the two ("Une vive critique du Kremlin, l'écrivaine X, ...": an apposition, two subjects, a fragment),
with no definite article (events/lexicon.py `_apposed`). Sentences written for veille."""

from __future__ import annotations

import pytest

from veille.events.testing import code, of_type
from veille.explain import explain


@pytest.mark.parametrize("text", [
    "Une vive critique du Kremlin, l'écrivaine russe Anna Petrova, est morte lundi à Londres.",
    "Critique virulente du président Poutine, la journaliste Anna Petrova a été retrouvée morte.",
    "L'écrivaine Anna Petrova, une critique du Kremlin, a quitté la Russie.",
])
def test_a_critic_beside_a_name_is_no_accusation(veille_nlp, text: str) -> None:
    assert not of_type(code(veille_nlp, text), "ACCUSE")
    assert not [c for s in explain(text, nlp=veille_nlp)["sentences"] for c in s["candidates"]
                if c["word"].lower() == "critique"]


def test_a_critique_voiced_is_still_an_accusation(veille_nlp) -> None:
    events = code(veille_nlp, "La Chine a formulé mardi une vive critique du gouvernement japonais.")
    assert of_type(events, "ACCUSE"), events
