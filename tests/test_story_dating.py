"""Dates from the story (veille.stories.dating): the anchor rule, the re-dating of events and
mentions on a real DuckDB store, and the stories step over real ingests of the dev corpus."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest
from conftest import depeches

from veille.store import Batch, Store
from veille.stories.dating import date_from_stories, event_timex, newly_placed, redate, story_anchor
from veille.stories.merge import DocInfo


def info(doc_id: str, published: str | None, original: str | None = None, seq: int = 0) -> DocInfo:
    return DocInfo(doc_id, seq, f"{doc_id}.example", None, published, original or doc_id)


# -- the anchor rule ---------------------------------------------------------------------
def test_a_document_with_a_publication_day_has_no_anchor():
    doc = info("d", "2022-09-14")
    assert story_anchor(doc, [doc, info("a", "2022-09-15"), info("b", "2022-09-16")]) is None


def test_the_anchor_is_the_lower_median_of_the_compatible_days():
    doc = info("d", "2022-11")
    odd = [doc, info("a", "2022-11-10"), info("b", "2022-11-11"), info("c", "2022-11-13")]
    assert story_anchor(doc, odd) == "2022-11-11"  # not the preview of the day before, nor the late recap
    even = [*odd, info("e", "2022-11-14")]
    assert story_anchor(doc, even) == "2022-11-11"  # the earlier middle day: a real publication day
    # another month is not compatible with "2022-11", a month or a year is no witness
    others = [*odd, info("x", "2022-12-01"), info("y", "2022-12-02"), info("z", "2022-12-03"), info("m", "2022-11"),
              info("n", "2022"), info("o", None)]
    assert story_anchor(doc, others) == "2022-11-11"


def test_a_day_from_another_month_is_not_an_anchor():
    doc = info("d", "2022-06")
    assert story_anchor(doc, [doc, info("a", "2022-07-01"), info("b", "2022-05-31")]) is None
    assert story_anchor(info("y", "2021"), [info("a", "2022-07-01")]) is None


def test_a_document_without_publication_date_takes_any_day_of_its_story():
    doc = info("d", None)
    assert story_anchor(doc, [info("a", "2022-09-15"), info("b", "2022-09")]) == "2022-09-15"
    assert story_anchor(doc, [info("b", "2022-09"), info("c", None)]) is None


def test_a_copy_of_the_same_text_gives_its_own_day():
    doc = info("d", None)
    members = [doc, info("a", "2022-06-28"), info("b", "2022-06-28"), info("c", "2022-06-28"),
               info("copy", "2022-06-30", original="d"), info("copy2", "2022-07-02", original="d")]
    assert story_anchor(doc, members) == "2022-06-30"


# -- re-dating one text (the real TIMEX normaliser, no parse) -------------------------------
TEXT = (
    "Le Premier ministre a annoncé mardi que 49 soldats avaient été tués. "
    "Les combats se poursuivaient dans deux directions. "
    "Selon un bilan publié le 2 septembre 2022, la frontière était calme."
)


def sentences_of(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for part in text.split(". "):
        end = start + len(part) + 1
        out.append((start, min(end, len(text))))
        start = end + 1
    return out


def event(number: int, trigger: str, text: str = TEXT, **dates: Any) -> dict[str, Any]:
    start, end = sentences_of(text)[number]
    row = {"event_id": f"e{number}-{trigger}", "start": start, "end": end, "trigger": trigger, "date": None,
           "date_precision": None, "date_text": None, "date_fallback": True, "date_anchor": None}
    row.update(dates)
    return row


def test_a_bare_weekday_is_placed_on_the_story_day():
    original, placed = newly_placed(TEXT, None, "2022-09-15")
    assert [t.value for t in original if t.text == "mardi"] == ["XXXX-WXX-2"]
    assert [(t.text, t.value) for t in placed] == [("mardi", "2022-09-13")]  # on or before the anchor


def test_events_of_an_undated_text_are_dated_from_the_story():
    events = [
        event(0, "tués"),
        event(1, "combats"),  # no expression: the narrative date the sentence before set
        event(2, "calme", date="2022-09-02", date_precision="day", date_text="le 2 septembre 2022",
              date_fallback=False),  # the text's own date: not touched
    ]
    dates, values = redate(TEXT, None, "2022-09-15", events, sentences_of(TEXT))
    assert set(dates) == {"e0-tués", "e1-combats"}
    assert asdict(dates["e0-tués"]) == {"date": "2022-09-13", "date_precision": "day", "date_text": "mardi",
                                        "date_fallback": False, "date_anchor": "2022-09-15"}
    assert dates["e1-combats"].date == "2022-09-13"
    start = TEXT.index("mardi")
    assert values[(start, start + 5, "DATE")] == "2022-09-13"
    # without an anchor, the publication fallback (nothing here) and the unresolved value
    dates, values = redate(TEXT, None, None, events, sentences_of(TEXT))
    assert dates["e0-tués"].date is None and dates["e0-tués"].date_fallback and dates["e0-tués"].date_anchor is None
    assert values[(start, start + 5, "DATE")] == "XXXX-WXX-2"


def test_redating_twice_changes_nothing_and_a_new_anchor_starts_from_the_original():
    events = [event(0, "tués", date="2022-09", date_precision="month"), event(1, "combats", date="2022-09",
                                                                               date_precision="month")]
    first, _ = redate(TEXT, "2022-09", "2022-09-15", events, sentences_of(TEXT))
    applied = [{**e, **asdict(first[e["event_id"]])} for e in events]
    again, _ = redate(TEXT, "2022-09", "2022-09-15", applied, sentences_of(TEXT))
    assert again == first
    later, _ = redate(TEXT, "2022-09", "2022-09-21", applied, sentences_of(TEXT))
    assert later["e0-tués"].date == "2022-09-20" and later["e0-tués"].date_anchor == "2022-09-21"
    gone, _ = redate(TEXT, "2022-09", None, applied, sentences_of(TEXT))
    assert asdict(gone["e0-tués"]) == {"date": "2022-09", "date_precision": "month", "date_text": None,
                                       "date_fallback": True, "date_anchor": None}


def test_a_bound_is_not_a_narrative_date():
    text = "Les combats durent depuis mardi. Les soldats se sont repliés."
    _, placed = newly_placed(text, None, "2022-09-15")
    assert [t.text for t in placed] == ["mardi"]
    assert event_timex(text, event(1, "repliés", text), placed, sentences_of(text)) is None
    assert event_timex(text, event(0, "combats", text), placed, sentences_of(text)) is not None  # its own


def test_the_narrative_date_is_the_first_of_the_last_dated_sentence():
    text = ("Le ministre a annoncé mercredi un bilan plus lourd que celui de la veille. "
            "Les deux camps se sont accusés.")
    _, placed = newly_placed(text, None, "2022-09-15")
    assert [t.text for t in placed] == ["mercredi", "la veille"]
    assert event_timex(text, event(1, "accusés", text), placed, sentences_of(text)).text == "mercredi"


# -- the store -----------------------------------------------------------------------------
def write_doc(store: Store, doc_id: str, text: str, published: str | None, events: list[dict[str, Any]]) -> None:
    batch = Batch()
    batch.add("documents", {"doc_id": doc_id, "source": doc_id, "published": published, "lang": "fr",
                            "status": "parsed", "text": text})
    batch.extend("sentences", [{"doc_id": doc_id, "idx": i, "start": s, "end": e}
                               for i, (s, e) in enumerate(sentences_of(text))])
    from veille.events.timex import tag

    batch.extend("mentions", [{"doc_id": doc_id, "source": doc_id, "start": t.start, "end": t.end, "text": t.text,
                               "label": t.label, "value": t.value} for t in tag(text, published, tense="auto")])
    batch.extend("events", [{**e, "event_id": f"{doc_id}-{e['event_id']}", "doc_id": doc_id, "source": doc_id,
                             "type": "ASSAULT"} for e in events])
    store.write(batch)


def rows(store: Store) -> tuple[list[Any], list[Any]]:
    events = store.con.execute("SELECT event_id, date, date_precision, date_text, date_fallback, date_anchor "
                               "FROM events ORDER BY event_id").fetchall()
    mentions = store.con.execute("SELECT doc_id, start, \"end\", value FROM mentions ORDER BY ALL").fetchall()
    return events, mentions


def test_the_store_is_redated_once_whatever_the_order_of_the_members(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    write_doc(store, "undated", TEXT, None, [event(0, "tués"), event(1, "combats")])
    write_doc(store, "month", TEXT, "2022-09", [event(0, "tués", date="2022-09", date_precision="month")])
    write_doc(store, "day", TEXT, "2022-09-16", [event(0, "tués", date="2022-09-16", date_precision="day")])
    write_doc(store, "other", "Une autre dépêche.", "2022-09-15", [])
    members = {"undated": info("undated", None), "month": info("month", "2022-09"),
               "day": info("day", "2022-09-16"), "other": info("other", "2022-09-15")}
    before = rows(store)
    assert date_from_stories(store.con, {"S": members}) == 3
    events, mentions = rows(store)
    dated = {e[0]: e[1:] for e in events}
    # anchor: lower median of 2022-09-15 and 2022-09-16
    assert dated["undated-e0-tués"] == ("2022-09-13", "day", "mardi", False, "2022-09-15")
    assert dated["undated-e1-combats"] == ("2022-09-13", "day", "mardi", False, "2022-09-15")
    assert dated["month-e0-tués"] == ("2022-09-13", "day", "mardi", False, "2022-09-15")
    assert dated["day-e0-tués"] == ("2022-09-16", "day", None, True, None)  # a publication day: never re-dated
    start = TEXT.index("mardi")
    assert ("undated", start, start + 5, "2022-09-13") in mentions
    assert ("day", start, start + 5, "2022-09-13") in mentions  # its own tagger's value, untouched
    # again, members in another order: nothing changes
    assert date_from_stories(store.con, {"S": dict(reversed(members.items()))}) == 0
    assert rows(store) == (events, mentions)
    # the days leave the story (a rebuild may cluster otherwise): back to the publication fallback
    alone = {"S1": {"undated": members["undated"]}, "S2": {"month": members["month"]}}
    assert date_from_stories(store.con, alone) == 3
    assert rows(store) == before
    store.close()


# -- the stories step over real ingests ------------------------------------------------------
def armenia(tmp_path: Path, ids: list[str]) -> Path:
    records = depeches()
    path = tmp_path / f"{'-'.join(ids)}.jsonl"
    path.write_text("".join(json.dumps(records[i], ensure_ascii=False) + "\n" for i in ids), "utf-8")
    return path


def dates_by_source(store: Store) -> dict[tuple[str, str], tuple[Any, ...]]:
    return {
        (r[0].rsplit("/", 1)[-1], r[1]): r[2:]
        for r in store.con.execute(
            "SELECT d.source, e.trigger || ':' || e.start, e.date, e.date_text, e.date_fallback, e.date_anchor "
            "FROM events e JOIN documents d USING (doc_id)"
        ).fetchall()
    }


def first_by_trigger(dates: dict[tuple[str, str], tuple[Any, ...]], source: str) -> dict[str, tuple[Any, ...]]:
    """The dates of a document's events by trigger, the first event of each trigger."""
    out: dict[str, tuple[Any, ...]] = {}
    for (src, key), value in sorted(dates.items(), key=lambda kv: int(kv[0][1].rsplit(":", 1)[1])):
        if source in src:
            out.setdefault(key.rsplit(":", 1)[0], value)
    return out


