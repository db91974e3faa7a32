"""Events judged by hand on unlabeled real articles (issue 16), kept as a regression set.

Each `eval/judged/unlabeled-sample*.jsonl` (one per judging, on the code of its day) holds
references only — the article's url in ../shared/corpus/real/unlabeled.jsonl, the sentence's
character offsets in the clean text, the event's type, sides and status as veille coded them,
and the verdict of a reader — never text. The articles are read from ../shared and coded again:
events judged right must still come out, events judged wrong should not, and the share right
among the judged events still coded must not fall below what the reader found. Events judged right are counted over
all the samples together (`replay.json`'s `right_kept`); the share right, sample by sample."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import codes

SAMPLES = sorted((Path(__file__).parent / "judged").glob("unlabeled-sample*.jsonl"))
# the share of the samples' events judged right, all samples together, the replay asks (one declaration, read by the
# threshold's choice too)
RIGHT_KEPT = json.loads((Path(__file__).parent / "judged" / "replay.json").read_text("utf-8"))["right_kept"]


def _key(doc_id: str | None, start: int, end: int, event_type: str, actor, recipient) -> tuple:
    return doc_id, start, end, event_type, tuple(sorted(actor)), tuple(sorted(recipient))


def _replay(path: Path, events: list[dict], stored: dict[str, str]) -> dict:
    """One sample, and its items still coded among the judged articles coded again (`stored`: each source's
    document, an exact copy under another url being its first url's document)."""
    sample = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    coded = {_key(e["doc_id"], e["start"], e["end"], e["type"], codes(e["actor"]), codes(e["recipient"]))
             for e in events}
    # an event judged with no recipient is still the judged event when a recipient has been found for it
    # since ("a-t-il accusé" in a text on French politics, now FRA -> FRA): the verdict read its type,
    # actor and status, and said nothing of a recipient it did not have
    open_ended = {_key(e["doc_id"], e["start"], e["end"], e["type"], codes(e["actor"]), []) for e in events}

    def still_coded(item: dict) -> bool:
        where = stored.get(item["source"]), item["start"], item["end"], item["type"], item["actor"]
        return _key(*where, item["recipient"]) in coded or (not item["recipient"] and _key(*where, []) in open_ended)

    return {"sample": sample, "still": [item for item in sample if still_coded(item)]}


@pytest.fixture(scope="module")
def replayed(judged_press) -> dict[str, dict]:
    """Every sample replayed, by name (all samples' articles coded again in one store)."""
    events, stored = judged_press
    return {path.stem: _replay(path, events, stored) for path in SAMPLES}


@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_the_sample_is_references_not_text(path: Path) -> None:
    allowed = {"source", "start", "end", "type", "actor", "recipient", "status", "verdict", "why"}
    for line in path.read_text("utf-8").splitlines():
        item = json.loads(line)
        assert set(item) <= allowed and item["verdict"] in ("right", "wrong"), item


def test_events_judged_right_are_still_coded(replayed) -> None:
    # of all the samples' events judged right together, the share still coded and kept. RIGHT_KEPT was 0.88 from
    # stop 15 to stop 23, asked of each sample; 0.80 from stop 24, still of each sample; since stop 31 of the samples
    # pooled, as scripts/train_confidence.py asks it when it chooses the threshold: asked of each, it bound on the
    # oldest, loosest-judged samples (1, 4 and 5, ~30 events judged right each, one event 0.03 of a sample) and held
    # the threshold down where it kept more events judged wrong on the press (eval/judged/README.md)
    right = [i for r in replayed.values() for i in r["sample"] if i["verdict"] == "right"]
    kept = [i for r in replayed.values() for i in r["still"] if i["verdict"] == "right"]
    shares = {name: round(sum(i["verdict"] == "right" for i in r["still"])
                          / max(1, sum(i["verdict"] == "right" for i in r["sample"])), 3)
              for name, r in replayed.items()}
    assert len(kept) >= RIGHT_KEPT * len(right), (len(kept), len(right), shares)


@pytest.mark.parametrize("name", [p.stem for p in SAMPLES])
def test_share_right_among_judged_events_still_coded(replayed, name: str) -> None:
    sample, still = replayed[name]["sample"], replayed[name]["still"]
    judged_share = sum(i["verdict"] == "right" for i in sample) / len(sample)
    now = sum(i["verdict"] == "right" for i in still) / max(1, len(still))
    assert now >= judged_share, (now, judged_share)
