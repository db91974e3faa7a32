"""Train the event confidence model on the gold sets; write src/veille/events/data/confidence.json.

    .venv/bin/python scripts/train_confidence.py [--shared ../shared] [--judged] [--dry-run] [--cache FILE]
        [--held-out] [--oof FILE] [--by-sample] [--trees] [--drop PREFIX ...] [--meaning MODE]

The shipped model: ``PYTHONPATH=src .venv/bin/python scripts/train_confidence.py --judged --held-out`` (about 6
minutes on two busy cores, nearly all of it coding the sets; with --cache, a second run on the same code takes
seconds).

Runs the pipeline (the confidence model switched off, every event kept with the features the
coder saw) over the seeds, the dev texts and real-dev, labels each event by the shared scorer's
own matching (right = paired with a gold event at the right factuality), and fits a logistic
regression (scikit-learn) over the coder's features (with --meaning raw, also what the words of its sentence and
document are about: their word vectors, MEANING); each event's lexicon entry is no feature but the key of a prior,
the entry's events' share
right smoothed toward the average (PRIOR_WEIGHT), learnt out of fold (never from the event's own label) and shipped
as the table ``entry_priors``. Cross-validation is grouped by story (a judged article is its own story), so no story
is scored by a model that read it. The factual threshold: among those whose real-dev F1 on the out-of-fold predictions
is within F1_SLACK of the best, while seeds and dev keep their F1 at their target (KEEP_F1), the ones whose share right
among the hand-judged events kept (out of fold) is within SHARE_SLACK of the best, and of those the highest (without
--judged: the highest), provided that the hand-judged samples learnt from, taken together, keep KEEP_JUDGED of their
events judged right that the coder still codes (out of fold) and the replay's floor (eval/judged/replay.json) of all
their events judged right with the fitted model (eval/test_judged_sample.py replays them), and that the fitted model
keeps the eval tests' floors of F1, precision and recall on the seeds, dev and real-dev (KEEP_FITTED)
and the judged events labelled with their right sides (SIDES_FLOOR). The held-out
samples (HELD_OUT) choose nothing: with --held-out, the fitted model is measured on them at the end. Planned,
hypothetical and negated events, which count in no precision, get the highest threshold at which no set loses a gold
event. Prints a reliability table and the per-set scores with and without the model; needs ../shared (and
scikit-learn, a dev dependency). With ``--judged``, the hand-judged events of eval/judged/ are learnt from too, and
their out-of-fold share right is printed beside each threshold, with the samples' pooled shares of their events judged
right kept and the sample keeping the lowest share of its own.
"""

from __future__ import annotations

import argparse
import ast
import importlib.util
import json
import sys
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "veille" / "events" / "data" / "confidence.json"
SETS = ("seeds", "dev", "real-dev")
# real-dev is what the press looks like; the rewritten dev texts count less
# a hand-judged event weighs 1.5 since stop 30 (1.0 before); with CROSSES and C 0.03 (0.1 before), out of fold, the AUC
# on the judged press 0.675 -> 0.688 and on real-dev 0.747 -> 0.755, real-dev F1 flat; judged weights of 2.0 and 3.0
# pull real-dev's AUC down (0.740, 0.727) for no more on the press
# dev weighs as the seeds since stop 40 (0.5 before): its ~200 events, six stories of short rewritten texts, weighed
# 100 against the judged press's 1,300 and real-dev's 1,000, so the model hardly learnt their genre and a handful of
# their right events sat at the threshold, crossing it at any retrain (stop 39's: dev R 0.931 -> 0.908). At 1.0 the
# fitted model keeps the dev floors (KEEP_FITTED) at the threshold the press chooses, for AUCs out of fold within the
# folds' noise (real-dev 0.760 -> 0.757, judged 0.749 -> 0.745)
SET_WEIGHT = {"seeds": 1.0, "dev": 1.0, "real-dev": 2.0, "judged": 1.5}
F1_SLACK = 0.005  # real-dev F1 this close to the best counts as flat
# F1 seeds and dev must keep out of fold (the target for them). Real-dev stands for the press: where its F1
# is flat, the rewritten dev texts do not hold the threshold down.
KEEP_F1 = {"seeds": 0.90, "dev": 0.90}
# what the replay (eval/test_judged_sample.py) asks: of all the events judged right in each sample (those the coder
# no longer codes count as lost), the share the shipped (fitted) model keeps; declared once, in eval/judged/
REPLAY_FLOOR = json.loads((ROOT / "eval" / "judged" / "replay.json").read_text("utf-8"))["right_kept"]
# share of the events judged right and still coded that the threshold must keep out of fold, over the samples learnt
# from taken together: a margin over the replay's floor for what the coder loses otherwise. Pooled since stop 31: asked
# of each sample, it bound on the oldest, loosest-judged samples (1, 4, 5: ~30 events judged right each, where one
# event is 0.03) and forced the threshold from 0.40 to 0.375 once sample 11 was learnt, which kept more wrong
# events on the press
KEEP_JUDGED = round(REPLAY_FLOOR + 0.02, 3)
# the events of the judged press labelled with their right sides (eval/judged/sides-labels.jsonl) that
# eval/test_judged_sides.py asks to be coded with them: the fitted model keeps at least SIDES_FLOOR of them (or all
# those the coder codes, when fewer; or, when no threshold keeping the other floors reaches it, the most any of them
# keeps, with a warning). Stop 42's retrain, chosen without it, kept 46 of the 49 asked (threshold 0.500); with it,
# 48 (0.475): at stop 42's code no threshold keeps them all, the word vectors or not (a retrain without them keeps 48 at
# 0.425, 49 only where the fitted model's dev precision falls to 0.975, one event under its floor)
SIDES_LABELS = [json.loads(line) for line in (ROOT / "eval" / "judged" / "sides-labels.jsonl").read_text(
    "utf-8").splitlines() if line.strip()]


def eval_constant(test: str, name: str):
    """A number an eval test file declares at module level (read, not imported)."""
    for node in ast.parse((ROOT / "eval" / test).read_text("utf-8")).body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == name for t in node.targets):
            return ast.literal_eval(node.value)
    raise ValueError(f"eval/{test}: no {name}")


