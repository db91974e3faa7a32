"""Derived tables: what the read queries would otherwise compute by scanning every event.

Declared in model.yaml (`derived: true`) and kept by the store, in the transaction that
changes the events:

- `event_index`: one row per event and key — each party key (a code or an actor id on
  either side), each pair of keys on opposite sides ("x\\x1ey", x < y) and "*" (every event) —
  with its date, type, status, confidence, politics (its document's) and which side each key is on, kept in
  `slot` (key, \\x1f, date)
  order: a page of one key's newest events is read from the few row groups of its newest dates.
- `event_days`: per key (as above) and date, the events and their summed score (cooperative
  and conflictual parts; for a pair, also per direction).
- `partner_days`: per key, counterpart code and date, as `queries.actor_partners` counts them.
- `edge_days`: per unordered pair of codes and date, as `queries.graph` counts its edges.
- `first_seen`: per story (once it has its stories row) and per merged event, its earliest document on
  the brief's two clocks (publication day, ingestion), a story's documents in the brief's order on each
  and a merged event's, and what the brief shows of it and of its first documents (the brief reads
  nothing else); refreshed per story (`refresh_first_seen`) by the stories step and by writes of
  documents of a story, stories or merged events, and sorted by the clocks as it is rewritten.

Keyed by the exact date string, the aggregates answer the queries' date filters (`date >= since`,
`substr(date, 1, n) <= until`) and periods exactly. `add(con, source)` adds the contributions of
the events of a relation (the rows just written); `remove(con, event_ids)` takes those of stored
events away (before they change; `add` them again after). `rebuild(con)` recomputes everything
(a store upgrade).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

import duckdb
import pyarrow as pa

SLOT = "\x1f"  # between a key and a date in event_index.slot
PAIR = "\x1e"  # between the two keys of a pair
ALL = "*"
AGGREGATES = ("event_days", "partner_days", "edge_days", "document_days", "document_counts")
TABLES = ("event_index", "document_index", "word_postings", *AGGREGATES, "first_seen", "derived_layout")
# Tables kept in order (slot, key, date): a key's rows, and one key's rows of a span of dates, are then read
# from a few row groups (DuckDB's zone maps). Rows written since the last sort are at the end; the table is sorted
# again once it has grown by GROWTH (so a store sorts about twice its final size over its life).
SORTED = {"event_index": "slot", "document_index": "slot", "event_days": "key, date", "partner_days": "key, date",
          "edge_days": "date", "document_days": "key, published"}  # table: its order
GROWTH = 1.5
SORT_FROM = 50_000  # smaller tables are read whole quickly enough
# (table, index name, column): created with the tables, kept by DuckDB. Index look-ups serve the few rows of
# one word, one event, one document (duckdb_store.INDEX_SCANS); the slot-ordered tables are read by row group.
INDEXES = (("word_postings", "word_postings_word", "word"), ("events", "events_event_id", "event_id"),
           ("events", "events_doc_id", "doc_id"))
# made by migration 9, dropped by 10: rebuilt with each sort of a table of millions of slots, never read
DROPPED_INDEXES = ("event_index_slot", "document_index_slot")


# -- words ----------------------------------------------------------------------------------------
# The letters a folded search term matches in a text, besides itself in either case (queries.term_pattern).
VARIANTS = {"a": "aàâäáãå", "c": "cç", "e": "eéèêë", "i": "iîïíì", "n": "nñ", "o": "oôöóòõø", "u": "uùûüú",
            "y": "yÿý"}
_WORD_FOLD = {ord(v.upper()): base for base, letters in VARIANTS.items() for v in letters if len(v.upper()) == 1}
_WORD_FOLD |= {ord(v): base for base, letters in VARIANTS.items() for v in letters}
_WORD_FOLD[ord("ſ")] = "s"  # RE2 matches it for s case-insensitively
_WORD = re.compile(r"\w+")
_SIMPLE = re.compile(r"[a-z0-9]+")
MERGE_SEGMENTS = 8  # a word's rows in word_postings are merged into one beyond this many


def word_fold(text: str) -> str:
    """The text as word_postings holds its words: each letter a search term's letter matches
    (queries.term_pattern: its case, the accents listed in VARIANTS) written as that letter."""
    return text.translate(_WORD_FOLD).lower()


def words(*texts: str | None) -> set[str]:
    return {w for text in texts if text for w in _WORD.findall(word_fold(text))}


def simple_term(term: str) -> bool:
    """Whether word_postings answers a folded search term exactly: ASCII letters and digits only (no
    separator, no oe/ae, which also match a ligature). Such a term occurs in a text where, and only
    where, one of its words contains it."""
    return bool(_SIMPLE.fullmatch(term)) and "oe" not in term and "ae" not in term


def posting(doc_id: str, published: str | None) -> str:
    """A document as word_postings lists it: its published date ('' when undated), \x1f, its id."""
    return f"{published or ''}{SLOT}{doc_id}"


def add_words(con: duckdb.DuckDBPyConnection,
              documents: Iterable[tuple[str, str | None, str | None, str | None]]) -> None:
    """Add the words of new documents ((doc_id, published, title, text)) to word_postings: one row per
    word; a word that then has more than MERGE_SEGMENTS rows has them merged into one."""
    postings: dict[str, list[str]] = {}
    for doc_id, published, title, text in documents:
        entry = posting(doc_id, published)
        for word in words(title, text):
            postings.setdefault(word, []).append(entry)
    if not postings:
        return
    _insert_postings(con, postings)
    con.register("_veille_words", pa.table({"word": pa.array(list(postings), pa.string())}))
    try:
        con.execute("CREATE OR REPLACE TEMP TABLE _veille_merged AS SELECT word, sum(documents)::BIGINT AS documents, "
                    "flatten(list(doc_ids)) AS doc_ids FROM word_postings WHERE word IN (SELECT word FROM "
                    " (SELECT word, count(*) AS n FROM word_postings WHERE word IN (SELECT word FROM _veille_words) "
                    f"  GROUP BY word) WHERE n > {MERGE_SEGMENTS}) GROUP BY word")
    finally:
        con.unregister("_veille_words")
    try:
        if con.execute("SELECT count(*) FROM _veille_merged").fetchone()[0]:  # type: ignore[index]
            con.execute("DELETE FROM word_postings WHERE word IN (SELECT word FROM _veille_merged)")
            con.execute("INSERT INTO word_postings SELECT word, documents, doc_ids FROM _veille_merged")
    finally:
        con.execute("DROP TABLE IF EXISTS _veille_merged")


def _insert_postings(con: duckdb.DuckDBPyConnection, postings: Mapping[str, list[str]]) -> None:
    frame = pa.table({"word": pa.array(list(postings), pa.string()),
                      "documents": pa.array([len(v) for v in postings.values()], pa.int64()),
                      "doc_ids": pa.array(list(postings.values()), pa.list_(pa.string()))})
    con.register("_veille_words", frame)
    try:
        con.execute("INSERT INTO word_postings SELECT word, documents, doc_ids FROM _veille_words")
    finally:
        con.unregister("_veille_words")


def slot(key: str, date: str | None) -> str:
    return f"{key}{SLOT}{date or ''}"


def pair(a: str, b: str) -> str:
    x, y = sorted((a, b))
    return f"{x}{PAIR}{y}"


def create_indexes(con: duckdb.DuckDBPyConnection, table: str | None = None) -> None:
    for on, name, column in INDEXES:
        if table is None or on == table:
            con.execute(f'CREATE INDEX IF NOT EXISTS {name} ON {on} ("{column}")')


@contextmanager
def unindexed(con: duckdb.DuckDBPyConnection, table: str) -> Iterator[None]:
    """DuckDB alters no table that has an index: a migration adding columns to `table` does it
    inside this, which drops the table's indexes and makes them again after."""
    present = {r[0] for r in con.execute("SELECT index_name FROM duckdb_indexes() WHERE table_name = ?",
                                         [table]).fetchall()}
    for on, name, _ in INDEXES:
        if on == table and name in present:
            con.execute(f"DROP INDEX {name}")
    yield
    if present:
        create_indexes(con, table)


