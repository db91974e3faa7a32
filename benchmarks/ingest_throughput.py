"""Ingest throughput: veille's full ingest against bare `nlp.pipe` on the same texts.

    .venv/bin/python benchmarks/ingest_throughput.py [--repeat 3] [--limit N] [--quick] [PATH ...]
    .venv/bin/python benchmarks/ingest_throughput.py --rounds 7 [--compare OTHER_SRC] [--limit N] [PATH ...]

Default input: ../shared/seeds and ../shared/corpus/dev/articles.jsonl. Both sides
run in this one process on the same clean texts, model already loaded, so the ratio
is meaningful on a noisy machine; the best of --repeat runs is kept for each side.
Wall time and the process's CPU time are both printed: on a shared machine the CPU
time ratio is the steadier one (it counts DuckDB's threads too). The full ingest's store is
created (its schema migrated) before its clock starts, as the model is loaded before both: a
one-off cost of a run, not of its documents (about 0.15 s CPU, a twentieth of a 60-document
round); it is printed apart.

--rounds N: interleaved, for a loaded machine. A worker process per source tree (this one's
src, and OTHER_SRC's with --compare: before/after in one run) loads both pipelines, then the
runs alternate, bare, full, bare, full..., one at a time (so the load each run sees is the
same for all), N rounds after a first one whose caches are cold (the lemmatizer's, the
tokenizer's, the linker's: a run's first documents), reported apart. Printed: per tree the
median CPU ratio bare / full over the rounds and its spread (min, quartiles, max), the wall
ratio's median, and with --compare the median ratio of the two full ingests' CPU times.
--fresh: each round reads the next --limit documents, which neither side's pipeline has seen, as a
real ingest does (the caches warm to each corpus, but new names, numbers and rare words keep coming);
without it every round reads the same documents, warm: what spaCy's own work costs at best.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import spacy

from veille.ingest.clean import clean_document, load_rules
from veille.ingest.readers import iter_raw
from veille.ingest.types import RawDocument
from veille.nlp.pipeline import MODEL, build_nlp
from veille.pipeline import Ingestor, IngestReport
from veille.store import Store
from veille.store.duckdb_store import INGEST_MEMORY_LIMIT

SHARED = Path(__file__).resolve().parents[2] / "shared"
SRC = Path(__file__).resolve().parents[1] / "src"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", default=[str(SHARED / "seeds"), str(SHARED / "corpus/dev/articles.jsonl")])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--limit", type=int, default=None,
                        help="the first N documents only (real text: ../shared/corpus/real/unlabeled.jsonl)")
    parser.add_argument("--quick", action="store_true",
                        help="bare spaCy and the full ingest only (not the components alone, --ner all or off)")
    parser.add_argument("--rounds", type=int, default=0, help="interleaved mode: N rounds of bare, full (see above)")
    parser.add_argument("--compare", default=None, metavar="OTHER_SRC",
                        help="with --rounds: also another source tree (its src folder), in a process of its own")
    parser.add_argument("--fresh", action="store_true",
                        help="with --rounds and --limit N: each round on the next N documents, never seen by either "
                             "side's pipeline (its caches), as in an ingest of new text")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)  # one tree's side of --rounds
    args = parser.parse_args()
    if args.worker:
        return _worker(args)
    if args.rounds:
        return _interleaved(args)

    raws, texts = _inputs(args.paths, args.limit)
    chars = sum(map(len, texts))
    print(f"{len(texts)} documents, {chars:,} characters")

    bare = spacy.load(MODEL)
    full = build_nlp()  # --ner unknown
    variants = {} if args.quick else {"all": build_nlp(ner="all"), "off": build_nlp(ner="off")}
    best: dict[str, tuple[float, float]] = {}

    def timed(name: str, run) -> None:
        wall, cpu = time.perf_counter(), time.process_time()
        run()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        old = best.get(name, (float("inf"), float("inf")))
        best[name] = (min(old[0], wall), min(old[1], cpu))

    def ingest(name: str, nlp=full) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            store, opening = _new_store(Path(tmp))
            best["open"] = min(best.get("open", (float("inf"),) * 2), opening)
            report: list[IngestReport] = []
            timed(name, lambda: (report.append(Ingestor(store, nlp=nlp).ingest_raw(iter(raws))), store.close()))
            assert report[0].new == len(set(texts)), report[0].as_dict()

    for _ in range(args.repeat):
        timed("bare", lambda: [None for _doc in bare.pipe(texts, batch_size=32)])
        if not args.quick:
            timed("components", lambda: [None for _doc in full.pipe(texts, batch_size=32)])
        ingest("ingest")
        for mode, nlp in variants.items():
            ingest(mode, nlp)

    n = len(texts)
    labels = {"bare": f"bare nlp.pipe ({MODEL})", "components": "veille components in nlp.pipe",
              "ingest": "veille full ingest (clean→store)", "all": "same, --ner all", "off": "same, --ner off"}
    for name, label in labels.items():
        if name not in best:
            continue
        wall, cpu = best[name]
        print(f"{label:34} {n / wall:7.1f} docs/s wall ({wall:6.2f} s)  {n / cpu:7.1f} docs/s CPU ({cpu:6.2f} s)")
    for name, label in (("ingest", "full ingest"), ("all", "full ingest --ner all"), ("off", "full ingest --ner off")):
        if name not in best:
            continue
        print(f"ratio {label} / bare spaCy: wall {best['bare'][0] / best[name][0]:.2f}  "
              f"CPU {best['bare'][1] / best[name][1]:.2f}")
    print(f"creating a store (not in the ingest's time): {best['open'][0]:.2f} s wall, {best['open'][1]:.2f} s CPU")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


def _inputs(paths: list[str], limit: int | None) -> tuple[list[RawDocument], list[str]]:
    """The raw documents and their clean texts (those cleaning leaves something of)."""
    rules = load_rules()
    raws, texts = [], []
    for raw in iter_raw(paths):
        if not isinstance(raw, RawDocument):
            continue
        try:
            texts.append(clean_document(raw, rules).text)
        except ValueError:
            continue  # nothing left after cleaning: not a document for either side
        raws.append(raw)
        if limit and len(raws) >= limit:
            break
    return raws, texts


def _new_store(folder: Path) -> tuple[Store, tuple[float, float]]:
    """A new ingest store in `folder`, and the wall and CPU time creating it took."""
    wall, cpu = time.perf_counter(), time.process_time()
    store = Store(folder / "bench.duckdb", memory_limit=INGEST_MEMORY_LIMIT)
    return store, (time.perf_counter() - wall, time.process_time() - cpu)


def _worker(args: argparse.Namespace) -> None:
    """Loads both pipelines, then runs "bare" or "full" as each line of stdin says, answering
    {"cpu": s, "wall": s} on stdout (and "open_cpu": the full ingest's store creation, untimed); the veille
    imported is the one on its PYTHONPATH."""
    slices = args.rounds + 1 if args.fresh else 1
    every_raw, every_text = _inputs(args.paths, args.limit * slices if args.limit else None)
    size = args.limit or len(every_raw)
    parts = [(every_raw[k * size:(k + 1) * size], every_text[k * size:(k + 1) * size]) for k in range(slices)]
    bare, full = spacy.load(MODEL), build_nlp()

    def bare_run(texts: list[str]) -> dict[str, float]:
        wall, cpu = time.perf_counter(), time.process_time()
        for _doc in bare.pipe(texts, batch_size=32):
            pass
        return {"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu}

    def full_run(raws: list[RawDocument], texts: list[str]) -> dict[str, float]:
        with tempfile.TemporaryDirectory() as tmp:
            store, (_, opening) = _new_store(Path(tmp))
            wall, cpu = time.perf_counter(), time.process_time()
            report = Ingestor(store, nlp=full).ingest_raw(iter(raws))
            store.close()
            times = {"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu, "open_cpu": opening}
        assert report.new == len(set(texts)), report.as_dict()
        return times

    runs: dict[str, Callable[[list[RawDocument], list[str]], dict[str, float]]] = {
        "bare": lambda _raws, texts: bare_run(texts), "full": full_run}
    print(json.dumps({"documents": [len(texts) for _, texts in parts],
                      "characters": sum(map(len, every_text))}), flush=True)
    for line in sys.stdin:
        side, number = line.split()
        print(json.dumps(runs[side](*parts[int(number)])), flush=True)


class _Tree:
    """A worker process running one source tree's pipelines."""

    def __init__(self, src: Path, args: argparse.Namespace) -> None:
        self.src = src
        command = [sys.executable, __file__, "--worker", *(["--limit", str(args.limit)] if args.limit else []),
                   *(["--fresh", "--rounds", str(args.rounds)] if args.fresh else []), *args.paths]
        env = {**os.environ, "PYTHONPATH": str(src)}
        self.process = subprocess.Popen(command, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.inputs = self._answer()
        self.times: dict[str, list[dict[str, float]]] = {"bare": [], "full": []}

    def _answer(self) -> dict[str, float]:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            raise SystemExit(f"the worker for {self.src} stopped (exit {self.process.wait()})")
        return json.loads(line)  # type: ignore[no-any-return]

    def run(self, side: str, number: int) -> dict[str, float]:
        """`side` on the worker's slice `number` of the input (always 0 without --fresh)."""
        assert self.process.stdin is not None
        self.process.stdin.write(f"{side} {number}\n")
        self.process.stdin.flush()
        return self._answer()

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait()


def _interleaved(args: argparse.Namespace) -> None:
    trees = [_Tree(SRC, args)]
    if args.compare:
        trees.append(_Tree(Path(args.compare).resolve(), args))
    try:
        inputs = {json.dumps(t.inputs) for t in trees}
        if len(inputs) != 1:
            raise SystemExit(f"the trees read different inputs: {inputs}")
        documents = trees[0].inputs["documents"]
        print(f"{'+'.join(map(str, documents))} documents, {trees[0].inputs['characters']:,} characters; "
              f"1 cold round + {args.rounds} rounds" + (", each on new documents" if args.fresh else ""))
        if args.fresh and len(set(documents)) != 1:
            raise SystemExit("--fresh: the input is too short for that many rounds of --limit documents")
        cold: list[dict[str, dict[str, float]]] = [{side: t.run(side, 0) for side in ("bare", "full")}
                                                    for t in trees]
        for number in range(args.rounds):
            # each round in the other order than the last: a drift of the load favours no side
            order = [(t, side) for t in trees for side in ("bare", "full")]
            for tree, side in order if number % 2 == 0 else order[::-1]:
                tree.times[side].append(tree.run(side, number + 1 if args.fresh else 0))
            print(f"round {number + 1}: bare / full CPU " + ", ".join(
                f"{t.times['bare'][-1]['cpu']:.2f} / {t.times['full'][-1]['cpu']:.2f}" for t in trees), flush=True)
    finally:
        for tree in trees:
            tree.close()
    for tree, first in zip(trees, cold, strict=True):
        cpu = [b["cpu"] / f["cpu"] for b, f in zip(tree.times["bare"], tree.times["full"], strict=True)]
        wall = [b["wall"] / f["wall"] for b, f in zip(tree.times["bare"], tree.times["full"], strict=True)]
        print(f"{tree.src}")
        bare, full = _median(tree.times["bare"], "cpu"), _median(tree.times["full"], "cpu")
        print(f"  bare {bare:6.2f} s CPU, full ingest {full:6.2f} s CPU (medians)")
        print(f"  ratio bare / full, CPU: median {statistics.median(cpu):.3f}  spread {_spread(cpu)}")
        print(f"  ratio bare / full, wall: median {statistics.median(wall):.3f}  spread {_spread(wall)}")
        print(f"  cold first round: bare {first['bare']['cpu']:.2f} s, full {first['full']['cpu']:.2f} s CPU, "
              f"ratio {first['bare']['cpu'] / first['full']['cpu']:.3f}")
        opening = _median(tree.times["full"], "open_cpu")
        print(f"  creating the full ingest's store (not in its time): {opening:.2f} s CPU")
    if len(trees) == 2:
        this, other = trees
        full = [a["cpu"] / b["cpu"] for a, b in zip(this.times["full"], other.times["full"], strict=True)]
        print(f"full ingest CPU, this tree / {other.src}: median {statistics.median(full):.3f}  spread {_spread(full)}")


def _median(times: list[dict[str, float]], key: str) -> float:
    return statistics.median(t[key] for t in times)


def _spread(values: list[float]) -> str:
    """min [first quartile, third quartile] max."""
    if len(values) < 2:
        return f"{values[0]:.3f} (one round)"
    low, _, high = statistics.quantiles(values, n=4)
    return f"{min(values):.3f} [{low:.3f}, {high:.3f}] {max(values):.3f}"


if __name__ == "__main__":
    main()
