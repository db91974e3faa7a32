"""What the confidence model reads of an event's place in its document (events/confidence.py)."""

from __future__ import annotations

from veille.events.confidence import (
    DOC_EVENTS_EDGES,
    DOC_MIN_SENTENCES,
    SAME_TYPE_EDGES,
    bucket,
    document_features,
    placement_features,
)
from veille.events.dates import age_in_days
from veille.events.testing import code, features_kept, find


def _event(**over) -> dict:
    event = {"type": "ACCUSE", "actor": [{"text": "le ministre", "actor_id": "Q1", "code": "FRA", "sector": "GOV"}],
             "recipient": [], "date": "2021-06-02", "date_fallback": False}
    return {**event, **over}


def test_the_gap_the_model_reads_counts_from_the_end_of_the_period() -> None:
    def gap(date: str | None, published: str | None) -> int | None:
        return age_in_days(date, published, since="end")

    assert gap("2021-06-02", "2021-06-04") == 2
    assert gap("2021-05", "2021-06-04") == 4  # a month is over on its last day
    assert gap("2019", "2021-06-04") == 521  # from the last day of 2019
    assert gap("2021-06-10", "2021-06-04") == -6
    assert gap("2021-05", "2021-06") == 1  # to the first day of a month of publication
    assert gap(None, "2021-06-04") is None and gap("2021-06-02", "sometime") is None


def test_placement_reads_sectors_code_sources_and_dates() -> None:
    company = {"text": "", "actor_id": None, "code": "DEU", "sector": "BUS"}
    f = placement_features(_event(recipient=[company]), {"FRA"}, {"FRA"}, ["DEU", "FRA"], "2021-06-04", 0.3, True,
                           False, 0, 12, True)
    assert f["actor_sector=GOV"] == f["recipient_sector=BUS"] == 1.0
    assert f["actor_linked"] == 1.0 and "recipient_linked" not in f
    # the actor's code is anchored in the sentence; the recipient's is the document's focus, lent to the event
    assert f["actor_code_anchored"] == f["recipient_code_document"] == f["recipient_focus"] == 1.0
    assert "actor_focus" not in f and "actor_code_document" not in f
    # a code only a description of the sentence carries, lent it by the linker
    lent = placement_features(_event(), {"FRA"}, set(), [], "2021-06-04", 0.3, False, False, 3, 12, False)
    assert lent["actor_code_sentence"] == 1.0 and "actor_code_anchored" not in lent
    assert f["politics|ACCUSE"] == 0.3 and f["ordinary_doc"] == 1.0 and "ordinary_sides" not in f
    assert f["gap=1"] == 1.0 and f["sentence=0"] == 1.0 and f["sentences=2"] == 1.0 and f["heading"] == 1.0
    old = placement_features(_event(date="2015"), {"FRA"}, {"FRA"}, [], "2021-06-04", None, False, True, 7, 2, False)
    assert old["gap=4"] == 1.0 and old["politics|ACCUSE"] == 1.0 and old["ordinary_sides"] == 1.0
    assert "heading" not in old and "recipient_sector=none" not in old
    guessed = placement_features(_event(date_fallback=True), set(), set(), [], "2021-06-04", 0.9, False, False, 1, 5,
                                 False)
    assert not any(name.startswith("gap=") for name in guessed)  # no date of its own: no gap


def test_coded_events_carry_the_tense_and_where_their_sides_come_from(veille_nlp) -> None:
    text = ("Le Portugal et le Brésil multiplient les échanges commerciaux. Lisbonne avait signé un accord de pêche "
            "avec le Maroc. Le gouvernement portugais a dénoncé mardi cette décision.")
    with features_kept(veille_nlp):
        events = code(veille_nlp, text, "2021-03-10")
    signed = find(events, "AGREE") or find(events, "COOPERATE")
    assert signed is not None, events
    assert signed["_features"]["tense=pluperfect"] == 1.0
    assert signed["_features"]["recipient_code_anchored"] == 1.0
    denounced = find(events, "ACCUSE") or find(events, "REJECT") or find(events, "DISAPPROVE")
    assert denounced is not None, events
    features = denounced["_features"]
    assert features["tense=perfect"] == 1.0 and features["actor_sector=GOV"] == 1.0
    assert features["sentence=2"] == 1.0 and features["sentences=0"] == 1.0
    assert denounced["recipient"], denounced
    assert features["recipient_code_document"] == 1.0  # no other side named in its sentence


def test_document_features_count_the_events_told_and_those_of_the_same_type() -> None:
    def event(kind: str) -> dict:
        return {"type": kind, "actor": [], "recipient": []}

    told = [event("ACCUSE"), event("ACCUSE"), event("CONSULT"), event("ACCUSE")]
    features = document_features(told)
    assert features[0] == {"doc_events=1": 1.0, "same_type=2": 1.0}  # 4 events, 3 accusations
    assert features[2] == {"doc_events=1": 1.0, "same_type=0": 1.0}  # the meeting is alone of its type
    assert document_features([event("AID")]) == [{"doc_events=0": 1.0, "same_type=0": 1.0}]
    many = document_features([event("ASSAULT")] * 25)
    assert many[0] == {"doc_events=3": 1.0, "same_type=3": 1.0}
    assert document_features([]) == []
    # a text too short to tell what it is about: no document feature
    assert document_features(told, sentences=DOC_MIN_SENTENCES - 1) == [{}] * 4


def test_coded_events_carry_what_their_whole_document_tells(veille_nlp) -> None:
    text = ("Le Chili a accusé la Bolivie d'avoir déplacé des bornes frontalières. Le lendemain, le gouvernement "
            "chilien a accusé les autorités boliviennes de couvrir des passeurs. La ministre chilienne des affaires "
            "étrangères a rencontré mercredi son homologue péruvien à Lima. La frontière court sur huit cents "
            "kilomètres de désert. Les bornes y furent posées au siècle dernier. Le marché de la ville frontalière "
            "ouvre chaque samedi.")
    with features_kept(veille_nlp):
        events = code(veille_nlp, text, "2021-03-10")
    accusations = [e for e in events if e["type"] == "ACCUSE"]
    assert len(accusations) >= 2, events
    told = len(events)
    for event in events:
        f = event["_features"]
        assert f[f"doc_events={bucket(told, DOC_EVENTS_EDGES)}"] == 1.0, f
        same = sum(e["type"] == event["type"] for e in events)
        assert f[f"same_type={bucket(same, SAME_TYPE_EDGES)}"] == 1.0, (event["type"], f)
    # the events of the first sentence count those the later sentences tell
    assert accusations[0]["_features"][f"same_type={bucket(len(accusations), SAME_TYPE_EDGES)}"] == 1.0