# The parties of each event of `{src}`: ak/rk every key (code or actor id) of the actor/recipient
# side, ac/rc their codes, as the queries' JSON conditions read them (`_party`, `_pairs_sql`).
_PARTIES = (
    "SELECT event_id, doc_id, date, type, status, score, confidence, politics, "
    "list_distinct(list_filter(list_concat(json_extract_string(actor, '$[*].code'), "
    "json_extract_string(actor, '$[*].actor_id')), lambda x: x IS NOT NULL)) AS ak, "
    "list_distinct(list_filter(list_concat(json_extract_string(recipient, '$[*].code'), "
    "json_extract_string(recipient, '$[*].actor_id')), lambda x: x IS NOT NULL)) AS rk, "
    "list_filter(json_extract_string(actor, '$[*].code'), lambda x: x IS NOT NULL) AS ac, "
    "list_filter(json_extract_string(recipient, '$[*].code'), lambda x: x IS NOT NULL) AS rc FROM {src}"
)

# Every (event, key) row: single keys, pairs and "*" (first_* flags: the key's sides; second_*: the
# pair's second key's).
_KEYS = (
    "WITH p AS ({parties}), "
    "singles AS (SELECT *, unnest(list_distinct(list_concat(ak, rk))) AS k FROM p), "
    "crossed AS (SELECT DISTINCT event_id, least(a, r) AS x, greatest(a, r) AS y FROM "
    " (SELECT event_id, a, unnest(rk) AS r FROM (SELECT event_id, unnest(ak) AS a, rk FROM p)) WHERE a <> r), "
    "pairs AS (SELECT p.*, c.x, c.y FROM crossed c JOIN p USING (event_id)) "
    "SELECT k AS key, event_id, doc_id, date, type, status, score, confidence, politics, "
    "list_contains(ak, k) AS first_actor, list_contains(rk, k) AS first_recipient, false AS second_actor, "
    "false AS second_recipient FROM singles "
    f"UNION ALL SELECT x || '{PAIR}' || y, event_id, doc_id, date, type, status, score, confidence, politics, "
    "list_contains(ak, x), list_contains(rk, x), list_contains(ak, y), list_contains(rk, y) FROM pairs "
    f"UNION ALL SELECT '{ALL}', event_id, doc_id, date, type, status, score, confidence, politics, "
    "false, false, false, false FROM p"
)

