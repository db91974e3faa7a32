"""scripts/train_confidence.py's choice of the factual threshold, on synthetic candidates (the script itself
needs ../shared and minutes of coding): a threshold that keeps too few of a hand-judged sample's events judged
right is never chosen, whatever real-dev says."""

from __future__ import annotations

import importlib.util
import sys

from conftest import ROOT

_SPEC = importlib.util.spec_from_file_location("train_confidence", ROOT / "scripts" / "train_confidence.py")
train = importlib.util.module_from_spec(_SPEC)
sys.modules.setdefault("train_confidence", train)  # its dataclasses look their module up
_SPEC.loader.exec_module(train)  # type: ignore[union-attr]


def _candidate(threshold: float, real_dev: float, kept: dict[str, float], dev: float = 0.95):
    return train.Candidate(threshold, {"seeds": 1.0, "dev": dev, "real-dev": real_dev}, 0.0, kept)


# shares of a sample's events judged right just above and just below what the choice asks (KEEP_JUDGED, from
# eval/judged/replay.json), and the same around what the replay asks of the fitted model (REPLAY_FLOOR)
ENOUGH, TOO_FEW = train.KEEP_JUDGED + 0.01, train.KEEP_JUDGED - 0.01
REPLAYED, NOT_REPLAYED = train.REPLAY_FLOOR + 0.01, train.REPLAY_FLOOR - 0.01


def test_a_threshold_losing_a_samples_right_events_is_not_chosen():
    candidates = [
        _candidate(0.30, 0.700, {"sample-1": ENOUGH + 0.03, "sample-2": ENOUGH + 0.02}),
        _candidate(0.35, 0.701, {"sample-1": ENOUGH + 0.02, "sample-2": ENOUGH}),
        _candidate(0.40, 0.703, {"sample-1": ENOUGH + 0.01, "sample-2": TOO_FEW}),  # the best real-dev F1
        _candidate(0.45, 0.690, {"sample-1": ENOUGH, "sample-2": TOO_FEW - 0.05}),
    ]
    chosen = train.choose_threshold(candidates)
    assert chosen is not None and chosen.threshold == 0.35
    assert all(share >= train.KEEP_JUDGED for share in chosen.judged_kept.values())
    # the same figures without the samples: the highest threshold where real-dev F1 is flat
    free = train.choose_threshold([_candidate(c.threshold, c.f1["real-dev"], {}) for c in candidates])
    assert free is not None and free.threshold == 0.40


def test_the_other_floors_still_hold_and_nothing_allowed_is_none():
    low_dev = [_candidate(0.30, 0.70, {"s": ENOUGH}, dev=0.85), _candidate(0.35, 0.69, {"s": ENOUGH})]
    assert train.choose_threshold(low_dev).threshold == 0.35
    assert train.choose_threshold([_candidate(0.30, 0.70, {"s": TOO_FEW})]) is None


def test_a_samples_share_counts_its_right_events_coded_and_kept():
    # sample a: three events judged right, coded as events 0, 1 and 2 (two codings of one of them) and 4;
    # sample b: one coded as event 3, one no longer coded at all (lost at any threshold: not counted)
    samples = {"a": [[0], [1, 2], [4]], "b": [[3], []]}
    kept = [True, False, True, False, False]
    assert train.samples_kept(samples, kept) == {"a": 2 / 3, "b": 0.0}
    assert train.samples_kept(samples, [True] * 5) == {"a": 1.0, "b": 1.0}
    assert train.samples_kept({"c": [[], []]}, []) == {"c": 1.0}  # nothing a threshold could lose


def test_the_replay_counts_every_event_judged_right_and_holds_the_threshold_down():
    samples = {"a": [[0], [1, 2], [4]], "b": [[3], []]}
    # the one no longer coded is lost: it counts against the sample, as eval/test_judged_sample.py counts it
    assert train.replay_kept(samples, [True] * 5) == {"a": 1.0, "b": 0.5}
    assert train.replay_kept(samples, [False, False, True, False, True]) == {"a": 2 / 3, "b": 0.0}
    lower = train.Candidate(0.30, {"seeds": 1.0, "dev": 0.95, "real-dev": 0.700}, 0.0, {"s": ENOUGH}, {"s": REPLAYED})
    higher = train.Candidate(0.35, {"seeds": 1.0, "dev": 0.95, "real-dev": 0.701}, 0.0, {"s": ENOUGH},
                             {"s": NOT_REPLAYED})
    assert train.choose_threshold([lower, higher]) is lower  # the replay would fail at 0.35


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
