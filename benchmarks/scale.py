"""Scaling figures: documents/s for 1 and 2 processes and for Dask with 1 and 2 workers,
their ratio to bare spaCy on the same texts, and peak memory by corpus size.

    .venv/bin/python benchmarks/scale.py --sizes 1000 50000 [--modes bare,one,two,dask1,dask2]

Each measurement runs in a fresh subprocess so that its peak RSS and CPU time (children
included for the multi-process modes) are its own. Corpora come from generate_corpus.py.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (spaCy or Dask workers)."""
    usage = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    return sum(u.ru_utime + u.ru_stime for u in usage)


def run_mode(mode: str, corpus: Path, db: Path) -> dict:
    """Runs in the child process."""
    stopped: float | None = None
    from veille.nlp.pipeline import MODEL
    from veille.store import Store

    if mode == "bare":
        import spacy

        nlp = spacy.load(MODEL)
        start_parse, start_cpu = time.perf_counter(), _cpu()  # like the other modes: the model is loaded first
        texts = (json.loads(line)["text"] for line in corpus.open(encoding="utf-8"))
        count = sum(1 for _ in nlp.pipe(texts, batch_size=32))
    elif mode in ("one", "two"):
        from veille.nlp.pipeline import build_nlp
        from veille.pipeline import Ingestor

        nlp = build_nlp()
        start_parse, start_cpu = time.perf_counter(), _cpu()
        with Store(db) as store:
            report = Ingestor(store, nlp=nlp, n_process=1 if mode == "one" else 2).ingest_paths([corpus])
        count = report.new
    else:
        from veille.scale.cluster import local_client
        from veille.scale.dask_ingest import ingest_distributed
        from veille.scale.worker import ModelPlugin

        with local_client(int(mode[-1])) as client, Store(db) as store:
            # like the other modes: every worker has loaded the model before the clock starts
            client.register_plugin(ModelPlugin("unknown"))
            start_parse, start_cpu = time.perf_counter(), _cpu()
            report = ingest_distributed(store, [corpus], client)
            count = report.new
            stopped = time.perf_counter()  # the cluster's shutdown is not counted
    elapsed = (stopped or time.perf_counter()) - start_parse
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # on a busy machine wall time depends on the other load: documents per CPU second
    # (worker processes included) still show each mode's own overhead; a Dask worker's
    # CPU is counted when it exits, model loading and start-up included
    cpu = _cpu() - start_cpu
    return {"mode": mode, "documents": count, "seconds": round(elapsed, 1),
            "docs_per_s": round(count / elapsed, 2), "cpu_seconds": round(cpu, 1),
            "docs_per_cpu_s": round(count / cpu, 2), "peak_rss_mb": round(rss / 1024)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000])
    parser.add_argument("--modes", default="bare,one,two,dask1,dask2")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_mode(args.child[0], Path(args.child[1]), Path(args.child[2]))))
        return
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            corpus = Path(tmp) / f"corpus-{size}.jsonl"
            subprocess.run([sys.executable, str(HERE / "generate_corpus.py"), str(size), "-o", str(corpus)], check=True)
            results = {}
            for mode in args.modes.split(","):
                db = Path(tmp) / f"{mode}-{size}.duckdb"
                out = subprocess.run([sys.executable, __file__, "--child", mode, str(corpus), str(db)],
                                     check=True, capture_output=True, text=True)
                results[mode] = json.loads(out.stdout.strip().splitlines()[-1])
                bare = results.get("bare", {}).get("docs_per_s")
                ratio = f"  ratio to bare spaCy {results[mode]['docs_per_s'] / bare:.2f}" if bare else ""
                print(f"{size:>6} docs  {mode:<6} {results[mode]['docs_per_s']:>8} docs/s  "
                      f"{results[mode]['docs_per_cpu_s']:>8} docs/CPU s  "
                      f"peak RSS {results[mode]['peak_rss_mb']:>6} MB{ratio}", flush=True)


if __name__ == "__main__":
    main()