@pytest.fixture(scope="module")
def armenia_stores(tmp_path_factory, veille_nlp):
    from veille.pipeline import Ingestor

    folder = tmp_path_factory.mktemp("armenia")
    stores = {}
    # one run with the dated article last, and two runs: the undated articles, then the dated one
    one = Store(folder / "one.duckdb")
    Ingestor(one, nlp=veille_nlp).ingest_paths([armenia(folder, ["A01", "A03", "A04", "A05"])])
    stores["one"] = one
    two = Store(folder / "two.duckdb")
    Ingestor(two, nlp=veille_nlp).ingest_paths([armenia(folder, ["A03", "A04", "A01"])])
    stores["undated"] = dates_by_source(two)
    Ingestor(two, nlp=veille_nlp).ingest_paths([armenia(folder, ["A05"])])
    stores["two"] = two
    yield stores
    one.close()
    two.close()


def test_undated_articles_take_their_days_from_the_story(armenia_stores):
    store = armenia_stores["one"]
    assert store.con.execute("SELECT count(DISTINCT story_id) FROM documents").fetchone()[0] == 1
    dates = dates_by_source(store)
    a01 = first_by_trigger(dates, "quatre-soldats")
    assert a01["tués"] == ("2024-04-16", "mardi", False, "2024-04-18")  # "a annoncé mardi", A05 of Thursday 18
    a03 = first_by_trigger(dates, "nouvelles-accusations")
    assert a03["accusé"][:2] == ("2024-04-17", "Mercredi")
    # the dated article is not re-dated, and only undated or month-dated documents are
    assert store.con.execute(
        "SELECT count(*) FROM events e JOIN documents d USING (doc_id) "
        "WHERE e.date_anchor IS NOT NULL AND length(coalesce(d.published, '')) = 10"
    ).fetchone()[0] == 0
    mardi = store.con.execute(
        "SELECT m.value FROM mentions m JOIN documents d USING (doc_id) "
        "WHERE d.source LIKE '%quatre-soldats%' AND m.text = 'mardi'"
    ).fetchone()
    assert mardi == ("2024-04-16",)


