"""The DuckDB store: schema derived from model.yaml, versioned migrations, batch writes.

One store is one DuckDB file. Every batch of documents is written in one transaction
together with its sentences, mentions and events, so a store never holds a document
without its annotations: killing an ingest loses at most the batch in flight, and
re-running completes it (documents already stored are skipped by id).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from veille.model import Model, Table, load_model
from veille.store import derived

ARROW_TYPES: dict[str, pa.DataType] = {
    "string": pa.string(),
    "integer": pa.int64(),
    "float": pa.float64(),
    "date": pa.date32(),
    "timestamp": pa.timestamp("us"),
    "boolean": pa.bool_(),
    "json": pa.string(),
    "list": pa.list_(pa.string()),
}


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def create_table_sql(table: Table) -> str:
    columns = [f"{quote(f.name)} {f.sql_type}" for f in table.fields]
    if table.key and table.name in PRIMARY_KEYED:
        columns.append(f"PRIMARY KEY ({', '.join(quote(k) for k in table.key)})")
    return f"CREATE TABLE IF NOT EXISTS {quote(table.name)} ({', '.join(columns)})"


# Tables whose key is enforced by the database. Child rows (sentences, mentions, events)
# are only ever written together with a new document, so their keys hold by construction
# and enforcing them would only slow bulk inserts down.
PRIMARY_KEYED = {"documents", "sources", "watch_seen", "watch_sources"}
# Rows of a document, written with it only.
CHILD_TABLES = {"sentences", "mentions", "events"}


def _migration_1(con: duckdb.DuckDBPyConnection, model: Model) -> None:
    for table in model.tables.values():
        if not table.derived:  # migration 8's
            con.execute(create_table_sql(table))


def _add_columns(con: duckdb.DuckDBPyConnection, table: Table, names: Sequence[str]) -> None:
    """Add the model's fields `names` to an existing table, skipping those it already has."""
    present = {r[0] for r in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table.name]).fetchall()}
    missing = [name for name in names if name not in present]
    if missing:
        with derived.unindexed(con, table.name):
            for name in missing:
                spec = table.field(name)
                con.execute(f"ALTER TABLE {quote(table.name)} ADD COLUMN {quote(spec.name)} {spec.sql_type}")


STORY_TABLES = ("signatures", "signature_keys", "story_terms", "stories", "merged_events")


def _migration_2(con: duckdb.DuckDBPyConnection, model: Model) -> None:
    """Stories: documents.story_id and duplicate_of, and the stories step's tables."""
    _add_columns(con, model["documents"], ["story_id", "duplicate_of"])
    for name in STORY_TABLES:
        con.execute(create_table_sql(model[name]))


def _migration_3(con: duckdb.DuckDBPyConnection, model: Model) -> None:
    """Merged events computed once per ingest run: stories.merged_at (null: stale)."""
    _add_columns(con, model["stories"], ["merged_at"])
    con.execute("UPDATE stories SET merged_at = updated_at")


def _migration_4(con: duckdb.DuckDBPyConnection, model: Model) -> None:
    """Events dated from their story: events.date_anchor (the story's day a relative date was resolved
    against). The stories holding a document without a publication day are marked stale: the next
    merge dates their events."""
    _add_columns(con, model["events"], ["date_anchor"])
    con.execute("UPDATE stories SET merged_at = NULL WHERE story_id IN (SELECT story_id FROM documents "
                "WHERE published IS NULL OR length(published) < 10)")


def _migration_5(con: duckdb.DuckDBPyConnection, model: Model) -> None:
    """Reciprocal events flagged by events.symmetric, no longer by a "reciprocal" context (not PLOVER's)."""
    _add_columns(con, model["events"], ["symmetric"])
    con.execute("UPDATE events SET \"symmetric\" = coalesce(list_contains(context, 'reciprocal'), false), "
                "context = [c FOR c IN context IF c <> 'reciprocal']")


WATCH_TABLES = ("watch_seen", "watch_sources")


def _migration_6(con: duckdb.DuckDBPyConnection, model: Model) -> None:
    """Watching sources (`veille watch`): the article URLs taken and each source's polling state."""
    for name in WATCH_TABLES:
        con.execute(create_table_sql(model[name]))


