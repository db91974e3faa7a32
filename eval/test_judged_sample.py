"""Events judged by hand on unlabeled real articles (issue 16), kept as a regression set.

Each `eval/judged/unlabeled-sample*.jsonl` (one per judging, on the code of its day) holds
references only — the article's url in ../shared/corpus/real/unlabeled.jsonl, the sentence's
character offsets in the clean text, the event's type, sides and status as veille coded them,
and the verdict of a reader — never text. The articles are read from ../shared and coded again:
events judged right must still come out, events judged wrong should not, and the share right
among the judged events still coded must not fall below what the reader found."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ingest

SAMPLES = sorted((Path(__file__).parent / "judged").glob("unlabeled-sample*.jsonl"))
# the share of each sample's events judged right the replay asks (one declaration, read by the threshold's choice too)
RIGHT_KEPT = json.loads((Path(__file__).parent / "judged" / "replay.json").read_text("utf-8"))["right_kept"]


def _key(source: str, start: int, end: int, event_type: str, actor, recipient) -> tuple:
    return source, start, end, event_type, tuple(sorted(actor)), tuple(sorted(recipient))


def _codes(parties: list[dict]) -> list[str]:
    return sorted({p["code"] for p in parties if p.get("code")})


@pytest.fixture(scope="module", params=SAMPLES, ids=[p.stem for p in SAMPLES])
def judged(request, shared, veille_nlp, tmp_path_factory) -> dict:
    sample = [json.loads(line) for line in request.param.read_text("utf-8").splitlines() if line.strip()]
    sources = {item["source"] for item in sample}
    folder = tmp_path_factory.mktemp("judged")
    subset = folder / "articles.jsonl"
    with (shared / "corpus" / "real" / "unlabeled.jsonl").open(encoding="utf-8") as articles, \
            subset.open("w", encoding="utf-8") as out:
        for line in articles:
            if json.loads(line)["url"] in sources:
                out.write(line)
    store, _, exports = ingest(folder, [subset], veille_nlp, tables=("events",))
    store.close()
    events = [json.loads(line) for line in exports["events"].read_text("utf-8").splitlines()]
    coded = {_key(e["source"], e["start"], e["end"], e["type"], _codes(e["actor"]), _codes(e["recipient"]))
             for e in events}
    # an event judged with no recipient is still the judged event when a recipient has been found for it
    # since ("a-t-il accusé" in a text on French politics, now FRA -> FRA): the verdict read its type,
    # actor and status, and said nothing of a recipient it did not have
    open_ended = {_key(e["source"], e["start"], e["end"], e["type"], _codes(e["actor"]), []) for e in events}

    def still_coded(item: dict) -> bool:
        where = item["source"], item["start"], item["end"], item["type"], item["actor"]
        return _key(*where, item["recipient"]) in coded or (not item["recipient"] and _key(*where, []) in open_ended)

    still = [item for item in sample if still_coded(item)]
    return {"sample": sample, "still": still}


@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_the_sample_is_references_not_text(path: Path) -> None:
    allowed = {"source", "start", "end", "type", "actor", "recipient", "status", "verdict", "why"}
    for line in path.read_text("utf-8").splitlines():
        item = json.loads(line)
        assert set(item) <= allowed and item["verdict"] in ("right", "wrong"), item


def test_events_judged_right_are_still_coded(judged) -> None:
    right = [i for i in judged["sample"] if i["verdict"] == "right"]
    kept = [i for i in judged["still"] if i["verdict"] == "right"]
    # RIGHT_KEPT was 0.88 from stop 15 (the first sample kept 32 of its 35) to stop 23, when it held the confidence
    # threshold at 0.225; at 0.80 the threshold the judged events choose out of fold is 0.40, which keeps 0.85 of
    # sample 5's events judged right and drops far more of the events judged wrong (eval/judged/README.md)
    assert len(kept) >= RIGHT_KEPT * len(right), (len(kept), len(right))


def test_share_right_among_judged_events_still_coded(judged) -> None:
    sample, still = judged["sample"], judged["still"]
    judged_share = sum(i["verdict"] == "right" for i in sample) / len(sample)
    now = sum(i["verdict"] == "right" for i in still) / max(1, len(still))
    assert now >= judged_share, (now, judged_share)
