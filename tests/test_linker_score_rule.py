"""The entity-linking rule of the shared scorer (score_entities), as veille.actors.evaluate applies it
when the scorer is not at hand. The accuracy floors on the gold are in eval/test_linker_accuracy.py."""

from __future__ import annotations

from veille.actors.evaluate import score_entities


def test_local_scorer_agrees_with_the_rule() -> None:
    gold = [{"doc": "d", "entities": [{"text": "Russie", "actor": "RUS"}, {"text": "OTAN", "actor": "NATO"}]}]
    documents = [{"source": "d", "text": "La Russie et l'OTAN ; la Russie."}]
    mentions = [{"source": "d", "start": 3, "end": 9, "code": "RUS"},
                {"source": "d", "start": 15, "end": 19, "code": None}]
    result = score_entities(gold, mentions, documents)
    assert (result["entity_occurrences"], result["entity_linked"]) == (3, 1)
    assert len(result["entity_errors"]) == 2