def _migration_7(con: duckdb.DuckDBPyConnection, model: Model) -> None:
    """Outlet profiles: documents and sources linked to their outlet (by URL, then declared outlet), and
    merged events counting independent sources: all of them, but in the stories holding state media, which
    are marked stale (the next merge counts them)."""
    from veille.ingest.outlets import OutletsError, load_outlets

    _add_columns(con, model["documents"], ["outlet_id", "outlet_kind", "outlet_country", "outlet_state"])
    _add_columns(con, model["sources"], ["outlet_id", "outlet_kind"])
    _add_columns(con, model["merged_events"], ["independent_sources", "state_media_only"])
    try:
        outlets = load_outlets()
    except OutletsError as error:
        raise StoreError(f"cannot link the store's documents to their outlets: {error}") from error
    names = ("doc_id", "source", "outlet_id", "outlet_kind", "outlet_country", "outlet_state")
    for table, address, columns in (("documents", "url", names[2:]), ("sources", "source", names[2:4])):
        linked = []
        for doc_id, source, url, declared in con.execute(f"SELECT doc_id, source, {address}, outlet FROM {table}"
                                                         ).fetchall():
            if (outlet := outlets.link(url, declared)) is not None:
                linked.append((doc_id, source, outlet.id, outlet.kind, outlet.country, outlet.state))
        frame = pa.table({name: pa.array([row[i] for row in linked], pa.string()) for i, name in enumerate(names)})
        con.register("_veille_outlets", frame)
        try:
            assign = ", ".join(f"{name} = u.{name}" for name in columns)
            con.execute(f"UPDATE {table} SET {assign} FROM _veille_outlets u "
                        f"WHERE {table}.doc_id = u.doc_id AND {table}.source IS NOT DISTINCT FROM u.source")
        finally:
            con.unregister("_veille_outlets")
    con.execute("UPDATE merged_events SET independent_sources = num_sources, state_media_only = false")
    con.execute("UPDATE stories SET merged_at = NULL WHERE story_id IN "
                "(SELECT story_id FROM documents WHERE outlet_state IS NOT NULL)")


REDIRECT_TABLES = ("story_redirects", "merged_state")


def _migration_8(con: duckdb.DuckDBPyConnection, model: Model) -> None:
    """Stories that update in place: the ids of stories merged into another (`story_redirects`) and how
    far each story's merged events are up to date (`merged_state`; none yet: the next merge of a story
    regroups it in full, then later documents only add to it)."""
    for name in REDIRECT_TABLES:
        con.execute(create_table_sql(model[name]))


LATER_DERIVED = ("first_seen",)  # derived tables of later migrations (10, 11)
LATER_EVENT_COLUMNS = ("politics",)  # events columns of a later migration (13) that event_index copies


def _migration_9(con: duckdb.DuckDBPyConnection, model: Model) -> None:
    """Derived tables (store/derived.py: the event index and the aggregates the pages read) and the
    indexes of events by id and by document, filled from the stored events."""
    _add_columns(con, model["events"], LATER_EVENT_COLUMNS)  # event_index (the model's) is made of them
    for table in model.tables.values():
        if table.derived and table.name not in LATER_DERIVED:
            con.execute(create_table_sql(table))
    derived.create_indexes(con)
    derived.rebuild(con, skip=LATER_DERIVED)


def _migration_10(con: duckdb.DuckDBPyConnection, model: Model) -> None:
    """The brief's first_seen (store/derived.py: when each story and merged event was first seen, kept
    per story), filled from the stored stories, merged events and documents; the slot indexes of
    migration 9 dropped (the slot-ordered tables are read by row group)."""
    for name in derived.DROPPED_INDEXES:
        con.execute(f"DROP INDEX IF EXISTS {name}")
    con.execute(create_table_sql(model["first_seen"]))
    derived.rebuild_first_seen(con)


def _migration_11(con: duckdb.DuckDBPyConnection, model: Model) -> None:
    """The brief read from first_seen alone: each row also holds what the brief shows of its story or merged
    event and of their first documents (first_seen.docs, item, cards), filled from the stored rows; the
    table kept in the order of the brief's clocks."""
    _add_columns(con, model["first_seen"], ["docs", "item", "cards"])
    derived.rebuild_first_seen(con)
    derived.keep_sorted(con)


def _migration_12(con: duckdb.DuckDBPyConnection, model: Model) -> None:
    """documents.politics: the topic model's probability that a document reports politics (null for the
    documents stored before it: re-ingesting them does not parse them again)."""
    _add_columns(con, model["documents"], ["politics"])


