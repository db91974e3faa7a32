"""The scorer in ../shared/tools/score.py on what `veille export` writes: floors at the
levels reached, so that a change that makes extraction worse fails here."""

from __future__ import annotations

import pytest
from conftest import score

# (gold file, measure) -> floor; the measured values are in the closing notes
FLOORS = {
    ("seeds", "entity_accuracy"): 0.98,
    ("dev", "entity_accuracy"): 0.98,
    ("seeds", "f1"): 0.99,  # 1.0 reached
    ("dev", "f1"): 0.956,  # 0.960 reached at stop 41, 0.956 at stop 35, 0.952 at stop 25, 0.948 at stop 23,
    # 0.945 at stop 24 (its threshold dropped one) (0.944 at stop 22, 0.940 at stop 19, 0.937 at stop 18)
    ("dev", "recall"): 0.935,  # 0.938 reached at stop 41 and at stop 23, 0.931 at stop 24
    # (0.931 at stop 22, 0.923 at stop 19, 18)
    ("dev", "precision"): 0.98,  # 0.983 reached at stop 38, 0.975 at stop 35, 0.967 at stop 25, 0.958 at stop 19
    ("seeds", "direction"): 0.95,
    # 0.850 reached at stop 19, 0.858 at stop 18 (the issue asked 0.80); 0.844 at stop 27: partners counted over
    # named recipients reorder one clash (AZE->ARM read ARM->AZE) and goodwill with no addressee keeps none
    ("dev", "direction"): 0.85,  # 0.851 reached at stop 38
    ("seeds", "status"): 0.95,
    ("dev", "status"): 0.97,  # 0.983 reached
    ("seeds", "size"): 0.95,
    ("dev", "size"): 0.90,
    ("seeds", "date"): 0.95,
    ("dev", "date"): 0.91,  # 0.912 reached at stop 19 and 18 (0.913 at stop 17: one dated event fewer)
    ("dev", "reported_by"): 0.95,  # 0.968 reached
    ("dev", "story_pairs_f1"): 0.98,  # 1.0 reached
}
CEILINGS = {("seeds", "forbidden_hits"): 0, ("dev", "forbidden_hits"): 0, ("dev", "factuality_errors"): 0}


@pytest.fixture(scope="module")
def scores(gold_store):
    return {gold: score(f"{gold}.gold.jsonl", gold_store["exports"]) for gold in ("seeds", "dev")}


@pytest.mark.parametrize(("gold", "measure"), sorted(FLOORS))
def test_score_floor(scores, gold, measure):
    value = scores[gold][measure]
    assert value is not None and value >= FLOORS[gold, measure], scores[gold]


@pytest.mark.parametrize(("gold", "measure"), sorted(CEILINGS))
def test_score_ceiling(scores, gold, measure):
    assert scores[gold][measure] <= CEILINGS[gold, measure], scores[gold]