_SUMS = ("count(*) AS events, coalesce(sum(score), 0) AS score, coalesce(sum(score) FILTER (WHERE score > 0), 0) "
         "AS cooperation, coalesce(sum(score) FILTER (WHERE score < 0), 0) AS conflict")

_EVENT_DAYS = (
    f"SELECT key, date, {_SUMS}, count(*) FILTER (WHERE first_actor AND key LIKE '%{PAIR}%') AS first_events, "
    f"coalesce(sum(score) FILTER (WHERE first_actor AND key LIKE '%{PAIR}%'), 0) AS first_score, "
    "count(*) FILTER (WHERE second_actor) AS second_events, "
    "coalesce(sum(score) FILTER (WHERE second_actor), 0) AS second_score, "
    "count(*) FILTER (WHERE first_actor AND second_recipient) AS forward, "
    "count(*) FILTER (WHERE second_actor AND first_recipient) AS backward "
    "FROM {keys} GROUP BY key, date"
)

_PARTNER_DAYS = (
    "WITH p AS ({parties}), "
    "sides AS (SELECT event_id, date, score, k, unnest(rc) AS other FROM (SELECT *, unnest(ak) AS k FROM p) "
    " UNION ALL SELECT event_id, date, score, k, unnest(ac) AS other FROM (SELECT *, unnest(rk) AS k FROM p)), "
    "uniq AS (SELECT DISTINCT event_id, date, score, k, other FROM sides WHERE other IS NOT NULL AND other <> k) "
    f"SELECT k AS key, other, date, {_SUMS} FROM uniq GROUP BY k, other, date"
)

_EDGE_DAYS = (
    "WITH p AS ({parties}), "
    "pairs AS (SELECT DISTINCT event_id, date, score, a, r FROM (SELECT event_id, date, score, a, unnest(rc) AS r "
    " FROM (SELECT event_id, date, score, unnest(ac) AS a, rc FROM p)) WHERE a <> r) "
    f"SELECT least(a, r) AS source, greatest(a, r) AS target, date, {_SUMS}, "
    "count(*) FILTER (WHERE a = least(a, r)) AS forward, count(*) FILTER (WHERE a <> least(a, r)) AS backward "
    "FROM pairs GROUP BY 1, 2, 3"
)

