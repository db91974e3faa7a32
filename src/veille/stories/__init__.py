"""Stories: republications, story clusters and merged events.

Run after each ingest batch is committed (its own transaction)::

    from veille import stories
    stories.update(store, doc_ids)   # the batch's doc ids in ingest order, identical copies included
    stories.update(store, doc_ids, merge=False)  # ... leaving merged events stale, then once per run:
    stories.merge_stale(store)       # recompute the merged events of the stories marked stale
    stories.update(store)            # or: every stored document not processed yet (catch-up)
    stories.rebuild(store)           # forget and redo everything, in the original order

and read, like everything in a store, through `veille.store.queries` (`find_stories`,
`get_story`, `merged_events`).

- `dedup`: MinHash LSH signatures (datasketch) and shingle containment → documents.duplicate_of
- `profile`: document features and story profiles, similarity, time window
- `merge`: events of a story merged into real-world events with provenance
- `engine`: the incremental step over the store: stories a later document bridges are merged
  (`story_redirects`), and new documents' events join the stored merged events (`merged_state`)
"""

from veille.stories.engine import StoryUpdate, merge_stale, rebuild, update

__all__ = ["StoryUpdate", "merge_stale", "rebuild", "update"]
