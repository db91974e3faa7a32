"""scripts/train_confidence.py's choice of the factual threshold, on synthetic candidates (the script itself
needs ../shared and minutes of coding): among the thresholds where real-dev's F1 is flat, the one righter on the
hand-judged press; never one that keeps too few of the hand-judged samples' events judged right, counted over the
samples together, whatever real-dev says."""

from __future__ import annotations

import importlib.util
import sys

import numpy as np
from conftest import ROOT

from veille.events.confidence import ConfidenceModel

_SPEC = importlib.util.spec_from_file_location("train_confidence", ROOT / "scripts" / "train_confidence.py")
train = importlib.util.module_from_spec(_SPEC)
sys.modules.setdefault("train_confidence", train)  # its dataclasses look their module up
_SPEC.loader.exec_module(train)  # type: ignore[union-attr]


def _candidate(threshold: float, real_dev: float, share: float | None = None, kept: float | None = None,
               replay: float | None = None, dev: float = 0.95):
    return train.Candidate(threshold, {"seeds": 1.0, "dev": dev, "real-dev": real_dev}, share, kept, replay)


# shares of the samples' events judged right just above and just below what the choice asks (KEEP_JUDGED, from
# eval/judged/replay.json), and the same around what the replay asks of the fitted model (REPLAY_FLOOR)
ENOUGH, TOO_FEW = train.KEEP_JUDGED + 0.01, train.KEEP_JUDGED - 0.01
REPLAYED, NOT_REPLAYED = train.REPLAY_FLOOR + 0.01, train.REPLAY_FLOOR - 0.01


def test_among_flat_real_dev_thresholds_the_righter_on_the_press_is_chosen():
    candidates = [
        _candidate(0.30, 0.700, 0.52, ENOUGH + 0.05, REPLAYED + 0.05),
        _candidate(0.35, 0.703, 0.55, ENOUGH + 0.03, REPLAYED + 0.03),  # the best real-dev F1
        _candidate(0.40, 0.701, 0.58, ENOUGH + 0.01, REPLAYED + 0.01),  # flat on real-dev, righter on the press
        _candidate(0.45, 0.690, 0.62, ENOUGH, REPLAYED),  # righter still, but real-dev loses
    ]
    assert train.choose_threshold(candidates).threshold == 0.40
    # within SHARE_SLACK of the best share right, the highest: fewer events
    close = [_candidate(0.40, 0.701, 0.580, ENOUGH, REPLAYED), _candidate(0.425, 0.701, 0.578, ENOUGH, REPLAYED)]
    assert train.choose_threshold(close).threshold == 0.425
    # a share right that falls as the threshold rises: the righter, lower one
    noisy = [_candidate(0.40, 0.701, 0.60, ENOUGH, REPLAYED), _candidate(0.425, 0.701, 0.57, ENOUGH, REPLAYED)]
    assert train.choose_threshold(noisy).threshold == 0.40


def test_the_samples_floors_are_pooled_and_hold_the_threshold_down():
    candidates = [
        _candidate(0.35, 0.701, 0.55, ENOUGH + 0.02, REPLAYED + 0.02),
        _candidate(0.40, 0.701, 0.58, TOO_FEW, REPLAYED),  # loses too many of the events judged right, out of fold
        _candidate(0.45, 0.701, 0.60, ENOUGH, NOT_REPLAYED),  # the replay would fail with the fitted model
    ]
    assert train.choose_threshold(candidates).threshold == 0.35
    # without the judged samples (no --judged): the highest threshold where real-dev F1 is flat
    free = train.choose_threshold([_candidate(c.threshold, c.f1["real-dev"]) for c in candidates])
    assert free.threshold == 0.45


def test_the_other_floors_still_hold_and_nothing_allowed_is_none():
    low_dev = [_candidate(0.30, 0.70, 0.5, ENOUGH, REPLAYED, dev=0.85), _candidate(0.35, 0.69, 0.5, ENOUGH, REPLAYED)]
    assert train.choose_threshold(low_dev).threshold == 0.35
    assert train.choose_threshold([_candidate(0.30, 0.70, 0.5, TOO_FEW, REPLAYED)]) is None