def _migration_13(con: duckdb.DuckDBPyConnection, model: Model) -> None:
    """Events filtered by confidence and by their document's politics probability: events.politics (copied
    from documents.politics, null where the document has none) and event_index.confidence and politics (the
    indexed pages filter on them), filled from the stored rows."""
    _add_columns(con, model["events"], ["politics"])
    con.execute("UPDATE events SET politics = d.politics FROM documents d "
                "WHERE events.doc_id = d.doc_id AND d.politics IS NOT NULL")
    _add_columns(con, model["event_index"], ["confidence", "politics"])
    con.execute("UPDATE event_index SET confidence = e.confidence, politics = e.politics FROM events e "
                "WHERE event_index.event_id = e.event_id")


# version -> step; a step brings a store from version-1 to version.
MIGRATIONS: dict[int, Callable[[duckdb.DuckDBPyConnection, Model], None]] = {
    1: _migration_1, 2: _migration_2, 3: _migration_3, 4: _migration_4, 5: _migration_5, 6: _migration_6,
    7: _migration_7, 8: _migration_8, 9: _migration_9, 10: _migration_10, 11: _migration_11, 12: _migration_12,
    13: _migration_13,
}


def latest_version(model: Model) -> int:
    """The schema version of this veille: model.yaml's `version`, which the last migration must reach."""
    if model.version != max(MIGRATIONS):
        raise StoreError(f"model.yaml declares schema version {model.version} but the migrations reach "
                         f"{max(MIGRATIONS)}: a change to the model needs both")
    return model.version


@dataclass
class Batch:
    """Rows to write together, keyed by table name."""

    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def add(self, table: str, row: dict[str, Any]) -> None:
        self.rows.setdefault(table, []).append(row)

    def extend(self, table: str, rows: Iterable[dict[str, Any]]) -> None:
        self.rows.setdefault(table, []).extend(rows)

    def __len__(self) -> int:
        return len(self.rows.get("documents", []))


class StoreError(RuntimeError):
    pass


# DuckDB's buffer pool while ingesting: enough for the per-batch queries (larger ones spill to
# disk). Unset, DuckDB keeps the growing file cached and memory grows with the store: over a
# 20,000-document run RSS grew by about the store's size (132 MB) with a 256MB cap.
INGEST_MEMORY_LIMIT = "128MB"
# `veille serve`'s: the pages read the derived tables' few row groups, not whole columns; the cap keeps a
# large store from being cached whole.
SERVE_MEMORY_LIMIT = "512MB"

# When DuckDB looks rows up in an index (ART) rather than reading row groups: only for a few rows. An index
# lookup costs about 60 µs a row (the rows are fetched one by one), reading one row group of a table kept in
# order (store/derived.py) a few ms: by default (up to 0.1 % of a table) a day of the event index's "*" key
# (500 rows) took 30 ms from the index, 3 ms from its row group.
INDEX_SCANS = {"index_scan_max_count": 64, "index_scan_percentage": 0}

# How much a store's write-ahead log holds before a commit writes the tables back (a checkpoint). Each
# checkpoint rewrites the row groups the writes touched, and the derived tables' sums and postings are
# touched all over: at DuckDB's default (16MB) every batch of an ingest rewrote them, most of the time of
# a large store's build (a 100,000-event synthetic store: commits 68 of 130 s, 9 of 57 s at 1GB).
CHECKPOINT_THRESHOLD = "1GB"

_MEMORY = re.compile(r"\d+(?:\.\d+)?\s*(?:[KMGT]i?B)", re.IGNORECASE)


