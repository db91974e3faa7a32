"""The derived tables (store/derived.py) give what the scanning queries give, after incremental writes,
a document written twice, events re-dated in place, stories and merged events written with their
documents (the brief's first_seen), and a store upgraded from version 7 or 9."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest

from veille.store import Batch, Store, StoreError, derived, queries
from veille.store.duckdb_store import MIGRATIONS
from veille.store.queries import DocumentFilter, EventFilter

CODES = ["KAZ", "RUS", "ARM", "AZE", "NATO", "FRA"]
PEOPLE = {"tokayev": "KAZ", "putin": "RUS", "macron": "FRA"}
TYPES = ["CONSULT", "ACCUSE", "AID", "MOBILIZE"]
STATUSES = ["asserted", "reported", "negated"]


def _party(rng: random.Random) -> dict[str, Any]:
    if rng.random() < 0.3:
        actor_id = rng.choice(sorted(PEOPLE))
        return {"text": actor_id, "actor_id": actor_id, "code": PEOPLE[actor_id], "sector": "GOV"}
    code = rng.choice(CODES)
    return {"text": code, "actor_id": code if rng.random() < 0.7 else None, "code": code, "sector": None}


def _date(rng: random.Random) -> str | None:
    roll = rng.random()
    if roll < 0.05:
        return None
    day = f"2021-{rng.randint(1, 4):02d}-{rng.randint(1, 28):02d}"
    return day[:7] if roll < 0.12 else day[:4] if roll < 0.16 else day


def _batch(rng: random.Random, first: int, count: int) -> Batch:
    batch = Batch()
    for number in range(first, first + count):
        doc_id = f"d{number:04d}"
        politics = None if number % 9 == 0 else (number * 7 % 11) / 10  # not drawn: the draws stay as they were
        batch.add("documents", {"doc_id": doc_id, "text": "texte", "published": _date(rng), "status": "parsed",
                                "lang": rng.choice(["fr", "fr", "en"]), "outlet": rng.choice(["a.fr", "b.fr"]),
                                "politics": politics})
        for m in range(rng.randint(0, 3)):
            party = _party(rng)
            batch.add("mentions", {"doc_id": doc_id, "start": m, "end": m + 1, "label": "PER", "text": party["text"],
                                   "code": party["code"], "actor_id": party["actor_id"]})
        for k in range(rng.randint(0, 4)):
            sides = [[_party(rng) for _ in range(rng.choice([1, 1, 1, 2]))] for _ in range(2)]
            if rng.random() < 0.05:
                sides[1] = []
            batch.add("events", {"event_id": f"{doc_id}-{k:03d}", "doc_id": doc_id, "type": rng.choice(TYPES),
                                 "status": rng.choice(STATUSES), "actor": sides[0], "recipient": sides[1],
                                 "date": _date(rng), "score": None if rng.random() < 0.05 else
                                 rng.choice([-9.0, -2.5, 0.0, 1.5, 4.0, 0.25, -0.75]),
                                 "confidence": (number * 5 + k * 3) % 20 / 20, "politics": politics})
    return batch


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 6) + 0.0
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_rounded(v) for v in value]
    return value


KEYS = [*CODES, *PEOPLE, "nobody"]
WINDOWS = [(None, None), ("2021-02-10", None), (None, "2021-03"), ("2021-01-15", "2021-02-20"), (None, "2021")]


def _same_answers(store: Store) -> None:
    assert queries.store_stats(store) == queries.store_stats(store, scan=True)
    rng = random.Random(3)
    filters = [EventFilter(limit=7, offset=o) for o in (0, 5, 60)]
    for key in KEYS:
        for since, until in WINDOWS[:3]:
            filters.append(EventFilter(actor=key, since=since, until=until, limit=5, offset=rng.choice([0, 3, 20])))
        filters.append(EventFilter(recipient=key, limit=6))
        filters.append(EventFilter(actor=key, type="CONSULT", status="asserted", limit=4, offset=1))
    for a, b in [("KAZ", "RUS"), ("RUS", "KAZ"), ("tokayev", "RUS"), ("KAZ", "tokayev"), ("KAZ", "KAZ")]:
        for directed in (True, False):
            filters.append(EventFilter(actor=a, recipient=b, directed=directed, limit=3, offset=2))
            filters.append(EventFilter(actor=a, recipient=b, directed=directed, type="ACCUSE", since="2021-02"))
    filters += [EventFilter(type="AID", limit=10, offset=4), EventFilter(status="negated", until="2021-02"),
                EventFilter(doc_id="d0003")]
    floors = [{"min_confidence": 0.5}, {"min_politics": 0.3}, {"min_confidence": 0.25, "min_politics": 0.6},
              {"min_confidence": 0.0}, {"min_politics": 1.0}]
    for floor in floors:
        filters += [EventFilter(limit=6, offset=3, **floor), EventFilter(actor="KAZ", since="2021-02", **floor),
                    EventFilter(actor="KAZ", recipient="RUS", directed=False, limit=4, **floor),
                    EventFilter(recipient="tokayev", type="CONSULT", **floor), EventFilter(doc_id="d0004", **floor)]
    for flt in filters:
        assert queries.find_events(store, flt) == queries.scanned_events(store, flt), flt
    for key in [*KEYS, None]:
        for since, until in WINDOWS:
            for outlet, lang, offset in ((None, None, 0), ("a.fr", None, 2), (None, "fr", 9), ("b.fr", "en", 0)):
                docs = DocumentFilter(actor=key, since=since, until=until, outlet=outlet, lang=lang, limit=6,
                                      offset=offset)
                assert queries.find_documents(store, docs) == queries.find_documents(store, docs, scan=True), docs
            for interval in ("week", "month", "year"):
                flt = EventFilter(actor=key, since=since, until=until)
                assert _rounded(queries.event_series(store, flt, interval)) == _rounded(
                    queries.event_series(store, flt, interval, scan=True))
            if key:
                assert _rounded(queries.actor_partners(store, key, since=since, until=until)) == _rounded(
                    queries.scanned_partners(store, key, since=since, until=until))
    for a, b in [("KAZ", "RUS"), ("RUS", "KAZ"), ("tokayev", "RUS"), ("NATO", "macron"), ("KAZ", "nobody")]:
        for since, until in WINDOWS:
            for interval in ("week", "month"):
                for offset in (0, 4):
                    args = {"interval": interval, "since": since, "until": until, "limit": 5, "offset": offset}
                    assert _rounded(queries.dyad(store, a, b, **args)) == _rounded(
                        queries.scanned_dyad(store, a, b, **args))
    for floor in floors:  # the sums do not know the floors: counted from the events, as the filter says
        flt = EventFilter(actor="RUS", **floor)
        assert queries.event_series(store, flt)["series"] == queries.event_series(store, flt, scan=True)["series"]
        total = sum(p["events"] for p in queries.event_series(store, flt, "year")["series"])
        assert total == queries.scanned_events(store, EventFilter(actor="RUS", **floor))[0] - _undated(store, flt)
        graph = queries.graph(store, EventFilter(**floor), max_nodes=4)
        assert _rounded(graph) == _rounded(queries.scanned_graph(store, EventFilter(**floor), max_nodes=4))
    for since, until in WINDOWS:
        for min_events in (1, 3):
            flt = EventFilter(since=since, until=until)
            assert _rounded(queries.graph(store, flt, max_nodes=4, min_events=min_events)) == _rounded(
                queries.scanned_graph(store, flt, max_nodes=4, min_events=min_events))


def _undated(store: Store, flt: EventFilter) -> int:
    where, params = flt.where()
    return store.con.execute(f"SELECT count(*) FROM events{where} AND date IS NULL", params).fetchone()[0]


def _tables(store: Store) -> dict[str, list[Any]]:
    return {name: sorted(_rounded(store.con.execute(f"SELECT * FROM {name}").fetchall()), key=str)
            for name in derived.TABLES if name not in ("word_postings", "derived_layout")}  # as the writes came


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "derived.duckdb") as opened:
        yield opened


def _rebuild_changes_nothing(store) -> None:
    """The tables kept as data arrived equal those a full rebuild makes."""
    kept = _tables(store)
    with store.transaction():
        derived.rebuild(store.con)
    assert _tables(store) == kept


def test_incremental_writes_answer_as_the_scans_do(store, monkeypatch):
    monkeypatch.setattr(derived, "SORT_FROM", 100)  # sorted again as they grow, from small
    rng = random.Random(1)
    for first in range(0, 120, 30):  # four writes
        store.write(_batch(rng, first, 30))
        _same_answers(store)
    _rebuild_changes_nothing(store)


def test_a_document_written_again_and_events_redated_in_place(store):
    rng = random.Random(2)
    store.write(_batch(rng, 0, 40))
    counts = store.counts()
    store.write(_batch(random.Random(2), 0, 40))  # the same documents and events again: nothing changes
    assert store.counts() == counts
    _same_answers(store)
    changed = [r[0] for r in store.con.execute("SELECT event_id FROM events ORDER BY event_id LIMIT 25").fetchall()]
    with store.transaction(), derived.changing(store.con, changed):
        store.con.execute("UPDATE events SET date = '2021-04-02', score = -1.0 WHERE event_id IN (SELECT unnest(?))",
                          [changed])
    _same_answers(store)
    _rebuild_changes_nothing(store)


def test_a_version_7_store_is_upgraded_and_its_sums_filled(tmp_path):
    path = tmp_path / "v7.duckdb"
    with Store(path) as store:
        store.write(_batch(random.Random(4), 0, 50))
        for name in derived.TABLES:
            store.con.execute(f"DROP TABLE {name}")
        for _, name, _ in derived.INDEXES:
            store.con.execute(f"DROP INDEX IF EXISTS {name}")
        store.con.execute("DELETE FROM schema_version WHERE version >= 8")
    with Store(path) as store:
        assert store.schema_version() == max(MIGRATIONS) == 13
        _same_answers(store)
        assert "event_index" not in store.counts()


TEXTS = ["Le président Tokaïev a rencontré Vladimir Poutine.", "TOKAÏEV À MOSCOU : des soldats déployés",
         "Kassym-Jomart Tokaiev, l'OTSC et le cœur du sujet", "Les soldats kazakhs rentrent au Kazakhstan",
         "Ça s'est passé à Noël près d'Erdoğan ; ſoldats", None]
QUERIES = ["tokaiev", "Tokaïev", "soldats kazakhstan", "SOLDATS", "kaz", "noel", "erdogan", "ca", "coeur",
           "kassym-jomart", "l'otsc", '"soldats kazakhs"', "moscou tokaiev", "zzz", "o"]


def test_the_word_index_finds_what_the_texts_hold(store):
    rng = random.Random(5)
    for first in range(0, 90, 30):
        batch = Batch()
        for number in range(first, first + 30):
            batch.add("documents", {"doc_id": f"w{number:03d}", "text": " ".join(
                t for t in rng.sample(TEXTS[:-1], 2)), "title": rng.choice(TEXTS), "published": _date(rng),
                "outlet": rng.choice(["a.fr", "b.fr"]), "lang": "fr", "status": "parsed"})
        store.write(batch)
        for query in QUERIES:
            for outlet, since, until in ((None, None, None), ("a.fr", None, None), (None, "2021-02-10", "2021-03")):
                flt = DocumentFilter(query=query, outlet=outlet, since=since, until=until, limit=5,
                                     offset=rng.choice([0, 3]))
                assert queries.find_documents(store, flt) == queries.find_documents(store, flt, scan=True), flt
    most = "SELECT max(n) FROM (SELECT count(*) AS n FROM word_postings GROUP BY word)"
    assert store.con.execute(most).fetchone()[0] <= derived.MERGE_SEGMENTS
    merged = "SELECT word, list_sort(flatten(list(doc_ids))) FROM word_postings GROUP BY word ORDER BY word"
    kept = store.con.execute(merged).fetchall()
    with store.transaction():
        derived.rebuild(store.con)
    assert store.con.execute(merged).fetchall() == kept


# -- first_seen: the brief's new stories and merged events -----------------------------------------
def _story_batch(rng: random.Random, first: int, count: int, stories: int) -> Batch:
    """Documents of `stories` stories (some undated or dated to the month, some copies of another), with
    the stories and merged events rows the stories step would write for them (as the latency benchmark
    writes its store)."""
    batch = _batch(rng, first, count)
    for number, row in enumerate(batch.rows["documents"], start=first):
        row["story_id"] = f"s{number % stories}"
        row["ingested_at"] = dt.datetime(2021, 5, 1) + dt.timedelta(hours=rng.randint(0, 24 * 60))
        row["duplicate_of"] = f"d{number - stories:04d}" if number >= stories and rng.random() < 0.2 else None
    for k in range(stories):
        if rng.random() < 0.6:
            docs = [f"d{n:04d}" for n in range(k, first + count, stories) if rng.random() < 0.5] or [f"d{k:04d}"]
            batch.add("merged_events", {"merged_id": f"s{k}-m{first}", "story_id": f"s{k}", "type": "CONSULT",
                                        "provenance": [{"doc_id": d} for d in docs]})
    if first == 0:
        for k in range(stories):
            batch.add("stories", {"story_id": f"s{k}", "label": f"story {k}", "num_documents": 1, "seq": k})
    return batch


def _first_seen(store: Store) -> list[Any]:
    return sorted(store.con.execute("SELECT * FROM first_seen").fetchall(), key=str)


def same_brief_items(store: Store, basis: str, bounds: Any, limit: int = 1000) -> None:
    """What the brief reads from first_seen alone (`brief_items`) is what the scans find: the new merged
    events and stories (the brief's fields of them, their documents in its order) and, as `documents_brief`
    gives them, the first documents of each."""
    events = queries.new_merged_events(store, basis, bounds, limit=limit, scan=True)
    stories = queries.new_stories(store, basis, bounds, limit=limit, scan=True)
    for event in events:
        event["doc_ids"] = derived.provenance_docs(event["provenance"])
    firsts = {d for item in [*events, *stories] for d in item["doc_ids"][:derived.BRIEF_LINKS]}
    sorted_here = queries.BRIEF_SORTED
    try:
        for most in (sorted_here, 0):  # the items ordered here, and chosen by the database
            queries.BRIEF_SORTED = most
            found = queries.brief_items(store, basis, bounds, limit=limit)
            assert found.events == [{k: e[k] for k in (*derived.BRIEF_EVENT, "first_seen", "doc_ids")}
                                    for e in events]
            assert found.stories == [{k: s[k] for k in (*derived.BRIEF_STORY, "first_seen", "doc_ids")}
                                     for s in stories]
            assert found.documents([e["merged_id"] for e in events], [s["story_id"] for s in stories]) == \
                queries.documents_brief(store, firsts)
    finally:
        queries.BRIEF_SORTED = sorted_here


def _same_briefs(store: Store) -> None:
    days = [("2021-01-01", "2021-04-30"), ("2021-02-01", "2021-02-07"), ("2021-03-10", "2021-03-10"),
            ("2021-04-20", "2021-05-31")]
    moments = [(dt.datetime(2021, 5, 1), dt.datetime(2021, 7, 1)), (dt.datetime(2021, 5, 20), dt.datetime(2021, 5, 27)),
               (dt.datetime(2021, 6, 10, 6), dt.datetime(2021, 6, 10, 18))]
    for basis, periods in (("published", days), ("ingested", moments)):
        for bounds in periods:
            for limit in (1000, 3):
                assert queries.new_stories(store, basis, bounds, limit=limit) == queries.new_stories(
                    store, basis, bounds, limit=limit, scan=True), (basis, bounds)
                assert queries.new_merged_events(store, basis, bounds, limit=limit) == queries.new_merged_events(
                    store, basis, bounds, limit=limit, scan=True), (basis, bounds)
                same_brief_items(store, basis, bounds, limit)


def test_first_seen_follows_the_stories_written_and_answers_as_the_scans_do(store):
    rng = random.Random(6)
    for first in range(0, 90, 30):  # documents of the same stories in three writes, merged events in each
        store.write(_story_batch(rng, first, 30, stories=12))
        _same_briefs(store)
    found = _first_seen(store)
    assert {row[0] for row in found} == {"story", "merged"}
    with store.transaction():
        derived.rebuild_first_seen(store.con)
    assert _first_seen(store) == found
    with store.transaction():
        derived.rebuild_first_seen(store.con, chunk=5)  # a few stories at a time
    assert _first_seen(store) == found
    _rebuild_changes_nothing(store)


def test_first_seen_is_sorted_by_the_clocks_as_it_is_rewritten(store, monkeypatch):
    """Rewritten per story, first_seen is sorted again (publication day, then ingestion) once half its rows
    were written since: the brief's period is then read from a few of its vectors."""
    monkeypatch.setattr(derived, "SORT_FROM", 20)
    rng = random.Random(8)
    store.write(_story_batch(rng, 0, 60, stories=15))
    order = "SELECT published, ingested_at FROM first_seen ORDER BY rowid"
    rows = store.con.execute(order).fetchall()
    assert rows == sorted(rows, key=lambda r: (r[0] is None, r[0] or "", r[1] is None, r[1] or dt.datetime.min))
    written = dict(store.con.execute("SELECT * FROM derived_layout").fetchall())
    assert derived.FIRST_SEEN_WRITTEN not in written  # counted from the sort on
    batch = _story_batch(rng, 60, 3, stories=15)
    del batch.rows["merged_events"]
    store.write(batch)  # three stories rewritten: a few rows, not sorted yet
    written = dict(store.con.execute("SELECT * FROM derived_layout").fetchall())
    assert 0 < written[derived.FIRST_SEEN_WRITTEN] < len(rows) / 2
    _same_briefs(store)
    _rebuild_changes_nothing(store)


def test_a_version_10_store_is_upgraded_and_its_brief_rows_filled(tmp_path):
    path = tmp_path / "v10.duckdb"
    with Store(path) as store:
        store.write(_story_batch(random.Random(9), 0, 40, stories=10))
        store.write(_story_batch(random.Random(10), 40, 20, stories=10))
        kept = _first_seen(store)
        for name in ("docs", "item", "cards"):
            store.con.execute(f"ALTER TABLE first_seen DROP COLUMN {name}")
        store.con.execute("DELETE FROM schema_version WHERE version >= 11")
    with Store(path) as store:
        assert store.schema_version() == max(MIGRATIONS)
        assert _first_seen(store) == kept and kept
        _same_briefs(store)


def test_a_version_9_store_is_upgraded_and_its_first_seen_filled(tmp_path):
    path = tmp_path / "v9.duckdb"
    with Store(path) as store:
        store.write(_story_batch(random.Random(7), 0, 40, stories=10))
        kept = _first_seen(store)
        store.con.execute("DROP TABLE first_seen")
        store.con.execute("DELETE FROM schema_version WHERE version >= 10")
    with Store(path) as store:
        assert store.schema_version() == max(MIGRATIONS)
        assert _first_seen(store) == kept and kept
        _same_briefs(store)


def test_a_version_12_store_gets_the_events_floors_in_place(tmp_path):
    """Migration 13: events.politics copied from their documents, event_index.confidence and politics filled;
    nothing else changes and the floors then filter the indexed pages as the scan does."""
    path = tmp_path / "v12.duckdb"
    with Store(path) as store:
        store.write(_batch(random.Random(6), 0, 60))
        kept = {name: store.con.execute(f"SELECT count(*) FROM {name}").fetchone()[0] for name in derived.TABLES}
        counts, confidences = store.counts(), store.con.execute(
            "SELECT event_id, confidence FROM events ORDER BY event_id").fetchall()
        with derived.unindexed(store.con, "events"):  # DuckDB alters no indexed table
            store.con.execute("ALTER TABLE events DROP COLUMN politics")
        for column in ("confidence", "politics"):
            store.con.execute(f"ALTER TABLE event_index DROP COLUMN {column}")
        store.con.execute("DELETE FROM schema_version WHERE version >= 13")
    with pytest.raises(StoreError, match="schema version 12.*veille migrate"):
        Store(path, read_only=True)
    with Store(path) as store:
        assert store.schema_version() == max(MIGRATIONS) == 13
        for table in ("events", "event_index"):
            columns = [r[0] for r in store.con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
                [table]).fetchall()]
            assert columns == store.model[table].columns
        assert store.counts() == counts
        assert {name: store.con.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
                for name in derived.TABLES} == kept
        assert store.con.execute("SELECT event_id, confidence FROM events ORDER BY event_id").fetchall() == confidences
        differing = ("SELECT count(*) FROM events e JOIN documents d USING (doc_id) "
                     "WHERE e.politics IS DISTINCT FROM d.politics")
        assert store.con.execute(differing).fetchone()[0] == 0
        assert store.con.execute("SELECT count(*) FROM events WHERE politics IS NULL").fetchone()[0] > 0
        stale = ("SELECT count(*) FROM event_index i JOIN events e USING (event_id) "
                 "WHERE i.confidence IS DISTINCT FROM e.confidence OR i.politics IS DISTINCT FROM e.politics")
        assert store.con.execute(stale).fetchone()[0] == 0
        _same_answers(store)
        _rebuild_changes_nothing(store)
        total, rows = queries.find_events(store, EventFilter(actor="KAZ", min_confidence=0.5, min_politics=0.4,
                                                             limit=500))
        assert 0 < total < queries.find_events(store, EventFilter(actor="KAZ"))[0]
        assert all(r["confidence"] >= 0.5 and r["politics"] >= 0.4 for r in rows) and len(rows) == total


def test_floors_are_checked():
    for bad in (-0.1, 1.5, float("nan")):
        with pytest.raises(queries.InvalidParameter, match="min_confidence.*0 to 1"):
            EventFilter(min_confidence=bad).where()
    with pytest.raises(queries.InvalidParameter, match="min_politics"):
        EventFilter(min_politics=2).where()
    floors = queries.thresholds()
    assert 0 < floors["min_confidence_nonfactual"] <= floors["min_confidence"] < 1 and 0 < floors["min_politics"] < 0.5
