"""The DuckDB store: schema from model.yaml, migrations, transactional writes, exports."""

from __future__ import annotations

import csv
import json

import duckdb
import pyarrow.parquet as pq
import pytest

from veille.model import load_model
from veille.store import Batch, Store, StoreError, derived
from veille.store.duckdb_store import MIGRATIONS
from veille.store.export import export


def _batch(doc_id: str = "d1") -> Batch:
    batch = Batch()
    batch.add("documents", {"doc_id": doc_id, "source": "a.txt", "text": "Le Kazakhstan.", "lang": "fr"})
    batch.add("sources", {"doc_id": doc_id, "source": "a.txt"})
    batch.add("mentions", {"doc_id": doc_id, "source": "a.txt", "start": 3, "end": 13,
                           "text": "Kazakhstan", "label": "LOC", "code": "KAZ"})
    batch.add("events", {"event_id": f"{doc_id}-000", "doc_id": doc_id, "type": "AID",
                         "actor": [{"text": "Arménie", "code": "ARM"}], "context": ["military"],
                         "size": {"troops": 100}, "reported_by": None, "start": 0, "end": 14})
    return batch


def test_schema_follows_the_model(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    model = load_model()
    for table in model.tables.values():
        columns = [r[0] for r in store.con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
            [table.name]).fetchall()]
        assert columns == table.columns
    assert store.schema_version() == max(MIGRATIONS)


def test_a_model_version_without_its_migration_is_refused(tmp_path, monkeypatch):
    assert load_model().version == max(MIGRATIONS)
    monkeypatch.setitem(MIGRATIONS, max(MIGRATIONS) + 1, lambda con, model: None)
    with pytest.raises(StoreError, match="model.yaml declares schema version"):
        Store(tmp_path / "s.duckdb")


