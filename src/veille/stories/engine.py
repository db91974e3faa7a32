"""The stories step: republications, story clusters and merged events, kept up to date
in the store after each ingest batch.

`update(store, doc_ids)` processes the documents not seen before, one at a time in
ingest order, against everything stored: it never re-reads old texts (their MinHash
signatures and the story profiles are in the store) and never re-clusters old
documents. Processing is sequential and only depends on what came before, so a corpus
ingested in several batches gets the same stories as in one. A document that belongs to two
stories close in time merges them (the younger id redirects, `story_redirects`); merged events
are kept up to date by adding the new documents' events to them (`merged_state`), which gives
what regrouping the whole story would.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa

from veille.store import Store, derived
from veille.store.duckdb_store import ARROW_TYPES, REDIRECT_TABLES, STORY_TABLES, quote
from veille.stories import dedup, profile
from veille.stories.dating import date_documents, story_targets
from veille.stories.dedup import Computed, Signature
from veille.stories.merge import (
    RECORD_CHUNK,
    STATUS_GROUP,
    DocInfo,
    Grouper,
    Mention,
    Merged,
    copies_of,
    count_sources,
    family,
    merge_story,
    merge_story_chunks,
    order_key,
    record,
    sentence_key,
)
from veille.stories.profile import (
    CANDIDATES,
    N_KEY,
    RECENT_DOCS,
    DocFeatures,
    Idf,
    Story,
    doc_features,
    doc_vector,
    similarity,
)
from veille.stories.text import stable_id, words

REBUILD_CHUNK = 1000
MERGE_CHUNK = 200
MERGE_DOCUMENTS = 1_000
MAX_CANDIDATES = 50  # republication candidates compared per new document


@dataclass
class StoryUpdate:
    """What one run of the stories step did."""

    documents: int = 0  # documents processed (new to the step)
    republications: list[tuple[str, str]] = field(default_factory=list)  # (copy, original)
    stories_created: list[str] = field(default_factory=list)
    stories_updated: list[str] = field(default_factory=list)  # every story touched, created ones included
    stories_merged: list[tuple[str, str]] = field(default_factory=list)  # (story merged away, survivor)
    merged_events: int = 0  # merged_events rows rewritten
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "republications": len(self.republications),
            "stories_created": len(self.stories_created),
            "stories_updated": len(self.stories_updated),
            "stories_merged": len(self.stories_merged),
            "merged_events": self.merged_events,
            "seconds": round(self.seconds, 3),
        }


# -- public API -----------------------------------------------------------------------
def update(store: Store, doc_ids: Sequence[str] | None = None, *, merge: bool = True) -> StoryUpdate:
    """Bring republications, stories and merged events up to date, in one transaction.

    `doc_ids`: the documents of the batch just written, in ingest order (identical
    copies included: their stories get the new carriers). Documents the step has
    already processed are only refreshed. With None, every stored document the step
    has not processed yet is taken, in ingest order (catching up after a crash).

    With `merge=False` the merged events of the stories touched are only marked stale
    (`stories.merged_at` null) and left for `merge_stale`: an ingest run merges each
    story once at its end instead of once per batch."""
    started = time.perf_counter()
    with store.transaction() as con:
        run = _Run(con)
        result = run.run(doc_ids, merge=merge)
        derived.refresh_first_seen(con, run.changed)
        derived.keep_sorted(con)
    result.seconds = time.perf_counter() - started
    return result


def merge_stale(store: Store, *, chunk: int = MERGE_CHUNK, documents: int = MERGE_DOCUMENTS) -> StoryUpdate:
    """Recompute the merged events of every story marked stale, in transactions of at most
    `chunk` stories and about `documents` documents (memory is bounded by the largest story,
    not by the corpus)."""
    started = time.perf_counter()
    total = StoryUpdate()
    while True:
        stale: list[str] = []
        size = 0
        for story_id, count in store.con.execute(
            "SELECT story_id, coalesce(num_documents, 0) FROM stories WHERE merged_at IS NULL "
            "ORDER BY seq LIMIT ?", [chunk]
        ).fetchall():
            if stale and size + count > documents:
                break
            stale.append(story_id)
            size += count
        if not stale:
            break
        with store.transaction() as con:
            run = _Run(con)
            run._merge(stale)
            derived.refresh_first_seen(con, run.changed)
            derived.keep_sorted(con)
            total.merged_events += run.result.merged_events
        total.stories_updated += stale
    total.seconds = time.perf_counter() - started
    return total


def rebuild(store: Store, *, chunk: int = REBUILD_CHUNK) -> StoryUpdate:
    """Forget every republication, story and merged event, and redo them all in ingest order."""
    started = time.perf_counter()
    # the order they were processed in, else the order they were stored in
    ordered = [
        r[0]
        for r in store.con.execute(
            "SELECT d.doc_id FROM documents d LEFT JOIN signatures s USING (doc_id) "
            "ORDER BY s.seq NULLS LAST, d.ingested_at NULLS LAST, d.rowid"
        ).fetchall()
    ]
    with store.transaction() as con:
        for name in STORY_TABLES + REDIRECT_TABLES:
            con.execute(f"DELETE FROM {quote(name)}")
        con.execute("DELETE FROM first_seen")
        con.execute(
            "UPDATE documents SET story_id = NULL, duplicate_of = NULL "
            "WHERE story_id IS NOT NULL OR duplicate_of IS NOT NULL"
        )
    total = StoryUpdate()
    for start in range(0, len(ordered), chunk):
        step = update(store, ordered[start : start + chunk], merge=False)
        total.documents += step.documents
        total.republications += step.republications
        total.stories_created += step.stories_created
        total.stories_updated = sorted(set(total.stories_updated) | set(step.stories_updated))
    merge_stale(store)
    total.merged_events = _scalar(store.con, "SELECT count(*) FROM merged_events")
    total.seconds = time.perf_counter() - started
    return total


# -- one run --------------------------------------------------------------------------
class _Run:
    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        self.result = StoryUpdate()
        self.changed: set[str] = set()  # stories whose documents or merged events changed (derived.first_seen)

    def run(self, doc_ids: Sequence[str] | None, *, merge: bool = True) -> StoryUpdate:
        fresh, touched = self._select(doc_ids)
        affected: set[str] = set()
        if touched:
            affected |= {
                r[0]
                for r in self.con.execute(
                    "SELECT DISTINCT story_id FROM documents WHERE doc_id IN (SELECT unnest(?)) "
                    "AND story_id IS NOT NULL",
                    [touched],
                ).fetchall()
            }
        if affected:  # identical copies read again: new carriers for their merged events
            self.con.execute("DELETE FROM merged_state WHERE story_id IN (SELECT unnest(?))", [sorted(affected)])
        if fresh:
            affected |= self._process(fresh)
            moved = dict(self.result.stories_merged)
            affected = {moved.get(s, s) for s in affected}
        if affected:
            self._refresh(sorted(affected), merge=merge)
        self.result.stories_updated = sorted(affected)
        return self.result

    def _select(self, doc_ids: Sequence[str] | None) -> tuple[list[dict[str, Any]], list[str]]:
        """Rows of the documents to process (in order) and ids of those already processed."""
        columns = "d.doc_id, d.text, d.title, d.published, d.outlet, d.source"
        if doc_ids is None:
            rows = self.con.execute(
                f"SELECT {columns} FROM documents d ANTI JOIN signatures s USING (doc_id) "
                "ORDER BY d.ingested_at NULLS LAST, d.rowid"
            ).fetchall()
            return [_row(columns, r) for r in rows], []
        ordered = list(dict.fromkeys(doc_ids))
        rows = self.con.execute(
            f"SELECT {columns}, s.doc_id IS NOT NULL FROM documents d LEFT JOIN signatures s USING (doc_id) "
            "WHERE d.doc_id IN (SELECT unnest(?))",
            [ordered],
        ).fetchall()
        found = {r[0]: r for r in rows}
        fresh = [_row(columns, found[d][:-1]) for d in ordered if d in found and not found[d][-1]]
        touched = [d for d in ordered if d in found and found[d][-1]]
        return fresh, touched

    # -- processing -------------------------------------------------------------------
    def _process(self, docs: list[dict[str, Any]]) -> set[str]:
        con = self.con
        next_seq = _scalar(con, "SELECT coalesce(max(seq) + 1, 0) FROM signatures")
        computed: list[Computed] = []
        for offset, doc in enumerate(docs):
            doc["seq"] = next_seq + offset
            doc["words"] = words(doc.get("text") or "")
            computed.append(
                dedup.compute(doc["doc_id"], doc["seq"], doc.get("published"), doc["words"])
            )
        pairs = self._candidate_pairs(computed)
        known = self._known_signatures(
            {seq for found in pairs.values() for seq, _ in found},
            {c.signature.seq: c.signature for c in computed},
        )
        story_of = self._stories_of([s.doc_id for s in known.values()])
        features = self._features(docs)

        deduper = dedup.Deduper(known)
        clusterer = _Clusterer(con, features)
        self.result.documents = len(docs)
        for doc, item in zip(docs, computed, strict=True):
            signature = item.signature
            original, flipped = deduper.process(signature, pairs.get(signature.seq, []))
            feats = features[doc["doc_id"]]
            # a copy goes with its original, unless that story is too far away in time (a text
            # printed again months later is news again): then it is placed like any document
            if original is not None and story_of.get(original) and clusterer.admits(story_of[original], feats):
                story_id = clusterer.resolve(story_of[original])
                clusterer.attach(story_id)
            elif flipped is not None and story_of.get(flipped) and clusterer.admits(story_of[flipped], feats):
                story_id = clusterer.resolve(story_of[flipped])
                clusterer.join(feats, story_id)
            else:
                story_id = clusterer.place(feats)
            story_of[signature.doc_id] = story_id
            doc["story_id"] = story_id

        for doc in docs:  # stories taken in by another after the document joined them
            doc["story_id"] = clusterer.resolve(doc["story_id"])
        self._write_signatures(computed)
        self._write_documents(docs, computed, deduper.flips)
        self._redirect(clusterer.redirects)
        clusterer.save()
        self.result.stories_created = clusterer.created
        self.result.stories_merged = sorted(clusterer.redirects.items())
        # merged events regrouped in full: stories whose documents changed original (and the
        # stories of identical copies read again, whose carriers changed); see `_merge`
        regroup = [d for old, new in deduper.flips for d in (old.doc_id, new.doc_id)]
        if regroup:
            self.con.execute(
                "DELETE FROM merged_state WHERE story_id IN "
                "(SELECT story_id FROM documents WHERE doc_id IN (SELECT unnest(?)))", [regroup])
        batch = {c.signature.doc_id for c in computed}
        self.result.republications = [
            (c.signature.doc_id, c.signature.duplicate_of) for c in computed if c.signature.duplicate_of
        ]
        self.result.republications += [
            (old.doc_id, str(old.duplicate_of)) for old, _ in deduper.flips if old.doc_id not in batch
        ]
        return clusterer.touched

    def _candidate_pairs(self, computed: list[Computed]) -> dict[int, list[tuple[int, int]]]:
        """For each new document (by seq), its candidates processed earlier: (seq, shared samples).

        At most MAX_CANDIDATES each, those most likely to be its original or its copy: sharing an
        LSH band first, then by the share of the smaller text's samples they have in common, then the
        earliest. A feed full of look-alikes (agency copy, boilerplate) would otherwise give each new
        text thousands of candidates, more with every document stored."""
        seqs, kinds, keys = [], [], []
        for item in computed:
            seq = item.signature.seq
            for kind, values in ((dedup.KIND_BAND, item.band_keys), (dedup.KIND_SAMPLE, item.sample_keys)):
                seqs.extend([seq] * len(values))
                kinds.extend([kind] * len(values))
                keys.extend(values.tolist())
        batch_keys = pa.table(
            {
                "seq": pa.array(seqs, pa.int64()),
                "kind": pa.array(kinds, pa.int64()),
                "key": pa.array(keys, pa.int64()),
            }
        )
        batch_samples = pa.table(
            {
                "seq": pa.array([c.signature.seq for c in computed], pa.int64()),
                "samples": pa.array([c.signature.samples for c in computed], pa.int64()),
            }
        )
        self.con.register("_veille_batch_keys", batch_keys)
        self.con.register("_veille_batch_samples", batch_samples)
        try:
            rows = self.con.execute(
                """
                WITH hits AS (
                    SELECT q.seq AS qseq, k.seq AS cseq,
                           count(*) FILTER (WHERE q.kind = 1) AS samples,
                           count(*) FILTER (WHERE q.kind = 0) AS bands
                    FROM _veille_batch_keys q
                    JOIN (SELECT seq, kind, key FROM signature_keys
                          UNION ALL SELECT seq, kind, key FROM _veille_batch_keys) k
                      ON k.kind = q.kind AND k.key = q.key AND k.seq < q.seq
                    GROUP BY q.seq, k.seq
                    HAVING bands > 0 OR samples >= 2
                ), sizes AS (
                    SELECT seq, samples FROM signatures WHERE seq IN (SELECT cseq FROM hits)
                    UNION ALL SELECT seq, samples FROM _veille_batch_samples
                )
                SELECT h.qseq, h.cseq, h.samples
                FROM hits h JOIN _veille_batch_samples q ON q.seq = h.qseq JOIN sizes c ON c.seq = h.cseq
                QUALIFY row_number() OVER (
                    PARTITION BY h.qseq
                    ORDER BY h.bands > 0 DESC, h.samples / greatest(1, least(q.samples, c.samples)) DESC, h.cseq
                ) <= $limit
                ORDER BY 1, 2
                """,
                {"limit": MAX_CANDIDATES},
            ).fetchall()
        finally:
            self.con.unregister("_veille_batch_keys")
            self.con.unregister("_veille_batch_samples")
        pairs: dict[int, list[tuple[int, int]]] = {}
        for qseq, cseq, samples in rows:
            pairs.setdefault(int(qseq), []).append((int(cseq), int(samples)))
        return pairs

    def _known_signatures(self, seqs: set[int], batch: dict[int, Signature]) -> dict[int, Signature]:
        """Stored signatures of candidates (and of their originals), by seq."""
        known: dict[int, Signature] = {}
        stored = sorted(s for s in seqs if s not in batch)
        if not stored:
            return known
        columns = "doc_id, seq, published, shingles, samples, minhash, duplicate_of, jaccard, containment"
        rows = self.con.execute(
            f"SELECT {columns} FROM signatures WHERE seq IN (SELECT unnest(?)) OR doc_id IN "
            "(SELECT duplicate_of FROM signatures WHERE seq IN (SELECT unnest(?)))",
            [stored, stored],
        ).fetchall()
        for doc_id, seq, published, shingles, samples, minhash, duplicate_of, jaccard, containment in rows:
            known[int(seq)] = Signature(
                doc_id,
                int(seq),
                published,
                int(shingles),
                int(samples),
                Signature.decode(minhash),
                duplicate_of,
                jaccard,
                containment,
            )
        return known

    def _stories_of(self, doc_ids: list[str]) -> dict[str, str]:
        if not doc_ids:
            return {}
        rows = self.con.execute(
            "SELECT doc_id, story_id FROM documents WHERE doc_id IN (SELECT unnest(?))", [doc_ids]
        ).fetchall()
        return {d: s for d, s in rows if s}

    def _features(self, docs: list[dict[str, Any]]) -> dict[str, DocFeatures]:
        ids = [d["doc_id"] for d in docs]
        mentions: dict[str, list[dict[str, Any]]] = {}
        for doc_id, label, text, actor_id, code in self.con.execute(
            "SELECT doc_id, label, text, actor_id, code FROM mentions WHERE doc_id IN (SELECT unnest(?)) "
            'ORDER BY doc_id, start, "end"',
            [ids],
        ).fetchall():
            mentions.setdefault(doc_id, []).append(
                {"label": label, "text": text, "actor_id": actor_id, "code": code}
            )
        events: dict[str, list[dict[str, Any]]] = {}
        for doc_id, etype, actor, recipient, location in self.con.execute(
            "SELECT doc_id, type, actor, recipient, location FROM events WHERE doc_id IN (SELECT unnest(?)) "
            "ORDER BY event_id",
            [ids],
        ).fetchall():
            events.setdefault(doc_id, []).append(
                {
                    "type": etype,
                    "actor": _json(actor),
                    "recipient": _json(recipient),
                    "location": _json(location),
                }
            )
        return {
            d["doc_id"]: doc_features(d, mentions.get(d["doc_id"], []), events.get(d["doc_id"], []))
            for d in docs
        }

    # -- writing ----------------------------------------------------------------------
    def _write_signatures(self, computed: list[Computed]) -> None:
        rows = []
        key_seqs, key_kinds, key_values = [], [], []
        for item in computed:
            s = item.signature
            rows.append(
                {
                    "doc_id": s.doc_id,
                    "seq": s.seq,
                    "published": s.published,
                    "shingles": s.shingles,
                    "samples": s.samples,
                    "minhash": s.encode(),
                    "duplicate_of": s.duplicate_of,
                    "jaccard": s.jaccard,
                    "containment": s.containment,
                }
            )
            for kind, values in ((dedup.KIND_BAND, item.band_keys), (dedup.KIND_SAMPLE, item.sample_keys)):
                key_seqs.append(np.full(len(values), s.seq, dtype=np.int64))
                key_kinds.append(np.full(len(values), kind, dtype=np.int64))
                key_values.append(values)
        insert_rows(self.con, "signatures", rows)
        if key_seqs:
            frame = pa.table(
                {
                    "seq": np.concatenate(key_seqs),
                    "kind": np.concatenate(key_kinds),
                    "key": np.concatenate(key_values),
                }
            )
            self.con.register("_veille_keys", frame)
            try:
                self.con.execute("INSERT INTO signature_keys SELECT seq, kind, key FROM _veille_keys")
            finally:
                self.con.unregister("_veille_keys")

    def _write_documents(
        self, docs: list[dict[str, Any]], computed: list[Computed], flips: list[tuple[Signature, Signature]]
    ) -> None:
        frame = pa.table(
            {
                "doc_id": pa.array([d["doc_id"] for d in docs], pa.string()),
                "story_id": pa.array([d["story_id"] for d in docs], pa.string()),
                "duplicate_of": pa.array([c.signature.duplicate_of for c in computed], pa.string()),
            }
        )
        self.con.register("_veille_docs", frame)
        try:
            self.con.execute(
                "UPDATE documents SET story_id = u.story_id, duplicate_of = u.duplicate_of "
                "FROM _veille_docs u WHERE documents.doc_id = u.doc_id"
            )
        finally:
            self.con.unregister("_veille_docs")
        batch = {c.signature.doc_id for c in computed}
        for old, new in flips:
            # stored copies of the old original now point to the new one
            for table in ("documents", "signatures"):
                self.con.execute(
                    f"UPDATE {table} SET duplicate_of = ? WHERE duplicate_of = ?", [new.doc_id, old.doc_id]
                )
            if old.doc_id not in batch:
                self.con.execute(
                    "UPDATE documents SET duplicate_of = ? WHERE doc_id = ?", [new.doc_id, old.doc_id]
                )
                # a stored original now a copy: its story lists it after the originals (first_seen.doc_ids)
                self.changed.update(r[0] for r in self.con.execute(
                    "SELECT story_id FROM documents WHERE doc_id = ? AND story_id IS NOT NULL", [old.doc_id]
                ).fetchall())
                self.con.execute(
                    "UPDATE signatures SET duplicate_of = ?, jaccard = ?, containment = ? WHERE doc_id = ?",
                    [new.doc_id, old.jaccard, old.containment, old.doc_id],
                )

    def _redirect(self, redirects: dict[str, str]) -> None:
        """Stories taken in by another: their documents move, their ids lead to the survivor (kept
        flat: an id merged away earlier leads to the new survivor too), their merged events go and
        the survivor's are regrouped in full at the next merge."""
        if not redirects:
            return
        con, now = self.con, _now()
        self.changed |= set(redirects) | set(redirects.values())
        for old, into in redirects.items():
            con.execute("UPDATE documents SET story_id = ? WHERE story_id = ?", [into, old])
            con.execute("UPDATE story_redirects SET \"into\" = ? WHERE \"into\" = ?", [into, old])
        olds = list(redirects)
        con.execute("DELETE FROM story_redirects WHERE story_id IN (SELECT unnest(?))", [olds])
        insert_rows(con, "story_redirects",
                    [{"story_id": old, "into": into, "merged_at": now} for old, into in redirects.items()])
        con.execute("DELETE FROM stories WHERE story_id IN (SELECT unnest(?))", [olds])
        con.execute("DELETE FROM merged_events WHERE story_id IN (SELECT unnest(?))", [olds])
        con.execute("DELETE FROM merged_state WHERE story_id IN (SELECT unnest(?))",
                    [olds + sorted(set(redirects.values()))])

    # -- story rows and merged events ---------------------------------------------------
    def _refresh(self, story_ids: list[str], *, merge: bool = True) -> None:
        self.changed.update(story_ids)
        docs = self._members(story_ids)
        if merge:
            self._merge(story_ids, docs)
        else:
            self.con.execute("UPDATE stories SET merged_at = NULL WHERE story_id IN (SELECT unnest(?))",
                             [story_ids])
        self._statistics(docs)

    def _members(self, story_ids: list[str]) -> dict[str, dict[str, DocInfo]]:
        """The documents of each story, with the outlets that carried them, in processing order."""
        con = self.con
        docs: dict[str, dict[str, DocInfo]] = {}
        extra: dict[str, list[str]] = {}
        for doc_id, outlet in con.execute(
            "SELECT s.doc_id, s.outlet FROM sources s JOIN documents d USING (doc_id) "
            "WHERE d.story_id IN (SELECT unnest(?)) ORDER BY s.seen_at, s.source",
            [story_ids],
        ).fetchall():
            if outlet:
                extra.setdefault(doc_id, []).append(outlet)
        for story_id, doc_id, seq, outlet, source, published, duplicate_of, outlet_id, kind, state in con.execute(
            "SELECT d.story_id, d.doc_id, s.seq, d.outlet, d.source, d.published, d.duplicate_of, d.outlet_id, "
            "d.outlet_kind, d.outlet_state FROM documents d JOIN signatures s USING (doc_id) "
            "WHERE d.story_id IN (SELECT unnest(?)) ORDER BY s.seq",
            [story_ids],
        ).fetchall():
            carriers = tuple(dict.fromkeys(o for o in extra.get(doc_id, []) if o != outlet))
            docs.setdefault(story_id, {})[doc_id] = DocInfo(
                doc_id, int(seq), outlet, source, published, duplicate_of or doc_id, carriers, outlet_id, kind, state
            )
        for members in docs.values():  # a copy whose original is in another story stands for it here
            for doc_id, info in members.items():
                if info.original not in members:
                    members[doc_id] = replace(info, original=doc_id)
        return docs

    def _merge(self, story_ids: list[str], docs: dict[str, dict[str, DocInfo]] | None = None) -> None:
        """Bring the merged events of these stories up to date. A story merged before, whose earlier
        documents are as they were, only takes its new documents' events (`_add_events`); the others
        are regrouped in full (`_regroup`). Both give what grouping all the story's events at once gives."""
        con = self.con
        self.changed.update(story_ids)
        if docs is None:
            docs = self._members(story_ids)
        upto = {
            story_id: int(seq)
            for story_id, seq in con.execute(
                "SELECT story_id, seq FROM merged_state WHERE story_id IN (SELECT unnest(?))", [story_ids]
            ).fetchall()
        }
        for story_id in list(upto):
            members = docs.get(story_id, {}).values()
            new = [d for d in members if d.seq > upto[story_id]]
            # marked stale with no new document (a schema upgrade, `veille migrate`): regrouped in
            # full; so is a story where a new original goes before the copies grouped earlier
            if not new or (any(not d.is_copy for d in new) and any(d.is_copy for d in members
                                                                   if d.seq <= upto[story_id])):
                del upto[story_id]
        # documents without a publication day: their relative dates counted from the story's days
        # (only those new or whose day moved, in a story merged before)
        story_of = {doc_id: s for s in upto for doc_id in docs.get(s, {})}
        for _, doc_id in date_documents(con, story_targets(docs, upto)):
            story_id = story_of.get(doc_id)
            if story_id in upto and docs[story_id][doc_id].seq <= upto[story_id]:
                del upto[story_id]  # an event grouped earlier has a new date
        broken: list[str] = []
        written = self._add_events(upto, docs, broken)
        full = [s for s in story_ids if s not in upto or s in broken]
        if full:
            written += self._regroup(full, docs)
        self.result.merged_events = written
        con.execute("UPDATE stories SET merged_at = ? WHERE story_id IN (SELECT unnest(?))", [_now(), story_ids])
        con.execute("DELETE FROM merged_state WHERE story_id IN (SELECT unnest(?))", [story_ids])
        insert_rows(con, "merged_state", [
            {"story_id": s, "seq": max((d.seq for d in docs[s].values()), default=-1)} for s in story_ids if s in docs
        ])

    def _regroup(self, story_ids: list[str], docs: dict[str, dict[str, DocInfo]]) -> int:
        """Regroup the merged events of these stories from all their events: those of up to
        RECORD_CHUNK events read whole, together; a longer one grouped from the few fields merging
        reads, then written a chunk of records at a time."""
        con = self.con
        con.execute("DELETE FROM merged_events WHERE story_id IN (SELECT unnest(?))", [story_ids])
        sizes = dict(con.execute(
            "SELECT d.story_id, count(*) FROM events e JOIN documents d USING (doc_id) "
            "WHERE d.story_id IN (SELECT unnest(?)) GROUP BY d.story_id", [story_ids]
        ).fetchall())
        small = [s for s in story_ids if sizes.get(s, 0) <= RECORD_CHUNK]
        events = self._story_events(small)
        rows = [row for s in small for row in merge_story(s, docs.get(s, {}), events.get(s, []))]
        del events
        insert_rows(con, "merged_events", rows)
        written = len(rows)
        for story_id in story_ids:
            if sizes.get(story_id, 0) <= RECORD_CHUNK:
                continue
            for rows in merge_story_chunks(
                story_id, docs.get(story_id, {}), self._grouping_fields(story_id), self._full_events
            ):
                insert_rows(con, "merged_events", rows)
                written += len(rows)
        return written

    def _add_events(self, upto: dict[str, int], docs: dict[str, dict[str, DocInfo]], regroup: list[str]) -> int:
        """The events of each story's documents processed after `upto[story]` join its merged events
        or start new ones. Only the merged events they could join (same family and status group,
        sharing a party code or a sentence) and those holding the originals of new copies (their
        carriers change) are read back, with their mentions' events; the rest is left as it is.
        A few queries for all the stories together. A story whose stored merged events do not match
        the store any more is appended to `regroup` instead."""
        con = self.con
        fresh = {s: {d.doc_id for d in docs.get(s, {}).values() if d.seq > limit} for s, limit in upto.items()}
        fresh = {s: ids for s, ids in fresh.items() if ids}
        if not fresh:
            return 0
        story_of = {doc_id: s for s, ids in fresh.items() for doc_id in ids}
        mentions: dict[str, list[Mention]] = {s: [] for s in fresh}
        for event in self._event_rows("SELECT * FROM events WHERE doc_id IN (SELECT unnest(?))", list(story_of)):
            if event.get("type"):
                story_id = story_of[event["doc_id"]]
                mentions[story_id].append(Mention.of(event, docs[story_id][event["doc_id"]]))
        wanted: dict[str, dict[tuple[str, str], tuple[set[str], set[str | int]]]] = {}
        carried: dict[str, set[str]] = {}
        for story_id, found in mentions.items():
            found.sort(key=order_key)
            for m in found:
                codes, sentences = wanted.setdefault(story_id, {}).setdefault((m.family, m.group), (set(), set()))
                codes |= m.actors | m.recipients
                if m.sentence:
                    sentences.add(m.sentence)
            members = docs[story_id]
            copied = {members[d].original for d in fresh[story_id] if members[d].is_copy}
            carried[story_id] = {d.doc_id for d in members.values() if d.original in copied and d.seq <= upto[story_id]}
        # the stories' merged events of the same family and status group as a new mention (every one
        # when a new copy's original may be in any), then those sharing a party code or a sentence
        keys: dict[str, tuple[str, tuple[str, str]]] = {}
        for story_id, merged_id, etype, status in con.execute(
            "SELECT story_id, merged_id, type, status FROM merged_events WHERE story_id IN (SELECT unnest(?))",
            [list(fresh)],
        ).fetchall():
            key = (family(etype), STATUS_GROUP.get(status or "", "fact"))
            if carried[story_id] or key in wanted.get(story_id, {}):
                keys[merged_id] = (story_id, key)
        chosen: dict[str, dict[str, list[str]]] = {s: {} for s in fresh}
        rewrite: set[str] = set()
        for merged_id, codes, event_ids, doc_ids, sentences in con.execute(
            "SELECT merged_id, coalesce(json_extract_string(actor, '$[*].code'), []) "
            "|| coalesce(json_extract_string(recipient, '$[*].code'), []), "
            "json_extract_string(provenance, '$[*].event_id'), json_extract_string(provenance, '$[*].doc_id'), "
            "json_extract_string(provenance, '$[*].sentence') FROM merged_events "
            "WHERE merged_id IN (SELECT unnest(?))",
            [list(keys)],
        ).fetchall():
            story_id, key = keys[merged_id]
            hit = False
            if key in wanted.get(story_id, {}):
                their_codes, their_sentences = wanted[story_id][key]
                hit = bool({str(c).upper() for c in codes if c} & their_codes) or any(
                    sentence_key(t) in their_sentences for t in sentences or [] if t
                )
            if carried[story_id].intersection(doc_ids or []):
                hit = True
                rewrite.add(merged_id)
            if hit:
                chosen[story_id][merged_id] = list(event_ids or [])
        events = self._full_events([e for groups in chosen.values() for ids in groups.values() for e in ids])
        rows: list[dict[str, Any]] = []
        for story_id in fresh:
            members = docs[story_id]
            if any(e not in events or events[e]["doc_id"] not in members
                   for ids in chosen[story_id].values() for e in ids):
                regroup.append(story_id)  # a mention's event or document is gone: regrouped in full
                continue
            groups = []
            for ids in chosen[story_id].values():
                rebuilt = [Mention.of(events[e], members[events[e]["doc_id"]]) for e in ids]
                group = Merged(rebuilt[0])
                for mention in rebuilt[1:]:
                    group.add(mention)
                groups.append(group)
            groups.sort(key=lambda g: order_key(g.anchor))
            grouper = Grouper(groups)
            changed = [g for g in groups if f"M-{g.anchor.event.get('event_id')}" in rewrite]
            for mention in mentions[story_id]:
                group = grouper.add(mention)
                if group is not None and all(group is not g for g in changed):
                    changed.append(group)
            copies = copies_of(members)
            rows += [record(story_id, g, members, copies) for g in changed]
        con.execute("DELETE FROM merged_events WHERE merged_id IN (SELECT unnest(?))", [[r["merged_id"] for r in rows]])
        insert_rows(con, "merged_events", rows)
        return len(rows)

    def _grouping_fields(self, story_id: str) -> Iterator[dict[str, Any]]:
        """What merging reads of each event of a story, streamed (merging puts them in order)."""
        return self._event_rows(
            f"SELECT {', '.join(quote(c) for c in GROUPING_COLUMNS)} FROM events "
            "WHERE doc_id IN (SELECT doc_id FROM documents WHERE story_id = ?)",
            story_id,
        )

    def _full_events(self, event_ids: list[str]) -> dict[str, dict[str, Any]]:
        return {
            str(row["event_id"]): row
            for row in self._event_rows("SELECT * FROM events WHERE event_id IN (SELECT unnest(?))", event_ids)
        }

    def _story_events(self, story_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
        events: dict[str, list[dict[str, Any]]] = {}
        for row in self._event_rows(
            "SELECT d.story_id AS _story, e.* FROM events e JOIN documents d USING (doc_id) "
            "WHERE d.story_id IN (SELECT unnest(?))", story_ids
        ):
            events.setdefault(row.pop("_story"), []).append(row)
        return events

    def _event_rows(self, sql: str, value: str | list[str]) -> Iterator[dict[str, Any]]:
        """Event rows of a query with one parameter, JSON columns decoded, fetched a few thousand at a time."""
        if not value:
            return
        cursor = self.con.execute(sql, [value])
        names = [c[0] for c in cursor.description]
        decoded = [name for name in STORE_JSON["events"] if name in names]
        while records := cursor.fetchmany(FETCH_ROWS):
            for values in records:
                row = dict(zip(names, values, strict=True))
                for name in decoded:
                    row[name] = _json(row[name])
                yield row

    def _statistics(self, docs: dict[str, dict[str, DocInfo]]) -> None:
        """Counts, carriers and dates of the story rows written by the clusterer."""
        con = self.con
        stats = {}
        for story_id, members in docs.items():
            originals = [d for d in members.values() if not d.is_copy]
            carriers: list[str] = []
            for d in members.values():
                for outlet in (d.outlet or d.source or d.doc_id, *d.carriers):
                    if outlet not in carriers:
                        carriers.append(outlet)
            published = sorted(d.published for d in members.values() if d.published)
            stats[story_id] = (
                len(members),
                count_sources(originals),
                carriers,
                published[0] if published else None,
                published[-1] if published else None,
            )
        frame = pa.table(
            {
                "story_id": pa.array(list(stats), pa.string()),
                "num_documents": pa.array([s[0] for s in stats.values()], pa.int64()),
                "num_sources": pa.array([s[1] for s in stats.values()], pa.int64()),
                "carriers": pa.array([s[2] for s in stats.values()], pa.list_(pa.string())),
                "first_date": pa.array([s[3] for s in stats.values()], pa.string()),
                "last_date": pa.array([s[4] for s in stats.values()], pa.string()),
            }
        )
        con.register("_veille_stats", frame)
        try:
            con.execute(
                "UPDATE stories SET num_documents = u.num_documents, num_sources = u.num_sources, "
                "carriers = u.carriers, first_date = u.first_date, last_date = u.last_date, "
                "updated_at = ? FROM _veille_stats u WHERE stories.story_id = u.story_id",
                [_now()],
            )
        finally:
            con.unregister("_veille_stats")


STORE_JSON = {"events": ("actor", "recipient", "reported_by", "size", "location")}
GROUPING_COLUMNS = ("event_id", "doc_id", "start", "type", "status", "date", "date_fallback",
                    "actor", "recipient", "size", "location", "sentence")
FETCH_ROWS = 2_000


class _Clusterer:
    """Incremental single-pass clustering of documents into stories."""

    def __init__(self, con: duckdb.DuckDBPyConnection, features: dict[str, DocFeatures]) -> None:
        self.con = con
        keys = sorted(set().union(*(f.feature_keys() for f in features.values()))) if features else []
        # candidate stories share a lookup key with a document and are near it in time (see
        # Story.in_window): this query takes a superset (partial dates compare as strings,
        # hence the month of margin)
        dated = [f for f in features.values() if f.interval]
        dated_keys = sorted(set().union(*(f.feature_keys() for f in dated)))
        margin = timedelta(days=profile.WINDOW_DAYS + 31)
        low = (min(f.interval[0] for f in dated) - margin).isoformat() if dated else ""
        high = (max(f.interval[1] for f in dated) + margin).isoformat() if dated else ""
        recent = min((f.seq for f in features.values()), default=0) - RECENT_DOCS
        self.stories: dict[str, Story] = {}
        for row in _dict_rows(
            con,
            "SELECT story_id, seq, keys, profile FROM stories WHERE story_id IN "
            "(SELECT DISTINCT story_id FROM "
            " (SELECT story_id, unnest(keys) AS k, first_date, last_date, "
            "  CAST(profile->>'last_seq' AS BIGINT) AS last_seq FROM stories) "
            " WHERE (k IN (SELECT unnest(?)) AND last_seq >= ?)"
            " OR (k IN (SELECT unnest(?)) AND last_date >= ? AND first_date <= ?))",
            [keys, recent, dated_keys, low, high],
        ):
            row["profile"] = _json(row["profile"])
            story = Story.from_row(row)
            self.stories[story.story_id] = story
        self.index: dict[str, set[str]] = {}
        for story in self.stories.values():
            for key in story.keys:
                self.index.setdefault(key, set()).add(story.story_id)
        wanted = sorted(
            set(keys)
            | {f"{k}:{t}" for s in self.stories.values() for k, c in s.counts.items() for t in c}
            | {N_KEY}
        )
        df = dict(
            con.execute(
                "SELECT term, df FROM story_terms WHERE term IN (SELECT unnest(?))", [wanted]
            ).fetchall()
        )
        self.idf = Idf({k: int(v) for k, v in df.items() if k != N_KEY}, int(df.get(N_KEY, 0)))
        self.counted: set[str] = set()
        self.next_seq = _scalar(con, "SELECT coalesce(max(seq) + 1, 0) FROM stories")
        self.created: list[str] = []
        self.touched: set[str] = set()
        self.redirects: dict[str, str] = {}  # stories taken in by another during this run

    def _load(self, story_id: str) -> Story:
        story_id = self.resolve(story_id)
        if story_id not in self.stories:
            rows = _dict_rows(
                self.con,
                "SELECT story_id, seq, keys, profile FROM stories WHERE story_id = ?",
                [story_id],
            )
            rows[0]["profile"] = _json(rows[0]["profile"])
            story = Story.from_row(rows[0])
            self.stories[story_id] = story
            for key in story.keys:
                self.index.setdefault(key, set()).add(story_id)
            missing = [
                f"{k}:{t}" for k, c in story.counts.items() for t in c if f"{k}:{t}" not in self.idf.df
            ]
            for term, df in self.con.execute(
                "SELECT term, df FROM story_terms WHERE term IN (SELECT unnest(?))", [missing]
            ).fetchall():
                self.idf.df[term] = int(df)
        return self.stories[story_id]

    def _count(self, doc: DocFeatures) -> None:
        keys = doc.feature_keys()
        self.idf.add(keys)
        self.counted |= keys

    def _add(self, story: Story, doc: DocFeatures) -> None:
        old = set(story.keys)
        story.add(doc, self.idf)
        for key in old - set(story.keys):
            self.index.get(key, set()).discard(story.story_id)
        for key in story.keys:
            self.index.setdefault(key, set()).add(story.story_id)
        self.touched.add(story.story_id)

    def admits(self, story_id: str, doc: DocFeatures) -> bool:
        """The document is near enough in time to the story to belong to it (Story.in_window)."""
        return self._load(story_id).in_window(doc)

    def attach(self, story_id: str) -> None:
        """A republication: it belongs to its original's story and adds nothing to its profile."""
        self.touched.add(self.resolve(story_id))

    def join(self, doc: DocFeatures, story_id: str) -> None:
        self._count(doc)
        self._add(self._load(story_id), doc)

    def place(self, doc: DocFeatures) -> str:
        self._count(doc)
        shared: Counter[str] = Counter()
        index = self.index
        for key in doc.feature_keys():
            hits = index.get(key)
            if hits:
                shared.update(hits)
        # the CANDIDATES stories in the window sharing the most keys, the oldest first: the stories
        # in order, those out of the window skipped, until there are enough
        stories = self.stories
        ranked: list[str] = []
        for _, _, story_id in sorted((-count, stories[s].seq, s) for s, count in shared.items()):
            if stories[story_id].in_window(doc):
                ranked.append(story_id)
                if len(ranked) == CANDIDATES:
                    break
        best: Story | None = None
        best_margin = 0.0
        passed: list[Story] = []
        vector = doc_vector(doc, self.idf) if ranked else None
        for story_id in ranked:
            story = self.stories[story_id]
            score, words = similarity(vector, story)  # type: ignore[arg-type]
            margin = score - profile.needed(story.gap(doc))
            if words >= profile.MIN_WORDS and margin >= 0:
                passed.append(story)
                if margin > best_margin or best is None:
                    best, best_margin = story, margin
        if best is None:
            best = Story(f"S-{stable_id(doc.doc_id)}", self.next_seq)
            self.next_seq += 1
            self.stories[best.story_id] = best
            self.created.append(best.story_id)
        elif len(passed) > 1:
            best = self._bridge(best, passed)
        self._add(best, doc)
        return best.story_id

    def _bridge(self, best: Story, passed: list[Story]) -> Story:
        """The document belongs to several stories: they are one story, told apart only because the
        texts that link them came later. The oldest survives and takes in those of the others that
        are near it as stories too (`profile.stories_meet`: a document that merely shares a little
        with each does not chain two subjects), their ids redirecting to it, as long as it does not
        cover more than MAX_SPAN_DAYS of days."""
        survivor = min(passed, key=lambda s: s.seq)
        for other in sorted(passed, key=lambda s: s.seq):
            if other is survivor or survivor.span_with(other) > profile.MAX_SPAN_DAYS:
                continue
            if not profile.stories_meet(survivor, other, self.idf):
                continue
            for key in other.keys:
                self.index.get(key, set()).discard(other.story_id)
            del self.stories[other.story_id]
            self._add_story(survivor, other)
        # `best` taken in, else too far apart in time from the oldest: the document joins it alone
        return survivor if best.story_id not in self.stories else best

    def _add_story(self, survivor: Story, other: Story) -> None:
        old = set(survivor.keys)
        survivor.absorb(other, self.idf)
        for key in old - set(survivor.keys):
            self.index.get(key, set()).discard(survivor.story_id)
        for key in survivor.keys:
            self.index.setdefault(key, set()).add(survivor.story_id)
        self.touched.add(survivor.story_id)
        self.touched.discard(other.story_id)
        if other.story_id in self.created:
            self.created.remove(other.story_id)
        for old_id, into in list(self.redirects.items()):
            if into == other.story_id:
                self.redirects[old_id] = survivor.story_id
        self.redirects[other.story_id] = survivor.story_id

    def resolve(self, story_id: str) -> str:
        """The story an id stands for now (itself, or the story that took it in during this run)."""
        return self.redirects.get(story_id, story_id)

    def save(self) -> None:
        con = self.con
        if self.counted:
            terms = sorted(self.counted) + [N_KEY]
            values = [self.idf.df.get(t, 0) for t in terms[:-1]] + [self.idf.documents]
            con.execute("DELETE FROM story_terms WHERE term IN (SELECT unnest(?))", [terms])
            insert_rows(
                con, "story_terms", [{"term": t, "df": v} for t, v in zip(terms, values, strict=True)]
            )
        changed = [s for s in self.stories.values() if s.changed]
        if not changed:
            return
        con.execute(
            "DELETE FROM stories WHERE story_id IN (SELECT unnest(?))", [[s.story_id for s in changed]]
        )
        now = _now()
        rows = []
        for story in sorted(changed, key=lambda s: s.seq):
            actors, types = story.label_parts()
            rows.append(
                {
                    "story_id": story.story_id,
                    "label": story.label(),
                    "actors": actors,
                    "event_types": types,
                    "keys": story.keys,
                    "profile": story.profile(),
                    "seq": story.seq,
                    "updated_at": now,
                    "num_documents": 0,
                    "num_sources": 0,
                }
            )
        insert_rows(con, "stories", rows)


# -- helpers ----------------------------------------------------------------------------
def insert_rows(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, Any]]) -> None:
    """Insert rows into a model table (JSON fields serialised), in the model's column order."""
    if not rows:
        return
    from veille.model import load_model

    spec = load_model()[table]
    arrays = []
    for f in spec.fields:
        values = [row.get(f.name) for row in rows]
        if f.type == "json":
            values = [None if v is None else json.dumps(v, ensure_ascii=False) for v in values]
        arrays.append(pa.array(values, type=ARROW_TYPES[f.type]))
    frame = pa.Table.from_arrays(arrays, names=spec.columns)
    select = ", ".join(
        f"CAST({quote(f.name)} AS JSON)" if f.type == "json" else quote(f.name) for f in spec.fields
    )
    con.register("_veille_rows", frame)
    try:
        con.execute(f"INSERT INTO {quote(table)} SELECT {select} FROM _veille_rows")
    finally:
        con.unregister("_veille_rows")


def _scalar(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    rows = con.execute(sql).fetchall()
    return int(rows[0][0]) if rows and rows[0][0] is not None else 0


def _dict_rows(
    con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None
) -> list[dict[str, Any]]:
    cursor = con.execute(sql, params or [])
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]


def _row(columns: str, values: Iterable[Any]) -> dict[str, Any]:
    names = [c.strip().split(".")[-1] for c in columns.split(",")]
    return dict(zip(names, values, strict=True))


def _json(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            return value
    return value


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)
