"""Memory over a long ingest: peak RSS after 1,000 … N documents, in one run.

    .venv/bin/python benchmarks/memory_flat.py 50000 [--memory-limit 128MB] [--keep DIR] [--ner unknown|all|off]

Generates the corpus with generate_corpus.py (a feed of synthetic French documents), then
ingests it in one process exactly as `veille ingest` does (same batch size, same store cache
cap) and prints, at each checkpoint, documents stored, docs/s since the start, current and
peak RSS, and the store's size on disk. Flat memory means the peak at N documents stays
within 20 % of the peak at 1,000.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHECKPOINTS = (1_000, 2_000, 3_000, 4_000, 5_000, 7_500, 10_000, 20_000, 30_000, 40_000, 50_000, 100_000)


def rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("count", type=int)
    parser.add_argument("--memory-limit", default=None, help="DuckDB memory_limit (default: veille ingest's)")
    parser.add_argument("--keep", type=Path, help="write corpus and store here instead of a temporary folder")
    parser.add_argument("--ner", default="unknown", choices=("unknown", "all", "off"), help="as `veille ingest --ner`")
    args = parser.parse_args()

    from veille.nlp.pipeline import build_nlp
    from veille.pipeline import Ingestor, IngestReport
    from veille.store import Store
    from veille.store.duckdb_store import INGEST_MEMORY_LIMIT

    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        corpus, db = folder / f"corpus-{args.count}.jsonl", folder / f"memory-{args.count}.duckdb"
        if not corpus.exists():
            subprocess.run([sys.executable, str(HERE / "generate_corpus.py"), str(args.count), "-o", str(corpus)],
                           check=True)
        db.unlink(missing_ok=True)
        nlp = build_nlp(ner=args.ner)
        print(f"model loaded: RSS {rss_mb():.0f} MB", flush=True)
        marks = [c for c in CHECKPOINTS if c <= args.count]
        started = time.perf_counter()

        def checkpoint(report: IngestReport) -> None:
            while marks and report.new >= marks[0]:
                mark = marks.pop(0)
                elapsed = time.perf_counter() - started
                size = sum(p.stat().st_size for p in (db, Path(f"{db}.wal")) if p.exists()) / 2**20
                duck = store.con.execute("SELECT sum(memory_usage_bytes) FROM duckdb_memory()").fetchone()[0] or 0
                print(f"{mark:>7} docs  {report.new / elapsed:6.2f} docs/s  RSS {rss_mb():6.0f} MB  "
                      f"peak {peak_mb():6.0f} MB  DuckDB {duck / 2**20:5.0f} MB  store {size:7.0f} MB", flush=True)

        store = Store(db, memory_limit=args.memory_limit or INGEST_MEMORY_LIMIT)
        with store:
            report = Ingestor(store, nlp=nlp).ingest_paths([corpus], progress=checkpoint)
        elapsed = time.perf_counter() - started
        print(f"done: {report.new} documents in {elapsed:.0f} s ({report.new / elapsed:.2f} docs/s), "
              f"peak RSS {peak_mb():.0f} MB", flush=True)


if __name__ == "__main__":
    main()
