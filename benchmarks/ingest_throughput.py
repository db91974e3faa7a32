"""Ingest throughput: veille's full ingest against bare `nlp.pipe` on the same texts.

    .venv/bin/python benchmarks/ingest_throughput.py [--repeat 3] [PATH ...]

Default input: ../shared/seeds and ../shared/corpus/dev/articles.jsonl. Both sides
run in this one process on the same clean texts, model already loaded, so the ratio
is meaningful on a noisy machine; the best of --repeat runs is kept for each side.
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

SHARED = Path(__file__).resolve().parents[2] / "shared"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", default=[str(SHARED / "seeds"), str(SHARED / "corpus/dev/articles.jsonl")])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    raws = [r for r in iter_raw(args.paths) if isinstance(r, RawDocument)]
    rules = load_rules()
    texts = [clean_document(r, rules).text for r in raws]
    chars = sum(map(len, texts))
    print(f"{len(texts)} documents, {chars:,} characters")

    bare = spacy.load(MODEL)
    full = build_nlp()
    bare_best = veille_nlp_best = ingest_best = float("inf")
    for _ in range(args.repeat):
        start = time.perf_counter()
        for _doc in bare.pipe(texts, batch_size=32):
            pass
        bare_best = min(bare_best, time.perf_counter() - start)

        start = time.perf_counter()
        for _doc in full.pipe(texts, batch_size=32):
            pass
        veille_nlp_best = min(veille_nlp_best, time.perf_counter() - start)

        with tempfile.TemporaryDirectory() as tmp:
            store = Store(Path(tmp) / "bench.duckdb")
            start = time.perf_counter()
            report = Ingestor(store, nlp=full).ingest_raw(iter(raws))
            ingest_best = min(ingest_best, time.perf_counter() - start)
            store.close()
            assert report.new == len(set(texts)), report.as_dict()

    n = len(texts)
    print(f"bare nlp.pipe ({MODEL}):        {n / bare_best:8.1f} docs/s  ({bare_best:.2f} s)")
    print(f"veille components in nlp.pipe:  {n / veille_nlp_best:8.1f} docs/s  ({veille_nlp_best:.2f} s)")
    print(f"veille full ingest (clean→store):{n / ingest_best:8.1f} docs/s  ({ingest_best:.2f} s)")
    print(f"ratio full ingest / bare spaCy:  {bare_best / ingest_best:8.2f}")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
