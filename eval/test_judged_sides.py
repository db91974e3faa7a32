"""Which side is right, labelled by hand on the judged press (eval/judged/sides-labels.jsonl, eval/judged/README.md).

Each line is an event of the judged samples 1-15 whose verdict was wrong for its sides or its country, with the codes
it should have had (`right_actor`, `right_recipient`) or `no_event` when, the sides put right, it is no event under
the judging rules. The articles are read from ../shared and coded again, and two shares are tracked:

- of the events labelled with their right sides, those veille now codes with them: an event of the same sentence
  span and type whose actor codes and recipient codes equal the labels (any of the events of that span and type);
- of the events labelled `no_event`, those veille no longer codes (no event of that span and type).

Their floors are what the code reached when the labels were written: the point is to track the side mechanism of the
next stops, not to bound them today. A label whose right codes equal the codes judged wrong (the judge saw the wrong
person of the right state, e.g. two French sides swapped) cannot be told from the event judged wrong by its codes: those
labels are left out of the measure, which counts the labels whose codes differ."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import codes

JUDGED = Path(__file__).parent / "judged"
LABELS = [json.loads(line) for line in (JUDGED / "sides-labels.jsonl").read_text("utf-8").splitlines() if line.strip()]
# what the code reached on the labels when they were written (stop 38, HEAD afc9fad): of the 225 events whose right
# codes differ from the judged ones, 37 coded with the right sides (166 still coded at that span and type, 100 with the
# codes judged wrong); of the 21 labelled no_event, 6 no longer coded. At the end of stop 38 (the retrained confidence
# and the merged side rules): 40 coded with the right sides (141 still coded at that span and type); 16 no_event gone.
# Sample 15's 27 labels added (HEAD f3b5f9e): of the 249 whose codes differ, 41 coded with the right sides (156 still
# coded; sample 15: 1 of 24, 15 still coded); of the 23 no_event, 17 no longer coded (sample 15: 1 of 2). Stop 39, the
# noun a verb of asking names as the one to act taken as addressee where the parser hangs its infinitive on it, or named
# by an uncoded body's name: 45 (verb object or complement missed: 8 → 12 of 29). Stop 40, a body of the asker's own
# state named as the one to act, an office's holder owning what is judged: 47; a first-person request the speaker made
# of a private person no longer coded: no_event 18; stop 41 (state bodies named by a plain noun as the ones aimed at, an
# act noun's owner or agent, object clitics): 49, no_event 19; stop 42 (the one a clause says gets or undergoes an act,
# "X a reçu le soutien de Y", "Appuyé par Y, X ..."): 50; stop 43 (what the parser hangs on a bare weekday hung back
# on the verb, a threat's infinitive object of the actor's own state): 53, then 51 with the confidence retrained at
# 0.475 (two right-sided events below it), no_event 21 (two more below it); stop 44 (pronouns past a quote and a
# title, glued hyphenated words re-joined, the models retrained): 54
SIDES_RIGHT_FLOOR = 54
NO_EVENT_GONE_FLOOR = 21
CODE = re.compile(r"^[A-Z]{2,5}$")


def _same_codes(label: dict) -> bool:
    return (sorted(label["right_actor"]), sorted(label["right_recipient"])) == (sorted(label["actor"]),
                                                                                sorted(label["recipient"]))


def _span(label: dict) -> tuple:
    return label["source"], label["start"], label["end"], label["type"]


def test_the_labels_are_references_and_codes_not_text() -> None:
    keys = {"sample", "source", "start", "end", "type", "actor", "recipient", "note"}
    for label in LABELS:
        assert keys <= set(label) <= keys | {"right_actor", "right_recipient", "no_event"}, label
        assert label.get("no_event") is True or {"right_actor", "right_recipient"} <= set(label), label
        assert not (label.get("no_event") and {"right_actor", "right_recipient"} & set(label)), label
        assert all(CODE.match(c) for c in label.get("right_actor", []) + label.get("right_recipient", [])), label
        assert len(label["note"]) <= 60, label


def test_each_label_is_an_event_judged_wrong_for_its_sides() -> None:
    # a sample may judge two events of one sentence span and type, coded with other sides: the key holds the sides
    judged = {}
    for name in {label["sample"] for label in LABELS}:
        for line in (JUDGED / f"{name}.jsonl").read_text("utf-8").splitlines():
            item = json.loads(line)
            judged[name, *_span(item), tuple(item["actor"]), tuple(item["recipient"])] = item
    for label in LABELS:
        item = judged[label["sample"], *_span(label), tuple(label["actor"]), tuple(label["recipient"])]
        assert item["verdict"] == "wrong" and re.search("side|countr", item["why"]), (label, item)


@pytest.fixture(scope="module")
def coded(judged_press) -> dict[tuple, list[tuple]]:
    """The labelled events' articles coded again (with all the judged samples' articles): for each sentence span and
    type, the codes of its events."""
    events, stored = judged_press
    by_doc: dict[str, list[dict]] = {}
    for e in events:
        by_doc.setdefault(e["doc_id"], []).append(e)
    by_span: dict[tuple, list[tuple]] = {}
    for source, doc_id in stored.items():
        for e in by_doc.get(doc_id, []):
            by_span.setdefault((source, e["start"], e["end"], e["type"]), []).append(
                (codes(e["actor"]), codes(e["recipient"])))
    return by_span


def test_events_coded_with_their_right_sides(coded) -> None:
    labelled = [label for label in LABELS if not label.get("no_event") and not _same_codes(label)]
    right = [label for label in labelled
             if (sorted(label["right_actor"]), sorted(label["right_recipient"])) in coded.get(_span(label), [])]
    still = [label for label in labelled if _span(label) in coded]
    assert len(right) >= SIDES_RIGHT_FLOOR, (len(right), len(still), len(labelled))


def test_events_labelled_no_event_are_no_longer_coded(coded) -> None:
    labelled = [label for label in LABELS if label.get("no_event")]
    gone = [label for label in labelled if _span(label) not in coded]
    assert len(gone) >= NO_EVENT_GONE_FLOOR, (len(gone), len(labelled))
