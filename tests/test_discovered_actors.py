"""Actors found from their description in the text are stored with their evidence and listed by
`veille actors discovered` (real pipeline, real DuckDB file, texts written for veille)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from veille.cli import app
from veille.store import Store
from veille.store.queries import DISCOVERED, discovered_actors

TEXTS = [
    {"url": "https://exemple.test/uruguay-1", "published": "2024-03-04", "title": "Montevideo et Brasilia",
     "text": "Le ministre uruguayen des Affaires étrangères, Tomás Ferreira Lindqvist, a rencontré lundi son "
             "homologue brésilien à Brasilia. M. Ferreira Lindqvist a salué un accord commercial."},
    {"url": "https://exemple.test/uruguay-2", "published": "2024-03-06", "title": "Le Brésil répond",
     "text": "Tomás Ferreira Lindqvist, chef de la diplomatie uruguayenne, a appelé le Brésil à lever ses "
             "restrictions. Le ministre a été reçu par le président brésilien."},
]


@pytest.fixture(scope="module")
def store_path(tmp_path_factory, veille_nlp):
    from veille.pipeline import Ingestor

    folder = tmp_path_factory.mktemp("discovered")
    source = folder / "articles.jsonl"
    source.write_text("".join(json.dumps(t, ensure_ascii=False) + "\n" for t in TEXTS), "utf-8")
    path = folder / "store.duckdb"
    store = Store(path)
    Ingestor(store, nlp=veille_nlp).ingest_paths([source])
    store.close()
    return path


def test_a_person_no_dictionary_holds_is_discovered_with_evidence(store_path) -> None:
    store = Store(store_path)
    try:
        rows = discovered_actors(store)
    finally:
        store.close()
    ferreira = [r for r in rows if "ferreira" in r["actor_id"]]
    assert ferreira, rows
    row = ferreira[0]
    assert row["actor_id"].startswith(DISCOVERED)
    assert row["code"] == "URY"
    assert row["documents"] == 2 and row["mentions"] >= 3
    assert row["first_seen"] == "2024-03-04" and row["first_source"] == "https://exemple.test/uruguay-1"
    assert any("Ferreira" in name for name in row["names"])


def test_the_cli_lists_discovered_actors(store_path) -> None:
    result = CliRunner().invoke(app, ["actors", "discovered", "--db", str(store_path), "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert any(r["code"] == "URY" and "ferreira" in r["actor_id"] for r in rows)
    minimum = CliRunner().invoke(app, ["actors", "discovered", "--db", str(store_path), "--min-documents", "3",
                                       "--json"])
    assert minimum.exit_code == 0 and json.loads(minimum.output) == []
