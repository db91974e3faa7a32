"""The subject of a clause said whose verb the parser hung on the verb that says it, reading "que X" as a bare noun
complement ("a réaffirmé que Tokyo et ses alliés condamnaient ...": Tokyo condemns; real model)."""

from __future__ import annotations

from veille.events.testing import code, codes, find


def test_the_bare_noun_after_que_is_the_subject_of_the_verb_hung_beside(veille_nlp) -> None:
    events = code(veille_nlp, "Le porte-parole a réaffirmé que Tokyo et ses alliés occidentaux condamnaient tous "
                              "les essais de Pyongyang.")
    charge = find(events, "ACCUSE")
    assert charge is not None, events
    assert "JPN" in codes(charge["actor"]) and codes(charge["recipient"]) == {"PRK"}


def test_the_same_with_a_verb_of_support(veille_nlp) -> None:
    events = code(veille_nlp, "Le porte-parole a rappelé que Tokyo et ses alliés occidentaux soutenaient tous la "
                              "Corée du Sud.")
    support = find(events, "SUPPORT")
    assert support is not None, events
    assert "JPN" in codes(support["actor"]) and codes(support["recipient"]) == {"KOR"}
