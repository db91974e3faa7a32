"""Train the document topic model (is this article about politics?); write src/veille/events/data/topic.json.

    .venv/bin/python scripts/train_topic.py [--shared ../shared] [--dry-run]

Reads the documents judged by hand in eval/judged/politics-*.jsonl (references: an article's url
in ../shared/corpus/real/unlabeled.jsonl and a label, `politics`, `mixed` or `other`) and the
documents of the event gold sets (dev and real-dev: politics when the gold requires an event of
them, other when it requires none), lemmatizes them with veille's pipeline, and fits a logistic
regression over their distinct lemmas (scikit-learn). `mixed` documents count as politics at half
weight. The regularisation is chosen by cross-validation grouped by story (a gold story's articles
are never split between folds); the out-of-fold accuracy, precision and recall are printed, for all
documents and for the gold sets' alone. Needs ../shared and scikit-learn.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "veille" / "events" / "data" / "topic.json"
LABELS = {"politics": (1, 1.0), "mixed": (1, 0.5), "other": (0, 1.0)}
MIN_DOCS = 2  # a lemma read in fewer training documents gets no weight
GRID = (1.0, 3.0, 10.0, 30.0, 100.0)
# the event filters' politics floor (`threshold`): the highest (by 0.01) that keeps this share of the documents
# labelled politics, out of fold
FLOOR_RECALL = 0.99
# `ordinary_below`: the first 0.05-wide band of probability, from 0 up, in which this share of the documents
# (out of fold) is politics or mixed; under it a document is ordinary news (events/coder.py)
ORDINARY_BAND, ORDINARY_SHARE = 0.05, 0.4


def judged_documents() -> dict[str, str]:
    labels: dict[str, str] = {}
    for path in sorted((ROOT / "eval" / "judged").glob("politics-*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                if item["label"] not in LABELS:
                    raise ValueError(f"{path}: unknown label {item['label']!r}")
                labels[item["source"]] = item["label"]
    return labels


def lemmatize(texts: list[str]) -> list[set[str]]:
    from veille.events.topic import doc_terms
    from veille.nlp.pipeline import build_nlp

    # the parse stays on: the components after it read its sentences (veille_acronyms) and its tree
    # (veille_attachments), and the lemmas learnt are then those the ingest computes
    nlp = build_nlp(components=[], ner="off")
    return [doc_terms(doc) for doc in nlp.pipe(texts, batch_size=32)]


def gold_documents(shared: Path) -> list[tuple[str, str, str, str]]:
    """(set, key, story, label) of each dev and real-dev document, with its text: (set, text, story, label)."""
    sets = {"dev": ("corpus/dev/articles.jsonl", "gold/dev.gold.jsonl"),
            "real-dev": ("corpus/real/dev.jsonl", "gold/real-dev.gold.jsonl")}
    out = []
    for name, (corpus, gold) in sets.items():
        golds = {}
        for line in (shared / gold).read_text("utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                golds[record["doc"]] = record
        for line in (shared / corpus).read_text("utf-8").splitlines():
            if not line.strip():
                continue
            record = json.loads(line)
            gold = golds[record["url"]]
            required = any(e.get("required", True) for e in gold.get("events", []))
            story = f"{name}:{gold.get('story') or record['url']}"
            out.append((name, record["text"], story, "politics" if required else "other"))
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--dry-run", action="store_true", help="print the cross-validation, write nothing")
    args = parser.parse_args(argv)
    try:
        import numpy as np
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.model_selection import StratifiedGroupKFold
    except ImportError:
        sys.exit("scikit-learn is needed: pip install -e '.[dev]'")
    from veille.events.topic import term_features

    labels = judged_documents()
    corpus = args.shared / "corpus" / "real" / "unlabeled.jsonl"
    if not corpus.is_file():
        sys.exit(f"{corpus}: not found (the judged documents are read from ../shared)")
    texts = {}
    with corpus.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["url"] in labels:
                texts[record["url"]] = record["text"]
    missing = sorted(set(labels) - set(texts))
    if missing:
        sys.exit(f"{len(missing)} judged documents not in {corpus}: {missing[:3]}")
    rows = [("judged", texts[s], s, labels[s]) for s in sorted(texts)] + gold_documents(args.shared)
    found = lemmatize([r[1] for r in rows])
    y = np.array([LABELS[r[3]][0] for r in rows])
    w = np.array([LABELS[r[3]][1] for r in rows])
    groups = np.array([r[2] for r in rows])
    gold = np.array([r[0] != "judged" for r in rows])
    print(f"{len(rows)} documents ({int(gold.sum())} of the gold sets): {int(y.sum())} politics or mixed,"
          f" {int((1 - y).sum())} other")

    vectorizer = DictVectorizer()
    X = vectorizer.fit_transform([term_features(t) for t in found]).tocsc()
    names = np.array(vectorizer.get_feature_names_out())

    def fit(rows, c: float):
        keep = np.asarray((X[rows] > 0).sum(axis=0)).ravel() >= MIN_DOCS
        model = LogisticRegression(C=c, max_iter=2000)
        model.fit(X[rows][:, keep], y[rows], sample_weight=w[rows])
        return model, keep

    def figures(selected, oof) -> str:
        predicted = oof[selected] >= 0.5
        truth = y[selected]
        precision = float(truth[predicted].mean()) if predicted.any() else 0.0
        return (f"accuracy {float((predicted == truth).mean()):.3f} precision {precision:.3f}"
                f" recall {float(predicted[truth == 1].mean()):.3f}")

    folds = list(StratifiedGroupKFold(5, shuffle=True, random_state=0).split(np.zeros(len(y)), y, groups))
    best = None
    for c in GRID:
        oof = np.zeros(len(y))
        for train, test in folds:
            model, keep = fit(train, c)
            oof[test] = model.predict_proba(X[test][:, keep])[:, 1]
        loss = float(-np.mean(y * np.log(oof + 1e-9) + (1 - y) * np.log(1 - oof + 1e-9)))
        print(f"C={c:<5} out of fold, all: {figures(np.ones(len(y), bool), oof)} log-loss {loss:.3f};"
              f" gold sets: {figures(gold, oof)}")
        if best is None or loss < best[0]:
            best = (loss, c, oof)
    _, c, oof = best
    for low, high in ((0.0, 0.2), (0.2, 0.4), (0.4, 0.6), (0.6, 0.8), (0.8, 1.01)):
        inside = (oof >= low) & (oof < high)
        if inside.any():
            print(f"  p in [{low:.1f}, {min(high, 1.0):.1f}): {int(inside.sum()):4d} documents, "
                  f"{y[inside].mean():.2f} politics; gold-set documents with a required event:"
                  f" {int((inside & gold & (y == 1)).sum())}")
    floor, ordinary, measured = floors(oof, np.array([r[3] for r in rows]))
    print(measured)
    model, keep = fit(np.arange(len(y)), c)
    weights = {str(name): round(float(v), 4) for name, v in zip(names[keep], model.coef_[0], strict=True)
               if abs(v) >= 1e-3}
    bias = round(float(model.intercept_[0]), 4)
    if args.dry_run:
        return
    OUT.write_text(json.dumps({"bias": bias, "weights": dict(sorted(weights.items())), "C": c,
                               "documents": len(rows), "threshold": floor, "ordinary_below": ordinary,
                               "measured": measured}, ensure_ascii=False, indent=0) + "\n", "utf-8")
    print(f"wrote {OUT} (C={c}, {len(weights)} lemmas)")


def floors(oof, labels) -> tuple[float, float, str]:
    """The filters' floor and the ordinary-news bound, chosen from the out-of-fold probabilities, and what
    they keep, in words."""
    import numpy as np

    politics, mixed, other = (oof[labels == name] for name in ("politics", "mixed", "other"))
    floor = max(f / 100 for f in range(100) if (politics >= f / 100).mean() >= FLOOR_RECALL)
    ordinary = 1.0
    for k in range(round(1 / ORDINARY_BAND)):
        band = (oof >= k * ORDINARY_BAND) & (oof < (k + 1) * ORDINARY_BAND)
        if band.any() and float((labels[band] != "other").mean()) >= ORDINARY_SHARE:
            ordinary = round(k * ORDINARY_BAND, 2)
            break
    below = oof < ordinary
    measured = (f"out of fold: threshold {floor} keeps {(politics >= floor).mean():.3f} of the {len(politics)} "
                f"politics documents, {(mixed >= floor).mean():.3f} of the {len(mixed)} mixed, "
                f"{(other >= floor).mean():.3f} of the {len(other)} other; under ordinary_below {ordinary}, "
                f"{float(np.mean(labels[below] == 'other')):.3f} of the {int(below.sum())} documents are other")
    return floor, ordinary, measured


if __name__ == "__main__":
    main()