def test_the_fitted_model_must_keep_the_eval_floors():
    # the floors are those the eval tests ask of the exported scores, read from their files
    assert train.KEEP_FITTED[("dev", "recall")] == train.eval_floors("test_gold_scores.py")[("dev", "recall")]
    assert ("real-dev", "precision") in train.KEEP_FITTED and ("dev", "date") not in train.KEEP_FITTED
    passing = {key: floor + 0.01 for key, floor in train.KEEP_FITTED.items()}
    dev_short = {**passing, ("dev", "recall"): train.KEEP_FITTED[("dev", "recall")] - 0.01}
    candidates = [_candidate(0.35, 0.701, 0.55, ENOUGH, REPLAYED), _candidate(0.40, 0.701, 0.58, ENOUGH, REPLAYED)]
    candidates[0].fitted, candidates[1].fitted = passing, dev_short
    # righter on the press out of fold, but the shipped model would lose dev's recall: the lower one
    assert train.choose_threshold(candidates).threshold == 0.35
    candidates[1].fitted = passing
    assert train.choose_threshold(candidates).threshold == 0.40


def test_the_fitted_model_must_keep_the_events_labelled_with_their_right_sides():
    # the floor is the one eval/test_judged_sides.py declares
    assert train.SIDES_FLOOR == train.eval_constant("test_judged_sides.py", "SIDES_RIGHT_FLOOR") > 0
    candidates = [_candidate(0.45, 0.701, 0.55, ENOUGH, REPLAYED), _candidate(0.50, 0.701, 0.58, ENOUGH, REPLAYED)]
    candidates[0].sides_kept, candidates[1].sides_kept = train.SIDES_FLOOR, train.SIDES_FLOOR - 3
    for candidate in candidates:
        candidate.sides_floor = train.SIDES_FLOOR
    # righter on the press, but it would cut events now coded with their right sides under the floor
    assert train.choose_threshold(candidates).threshold == 0.45
    # when the coder itself codes fewer of them, the floor is those it codes
    for candidate in candidates:
        candidate.sides_floor = train.SIDES_FLOOR - 3
    assert train.choose_threshold(candidates).threshold == 0.50


def test_a_samples_share_counts_its_right_events_coded_and_kept():
    # sample a: three events judged right, coded as events 0, 1 and 2 (two codings of one of them) and 4;
    # sample b: one coded as event 3, one no longer coded at all (lost at any threshold: not counted)
    samples = {"a": [[0], [1, 2], [4]], "b": [[3], []]}
    kept = [True, False, True, False, False]
    assert train.samples_kept(samples, kept) == {"a": 2 / 3, "b": 0.0}
    assert train.samples_kept(samples, [True] * 5) == {"a": 1.0, "b": 1.0}
    assert train.samples_kept({"c": [[], []]}, []) == {"c": 1.0}  # nothing a threshold could lose


def test_pooled_the_samples_count_as_one():
    samples = {"a": [[0], [1, 2], [4]], "b": [[3], []]}
    kept = [True, False, True, False, False]
    # of the four events judged right and coded, two kept; of all five, two (the one no longer coded is lost)
    assert train.pooled_kept(samples, kept, coded_only=True) == 2 / 4
    assert train.pooled_kept(samples, kept) == 2 / 5
    # one sample keeping none of its own is no bar when the others keep enough of theirs together
    big = {"old": [[0], [1]], "new": [[i] for i in range(2, 22)]}
    most = [False, False] + [True] * 20
    assert min(train.samples_kept(big, most).values()) == 0.0
    assert train.pooled_kept(big, most, coded_only=True) == 20 / 22 >= train.KEEP_JUDGED
    assert train.pooled_kept({}, []) == 1.0