# table -> (key columns, counted columns)
_SHAPES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "event_days": (("key", "date"), ("events", "score", "cooperation", "conflict", "first_events", "first_score",
                                     "second_events", "second_score", "forward", "backward")),
    "partner_days": (("key", "other", "date"), ("events", "score", "cooperation", "conflict")),
    "edge_days": (("source", "target", "date"), ("events", "score", "cooperation", "conflict", "forward",
                                                 "backward")),
    "document_days": (("key", "published"), ("documents",)),
    "document_counts": (("lang", "status", "outlet"), ("documents",)),
}

_INDEX_COLUMNS = ("slot", "key", "date", "event_id", "doc_id", "type", "status", "first_actor", "first_recipient",
                  "second_actor", "second_recipient", "confidence", "politics")


def _apply(con: duckdb.DuckDBPyConnection, src: str, sign: int) -> None:
    """Add (sign 1) or take away (sign -1) the contributions of the events of relation `src`."""
    parties = _PARTIES.format(src=src)
    con.execute(f"CREATE OR REPLACE TEMP TABLE _veille_keys AS {_KEYS.format(parties=parties)}")
    try:
        if sign > 0:
            columns = ", ".join(f'"{c}"' for c in _INDEX_COLUMNS)
            con.execute(f"INSERT INTO event_index ({columns}) SELECT key || '{SLOT}' || coalesce(date, ''), key, date, "
                        "event_id, doc_id, type, status, first_actor, first_recipient, second_actor, second_recipient, "
                        "confidence, politics FROM _veille_keys")
        else:
            con.execute(f"DELETE FROM event_index WHERE slot IN (SELECT DISTINCT key || '{SLOT}' || coalesce(date, '') "
                        "FROM _veille_keys) AND event_id IN (SELECT event_id FROM _veille_keys)")
        for table, sql in (("event_days", _EVENT_DAYS.format(keys="_veille_keys")),
                           ("partner_days", _PARTNER_DAYS.format(parties=parties)),
                           ("edge_days", _EDGE_DAYS.format(parties=parties))):
            _merge(con, table, sql, sign)
    finally:
        con.execute("DROP TABLE IF EXISTS _veille_keys")


def _merge(con: duckdb.DuckDBPyConnection, table: str, sql: str, sign: int) -> None:
    keys, counted = _SHAPES[table]
    on = " AND ".join(f"t.{k} IS NOT DISTINCT FROM d.{k}" for k in keys)
    op = "+" if sign > 0 else "-"
    con.execute(f"CREATE OR REPLACE TEMP TABLE _veille_delta AS {sql}")
    try:
        sets = ", ".join(f"{c} = t.{c} {op} d.{c}" for c in counted)
        values = ", ".join(f"d.{c}" for c in (*keys, *counted))
        insert = f" WHEN NOT MATCHED THEN INSERT ({', '.join((*keys, *counted))}) VALUES ({values})" if sign > 0 else ""
        con.execute(f"MERGE INTO {table} t USING _veille_delta d ON ({on}) WHEN MATCHED THEN UPDATE SET {sets}{insert}")
        if sign < 0:
            con.execute(f"DELETE FROM {table} WHERE {counted[0]} <= 0")
    finally:
        con.execute("DROP TABLE IF EXISTS _veille_delta")


def add(con: duckdb.DuckDBPyConnection, source: str | pa.Table) -> None:
    """Add the events of `source` (a relation name, or an Arrow table with the events' columns, JSON
    fields as text) to the derived tables; they must not be counted there yet."""
    if isinstance(source, str):
        _apply(con, source, 1)
        return
    con.register("_veille_new_events", source)
    try:
        _apply(con, "_veille_new_events", 1)
    finally:
        con.unregister("_veille_new_events")


def remove(con: duckdb.DuckDBPyConnection, event_ids: Sequence[str]) -> None:
    """Take the stored events `event_ids` out of the derived tables."""
    if not event_ids:
        return
    con.register("_veille_ids", pa.table({"event_id": pa.array(list(event_ids), pa.string())}))
    try:
        con.execute("CREATE OR REPLACE TEMP TABLE _veille_old_events AS SELECT * FROM events "
                    "WHERE event_id IN (SELECT event_id FROM _veille_ids)")
    finally:
        con.unregister("_veille_ids")
    try:
        _apply(con, "_veille_old_events", -1)
    finally:
        con.execute("DROP TABLE IF EXISTS _veille_old_events")