def test_reopening_keeps_data_and_version(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.write(_batch())
    with Store(path) as store:
        assert store.schema_version() == max(MIGRATIONS)
        assert store.counts()["documents"] == 1
        assert store.con.execute("SELECT count(*) FROM schema_version").fetchone()[0] == max(MIGRATIONS)


def test_duplicate_documents_and_sources_are_ignored(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    store.write(_batch())
    batch = Batch()
    batch.add("documents", {"doc_id": "d1", "source": "b.txt", "text": "other"})
    batch.add("sources", {"doc_id": "d1", "source": "a.txt"})
    batch.add("sources", {"doc_id": "d1", "source": "b.txt"})
    store.write(batch)
    assert store.counts()["documents"] == 1
    assert store.counts()["sources"] == 2
    assert store.known_documents(["d1", "zz"]) == {"d1"}


def test_a_failing_batch_writes_nothing(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    batch = _batch()
    batch.add("sentences", {"doc_id": "d1", "idx": "not a number"})
    with pytest.raises((duckdb.Error, TypeError, ValueError)):
        store.write(batch)
    assert store.counts()["documents"] == 0
    assert store.counts()["mentions"] == 0


def test_read_only_refuses_a_foreign_file(tmp_path):
    path = tmp_path / "other.duckdb"
    duckdb.connect(str(path)).execute("CREATE TABLE x (a INT)").close()
    with pytest.raises(StoreError):
        Store(path, read_only=True)


def test_json_fields_round_trip(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    store.write(_batch())
    (event,) = store.iter_rows("events")
    assert event["actor"] == [{"text": "Arménie", "code": "ARM"}]
    assert event["size"] == {"troops": 100}
    assert event["context"] == ["military"]
    assert event["reported_by"] is None


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_exports_have_the_model_columns(tmp_path, fmt):
    store = Store(tmp_path / "s.duckdb")
    store.write(_batch("d1"))
    store.write(_batch("d2"))
    out = tmp_path / f"events.{fmt}"
    assert export(store, "events", fmt, out) == 2
    columns = load_model()["events"].columns
    if fmt == "jsonl":
        rows = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
        assert list(rows[0]) == columns
        assert rows[0]["size"] == {"troops": 100}
    elif fmt == "csv":
        with out.open(encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        assert list(rows[0]) == columns
        assert json.loads(rows[0]["actor"]) == [{"text": "Arménie", "code": "ARM"}]
    else:
        table = pq.read_table(out)
        assert table.column_names == columns
        assert json.loads(table.column("size")[0].as_py()) == {"troops": 100}


def test_export_rejects_unknown_names(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    with pytest.raises(ValueError, match="unknown table"):
        export(store, "nope", "jsonl", tmp_path / "x")
    with pytest.raises(ValueError, match="unknown format"):
        export(store, "events", "xml", tmp_path / "x")


def test_an_older_store_is_upgraded_when_opened_for_writing(tmp_path):
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_version (version INTEGER, applied_at TIMESTAMP)")
    MIGRATIONS[1](con, load_model())
    con.execute("INSERT INTO schema_version VALUES (1, now())")
    con.close()
    with pytest.raises(StoreError, match="schema version 1.*veille migrate"):
        Store(path, read_only=True)
    with Store(path) as store:
        assert store.schema_version() == max(MIGRATIONS)
        store.write(_batch())
    with Store(path, read_only=True) as store:
        assert store.counts()["documents"] == 1


def test_memory_limit_caps_duckdb_cache(tmp_path):
    with Store(tmp_path / "capped.duckdb", memory_limit="64MB") as store:
        limit = store.con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
        assert limit.replace(" ", "").upper() in {"64.0MIB", "61.0MIB", "64MB", "61.0MB", "64.0MB"}, limit
        store.write(_one_document("d1"))
        assert store.counts()["documents"] == 1
    with pytest.raises(StoreError, match="expected a size"):
        Store(tmp_path / "bad.duckdb", memory_limit="lots'; DROP TABLE documents; --")
    assert not (tmp_path / "bad.duckdb").exists()


def _one_document(doc_id: str) -> Batch:
    batch = Batch()
    batch.add("documents", {"doc_id": doc_id, "text": "Le Kazakhstan."})
    return batch


def test_version_4_reciprocal_context_becomes_the_symmetric_flag(tmp_path):
    path = tmp_path / "v4.duckdb"
    with Store(path) as store:
        batch = _one_document("d1")
        for number, context in enumerate((["reciprocal", "economic"], ["military"], None)):
            batch.add("events", {"event_id": f"d1-{number:03d}", "doc_id": "d1", "type": "CONSULT",
                                 "context": context})
        store.write(batch)
        with derived.unindexed(store.con, "events"):  # DuckDB alters no indexed table
            store.con.execute('ALTER TABLE events DROP COLUMN "symmetric"')
        store.con.execute("DELETE FROM schema_version WHERE version >= 5")
    with Store(path) as store:
        assert store.schema_version() == max(MIGRATIONS)
        rows = store.con.execute('SELECT context, "symmetric" FROM events ORDER BY event_id').fetchall()
        assert rows == [(["economic"], True), (["military"], False), (None, False)]


def test_version_6_adds_the_watch_tables(tmp_path):
    path = tmp_path / "v5.duckdb"
    with Store(path) as store:
        store.con.execute("DROP TABLE watch_seen")
        store.con.execute("DROP TABLE watch_sources")
        store.con.execute("DELETE FROM schema_version WHERE version >= 6")
    with Store(path) as store:
        assert store.schema_version() == max(MIGRATIONS)
        assert store.counts()["watch_seen"] == store.counts()["watch_sources"] == 0
        columns = [r[0] for r in store.con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'watch_sources' "
            "ORDER BY ordinal_position").fetchall()]
        assert columns == load_model()["watch_sources"].columns


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    return [r[0] for r in con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                                      "ORDER BY ordinal_position", [table]).fetchall()]


def test_a_failing_migration_leaves_the_store_at_its_previous_version(tmp_path, monkeypatch):
    """A migration and its version bump are one transaction: when the last migration fails after altering
    tables and rows, the file is as the previous version left it (version, columns, rows), and opening it
    with the working migration upgrades it."""
    path = tmp_path / "old.duckdb"
    with Store(path) as store:
        store.write(_batch("d1"))
        store.write(_batch("d2"))
        last = max(MIGRATIONS)
        store.con.execute(f"DELETE FROM schema_version WHERE version >= {last}")  # back to the previous version
        with derived.unindexed(store.con, "events"):
            store.con.execute("ALTER TABLE events DROP COLUMN politics")
    with duckdb.connect(str(path)) as con:
        before = (_columns(con, "events"), con.execute("SELECT * FROM events ORDER BY event_id").fetchall(),
                  con.execute("SELECT * FROM documents ORDER BY doc_id").fetchall())
    real = MIGRATIONS[last]

    def failing(con: duckdb.DuckDBPyConnection, model) -> None:
        real(con, model)  # adds columns, updates rows, rebuilds an index...
        con.execute("DELETE FROM documents")
        raise RuntimeError("disk full")

    monkeypatch.setitem(MIGRATIONS, last, failing)
    with pytest.raises(RuntimeError, match="disk full"):
        Store(path)
    with duckdb.connect(str(path)) as con:
        assert con.execute("SELECT max(version) FROM schema_version").fetchone()[0] == last - 1
        assert (_columns(con, "events"), con.execute("SELECT * FROM events ORDER BY event_id").fetchall(),
                con.execute("SELECT * FROM documents ORDER BY doc_id").fetchall()) == before
    monkeypatch.setitem(MIGRATIONS, last, real)
    with Store(path) as store:
        assert store.schema_version() == last
        assert store.counts()["documents"] == 2


def test_a_migration_failing_half_way_keeps_the_steps_before_it(tmp_path, monkeypatch):
    """From an empty file, a failure at one step leaves the store at the step before it, whole: the next
    open resumes from there."""
    path = tmp_path / "new.duckdb"
    middle = max(MIGRATIONS) // 2 + 1

    def failing(con: duckdb.DuckDBPyConnection, model) -> None:
        con.execute("CREATE TABLE half_done (x INTEGER)")
        raise RuntimeError("interrupted")

    real = MIGRATIONS[middle]
    monkeypatch.setitem(MIGRATIONS, middle, failing)
    with pytest.raises(RuntimeError, match="interrupted"):
        Store(path)
    with duckdb.connect(str(path)) as con:
        assert con.execute("SELECT max(version) FROM schema_version").fetchone()[0] == middle - 1
        assert "half_done" not in {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables")
                                   .fetchall()}
    monkeypatch.setitem(MIGRATIONS, middle, real)
    with Store(path) as store:
        assert store.schema_version() == max(MIGRATIONS)
        store.write(_batch())
        assert store.counts()["documents"] == 1