def test_the_replay_counts_every_event_judged_right():
    samples = {"a": [[0], [1, 2], [4]], "b": [[3], []]}
    # the one no longer coded is lost: it counts against the sample, as eval/test_judged_sample.py counts it
    assert train.replay_kept(samples, [True] * 5) == {"a": 1.0, "b": 0.5}
    assert train.replay_kept(samples, [False, False, True, False, True]) == {"a": 2 / 3, "b": 0.0}


def test_an_entrys_prior_is_its_share_right_smoothed_toward_the_average():
    import math

    entries = ["a", "a", "a", "a", "b", "b", None, None]
    right = [0, 0, 0, 0, 1, 1, 1, 1]
    weights = [1.0] * 8
    priors = train.entry_priors(entries, right, weights, list(range(8)))
    assert priors["a"] < 0 < priors["b"]  # "a" was always wrong, "b" always right
    smoothed = (0 + train.PRIOR_WEIGHT * 0.5) / (4 + train.PRIOR_WEIGHT)
    assert math.isclose(priors["a"], math.log(smoothed / (1 - smoothed)))
    # learnt from some rows only: an entry none of them shows has no prior
    assert set(train.entry_priors(entries, right, weights, [0, 1, 6])) == {"a"}


def test_each_judged_event_is_grouped_by_the_sample_it_was_judged_in():
    samples = train.judged_samples()
    assert samples and all(name.startswith("sample:unlabeled-sample") for name in samples.values())
    # a coded event finds its sample by the same key, whatever the order of its sides' codes
    source, start, end, kind, actor, recipient = next(iter(samples))
    event = {"source": source, "start": start, "end": end, "type": kind,
             "actor": [{"code": c} for c in reversed(actor)], "recipient": [{"code": c} for c in recipient]}
    assert train._event_key(event) in samples


def _vector_events(count: int, dims: int = 8, seed: int = 3) -> list[dict]:
    rng = np.random.default_rng(seed)
    events = []
    for i in range(count):
        vector = rng.normal(size=dims)
        meaning = {"theme": vector / np.linalg.norm(vector)}
        if i % 3:  # a slot some events leave empty
            other = rng.normal(size=dims)
            meaning["trigger"] = other / np.linalg.norm(other)
        events.append({"_meaning": meaning})
    return events


def test_the_vectors_axes_shipped_as_one_give_the_fitted_models_sum():
    events = _vector_events(60)
    fitted = train.fit_meaning(events, ["theme", "trigger", "recipient"], "pca:3", 2.0)
    assert set(fitted) == {"theme", "trigger"}  # no event names a recipient: the slot is not read
    block = train.meaning_block(events, fitted)
    assert block.shape == (60, 6) and not block[0, 3:].any()  # the first event has no trigger vector
    assert train.meaning_names(fitted)[:2] == ["meaning_theme_0", "meaning_theme_1"]
    coefs = np.array([0.5, -1.0, 0.25, 2.0, 0.0, -0.5])
    shipped = train.ship_meaning(fitted, coefs)
    path_free = ConfidenceModel(weights={"meaning_theme": 1.0, "meaning_trigger": 1.0}, meaning={
        slot: {"axis": np.asarray(p["axis"], dtype=np.float32), "offset": p["offset"]} for slot, p in shipped.items()})
    for row, event in zip(block, events, strict=True):
        read = path_free.meaning_features(event["_meaning"])
        assert np.isclose(sum(read.values()), float(row @ coefs), atol=1e-4)


def test_the_vectors_centroids_are_one_hot():
    events = _vector_events(40)
    fitted = train.fit_meaning(events, ["theme"], "kmeans:4", 1.0)
    block = train.meaning_block(events, fitted)
    assert block.shape == (40, 4) and (block.sum(axis=1) == 1).all()
    shipped = train.ship_meaning(fitted, np.zeros(4))
    model = ConfidenceModel(meaning={"theme": {"centroids": np.asarray(shipped["theme"]["centroids"])}})
    for row, event in zip(block, events, strict=True):
        assert model.meaning_features(event["_meaning"]) == {f"meaning_theme={int(row.argmax())}": 1.0}