@contextmanager
def changing(con: duckdb.DuckDBPyConnection, event_ids: Sequence[str]) -> Iterator[None]:
    """Around an update of stored events: their contributions are taken out before and put back after."""
    ids = list(dict.fromkeys(event_ids))
    remove(con, ids)
    yield
    if ids:
        con.register("_veille_ids", pa.table({"event_id": pa.array(ids, pa.string())}))
        try:
            con.execute("CREATE OR REPLACE TEMP TABLE _veille_changed AS SELECT * FROM events "
                        "WHERE event_id IN (SELECT event_id FROM _veille_ids)")
        finally:
            con.unregister("_veille_ids")
        try:
            _apply(con, "_veille_changed", 1)
        finally:
            con.execute("DROP TABLE IF EXISTS _veille_changed")


# Every (document, key) row of the documents of `{docs}` (a relation of doc_ids), their mentions' keys from
# `{mentions}`.
_DOCUMENT_KEYS = (
    "WITH d AS (SELECT doc_id, published, outlet, lang FROM documents WHERE doc_id IN (SELECT doc_id FROM {docs})), "
    "k AS (SELECT DISTINCT doc_id, unnest([code, actor_id]) AS key FROM {mentions} "
    " WHERE doc_id IN (SELECT doc_id FROM d)) "
    f"SELECT '{ALL}' AS key, d.* FROM d UNION ALL SELECT k.key, d.* FROM k JOIN d USING (doc_id) "
    "WHERE k.key IS NOT NULL"
)


def add_documents(con: duckdb.DuckDBPyConnection, docs: str, mentions: str = "mentions") -> None:
    """Add the documents whose ids are in relation `docs` (new: not counted yet) to document_index and
    document_days, with the keys of their mentions in relation `mentions`."""
    con.execute("CREATE OR REPLACE TEMP TABLE _veille_doc_keys AS "
                + _DOCUMENT_KEYS.format(docs=docs, mentions=mentions))
    try:
        con.execute(f"INSERT INTO document_index (slot, key, published, doc_id, outlet, lang) SELECT key || '{SLOT}' "
                    "|| coalesce(published, ''), key, published, doc_id, outlet, lang FROM _veille_doc_keys")
        _merge(con, "document_days", "SELECT key, published, count(*) AS documents FROM _veille_doc_keys "
                                     "GROUP BY key, published", 1)
        _merge(con, "document_counts", "SELECT lang, status, outlet, count(*) AS documents FROM documents "
                                       f"WHERE doc_id IN (SELECT doc_id FROM {docs}) GROUP BY ALL", 1)
    finally:
        con.execute("DROP TABLE IF EXISTS _veille_doc_keys")


# -- first_seen: the brief's new stories and merged events ------------------------------------------
# A document's time on the brief's clocks: its publication day (dates less precise than a day are in no
# period), its ingestion (queries._clock).
_DAY = "CASE WHEN length(d.published) = 10 THEN d.published END"
_FIRST_SEEN = (
    "WITH s AS (SELECT DISTINCT story_id FROM {stories}), "
    "m AS (SELECT merged_id, story_id, unnest(json_extract_string(provenance, '$[*].doc_id')) AS doc_id "
    " FROM merged_events WHERE story_id IN (SELECT story_id FROM s)) "
    f"SELECT 'story' AS kind, d.story_id AS id, d.story_id, min({_DAY}) AS published, "
    "min(d.ingested_at) AS ingested_at, "
    f"list(d.doc_id ORDER BY d.duplicate_of IS NOT NULL, {_DAY} NULLS LAST, d.doc_id) AS published_docs, "
    "list(d.doc_id ORDER BY d.duplicate_of IS NOT NULL, d.ingested_at NULLS LAST, d.doc_id) AS ingested_docs "
    "FROM documents d WHERE d.story_id IN (SELECT story_id FROM s) GROUP BY d.story_id "
    f"UNION ALL SELECT 'merged', m.merged_id, m.story_id, min({_DAY}), min(d.ingested_at), NULL, NULL "
    "FROM m JOIN documents d USING (doc_id) GROUP BY m.merged_id, m.story_id"
)
_FIRST_SEEN_COLUMNS = "kind, id, story_id, published, ingested_at, published_docs, ingested_docs"
# What the brief shows of each (veille.brief.build): a merged event's and a story's fields, and a document's
# (`queries.documents_brief`) for the first BRIEF_LINKS documents of each.
BRIEF_LINKS = 8
BRIEF_EVENT = ("merged_id", "story_id", "type", "types", "status", "disputed", "date", "first_reported", "actor",
               "recipient", "reported_by", "location", "num_documents", "num_sources", "independent_sources",
               "state_media_only", "conflicting", "size")
