"""Stories that update in place: a document that bridges two stories merges them (the old id redirects
to the survivor), and the merged events of a story take new documents' events without regrouping the
story. Whatever the order and however the documents arrive (one at a time or all at once), the stories
and their merged events are those of one run over all of them."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from test_derived import same_brief_items
from test_stories import Corpus, party
from veille import stories
from veille.store import Store, derived
from veille.store.queries import EventFilter, find_events, get_story, new_merged_events, new_stories, resolve_story

# -- texts (written for this test) ------------------------------------------------------------
CLASHES = (
    "De violents combats ont opposé vendredi les gardes-frontières kirghizes et tadjiks près de Batken. "
    "Bichkek accuse Douchanbé d'avoir bombardé des villages avec des mortiers et des drones. Au moins "
    "vingt-quatre morts sont recensés côté kirghize, selon le ministère de la Santé du Kirghizstan. Les "
    "habitants de plusieurs localités ont fui vers l'intérieur du pays, sous les tirs d'artillerie."
)
TRUCE = (
    "Sadyr Japarov et Emomali Rahmon se sont entretenus samedi en marge du sommet de l'Organisation de "
    "coopération de Shanghai à Samarcande. Les deux présidents ont conclu une trêve et promis le retrait "
    "des unités déployées. Une commission mixte doit se réunir la semaine prochaine pour délimiter la "
    "frontière commune du Tadjikistan et du Kirghizstan, longue de près de mille kilomètres."
)
BRIDGE = (
    "Après les combats près de Batken, où des villages kirghizes ont été bombardés par des mortiers et des "
    "drones tadjiks, la trêve conclue à Samarcande par Sadyr Japarov et Emomali Rahmon tient. Le bilan "
    "s'élève à vingt-quatre morts côté kirghize. Bichkek et Douchanbé promettent le retrait des unités "
    "déployées, et la commission mixte doit délimiter la frontière du Tadjikistan et du Kirghizstan."
)
REPRINT = f"Publié le 17 septembre 2022 — Rubrique Monde\n\n{CLASHES}\n\nLire aussi : nos dossiers sur l'Asie centrale."
RATES = (
    "La Banque centrale européenne a relevé jeudi ses taux directeurs de trois quarts de point, une hausse "
    "sans précédent depuis la création de l'euro. Christine Lagarde a justifié ce tour de vis par une "
    "inflation qui atteint 9,1 % en août dans la zone euro et a prévenu que d'autres hausses suivraient "
    "lors des prochaines réunions du conseil des gouverneurs à Francfort."
)
NAMES: dict[str, tuple[str, str | None]] = {
    "Batken": ("LOC", "KGZ"),
    "Bichkek": ("LOC", "KGZ"),
    "Douchanbé": ("LOC", "TJK"),
    "Kirghizstan": ("LOC", "KGZ"),
    "Tadjikistan": ("LOC", "TJK"),
    "Sadyr Japarov": ("PER", "KGZ"),
    "Emomali Rahmon": ("PER", "TJK"),
    "Samarcande": ("LOC", "UZB"),
    "Banque centrale européenne": ("ORG", "EU"),
    "Christine Lagarde": ("PER", "EU"),
    "Francfort": ("LOC", "DEU"),
}
KGZ, TJK = party("Kirghizstan", "KGZ"), party("Tadjikistan", "TJK")


def _event(text: str, sentence: int, etype: str, actor: dict[str, Any], recipient: dict[str, Any], date: str,
           **extra: Any) -> dict[str, Any]:
    sentences = text.split(". ")
    start = text.find(sentences[sentence])
    return {"type": etype, "actor": [actor], "recipient": [recipient], "date": date, "date_precision": "day",
            "sentence": sentences[sentence] + ".", "start": start, "end": start + len(sentences[sentence]),
            **extra}


DOCS: dict[str, tuple[str, str, str | None, list[dict[str, Any]]]] = {
    # name: (text, outlet, published, events)
    "clashes": (CLASHES, "asie-centrale.example", "2022-09-16", [
        _event(CLASHES, 1, "ASSAULT", TJK, KGZ, "2022-09-16", size={"dead": 24}),
        _event(CLASHES, 1, "ACCUSE", KGZ, TJK, "2022-09-16")]),
    "truce": (TRUCE, "eurasie.example", "2022-09-17", [
        _event(TRUCE, 0, "CONSULT", KGZ, TJK, "2022-09-17"),
        _event(TRUCE, 1, "AGREE", KGZ, TJK, "2022-09-17")]),
    "bridge": (BRIDGE, "monde.example", "2022-09-18", [
        _event(BRIDGE, 0, "ASSAULT", TJK, KGZ, "2022-09-16", size={"dead": 26}),
        _event(BRIDGE, 0, "AGREE", KGZ, TJK, "2022-09-17")]),
    "reprint": (REPRINT, "copies.example", "2022-09-17", [
        _event(REPRINT, 1, "ASSAULT", TJK, KGZ, "2022-09-16", size={"dead": 24})]),
    "rates": (RATES, "finance.example", "2022-09-08", [
        _event(RATES, 0, "SANCTION", party("BCE", "EU"), party("zone euro", "EU"), "2022-09-08")]),
}


def _corpus(names: list[str]) -> Corpus:
    corpus = Corpus()
    for name in names:
        text, outlet, published, events = DOCS[name]
        corpus.doc(text, outlet, published, events, names=NAMES, title=None)
    return corpus


@pytest.fixture(scope="module")
def parsed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding the documents, their mentions and events, and no stories yet."""
    path = tmp_path_factory.mktemp("inplace") / "parsed.duckdb"
    with Store(path) as store:
        _corpus(list(DOCS)).write(store, run=False)
    return path


