"""Ingest on a real distributed.LocalCluster: same result as one process, survives a dead worker,
fails with a clear error on a cluster that cannot work."""

from __future__ import annotations

import os
import signal
import time

import pytest
from conftest import ARTICLES, CORPUS_DOCUMENTS, DEPECHES, store_snapshot
from distributed import Client, LocalCluster
from distributed.client import FutureCancelledError

from veille.ingest.clean import load_rules
from veille.ingest.outlets import load_outlets
from veille.nlp import NerMode
from veille.pipeline import Ingestor
from veille.scale import dask_ingest
from veille.scale.dask_ingest import MAX_RESUBMITS, ingest_distributed
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


@pytest.mark.parametrize("write_batch", [dask_ingest.WRITE_BATCH, 5])
def test_dask_gives_the_same_store_as_one_process(cluster, one_process, tmp_path, monkeypatch, write_batch):
    # 5: the driver stores the shards in several transactions, a copy's first one in an earlier one
    monkeypatch.setattr(dask_ingest, "WRITE_BATCH", write_batch)
    with Store(tmp_path / "dask.duckdb") as store:
        threads = store.con.execute("SELECT current_setting('threads')").fetchone()
        report = ingest_distributed(store, [ARTICLES, DEPECHES], cluster, chunk_size=8)
        assert report.new == CORPUS_DOCUMENTS and report.failed == 0
        assert store.con.execute("SELECT current_setting('threads')").fetchone() == threads  # given back
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


def test_a_chunk_is_given_up_only_when_lost_again_and_again_without_progress(cluster, tmp_path):
    with Store(tmp_path / "dask.duckdb") as store:
        run = dask_ingest._Run(store, cluster, load_rules(), NerMode.unknown, None, load_outlets())
        chunk, other = dask_ingest._Chunk(0, None), dask_ingest._Chunk(1, None)
        lost = FutureCancelledError("key", "lost dependencies")
        for _ in range(MAX_RESUBMITS):  # one worker's death loses each chunk once; several deaths, more
            run._resubmit("summary", chunk, lost)
            run._resubmit("summary", other, lost)
        run._progress()  # a step completed: the cluster works
        for _ in range(MAX_RESUBMITS):
            run._resubmit("summary", chunk, lost)
        with pytest.raises(RuntimeError, match=rf"chunk 0: lost by the cluster {MAX_RESUBMITS + 1} times in a row"
                                               r" while no work completed \(last: lost dependencies\)"):
            run._resubmit("summary", chunk, lost)


def test_a_cluster_without_workers_is_an_error_not_a_wait_without_end(tmp_path, monkeypatch):
    monkeypatch.setattr(dask_ingest, "NO_WORKER_TIMEOUT", 1.0)
    monkeypatch.setattr(dask_ingest, "_CHECK_EVERY", 0.2)
    with (LocalCluster(n_workers=0, processes=False, dashboard_address=None) as empty,
          Client(empty) as client, Store(tmp_path / "dask.duckdb") as store,
          pytest.raises(RuntimeError, match=r"the cluster has had no worker for 1 s \(chunks not done: 1\)")):
        ingest_distributed(store, [ARTICLES], client, chunk_size=8)
