"""Ingest on a real distributed.LocalCluster: same result as one process, survives a dead worker."""

from __future__ import annotations

import os
import signal
import time

import pytest
from conftest import ARTICLES, CORPUS_DOCUMENTS, DEPECHES, store_snapshot
from distributed import Client, LocalCluster

from veille.pipeline import Ingestor
from veille.scale.dask_ingest import ingest_distributed
from veille.store import Store


@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      host="127.0.0.1") as local, Client(local) as client:
        yield client


@pytest.fixture(scope="module")
def one_process(tmp_path_factory, veille_nlp):
    store = Store(tmp_path_factory.mktemp("one") / "one.duckdb")
    Ingestor(store, nlp=veille_nlp).ingest_paths([ARTICLES, DEPECHES])
    yield store_snapshot(store)
    store.close()


def test_dask_gives_the_same_store_as_one_process(cluster, one_process, tmp_path):
    with Store(tmp_path / "dask.duckdb") as store:
        report = ingest_distributed(store, [ARTICLES, DEPECHES], cluster, chunk_size=8)
        assert report.new == CORPUS_DOCUMENTS and report.failed == 0
        assert store_snapshot(store) == one_process
        again = ingest_distributed(store, [ARTICLES, DEPECHES], cluster, chunk_size=8)
        assert again.new == 0 and again.duplicates == CORPUS_DOCUMENTS
        assert store_snapshot(store) == one_process


def test_a_worker_killed_mid_run_changes_nothing(cluster, one_process, tmp_path):
    pids = cluster.run(os.getpid)
    victim = sorted(pids.values())[0]
    killed = False

    def kill_once(report) -> None:
        nonlocal killed
        if not killed and report.new > 0:
            os.kill(victim, signal.SIGKILL)
            killed = True

    with Store(tmp_path / "dask.duckdb") as store:
        report = ingest_distributed(store, [ARTICLES, DEPECHES], cluster, chunk_size=4, progress=kill_once)
        assert killed
        assert report.new == CORPUS_DOCUMENTS
        assert store_snapshot(store) == one_process
    deadline = time.monotonic() + 60  # the nanny restarts the worker
    while len(cluster.scheduler_info()["workers"]) < 2 and time.monotonic() < deadline:
        time.sleep(0.5)