def _ids() -> dict[str, str]:
    corpus = _corpus(list(DOCS))
    return dict(zip(DOCS, corpus.ids, strict=True))


def _run(parsed: Path, folder: Path, order: list[str], one_by_one: bool) -> dict[str, Any]:
    """The stories step over the parsed documents in this order, one ingest at a time or all at once;
    returns what it made: partition (as document names), merged events rows, redirects."""
    path = folder / f"{'one' if one_by_one else 'all'}.duckdb"
    shutil.copy(parsed, path)
    ids = _ids()
    doc_ids = [ids[name] for name in order]
    with Store(path) as store:
        if one_by_one:
            for doc_id in doc_ids:
                stories.update(store, [doc_id], merge=False)
                stories.merge_stale(store)
        else:
            stories.update(store, doc_ids, merge=False)
            stories.merge_stale(store)
        names = {v: k for k, v in ids.items()}
        groups: dict[str, set[str]] = {}
        for doc_id, story_id in store.con.execute(
            "SELECT doc_id, story_id FROM documents WHERE story_id IS NOT NULL").fetchall():
            groups.setdefault(story_id, set()).add(names[doc_id])
        merged = [
            {k: v for k, v in row.items() if k != "story_id"} | {"story": frozenset(groups[row["story_id"]])}
            for row in store.iter_rows("merged_events")
        ]
        redirects = store.con.execute('SELECT story_id, "into" FROM story_redirects ORDER BY 1').fetchall()
        stored = {r[0] for r in store.con.execute("SELECT story_id FROM stories").fetchall()}
        _first_seen_kept(store)
    return {"partition": {frozenset(g) for g in groups.values()}, "merged": merged, "redirects": redirects,
            "stories": stored, "groups": groups}


def _first_seen_kept(store: Store) -> None:
    """The brief's first_seen, kept by the stories step as stories grow, merge and lose their merged
    events, is what a full recompute gives; the brief's new stories and merged events are the scans'."""
    kept = sorted(store.con.execute("SELECT * FROM first_seen").fetchall(), key=str)
    assert kept
    with store.transaction():
        derived.rebuild_first_seen(store.con)
    assert sorted(store.con.execute("SELECT * FROM first_seen").fetchall(), key=str) == kept
    moments = [r[0] for r in store.con.execute("SELECT ingested_at FROM documents ORDER BY 1").fetchall()]
    days = [r[0] for r in store.con.execute("SELECT DISTINCT published FROM documents ORDER BY 1").fetchall()]
    for basis, bounds in [("ingested", (moments[0], moments[-1] + dt.timedelta(seconds=1))),
                          ("ingested", (moments[1], moments[-1])), ("published", (days[0], days[-1])),
                          *[("published", (day, day)) for day in days if day]]:
        assert new_stories(store, basis, bounds) == new_stories(store, basis, bounds, scan=True)
        assert new_merged_events(store, basis, bounds) == new_merged_events(store, basis, bounds, scan=True)
        same_brief_items(store, basis, bounds)


def _canonical(rows: list[dict[str, Any]]) -> list[str]:
    return sorted(json.dumps(row, sort_keys=True, default=sorted) for row in rows)


def _groupings(rows: list[dict[str, Any]]) -> set[frozenset[str]]:
    return {frozenset(p["event_id"] for p in row["provenance"]) for row in rows}


TRUE = {frozenset({"clashes", "truce", "bridge", "reprint"}), frozenset({"rates"})}


