"""The stories step on the real pipeline's store (the fixture corpus): every story is told by the
outlets that tell it, both republications are found, and streaming in chunks gives the same
stories. The story F1 on the shared gold is measured in eval/test_stories_gold.py."""

from __future__ import annotations

import pytest
from conftest import depeches

from veille import stories
from veille.store.queries import StoryFilter, find_stories, get_story

pytestmark = pytest.mark.slow

# The fixture dispatches by story: the first letter of their id (Z: unrelated pieces).
STORY_OF_ID = {"K": "otsc-kazakhstan", "A": "armenie-azerbaidjan", "T": "sommet-oet", "S": "margara", "M": "niger"}


@pytest.fixture(scope="module")
def story_store(corpus_store):
    store = corpus_store["store"]
    stories.update(store)  # nothing to do when ingest already ran the step
    return store


def _partition(store) -> tuple[set[frozenset[str]], set[tuple[str, str]]]:
    groups: dict[str, set[str]] = {}
    copies = set()
    for doc_id, story_id, duplicate_of in store.con.execute(
        "SELECT doc_id, story_id, duplicate_of FROM documents"
    ).fetchall():
        groups.setdefault(story_id, set()).add(doc_id)
        if duplicate_of:
            copies.add((doc_id, duplicate_of))
    return {frozenset(g) for g in groups.values()}, copies


def test_dispatches_are_grouped_by_story(story_store):
    """The stories of the dispatches are those they were written for; the unrelated pieces stand alone."""
    by_url = {record["url"]: record["id"] for record in depeches().values()}
    groups: dict[str, set[str]] = {}
    for source, story_id in story_store.con.execute("SELECT source, story_id FROM documents").fetchall():
        if source in by_url:
            groups.setdefault(story_id, set()).add(by_url[source])
    found = sorted(sorted(ids) for ids in groups.values())
    expected = sorted(sorted(i for i in by_url.values() if i[0] == letter) for letter in STORY_OF_ID)
    expected += [[i] for i in by_url.values() if i[0] == "Z"]
    assert found == sorted(expected)


def test_both_republications_are_found(story_store):
    rows = story_store.con.execute(
        "SELECT c.outlet, o.outlet FROM documents c JOIN documents o ON c.duplicate_of = o.doc_id "
        "ORDER BY 1").fetchall()
    assert rows == [("info-monde24.net", "depeches-d-orient.com"), ("nouvelles-express.net", "ankara-hebdo.com")]


def test_stories_and_merged_events_are_readable(story_store):
    listed = find_stories(story_store, StoryFilter(min_documents=2, limit=500))[1]
    assert len(listed) >= len(STORY_OF_ID)
    for story in listed:
        timeline = get_story(story_store, story["story_id"])
        assert timeline is not None and len(timeline["documents"]) == story["num_documents"]
        for event in timeline["merged_events"]:
            assert event["num_documents"] >= 1 and event["provenance"]
            assert event["num_sources"] <= event["num_documents"]


def test_three_chunks_give_the_same_stories(story_store):
    before = _partition(story_store)
    stories.rebuild(story_store, chunk=10)
    assert _partition(story_store) == before
