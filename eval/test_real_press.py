"""Real press (issue 16): the shared scorer on real-dev, 52 real articles as scraped, through
`veille ingest` and `veille export`. The floors are the figures reached (see the closing notes),
less a little room for the noise of a changed parse; they only ever go up."""

from __future__ import annotations

import pytest
from conftest import ingest, score

FLOORS = {  # reached at stop 44: F1 0.801, P 0.903, R 0.720, direction 0.860, status 0.968, reported_by 0.900,
    # entities 0.962, story pairs 0.884 (topic and confidence models retrained together on the ingest's lemmas, with
    # the word vectors, threshold 0.500; sentence pieces re-joined for hyphenated words; events in word order; who
    # tells a toll is its source);
    # stop 43: F1 0.790, P 0.887, R 0.712, direction 0.851, status 0.968, reported_by 0.886,
    # story pairs 0.884 (present verbs the model read as nouns, wishes as requests, the confidence retrained at 0.475);
    # stop 42: F1 0.781, P 0.880, R 0.702, direction 0.849 (who acts when the parser reads a
    # subject as passive), reported_by 0.886, story pairs 0.884;
    # stop 41: F1 0.781, P 0.880, R 0.702, direction 0.845, reported_by 0.886, story pairs 0.884;
    # stop 40: F1 0.779, P 0.880, R 0.699, direction 0.845, reported_by 0.886, story pairs 0.884;
    # stop 39: F1 0.776, P 0.879, R 0.694, direction 0.844, reported_by 0.884, story pairs 0.884
    # (0.892 at stop 38: an event found from a description's own words moves one half-B document to another story);
    # stop 38: F1 0.766, P 0.874, R 0.682, direction 0.844, reported_by 0.881, story pairs 0.892;
    # stop 37: F1 0.766, P 0.869, R 0.684, direction 0.845, reported_by 0.882, status 0.963;
    # stop 36: F1 0.757, P 0.872, R 0.669, reported_by 0.877, story pairs 0.884, date 0.943
    # (a REQUEST newly found in a Mali article, dated by the coup named before it, moved a document between stories);
    # stop 35: F1 0.753, P 0.866, R 0.667, reported_by 0.875, status 0.962, date 0.947;
    # stop 27: F1 0.742, P 0.861, R 0.652, direction 0.833, reported_by 0.871, date 0.946;
    # stop 26: F1 0.738, P 0.860, R 0.646, entities 0.960, direction 0.832, reported_by 0.869,
    # status 0.961, story pairs 0.892, date 0.945 (stop 25: F1 0.735, P 0.857, R 0.644, direction 0.839, date 0.950;
    # stop 24: F1 0.717, P 0.833, R 0.629, reported_by 0.860;
    # stop 23: F1 0.705, P 0.820, R 0.619, direction 0.833, reported_by
    # 0.839; stop 22: F1 0.704, P 0.817, R 0.619, direction 0.820, story 0.884,
    # date 0.943; stop 21: F1 0.691, P 0.803, R 0.606, direction 0.817;
    # stop 20: F1 0.679, P 0.788, R 0.596, direction 0.809, reported_by
    # 0.836, date 0.945; stop 19: F1 0.659, P 0.767, R 0.578, direction 0.799,
    # reported_by 0.830, status 0.952; stop 18: F1 0.618, P 0.725, R 0.538, direction 0.770; stop 17: F1 0.605,
    # P 0.713, R 0.525; stop 16: F1 0.586, P 0.693, R 0.508, direction 0.642; stop 15: F1 0.507, P 0.623, R 0.427)
    "f1": 0.799,
    "precision": 0.901,
    "recall": 0.717,
    "entity_accuracy": 0.958,
    "direction": 0.857,
    "reported_by": 0.897,
    "status": 0.965,
    "story_pairs_f1": 0.880,
    # issue 17: 0.889 → 0.944 on stop 15's matched events (the narrative date: announced days, "N jours après
    # X du ...", comparisons, relatives on the dated object, flashbacks; parts of the day on the narrative day);
    # 0.935 on the larger set matched at stop 16, 0.938 at stop 17, 0.939 at stop 18, 0.943 at stop 19, 0.945 at
    # stop 20, 0.941 at stop 21 (future meetings coded CONSULT now match, some with a wrong date), 0.943 at stop 22,
    # 0.947 at stop 23, 0.948 at stop 24, 0.950 at stop 25, 0.946 at stop 27, 0.943 at stop 36, 0.940 at stop 39,
    # 0.943 at stop 44
    "date": 0.940,
}
CEILINGS = {"forbidden_hits": 0, "factuality_errors": 1}


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
