"""Entity-linking accuracy floors on the shared gold (the scorer's score_entities rule)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from veille.actors.evaluate import evaluate

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

DEV_FLOOR = 0.98  # measured 1.000 (495/495)
SEEDS_FLOOR = 0.95  # measured 1.000 (90/90)


@pytest.fixture(scope="session")
def actors_nlp() -> Any:
    from veille.actors.evaluate import build_nlp

    return build_nlp()


def test_dev_accuracy_floor(actors_nlp: Any) -> None:
    result = evaluate(actors_nlp, SHARED, "dev")
    assert result["entity_occurrences"] >= 450
    assert result["entity_accuracy"] >= DEV_FLOOR, "\n".join(result.get("entity_errors", []))


def test_seeds_accuracy_floor(actors_nlp: Any) -> None:
    result = evaluate(actors_nlp, SHARED, "seeds")
    assert result["entity_occurrences"] >= 80
    assert result["entity_accuracy"] >= SEEDS_FLOOR, "\n".join(result.get("entity_errors", []))