SIDES_FLOOR = eval_constant("test_judged_sides.py", "SIDES_RIGHT_FLOOR")
# what the model may read of the events' words (events/confidence.py `meaning_vectors`; --meaning raw): the vectors
# of the sentence's and of the document's content words, every dimension (mean-centred, times MEANING_SCALE: at C
# 0.03 a unit vector's dimensions weigh little), shipped as one axis per slot. Measured at stop 42 (samples 1-15
# learnt, 16 held out; AUC
# out of fold real-dev / judged / held-out sample 16 by the fitted model): without 0.755 / 0.762 / 0.591; sentence and
# document at scale 2 0.767 / 0.771 / 0.614 (per fold 0.828 0.818 0.791 0.822 0.832 -> 0.832 0.821 0.805 0.832 0.845;
# judged right against those judged wrong for their sense 0.793 -> 0.820, as background 0.776 -> 0.795, not an
# event 0.795 -> 0.797, for their sides 0.748 -> 0.754, not political 0.836 -> 0.829); at scale 3 0.776 / 0.773 /
# 0.623 and 4 0.781 / 0.772 / 0.631, but no threshold then keeps the fitted model's floors (dev precision at 0.975,
# one event). Left out: the trigger's, its object's, its subject's and the recipient's vectors, each alone or with
# the rest (all six at scale 3: 0.755 / 0.767 / 0.611; each alone at scale 3 beside the genre features below, against
# their 0.762 / 0.759: trigger 0.749 / 0.758, object 0.760 / 0.758, subject 0.754 / 0.756, recipient 0.760 / 0.759:
# the lexicon entry's prior already says what the trigger's word does), their
# 8 main axes (scale 1: 0.754 / 0.765 / 0.601), 8 centroids per slot (one-hot: 0.751 / 0.765 / 0.626); and the
# document's genre (how many states it names, whether the outlet's own state is the one it is most about, the share of
# its events' sides of that state, whether it names an IGO): 0.762 / 0.759 / 0.581, nor with the vectors (0.777 /
# 0.770 / 0.623 at scale 3)
# Not shipped at stop 42 (the model file stayed stop 40's): retrained with them the threshold is 0.475 (real-dev F1
# 0.781 -> 0.782, P 0.880 -> 0.886, R 0.702 -> 0.699; dev and the seeds unchanged; out of fold the judged events kept
# 0.636 right -> 0.665), but held-out sample 16 coded by the pipeline keeps 35 of its events judged right and 45 of
# those judged wrong (stop 40's model: 40 and 51), a share right flat (0.440 -> 0.438), and 48 of the 49 events
# labelled with their right sides (SIDES_FLOOR)
# Shipped at stop 44, retrained with the topic model (scripts/train_topic.py, whose lemmas are the ingest's again since
# 2bd3ecb: the two are retrained together, the topic's probability being a feature here). Out of fold AUC real-dev /
# judged by article / judged by sample (--by-sample: each sample scored by a model that read none of it): without
# the vectors 0.755 / 0.754 / 0.758 (per sample 0.65-0.86, mean 0.760), threshold 0.450; with them 0.766 / 0.762 /
# 0.765 (mean 0.769), threshold 0.500 (every floor kept; below it the fitted model's dev precision is 0.975, one
# event). Held-out sample 16 by the fitted model: AUC 0.610 without, 0.622 with. Measured by the pipeline against
# stop 43's model (0.475, the stale topic): samples 1-14 keep 426 of their 516 events judged right (435) and code 153
# judged wrong (180); sample 16 keeps 35 of its 41 right (38) and 42 wrong (44); real-dev F1 0.790 -> 0.794 (P 0.887
# -> 0.894). Without the vectors (0.450): 440 right and 194 wrong, sample 16 40 and 47. Left out there, each within
# +-0.005 of the shipped features on all three AUCs (so within the folds' noise): leaving out the entries' priors,
# the type's or its part of speech's one-hots, the per-type politics, the lexicon flags, the document's length; C
# 0.01-0.1, PRIOR_WEIGHT 5-40, judged weights 1-3; added: the date's precision, whether the sentence dates the act,
# the sides' kind (a state body, another sector, a bare code), an international pair, the entry's mode or context
# (mode: 0.761 / 0.756 / 0.760). What carries the ranking (each left out): the document's counts of events (judged
# 0.754 -> 0.724), whether each side is named in the sentence (0.738 / 0.743), the crosses (0.747 / 0.746), the
# clause, how crowded the sentence is (real-dev 0.742)
MEANING, MEANING_SCALE, MEANING_SLOTS = "raw", 2.0, ("sentence", "document")


