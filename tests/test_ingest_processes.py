"""`veille ingest --processes N`: one `nlp.pipe` over the whole run, written in batches.

The real model, real DuckDB files, small write batches so that copies of a document fall
in the same batch, in a later batch while the first copy is still in the pipeline, and
after it was stored; one document is in the store before the run.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import depeches

from veille.ingest.types import RawDocument
from veille.pipeline import Ingestor, IngestReport
from veille.store import Batch, Store

ENGLISH = ("The president asked the alliance for help as protesters stormed the buildings "
           "of the government in the largest city of the country on Wednesday.")
TIMESTAMPS = {"ingested_at", "seen_at", "updated_at", "merged_at"}


def _records() -> dict[str, dict[str, Any]]:
    return depeches()


def _copy(record: dict[str, Any], outlet: str) -> dict[str, Any]:
    """The same text from another outlet: same doc_id, another source."""
    return {**record, "id": f"{record['id']}-{outlet}", "url": f"https://{outlet}/{record['id']}", "outlet": outlet}


def _corpus(path: Path) -> Path:
    records = _records()
    english = {"id": "EN", "url": "https://example.com/en", "outlet": "example.com", "text": ENGLISH}
    lines = [
        records["K01"], records["K02"], _copy(records["K01"], "copie.example"),  # copy in the same batch
        records["A01"], _copy(records["K01"], "autre.example"), english,  # A01 is stored before the run
        records["K03"], None, records["A02"], _copy(english, "en.example"),  # None: a line that fails
        records["T01"], _copy(records["K02"], "troisieme.example"), records["M01"],
    ]
    with path.open("w", encoding="utf-8") as handle:
        for record in lines:
            line = '{"id": "cassé", "text": ' if record is None else json.dumps(record, ensure_ascii=False)
            handle.write(line + "\n")
    return path


def _snapshot(store: Store) -> dict[str, list[str]]:
    out = {}
    for table in store.model.tables:
        rows = []
        for row in store.iter_rows(table):
            for name in TIMESTAMPS:
                row.pop(name, None)
            rows.append(json.dumps(row, sort_keys=True, default=str, ensure_ascii=False))
        out[table] = sorted(rows)
    return out


def _ingest(db: Path, corpus: Path, nlp: Any, n_process: int) -> tuple[IngestReport, list[list[str]]]:
    """Ingest with write batches of 3; the doc ids of each transaction, in order."""
    with Store(db) as store:
        written: list[list[str]] = []
        write = store.write

        def recording(batch: Batch) -> None:
            written.append([r["doc_id"] for r in batch.rows.get("documents", [])])
            write(batch)

        store.write = recording  # type: ignore[method-assign]
        report = Ingestor(store, nlp=nlp, batch_size=3, nlp_batch_size=2, n_process=n_process).ingest_paths([corpus])
    return report, written


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return _corpus(tmp_path_factory.mktemp("corpus") / "corpus.jsonl")


@pytest.fixture(scope="module")
def runs(tmp_path_factory, veille_nlp, corpus) -> dict[int, dict[str, Any]]:
    stored = tmp_path_factory.mktemp("stored") / "a01.jsonl"
    stored.write_text(json.dumps(_copy(_records()["A01"], "avant.example"), ensure_ascii=False) + "\n", "utf-8")
    out = {}
    for n in (1, 2):
        db = tmp_path_factory.mktemp(f"n{n}") / "store.duckdb"
        with Store(db) as store:
            Ingestor(store, nlp=veille_nlp).ingest_paths([stored])
        report, written = _ingest(db, corpus, veille_nlp, n)
        with Store(db) as store:
            out[n] = {"db": db, "report": report, "written": written, "snapshot": _snapshot(store)}
    return out


def test_counts(runs):
    for run in runs.values():
        report = run["report"]
        assert report.as_dict() | {"failures": None} == {
            "read": 13, "new": 7, "duplicates": 5, "unsupported": 1, "failed": 1, "failures": None}


def test_two_processes_store_the_same_rows_as_one(runs):
    one, two = runs[1], runs[2]
    assert two["report"].as_dict() == one["report"].as_dict()
    assert two["snapshot"] == one["snapshot"]
    assert len(one["snapshot"]["sources"]) == 13  # every copy read, and the stored one's first source
    assert one["snapshot"]["events"] and one["snapshot"]["stories"]


def test_batches_are_written_in_input_order(runs):
    urls = {key: record["url"] for key, record in _records().items()} | {"EN": "https://example.com/en"}
    for run in runs.values():
        with Store(run["db"]) as store:
            names = {d["doc_id"]: key for d in store.iter_rows("documents") for key, url in urls.items()
                     if d["url"] == url}
        assert [[names[d] for d in batch] for batch in run["written"]] == [
            ["K01", "K02"], ["EN"], ["K03", "A02"], ["T01", "M01"]]


def test_rerun_is_idempotent(runs, corpus, veille_nlp):
    run = runs[2]
    report, written = _ingest(run["db"], corpus, veille_nlp, 2)
    assert report.new == 0 and report.duplicates == 12 and report.failed == 1
    assert written == [[]] * 4
    with Store(run["db"]) as store:
        assert _snapshot(store) == run["snapshot"]


def test_the_stream_is_read_lazily(tmp_path, veille_nlp):
    pulled = [0]
    at_first_write: list[int] = []

    def items() -> Iterator[RawDocument]:
        for n in range(40):
            pulled[0] += 1
            yield RawDocument(source=f"r{n}", text=f"Dépêche {n} : le président a reçu le ministre à Paris.",
                              format="record")

    with Store(tmp_path / "s.duckdb") as store:
        write = store.write

        def recording(batch: Batch) -> None:
            at_first_write.append(pulled[0])
            write(batch)

        store.write = recording  # type: ignore[method-assign]
        report = Ingestor(store, nlp=veille_nlp, batch_size=3, nlp_batch_size=2).ingest_raw(items())
        assert report.new == 40 and store.counts()["documents"] == 40
    assert at_first_write[0] <= 12  # a few batches ahead, not the whole stream


@pytest.mark.parametrize("n_process", [1, 2])
@pytest.mark.parametrize("where", ["write", "read"])
def test_an_error_stops_the_run_and_a_rerun_completes(tmp_path, corpus, veille_nlp, where, n_process):
    """With two processes, the workers stop too (spaCy would wait for them forever)."""
    with Store(tmp_path / "failed.duckdb") as store:
        write = store.write
        calls = [0]

        def failing_write(batch: Batch) -> None:
            calls[0] += 1
            if calls[0] == 2:
                raise OSError("disk full")
            write(batch)

        def failing_progress(report: IngestReport) -> None:
            if report.read == 7:
                raise OSError("disk full")

        if where == "write":
            store.write = failing_write  # type: ignore[method-assign]
        ingestor = Ingestor(store, nlp=veille_nlp, batch_size=3, nlp_batch_size=2, n_process=n_process)
        with pytest.raises(OSError, match="disk full"):
            ingestor.ingest_paths([corpus], progress=failing_progress if where == "read" else None)
        partial = store.counts()["documents"]
        assert partial == 2 if where == "write" else partial < 8  # batches are all or nothing
        store.write = write  # type: ignore[method-assign]
        report = ingestor.ingest_paths([corpus])
        assert report.new + partial == 8  # A01 too: not stored before this run
