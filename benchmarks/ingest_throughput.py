"""Ingest throughput: veille's full ingest against bare `nlp.pipe` on the same texts.

    .venv/bin/python benchmarks/ingest_throughput.py [--repeat 3] [--limit N] [--quick] [PATH ...]

Default input: ../shared/seeds and ../shared/corpus/dev/articles.jsonl. Both sides
run in this one process on the same clean texts, model already loaded, so the ratio
is meaningful on a noisy machine; the best of --repeat runs is kept for each side.
Wall time and the process's CPU time are both printed: on a shared machine the CPU
time ratio is the steadier one (it counts DuckDB's threads too).
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

import spacy

from veille.ingest.clean import clean_document, load_rules
from veille.ingest.readers import iter_raw
from veille.ingest.types import RawDocument
from veille.nlp.pipeline import MODEL, build_nlp
from veille.pipeline import Ingestor
from veille.store import Store
from veille.store.duckdb_store import INGEST_MEMORY_LIMIT

SHARED = Path(__file__).resolve().parents[2] / "shared"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", default=[str(SHARED / "seeds"), str(SHARED / "corpus/dev/articles.jsonl")])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--limit", type=int, default=None,
                        help="the first N documents only (real text: ../shared/corpus/real/unlabeled.jsonl)")
    parser.add_argument("--quick", action="store_true",
                        help="bare spaCy and the full ingest only (not the components alone, --ner all or off)")
    args = parser.parse_args()

    rules = load_rules()
    raws, texts = [], []
    for raw in iter_raw(args.paths):
        if not isinstance(raw, RawDocument):
            continue
        try:
            texts.append(clean_document(raw, rules).text)
        except ValueError:
            continue  # nothing left after cleaning: not a document for either side
        raws.append(raw)
        if args.limit and len(raws) >= args.limit:
            break
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

    def ingest(nlp=full) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            store = Store(Path(tmp) / "bench.duckdb", memory_limit=INGEST_MEMORY_LIMIT)
            report = Ingestor(store, nlp=nlp).ingest_raw(iter(raws))
            store.close()
            assert report.new == len(set(texts)), report.as_dict()

    for _ in range(args.repeat):
        timed("bare", lambda: [None for _doc in bare.pipe(texts, batch_size=32)])
        if not args.quick:
            timed("components", lambda: [None for _doc in full.pipe(texts, batch_size=32)])
        timed("ingest", ingest)
        for mode, nlp in variants.items():
            timed(mode, lambda nlp=nlp: ingest(nlp))

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
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
