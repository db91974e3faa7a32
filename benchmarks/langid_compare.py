"""Language identification: the hand rules (`langid_rules`) against lingua (`langid`, what
ingest uses), on real French articles and on short items, with their speed and memory.

    .venv/bin/python benchmarks/langid_compare.py [--ingest-rate 14]

Reads ../shared/corpus (real/dev, real/unlabeled, dev/articles, ftib/dev: French articles, no
record carries a language) and tests/fixtures/langid/news_items.jsonl (short news items in
eleven languages, written for veille). On the French sets every answer but 'fr' is a miss,
'und' included: ingest would not parse the document. "lingua" is lingua alone,
"veille" what ingest does (lingua, the rules on lingua's close calls), "veille-low" the same
with lingua's low-accuracy mode (trigrams only), the lighter alternative.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from veille.ingest import langid, langid_rules

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPORA = ("corpus/real/dev.jsonl", "corpus/real/unlabeled.jsonl", "corpus/dev/articles.jsonl", "corpus/ftib/dev.jsonl")
ITEMS = ROOT / "tests" / "fixtures" / "langid" / "news_items.jsonl"
FIRST_SENTENCE = re.compile(r"(?<=[.!?])(?:\s+|(?=[«\"A-ZÀ-Ý]))")

Detector = Callable[[str], str]

# Run in a fresh interpreter: build the detector, then detect a long and a short text (the
# short one loads every model lingua has), printing seconds and the growth of the RSS in MB.
MEMORY_PROBE = """
import sys, time, psutil
from veille.ingest import langid
process = psutil.Process()
before = process.memory_info().rss
start = time.perf_counter()
detector = langid.build_detector(langid.settings()["lingua"], low_accuracy=sys.argv[1] == "low")
langid.identify("Le gouvernement annonce un plan contre la sécheresse. " * 10, detector, close_call=0.1)
langid.identify("Le gouvernement annonce un plan", detector, close_call=0.1)
print(time.perf_counter() - start, (process.memory_info().rss - before) / 2**20)
"""


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def detectors() -> dict[str, Detector]:
    codes, close_call = langid.settings()["lingua"], langid.settings()["close_call"]
    high, low = langid.build_detector(codes), langid.build_detector(codes, low_accuracy=True)
    return {
        "rules": langid_rules.detect_language,
        "lingua": lambda text: langid.identify(text, high, close_call=0.0),
        "veille": lambda text: langid.identify(text, high, close_call=close_call),
        "veille-low": lambda text: langid.identify(text, low, close_call=close_call),
    }


def french_sets() -> dict[str, list[str]]:
    records = {name: read_jsonl(SHARED / name) for name in CORPORA}
    every = [r for rs in records.values() for r in rs]
    sets = {f"text {Path(name).parent.name}/{Path(name).name}": [r["text"] for r in rs] for name, rs in records.items()}
    sets["title (all with one)"] = [r["title"] for r in every if r.get("title")]
    sets["first sentence"] = [FIRST_SENTENCE.split(r["text"].strip(), maxsplit=1)[0] for r in every]
    sets["first 60 characters"] = [r["text"].strip()[:60] for r in every]
    return sets


def accuracy(detect: Detector, texts: list[str], expected: str) -> tuple[float, Counter[str]]:
    found = Counter(detect(text) for text in texts)
    return found[expected] / len(texts), Counter({k: v for k, v in found.items() if k != expected})


def speed(detect: Detector, texts: list[str]) -> float:
    """Milliseconds per text (best of two passes, after a warm-up)."""
    detect(texts[0])
    best = float("inf")
    for _ in range(2):
        start = time.perf_counter()
        for text in texts:
            detect(text)
        best = min(best, time.perf_counter() - start)
    return 1000 * best / len(texts)


def probe(name: str) -> tuple[float, float]:
    if name == "rules":
        return 0.0, 0.0
    mode = "low" if name.endswith("-low") else "high"
    out = subprocess.run([sys.executable, "-c", MEMORY_PROBE, mode], capture_output=True, text=True, check=True)
    seconds, megabytes = out.stdout.split()
    return float(seconds), float(megabytes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ingest-rate", type=float, default=14.0, help="documents per second veille ingests")
    args = parser.parse_args()
    missing = [name for name in CORPORA if not (SHARED / name).is_file()]
    if missing:
        sys.exit(f"langid_compare needs ../shared beside the repository: {SHARED / missing[0]} not found")

    found = detectors()
    names = list(found)
    print(f"| French set | n | {' | '.join(names)} |\n|---|---|{'---|' * len(names)}")
    misses: dict[str, dict[str, Counter[str]]] = {}
    sets = french_sets()
    for label, texts in sets.items():
        cells = []
        for name, detect in found.items():
            rate, wrong = accuracy(detect, texts, "fr")
            misses.setdefault(label, {})[name] = wrong
            cells.append(f"{rate:.3f}")
        print(f"| {label} | {len(texts)} | {' | '.join(cells)} |")

    items = read_jsonl(ITEMS)
    by_lang: dict[str, list[str]] = {}
    for item in items:
        by_lang.setdefault(item["lang"], []).append(item["text"])
    print(f"\n| news_items.jsonl | n | {' | '.join(names)} |\n|---|---|{'---|' * len(names)}")
    for lang, texts in sorted(by_lang.items()):
        print(f"| {lang} | {len(texts)} | {' | '.join(f'{accuracy(d, texts, lang)[0]:.2f}' for d in found.values())} |")
    foreign = [item["text"] for item in items if item["lang"] != "fr"]
    false_french = [sum(d(t) == "fr" for t in foreign) for d in found.values()]
    print(f"| false French (non-French said 'fr') | {len(foreign)} | {' | '.join(map(str, false_french))} |")
    overall = [sum(d(i["text"]) == i["lang"] for i in items) / len(items) for d in found.values()]
    print(f"| all items | {len(items)} | {' | '.join(f'{v:.2f}' for v in overall)} |")

    unlabeled = sets["text real/unlabeled.jsonl"]
    budget = 1000 / args.ingest_rate
    print(f"\n| detector | ms per article | share of ingest ({args.ingest_rate:g} docs/s = {budget:.0f} ms) "
          "| ms per title | load s | RSS +MB |\n|---|---|---|---|---|---|")
    for name, detect in found.items():
        per_doc = speed(detect, unlabeled)
        per_title = speed(detect, sets["title (all with one)"])
        seconds, megabytes = probe(name)
        print(f"| {name} | {per_doc:.2f} | {per_doc / budget:.1%} | {per_title:.3f} | {seconds:.2f} "
              f"| {megabytes:.0f} |")

    print("\nmisses on the French sets (answer: count):")
    for label, by_detector in misses.items():
        for name, wrong in by_detector.items():
            if wrong:
                print(f"  {label} / {name}: {dict(wrong.most_common(6))}")


if __name__ == "__main__":
    main()