def eval_floors(test: str, key=lambda k: k) -> dict:
    """The ``FLOORS`` an eval test file asks of the exported scores (read, not imported: they import pytest's
    conftest), keyed by (set, measure) through `key`."""
    tree = ast.parse((ROOT / "eval" / test).read_text("utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "FLOORS" for t in node.targets):
            return {key(k): v for k, v in ast.literal_eval(node.value).items()}
    raise ValueError(f"eval/{test}: no FLOORS")


# what the eval tests ask of the shipped model's events, per (set, measure): dev's and the seeds' F1, precision and
# recall (eval/test_gold_scores.py), real-dev's (eval/test_real_press.py). The threshold is chosen among those at which
# the fitted model keeps them all (checked on the coded events, with the model as the component applies it): out of
# fold, dev's few stories (six) are each scored by a model that never read their genre, so its out-of-fold F1 (KEEP_F1)
# says little of what the shipped model does there. Stop 39's retrain, chosen on out of fold figures alone, shipped dev
# at F1 0.944, R 0.908, under the floors.
KEEP_FITTED = {k: v for k, v in (eval_floors("test_gold_scores.py")
                                 | eval_floors("test_real_press.py", lambda k: ("real-dev", k))).items()
               if k[1] in ("f1", "precision", "recall")}
# share right among the hand-judged events kept (out of fold) this close to the best counts as flat: then the highest
SHARE_SLACK = 0.005
# hand-judged samples the model does not learn from (since stop 31 they bound no threshold either:
# measured with --held-out only): the sample judged on
# the code a session starts from measures that session's work on the press. Held out by event, not by article: their
# articles' other judged events are learnt from (holding those out too cost 0.001 real-dev F1 and let 18 more events,
# mostly wrong, over the lower threshold it chose on 400 unlabeled articles)
# Stop 38's model learnt samples 1-14 with sample 15 held out; stop 40's learns samples 1-15, sample 16 (judged at the
# end of stop 38 on its final code) held out
HELD_OUT = frozenset({"unlabeled-sample-16"})
# events of the average's weight a lexicon entry's own share right is smoothed with (its prior, events/confidence.py)
PRIOR_WEIGHT = 10.0
# pairs of feature-name prefixes crossed (events/confidence.py `crossed`), shipped in the model: whether the sentence
# names the recipient by how political the document reads (a side guessed in a document of middling politics is
# mostly wrong on the press), and the days before the article by the trigger's tense (an act of months before told
# in the present is context). Out of fold (stop 30) they lift the AUC on the judged press 0.675 -> 0.682 at the same
# real-dev AUC; crossing the guessed sides by where their codes come from, by the document's states, the actor's
# provenance by politics, nouns by politics or the gap by the clause did not (or lowered real-dev's)
CROSSES: list[tuple[tuple[str, ...], tuple[str, ...]]] = [
    (("recipient_named", "recipient_inferred", "recipient_none"), ("politics=",)),
    (("gap=",), ("tense=",)),
]
# Feature sets compared at stop 37 (sample 14 held out, samples 1-13 learnt from; AUC out of fold on real-dev's factual
# events / on the judged events, grouped by article / with --by-sample, grouped by sample / on held-out sample 14 by
# the fitted model): the shipped features 0.775 / 0.738 / 0.723 / 0.653. Kept: the document's count of events of the
# event's type (same_type=) 0.779 / 0.755 / 0.739 / 0.674, and with its count of events (doc_events=) 0.775 / 0.760 /
# 0.747 / 0.708, threshold 0.450 -> 0.475 (sample 14 keeps 36 of its 40 events judged right, was 38, and drops 16 of
# its 55 wrong, was 7). Left out, as they lower one of them or do not raise sample 14's: how each side was found
# (its slot on the trigger, a verb above, a pronoun's antecedent, the speaker, or the rule that guessed it: rival,
# counterpart, home state ...) 0.780 / 0.743 / - / 0.641 for the actor's, 0.772 / 0.736 / - / 0.660 the recipient's;
# the number of types the trigger's lexicon entries code 0.773 / 0.736 / - / 0.657; the share of the document's
# sentences that name a coded side 0.777 / 0.745 / - / 0.635; the count of its events sharing the event's pair of
# sides, whether that pair is its most told one (each added to the kept two: 0.773 / 0.764 / - / 0.698, 0.774 /
# 0.757 / - / 0.677 over same_type alone). The real-dev AUC moves by +-0.006 with the folds alone (grouping the judged
# events by sample reshuffles them), and sample 14 has 95 events (an AUC's standard error about 0.05): read the three
# together. Gradient-boosted trees (--trees) on the shipped features: 0.742 / 0.720 / - / 0.637, below the logistic
# model on all three
# Shipped at stop 38, once a document of fewer than DOC_MIN_SENTENCES sentences carries no document feature (one-
# sentence texts had read as lone events; the dev texts lost 3 events): threshold 0.400; on held-out sample 15 (75
# events coded) AUC 0.717 against the former model's 0.624, keeping 18 of its 20 events judged right and dropping 21 of
# its 55 wrong; real-dev out of fold AUC 0.745
# Trained at stop 40 (samples 1-15 learnt, dev weighing 1.0, the threshold held to the eval floors by the fitted model):
# threshold 0.425, every floor kept; out of fold AUC real-dev 0.757, judged 0.745. Not shipped: a one-sentence test
# (tests/test_events_vague_tolls.py) lost its event (0.43 -> 0.392), for no gain on held-out sample 16. Features
# measured there and left out (AUC out of fold, real-dev / judged, against 0.760 / 0.749; the judged events' right ones
# against those judged wrong for their sides: 0.695, the weakest class, against 0.78-0.82 for background and not
# political): a side named only as a place 0.763 / 0.749 (on the press its events are right 0.57 of the time as an
# actor, 0.59 as a recipient, against 0.52 for all); a person the knowledge base does not know 0.765 / 0.749 (0.53); a
# trigger's object slot holding a noun or pronoun while no recipient is named 0.766 / 0.750 (0.53); a side's code that
# is the outlet's country 0.762 / 0.747, only when lent by the document 0.760 / 0.749; all sides of the outlet's country
# 0.768 / 0.748; no document length (sentences=) 0.761 / 0.751 but dev's fitted recall unchanged; C 0.1 or judged
# weights 1.0 and 2.0 within +-0.005. None tells the press's wrong sides apart: what the coder sees of a side is the
# same whether it chose right or wrong. Nor does labelling the gold's events as the press is judged (right only with
# their sides right, the scorer's direction; 116 of real-dev's and dev's matched events then wrong): judged 0.745 ->
# 0.751, real-dev (its own labels) 0.757 -> 0.749, and the gold's wrong sides are no easier to rank (AUC 0.687). Sample
# 16, held out, ranks at 0.584 (stop 39's retrain 0.593): the press's wrong sides are not in these features


def load_scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("veille_gold_score", shared / "tools" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def label(scorer, golds: list[dict], preds: list[dict]) -> list[int]:
    """1 for a prediction the scorer pairs with a gold event at an acceptable factuality."""
    candidates = sorted((-scorer.pair_quality(p, g), not g.get("required", True), i, j)
                        for i, p in enumerate(preds) for j, g in enumerate(golds) if scorer.can_match(p, g))
    pairs: dict[int, int] = {}
    for _, _, i, j in candidates:
        if i not in pairs and j not in pairs.values():
            pairs[i] = j
    return [int(i in pairs and scorer.same_factuality(preds[i], golds[pairs[i]])) for i in range(len(preds))]


def collect(shared: Path, judged: bool = False):
    from veille.evaluation import gold_documents
    from veille.events.confidence import ConfidenceModel
    from veille.ingest.outlets import load_outlets
    from veille.nlp.pipeline import build_nlp
    from veille.pipeline import make_doc

    scorer = load_scorer(shared)
    nlp = build_nlp()
    coder = nlp.get_pipe("veille_events")
    coder.model, coder.threshold, coder.keep_features = ConfidenceModel(), 0.0, True
    rows = []  # (set, doc key, story, event)
    gold_docs: dict[str, list[dict]] = {}
    # the docs are made as the ingest makes them (pipeline.make_doc): linked to their outlets, whose country is
    # the doc's home state ("le gouvernement" of a text that names no state)
    outlets = load_outlets()
    for name in SETS:
        gold = scorer.read_jsonl(str(shared / "gold" / f"{name}.gold.jsonl"))
        gold_docs[name] = gold
        by_key = {g["doc"]: g for g in gold}
        records = gold_documents(shared, name, outlets)
        docs = [make_doc(nlp, document) for _, document in records]
        for (key, _), doc in zip(records, nlp.pipe(docs), strict=True):
            g = by_key.get(key, {})
            events = [dict(e, source=key) for e in doc._.events or []]
            for event, y in zip(events, label(scorer, g.get("events", []), events), strict=True):
                rows.append((name, key, f"{name}:{g.get('story') or key}", event, y))
    found = judged_rows(shared, nlp, outlets)
    if judged:
        rows.extend(found.rows)
    return scorer, rows, gold_docs, found


def cached_collect(shared: Path, judged: bool, cache: Path | None):
    """`collect`, or what an earlier run with the same --judged wrote to `cache`."""
    import pickle

    if cache is not None and cache.is_file():
        saved = pickle.loads(cache.read_bytes())
        if saved["judged"] == judged and saved.get("held_out") == sorted(HELD_OUT):
            return load_scorer(shared), *saved["data"]
    scorer, *data = collect(shared, judged)
    if cache is not None:
        cache.write_bytes(pickle.dumps({"judged": judged, "held_out": sorted(HELD_OUT), "data": data}))
    return scorer, *data


def auc_of(right, conf) -> float:
    """The ranking's AUC (nan when `right` holds one class only)."""
    import numpy as np
    from sklearn.metrics import roc_auc_score

    right = np.asarray(right)
    return float(roc_auc_score(right, conf)) if 0 < right.sum() < len(right) else float("nan")


def reliability(conf, right, title: str) -> None:
    """Per band of confidence a tenth wide, how many events and the share right; the ranking's AUC."""
    import numpy as np
    from sklearn.metrics import roc_auc_score

    conf, right = np.asarray(conf), np.asarray(right)
    if not len(conf):
        return
    auc = roc_auc_score(right, conf) if 0 < right.sum() < len(right) else float("nan")
    print(f"reliability on {title} ({len(conf)} events, {right.mean():.2f} right, AUC {auc:.3f}):")
    bands = np.minimum(9, (conf * 10).astype(int))
    for b in sorted(set(bands)):
        band = bands == b
        print(f"  {b / 10:.1f}-{(b + 1) / 10:.1f}: {int(band.sum()):4d} events, {right[band].mean():.2f} right")
    for floor in (0.5, 0.7, 0.9):
        above = conf >= floor
        if above.any():
            print(f"  >= {floor}: {int(above.sum()):4d} events, {right[above].mean():.2f} right")


@dataclass
class Judged:
    """The hand-judged samples coded again: `rows`, their events labelled by verdict (learnt from with
    --judged); `events`, the coded events that are events judged right; `samples`, per sample the events
    (indices into `events`) that each of its events judged right is now coded as (none: no longer coded)."""

    rows: list[tuple] = field(default_factory=list)
    held: list[tuple] = field(default_factory=list)  # the held-out samples' events, as `rows`: never learnt from
    events: list[dict] = field(default_factory=list)
    samples: dict[str, list[list[int]]] = field(default_factory=dict)
    # per label of eval/judged/sides-labels.jsonl whose right codes differ from those judged wrong, the events
    # (indices into `events`) coded at its span and type with its right sides (what eval/test_judged_sides.py counts)
    sides: list[list[int]] = field(default_factory=list)


def judged_rows(shared: Path, nlp, outlets) -> Judged:
    """Events of the hand-judged samples of unlabeled articles (eval/judged/), labelled by their
    verdict: the only labels of what veille codes on the rest of the press (crime, sport, business). Their docs
    are made as the ingest makes them, linked to their outlets among `outlets`."""
    from veille.ingest.clean import clean_document
    from veille.ingest.outlets import link_document
    from veille.ingest.readers import iter_raw
    from veille.ingest.types import RawDocument
    from veille.pipeline import make_doc

    verdicts: dict[tuple, int] = {}
    right_items: dict[str, list[tuple]] = {}
    held_keys: set[tuple] = set()  # the events of a held-out sample: not learnt from
    for path in sorted((ROOT / "eval" / "judged").glob("unlabeled-sample*.jsonl")):
        right_items[path.stem] = []
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                key = _judged_key(item["source"], item["start"], item["end"], item["type"], item["actor"],
                                  item["recipient"])
                verdicts[key] = int(item["verdict"] == "right")
                if path.stem in HELD_OUT:
                    held_keys.add(key)
                if item["verdict"] == "right":
                    right_items[path.stem].append(key)
    sources = {key[0] for key in verdicts}
    # the events labelled with their right sides (eval/test_judged_sides.py counts those coded with them)
    labels = [label for label in SIDES_LABELS if not label.get("no_event") and (
        sorted(label["right_actor"]), sorted(label["right_recipient"])) != (sorted(label["actor"]),
                                                                            sorted(label["recipient"]))]
    right_sides = defaultdict(list)
    for n, label in enumerate(labels):
        right_sides[label["source"], label["start"], label["end"], label["type"], tuple(sorted(label["right_actor"])),
                    tuple(sorted(label["right_recipient"]))].append(n)
    sources |= {label["source"] for label in labels}
    sides: list[list[int]] = [[] for _ in labels]
    docs = []
    for item in iter_raw([shared / "corpus" / "real" / "unlabeled.jsonl"]):
        if isinstance(item, RawDocument) and item.source in sources:
            document = link_document(clean_document(item), outlets)
            docs.append((document.source, make_doc(nlp, document)))
    found = Judged()
    coded: dict[tuple, list[int]] = defaultdict(list)  # a key, and its key without recipient: the events coded so
    wanted = {key for keys in right_items.values() for key in keys}
    wanted |= {(*key[:5], ()) for key in wanted if not key[5]}
    for (source, _), doc in zip(docs, nlp.pipe(d for _, d in docs), strict=True):
        for event in doc._.events or []:
            key = _judged_key(source, event["start"], event["end"], event["type"],
                              [p["code"] for p in event["actor"]], [p["code"] for p in event["recipient"]])
            event = dict(event, source=source)
            if key in verdicts:
                row = ("judged", source, f"judged:{source}", event, verdicts[key])
                (found.held if key in held_keys else found.rows).append(row)
            labelled = right_sides.get((source, event["start"], event["end"], event["type"],
                                        *(tuple(sorted({p["code"] for p in event[r] if p["code"]}))
                                          for r in ("actor", "recipient"))), [])
            if key in wanted or (*key[:5], ()) in wanted or labelled:
                found.events.append(event)
                for known in {key, (*key[:5], ())}:
                    coded[known].append(len(found.events) - 1)
                for n in labelled:
                    sides[n].append(len(found.events) - 1)
    # an event judged with no recipient is still itself when a recipient has been found for it since (as the
    # replay reads it)
    found.samples = {name: [sorted(set(coded.get(key, []))) for key in keys] for name, keys in right_items.items()}
    found.sides = sides
    return found


def judged_samples() -> dict[tuple, str]:
    """The sample (file stem in eval/judged/) each hand-judged event was judged in, by its key (`_judged_key`)."""
    found = {}
    for path in sorted((ROOT / "eval" / "judged").glob("unlabeled-sample*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                found[_judged_key(item["source"], item["start"], item["end"], item["type"], item["actor"],
                                  item["recipient"])] = f"sample:{path.stem}"
    return found


def _event_key(event: dict) -> tuple:
    return _judged_key(event["source"], event["start"], event["end"], event["type"],
                       [p["code"] for p in event["actor"]], [p["code"] for p in event["recipient"]])


def _judged_key(source: str, start: int, end: int, kind: str, actor: list, recipient: list) -> tuple:
    return (source, start, end, kind, tuple(sorted({c for c in actor if c})),
            tuple(sorted({c for c in recipient if c})))


def judged_f1(right, kept) -> float:
    """F1 of keeping the hand-judged events `kept` (mask): share right among those kept, and share kept of
    those judged right (0 without judged events)."""
    found, total, count = int((right & kept).sum()), int(right.sum()), int(kept.sum())
    if not found:
        return 0.0
    precision, recall = found / count, found / total
    return 2 * precision * recall / (precision + recall)


def replay_kept(samples: dict[str, list[list[int]]], kept: Sequence[bool]) -> dict[str, float]:
    """Per hand-judged sample, the share of all its events judged right that are coded and kept (`kept`: per
    judged event), as eval/test_judged_sample.py counts them."""
    return {name: sum(any(kept[i] for i in events) for events in right) / len(right) if right else 1.0
            for name, right in samples.items()}


def samples_kept(samples: dict[str, list[list[int]]], kept: Sequence[bool]) -> dict[str, float]:
    """Per hand-judged sample, the share of its events judged right that the coder still codes (with no
    threshold: a coded event at their place, indices into the judged events) that the threshold keeps (`kept`:
    per judged event). Those the coder no longer codes are lost at any threshold: they do not count."""
    shares = {}
    for name, right in samples.items():
        coded = [events for events in right if events]
        shares[name] = sum(any(kept[i] for i in events) for events in coded) / len(coded) if coded else 1.0
    return shares


def pooled_kept(samples: dict[str, list[list[int]]], kept: Sequence[bool], coded_only: bool = False) -> float:
    """Over all the hand-judged samples `samples` together, the share of their events judged right that are
    coded and kept (`kept`: per judged event); with `coded_only`, of those the coder still codes (as
    `samples_kept`). 1.0 when there are none."""
    events = [events for right in samples.values() for events in right if events or not coded_only]
    return sum(any(kept[i] for i in found) for found in events) / len(events) if events else 1.0


@dataclass
class Candidate:
    """A factual threshold and what it does: F1 per scored set out of fold; over the hand-judged events learnt from
    (None without --judged), the share right among those it keeps out of fold (`judged_share`), and, pooled over the
    samples learnt from, the share of their events judged right and coded it keeps out of fold (`judged_kept`) and
    the share of all their events judged right the fitted model keeps (`replay_kept`, what the replay counts)."""

    threshold: float
    f1: dict[str, float]
    judged_share: float | None = None
    judged_kept: float | None = None
    replay_kept: float | None = None
    fitted: dict[tuple[str, str], float] = field(default_factory=dict)  # (set, measure): the fitted model's scores
    sides_kept: int | None = None  # the labels coded with their right sides that the fitted model keeps
    sides_floor: int = 0  # what it must reach: SIDES_FLOOR, or all the labels coded with them when fewer

    def allowed(self, sides: bool = True) -> bool:
        """Whether it keeps every floor (with `sides` False: all but the labelled sides')."""
        return (all(self.f1[name] >= floor for name, floor in KEEP_F1.items())
                and all(self.fitted.get(key, floor) >= floor for key, floor in KEEP_FITTED.items())
                and (self.judged_kept is None or self.judged_kept >= KEEP_JUDGED)
                and (self.replay_kept is None or self.replay_kept >= REPLAY_FLOOR)
                and (not sides or self.sides_kept is None or self.sides_kept >= self.sides_floor))


def choose_threshold(candidates: Sequence[Candidate]) -> Candidate | None:
    """Among the allowed candidates (seeds and dev at KEEP_F1; the samples learnt from, pooled, keeping KEEP_JUDGED
    of their events judged right and coded out of fold and REPLAY_FLOOR of all of them with the fitted model), those
    whose real-dev F1 is within F1_SLACK of the best of them; of those, the ones whose share right among the
    hand-judged events kept out of fold is within SHARE_SLACK of the best; of those, the highest: fewer, righter
    events. None when no candidate is allowed."""
    allowed = [c for c in candidates if c.allowed()]
    if not allowed:
        return None
    top = max(c.f1["real-dev"] for c in allowed)
    flat = [c for c in allowed if c.f1["real-dev"] >= top - F1_SLACK]
    shares = [c.judged_share for c in flat if c.judged_share is not None]
    if shares:
        best = max(shares)
        flat = [c for c in flat if c.judged_share is not None and c.judged_share >= best - SHARE_SLACK]
    return max(flat, key=lambda c: c.threshold)


def entry_priors(entries: Sequence[str | None], right, weights, rows) -> dict[str, float]:
    """Per lexicon entry, the log-odds of its events among `rows` being right against those of all of them,
    smoothed toward the average by PRIOR_WEIGHT events (`weights`: each event's)."""
    import math

    total = sum(weights[i] for i in rows)
    if not total:
        return {}
    mean = min(0.99, max(0.01, sum(weights[i] * right[i] for i in rows) / total))
    hits: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    for i in rows:
        if entries[i] is not None:
            hits[entries[i]][0] += weights[i] * right[i]
            hits[entries[i]][1] += weights[i]
    out = {}
    for key, (good, seen) in hits.items():
        p = (good + PRIOR_WEIGHT * mean) / (seen + PRIOR_WEIGHT)
        out[key] = math.log(p / (1 - p)) - math.log(mean / (1 - mean))
    return out


def set_scores(scorer, gold_docs, rows, keep) -> dict[str, dict]:
    out = {}
    for name in SETS:
        events = [{k: v for k, v in r[3].items() if k != "_features"} for r, k in zip(rows, keep, strict=True)
                  if k and r[0] == name]
        out[name] = scorer.score_events(gold_docs[name], events, False)
    return out


def meaning_block(events: Sequence[dict], fitted: dict[str, dict]):
    """The columns the word vectors of `events` (`_meaning`, events/confidence.py `meaning_vectors`) give, per slot
    of `fitted` (`fit_meaning`): the vector's projections on the slot's axes, or, with centroids, which of them it
    is nearest to (one-hot); zeros for an event that leaves the slot empty."""
    import numpy as np

    blocks = []
    for slot, params in fitted.items():
        present = [(e.get("_meaning") or {}).get(slot) for e in events]
        width = len(params["centroids"]) if "centroids" in params else len(params["axes"])
        block = np.zeros((len(events), width))
        rows = [i for i, v in enumerate(present) if v is not None]
        if rows:
            vectors = np.array([present[i] for i in rows], dtype=np.float64)
            if "centroids" in params:
                nearest = (vectors @ np.asarray(params["centroids"]).T).argmax(axis=1)
                block[rows, nearest] = 1.0
            else:
                block[rows] = (vectors - params["mean"]) @ np.asarray(params["axes"]).T
        blocks.append(block)
    return np.hstack(blocks) if blocks else np.zeros((len(events), 0))


def ship_meaning(fitted: dict[str, dict], coefs) -> dict[str, dict]:
    """`fitted` as the model file holds it (events/confidence.py `read_meaning`), given the fitted model's weights of
    `meaning_block`'s columns (`coefs`): a slot read by its axes as one axis, the sum of its axes by their weights
    (and the offset of the training vectors' mean), whose projection weighs 1; a slot read by centroids as those."""
    import numpy as np

    out, at = {}, 0
    for slot, params in fitted.items():
        if "centroids" in params:
            out[slot] = {"centroids": [[round(float(x), 5) for x in c] for c in params["centroids"]]}
            at += len(params["centroids"])
            continue
        axes = np.asarray(params["axes"])
        axis = axes.T @ np.asarray(coefs[at:at + len(axes)])
        at += len(axes)
        out[slot] = {"axis": [round(float(x), 6) for x in axis], "offset": round(float(-params["mean"] @ axis), 6)}
    return out


def meaning_names(fitted: dict[str, dict]) -> list[str]:
    """The names of `meaning_block`'s columns."""
    return [f"meaning_{slot}={k}" if "centroids" in params else f"meaning_{slot}_{k}"
            for slot, params in fitted.items()
            for k in range(len(params["centroids"]) if "centroids" in params else len(params["axes"]))]


def fit_meaning(events: Sequence[dict], slots: Sequence[str], mode: str, scale: float) -> dict[str, dict]:
    """Per slot, what the model reads of the word vectors of `events` (the training rows only): with mode "pca:D"
    the D main axes of their vectors (times `scale`, which sets how much the regularised model may lean on them),
    with "raw" every dimension, with "kmeans:K" K centroids (unit length) to one-hot the nearest."""
    import numpy as np

    kind, _, size = mode.partition(":")
    fitted = {}
    for slot in slots:
        vectors = np.array([e["_meaning"][slot] for e in events if (e.get("_meaning") or {}).get(slot) is not None],
                           dtype=np.float64)
        if len(vectors) < 20:
            continue
        if kind == "kmeans":
            from sklearn.cluster import KMeans

            centres = KMeans(n_clusters=int(size), n_init=3, random_state=0).fit(vectors).cluster_centers_
            fitted[slot] = {"centroids": centres / np.linalg.norm(centres, axis=1, keepdims=True)}
            continue
        mean = vectors.mean(axis=0)
        if kind == "raw":
            axes = np.eye(vectors.shape[1])
        else:
            axes = np.linalg.svd(vectors - mean, full_matrices=False)[2][:int(size)]
        fitted[slot] = {"mean": mean, "axes": axes * scale}
    return fitted


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--C", type=float, default=0.03)
    parser.add_argument("--judged-weight", type=float, default=SET_WEIGHT["judged"],
                        help=f"weight of a hand-judged event against a seed's (real-dev: {SET_WEIGHT['real-dev']})")
    parser.add_argument("--dev-weight", type=float, default=SET_WEIGHT["dev"],
                        help="weight of a dev event against a seed's")
    parser.add_argument("--no-crosses", action="store_true", help="leave out the crossed features (CROSSES)")
    parser.add_argument("--cross", action="append", default=[], metavar="A,B:C,D",
                        help="cross the features named by prefixes A or B with those named by C or D (replaces "
                             "CROSSES; to compare crosses)")
    parser.add_argument("--dry-run", action="store_true", help="print, do not write the model")
    parser.add_argument("--by-sample", action="store_true",
                        help="cross-validate the hand-judged events by sample, not by article: each sample is scored "
                             "by a model that read none of it, as fresh press is (to compare feature sets)")
    parser.add_argument("--trees", action="store_true",
                        help="measure gradient-boosted trees (scikit-learn's HistGradientBoostingClassifier) in place "
                             "of the logistic regression: printed only (the component applies a logistic model)")
    parser.add_argument("--drop", action="append", default=[], metavar="PREFIX",
                        help="leave out the features whose name starts with PREFIX (to compare feature sets)")
    parser.add_argument("--judged", action="store_true",
                        help="also learn from the hand-judged samples of unlabeled articles (eval/judged/)")
    parser.add_argument("--held-out", action="store_true",
                        help="measure the fitted model on the held-out samples' events (HELD_OUT): once, at the end; "
                             "without it they are not scored, so that no choice is tuned to them")
    parser.add_argument("--oof", type=Path, metavar="FILE",
                        help="write each event's set, story, label, status, out-of-fold confidence and features to "
                             "FILE (JSON lines), to read the model's errors by kind")
    parser.add_argument("--cache", type=Path, metavar="FILE",
                        help="the coded events and their features: read from FILE when it exists, else coded and "
                             "written there (to compare feature sets or C without coding again; delete it when "
                             "the coder changes)")
    parser.add_argument("--meaning", default=MEANING, metavar="MODE",
                        help="how the events' word vectors are read: raw (every dimension), pca:D (D main axes per "
                             "slot), kmeans:K (K centroids per slot), none; fitted on the training rows of each fold")
    parser.add_argument("--meaning-slots", default=",".join(MEANING_SLOTS), metavar="A,B",
                        help="the slots of events/confidence.py `meaning_vectors` read (trigger, theme, subject, "
                             "recipient, sentence, document)")
    parser.add_argument("--meaning-scale", type=float, default=MEANING_SCALE,
                        help="scale of the vectors' projections (how far the regularised model may lean on them)")
    args = parser.parse_args(argv)
    if not (args.shared / "tools" / "score.py").is_file():
        sys.exit(f"train_confidence needs ../shared (gold, corpora, tools/score.py): not found at {args.shared}")
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    from veille.events.confidence import ENTRY_KEY, ConfidenceModel, crossed, with_prior

    scorer, rows, gold_docs, found = cached_collect(args.shared, args.judged, args.cache)
    crosses = [] if args.no_crosses else [
        tuple(tuple(side.split(",")) for side in pair.split(":", 1)) for pair in args.cross] or CROSSES
    set_weight = dict(SET_WEIGHT, judged=args.judged_weight, dev=args.dev_weight)

    def features(event: dict) -> dict:
        kept = crossed(event["_features"], crosses)
        return {k: v for k, v in kept.items() if not k.startswith(tuple(args.drop))} if args.drop else kept

    # each event's lexicon entry (the key of its prior, not a feature): its prior is learnt out of fold
    use_prior = not any(ENTRY_KEY.startswith(d) or "entry_prior".startswith(d) for d in args.drop)
    entries = [next((k[len(ENTRY_KEY):] for k in r[3]["_features"] if k.startswith(ENTRY_KEY)), None)
               for r in rows]
    vec = DictVectorizer(sparse=False)
    X = vec.fit_transform([{k: v for k, v in features(r[3]).items() if not k.startswith(ENTRY_KEY)}
                           | ({"entry_prior": 0.0} if use_prior else {}) for r in rows])
    y = np.array([r[4] for r in rows])
    samples = judged_samples() if args.by_sample else {}
    groups = np.array([samples.get(_event_key(r[3]), r[2]) if r[0] == "judged" else r[2] for r in rows])
    weights = np.array([set_weight[r[0]] for r in rows])
    column = list(vec.get_feature_names_out()).index("entry_prior") if use_prior else None

    def with_priors(matrix, train, apply, table=None):
        """`matrix` with the rows `apply` given the priors learnt from the rows `train` (`table` when given) and
        the rows of `train` theirs learnt out of fold (no event's own label in its prior)."""
        if column is None:
            return matrix
        matrix = matrix.copy()
        table = entry_priors(entries, y, weights, train) if table is None else table
        matrix[apply, column] = [table.get(entries[i] or "", 0.0) for i in apply]
        for inner_train, inner_test in GroupKFold(n_splits=args.folds).split(train, groups=groups[train]):
            inner = entry_priors(entries, y, weights, train[inner_train])
            matrix[train[inner_test], column] = [inner.get(entries[i] or "", 0.0) for i in train[inner_test]]
        return matrix

    def make_model():
        if args.trees:
            from sklearn.ensemble import HistGradientBoostingClassifier

            return HistGradientBoostingClassifier(max_iter=150, learning_rate=0.05, max_leaf_nodes=8,
                                                  min_samples_leaf=20, l2_regularization=1.0, random_state=0)
        return LogisticRegression(C=args.C, max_iter=2000)

    slots = [s for s in args.meaning_slots.split(",") if s] if args.meaning not in ("", "none") else []
    events_all = [r[3] for r in rows]

    def meaning_fit(train):
        return fit_meaning([events_all[i] for i in train], slots, args.meaning, args.meaning_scale) if slots else {}

    oof = np.zeros(len(rows))
    fold_aucs = []
    for train, test in GroupKFold(n_splits=args.folds).split(X, y, groups):
        model = make_model()
        fold = with_priors(X, train, test)
        if slots:
            fold = np.hstack([fold, meaning_block(events_all, meaning_fit(train))])
        model.fit(fold[train], y[train], sample_weight=weights[train])
        oof[test] = model.predict_proba(fold[test])[:, 1]
        fold_aucs.append(auc_of(y[test], oof[test]))
    print("AUC out of fold per fold:", " ".join(f"{a:.3f}" for a in fold_aucs))

    if args.oof:
        with args.oof.open("w", encoding="utf-8") as out:
            for r, p in zip(rows, oof, strict=True):
                out.write(json.dumps({"set": r[0], "story": r[2], "right": int(r[4]), "status": r[3]["status"],
                                      "key": _event_key(r[3]) if r[0] == "judged" else None,
                                      "confidence": round(float(p), 4), "features": features(r[3])}) + "\n")
    every = np.arange(len(rows))
    priors = entry_priors(entries, y, weights, every) if column is not None else {}
    X = with_priors(X, every, np.zeros(0, dtype=int), priors)
    meaning = meaning_fit(every)
    X = np.hstack([X, meaning_block(events_all, meaning)])

    def matrix(events: list[dict]):
        return np.hstack([vec.transform([with_prior(features(e), priors) if column is not None
                                         else {k: v for k, v in features(e).items() if not k.startswith(ENTRY_KEY)}
                                         for e in events]), meaning_block(events, meaning)])

    model = make_model().fit(X, y, sample_weight=weights)
    # the confidence of each coded event judged right: out of fold when learnt from, else the fitted model's
    learnt = {id(r[3]): i for i, r in enumerate(rows) if r[0] == "judged"}
    fitted = (model.predict_proba(matrix(found.events))[:, 1] if found.events
              else np.zeros(0))
    judged_conf = np.array([oof[learnt[id(e)]] if id(e) in learnt else fitted[i] for i, e in enumerate(found.events)])
    judged_factual = np.array([e["status"] in ("asserted", "reported") for e in found.events], dtype=bool)

    base = set_scores(scorer, gold_docs, rows, [True] * len(rows))
    print("events:", {n: sum(r[0] == n for r in rows) for n in SETS}, "right:", int(y.sum()))
    print("without the model:", {n: (s["f1"], s["precision"], s["recall"]) for n, s in base.items()})
    # a planned, hypothetical or negated event counts in no precision: its threshold is the highest at which no
    # set finds fewer gold events out of fold than with all of them kept
    factual = np.array([r[3]["status"] in ("asserted", "reported") for r in rows])
    nonfactual_threshold = 0.0
    for t in np.arange(0.025, 0.75, 0.025):
        scores = set_scores(scorer, gold_docs, rows, list(factual | (oof >= t)))
        if any(scores[n]["recall"] < base[n]["recall"] for n in SETS):
            break
        nonfactual_threshold = float(t)
    print(f"threshold of the other events chosen on out-of-fold predictions: {nonfactual_threshold:.3f}")

    # the fitted model's confidence of every coded event, as the component computes it (the entries' priors learnt
    # from all the events): what the eval tests' floors (KEEP_FITTED) see
    shipped_conf = model.predict_proba(matrix([r[3] for r in rows]))[:, 1]

    def keep(t: float, conf=oof) -> np.ndarray:
        return np.where(factual, conf >= t, conf >= min(t, nonfactual_threshold))

    def judged_keep(t: float, conf=judged_conf) -> list[bool]:
        return list(np.where(judged_factual, conf >= t, conf >= min(t, nonfactual_threshold)))

    candidates: list[Candidate] = []
    # the samples that bound the threshold: all but the held-out ones, which measure it and choose nothing
    bound = {name: right for name, right in found.samples.items() if name not in HELD_OUT}
    print("threshold of factual events")
    print("threshold  " + "  ".join(f"{n:>22}" for n in SETS))
    judged = np.array([r[0] == "judged" for r in rows])
    print("(judged: share right among the hand-judged events kept, out of fold; all kept:"
          f" {y[judged].mean() if judged.any() else float('nan'):.3f}; kept: the share of the events judged right and"
          f" coded in samples {', '.join(sorted(bound))} together that the threshold keeps, which must be"
          f" {KEEP_JUDGED} at least; replay: of all their events judged right, with the fitted model, {REPLAY_FLOOR};"
          " lowest: the sample keeping the lowest share of its own, for information)")
    for name, right in found.samples.items():
        print(f"  {name}: {sum(1 for events in right if events)} of its {len(right)} events judged right coded")
    for t in np.arange(0.05, 0.75, 0.025):
        scores = set_scores(scorer, gold_docs, rows, list(keep(t)))
        kept = judged & keep(t)
        share = (f"judged {y[kept].mean():.3f} ({int(kept.sum())}, F1 {judged_f1(y[judged] == 1, keep(t)[judged]):.3f})"
                 if kept.any() else "judged -")
        applied = set_scores(scorer, gold_docs, rows, list(keep(t, shipped_conf)))
        candidate = Candidate(float(t), {n: s["f1"] for n, s in scores.items()},
                              float(y[kept].mean()) if kept.any() else None,
                              pooled_kept(bound, judged_keep(t), coded_only=True) if bound else None,
                              pooled_kept(bound, judged_keep(t, fitted)) if bound else None,
                              {(n, m): s[m] for n, s in applied.items() for m in ("f1", "precision", "recall")})
        if found.sides:
            fitted_kept = judged_keep(t, fitted)
            candidate.sides_kept = sum(any(fitted_kept[i] for i in events) for events in found.sides)
        candidates.append(candidate)
        lowest = min(samples_kept(bound, judged_keep(t)).items(), key=lambda item: item[1], default=None)
        print(f"{t:9.3f}  " + "  ".join(f"F1 {s['f1']:.3f} P {s['precision']:.3f} R {s['recall']:.3f}"
                                         for s in scores.values()) + "  " + share
              + (f"  kept {candidate.judged_kept:.3f} replay {candidate.replay_kept:.3f}"
                 f"  lowest {lowest[1]:.3f} ({lowest[0]})" if lowest else "")
              + "  fitted: " + "  ".join(f"{n} {applied[n]['f1']:.3f}/{applied[n]['precision']:.3f}/"
                                         f"{applied[n]['recall']:.3f}" for n in SETS if n != "seeds")
              + (f"  sides {candidate.sides_kept}" if candidate.sides_kept is not None else "")
              + ("" if all(candidate.fitted.get(k, f) >= f for k, f in KEEP_FITTED.items()) else " (under a floor)"))
    if found.sides:
        # the labels' floor, or all of them the coder codes with their right sides when fewer, or the most any
        # threshold keeping the other floors keeps when none reaches it (then a warning)
        reachable = max((c.sides_kept for c in candidates if c.allowed(sides=False)), default=0)
        floor = min(SIDES_FLOOR, sum(bool(events) for events in found.sides))
        if reachable < floor:
            print(f"WARNING: no threshold keeping the other floors keeps {floor} of the events labelled with their "
                  f"right sides (eval/test_judged_sides.py); the most: {reachable}")
        for candidate in candidates:
            candidate.sides_floor = min(floor, reachable)
    chosen = choose_threshold(candidates)
    threshold = chosen.threshold if chosen is not None else 0.0
    real_f1 = chosen.f1["real-dev"] if chosen is not None else -1.0
    print(f"threshold chosen on out-of-fold predictions: {threshold:.3f} (real-dev F1 {real_f1:.3f})")
    if chosen is not None and bound:
        print("  events judged right and coded it keeps out of fold, per sample: "
              + ", ".join(f"{name} {share:.3f}" for name, share in samples_kept(bound, judged_keep(threshold)).items()))
        print(f"  the replay's count with the fitted model, per sample (pooled {chosen.replay_kept:.3f}, the replay "
              f"asks {REPLAY_FLOOR}): " + ", ".join(
                  f"{name} {share:.3f}" for name, share in replay_kept(bound, judged_keep(threshold, fitted)).items()))
    unconstrained = choose_threshold([Candidate(c.threshold, c.f1, c.judged_share) for c in candidates])
    if unconstrained is not None and unconstrained is not chosen and unconstrained.threshold != threshold:
        print(f"  without the judged samples' floors: {unconstrained.threshold:.3f} "
              f"(real-dev F1 {unconstrained.f1['real-dev']:.3f})")
    real = [i for i, r in enumerate(rows) if r[0] == "real-dev" and r[3]["status"] in ("asserted", "reported")]
    reliability(oof[real], y[real], "real-dev, out of fold (factual events)")
    if judged.any():
        # grouped by article: no article's events are scored by a model that read it
        reliability(oof[judged], y[judged], "the hand-judged events, out of fold")
        of_sample = judged_samples()
        by_sample: dict[str, list[int]] = defaultdict(list)
        for i in np.flatnonzero(judged):
            by_sample[of_sample.get(_event_key(rows[i][3]), "?").rsplit("-", 1)[-1]].append(i)
        print("  AUC out of fold per sample: " + ", ".join(
            f"{name} {auc_of(y[ids], oof[ids]):.3f}" for name, ids in sorted(
                by_sample.items(), key=lambda item: int(item[0]) if item[0].isdigit() else 1)))
    if found.held and args.held_out:
        # never learnt from (their articles' other judged events are)
        held_conf = model.predict_proba(matrix([r[3] for r in found.held]))[:, 1]
        held_right = np.array([r[4] for r in found.held])
        reliability(held_conf, held_right, f"the held-out samples' events ({', '.join(sorted(HELD_OUT))}), "
                                           "by the fitted model")
        held_factual = np.array([r[3]["status"] in ("asserted", "reported") for r in found.held])
        held_kept = np.where(held_factual, held_conf >= threshold, held_conf >= min(threshold, nonfactual_threshold))
        if held_kept.any():
            print(f"  at the threshold chosen ({threshold:.3f}): {int(held_kept.sum())} of its {len(held_kept)} events "
                  f"kept, {held_right[held_kept].mean():.2f} right: it keeps {int(held_right[held_kept].sum())} of its "
                  f"{int(held_right.sum())} right and drops {int((~held_kept & (held_right == 0)).sum())} of its "
                  f"{int((held_right == 0).sum())} wrong")
    if found.rows:
        shipped = ConfidenceModel.load()
        reliability([shipped.probability(r[3]["_features"] | shipped.meaning_features(r[3].get("_meaning") or {}))
                     for r in found.rows], [r[4] for r in found.rows],
                    f"the hand-judged events, by the shipped model ({shipped.source.rsplit('/', 1)[-1]})")

    if args.trees:
        return  # no logistic weights to print or write
    names = list(vec.get_feature_names_out())
    coefs = model.coef_[0]
    weights_out = {str(n): round(float(w), 4) for n, w in zip(names, coefs, strict=False) if abs(w) > 1e-4}
    shipped_meaning = ship_meaning(meaning, coefs[len(names):])
    weights_out |= {f"meaning_{slot}": 1.0 for slot, params in shipped_meaning.items() if "axis" in params}
    weights_out |= {str(n): round(float(w), 4) for n, w in zip(meaning_names(meaning), coefs[len(names):],
                                                              strict=True) if "=" in n and abs(w) > 1e-4}
    result = {
        "about": "Event confidence: logistic regression over the coder's features (events/confidence.py), "
                 "trained by scripts/train_confidence.py on the gold sets (and, with --judged, the hand-judged events "
                 "but those of the held-out samples), threshold chosen by grouped CV.",
        "trained": date.today().isoformat(),
        "events": len(rows),
        "threshold": round(threshold, 3),
        "threshold_nonfactual": round(min(threshold, nonfactual_threshold), 3),
        "cv_real_dev_f1": round(real_f1, 3),
        "bias": round(float(model.intercept_[0]), 4),
        "weights": dict(sorted(weights_out.items())),
    }
    if crosses:
        result["crosses"] = [[list(a), list(b)] for a, b in crosses]
    if column is not None:
        result["entry_priors"] = {k: round(v, 3) for k, v in sorted(priors.items())}
    if shipped_meaning:
        result["meaning"] = shipped_meaning
    # the component's reading of the file (events/confidence.py) gives the fitted model's confidences
    component = ConfidenceModel(weights=result["weights"], bias=result["bias"], priors=result.get("entry_priors", {}),
                                crosses=tuple((tuple(a), tuple(b)) for a, b in result.get("crosses", [])),
                                meaning={slot: {k: v if k == "offset" else np.asarray(v, dtype=np.float32)
                                                for k, v in params.items()}
                                         for slot, params in shipped_meaning.items()})
    applied_conf = [component.probability(r[3]["_features"] | component.meaning_features(r[3].get("_meaning") or {}))
                    for r in rows]
    print(f"the component's confidences against the fitted model's: at most "
          f"{float(np.max(np.abs(np.array(applied_conf) - shipped_conf))):.4f} apart")
    if args.dry_run:
        print(json.dumps({k: v for k, v in result.items() if k not in ("weights", "meaning", "entry_priors")},
                         indent=1))
        return
    OUT.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", "utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
