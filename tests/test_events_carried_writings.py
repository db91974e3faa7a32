"""A present participle on a writing that is carried, shown or handed out ("des tracts dénonçant X", class
`carried_writings`) says what the writing says: its owner says it ("les tracts du parti"), or whoever bears it, the
subject of a verb of bearing (class `bearing_verbs`: "les militants distribuaient des tracts dénonçant X"), and no
one else ("la police a saisi des tracts dénonçant X": the police do not denounce). Sentences written for veille."""

from __future__ import annotations

from veille.events.testing import code, codes, of_type
from veille.explain import explain


def test_who_seizes_the_tracts_does_not_denounce(veille_nlp) -> None:
    text = "La police russe a saisi des tracts dénonçant le gouvernement ukrainien."
    [candidate] = [c for s in explain(text, nlp=veille_nlp)["sentences"] for c in s["candidates"]
                   if c["word"] == "dénonçant"]
    assert candidate["type"] == "ACCUSE" and candidate["outcome"] == "dropped", candidate
    assert not of_type(code(veille_nlp, text), "ACCUSE")


def test_who_hands_out_or_owns_the_tracts_denounces(veille_nlp) -> None:
    for text, actor in [
        ("Des militants ukrainiens distribuaient mardi des tracts dénonçant le gouvernement russe.", {"UKR"}),
        ("La police israélienne a saisi mardi des tracts du Hamas dénonçant Israël.", {"PSE"}),
    ]:
        accusations = of_type(code(veille_nlp, text), "ACCUSE")
        assert accusations and codes(accusations[0]["actor"]) == actor, (text, accusations)
