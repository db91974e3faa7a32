"""The Dask cluster an ingest parses on: an existing one, or one started on this machine."""

from __future__ import annotations

import dask
from distributed import Client

CLUSTER_CONFIG = {
    # Dask's nanny starts workers with MALLOC_TRIM_THRESHOLD_=65536, so glibc hands freed memory
    # back at once and takes it again: spaCy then spends about a tenth more CPU (page faults).
    # Memory stays bounded without it: a worker holds a few chunks and the model.
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
    # Cleaning tasks have no inputs: the scheduler would hold them back while a worker has
    # two tasks, so its queue of parses would run dry while the driver is busy.
    "distributed.scheduler.worker-saturation": "inf",
    "distributed.worker.profile.enabled": False,  # its stack sampling costs a worker ~3 % CPU
    # The nannies and the scheduler of a local cluster run in the driver's process: their psutil
    # sampling (every 100 ms and 500 ms by default) took about a second of its CPU per 2,000
    # documents. Once a second still stops a worker that outgrows its memory in time.
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
}


def connect(*, workers: int = 0, scheduler: str | None = None) -> Client | None:
    """A client of the cluster at `scheduler`, else of a new local cluster of `workers`
    single-threaded worker processes (closed with the client), else None."""
    if scheduler:
        return Client(scheduler)
    if workers > 0:
        return local_client(workers)
    return None


def local_client(workers: int) -> Client:
    with dask.config.set(CLUSTER_CONFIG):
        # a Client given cluster arguments starts a LocalCluster it owns and closes
        return Client(n_workers=workers, threads_per_worker=1, processes=True,
                      dashboard_address=None, host="127.0.0.1")