def test_a_later_text_bridges_two_stories_and_the_old_id_redirects(parsed, tmp_path):
    found = _run(parsed, tmp_path, ["clashes", "truce", "rates", "bridge", "reprint"], one_by_one=True)
    assert found["partition"] == TRUE
    # clashes and truce were two stories until the bridge came: the younger one redirects
    assert len(found["redirects"]) == 1
    old, into = found["redirects"][0]
    assert into in found["stories"] and old not in found["stories"]
    with Store(tmp_path / "one.duckdb", read_only=True) as store:
        assert resolve_story(store, old) == into
        assert resolve_story(store, into) == into
        assert resolve_story(store, "S-unknown") is None
        story = get_story(store, into)
        assert story is not None and story["num_documents"] == 4
        # filters by story take the old id too
        assert find_events(store, EventFilter(story=old))[0] == find_events(store, EventFilter(story=into))[0] > 0


def test_without_the_bridge_they_stay_apart(parsed, tmp_path):
    found = _run(parsed, tmp_path, ["clashes", "truce", "rates"], one_by_one=True)
    assert len(found["partition"]) == 3 and not found["redirects"]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(order=st.permutations(list(DOCS)))
def test_one_at_a_time_equals_all_at_once_in_any_order(parsed, tmp_path_factory, order):
    folder = tmp_path_factory.mktemp("order")
    one = _run(parsed, folder, order, one_by_one=True)
    once = _run(parsed, folder, order, one_by_one=False)
    assert one["partition"] == once["partition"] == TRUE
    assert _canonical(one["merged"]) == _canonical(once["merged"])
    assert one["redirects"] == once["redirects"]
    # the same real events whatever the order (ids and anchors aside)
    expected = _run(parsed, folder, list(DOCS), one_by_one=False)
    assert _groupings(one["merged"]) == _groupings(expected["merged"])


def test_new_events_join_without_regrouping_the_story(parsed, tmp_path, monkeypatch):
    """Once a story is merged, a new original's events are added to its merged events: the story's
    events are not read again, and the result is that of a full regrouping."""
    from veille.stories import engine

    regrouped: list[list[str]] = []
    original = engine._Run._regroup

    def spy(self, story_ids, docs):
        regrouped.append(list(story_ids))
        return original(self, story_ids, docs)

    monkeypatch.setattr(engine._Run, "_regroup", spy)
    order = ["clashes", "bridge", "truce", "reprint"]
    found = _run(parsed, tmp_path, order, one_by_one=True)
    # the first document of the story is grouped in full (nothing merged before); the next ones join
    assert len(regrouped) == 1
    assert found["partition"] == {frozenset(order)}
    once = _run(parsed, tmp_path, order, one_by_one=False)
    assert _canonical(found["merged"]) == _canonical(once["merged"])
    assault = next(r for r in found["merged"] if r["type"] == "ASSAULT")
    assert assault["conflicting"] and assault["num_sources"] == 2  # 24 and 26 dead, reprint counted as carrier
    assert "copies.example" in assault["carriers"]


def test_rebuild_makes_the_same_stories_and_redirects_again(parsed, tmp_path):
    first = _run(parsed, tmp_path, list(DOCS), one_by_one=True)
    assert first["redirects"]
    with Store(tmp_path / "one.duckdb") as store:
        stories.rebuild(store)
        redirects = store.con.execute('SELECT story_id, "into" FROM story_redirects ORDER BY 1').fetchall()
        stored = {r[0] for r in store.con.execute("SELECT story_id FROM stories").fetchall()}
        _first_seen_kept(store)
    assert redirects == first["redirects"] and stored == first["stories"]


@pytest.fixture()
def served(parsed, tmp_path) -> Iterator[tuple[str, str, str]]:
    """A real uvicorn serving a store where a story was merged: (base URL, old id, surviving id)."""
    import uvicorn

    from test_api_server import free_port
    from veille.serve import create_app

    found = _run(parsed, tmp_path, ["clashes", "truce", "bridge"], one_by_one=True)
    old, into = found["redirects"][0]
    app = create_app(tmp_path / "one.duckdb")
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", old, into
    server.should_exit = True
    thread.join(10)
    app.state.serve.store.close()


def test_the_api_and_the_page_redirect_an_old_story_id(served):
    base, old, into = served
    with httpx.Client(base_url=base, timeout=30) as client:
        moved = client.get(f"/api/stories/{old}", params={"x": "1"})
        assert moved.status_code == 301
        assert moved.headers["location"] == f"{base}/api/stories/{into}?x=1"
        page = client.get(f"/stories/{old}")
        assert page.status_code == 301 and page.headers["location"] == f"{base}/stories/{into}"
        assert client.get("/api/stories/S-unknown").status_code == 404
        assert client.get(f"/api/stories/{into}").status_code == 200
    # a client that follows redirects (httpx, requests, browsers) gets the surviving story
    with httpx.Client(base_url=base, timeout=30, follow_redirects=True) as client:
        story = client.get(f"/api/stories/{old}")
        assert story.status_code == 200 and story.json()["story_id"] == into
        assert [r.status_code for r in story.history] == [301]
        assert story.json()["num_documents"] == 3
        page = client.get(f"/stories/{old}")
        assert page.status_code == 200 and "text/html" in page.headers["content-type"]


