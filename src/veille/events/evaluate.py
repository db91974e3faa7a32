"""Scratch evaluation of the event coder against the shared gold files.

    python -m veille.events.evaluate [--shared ../shared] [--out /tmp/veille-eval] [--set seeds|dev|both]

Runs veille's spaCy pipeline over the seeds and the dev corpus (as the readers, cleaning and
outlet linking give them, parsed as the ingest parses them: `nlp.pipeline.make_doc`), writes
events JSONL (``source`` = record url or seed file name) and runs the shared scorer on them:
the coder measured without the store. `tests/test_gold_scores.py` measures the same through
`veille ingest` and `veille export`.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

from spacy.language import Language

from veille.evaluation import DEFAULT_SHARED, GoldDocuments, ingested_gold
from veille.nlp.pipeline import make_doc


def build() -> Language:
    from veille.nlp.pipeline import build_nlp

    return build_nlp()


def run(nlp: Language, docs: GoldDocuments, out: Path) -> float:
    started = time.perf_counter()
    with out.open("w", encoding="utf-8") as handle:
        made = (make_doc(nlp, document) for _, document in docs)
        for (source, _), doc in zip(docs, nlp.pipe(made), strict=True):
            for event in doc._.events or []:
                handle.write(json.dumps({"source": source, **event}, ensure_ascii=False) + "\n")
    return time.perf_counter() - started


def score(shared: Path, gold: str, events: Path) -> str:
    result = subprocess.run(
        [sys.executable, str(shared / "tools" / "score.py"), "--gold", str(shared / "gold" / gold),
         "--events", str(events), "-v"],
        capture_output=True, text=True, check=False,
    )
    return result.stdout + result.stderr


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--out", type=Path, default=Path("/tmp/veille-eval"))
    parser.add_argument("--set", choices=("seeds", "dev", "both"), default="both")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    nlp = build()
    for name in ("seeds", "dev"):
        if args.set not in (name, "both"):
            continue
        path = args.out / f"{name}.events.jsonl"
        seconds = run(nlp, ingested_gold(args.shared, name), path)
        gold = f"{name}.gold.jsonl"
        print(f"== {name} ({seconds:.1f}s) -> {path}")
        print(score(args.shared, gold, path))


if __name__ == "__main__":
    main()
