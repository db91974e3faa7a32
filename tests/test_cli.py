"""The `veille` command, run as a real process: help, ingest with bad input, stats, export."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from conftest import ARTICLES, ROOT

# Root reads any file; without these capabilities file permissions apply to it as to anyone.
DROP_DAC = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"] if os.geteuid() == 0 else []


def veille(*args: str, cwd: Path = ROOT, obey_permissions: bool = False, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "120"}
    prefix = DROP_DAC if obey_permissions else []
    return subprocess.run([*prefix, sys.executable, "-m", "veille.cli", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300, **kwargs)


def test_help_reads_like_a_manual():
    result = veille("--help")
    assert result.returncode == 0
    for command in ("ingest", "export", "stats"):
        assert command in result.stdout
    ingest_help = veille("ingest", "--help").stdout
    assert "--strict" in ingest_help and "--db" in ingest_help and "stdin" in ingest_help
    assert "--processes" in ingest_help and "--memory-limit" in ingest_help and "--workers" in ingest_help


@pytest.fixture()
def bad_folder():
    """A folder holding good and bad inputs."""
    folder = Path(tempfile.mkdtemp(prefix="veille-bad-"))
    inputs = folder / "inputs"
    inputs.mkdir()
    shutil.copy(next(ARTICLES.glob("01_*.txt")), inputs / "good_article.txt")
    (inputs / "good.md").write_text("# Titre\n\nLe président kazakh a demandé l'aide de l'OTSC mercredi.\n", "utf-8")
    (inputs / "binary.bin").write_bytes(bytes(range(256)) * 40)
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "broken.txt").write_bytes(b"Le pr\xc3\xa9sident \x81\x8d\x8f\x90\x9d \xff\xfe")
    (inputs / "records.jsonl").write_text(
        json.dumps({"id": "ok-1", "text": "Moscou a envoyé des troupes au Kazakhstan jeudi."}, ensure_ascii=False)
        + "\n" + '{"id": "cut", "text": "Erevan a annon', "utf-8")
    (inputs / "nav.html").write_text("<html><head><title>Accueil</title></head><body><nav><a href='/'>Accueil"
                                     "</a></nav></body></html>", "utf-8")
    with (inputs / "huge.txt").open("w", encoding="utf-8") as handle:
        line = "Le Kazakhstan et la Russie ont signé un accord de coopération militaire. " * 20 + "\n"
        while handle.tell() < 50 * 1024 * 1024:
            handle.write(line)
    secret = inputs / "secret.txt"
    secret.write_text("Le ministre a déclaré que les troupes resteraient.", "utf-8")
    secret.chmod(0o000)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def test_bad_inputs_are_reported_and_skipped(bad_folder):
    db = bad_folder / "store.duckdb"
    first = veille("ingest", "--db", str(db), "inputs", cwd=bad_folder, obey_permissions=True)
    output = first.stdout + first.stderr
    assert first.returncode == 0, output  # good files went in; failures are listed
    for name in ("binary.bin", "empty.txt", "broken.txt", "records.jsonl:2", "nav.html", "huge.txt",
                 "secret.txt"):
        assert name in output, f"{name} not reported:\n{output}"
    assert "3 new" in output
    assert "7 failed" in output

    strict = veille("ingest", "--strict", "--db", str(db), "inputs", cwd=bad_folder, obey_permissions=True)
    assert strict.returncode == 1
    assert "0 new, 3 duplicate" in strict.stdout + strict.stderr

    stats = veille("stats", "--db", str(db), cwd=bad_folder, obey_permissions=True)
    assert stats.returncode == 0
    assert "documents" in stats.stdout


def test_stdin_and_export_to_stdout(tmp_path):
    db = tmp_path / "s.duckdb"
    text = "Le Premier ministre arménien Nikol Pachinian a annoncé l'envoi de troupes au Kazakhstan."
    result = veille("ingest", "--quiet", "--db", str(db), "-", input=text)
    assert result.returncode == 0, result.stderr
    exported = veille("export", "documents", "--db", str(db))
    (doc,) = [json.loads(line) for line in exported.stdout.splitlines()]
    assert doc["text"] == text and doc["source"] == "<stdin>"
    missing = veille("export", "events", "--db", str(tmp_path / "none.duckdb"))
    assert missing.returncode == 2 and "no store" in missing.stderr


def test_two_processes_store_what_one_stores(tmp_path):
    exports = {}
    for processes in ("1", "2"):
        db = tmp_path / f"p{processes}.duckdb"
        result = veille("ingest", "--db", str(db), "--processes", processes, "--memory-limit", "128MB", str(ARTICLES))
        assert result.returncode == 0, result.stderr
        out = tmp_path / f"events-{processes}.jsonl"
        assert veille("export", "events", "--db", str(db), "-o", str(out)).returncode == 0
        exports[processes] = sorted(out.read_text("utf-8").splitlines())
    assert len(exports["1"]) >= 6 and exports["1"] == exports["2"]  # 6 over the threshold chosen at stop 24


def test_a_bad_memory_limit_is_refused(tmp_path):
    result = veille("ingest", "--db", str(tmp_path / "m.duckdb"), "--memory-limit", "beaucoup", str(ARTICLES))
    assert result.returncode == 2 and "expected a size" in result.stdout + result.stderr


def test_migrate_recomputes_stale_merged_events(tmp_path):
    import duckdb

    db = tmp_path / "m.duckdb"
    assert veille("ingest", "--db", str(db), str(ARTICLES)).returncode == 0
    con = duckdb.connect(str(db))
    merged = con.execute("SELECT count(*) FROM merged_events").fetchone()[0]
    con.execute("UPDATE stories SET merged_at = NULL")
    con.execute("DELETE FROM merged_events")
    con.close()
    result = veille("migrate", "--db", str(db))
    assert result.returncode == 0 and "recomputed" in result.stdout + result.stderr, result
    con = duckdb.connect(str(db))
    assert con.execute("SELECT count(*) FROM merged_events").fetchone()[0] == merged > 0
    assert con.execute("SELECT count(*) FROM stories WHERE merged_at IS NULL").fetchone()[0] == 0
    con.close()


def test_processes_and_dask_workers_are_exclusive(tmp_path):
    result = veille("ingest", "--db", str(tmp_path / "x.duckdb"), "--processes", "2", "--workers", "2", str(ARTICLES))
    assert result.returncode == 2 and "one or the other" in " ".join((result.stdout + result.stderr).split())


def test_every_ner_mode_codes_the_same_events(tmp_path):
    """--ner all runs the model's NER on every sentence, unknown (the default) only where a name is not
    in the knowledge base, off nowhere: the articles' events and linked actors are the same, only names
    nobody knows stop being mentions without it."""
    rows = {}
    for mode in ("all", "unknown", "off"):
        db = tmp_path / f"{mode}.duckdb"
        assert veille("ingest", "--quiet", "--db", str(db), "--ner", mode, str(ARTICLES)).returncode == 0
        rows[mode] = {}
        for table in ("events", "mentions"):
            out = tmp_path / f"{mode}-{table}.jsonl"
            assert veille("export", table, "--db", str(db), "-o", str(out)).returncode == 0
            rows[mode][table] = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    events = {mode: sorted(json.dumps(e, sort_keys=True) for e in rows[mode]["events"]) for mode in rows}
    # 6 of the two articles' events are over the threshold chosen at stop 24
    assert len(events["all"]) >= 6 and events["unknown"] == events["all"] and events["off"] == events["all"]
    linked = {mode: {(m["doc_id"], m["start"], m["actor_id"]) for m in rows[mode]["mentions"] if m["actor_id"]}
              for mode in rows}
    assert linked["unknown"] == linked["all"] and linked["off"] == linked["all"]
    unlinked = {mode: {(m["doc_id"], m["start"], m["end"], m["label"]) for m in rows[mode]["mentions"]
                       if not m["actor_id"] and m["label"] in ("PER", "ORG", "LOC", "MISC")} for mode in rows}
    assert len(unlinked["off"]) < len(unlinked["unknown"]) <= len(unlinked["all"])


def test_an_unknown_ner_mode_is_refused(tmp_path):
    result = veille("ingest", "--db", str(tmp_path / "x.duckdb"), "--ner", "some", str(ARTICLES))
    assert result.returncode == 2 and "some" in result.stdout + result.stderr