BRIEF_STORY = ("story_id", "label", "first_date", "last_date", "num_documents", "num_sources", "actors",
               "event_types")
BRIEF_DOCUMENT = ("doc_id", "title", "outlet", "outlet_kind", "outlet_state", "published", "url")
_JSON_FIELDS = {"actor", "recipient", "reported_by", "location", "size"}  # merged_events' JSON columns the brief reads
# first_seen is rewritten per story (stories move to its end as they change): it is sorted again in this order
# once GROWTH - 1 of its rows were written since it was last sorted (counted in derived_layout under this name)
FIRST_SEEN_ORDER = "published NULLS LAST, ingested_at NULLS LAST, kind, id"
FIRST_SEEN_WRITTEN = "first_seen written"
_FETCH = 5_000
CHUNK_STORIES = 5_000  # stories whose first_seen rows are made at a time


def lead(text: str, width: int = 90) -> str:
    """The first words of a text (its first line, cut at a word), to name an untitled document."""
    first = " ".join((text or "").strip().split("\n", 1)[0].split())
    if len(first) <= width:
        return first
    cut = first[:width].rsplit(" ", 1)[0]
    return cut + "…"


def provenance_docs(provenance: Any) -> list[str]:
    """A merged event's documents (those of its provenance), originals first, each once."""
    entries = [p for p in provenance or [] if isinstance(p, dict) and p.get("doc_id")]
    ordered = sorted(entries, key=lambda p: p.get("republication_of") is not None)
    return list(dict.fromkeys(str(p["doc_id"]) for p in ordered))


def _fetch(con: duckdb.DuckDBPyConnection, sql: str, ids: list[str]) -> Iterator[dict[str, Any]]:
    """The rows of `sql` (a query on the list parameter of `ids`) as dicts, read in chunks."""
    cursor = con.execute(sql, [ids])
    names = [c[0] for c in cursor.description or ()]
    while chunk := cursor.fetchmany(_FETCH):
        for values in chunk:
            yield dict(zip(names, values, strict=True))


def _brief_fields(con: duckdb.DuckDBPyConnection) -> pa.Table:
    """(kind, id, docs, item, cards) of the rows of `_veille_first_seen`: a merged event's documents (originals
    first), the fields the brief shows of the story or merged event (none for a story without its stories row,
    which first_seen leaves out until it has one), and those of the first BRIEF_LINKS documents of each of its
    lists ({doc_id: fields}, the documents found)."""
    merged = [r[0] for r in con.execute("SELECT id FROM _veille_first_seen WHERE kind = 'merged'").fetchall()]
    items: dict[tuple[str, str], str] = {}
    docs: dict[str, list[str]] = {}
    columns = ", ".join(f'"{c}"' for c in BRIEF_EVENT)
    for row in _fetch(con, f"SELECT {columns}, provenance FROM merged_events WHERE merged_id IN (SELECT unnest(?))",
                      merged):
        provenance = row.pop("provenance")
        docs[row["merged_id"]] = provenance_docs(json.loads(provenance) if isinstance(provenance, str) else provenance)
        for name in _JSON_FIELDS:
            if isinstance(row[name], str):
                row[name] = json.loads(row[name])
        items["merged", row["merged_id"]] = json.dumps(row, ensure_ascii=False)
    stories = [r[0] for r in con.execute("SELECT id FROM _veille_first_seen WHERE kind = 'story'").fetchall()]
    columns = ", ".join(f'"{c}"' for c in BRIEF_STORY)
    for row in _fetch(con, f"SELECT {columns} FROM stories WHERE story_id IN (SELECT unnest(?))", stories):
        items["story", row["story_id"]] = json.dumps(row, ensure_ascii=False)
    firsts: dict[tuple[str, str], list[str]] = {}
    for kind, ident, published_docs, ingested_docs in con.execute(
            "SELECT kind, id, published_docs, ingested_docs FROM _veille_first_seen").fetchall():
        if (kind, ident) not in items:  # left out
            continue
        if kind == "merged":
            firsts[kind, ident] = docs.get(ident, [])[:BRIEF_LINKS]
        else:
            firsts[kind, ident] = list(dict.fromkeys([*(published_docs or [])[:BRIEF_LINKS],
                                                      *(ingested_docs or [])[:BRIEF_LINKS]]))
    cards: dict[str, dict[str, Any]] = {}
    wanted = sorted({d for ids in firsts.values() for d in ids})
    columns = ", ".join(f'"{c}"' for c in BRIEF_DOCUMENT)
    for row in _fetch(con, f"SELECT {columns}, left(text, 400) AS text FROM documents "
                           "WHERE doc_id IN (SELECT unnest(?))", wanted):
        row["lead"] = lead(row.pop("text") or "")
        cards[row["doc_id"]] = row
    keys = list(firsts)
    return pa.table({
        "kind": pa.array([k for k, _ in keys], pa.string()), "id": pa.array([i for _, i in keys], pa.string()),
        "docs": pa.array([docs.get(i) if k == "merged" else None for k, i in keys], pa.list_(pa.string())),
        "item": pa.array([items.get(key) for key in keys], pa.string()),
        "cards": pa.array([json.dumps({d: cards[d] for d in firsts[key] if d in cards}, ensure_ascii=False)
                           for key in keys], pa.string())})


