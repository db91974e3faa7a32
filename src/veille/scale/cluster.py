"""The Dask cluster an ingest parses on: an existing one, or one started on this machine."""

from __future__ import annotations

import dask
from distributed import Client

# Dask's nanny starts workers with MALLOC_TRIM_THRESHOLD_=65536, so glibc hands freed memory
# back at once and takes it again: spaCy then spends about a tenth more CPU (page faults).
# Memory stays bounded without it: a worker holds one chunk and the model.
WORKER_CONFIG = {"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}


def connect(*, workers: int = 0, scheduler: str | None = None) -> Client | None:
    """A client of the cluster at `scheduler`, else of a new local cluster of `workers`
    single-threaded worker processes (closed with the client), else None."""
    if scheduler:
        return Client(scheduler)
    if workers > 0:
        return local_client(workers)
    return None


def local_client(workers: int) -> Client:
    with dask.config.set(WORKER_CONFIG):
        # a Client given cluster arguments starts a LocalCluster it owns and closes
        return Client(n_workers=workers, threads_per_worker=1, processes=True,
                      dashboard_address=None, host="127.0.0.1")
