"""How Dask scales on real text: documents/s of bare spaCy, a one-process ingest, `--processes 2`,
and Dask with one and two workers, on the real French articles of ../shared, in one run.

    .venv/bin/python benchmarks/dask_scaling.py [--limit 2000] [--modes bare,one,two,dask1,dask2]

Each mode runs in a fresh subprocess, the model loaded (by every worker) before the clock
starts. Before each mode the script waits (up to --max-wait seconds) until the other
processes of the machine use less than --quiet-below cores, then prints the load averages
before and after it: compare ratios within one run. For Dask it prints the CPU seconds of
the driver (reading, dedup, store writes, stories) and of the workers.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REAL = HERE.parent.parent / "shared" / "corpus" / "real" / "unlabeled.jsonl"


def _cpu(who: int = resource.RUSAGE_SELF) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def run_mode(mode: str, corpus: Path, db: Path) -> dict:
    """Runs in the child process."""
    from veille.store import Store

    workers: dict[str, float] = {}
    if mode == "bare":
        import spacy

        from veille.nlp.pipeline import MODEL

        nlp = spacy.load(MODEL)
        start, cpu = time.perf_counter(), _cpu()
        texts = (json.loads(line)["text"] for line in corpus.open(encoding="utf-8"))
        count = sum(1 for _ in nlp.pipe(texts, batch_size=32))
        elapsed = time.perf_counter() - start
    elif mode in ("one", "two"):
        from veille.nlp.pipeline import build_nlp
        from veille.pipeline import Ingestor

        nlp = build_nlp()
        start, cpu = time.perf_counter(), _cpu()
        with Store(db) as store:
            count = Ingestor(store, nlp=nlp, n_process=1 if mode == "one" else 2).ingest_paths([corpus]).new
        elapsed = time.perf_counter() - start
        workers = {"children": _cpu(resource.RUSAGE_CHILDREN)}
    else:
        from veille.scale.cluster import local_client
        from veille.scale.dask_ingest import ingest_distributed
        from veille.scale.worker import ModelPlugin

        with local_client(int(mode[-1])) as client, Store(db) as store:
            client.register_plugin(ModelPlugin("unknown"))  # every worker loads the model now
            before = client.run(_cpu)
            start, cpu = time.perf_counter(), _cpu()
            count = ingest_distributed(store, [corpus], client).new
            elapsed = time.perf_counter() - start
            after = client.run(_cpu)
            workers = {address: after[address] - before[address] for address in after}
    driver = _cpu() - cpu
    return {"mode": mode, "documents": count, "seconds": elapsed, "docs_per_s": count / elapsed,
            "driver_cpu": driver, "worker_cpu": sum(workers.values())}


def busy_cores(seconds: float = 3.0) -> float:
    """Cores the whole machine kept busy over the last `seconds` (from /proc/stat)."""
    def sample() -> tuple[int, int]:
        fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
        idle = fields[3] + fields[4]
        return sum(fields) - idle, sum(fields)

    busy0, total0 = sample()
    time.sleep(seconds)
    busy1, total1 = sample()
    return (os.cpu_count() or 1) * (busy1 - busy0) / max(1, total1 - total0)


def wait_quiet(threshold: float, max_wait: float) -> float:
    deadline = time.monotonic() + max_wait
    while True:
        busy = busy_cores()
        if busy < threshold or time.monotonic() > deadline:
            return busy
        time.sleep(5)


def load() -> str:
    return " ".join(f"{v:.2f}" for v in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=2000, help="First N articles of the real corpus.")
    parser.add_argument("--modes", default="bare,one,two,dask1,dask2")
    parser.add_argument("--quiet-below", type=float, default=0.5,
                        help="Wait until other processes use fewer cores than this before each mode.")
    parser.add_argument("--max-wait", type=float, default=300)
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_mode(args.child[0], Path(args.child[1]), Path(args.child[2]))))
        return
    if not REAL.exists():
        sys.exit(f"no real corpus at {REAL}: this benchmark needs ../shared (the shared data folder "
                 "next to the repository)")
    print("command:", shlex.join([Path(sys.executable).name, *sys.argv]), flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "real.jsonl"
        with REAL.open(encoding="utf-8") as source, corpus.open("w", encoding="utf-8") as out:
            for number, line in enumerate(source):
                if number >= args.limit:
                    break
                out.write(line)
        results: dict[str, dict] = {}
        print(f"{'mode':<6} {'docs':>5} {'s':>7} {'docs/s':>7} {'÷one':>5} {'÷bare':>6} "
              f"{'driver CPU s':>12} {'worker CPU s':>12}  busy before  load before → after", flush=True)
        for mode in args.modes.split(","):
            busy = wait_quiet(args.quiet_below, args.max_wait)
            before = load()
            child = [sys.executable, __file__, "--child", mode, str(corpus), str(Path(tmp) / f"{mode}.duckdb")]
            out = subprocess.run(child, check=True, capture_output=True, text=True).stdout
            result = results[mode] = json.loads(out.strip().splitlines()[-1])
            ratios = [f"{result['docs_per_s'] / results[base]['docs_per_s']:.2f}" if base in results else "-"
                      for base in ("one", "bare")]
            print(f"{mode:<6} {result['documents']:>5} {result['seconds']:>7.1f} {result['docs_per_s']:>7.2f} "
                  f"{ratios[0]:>5} {ratios[1]:>6} {result['driver_cpu']:>12.1f} {result['worker_cpu']:>12.1f}  "
                  f"{busy:>11.2f}  {before} → {load()}", flush=True)


if __name__ == "__main__":
    main()
