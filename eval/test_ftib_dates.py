"""Dates (issue 17): the shared half of French TimeBank through `veille ingest` and
`veille export`, scored by ../shared/tools/score_dates.py. Floors are the figures reached
(relaxed 0.945, strict 0.892, value 0.902), less a little room for a changed parse."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

FLOORS = {"relaxed_f1": 0.93, "strict_f1": 0.88, "value_f1": 0.89}


@pytest.fixture(scope="module")
def ftib(shared, veille_nlp, tmp_path_factory) -> dict:
    from veille.pipeline import Ingestor
    from veille.store import Store
    from veille.store.export import export

    folder = tmp_path_factory.mktemp("ftib")
    store = Store(folder / "ftib.duckdb")
    Ingestor(store, nlp=veille_nlp).ingest_paths([shared / "corpus" / "ftib" / "dev.jsonl"])
    for table in ("documents", "mentions"):
        export(store, table, "jsonl", folder / f"{table}.jsonl")
    store.close()
    result = subprocess.run(
        [sys.executable, str(shared / "tools" / "score_dates.py"),
         "--gold", str(shared / "gold" / "ftib-dev.timex.jsonl"), "--mentions", str(folder / "mentions.jsonl"),
         "--documents", str(folder / "documents.jsonl")],
        capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[0])


@pytest.mark.parametrize("measure", sorted(FLOORS))
def test_ftib_floor(ftib, measure: str) -> None:
    assert ftib[measure] >= FLOORS[measure], ftib
