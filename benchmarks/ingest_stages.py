"""Where a full ingest spends its CPU time, stage by stage: each spaCy component (the model's and veille's),
the rows, the store writes and the stories step, each timed on its own.

    .venv/bin/python benchmarks/ingest_stages.py [--repeat 3] [--limit 150] [--profile FILE] [PATH ...]

Default input: the first 150 French documents of ../shared/corpus/real/unlabeled.jsonl. Each pass makes new Docs
and runs them through every component of `build_nlp()` in turn (its `pipe` when it has one), codes them again
(the coder warm), then writes them to a fresh store the way `Ingestor` does (rows, `Store.write` and
`stories.update` per batch, `stories.merge_stale` at the end). The best CPU time of each stage over `--repeat`
passes is printed with its share (the steadier measure on a shared machine; CPU time counts DuckDB's and BLAS's
threads too). `--profile FILE` also writes a cProfile (CPU timer) of the coder and of the writing to
FILE.coder and FILE.write, for pstats; the profiler inflates code that makes many small calls (Token objects).
"""

from __future__ import annotations

import argparse
import cProfile
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from veille import stories
from veille.ingest.clean import load_rules
from veille.ingest.outlets import load_outlets
from veille.ingest.readers import iter_raw
from veille.ingest.types import Document
from veille.nlp.pipeline import annotations, build_nlp
from veille.pipeline import IngestReport, add_annotations, add_documents, clean_item, make_doc, source_rows
from veille.store import Store
from veille.store.duckdb_store import INGEST_MEMORY_LIMIT

SHARED = Path(__file__).resolve().parents[2] / "shared"
CODER = "veille_events"
NER = "  of which NER"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", default=[str(SHARED / "corpus/real/unlabeled.jsonl")])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--limit", type=int, default=150)
    parser.add_argument("--batch", type=int, default=128, help="documents per write batch (the ingest's default)")
    parser.add_argument("--profile", default=None)
    args = parser.parse_args()

    rules, outlets, report = load_rules(), load_outlets(), IngestReport()
    documents: list[Document] = []
    seen: set[str] = set()
    for item in iter_raw(args.paths):
        document = clean_item(item, rules, report, outlets)
        if document is None or document.doc_id in seen or document.lang != "fr":
            continue
        seen.add(document.doc_id)
        documents.append(document)
        if len(documents) >= args.limit:
            break
    nlp = build_nlp()
    coder = nlp.get_pipe(CODER)
    docs: list[Any] = []

    def component(proc: Any) -> Callable[[], None]:
        def run() -> None:
            docs[:] = list(proc.pipe(docs, batch_size=32)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        return run

    def code() -> None:
        for doc in docs:
            coder(doc)

    parsed: list[tuple[Document, dict[str, Any]]] = []

    def rows() -> None:
        parsed[:] = [(document, annotations(doc)) for document, doc in zip(documents, docs, strict=True)]

    def write() -> None:
        with tempfile.TemporaryDirectory() as tmp:
            store = Store(Path(tmp) / "bench.duckdb", memory_limit=INGEST_MEMORY_LIMIT)
            for start in range(0, len(parsed), args.batch):
                chunk = parsed[start:start + args.batch]
                batch = source_rows([d for d, _ in chunk])
                for document, annotated in chunk:
                    add_annotations(batch, document, annotated)
                add_documents(batch, [d for d, _ in chunk], None, chunk)
                store.write(batch)
                stories.update(store, [d.doc_id for d, _ in chunk], merge=False)
            stories.merge_stale(store)
            store.close()

    # each pass: new Docs through every component in turn (the coder twice more: cold, then warm), the rows and
    # the writing
    stages: list[tuple[str, Callable[[], None]]] = [
        ("make_doc", lambda: docs.__setitem__(slice(None), [make_doc(nlp, d) for d in documents]))]
    stages += [(name, component(proc)) for name, proc in nlp.pipeline]
    times: dict[str, list[float]] = {}
    linker = nlp.get_pipe("veille_actors")
    recognise = linker._recognise_unknown

    def ner_timed(prepared: Any) -> None:  # the model's NER, run by veille_actors where a name is unknown
        started = time.process_time()
        recognise(prepared)
        times[NER][-1] += time.process_time() - started

    linker._recognise_unknown = ner_timed
    stages += [("coder again", code), ("rows", rows), ("write+stories", write)]
    for _ in range(args.repeat):
        for name, run in stages:
            if name == "veille_actors":
                times.setdefault(NER, []).append(0.0)
            times.setdefault(name, []).append(_cpu(run))
    print(f"{len(docs)} documents, {sum(len(d.text) for d in documents):,} characters; best CPU s of {args.repeat}")
    total = sum(min(seconds) for name, seconds in times.items() if name != "coder again" and name[0] != " ")
    for name in [n for n, _ in stages[:-3]] + [NER] + [n for n, _ in stages[-3:]]:
        seconds = times[name]
        print(f"{name:18} {min(seconds):6.2f} s  ({1000 * min(seconds) / len(docs):5.1f} ms/doc, "
              f"{100 * min(seconds) / total:4.1f}%)")
    veille = sum(min(s) for n, s in times.items() if n.startswith("veille_") or n in ("rows", "write+stories")) \
        - min(times[NER])
    print(f"{'veille, NER aside':18} {veille:6.2f} s  ({100 * veille / total:4.1f}% of {total:.2f} s)")
    if args.profile:
        for name, run in (("coder", code), ("write", write)):
            profile = cProfile.Profile(time.process_time)
            profile.runcall(run)
            profile.dump_stats(f"{args.profile}.{name}")


def _cpu(run: Callable[[], None]) -> float:
    started = time.process_time()
    run()
    return time.process_time() - started


if __name__ == "__main__":
    main()