# -- through the ingest ---------------------------------------------------------------------------
EXTRA = (
    "Le Tadjikistan et le Kirghizstan ont échangé lundi leurs prisonniers à la frontière, près de Batken, "
    "en application de la trêve signée à Samarcande. Sadyr Japarov a salué un premier pas, tandis que "
    "Douchanbé accuse toujours Bichkek d'avoir provoqué les combats."
)
INGESTED = {
    "clashes": (CLASHES, "2022-09-16"),
    "truce": (TRUCE, "2022-09-17"),
    "bridge": (BRIDGE, "2022-09-18"),
    "reprint": (REPRINT, "2022-09-17"),
    "rates": (RATES, "2022-09-08"),
    "prisoners": (EXTRA, "2022-09"),  # no publication day: its "lundi" is counted from the story's days
}


def _ingest(folder: Path, nlp: Any, order: list[str], one_by_one: bool) -> dict[str, Any]:
    from veille.pipeline import Ingestor

    files = []
    for name in order:
        text, published = INGESTED[name]
        path = folder / f"{name}.jsonl"
        record = {"id": name, "url": f"https://{name}.example/article", "outlet": f"{name}.example",
                  "published": published, "title": None, "text": text}
        path.write_text(json.dumps(record, ensure_ascii=False) + "\n", "utf-8")
        files.append(path)
    db = folder / f"{'one' if one_by_one else 'all'}.duckdb"
    with Store(db) as store:
        ingestor = Ingestor(store, nlp=nlp)
        for batch in ([f] for f in files) if one_by_one else [files]:
            ingestor.ingest_paths(batch)
        sources = dict(store.con.execute("SELECT doc_id, source FROM documents").fetchall())
        groups: dict[str, set[str]] = {}
        for doc_id, story_id in store.con.execute("SELECT doc_id, story_id FROM documents").fetchall():
            groups.setdefault(story_id, set()).add(sources[doc_id].split("/")[2].split(".")[0])
        merged = [{k: v for k, v in row.items() if k != "story_id"} | {"story": sorted(groups[row["story_id"]])}
                  for row in store.iter_rows("merged_events")]
        events = [{k: v for k, v in row.items()} for row in store.iter_rows("events")]
    return {"partition": {frozenset(g) for g in groups.values()}, "merged": merged, "events": events}


@pytest.mark.parametrize("order", [
    list(INGESTED),
    ["bridge", "prisoners", "rates", "reprint", "truce", "clashes"],
    ["truce", "rates", "clashes", "prisoners", "reprint", "bridge"],
])
def test_one_ingest_per_document_equals_one_ingest_of_all(tmp_path, veille_nlp, order):
    """`veille ingest` called once per document gives the stories, merged events and event dates of one
    `veille ingest` of all of them, in the same order (real pipeline)."""
    (tmp_path / "one").mkdir()
    (tmp_path / "all").mkdir()
    one = _ingest(tmp_path / "one", veille_nlp, order, one_by_one=True)
    once = _ingest(tmp_path / "all", veille_nlp, order, one_by_one=False)
    assert one["partition"] == once["partition"]
    assert _canonical(one["merged"]) == _canonical(once["merged"])
    assert _canonical(one["events"]) == _canonical(once["events"])
    # the real pipeline finds the border story too, the bridge merging its two halves when it comes last
    assert frozenset({"rates"}) in one["partition"] and len(one["partition"]) == 2


def test_a_story_whose_merged_events_no_longer_match_the_store_is_regrouped(parsed, tmp_path):
    """An event of a merged event that a new mention could join is gone (veille deletes none; a hand-edited
    store): the next merge regroups the story in full rather than trust it."""
    _run(parsed, tmp_path, ["clashes", "bridge"], one_by_one=True)
    ids = _ids()
    with Store(tmp_path / "one.duckdb") as store:
        store.con.execute("DELETE FROM events WHERE doc_id = ? AND type = 'AGREE'", [ids["bridge"]])
        stories.update(store, [ids["truce"]], merge=False)
        stories.merge_stale(store)
        named = {p["event_id"] for row in store.iter_rows("merged_events") for p in row["provenance"]}
        stored = {r[0] for r in store.con.execute("SELECT event_id FROM events WHERE doc_id IN (?, ?, ?)",
                                                  [ids["clashes"], ids["bridge"], ids["truce"]]).fetchall()}
    assert named == stored