class Store:
    """A veille store in one DuckDB file (or ':memory:')."""

    def __init__(self, path: str | Path = "veille.duckdb", *, read_only: bool = False,
                 memory_limit: str | None = None) -> None:
        """`memory_limit` ("256MB", "2GB"): DuckDB's buffer pool cap. Unset, DuckDB keeps up to
        80 % of RAM of the file cached, so a long ingest would grow with the store."""
        self.path = str(path)
        self.model = load_model()
        if memory_limit is not None and not _MEMORY.fullmatch(memory_limit.strip()):
            raise StoreError(f"memory limit {memory_limit!r}: expected a size such as 256MB or 2GB")
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as error:
            raise StoreError(f"cannot open store {self.path}: {error}") from error
        try:
            if memory_limit is not None:
                self.con.execute(f"SET memory_limit = '{memory_limit.strip()}'")
            for name, value in INDEX_SCANS.items():
                self.con.execute(f"SET {name} = {value}")
            if not read_only:
                self.con.execute(f"SET checkpoint_threshold = '{CHECKPOINT_THRESHOLD}'")
                self.migrate()
            version, latest = self.schema_version(), latest_version(self.model)
            if version > latest:
                raise StoreError(f"{self.path} is at schema version {version}, newer than this veille "
                                 f"({latest}): upgrade veille")
            if read_only and version < latest:
                found = f"at schema version {version}" if version else "not a veille store"
                raise StoreError(f"{self.path} is {found}; upgrade it with "
                                 f"'veille migrate --db {self.path}'")
        except BaseException:
            self.con.close()
            raise

    # -- schema -----------------------------------------------------------------
    def schema_version(self) -> int:
        exists = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
        ).fetchone()
        if not exists or not exists[0]:
            return 0
        row = self.con.execute("SELECT max(version) FROM schema_version").fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    def migrate(self) -> int:
        """Bring the store to the latest version, each migration and its version row in one transaction: a
        failing step leaves the file whole at the version before it, and the next open resumes from there."""
        self.con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER, applied_at TIMESTAMP)")
        current = self.schema_version()
        for version in sorted(v for v in MIGRATIONS if v > current):
            with self.transaction():
                MIGRATIONS[version](self.con, self.model)
                self.con.execute("INSERT INTO schema_version VALUES (?, ?)", [version, _now()])
        return self.schema_version()

    # -- writing ----------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield self.con
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    def known_documents(self, doc_ids: Sequence[str]) -> set[str]:
        if not doc_ids:
            return set()
        rows = self.con.execute(
            "SELECT doc_id FROM documents WHERE doc_id IN (SELECT unnest(?))", [list(doc_ids)]
        ).fetchall()
        return {r[0] for r in rows}

    def write(self, batch: Batch, frames: Mapping[str, pa.Table] | None = None) -> None:
        """Write every table of the batch, and the Arrow tables `frames` (by table name, columns
        as `arrow_table` makes them), in one transaction; the derived tables (store/derived.py)
        count the events written. The annotations (CHILD_TABLES) of a document stored before are
        not written again: writing the same documents twice stores them once."""
        frames = dict(frames or {})
        with self.transaction():
            ids = [row["doc_id"] for row in batch.rows.get("documents", [])]
            if "documents" in frames:
                ids += frames["documents"].column("doc_id").to_pylist()
            known = self.known_documents(ids)  # written before: their annotations are stored already
            for name, rows in batch.rows.items():
                if name in CHILD_TABLES and known:
                    rows = [row for row in rows if row.get("doc_id") not in known]
                if rows:
                    self._insert(self.model[name], arrow_table(self.model[name], rows))
            for name, frame in frames.items():
                if name in CHILD_TABLES and known:
                    frame = frame.filter(pc.invert(pc.is_in(frame.column("doc_id"), pa.array(sorted(known)))))
                if frame.num_rows:
                    self._insert(self.model[name], frame)
            new = [doc_id for doc_id in dict.fromkeys(ids) if doc_id not in known]
            if new:
                self._index_documents(new, batch, frames)
            derived.refresh_first_seen(self.con, _stories_written(batch, frames, set(new)))
            derived.keep_sorted(self.con)

    def _index_documents(self, doc_ids: list[str], batch: Batch, frames: Mapping[str, pa.Table]) -> None:
        """document_index and document_days count the documents just written, with their mentions'
        keys (from the batch and frames, not the whole mentions table)."""
        keys = [pa.table({"doc_id": pa.array([m.get("doc_id") for m in batch.rows.get("mentions", [])], pa.string()),
                          "code": pa.array([m.get("code") for m in batch.rows.get("mentions", [])], pa.string()),
                          "actor_id": pa.array([m.get("actor_id") for m in batch.rows.get("mentions", [])],
                                               pa.string())})]
        if "mentions" in frames:
            keys.append(frames["mentions"].select(["doc_id", "code", "actor_id"]))
        self.con.register("_veille_new_docs", pa.table({"doc_id": pa.array(doc_ids, pa.string())}))
        self.con.register("_veille_new_mentions", pa.concat_tables(keys))
        try:
            derived.add_documents(self.con, "_veille_new_docs", "_veille_new_mentions")
        finally:
            self.con.unregister("_veille_new_docs")
            self.con.unregister("_veille_new_mentions")
        new, texts = set(doc_ids), []
        for row in batch.rows.get("documents", []):
            if row["doc_id"] in new:
                texts.append((row["doc_id"], row.get("published"), row.get("title"), row.get("text")))
                new.discard(row["doc_id"])
        if "documents" in frames:
            frame = frames["documents"]
            columns = (frame.column(c).to_pylist() for c in ("doc_id", "published", "title", "text"))
            for doc_id, published, title, text in zip(*columns, strict=True):
                if doc_id in new:
                    texts.append((doc_id, published, title, text))
                    new.discard(doc_id)
        derived.add_words(self.con, texts)

    def _insert(self, table: Table, frame: pa.Table) -> None:
        select = ", ".join(
            f"CAST({quote(f.name)} AS JSON)" if f.type == "json" else quote(f.name) for f in table.fields
        )
        verb = "INSERT OR IGNORE" if table.name in PRIMARY_KEYED else "INSERT"
        columns = ", ".join(quote(c) for c in table.columns)
        self.con.register("_veille_frame", frame)
        try:
            self.con.execute(f"{verb} INTO {quote(table.name)} ({columns}) SELECT {select} FROM _veille_frame")
        finally:
            self.con.unregister("_veille_frame")
        if table.name == "events":
            derived.add(self.con, frame)

    # -- reading ----------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        return {
            name: int(self.con.execute(f"SELECT count(*) FROM {quote(name)}").fetchone()[0])  # type: ignore[index]
            for name, table in self.model.tables.items() if not table.derived
        }

    def iter_rows(self, table: str, *, batch_size: int = 10_000,
                  at_least: Sequence[tuple[str, float]] = ()) -> Iterator[dict[str, Any]]:
        """Every row of a table in a stable order, JSON fields decoded, streamed in batches; with `at_least`
        ((column, floor)...), only the rows whose columns are at least their floors (null is not)."""
        spec = self.model[table]
        order = ", ".join(quote(k) for k in spec.key) or "1"
        where = " AND ".join(f"{quote(spec.field(column).name)} >= ?" for column, _ in at_least)
        cursor = self.con.cursor()
        cursor.execute(f"SELECT {', '.join(quote(c) for c in spec.columns)} FROM {quote(table)}"
                       f"{' WHERE ' + where if where else ''} ORDER BY {order}", [floor for _, floor in at_least])
        json_fields = {f.name for f in spec.fields if f.type == "json"}
        while True:
            chunk = cursor.fetchmany(batch_size)
            if not chunk:
                break
            for values in chunk:
                row = dict(zip(spec.columns, values, strict=True))
                for name in json_fields:
                    if isinstance(row[name], str):
                        row[name] = json.loads(row[name])
                yield row
        cursor.close()

    def connection(self) -> Store:
        """This store on a connection of its own to the same open database, with its own
        transactions: for another thread (DuckDB connections are not thread-safe)."""
        other = object.__new__(Store)
        other.path, other.model, other.con = self.path, self.model, self.con.cursor()
        return other

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _stories_written(batch: Batch, frames: Mapping[str, pa.Table], new: set[str]) -> set[str | None]:
    """The stories a write changes: those of its new documents, and of its stories and merged events rows."""
    found: set[str | None] = set()
    for name in ("documents", "stories", "merged_events"):
        for row in batch.rows.get(name, []):
            if name != "documents" or row.get("doc_id") in new:
                found.add(row.get("story_id"))
        frame = frames.get(name)
        if frame is not None and "story_id" in frame.column_names:
            if name == "documents":
                frame = frame.filter(pc.is_in(frame.column("doc_id"), pa.array(sorted(new), pa.string())))
            found.update(frame.column("story_id").to_pylist())
    return found


def arrow_table(table: Table, rows: list[dict[str, Any]]) -> pa.Table:
    """The rows as an Arrow table with the model's columns (JSON fields as text), ready for `write`."""
    arrays = []
    for f in table.fields:
        if f.type in ("json", "list"):
            values = [_to_column_value(row.get(f.name), f.type) for row in rows]
        else:  # arrow takes them as they are
            values = [row.get(f.name) for row in rows]
        arrays.append(pa.array(values, type=ARROW_TYPES[f.type]))
    return pa.Table.from_arrays(arrays, names=table.columns)


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _to_column_value(value: Any, kind: str) -> Any:
    if value is None:
        return None
    if kind == "json":
        return json.dumps(value, ensure_ascii=False)
    if kind == "list":
        return [str(v) for v in value]
    return value