def test_without_a_dated_article_nothing_is_guessed(armenia_stores):
    undated = armenia_stores["undated"]
    a01 = first_by_trigger(undated, "quatre-soldats")
    assert a01["tués"] == (None, None, True, None)
    assert all(v[3] is None for v in undated.values())


def test_the_dates_do_not_depend_on_the_ingest_order_and_a_second_merge_changes_nothing(armenia_stores):
    from veille import stories

    one, two = armenia_stores["one"], armenia_stores["two"]
    assert dates_by_source(one) == dates_by_source(two)
    before = rows(two)
    merged = two.con.execute("SELECT * EXCLUDE (merged_id) FROM merged_events ORDER BY ALL").fetchall()
    two.con.execute("UPDATE stories SET merged_at = NULL")
    assert stories.merge_stale(two).stories_updated
    assert rows(two) == before
    assert two.con.execute("SELECT * EXCLUDE (merged_id) FROM merged_events ORDER BY ALL").fetchall() == merged


def test_a_night_between_two_days_dates_its_events_on_the_day_it_ends():
    text = "Les combats ont éclaté dans la nuit de lundi à mardi à la frontière."
    events = [event(0, "éclaté", text)]
    dates, _ = redate(text, None, "2022-09-15", events, sentences_of(text))
    assert dates["e0-éclaté"].date == "2022-09-13" and dates["e0-éclaté"].date_text == "la nuit de lundi à mardi"