def _write_first_seen(con: duckdb.DuckDBPyConnection, stories: str) -> None:
    """Bring the first_seen rows of the stories of relation `stories` (and of their merged events) up to date:
    the rows that changed are replaced, those that are gone deleted, the new ones added; a row as it was is
    left where it is (a story refreshed with nothing new moves nothing, nor counts as written)."""
    con.execute("CREATE OR REPLACE TEMP TABLE _veille_first_seen AS " + _FIRST_SEEN.format(stories=stories))
    try:
        con.register("_veille_brief", _brief_fields(con))
        try:
            columns = f"{_FIRST_SEEN_COLUMNS}, docs, item, cards"
            con.execute("CREATE OR REPLACE TEMP TABLE _veille_first_seen_new AS "
                        "SELECT f.*, b.docs, CAST(b.item AS JSON) AS item, CAST(b.cards AS JSON) AS cards "
                        "FROM _veille_first_seen f JOIN _veille_brief b USING (kind, id)")
        finally:
            con.unregister("_veille_brief")
        old = f"SELECT {columns} FROM first_seen WHERE story_id IN (SELECT story_id FROM {stories})"
        con.execute(f"CREATE OR REPLACE TEMP TABLE _veille_first_seen_old AS ({old}) EXCEPT "
                    f"(SELECT {columns} FROM _veille_first_seen_new)")
        con.execute(f"DELETE FROM first_seen WHERE story_id IN (SELECT story_id FROM {stories}) "
                    "AND (kind, id) IN (SELECT (kind, id) FROM _veille_first_seen_old)")
        written = con.execute(f"INSERT INTO first_seen ({columns}) (SELECT {columns} FROM _veille_first_seen_new) "
                              f"EXCEPT ({old})").fetchone()[0]  # type: ignore[index]
        before = con.execute("SELECT coalesce(sum(sorted_rows), 0) FROM derived_layout WHERE name = ?",
                             [FIRST_SEEN_WRITTEN]).fetchone()[0]  # type: ignore[index]
        if written:
            con.execute("DELETE FROM derived_layout WHERE name = ?", [FIRST_SEEN_WRITTEN])
            con.execute("INSERT INTO derived_layout VALUES (?, ?)", [FIRST_SEEN_WRITTEN, int(before) + int(written)])
    finally:
        for name in ("_veille_first_seen", "_veille_first_seen_new", "_veille_first_seen_old"):
            con.execute(f"DROP TABLE IF EXISTS {name}")


def refresh_first_seen(con: duckdb.DuckDBPyConnection, story_ids: Iterable[str | None]) -> None:
    """Recompute the first_seen rows of these stories and of their merged events, from their documents
    (after the stories step or a write changed them: documents joined or left, merged events rewritten,
    stories merged away)."""
    ids = sorted({story_id for story_id in story_ids if story_id is not None})
    _write_chunks(con, ids, CHUNK_STORIES)


