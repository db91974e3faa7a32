"""Ingest on a cluster started as on several machines: `dask scheduler` and two `dask worker`
processes on 127.0.0.1, the shards coming back over Dask's connections; the store must equal
a one-process ingest's."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import store_snapshot
from distributed import Client

import veille
from veille.pipeline import Ingestor
from veille.scale.dask_ingest import ingest_distributed
from veille.store import Store

# Written for this test: two outlets telling one story, a copy of the first dispatch in a later
# chunk (chunks of two), a text in English (stored, not parsed), a text with nothing left to clean.
TEXTS = [
    ("agence-a.fr", "2024-03-04", "Le président Emmanuel Macron a rencontré lundi à Paris le chancelier "
     "allemand Olaf Scholz pour discuter de l'aide à l'Ukraine."),
    ("journal-b.fr", "2024-03-04", "Emmanuel Macron et Olaf Scholz se sont rencontrés à Paris. Les deux "
     "dirigeants ont promis une aide militaire supplémentaire à Kiev."),
    ("journal-c.fr", "2024-03-05", "Des milliers d'agriculteurs ont manifesté mardi à Bruxelles contre "
     "la politique agricole commune, selon la police belge."),
    ("agence-a.fr", "2024-03-04", "Le président Emmanuel Macron a rencontré lundi à Paris le chancelier "
     "allemand Olaf Scholz pour discuter de l'aide à l'Ukraine."),
    ("daily-d.com", "2024-03-05", "Thousands of farmers protested in Brussels on Tuesday against the "
     "common agricultural policy, police said."),
    ("journal-e.fr", "2024-03-06", "Le gouvernement israélien a condamné l'attaque menée mercredi contre "
     "un poste militaire près de Gaza."),
    ("journal-f.fr", "2024-03-06", "   "),
]
START_TIMEOUT = 60  # seconds for the scheduler and the workers to be up


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=20)


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory) -> Iterator[str]:
    """The address of a scheduler with two workers, each its own process."""
    logs = tmp_path_factory.mktemp("cluster")
    address = f"tcp://127.0.0.1:{_free_port()}"
    env = dict(os.environ)  # the workers import this veille (and its test actors folder)
    env["PYTHONPATH"] = os.pathsep.join([str(Path(veille.__file__).parents[1]), env.get("PYTHONPATH", "")])
    dask = [sys.executable, "-m", "dask"]
    commands = [[*dask, "scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1], "--no-dashboard"]]
    commands += [[*dask, "worker", address, "--nthreads", "1", "--no-nanny", "--no-dashboard", "--host", "127.0.0.1",
                  "--name", f"w{n}", "--local-directory", str(logs / f"w{n}")] for n in (1, 2)]
    processes: list[subprocess.Popen[bytes]] = []
    try:
        for number, command in enumerate(commands):
            with (logs / f"{number}.log").open("wb") as log:  # the child keeps its own handle
                processes.append(subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT,
                                                  start_new_session=True))
        with Client(address, timeout=START_TIMEOUT) as client:
            client.wait_for_workers(2, timeout=START_TIMEOUT)
        yield address
    finally:
        for process in reversed(processes):
            _stop(process)


@pytest.fixture()
def feed(tmp_path) -> Path:
    path = tmp_path / "feed.jsonl"
    records = [{"url": f"https://{outlet}/{n}", "outlet": outlet, "published": day, "text": text,
                "title": text.strip()[:40] or None} for n, (outlet, day, text) in enumerate(TEXTS)]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return path


def test_separate_scheduler_and_workers_give_the_store_of_one_process(scheduler, feed, tmp_path, veille_nlp):
    with Store(tmp_path / "one.duckdb") as store:
        expected_report = Ingestor(store, nlp=veille_nlp).ingest_paths([feed])
        expected = store_snapshot(store)
    started = time.monotonic()
    with Client(scheduler, timeout=START_TIMEOUT) as client, Store(tmp_path / "dask.duckdb") as store:
        report = ingest_distributed(store, [feed], client, chunk_size=2)
        assert set(client.run(os.getpid).values()).isdisjoint({os.getpid()})  # parsed elsewhere
        assert report.as_dict() == expected_report.as_dict()
        assert (report.new, report.duplicates, report.unsupported, report.failed) == (5, 1, 1, 1)
        assert store_snapshot(store) == expected
    assert time.monotonic() - started < 300


def test_the_command_line_ingests_on_the_cluster(scheduler, feed, tmp_path):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path(veille.__file__).parents[1]),
                                                        os.environ.get("PYTHONPATH", "")])}
    db = tmp_path / "cli.duckdb"
    result = subprocess.run([sys.executable, "-m", "veille.cli", "ingest", "--db", str(db), "--quiet",
                             "--scheduler", scheduler, "--chunk-size", "3", str(feed)],
                            env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    with Store(db, read_only=True) as store:
        assert store.counts()["documents"] == 5 and store.counts()["sources"] == 6
