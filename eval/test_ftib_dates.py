"""Dates (issue 17): the shared half of French TimeBank through `veille ingest` and
`veille export`, scored by ../shared/tools/score_dates.py. Floors are the figures reached
(relaxed 0.947, strict 0.894, value 0.905), less a little room for a changed parse."""

from __future__ import annotations

import pytest
from conftest import ingest, score

FLOORS = {"relaxed_f1": 0.935, "strict_f1": 0.885, "value_f1": 0.895}


@pytest.fixture(scope="module")
def ftib(shared, veille_nlp, tmp_path_factory) -> dict:
    store, _, exports = ingest(tmp_path_factory.mktemp("ftib"), [shared / "corpus" / "ftib" / "dev.jsonl"],
                               veille_nlp, tables=("documents", "mentions"))
    store.close()
    return score("ftib-dev.timex.jsonl", exports, tool="score_dates.py")


@pytest.mark.parametrize("measure", sorted(FLOORS))
def test_ftib_floor(ftib, measure: str) -> None:
    assert ftib[measure] >= FLOORS[measure], ftib
