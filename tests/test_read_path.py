"""One read path: the command line and the web API read a store through the same queries
(`store/queries.py`), so the same question gives the same rows in the same order on both.

The store is the fixture corpus as ingested for the session (conftest `corpus_store`), copied
to a file of its own that the CLI (`--json`) and the API (FastAPI's test client) open read-only.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from veille.cli import app as cli
from veille.serve import create_app


@pytest.fixture(scope="module")
def db(corpus_store, tmp_path_factory) -> Path:
    store = corpus_store["store"]
    store.con.execute("CHECKPOINT")  # the file holds every committed row: a copy is the whole store
    path = tmp_path_factory.mktemp("read_path") / "corpus.duckdb"
    shutil.copyfile(corpus_store["folder"] / "corpus.duckdb", path)
    return path


@pytest.fixture(scope="module")
def api(db: Path):
    with TestClient(create_app(db)) as client:
        yield client


def command(db: Path, *args: str) -> Any:
    result = CliRunner().invoke(cli, [*args, "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def get(api: TestClient, path: str, **params: Any) -> Any:
    response = api.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def story_ids(page: dict[str, Any]) -> list[str]:
    return [row["story_id"] for row in page["items"]]


@pytest.mark.parametrize("query", [None, "rus", "vallee du rhone", "Vallée", "«vallée du Rhône»", "kaz request"])
def test_stories_are_the_same_rows_in_the_same_order(db: Path, api: TestClient, query: str | None) -> None:
    args = ["stories", *([query] if query else []), "--min-documents", "1", "--limit", "100"]
    on_the_command_line = command(db, *args)
    params = {"min_documents": 1, "limit": 100, **({"q": query} if query else {})}
    on_the_web = get(api, "/api/stories", **params)
    assert story_ids(on_the_command_line) == story_ids(on_the_web)
    assert on_the_command_line["total"] == on_the_web["total"] == len(story_ids(on_the_web))
    assert on_the_web["total"] >= 1


def test_a_label_filter_ignores_accents_and_case_on_both(db: Path, api: TestClient) -> None:
    folded = story_ids(command(db, "stories", "VALLEE DU RHONE", "--min-documents", "1"))
    accented = story_ids(get(api, "/api/stories", q="vallée du Rhône", min_documents=1))
    assert folded == accented and len(folded) == 1


def test_a_story_has_the_same_documents_and_merged_events_in_the_same_order(db: Path, api: TestClient) -> None:
    largest = get(api, "/api/stories", min_documents=2, limit=100)["items"]
    assert largest
    for story in largest:
        on_the_command_line = command(db, "story", story["story_id"])
        on_the_web = get(api, f"/api/stories/{story['story_id']}")
        assert [d["doc_id"] for d in on_the_command_line["documents"]] == [d["doc_id"] for d in on_the_web["documents"]]
        assert len(on_the_web["documents"]) == story["num_documents"]
        assert [e["merged_id"] for e in on_the_command_line["merged_events"]] == \
            [e["merged_id"] for e in on_the_web["merged_events"]]
        # by date (undated last), and the same documents as the documents route gives for the story
        dates = [d["published"] for d in on_the_web["documents"] if d["published"]]
        assert dates == sorted(dates)
        listed = get(api, "/api/documents", story=story["story_id"], limit=100)["items"]
        assert {d["doc_id"] for d in listed} == {d["doc_id"] for d in on_the_web["documents"]}


def test_stats_count_the_same(db: Path, api: TestClient) -> None:
    on_the_command_line = command(db, "stats")
    on_the_web = get(api, "/api/stats")
    assert on_the_command_line["counts"] == on_the_web["counts"]
    assert on_the_command_line["counts"]["documents"] == 28
    assert on_the_command_line["languages"] == on_the_web["languages"]
    assert sum(row["documents"] for row in on_the_web["languages"]) == 28
    assert on_the_command_line["outlets"] == on_the_web["outlets"]


def test_the_text_tables_show_the_rows_of_the_json(db: Path) -> None:
    rows = command(db, "stories", "rus", "--min-documents", "1")["items"]
    table = CliRunner().invoke(cli, ["stories", "rus", "--min-documents", "1", "--db", str(db)],
                               env={"COLUMNS": "200"})
    assert table.exit_code == 0, table.output
    shown = [line.split()[0] for line in table.stdout.splitlines() if line.strip().startswith("S-")]
    assert shown == [row["story_id"] for row in rows]
    stats = CliRunner().invoke(cli, ["stats", "--db", str(db)], env={"COLUMNS": "200"})
    assert stats.exit_code == 0 and "documents by language" in stats.stdout


def test_discovered_actors_read_through_the_queries(db: Path) -> None:
    result = CliRunner().invoke(cli, ["actors", "discovered", "--db", str(db), "--yaml"])
    assert result.exit_code == 0, result.output


def test_a_bad_limit_is_refused_with_the_api_message(db: Path, api: TestClient) -> None:
    result = CliRunner().invoke(cli, ["stories", "--limit", "0", "--db", str(db)])
    assert result.exit_code == 2 and "limit" in result.output
