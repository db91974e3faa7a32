"""The stories step on the real pipeline's store (seeds + dev corpus): story F1 through the
real scorer, both republications found, and streaming in chunks gives the same stories."""

from __future__ import annotations

import pytest
from conftest import score

from veille import stories
from veille.store.export import export
from veille.store.queries import StoryFilter, find_stories, get_story

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def story_store(gold_store):
    store = gold_store["store"]
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


def test_dev_story_pairs_f1(story_store, tmp_path):
    documents = tmp_path / "documents.jsonl"
    export(story_store, "documents", "jsonl", documents)
    events = tmp_path / "events.jsonl"
    export(story_store, "events", "jsonl", events)
    scores = score("dev.gold.jsonl", {"events": events, "documents": documents})
    assert scores["story_pairs_f1"] >= 0.9, scores


def test_both_republications_are_found(story_store):
    rows = story_store.con.execute(
        "SELECT c.outlet, o.outlet FROM documents c JOIN documents o ON c.duplicate_of = o.doc_id "
        "ORDER BY 1").fetchall()
    assert rows == [("godudunews.pages.dev", "actusenews.com"), ("lematin.ch", "m.rtl.be")]


def test_stories_and_merged_events_are_readable(story_store):
    listed = find_stories(story_store, StoryFilter(min_documents=2, limit=500))[1]
    assert len(listed) >= 6
    for story in listed:
        timeline = get_story(story_store, story["story_id"])
        assert timeline is not None and len(timeline["documents"]) == story["num_documents"]
        for event in timeline["merged_events"]:
            assert event["num_documents"] >= 1 and event["provenance"]
            assert event["num_sources"] <= event["num_documents"]


def test_three_chunks_give_the_same_stories(story_store):
    before = _partition(story_store)
    stories.rebuild(story_store, chunk=15)
    assert _partition(story_store) == before