def rebuild_first_seen(con: duckdb.DuckDBPyConnection, *, chunk: int | None = None) -> None:
    """Recompute first_seen from every story's documents and merged events."""
    con.execute("DELETE FROM first_seen")
    ids = [r[0] for r in con.execute("SELECT story_id FROM documents WHERE story_id IS NOT NULL UNION "
                                     "SELECT story_id FROM merged_events WHERE story_id IS NOT NULL ORDER BY 1"
                                     ).fetchall()]
    _write_chunks(con, ids, chunk or CHUNK_STORIES)


def _write_chunks(con: duckdb.DuckDBPyConnection, ids: list[str], chunk: int) -> None:
    """Write the first_seen rows of these stories, `chunk` stories at a time (what the brief shows of them is
    made in Python: memory grows with the chunk, not with the store or the write)."""
    for start in range(0, len(ids), chunk):
        con.register("_veille_stories", pa.table({"story_id": pa.array(ids[start:start + chunk], pa.string())}))
        try:
            _write_first_seen(con, "_veille_stories")
        finally:
            con.unregister("_veille_stories")


def keep_sorted(con: duckdb.DuckDBPyConnection, *, force: bool = False, skip: Sequence[str] = ()) -> None:
    """Sort the SORTED tables that have grown by GROWTH since they were last sorted, and first_seen once
    GROWTH - 1 of its rows were written since (all with `force`; but those of `skip`, not made yet)."""
    layout = dict(con.execute("SELECT name, sorted_rows FROM derived_layout").fetchall())
    for table, order in SORTED.items():
        rows = int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # type: ignore[index]
        if not force and (rows < SORT_FROM or rows <= GROWTH * layout.get(table, 0)):
            continue
        names = [name for on, name, _ in INDEXES if on == table]
        for name in names:
            con.execute(f"DROP INDEX IF EXISTS {name}")
        con.execute(f"CREATE OR REPLACE TEMP TABLE _veille_sorted AS SELECT * FROM {table} ORDER BY {order}")
        con.execute(f"DELETE FROM {table}")
        con.execute(f"INSERT INTO {table} SELECT * FROM _veille_sorted")
        con.execute("DROP TABLE _veille_sorted")
        create_indexes(con, table)
        con.execute("DELETE FROM derived_layout WHERE name = ?", [table])
        con.execute("INSERT INTO derived_layout VALUES (?, ?)", [table, rows])
    if "first_seen" in skip:
        return
    rows = int(con.execute("SELECT count(*) FROM first_seen").fetchone()[0])  # type: ignore[index]
    if force or (rows >= SORT_FROM and layout.get(FIRST_SEEN_WRITTEN, 0) > (GROWTH - 1) * rows):
        con.execute("CREATE OR REPLACE TEMP TABLE _veille_sorted AS SELECT * FROM first_seen "
                    f"ORDER BY {FIRST_SEEN_ORDER}")
        con.execute("DELETE FROM first_seen")
        con.execute("INSERT INTO first_seen SELECT * FROM _veille_sorted")
        con.execute("DROP TABLE _veille_sorted")
        con.execute("DELETE FROM derived_layout WHERE name = ?", [FIRST_SEEN_WRITTEN])


def rebuild(con: duckdb.DuckDBPyConnection, *, skip: Sequence[str] = ()) -> None:
    """Recompute every derived table (but those of `skip`, not made yet: a store upgrade) from the events,
    documents, mentions, stories and merged events."""
    for table in TABLES:
        if table not in skip:
            con.execute(f"DELETE FROM {table}")
    _apply(con, "events", 1)
    add_documents(con, "documents")
    cursor = con.cursor()  # read in chunks while the words are written on `con`
    cursor.execute("SELECT doc_id, published, title, text FROM documents")
    postings: dict[str, list[str]] = {}
    while chunk := cursor.fetchmany(5_000):
        for doc_id, published, title, text in chunk:
            entry = posting(doc_id, published)
            for word in words(title, text):
                postings.setdefault(word, []).append(entry)
    cursor.close()
    _insert_postings(con, postings)
    if "first_seen" not in skip:
        rebuild_first_seen(con)
    keep_sorted(con, force=True, skip=skip)
