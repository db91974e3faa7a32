"""How the stories step scales: time per 1,000 documents on synthetic stores of 1k, 5k, 20k docs.

    .venv/bin/python benchmarks/stories_scaling.py [--sizes 1000 5000 20000] [--batch 500]

Each store is filled the way ingest fills it: batches of documents (with mentions and
events) written in one transaction, then `veille.stories.update` on the batch. Only the
update is timed. Synthetic news as a stream: about 50 new articles a day, stories of 1
to 30 articles over a few days, each with its topic words, named actors, country codes
and event types, on a Zipfian background vocabulary; 3% of articles are republications
(new header and footer, no date). Printed per store size: overall ms/doc, seconds per
1,000 documents for the last 1,000 (the marginal cost at that size), row counts, the
pairwise story F1 against the generator's stories (a sanity check) and the file size.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import tempfile
import time
from datetime import date, datetime, timedelta
from itertools import combinations
from pathlib import Path
from typing import Any

from veille import stories
from veille.model.vocabulary import load_vocabulary
from veille.store import Batch, Store

SYLLABLES = [c + v for c in "bcdfgklmnprstvz" for v in ("a", "e", "i", "o", "u", "ou", "an", "on")]
DOCS_PER_DAY = 50
TYPES = list(load_vocabulary().types)  # model/vocabulary.yaml


def pseudo_word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(syllables))


class Generator:
    def __init__(self, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        rng = self.rng
        self.background = [pseudo_word(rng, rng.randint(2, 4)) for _ in range(20_000)]
        self.weights = [1 / (rank + 1) for rank in range(len(self.background))]
        self.codes = sorted({pseudo_word(rng, 2)[:3].upper() for _ in range(120)})[:80]
        self.outlets = [f"{pseudo_word(rng, 3)}.example" for _ in range(300)]
        self.story_number = 0

    def new_story(self, position: int) -> dict[str, Any]:
        rng = self.rng
        self.story_number += 1
        return {
            "label": self.story_number,
            "size": min(30, int(rng.expovariate(1 / 5)) + 1),
            "topic": [pseudo_word(rng, rng.randint(2, 4)) for _ in range(40)],
            "names": [
                (pseudo_word(rng, 3).capitalize(), rng.choice(["PER", "ORG", "LOC"]), rng.choice(self.codes))
                for _ in range(rng.randint(3, 6))
            ],
            "types": rng.sample(TYPES, rng.randint(1, 3)),
            # a stream: about DOCS_PER_DAY new articles a day
            "day": date(2022, 1, 1) + timedelta(days=position // DOCS_PER_DAY),
        }

    def article(self, story: dict[str, Any]) -> tuple[str, list[tuple[int, int, str, str, str]], str]:
        rng = self.rng
        background = rng.choices(self.background, self.weights, k=180)
        words = background + rng.choices(story["topic"], k=90)
        rng.shuffle(words)
        mentions = []
        text_parts: list[str] = []
        length = 0
        for index, word in enumerate(words):
            if index % 25 == 0:
                name, label, code = rng.choice(story["names"])
                text_parts.append(name)
                mentions.append((length, length + len(name), name, label, code))
                length += len(name) + 1
            text_parts.append(word)
            length += len(word) + 1
        published = story["day"] + timedelta(days=rng.randint(0, 3))
        return " ".join(text_parts), mentions, published.isoformat()

    def corpus(self, size: int) -> list[dict[str, Any]]:
        docs: list[dict[str, Any]] = []
        active: list[dict[str, Any]] = []
        while len(docs) < size:
            if docs and self.rng.random() < 0.03:
                source = self.rng.choice(docs[-2000:])
                text = (
                    f"Publié par {self.rng.choice(self.outlets)}. "
                    + source["text"]
                    + " Lire aussi nos dossiers."
                )
                docs.append(
                    {**source, "text": text, "outlet": self.rng.choice(self.outlets), "published": None}
                )
                continue
            if not active or self.rng.random() < 0.2:
                active.append(self.new_story(len(docs)))
            story = self.rng.choice(active[-50:])
            text, mentions, published = self.article(story)
            docs.append(
                {
                    "text": text,
                    "mentions": mentions,
                    "published": published,
                    "story": story["label"],
                    "outlet": self.rng.choice(self.outlets),
                    "types": story["types"],
                    "codes": [n[2] for n in story["names"]],
                }
            )
            story["size"] -= 1
            if story["size"] <= 0:
                active.remove(story)
        return docs[:size]


def write_batch(store: Store, docs: list[dict[str, Any]], when: datetime, rng: random.Random) -> list[str]:
    batch = Batch()
    ids = []
    for doc in docs:
        doc_id = hashlib.sha256(doc["text"].encode()).hexdigest()[:16]
        doc["doc_id"] = doc_id
        ids.append(doc_id)
        source = f"{doc['outlet']}/{doc_id}"
        batch.add(
            "documents",
            {
                "doc_id": doc_id,
                "source": source,
                "text": doc["text"],
                "lang": "fr",
                "status": "parsed",
                "published": doc["published"],
                "outlet": doc["outlet"],
                "ingested_at": when,
            },
        )
        batch.add("sources", {"doc_id": doc_id, "source": source, "outlet": doc["outlet"], "seen_at": when})
        batch.extend(
            "mentions",
            (
                {
                    "doc_id": doc_id,
                    "source": source,
                    "start": s,
                    "end": e,
                    "text": t,
                    "label": label,
                    "code": code,
                }
                for s, e, t, label, code in doc["mentions"]
            ),
        )
        for number in range(rng.randint(1, 3)):
            codes = rng.sample(doc["codes"], 2)
            batch.add(
                "events",
                {
                    "event_id": f"{doc_id}-{number:03d}",
                    "doc_id": doc_id,
                    "source": source,
                    "type": rng.choice(doc["types"]),
                    "status": rng.choice(["asserted", "asserted", "reported"]),
                    "actor": [{"text": codes[0], "code": codes[0]}],
                    "recipient": [{"text": codes[1], "code": codes[1]}],
                    "date": doc["published"],
                    "date_precision": "day" if doc["published"] else None,
                    "size": {"dead": rng.choice([10, 12, 20])} if rng.random() < 0.2 else None,
                    "sentence": doc["text"][:120],
                    "start": 0,
                    "end": 120,
                },
            )
    store.write(batch)
    return ids


def pair_f1(store: Store, docs: list[dict[str, Any]]) -> float:
    predicted = dict(store.con.execute("SELECT doc_id, story_id FROM documents").fetchall())
    truth = {d["doc_id"]: d["story"] for d in docs}
    by_story: dict[Any, list[str]] = {}
    for doc_id, story in truth.items():
        by_story.setdefault(story, []).append(doc_id)
    by_pred: dict[Any, list[str]] = {}
    for doc_id, story in predicted.items():
        by_pred.setdefault(story, []).append(doc_id)
    gold_pairs = {frozenset(p) for ids in by_story.values() for p in combinations(ids, 2)}
    pred_pairs = {frozenset(p) for ids in by_pred.values() for p in combinations(ids, 2)}
    tp = len(gold_pairs & pred_pairs)
    precision = tp / len(pred_pairs) if pred_pairs else 1.0
    recall = tp / len(gold_pairs) if gold_pairs else 1.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def run(size: int, batch_size: int, folder: Path) -> dict[str, Any]:
    docs = Generator().corpus(size)
    store = Store(folder / f"stories_{size}.duckdb")
    rng = random.Random(1)
    when = datetime(2024, 1, 1)
    timings: list[tuple[int, float]] = []
    for start in range(0, size, batch_size):
        chunk = docs[start : start + batch_size]
        when += timedelta(minutes=1)
        ids = write_batch(store, chunk, when, rng)
        began = time.perf_counter()
        stories.update(store, ids)
        timings.append((len(ids), time.perf_counter() - began))
    total = sum(t for _, t in timings)
    last, counted = 0.0, 0
    for n, t in reversed(timings):
        if counted >= 1000:
            break
        last += t
        counted += n
    counts = store.counts()
    result = {
        "documents": size,
        "ms_per_doc": 1000 * total / size,
        "s_per_1000_last": 1000 * last / counted,
        "stories": counts["stories"],
        "republications": int(
            store.con.execute("SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL").fetchall()[0][
                0
            ]
        ),
        "merged_events": counts["merged_events"],
        "signature_keys": counts["signature_keys"],
        "story_pair_f1": pair_f1(store, docs),
        "file_mb": Path(store.path).stat().st_size / 1e6,
    }
    store.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    parser.add_argument("--batch", type=int, default=500, help="documents per ingest batch")
    args = parser.parse_args()
    print(
        f"{'docs':>7} {'ms/doc':>8} {'s/1k (last 1k)':>15} {'stories':>8} {'copies':>7} {'merged':>8} "
        f"{'keys':>9} {'pair F1':>8} {'MB':>6}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            r = run(size, args.batch, Path(tmp))
            print(
                f"{r['documents']:>7} {r['ms_per_doc']:>8.2f} {r['s_per_1000_last']:>15.2f} "
                f"{r['stories']:>8} "
                f"{r['republications']:>7} {r['merged_events']:>8} {r['signature_keys']:>9} "
                f"{r['story_pair_f1']:>8.3f} {r['file_mb']:>6.1f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
