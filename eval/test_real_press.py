"""Real press (issue 16): the shared scorer on real-dev, 52 real articles as scraped, through
`veille ingest` and `veille export`. The floors are the figures reached (see the closing notes),
less a little room for the noise of a changed parse; they only ever go up."""

from __future__ import annotations

import pytest
from conftest import ingest, score

FLOORS = {  # reached at stop 15: F1 0.507, P 0.623, R 0.427, entities 0.956, direction 0.627,
    # reported_by 0.818, status 0.947, story pairs 0.892, date 0.889
    "f1": 0.50,
    "precision": 0.62,
    "recall": 0.42,
    "entity_accuracy": 0.955,
    "direction": 0.62,
    "reported_by": 0.81,
    "status": 0.945,
    "story_pairs_f1": 0.88,
    # issue 17: 0.889 → 0.944 (the narrative date: announced days, "N jours après X du ...", comparisons,
    # relatives on the dated object, flashbacks; parts of the day on the narrative day)
    "date": 0.935,
}
CEILINGS = {"forbidden_hits": 3, "factuality_errors": 6}


@pytest.fixture(scope="module")
def real_dev(shared, veille_nlp, tmp_path_factory) -> dict:
    store, _, exports = ingest(tmp_path_factory.mktemp("real-dev"), [shared / "corpus" / "real" / "dev.jsonl"],
                               veille_nlp)
    store.close()
    return score("real-dev.gold.jsonl", exports)


@pytest.mark.parametrize("measure", sorted(FLOORS))
def test_real_dev_floor(real_dev, measure: str) -> None:
    assert real_dev[measure] is not None and real_dev[measure] >= FLOORS[measure], real_dev


@pytest.mark.parametrize("measure", sorted(CEILINGS))
def test_real_dev_ceiling(real_dev, measure: str) -> None:
    assert real_dev[measure] <= CEILINGS[measure], real_dev
