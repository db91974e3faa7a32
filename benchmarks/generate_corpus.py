"""Generate a synthetic French news corpus as JSON Lines, for scale benchmarks (not committed).

    .venv/bin/python benchmarks/generate_corpus.py 50000 -o /tmp/corpus-50k.jsonl

Documents are assembled from the sentences of ../shared (dev corpus and seeds), shuffled
and recombined with a per-document seed, so every document is distinct and the lengths
follow the real ones (3–25 sentences). Publication dates advance like a feed's
(--per-day documents a day from 2022-01-01), so stories open and close as in a real stream.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from datetime import date, timedelta
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
START = date(2022, 1, 1)
OUTLETS = ["lemonde.fr", "lefigaro.fr", "rfi.fr", "france24.com", "lci.fr", "liberation.fr", "ouest-france.fr"]


def sentences() -> list[str]:
    texts = [json.loads(line)["text"] for line in (SHARED / "corpus/dev/articles.jsonl").open(encoding="utf-8")]
    pool: list[str] = []
    for text in texts:
        pool += [s.strip() for s in re.split(r"(?<=[.!?»])\s+(?=[A-ZÀ-Ý«])", text) if len(s.strip()) > 30]
    return pool


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("count", type=int)
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--per-day", type=int, default=150, help="documents published per day (a feed's rate)")
    args = parser.parse_args()
    pool = sentences()
    rng = random.Random(args.seed)
    with args.output.open("w", encoding="utf-8") as handle:
        for i in range(args.count):
            body = rng.sample(pool, rng.randint(3, min(25, len(pool))))
            record = {
                "id": f"synthetic-{i}",
                "url": f"https://example.org/synthetic/{i}",
                "outlet": rng.choice(OUTLETS),
                "title": body[0][:90],
                "published": (START + timedelta(days=i // args.per_day)).isoformat(),
                "text": " ".join(body),
            }
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{args.count} documents → {args.output}")


if __name__ == "__main__":
    main()
